"""Cloze notes, one per sentence: its key phrases as deletions.

A long sentence gets more deletions (one per dozen characters), and good phrases that
overlap the chosen ones (the whole list 删除、屏蔽、断开链接 beside its items) go to a
second note of the same sentence; weaker ones are dropped, to keep the deck humane."""

from __future__ import annotations

from .context import GeneratorContext
from .ids import location
from ..items import Cloze
from ..lang.markup import Deletion, Segment, to_markup
from ..model import Phrase, SiblingSet

MAX_DELETIONS = 4  # per note of a short sentence
MAX_LONG_DELETIONS = 8  # per note of a long one
CHARS_PER_DELETION = 12
MAX_NOTES = 2


def hint_for(phrase: Phrase, sibling: SiblingSet | None) -> str:
    """A hint only where the answer would otherwise be ambiguous."""
    if phrase.kind == "parallel" and sibling is not None and sibling.label == phrase.text:
        sizes = {len(m.text) for m in sibling.members}
        count = len(sibling.members)
        return f"{count}句，每句{sizes.pop()}字" if len(sizes) == 1 else f"{count}句"
    if sibling is not None or len(phrase.text) <= 3:
        return f"{len(phrase.text)}字"
    return ""


def cloze_markup(text: str, spans: list[tuple[int, int, int, str]]) -> str:
    """``text`` with deletions ``(start, end, number, hint)`` (offsets into ``text``)."""
    segments: list[Segment] = []
    pos = 0
    for start, end, number, hint in sorted(spans):
        segments += [text[pos:start], Deletion(number, text[start:end], hint)]
        pos = end
    segments.append(text[pos:])
    return to_markup(segments)


def deletion_budget(sentence_text: str) -> int:
    """How many deletions one note of this sentence may have."""
    return max(MAX_DELETIONS, min(MAX_LONG_DELETIONS, len(sentence_text) // CHARS_PER_DELETION))


def _choose(phrases: list[Phrase], budget: int) -> list[Phrase]:
    """Non-overlapping phrases, best first, at most ``budget``; then in text order."""
    chosen: list[Phrase] = []
    for p in sorted(phrases, key=lambda p: (-p.score, -(p.end - p.start), p.start)):
        if any(p.start < c.end and c.start < p.end for c in chosen):
            continue
        chosen.append(p)
        if len(chosen) == budget:
            break
    return sorted(chosen, key=lambda p: p.start)


SECOND_NOTE_SCORE = 0.6  # what a second note of a sentence may hold


def note_groups(phrases: list[Phrase], budget: int) -> list[list[Phrase]]:
    """The deletions of each note of one sentence: the best non-overlapping phrases
    first; then, in further notes, the good phrases that overlapped them (the whole
    list beside its items, a term inside a clause), up to MAX_NOTES notes."""
    groups: list[list[Phrase]] = []
    left = list(phrases)
    while left and len(groups) < MAX_NOTES:
        chosen = _choose(left, budget)
        groups.append(chosen)
        taken = {id(p) for p in chosen}
        left = [p for p in left if id(p) not in taken and p.score >= SECOND_NOTE_SCORE]
    return groups


def sentence_notes(ctx: GeneratorContext) -> None:
    """One note per sentence with key phrases (a second for good overlapping ones)."""
    doc = ctx.doc
    sets = {s.id: s for s in doc.sibling_sets}
    by_sentence: dict[int, list[Phrase]] = {}
    for phrase in doc.phrases:
        if phrase.sentence >= 0:
            by_sentence.setdefault(phrase.sentence, []).append(phrase)
    for index, phrases in sorted(by_sentence.items()):
        sentence = doc.sentences[index]
        section = doc.sections[sentence.section]
        for n, chosen in enumerate(note_groups(phrases, deletion_budget(sentence.text)), 1):
            spans = [(p.start - sentence.start, p.end - sentence.start, k,
                      hint_for(p, sets.get(p.set_id) if p.set_id is not None else None))
                     for k, p in enumerate(chosen, 1)]
            ctx.items.append(Cloze(
                id=f"{location(doc, index)}-cloze{n if n > 1 else ''}",
                section=doc.section_line(section.index),
                source=sentence.text,
                text=cloze_markup(sentence.text, spans),
                tags=sorted({p.kind for p in chosen}),
            ))
