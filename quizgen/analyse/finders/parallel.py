"""Parallel clauses: clauses of the same shape in one sentence (上面端平，下面抹平，左右摆平),
two verb-object pairs (秉持诚实，恪守承诺), or clauses that open with the same word
(不得违反法律，不得违背公序良俗): the run is a phrase and its clauses a sibling set."""

from __future__ import annotations

import re

from ...ingest.clean import is_han
from ...lang import chunks
from ...lang.segment import Token
from ...model import Phrase, Sentence
from ..context import FinderContext

_CLAUSE_SPLIT = re.compile(r"[，、,]")


def find_parallel_clauses(ctx: FinderContext) -> None:
    """Clauses of the same shape in one sentence: 上面端平，下面抹平，左右摆平;
    秉持诚实，恪守承诺 (two verb-object pairs); 不得违反法律，不得违背公序良俗 (the
    same opening word)."""
    for sentence in ctx.sentences():
        words = ctx.doc.tokens(sentence)
        runs = _anaphora_runs(sentence, words)
        if not ctx.in_article(sentence):  # equal clauses are a device of prose, not of rules
            runs += _clause_runs(sentence.text, {t.start - sentence.start for t in words})
        for run in runs:
            texts = [t for _, t in run]
            if any(chunks.QUESTION_WORDS.search(t) for t in texts):
                continue
            if all(ctx.kind_at(sentence.start + s, sentence.start + s + len(t)) == "enumeration" for s, t in run):
                continue  # a stretch of a list already found (对上协调、平级协调 of 协调包括…)
            if not (_parallel_shape(texts) or _same_opening(run, sentence, words)
                    or _verb_object_pair(run, sentence, words)):
                continue
            start = run[0][0]
            end = run[-1][0] + len(run[-1][1])
            whole = ctx.add(sentence.text[start:end], "parallel", sentence.start + start)
            if whole is None:
                continue
            members = [Phrase(t, "parallel", sentence.start + s, sentence.start + s + len(t),
                              whole.sentence, whole.section, 0.6) for s, t in run]
            if ctx.group("parallel", members, label=whole.text):
                ctx.phrases.extend(members)


_ANAPHORA_STOPS = frozenset("，,；;。！？!?")
_ANAPHORA_MAX = 12


def _anaphora_runs(sentence: Sentence, words: list[Token]) -> list[list[tuple[int, str]]]:
    """Consecutive clauses (split by ，) that open with the same word: 不得…，不得…"""
    runs: list[list[tuple[int, str]]] = []
    run: list[tuple[int, str]] = []
    opening = ""
    for clause in chunks.split_clauses(words, stops=_ANAPHORA_STOPS):
        text = chunks.text_of(clause)
        first = clause[0].text
        if run and first == opening and len(text) <= _ANAPHORA_MAX and clause[0].start == _next_clause(run, sentence):
            run.append((clause[0].start - sentence.start, text))
            continue
        if len(run) >= 2:
            runs.append(run)
        run, opening = ([(clause[0].start - sentence.start, text)], first) \
            if len(first) >= 2 and len(text) <= _ANAPHORA_MAX else ([], "")
    if len(run) >= 2:
        runs.append(run)
    return runs


def _next_clause(run: list[tuple[int, str]], sentence: Sentence) -> int:
    """Where the clause after the run's last one starts (after one comma)."""
    start, text = run[-1]
    return sentence.start + start + len(text) + 1


def _same_opening(run: list[tuple[int, str]], sentence: Sentence, words: list[Token]) -> bool:
    firsts = {next((t.text for t in words if t.start == sentence.start + s), "") for s, _ in run}
    return len(firsts) == 1 and len(firsts.pop()) >= 2 and len({t for _, t in run}) == len(run)


def _verb_object_pair(run: list[tuple[int, str]], sentence: Sentence, words: list[Token]) -> bool:
    """秉持诚实，恪守承诺: two four-character clauses, each a verb and its object."""
    if len(run) != 2 or any(len(t) != 4 for _, t in run):
        return False
    for s, text in run:
        inside = [t for t in words if sentence.start + s <= t.start < sentence.start + s + len(text)]
        if len(inside) != 2 or inside[0].tag != "v" or not (chunks.is_nounish(inside[1]) or inside[1].tag == "a"):
            return False
    return True


def _clause_runs(text: str, bounds: set[int]) -> list[list[tuple[int, str]]]:
    """Runs of consecutive clauses (split by ，、) of equal length, within ；/： boundaries."""
    runs = []
    for seg in _CLAUSE_SEGMENT.finditer(text):
        clause_list, pos = [], seg.start()
        for part in _CLAUSE_SPLIT.split(seg.group()):
            clause_list.append((pos, part))
            pos += len(part) + 1
        run: list[tuple[int, str]] = []
        for clause in clause_list:
            if _CIRCUMSTANCE_CLAUSE.match(clause[1]):
                if len(run) >= 2:
                    runs.append(run)
                run = []
                continue
            if run and len(clause[1]) == len(run[-1][1]):
                run.append(clause)
                continue
            if run and len(run[-1][1]) > len(clause[1]) >= 3:
                head = _trim_lead(run[-1], len(clause[1]), bounds)
                if head:
                    if len(run) > 2:
                        runs.append(run[:-1])
                    run = [head, clause]
                    continue
            if len(run) >= 2:
                runs.append(run)
            run = [clause]
        if len(run) >= 2:
            runs.append(run)
    return runs


_CLAUSE_SEGMENT = re.compile(r"[^；;：:。！？!?“”]+")
_CIRCUMSTANCE_CLAUSE = re.compile(r"^在[^，,]{1,10}(?:前|中|后|时)$")


def _trim_lead(clause: tuple[int, str], n: int, bounds: set[int]) -> tuple[int, str] | None:
    """做到深入基层 -> 深入基层, when the cut falls on a word boundary."""
    start, text = clause
    cut_at = start + len(text) - n
    return (cut_at, text[len(text) - n:]) if cut_at in bounds else None


def _parallel_shape(texts: list[str]) -> bool:
    """Clauses of one length, all Han, alike in places. A run of the same opening word
    (国旗应当大于区旗，国旗在右) may hold clauses of any length: those are not of a shape."""
    n = len(texts[0])
    if any(len(t) != n for t in texts):
        return False
    if not 3 <= n <= 8 or not all(all(is_han(c) for c in t) for t in texts):
        return False
    shared = [i for i in range(n) if len({t[i] for t in texts}) == 1]
    if len(texts) >= 3:
        return n <= 6 and (bool(shared) or n == 4)
    # two clauses: a shared character in the same place, not only at the start
    return any(i > 0 for i in shared) and len(shared) < n
