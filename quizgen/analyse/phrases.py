"""Key-phrase stage: find what a trainer would ask about, and group sibling sets.

Each finder of :data:`quizgen.analyse.finders.FINDERS` looks for one kind of memorable
span (headings and list items from the structure, lists, frames and parallel clauses,
quotes and titles, definitions, idioms, terms, law references, contrasts, objects,
patterns, emphasis, exceptions, clause predicates, figures) and adds :class:`Phrase`
objects located in the document text to a shared :class:`FinderContext`. Sibling sets
(the items of one enumeration, the slots of one frame, the headings of one level, figures
of one unit, the two sides of a contrast) are grouped explicitly because later stages
draw distractors from them. The same span found twice is one phrase, in the reading
with the better score.
"""

from __future__ import annotations

from ..collector import collector_paused
from ..model import Document, Phrase
from . import finders
from .context import FinderContext
from .structure import structure


def _dedupe(phrases: list[Phrase]) -> list[Phrase]:
    """One phrase per span: the best-scored kind wins; sibling members are kept."""
    best: dict[tuple[int, int], Phrase] = {}
    for p in phrases:
        key = (p.start, p.end)
        old = best.get(key)
        if old is None or (p.set_id is not None and old.set_id is None) or (
            (p.set_id is None) == (old.set_id is None) and p.score > old.score
        ):
            if old is not None and old.set_id is not None and p.set_id is None:
                continue
            best[key] = p
    return sorted(best.values(), key=lambda p: (p.start, -p.end))


def find_phrases(doc: Document) -> Document:
    """The finder stage: attach key phrases and sibling sets to a structured document
    (in place), every finder of :data:`~quizgen.analyse.finders.FINDERS` in turn."""
    ctx = FinderContext(doc)
    for finder in finders.FINDERS:
        finder(ctx)
    doc.phrases = _dedupe(ctx.phrases)
    doc.sibling_sets = ctx.sets
    return doc


def analyze(text: str, title: str = "", doc_id: str | None = None, source: str = "") -> Document:
    """Cleaned text -> structured document with key phrases and sibling sets."""
    with collector_paused():
        return find_phrases(structure(text, title, doc_id, source))
