"""One version of a paper: :func:`make_paper` (questions and options shuffled with
``random.Random(f"{seed}:{version}")``, answers remapped), from the items :func:`select` picks."""

from __future__ import annotations

import random
import re
from collections.abc import Mapping, Sequence
from typing import assert_never

from ...errors import InputError
from ...items import Choice, Cloze, Item, Judge, Multi
from ...lang import markup
from ...model import Deck
from .kinds import DEFAULT_POINTS, normalise_kinds, paper_kind
from .model import LETTERS, MULTI_SCORING, PAPER_KINDS, Blank, Paper, PaperSection, Question, half_credit
from .selection import select

# Options that refer to the others ("以上都对", "A和B") must keep their place.
_FIXED_OPTION_RE = re.compile(r"以上|上述|都(不)?(对|是|正确|错误)|均(不)?(对|是|正确)|^[A-H]\s*[和与及、,，]\s*[A-H]")


def version_label(version: int) -> str:
    if not 0 <= version < len(LETTERS):
        raise InputError(f"version must be between 0 and {len(LETTERS) - 1} (A–Z), not {version}")
    return LETTERS[version]


def parse_cloze(text: str) -> list[str | Blank]:
    """Anki cloze text (HTML-escaped) -> plain text parts and blanks, in order.

    Every deletion (c1…cN, repeated numbers included) becomes a blank. Literal braces in the
    source are escaped as ``&#123;`` by the cloze stage, so they never look like a deletion.
    """
    return [Blank(s.answer.strip(), s.hint) if isinstance(s, markup.Deletion) else s
            for s in markup.parse(text)]


def _option_order(options: Sequence[str], rng: random.Random) -> list[int]:
    """A shuffled order of the options; options that refer to others keep their place,
    and options like "A和B" freeze the whole question."""
    order = list(range(len(options)))
    if any(re.search(r"^[A-H]\s*[和与及、,，]\s*[A-H]", o.strip()) for o in options):
        return order
    movable = [i for i, o in enumerate(options) if not _FIXED_OPTION_RE.search(o)]
    shuffled = movable[:]
    rng.shuffle(shuffled)
    for slot, index in zip(movable, shuffled):
        order[slot] = index
    return order


Arrangement = dict[str, list[tuple[Item, list[int]]]]  # {type: [(item, option order)]} in paper order


def _arrange(groups: dict[str, list[Item]], rng: random.Random) -> Arrangement:
    out: Arrangement = {}
    for kind, group in groups.items():
        group = group[:]
        rng.shuffle(group)
        out[kind] = [(item, _option_order(item.options, rng) if isinstance(item, Choice | Multi) else [])
                     for item in group]
    return out


def _signature(arrangement: Arrangement) -> tuple:
    return tuple((kind, tuple((item.id, tuple(order)) for item, order in rows))
                 for kind, rows in arrangement.items())


def _arrangement(groups: dict[str, list[Item]], seed: int, version: int) -> Arrangement:
    """Version ``version``'s order: ``random.Random(f"{seed}:{version}")``, re-drawn (a bounded,
    seeded number of times) when it would repeat an earlier version's order exactly."""
    seen: set[tuple] = set()
    result: Arrangement = {}
    for v in range(version + 1):
        for attempt in range(32):
            rng = random.Random(f"{seed}:{v}" if attempt == 0 else f"{seed}:{v}:{attempt}")
            result = _arrange(groups, rng)
            if _signature(result) not in seen:
                break
        seen.add(_signature(result))
    return result


def make_question(item: Item, number: int, points: float, order: list[int], multi_scoring: str = "half",
                  script: str | None = None, section: str = "") -> Question:
    """Question ``number`` from ``item``; ``points`` per question (fill: per blank); ``section``
    as the paper names it (default: the item's)."""
    q = Question(number=number, kind=paper_kind(item), item_id=item.id, points=points,
                 section=section or item.section,
                 source=item.source, explanation=item.own_explanation(), script=script)
    match item:
        case Choice() | Multi():
            q.stem = item.question.strip()
            q.option_order = order
            q.options = [item.options[i] for i in order]
            q.answer = sorted(order.index(a) for a in set(item.answer))
            if isinstance(item, Multi):
                q.partial_points = half_credit(points, multi_scoring)
        case Judge():
            q.stem = item.statement.strip()
            q.answer = bool(item.answer)
        case Cloze():
            q.parts = parse_cloze(item.text)
            q.answer = [b.answer for b in q.blanks]
            q.points = points * len(q.blanks)
        case _:
            assert_never(item)
    return q


def make_paper(deck: Deck, seed: int = 0, version: int = 0, count: int | None = None,
               per_type: Mapping[str, int] | None = None, points: Mapping[str, float] | None = None,
               minutes: int | None = None, label: str | None = None, multi_scoring: str = "half",
               script: str | None = None) -> Paper:
    """One version of the paper. All versions of a seed hold the same questions (``select``);
    version ``v`` shuffles questions within each section and the options of each question with
    ``random.Random(f"{seed}:{v}")``, remapping the answers. ``label`` defaults to "" for
    version 0 and the version letter otherwise (``write_papers`` labels all versions A, B, …).

    ``points`` are per question, for fill questions per blank (每空), in whole or half points;
    ``multi_scoring`` (one of MULTI_SCORING) says what a multi-select question with some of its
    answers and no wrong one earns; ``script`` the script of the paper's own labels."""
    if isinstance(version, bool) or not isinstance(version, int):
        raise InputError(f"version must be a whole number, not {version!r}")
    letter = version_label(version)
    if minutes is not None and (isinstance(minutes, bool) or not isinstance(minutes, int) or minutes < 1):
        raise InputError(f"the time must be a whole number of minutes ≥ 1, not {minutes!r}")
    per_question: dict[str, float] = dict(DEFAULT_POINTS)
    per_question.update(normalise_kinds(points, "the points"))
    if any(v <= 0 for v in per_question.values()):
        raise InputError("points per question must be greater than 0")
    if any(not float(v * 2).is_integer() for v in per_question.values()):
        raise InputError("points per question must be whole or half points (e.g. 2 or 1.5)")
    if multi_scoring not in MULTI_SCORING:
        raise InputError(f"unknown multi-select scoring {multi_scoring!r}; choose from {', '.join(MULTI_SCORING)}")

    chosen = select(deck.items, seed, count, per_type)
    groups = {k: [i for i in chosen if paper_kind(i) == k] for k in PAPER_KINDS}
    groups = {k: v for k, v in groups.items() if v}
    arrangement = _arrangement(groups, seed, version)

    sections: list[PaperSection] = []
    number = 0
    for kind in PAPER_KINDS:
        if kind not in arrangement:
            continue
        section = PaperSection(len(sections) + 1, kind, per_question[kind], multi_scoring=multi_scoring,
                               script=script)
        for item, order in arrangement[kind]:
            number += 1
            section.questions.append(make_question(item, number, per_question[kind], order, multi_scoring, script,
                                                   deck.section_label(item)))
        sections.append(section)
    return Paper(deck.name, seed, version, letter if label is None and version else (label or ""),
                 sections, minutes, script)
