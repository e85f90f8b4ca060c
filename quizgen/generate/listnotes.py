"""Cloze notes for lists spread over several sentences (or the headings of a text):
做好办公室工作，应该具备“四心”：一是{{c1::…}}；二是{{c2::…}}…"""

from __future__ import annotations

import re
from itertools import pairwise

from ..itemchecks import MAX_DELETIONS
from ..items import Cloze
from ..lang.markup import Deletion, Segment, to_markup
from ..lang.numerals import parse_number
from ..model import Document, Phrase, SiblingSet, to_chinese_numeral
from .context import GeneratorContext
from .listing import list_lead, member_markers

MAX_REST = 40  # characters of an item shown after its blank; a longer rest and the note shows the item's head only
# characters of the longest item a list note blanks: trainers kept 5% of the judged list notes
# with an item of more than 20 characters (58 notes) and 32% of those with items of 15 to 20
MAX_ITEM = 20


def _spread(doc: Document, sibling: SiblingSet) -> bool:
    return len({m.sentence for m in sibling.members}) > 1


_NUMERAL = re.compile(r"[一二三四五六七八九十百零〇\d]+")
_ITEM_END = re.compile(r"[；;。\n]")


def _complete(markers: list[str]) -> bool:
    """The items' numbers (（一）, 2., 三是) start at one and run on without a gap, where they
    are numbers."""
    numbers = [parse_number(m.group(0)) if (m := _NUMERAL.search(marker)) else None for marker in markers]
    if any(n is None for n in numbers):
        return True
    return numbers[0] == 1 and all(b == a + 1 for a, b in pairwise(numbers))  # type: ignore[operator]


# the parts of a case report or a statute (裁判要点, 基本案情, 典型意义, 总则, 附则): headings that
# name where a text says something, not what it says
_PART_NAME = re.compile(r"案情|裁判|判决|典型意义|要点|要旨|法条|评析|分析|启示|总则|附则|法律责任")


def _askable(sibling: SiblingSet) -> bool:
    """A list a note may blank item by item: no item longer than :data:`MAX_ITEM` (a long
    item is a rule to read, not words to recall), and headings that are no part names."""
    if any(len(m.text) > MAX_ITEM for m in sibling.members):
        return False
    return sibling.kind != "headings" or not any(_PART_NAME.search(m.text) for m in sibling.members)


def _rest_of_item(doc: Document, member: Phrase) -> str:
    """What the text says of an item after the part the list asks (（四）经组织调解，投诉人…
    的): shown as text, so that the note says what the text says."""
    end = _ITEM_END.search(doc.text, member.end)
    rest = doc.text[member.end:end.start() if end else len(doc.text)]
    return rest if rest.strip() and len(rest) <= MAX_REST else ""


def list_notes(ctx: GeneratorContext) -> None:
    """一是{{c1::…}}；二是{{c2::…}}… for lists spread over several sentences."""
    doc = ctx.doc
    per_section: dict[int, int] = {}
    for sibling in doc.sibling_sets:
        if sibling.kind not in ("enumeration", "headings") or not _spread(doc, sibling) or not _askable(sibling):
            continue
        first = sibling.members[0]
        section_index = doc.sentences[first.sentence].section if sibling.kind == "enumeration" else 0
        if sibling.kind == "headings":
            section_index = doc.sections[first.section].parent or 0
        per_section[section_index] = per_section.get(section_index, 0) + 1
        section = doc.sections[section_index]
        lead = list_lead(doc, sibling)
        markers = member_markers(doc, sibling)
        if not _complete(markers):
            continue  # （一）（三）（四）: items the structure stage did not read; the note would misstate the list
        rests = [_rest_of_item(doc, m) for m in sibling.members]
        entries = list(zip(sibling.members, markers, rests))
        chunks = _chunks(entries, MAX_DELETIONS)
        goes_on = _goes_on(doc, sibling.members[-1], markers[-1])
        for part, chunk in enumerate(chunks, 1):
            ctx.items.append(_note(chunk, lead, section.title,
                                   f"s{section_index}-list{per_section[section_index]}"
                                   + (f"-part{part}" if part > 1 else "") + "-cloze",
                                   partial=part < len(chunks) or goes_on))


def _chunks(entries: list, size: int) -> list[list]:
    """A list of more items than one note may blank, cut into runs of nearly equal length
    (11 items: 4, 4 and 3), each asked by a note of its own."""
    count = -(-len(entries) // size)
    step, extra = divmod(len(entries), count)
    out, at = [], 0
    for k in range(count):
        width = step + (k < extra)
        out.append(entries[at:at + width])
        at += width
    return out


def _goes_on(doc: Document, last: Phrase, marker: str) -> bool:
    """The text's list has more items after the last one a note asks (（五）, a long item or a
    catch-all the list leaves out follows （四）): the note says so, or it would pass four
    items of six for the whole list."""
    found = _NUMERAL.search(marker)
    number = parse_number(found.group(0)) if found else None
    if found is None or number is None:
        return False
    end = _ITEM_END.search(doc.text, last.end)
    after = doc.text[end.end() if end else len(doc.text):].lstrip()
    nxt = to_chinese_numeral(number + 1) if not found.group(0).isdigit() else str(number + 1)
    return after.startswith(marker[:found.start()] + nxt + marker[found.end():])


def _note(entries: list[tuple[Phrase, str, str]], lead: str, section: str, ident: str,
          partial: bool = False) -> Cloze:
    """The note of a list's lead and ``entries`` (member, marker, rest of the item); a
    ``partial`` note (the list goes on after its items) ends with ……"""
    segments: list[Segment] = [lead]
    for n, (member, marker, rest) in enumerate(entries, 1):
        segments += ["；" if n > 1 else "", marker, Deletion(n, member.text, f"{len(member.text)}字"), rest]
    end = "；……" if partial else "。"
    source = "；".join(marker + m.text + rest for m, marker, rest in entries) + end
    return Cloze(id=ident, section=section, source=(lead + source) if lead else source,
                 text=to_markup([*segments, end]), tags=["enumeration"])
