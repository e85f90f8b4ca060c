"""What the generators share while they work on one document (:class:`GeneratorContext`),
and the rules every question follows: four options, the right one's position balanced over
A–D, the key never verbatim in the stem."""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

from . import distractors
from .ids import numbered_keys, phrase_location
from ..items import Choice, Item, Judge, Multi
from ..model import Document, Phrase, SiblingSet

OPTIONS = 4


@dataclass
class GeneratorContext:
    """What the generators share while they work on one document: the document, the seed,
    the items made so far, stable keys for its sibling sets and phrases, and the balance of
    the right option's position over A–D."""

    doc: Document
    seed: int

    def __post_init__(self) -> None:
        self.items: list[Item] = []
        self.positions = _Balancer(self.seed)
        self.sets = {s.id: s for s in self.doc.sibling_sets}
        self.set_keys = numbered_keys(self.doc, ((s.id, s.members[0], _SET_TAG.get(s.kind, s.kind))
                                                 for s in self.doc.sibling_sets))
        self.phrase_keys = numbered_keys(self.doc, ((id(p), p, p.kind) for p in self.doc.phrases))

    def set_key(self, sibling: SiblingSet) -> str:
        return self.set_keys[sibling.id]

    def phrase_key(self, phrase: Phrase) -> str:
        return self.phrase_keys[id(phrase)]

    def rng(self, key: str) -> random.Random:
        return random.Random(f"{self.seed}:{self.doc.id}:{key}")

    # -- helpers ------------------------------------------------------------------
    def section_title(self, phrase: Phrase) -> str:
        return self.doc.section_line(phrase.section)

    def sentence(self, phrase: Phrase) -> str:
        return self.doc.sentences[phrase.sentence].text if phrase.sentence >= 0 else phrase.text

    def explain(self, phrase: Phrase | None, extra: str = "") -> str:
        parts = []
        if extra:
            parts.append(extra)
        if phrase is not None:
            parts.append(f"原文：“{self.sentence(phrase)}”（{self.section_title(phrase)}）")
        return "".join(parts)

    def loc(self, phrase: Phrase) -> str:
        return phrase_location(self.doc, phrase)

    def add_choice(self, key: str, stem: str, correct: str, wrong: list[str], anchor: Phrase,
                   explanation: str, tags: list[str]) -> None:
        if len(wrong) < OPTIONS - 1 or leaks(stem, [correct]):
            return
        options = wrong[: OPTIONS - 1]
        rng = self.rng(key)
        rng.shuffle(options)
        position = self.positions.next()
        options.insert(position, correct)
        self.items.append(Choice(id=key, section=self.section_title(anchor),
                               source=self.sentence(anchor), question=stem, options=options,
                               answer=[position], explanation=explanation, tags=tags))

    def add_multi(self, key: str, stem: str, correct: list[str], wrong: list[str], anchor: Phrase,
                  explanation: str, tags: list[str]) -> None:
        if len(correct) < 2 or not wrong or leaks(stem, correct):
            return
        options = correct + wrong
        self.rng(key).shuffle(options)
        answer = sorted(options.index(c) for c in correct)
        self.items.append(Multi(id=key, section=self.section_title(anchor),
                               source=self.sentence(anchor), question=stem, options=options,
                               answer=answer, explanation=explanation, tags=tags))

    def add_judge(self, key: str, statement: str, truth: bool, anchor: Phrase, explanation: str,
                  tags: list[str]) -> None:
        self.items.append(Judge(id=key, section=self.section_title(anchor),
                               source=self.sentence(anchor), statement=statement, answer=truth,
                               explanation=explanation, tags=tags))


_SET_TAG = {"headings": "headings", "enumeration": "list", "frame": "frame", "parallel": "parallel"}


class _Balancer:
    """Spreads the correct option's position evenly over A–D across a quiz, in an order
    that depends on the seed."""

    def __init__(self, seed: int):
        self.rng = random.Random(f"positions:{seed}")
        self.queue: list[int] = []

    def next(self) -> int:
        if not self.queue:
            self.queue = list(range(OPTIONS))
            self.rng.shuffle(self.queue)
        return self.queue.pop()


def leaks(stem: str, answers: list[str]) -> bool:
    """The key must never appear verbatim in the stem."""
    flat = distractors.bare(stem)
    return any(distractors.bare(a) and distractors.bare(a) in flat for a in answers)


def tidy(text: str) -> str:
    """Tidy a stem: no doubled punctuation, ends with ？ unless it has a blank."""
    text = re.sub(r"[，。；：]+(?=[？])", "", text.strip())
    return text


def stripped(text: str) -> str:
    return text.rstrip("：:，,。；; ")


def tiers(picks: list[distractors.Pick]) -> list[str]:
    """Tags naming where the distractors came from (distractor::sibling, …)."""
    return sorted({f"distractor::{ {1: 'sibling', 2: 'document', 3: 'dictionary'}[p.tier] }".replace(" ", "")
                   for p in picks})
