"""Items stage, cloze notes: one note per sentence (its key phrases as deletions) and
one note per enumeration whose items are spread over several sentences.

A long sentence gets more deletions (one per dozen characters), and good phrases that
overlap the chosen ones (the whole list 删除、屏蔽、断开链接 beside its items) go to a
second note of the same sentence; weaker ones are dropped, to keep the deck humane."""

from __future__ import annotations

from bisect import bisect_left

from ..lang.markup import Deletion, Segment, to_markup
from ..items import Cloze
from ..model import Document, Phrase, SiblingSet
from ..lang.numerals import CN_NUM_CHARS

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


def _location(doc: Document, sentence_index: int) -> str:
    """'s3-p2-t4': section 3, its paragraph 2, that paragraph's sentence 4 (all of the
    document's locations are worked out at the first call, in one pass)."""
    if not doc.locations:
        doc.locations.update({
            sentence.index: f"s{section.index}-p{p}-t{t}"
            for section in doc.sections for p, paragraph in enumerate(section.paragraphs, 1)
            for t, sentence in enumerate(paragraph.sentences, 1)})
    return doc.locations[sentence_index]


def sentence_notes(doc: Document) -> list[Cloze]:
    sets = {s.id: s for s in doc.sibling_sets}
    by_sentence: dict[int, list[Phrase]] = {}
    for phrase in doc.phrases:
        if phrase.sentence >= 0:
            by_sentence.setdefault(phrase.sentence, []).append(phrase)
    items = []
    for index, phrases in sorted(by_sentence.items()):
        sentence = doc.sentences[index]
        section = doc.sections[sentence.section]
        for n, chosen in enumerate(note_groups(phrases, deletion_budget(sentence.text)), 1):
            spans = [(p.start - sentence.start, p.end - sentence.start, k,
                      hint_for(p, sets.get(p.set_id) if p.set_id is not None else None))
                     for k, p in enumerate(chosen, 1)]
            items.append(Cloze(
                id=f"{_location(doc, index)}-cloze{n if n > 1 else ''}",
                section=section.title,
                source=sentence.text,
                text=cloze_markup(sentence.text, spans),
                tags=sorted({p.kind for p in chosen}),
            ))
    return items


def _spread(doc: Document, sibling: SiblingSet) -> bool:
    return len({m.sentence for m in sibling.members}) > 1


def enumeration_notes(doc: Document) -> list[Cloze]:
    """一是{{c1::…}}；二是{{c2::…}}… for lists spread over several sentences."""
    items = []
    per_section: dict[int, int] = {}
    for sibling in doc.sibling_sets:
        if sibling.kind not in ("enumeration", "headings") or not _spread(doc, sibling):
            continue
        first = sibling.members[0]
        section_index = doc.sentences[first.sentence].section if sibling.kind == "enumeration" else 0
        if sibling.kind == "headings":
            section_index = doc.sections[first.section].parent or 0
        per_section[section_index] = per_section.get(section_index, 0) + 1
        section = doc.sections[section_index]
        lead = _lead(doc, sibling)
        markers = member_markers(doc, sibling)
        segments: list[Segment] = [lead]
        for n, (member, marker) in enumerate(zip(sibling.members, markers), 1):
            segments += ["；" if n > 1 else "", marker, Deletion(n, member.text, f"{len(member.text)}字")]
        text = to_markup([*segments, "。"])
        source = "；".join(marker + m.text for marker, m in zip(markers, sibling.members)) + "。"
        items.append(Cloze(
            id=f"s{section_index}-list{per_section[section_index]}-cloze",
            section=section.title,
            source=(lead + source) if lead else source,
            text=text,
            tags=["enumeration"],
        ))
    return items


def _lead(doc: Document, sibling: SiblingSet) -> str:
    """The words that announce the list (做好办公室工作，应该具备“四心”), ending with a colon."""
    first, marker = sibling.members[0], member_markers(doc, sibling)[0]
    marker_start = doc.text.rfind(marker, 0, first.start) if marker else first.start
    label = sibling.label.strip().rstrip("：:，,")
    before = bisect_left(doc.starts("sentences"), marker_start)
    candidates = doc.sentences[max(0, before - 3):before]
    for sentence in reversed(candidates):
        if label and label in sentence.text:
            lead = doc.text[sentence.start: min(sentence.end, marker_start)]
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


def cloze_items(doc: Document) -> list[Cloze]:
    return enumeration_notes(doc) + sentence_notes(doc)
