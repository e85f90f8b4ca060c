"""Stable item ids: where an item's source sits in its document, never what it says.

``s3-p2-t4`` is section 3, its paragraph 2, that paragraph's sentence 4; an item adds what
it asks (``s3-p2-t4-cloze``, ``s3-p2-t4-frame2-m1-choice``). Rewording a sentence keeps the
id, so Anki updates the note in place; the GUID is made from (document, id).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..model import Document, Phrase


def location(doc: Document, sentence_index: int) -> str:
    """'s3-p2-t4' for a sentence (all of the document's locations are worked out at the
    first call, in one pass, and kept in ``doc.locations``)."""
    if not doc.locations:
        doc.locations.update({
            sentence.index: f"s{section.index}-p{p}-t{t}"
            for section in doc.sections for p, paragraph in enumerate(section.paragraphs, 1)
            for t, sentence in enumerate(paragraph.sentences, 1)})
    return doc.locations[sentence_index]


_SENTENCE_LOCATION = re.compile(r"s\d+-p\d+-t\d+(?=-|$)")


def sentence_location(item_id: str) -> str:
    """The sentence location an item id starts with ('s3-p2-t4' of 's3-p2-t4-frame1-m1-choice'),
    or "" when it names none (a heading's or a list's item: 's0-list1-cloze')."""
    at = _SENTENCE_LOCATION.match(item_id)
    return at.group() if at else ""


def later_sentence(item_id: str) -> bool:
    """The item's sentence follows another in its paragraph ('s3-p2-t4-…': the fourth)."""
    at = sentence_location(item_id)
    return bool(at) and int(at.rsplit("t", 1)[1]) > 1


def phrase_location(doc: Document, phrase: Phrase) -> str:
    """A phrase's sentence location; a phrase outside any sentence (a heading) its section."""
    if phrase.sentence < 0:
        return f"s{phrase.section}"
    return location(doc, phrase.sentence)


def numbered_keys(doc: Document, entries: Iterable[tuple[object, Phrase, str]]) -> dict[object, str]:
    """Keys ``'<location>-<tag><n>'`` for ``(ident, anchor phrase, tag)`` entries, ``n``
    counting the entries of that tag whose anchor is in the same sentence."""
    keys: dict[object, str] = {}
    seen: dict[str, int] = {}
    for ident, anchor, tag in entries:
        prefix = f"{phrase_location(doc, anchor)}-{tag}"
        seen[prefix] = seen.get(prefix, 0) + 1
        keys[ident] = f"{prefix}{seen[prefix]}"
    return keys
