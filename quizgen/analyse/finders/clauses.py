"""Clause phrases: the predicate of every clause (人民法院|不予支持), without its subject,
modal, connective and closing 的, when it is of a size to learn."""

from __future__ import annotations

from ...lang import chunks
from ...lang.chunks import length
from ..context import MAX_CLAUSE, MIN_PHRASE, FinderContext
from .objects import OBJECT_PREPOSITIONS

_SUBJECT_ALLOWANCE = 12  # a clause longer than this plus the longest predicate has none to ask
# Words that open the tail of a statement, not a statement: 就是重点, 也往往因时而异.
_FRAGMENT_OPENERS = frozenset("就 就是 也 才 都 还 又 便 即 是 则 而 更 越 往往 要".split())


def find_clause_phrases(ctx: FinderContext) -> None:
    """The predicate of every clause (subject, modal, connective and closing 的 gone),
    when it is of a size to learn."""
    for sentence in ctx.sentences():
        for clause in ctx.clauses(sentence):
            if length(clause) > MAX_CLAUSE + _SUBJECT_ALLOWANCE or chunks.is_topic(clause):
                continue
            core = chunks.predicate(clause)
            if not core or (core[0].text in OBJECT_PREPOSITIONS and chunks.is_noun_phrase(core[1:])):
                continue  # a bare prepositional phrase: its object is the phrase
            text = ctx.text(core)
            if chunks.sets_scene(core) or core[0].text in _FRAGMENT_OPENERS or chunks.QUESTION_WORDS.search(text):
                continue  # 在重大决策前, 就是重点, 哪些工作是次要: no statement of its own
            if MIN_PHRASE <= length(core) <= MAX_CLAUSE:
                ctx.add_clause(core)
