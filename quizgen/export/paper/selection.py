"""Which items a paper asks: :func:`select`, spread over the text's sections and types.

Deterministic: the only randomness is ``random.Random(f"{seed}:select")``.
"""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence

from ...errors import InputError
from ...items import Cloze, Item, Judge
from .conflicts import Exposure, clash, exposure
from .kinds import normalise_kinds, paper_kind, usable
from .model import PAPER_KINDS


def _allocate(total: int, weights: Mapping[str, float]) -> dict[str, int]:
    """Split ``total`` over kinds in proportion to ``weights`` (largest remainder), giving each
    kind with a weight at least one when there is enough to go round; never more than its weight."""
    kinds = [k for k in PAPER_KINDS if weights.get(k, 0) > 0]
    quota = {k: 0 for k in kinds}
    if total <= 0 or not kinds:
        return quota
    if total >= len(kinds):
        for k in kinds:
            quota[k] = 1
        total -= len(kinds)
    rest = {k: weights[k] - quota[k] for k in kinds}
    pool = sum(rest.values())
    if total > 0 and pool > 0:
        shares = {k: total * rest[k] / pool for k in kinds}
        for k in kinds:
            quota[k] += int(shares[k])
        left = total - sum(int(s) for s in shares.values())
        for k in sorted(kinds, key=lambda k: (-(shares[k] - int(shares[k])), PAPER_KINDS.index(k))):
            if left <= 0:
                break
            if quota[k] < weights[k]:
                quota[k] += 1
                left -= 1
    return {k: int(min(q, weights[k])) for k, q in quota.items()}


def _is_true(item: Item) -> bool:
    return isinstance(item, Judge) and item.answer


def _alternate_truth(indexes: list[int], pool: Sequence[Item], true_first: bool) -> list[int]:
    """True and false statements taken in turn (sections alternate which comes first), so
    that a paper's 判断题 are not mostly one answer."""
    true = [i for i in indexes if _is_true(pool[i])]
    false = [i for i in indexes if not _is_true(pool[i])]
    first, second = (true, false) if true_first else (false, true)
    mixed = [x for pair in zip(first, second) for x in pair]
    return (mixed + first[len(second):] + second[len(first):])[::-1]  # picks pop from the end


def select(items: Sequence[Item], seed: int = 0, count: int | None = None,
           per_type: Mapping[str, int] | None = None) -> list[Item]:
    """Pick the items for a paper, spread over the text's sections; deck order is kept.

    - neither ``count`` nor ``per_type``: every usable item;
    - ``per_type`` (e.g. ``{"choice": 10, "judge": 5}``; keys also ``single``/``cloze``/``fill``):
      that many of each type, capped by what there is; types not named are left out;
    - ``count``: that many in total, split over the types in proportion to what there is
      (each type at least one when possible); with ``per_type`` as well, it caps the total.

    A sentence one question asks is not asked again as a fill-in, and no two questions of a
    paper clash (:mod:`.conflicts`: one sentence asked twice, or one question showing another's
    answer): a question that would clash with one already taken is left out, and with
    ``count`` alone another type takes its place. Within the quotas, questions are taken
    round-robin over ``Item.section`` (sections in a seeded order, each section's items
    shuffled): every type is spread over the sections and so is the paper as a whole, so a
    short paper covers as many sections as it can instead of the first N items.
    Deterministic for a given seed.
    """
    pool = _once_per_sentence(usable(items))
    quota = _quotas(pool, count, per_type)
    rng = random.Random(f"{seed}:select")
    spare = count is not None and per_type is None  # a total: a type that runs out leaves room to the others
    exposures = [exposure(i) for i in pool]
    clashes = _clash_counts(exposures)
    picks = _round_robin(quota, _by_section(pool, rng, clashes), exposures, clashes, spare)
    return [pool[i] for i in sorted(picks)]


Where = tuple[str, str]  # (document, section)


def _once_per_sentence(pool: list[Item]) -> list[Item]:
    """A sentence a question asks is not asked again as a fill-in (the deck keeps both a
    cloze and a question of a fact; a paper asks it once)."""
    asked = {(item.document, item.source) for item in pool if not isinstance(item, Cloze)}
    return [item for item in pool if not isinstance(item, Cloze) or (item.document, item.source) not in asked]


def _quotas(pool: Sequence[Item], count: int | None, per_type: Mapping[str, int] | None) -> dict[str, int]:
    """How many questions of each type (see :func:`select`)."""
    if count is not None and (isinstance(count, bool) or not isinstance(count, int) or count < 1):
        raise InputError(f"the number of questions must be a whole number ≥ 1, not {count!r}")
    available = {k: sum(1 for i in pool if paper_kind(i) == k) for k in PAPER_KINDS}
    if per_type is not None:
        wanted = normalise_kinds(per_type, "the per-type counts")
        if any(not float(v).is_integer() for v in wanted.values()):
            raise InputError("per-type counts must be whole numbers")
        quota = {k: min(int(wanted.get(k, 0)), available[k]) for k in PAPER_KINDS}
        if count is not None and sum(quota.values()) > count:
            quota = _allocate(count, quota)
    elif count is not None:
        quota = _allocate(min(count, len(pool)), available)
    else:
        quota = dict(available)
    quota = {k: quota.get(k, 0) for k in PAPER_KINDS}
    if sum(quota.values()) == 0:
        if not pool:
            raise InputError("the deck has no questions to put on a paper")
        raise InputError("no questions selected (check the per-type counts)")
    return quota


def _clash_counts(exposures: Sequence[Exposure]) -> list[int]:
    """How many of the other questions each one clashes with (questions of different
    documents never do)."""
    counts = [0] * len(exposures)
    by_document: dict[str, list[int]] = {}
    for index, exposed in enumerate(exposures):
        by_document.setdefault(exposed.document, []).append(index)
    for indexes in by_document.values():
        for n, i in enumerate(indexes):
            for j in indexes[n + 1:]:
                if clash(exposures[i], exposures[j]):
                    counts[i] += 1
                    counts[j] += 1
    return counts


def _by_section(pool: Sequence[Item], rng: random.Random, clashes: Sequence[int]) -> dict[Where, dict[str, list[int]]]:
    """{section: {type: indexes into ``pool``, in the order they are picked (from the end)}},
    sections in a seeded order, each section's items shuffled, then those that clash with
    the fewest others first (each pick leaves out what it clashes with: fewer are lost)."""
    sections: list[Where] = []
    by_section: dict[Where, dict[str, list[int]]] = {}
    for index, item in enumerate(pool):
        where = item.document, item.section
        if where not in by_section:
            sections.append(where)
            by_section[where] = {k: [] for k in PAPER_KINDS}
        by_section[where][paper_kind(item)].append(index)
    for number, groups in enumerate(by_section.values()):
        for group in groups.values():
            rng.shuffle(group)
            group.sort(key=lambda i: -clashes[i])  # stable: the shuffle orders equals
        groups["judge"] = _alternate_truth(groups["judge"], pool, true_first=number % 2 == 0)
    rng.shuffle(sections)
    return {where: by_section[where] for where in sections}


def _round_robin(quota: dict[str, int], by_section: dict[Where, dict[str, list[int]]],
                 exposures: Sequence[Exposure], clashes: Sequence[int], spare: bool) -> list[int]:
    """Greedy round-robin: each pick goes to the (type, section) pair that has been used least
    for that type, then to the section with the fewest picks so far, then to sections that
    few of the wanted types can reach (so they are not left out), then to the type that can
    go to the fewest sections not yet asked, then to the question that clashes with the
    fewest others, then to the type furthest from its quota; ties follow the seeded section
    order (``by_section``'s). Each pick removes the questions that clash with it; with
    ``spare``, what a type that ran out leaves goes to the others."""
    sections = list(by_section)
    rank = {name: n for n, name in enumerate(sections)}
    picks_section = dict.fromkeys(sections, 0)
    picks_pair: dict[tuple[str, Where], int] = {}
    remaining = dict(quota)
    total = sum(quota.values())
    chosen: list[int] = []
    while len(chosen) < total:
        best = _best_pick(remaining, quota, by_section, rank, picks_section, picks_pair, clashes)
        if best is None:
            left = total - len(chosen)
            if not spare or not any(by_section[n][k] for n in sections for k in PAPER_KINDS if not remaining[k]):
                return chosen
            remaining = {k: left if any(by_section[n][k] for n in sections) else 0 for k in PAPER_KINDS}
            continue
        kind, name = best
        pick = _take(by_section[name][kind], exposures, chosen)
        chosen.append(pick)
        _drop_clashes(by_section, exposures, pick)
        remaining[kind] -= 1
        picks_section[name] += 1
        picks_pair[best] = picks_pair.get(best, 0) + 1
    return chosen


def _take(group: list[int], exposures: Sequence[Exposure], chosen: Sequence[int]) -> int:
    """The next question of ``group`` (from the end); of true/false statements, one of the
    answer the paper has fewer of when the group has one (at a tie a false one: decks have
    fewer of them, see quizgen.rank.select)."""
    truths = [exposures[i].truth for i in chosen if exposures[i].truth is not None]
    want = truths.count(True) < truths.count(False)
    at = next((n for n in range(len(group) - 1, -1, -1) if exposures[group[n]].truth == want), len(group) - 1)
    return group.pop(at)


def _best_pick(remaining: dict[str, int], quota: dict[str, int], by_section: dict[Where, dict[str, list[int]]],
               rank: dict[Where, int], picks_section: dict[Where, int],
               picks_pair: dict[tuple[str, Where], int], clashes: Sequence[int]) -> tuple[str, Where] | None:
    """The (type, section) the next question comes from (see :func:`_round_robin`)."""
    best: tuple[str, Where] | None = None
    best_key: tuple | None = None
    # how many sections not yet asked a type can still go to: the scarcest type goes first
    open_to = {k: sum(1 for n in by_section if by_section[n][k] and not picks_section[n]) for k in PAPER_KINDS}
    for kind in PAPER_KINDS:
        if not remaining[kind]:
            continue
        behind = remaining[kind] / max(quota[kind], 1)
        for name in by_section:
            if not by_section[name][kind]:
                continue
            reach = sum(1 for k in PAPER_KINDS if remaining[k] and by_section[name][k])
            lost = clashes[by_section[name][kind][-1]]  # what taking its next question leaves out
            key = (picks_pair.get((kind, name), 0), picks_section[name], reach, open_to[kind], lost, -behind,
                   rank[name], PAPER_KINDS.index(kind))
            if best_key is None or key < best_key:
                best, best_key = (kind, name), key
    return best


def _drop_clashes(by_section: dict[Where, dict[str, list[int]]], exposures: Sequence[Exposure], pick: int) -> None:
    """Questions that would clash with ``pick`` on the paper are no longer candidates."""
    taken = exposures[pick]
    for groups in by_section.values():
        for kind, group in groups.items():
            if group:
                groups[kind] = [i for i in group if not clash(taken, exposures[i])]
