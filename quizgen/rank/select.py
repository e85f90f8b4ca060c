"""A trainer's selection: of every candidate item, the best ones under a budget of cards
that grows with the text, each fact asked once in each form, spread over the sections.

1. An item with a quality problem (:meth:`quizgen.items.Cloze.quality` …) is rejected.
2. One cloze note per source sentence (a list note is its own), the best-scored one; one
   question per source sentence, one question of each kind per parallel frame or list (its
   members are one fact asked member by member), and no answer asked twice in one form.
3. Greedy by score under the budget, a section's score discounted by what it already has,
   so that every section gets asked; cloze notes take at most ``CLOZE_SHARE`` of the cards
   while questions are left; a paper's true statements outnumber its false ones by at most
   ``TRUE_SLACK``.
The kept items keep the order the generators made them in.
"""

from __future__ import annotations

import heapq
import re
from collections import Counter
from dataclasses import dataclass, field

from ..itemchecks import bare
from ..items import Cloze, Item, Judge

CARDS_PER_1K = 40  # cards per 1,000 characters of text
MIN_CARDS = 12
SECTION_DISCOUNT = 0.85  # a section's next item counts this much less
FIRST_IN_SECTION = 2.0
KIND_DISCOUNT = 0.8  # and a kind of question's next one: every kind gets asked
FIRST_OF_KIND = 1.5  # a kind's first question comes before another kind's best ones
CLOZE_SHARE = 0.65
TRUE_SLACK = 2  # true statements a paper may have beyond its false ones


@dataclass(frozen=True)
class Budget:
    """How many cards to keep: ``None`` keeps every candidate that passes the checks."""

    cards: int | None = None
    keep_all: bool = False

    def for_text(self, chars: int) -> int | None:
        if self.keep_all:
            return None
        return self.cards if self.cards is not None else max(MIN_CARDS, round(CARDS_PER_1K * chars / 1000))


@dataclass
class Selection:
    """What the selection kept, and why the rest went."""

    kept: list[Item]
    candidates: int
    rejected: Counter[str] = field(default_factory=Counter)  # quality reason code -> items
    repeated: int = 0  # a better item asks the same sentence in the same form
    over_budget: int = 0

    def summary(self) -> dict[str, object]:
        return {"candidates": self.candidates, "kept": len(self.kept),
                "cards": sum(i.cards for i in self.kept), "rejected": dict(sorted(self.rejected.items())),
                "repeated": self.repeated, "over_budget": self.over_budget}


def select(items: list[Item], chars: int, budget: Budget = Budget()) -> Selection:
    """The items to keep of ``items`` (scored) for a text of ``chars`` characters."""
    selection = Selection([], len(items))
    sound = []
    for item in items:
        problems = item.quality()
        if problems and not budget.keep_all:
            selection.rejected[problems[0].code] += 1
        else:
            sound.append(item)
    unique = _once_per_fact(sound) if not budget.keep_all else sound
    selection.repeated = len(sound) - len(unique)
    limit = budget.for_text(chars)
    chosen = unique if limit is None else _within(unique, limit)
    selection.over_budget = len(unique) - len(chosen)
    keep = {id(i) for i in chosen}
    selection.kept = [i for i in items if id(i) in keep]
    return selection


def _once_per_fact(items: list[Item]) -> list[Item]:
    """The best cloze note of each sentence (a list's note is its own); questions compete in
    :func:`_greedy`, where a sentence asked once is not asked again."""
    best: dict[str, Item] = {}
    for item in items:
        if isinstance(item, Cloze) and (item.source not in best or _score(item) > _score(best[item.source])):
            best[item.source] = item
    keep = {id(i) for i in best.values()}
    return [i for i in items if not isinstance(i, Cloze) or id(i) in keep]


def _within(items: list[Item], limit: int) -> list[Item]:
    """Cloze notes take ``CLOZE_SHARE`` of the cards, questions the rest; what one form
    leaves unused goes to the other."""
    clozes: list[Item] = [i for i in items if isinstance(i, Cloze)]
    questions: list[Item] = [i for i in items if not isinstance(i, Cloze)]
    asked: dict[str, set[str]] = {"cloze": set(), "question": set(), "stems": set()}
    taken: Counter[str] = Counter()
    chosen = _greedy(clozes, round(limit * CLOZE_SHARE), asked, taken)
    used = sum(i.cards for i in chosen)
    chosen += _greedy(questions, limit - used, asked, taken)
    used = sum(i.cards for i in chosen)
    rest = [i for i in clozes if i not in chosen]
    # the true statements a balanced paper has no room for go, and nothing weaker takes their place
    return _balanced_judges(chosen + _greedy(rest, limit - used, asked, taken))


def _balanced_judges(chosen: list[Item]) -> list[Item]:
    """No more true statements than false ones and ``TRUE_SLACK``: a paper a learner passes
    by answering 正确 throughout tests nothing (the lowest-scored true ones go)."""
    true = sorted((i for i in chosen if isinstance(i, Judge) and i.answer), key=_score)
    false = sum(1 for i in chosen if isinstance(i, Judge) and not i.answer)
    extra = {id(i) for i in true[:max(0, len(true) - false - TRUE_SLACK)]}
    return [i for i in chosen if id(i) not in extra]


def _greedy(items: list[Item], limit: int, asked: dict[str, set[str]], taken: Counter[str]) -> list[Item]:
    """Greedy by value under ``limit`` cards (lazy: an item's value only falls as others
    are taken): its score, discounted by what its section already has, times the share of
    its answers not yet asked in its form."""
    heap = [(-_score(item), n) for n, item in enumerate(items)]
    heapq.heapify(heap)
    chosen: list[Item] = []
    cards = 0
    while heap and cards < limit:
        _, n = heapq.heappop(heap)
        item = items[n]
        value = _value(item, asked, taken)
        if heap and value < -heap[0][0] - 1e-12:
            if value > 0:
                heapq.heappush(heap, (-value, n))
            continue
        if value <= 0 or cards + item.cards > limit:
            continue
        chosen.append(item)
        cards += item.cards
        taken[item.section] += 1
        taken[_kind(item)] += 1
        asked[_form(item)].update(_facts(item))
        if not isinstance(item, Cloze):
            asked["question"].add(_sentence(item))
            asked["question"].add(_family(item))
            asked["stems"].add(bare(_stem(item)))
    return chosen


def _value(item: Item, asked: dict[str, set[str]], taken: Counter[str]) -> float:
    facts = _facts(item)
    if not isinstance(item, Cloze) and (_sentence(item) in asked["question"] or _gives_away(item, asked)
                                        or _family(item) in asked["question"]):
        return 0.0  # one question per sentence and per frame; none that answers another on the paper
    new = sum(f not in asked[_form(item)] for f in facts) / len(facts)
    spread = SECTION_DISCOUNT ** taken[item.section] * KIND_DISCOUNT ** taken[_kind(item)]
    if not taken[item.section]:
        spread *= FIRST_IN_SECTION  # every section asked, however it scores
    if not isinstance(item, Cloze) and not taken[_kind(item)]:
        spread *= FIRST_OF_KIND
    return _score(item) * spread * new


def _form(item: Item) -> str:
    return "cloze" if isinstance(item, Cloze) else "question"


def _stem(item: Item) -> str:
    return item.statement if isinstance(item, Judge) else getattr(item, "question", "")


def _gives_away(item: Item, asked: dict[str, set[str]]) -> bool:
    """The question's answer is in a stem already chosen, or its stem holds an answer
    already asked: one would answer the other on a paper."""
    stem = bare(_stem(item))
    mine = [a for a in _facts(item) if len(a) >= 2 and not a.startswith("sentence:")]
    return (any(a in s for a in mine for s in asked["stems"])
            or any(len(a) >= 2 and a in stem for a in asked["question"] if not a.startswith("sentence:")))


# the frame or list a question asks one member of: s3-p2-t4-frame1 of s3-p2-t4-frame1-m2-choice
_FAMILY = re.compile(r".*?-(?:frame|list)\d+(?=-)")


def _family(item: Item) -> str:
    """A question's kind and the frame or list it asks a member of (对上协调要在创新上下功夫,
    平级协调要在落实上下功夫…: the sample's paper had four true/false statements of one frame),
    or its own id when it asks none."""
    family = _FAMILY.match(item.id)
    return f"family:{item.kind}:{family.group() if family else item.id}"


def _kind(item: Item) -> str:
    """What is spread over a selection: the kinds of question, and true against false."""
    return f"judge:{item.answer}" if isinstance(item, Judge) else item.kind


def _sentence(item: Item) -> str:
    return "sentence:" + (item.source or item.id)


def _facts(item: Item) -> list[str]:
    """What an item asks, to tell when two items ask the same: its answers (without
    punctuation), or for a true/false statement its source sentence."""
    return [bare(a) for a in item.answers() if bare(a)] or [bare(item.source) or item.id]


def _score(item: Item) -> float:
    return item.score if item.score is not None else 0.5
