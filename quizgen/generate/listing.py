"""How a list is announced and numbered in the text: its lead (做好办公室工作，应该具备“四心”：)
and the ordinal marker before each item (一是, （一）, 1.), for list notes and list questions."""

from __future__ import annotations

from bisect import bisect_left

from ..lang.markers import unnumbered
from ..lang.numerals import CN_NUM_CHARS
from ..model import Document, Phrase, SiblingSet


def list_lead(doc: Document, sibling: SiblingSet) -> str:
    """The words that announce the list (做好办公室工作，应该具备“四心”), ending with a colon."""
    first, marker = sibling.members[0], member_markers(doc, sibling)[0]
    marker_start = doc.text.rfind(marker, 0, first.start) if marker else first.start
    label = sibling.label.strip().rstrip("：:，,")
    before = bisect_left(doc.starts("sentences"), marker_start)
    candidates = doc.sentences[max(0, before - 3):before]
    for sentence in reversed(candidates):
        if label and label in sentence.text:
            # without the number that heads it: 一、国家教育委员会…，其主要职责是： under the section 一、
            lead = unnumbered(doc.text[sentence.start: min(sentence.end, marker_start)])
            return lead.rstrip("：:，,。 ") + "："
    return label + "：" if label else ""


def member_markers(doc: Document, sibling: SiblingSet) -> list[str]:
    """The ordinal marker before each member (一是, （一）, 1.), or '': as the structure
    stage read them, else as written just before the member's text."""
    return sibling.markers or [_marker_before(doc, m) for m in sibling.members]


def _marker_before(doc: Document, phrase: Phrase) -> str:
    """The ordinal marker written just before a list item (一是, （一）, 1.), or ''."""
    window = doc.text[max(0, phrase.start - 6): phrase.start]
    for size in range(min(6, len(window)), 0, -1):
        candidate = window[-size:]
        stripped = candidate.strip("（()）、.．是要第其")
        if stripped and all(c in CN_NUM_CHARS or c.isdigit() for c in stripped) and (
            candidate[-1] in "是要、.．）)" or candidate.startswith("第")
        ):
            return candidate
    return ""
