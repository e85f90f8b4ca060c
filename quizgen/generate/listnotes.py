"""Cloze notes for lists spread over several sentences (or the headings of a text):
做好办公室工作，应该具备“四心”：一是{{c1::…}}；二是{{c2::…}}…"""

from __future__ import annotations

from .context import GeneratorContext
from .listing import list_lead, member_markers
from ..items import Cloze
from ..lang.markup import Deletion, Segment, to_markup
from ..model import Document, SiblingSet


def _spread(doc: Document, sibling: SiblingSet) -> bool:
    return len({m.sentence for m in sibling.members}) > 1


def list_notes(ctx: GeneratorContext) -> None:
    """一是{{c1::…}}；二是{{c2::…}}… for lists spread over several sentences."""
    doc = ctx.doc
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
        lead = list_lead(doc, sibling)
        markers = member_markers(doc, sibling)
        segments: list[Segment] = [lead]
        for n, (member, marker) in enumerate(zip(sibling.members, markers), 1):
            segments += ["；" if n > 1 else "", marker, Deletion(n, member.text, f"{len(member.text)}字")]
        text = to_markup([*segments, "。"])
        source = "；".join(marker + m.text for marker, m in zip(markers, sibling.members)) + "。"
        ctx.items.append(Cloze(
            id=f"s{section_index}-list{per_section[section_index]}-cloze",
            section=section.title,
            source=(lead + source) if lead else source,
            text=text,
            tags=["enumeration"],
        ))
