"""Item identity across versions of a text: which freshly generated item is which known one.

Item ids are locations (``s3-p2-t4-cloze``: section 3, paragraph 2, sentence 4), and an
Anki note's GUID is made from (document, id). A sentence inserted or deleted shifts the
locations of the sentences after it, so a fresh id can name another fact than it did last
time. Both routes that rebuild a deck the learners already study - the review file
(:mod:`quizgen.review.file`) and a plain rebuild over the previous JSON export
(:mod:`quizgen.export.previous`) - therefore match the generated items to the known ones
with :func:`match` and give a matched item the id it had:

1. identical generated content (:func:`fingerprint`);
2. the same *anchor* (:func:`anchor`: document, kind of question, source sentence) - the
   same question on the same sentence, whose options or section changed;
3. the same question (the id without its location) on a similar sentence - the sentence
   was reworded (:func:`similarity`); the most similar first, the same id winning a tie.

Each known item is matched once. A known item that is only remembered (deleted by the
trainer, or retired because its sentence vanished) is matched by content or anchor - its
sentence came back - but never to a reworded one: a vanished sentence's id is not given to
another sentence.
An unmatched item takes its own id unless a known item holds it, then ``ID-n2``, ``ID-n3``…
(:func:`unique_key`).
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Collection, Sequence
from difflib import SequenceMatcher
from typing import Any, Protocol

# "s4-p2-t5-" of "s4-p2-t5-list-ord1-choice": where the item is, not what it asks.
LOCATION_PREFIX = re.compile(r"^s\d+(?:-p\d+)?(?:-t\d+)?-")


class Identified(Protocol):
    """What :func:`match` compares: a key (``document/id``) and two content hashes."""

    @property
    def key(self) -> str: ...

    @property
    def fingerprint(self) -> str | None: ...

    @property
    def anchor(self) -> str | None: ...


def item_key(document: str, item_id: str) -> str:
    """An item's key: ids are unique per document only."""
    return f"{document}/{item_id}"


def plain(value: Any) -> Any:
    """Plain Python values (ruamel's round-trip types included), for hashing."""
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float):
        return float(value)
    return str(value)


def fingerprint(kind: Any, content: dict[str, Any]) -> str:
    """Short hash of an item's content; empty values count as absent.

    Tags are left out: they only sort cards, and a generator change to them should not
    turn every edited item into a conflict.
    """
    data = {k: plain(v) for k, v in content.items()
            if k != "tags" and v is not None and v != "" and v != []}
    data["kind"] = plain(kind)
    text = json.dumps(data, ensure_ascii=False, sort_keys=True)
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def anchor(document: str, item_id: str, source: str) -> str:
    """What makes an item "the same question" when its position changed: document, kind of
    question (the id without its location prefix) and source sentence."""
    tail = LOCATION_PREFIX.sub("", item_id)
    text = json.dumps([document, tail, source], ensure_ascii=False)
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def match(fresh: Sequence[Identified], known: Sequence[Identified], *,
          source: Callable[[Identified], str],
          live: Callable[[Identified], bool] = lambda _known: True) -> list[int | None]:
    """For each fresh item, the index in ``known`` of the item it is, or None: one to one,
    in three passes (see the module docstring) - by fingerprint, by anchor, then among
    the ``live`` known items the same question (id without location) on the most similar
    ``source`` sentence, if similar enough (:data:`SIMILAR`)."""
    found: list[int | None] = [None] * len(fresh)
    claimed: set[int] = set()
    for value in (lambda i: i.fingerprint, lambda i: i.anchor):
        index: dict[str, list[int]] = {}
        for n, old in enumerate(known):
            key = value(old)
            if key is not None:
                index.setdefault(key, []).append(n)
        for position, new in enumerate(fresh):
            wanted = value(new)
            if found[position] is not None or wanted is None:
                continue
            free = [n for n in index.get(wanted, ()) if n not in claimed]
            if free:
                choice = next((n for n in free if known[n].key == new.key), free[0])
                found[position] = choice
                claimed.add(choice)
    rest = [n for n, old in enumerate(known) if n not in claimed and live(old)]
    for position, n in _reworded(fresh, [p for p, f in enumerate(found) if f is None],
                                 known, rest, source):
        found[position] = n
    return found


# How alike a reworded sentence must be to what it was (difflib's ratio, 0..1): the
# parallel sentences of a list, different facts, reach 0.77 (对上协调要在创新上下功夫 /
# 对下协调要在关爱上下功夫); a word changed in a sentence of twenty characters leaves 0.85.
SIMILAR = 0.8
NUMBER = re.compile(r"\d+")


def _question(item: Identified) -> tuple[str, str]:
    """(document, kind of question): the id without its location and numbers
    (``frame#-m#-choice``: a list that lost its first member renumbers the others)."""
    document, _, item_id = item.key.partition("/")
    return document, NUMBER.sub("#", LOCATION_PREFIX.sub("", item_id))


def _reworded(fresh: Sequence[Identified], positions: list[int], known: Sequence[Identified],
              candidates: list[int], source: Callable[[Identified], str]) -> list[tuple[int, int]]:
    """Pairs (fresh position, known index) of the same question on a reworded sentence,
    the most similar sentences first, the same id winning a tie."""
    by_question: dict[tuple[str, str], list[int]] = {}
    for n in candidates:
        by_question.setdefault(_question(known[n]), []).append(n)
    scored = []
    for position in positions:
        new = fresh[position]
        text = source(new)
        for n in by_question.get(_question(new), ()):
            score = similarity(text, source(known[n]))
            if score >= SIMILAR:
                scored.append((-score, known[n].key != new.key, position, n))
    pairs, used_fresh, used_known = [], set(), set()
    for _score, _other, position, n in sorted(scored):
        if position not in used_fresh and n not in used_known:
            pairs.append((position, n))
            used_fresh.add(position)
            used_known.add(n)
    return pairs


def similarity(a: str, b: str) -> float:
    """difflib's ratio of two sentences, 0 when its quick upper bounds are below :data:`SIMILAR`."""
    if a == b:
        return 1.0
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    if matcher.real_quick_ratio() < SIMILAR or matcher.quick_ratio() < SIMILAR:
        return 0.0
    return matcher.ratio()


def unique_key(key: str, taken: Collection[str]) -> str:
    """``key``, or ``key-n2``, ``key-n3``… when a known item already has it."""
    candidate, number = key, 1
    while candidate in taken:
        number += 1
        candidate = f"{key}-n{number}"
    return candidate
