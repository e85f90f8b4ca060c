"""Mend what can be mended before the score decides: a cloze note loses the blanks a
trainer would delete (cut through a word, a filler, a function word, a clause, a number
without its unit) and keeps the good ones; the list marker or article number it opens with
goes; a sentence that does not stand alone gets the context it needs (its list's lead, the
sentence a back-reference points to); a heading is not a card; a true/false statement that
splices another list's items into a sentence is not made.

An item that cannot be mended (no good blank left, a subject that cannot be found) is
dropped here and counted by its reason.
"""

from __future__ import annotations

import re
from dataclasses import replace

from .. import itemchecks
from ..generate.subjects import context_of, list_of
from ..items import Choice, Cloze, Item, Judge, Multi
from ..lang import markup
from ..lang.markers import CHAPTER, strip_markers, unmarked
from .features import MAX_PHRASE, DocumentFacts

MAX_SENTENCE_BLANKS = 3  # a sentence note; a list note may blank each of its items (up to 5)


def repair(items: list[Item], facts: DocumentFacts) -> tuple[list[Item], dict[str, int]]:
    """The items as mended, and how many were dropped for which reason."""
    kept: list[Item] = []
    dropped: dict[str, int] = {}
    for item in items:
        mended, reason = _repair(item, facts)
        if mended is None:
            dropped[reason] = dropped.get(reason, 0) + 1
        else:
            kept.append(mended)
    return kept, dropped


def _repair(item: Item, facts: DocumentFacts) -> tuple[Item | None, str]:
    mended, reason = _mended(item, facts)
    return (_named(mended, facts.doc.title) if mended is not None else None), reason


# 本法, 本条例, 本办法…: the document a rule speaks of, named by its title on a card
_THIS_RULE = re.compile(r"本(办法|条例|规定|法|细则|准则|决定|制度|规则|解释|意见|须知|方案)(?![律规则院官定案])")


def _named(item: Item, title: str) -> Item:
    """本办法自（　　）起施行 → 《企业职工带薪年休假实施办法》自（　　）起施行: a card or a
    question taken out of its document names the document a rule speaks of."""
    name = re.sub(r"[（(][^）)]*[）)]$", "", title.strip()).strip("《》 ")

    def named(text: str) -> str:
        return _THIS_RULE.sub(lambda m: f"《{name}》" if name.endswith(m.group(1)) else m.group(0), text)

    match item:
        case Cloze():
            return replace(item, text=named(item.text))
        case Choice() | Multi():
            return replace(item, question=named(item.question))
        case Judge():
            return replace(item, statement=named(item.statement))
    return item


def _mended(item: Item, facts: DocumentFacts) -> tuple[Item | None, str]:
    if isinstance(item, Cloze) and _is_heading(item):
        return None, "heading"  # a heading with a blank is not a question
    context = _context(item, facts)
    if context is None:
        return None, "no-subject"
    match item:
        case Cloze():
            if context and _list_item(item, facts):
                return None, "list-item"  # one item of a list: the list's note asks it, in its place
            return _repair_cloze(item, context, facts.phrase_texts, facts)
        case Choice() | Multi():
            if _foreign(item, facts):
                return None, "foreign-distractor"
            return replace(item, question=context + (item.question if context else unmarked(item.question))), ""
        case Judge():
            if _spliced(item):
                return None, "spliced"
            return replace(item, statement=context + (item.statement if context else unmarked(item.statement))), ""
    return item, ""


def _is_heading(item: Item) -> bool:
    """The item's sentence is its section's heading (第二章 档案机构及其职责)."""
    source = itemchecks.bare(unmarked(item.source))
    return (len(source) >= 4 and source in itemchecks.bare(item.section)) or bool(CHAPTER.match(item.source))


def _context(item: Item, facts: DocumentFacts) -> str | None:
    """What to show before the item's sentence ("" when it stands alone)."""
    sentence = facts.sentence_of.get(item.source)
    if sentence is None:
        return ""
    context = context_of(facts.doc, sentence, facts.lists)
    opening = itemchecks.bare(strip_markers(sentence.text))[:4]
    if opening and not itemchecks.bare(unmarked(_front(item))).startswith(opening):
        return ""  # the item does not show its sentence as written: it says what it asks itself
    if context and itemchecks.bare(context) in itemchecks.bare(_front(item)):
        return ""  # the item shows it already (a list note holds its lead)
    return context


def _front(item: Item) -> str:
    match item:
        case Cloze():
            return markup.reveal(item.text)
        case Choice() | Multi():
            return item.question
        case Judge():
            return item.statement
    return ""


def _foreign(item: Choice | Multi, facts: DocumentFacts) -> bool:
    """A wrong option that is nowhere in the text (and not a figure): 萧峰心 for 四心."""
    return any(i not in item.answer and not itemchecks.NUMBER_PREFIX.match(o)
               and itemchecks.bare(o) not in facts.bare_text for i, o in enumerate(item.options))


def _list_item(item: Item, facts: DocumentFacts) -> bool:
    sentence = facts.sentence_of.get(item.source)
    return sentence is not None and list_of(facts.doc, sentence, facts.lists) is not None


def _spliced(item: Judge) -> bool:
    """A false statement made by putting another list's items into an enumeration, or a
    word of a neighbouring sentence into this one: only a swap within a frame (对上协调要在
    {创新}上下功夫) or of a figure changes the meaning for certain."""
    tags = {t.removeprefix("quizgen::") for t in item.tags}
    return not item.answer and "swap" in tags and not tags & {"frame", "figure"}


def _repair_cloze(item: Cloze, context: str, phrases: frozenset[str],
                  facts: DocumentFacts | None = None) -> tuple[Item | None, str]:
    parts = markup.parse(item.text)
    if parts and isinstance(parts[0], str) and not context:
        parts[0] = unmarked(parts[0])  # a list item's marker stays after its lead: 一是{…}
    elif parts and isinstance(parts[0], markup.Deletion) and unmarked(parts[0].answer) != parts[0].answer:
        return None, "markup"
    whole = any(t.endswith("enumeration") for t in item.tags) and "{{c2::" in item.text
    if not whole:
        parts = _split_lists(parts)
    parts = _good_blanks(_whole_compounds(parts), whole, phrases, facts)
    deletions = [p for p in parts if isinstance(p, markup.Deletion)]
    if not deletions:
        return None, "no-good-blank"
    parts = _numbered(parts, MAX_SENTENCE_BLANKS if not whole else itemchecks.MAX_DELETIONS)
    if not any(isinstance(p, markup.Deletion) for p in parts):
        return None, "no-good-blank"
    if context:
        parts = [context, *parts]
    return replace(item, text=markup.to_markup(_merged(parts))), ""


def _split_lists(parts: list[markup.Segment]) -> list[markup.Segment]:
    """A blank that holds a list (见证历史、以史鉴今、启迪后人) becomes a blank per member."""
    out: list[markup.Segment] = []
    top = max((p.number for p in parts if isinstance(p, markup.Deletion)), default=0)
    for part in parts:
        members = part.answer.split("、") if isinstance(part, markup.Deletion) else []
        if not isinstance(part, markup.Deletion) or len(members) < 2 or not all(2 <= len(m) <= 8 for m in members):
            out.append(part)
            continue
        for k, member in enumerate(members):
            if k:
                out.append("、")
                top += 1
            out.append(markup.Deletion(part.number if k == 0 else top, member))
    return out


def _whole_compounds(parts: list[markup.Segment]) -> list[markup.Segment]:
    """A blank that is one noun of a compound takes the whole compound: 生产[安全事故] →
    [生产安全事故], [档案]工作 → [档案工作] (when the words it takes are plain text)."""
    parts = list(parts)
    for i, part in enumerate(parts):
        if not isinstance(part, markup.Deletion):
            continue
        before = parts[i - 1] if i > 0 else ""
        after = parts[i + 1] if i + 1 < len(parts) else ""
        if not isinstance(before, str) or not isinstance(after, str):
            continue
        left, right = itemchecks.compound_around(before, part.answer, after)
        if left + right == 0 or len(part.answer) + left + right > itemchecks.MAX_BLANK:
            continue
        parts[i] = markup.Deletion(part.number, before[len(before) - left:] + part.answer + after[:right])
        if i > 0:
            parts[i - 1] = before[:len(before) - left]
        if i + 1 < len(parts):
            parts[i + 1] = after[right:]
    return parts


def _good_blanks(parts: list[markup.Segment], whole: bool, phrases: frozenset[str],
                 facts: DocumentFacts | None = None) -> list[markup.Segment]:
    """The parts with every blank a trainer would delete turned back into text: those the
    checks refuse, and those that cut a key phrase of the sentence in two (对下{协调要在…})."""
    out: list[markup.Segment] = []
    plain = "".join(p.answer if isinstance(p, markup.Deletion) else p for p in parts)
    spans = _phrase_spans(plain, phrases)
    at = 0
    for i, part in enumerate(parts):
        size = len(part.answer if isinstance(part, markup.Deletion) else part)
        start, end, at = at, at + size, at + size
        crosses = any(p < start < q < end or start < p < end < q for p, q in spans)
        # a clause around a key phrase: blank the phrase, not the clause (另{一个名称叫“不管部”})
        wraps = not whole and any(start <= p and q <= end and (end - start) >= 2 * (q - p) + 2
                                  for p, q in spans) and not itemchecks.parallel(plain[start:end])
        opening = i == 0 and not whole  # the sentence's subject: a stem names it, never blanks it
        weak = isinstance(part, markup.Deletion) and not whole and facts is not None and facts.weak(part.answer)
        if isinstance(part, markup.Deletion) and (opening or crosses or wraps or weak
                                                  or itemchecks.blank_problems(parts, i, whole)):
            out.append(part.answer)
        else:
            out.append(part)
    return out


def _phrase_spans(plain: str, phrases: frozenset[str]) -> list[tuple[int, int]]:
    """Where the key phrases occur in ``plain``: every substring of phrase length looked up,
    so the cost grows with the note, not with the document's phrases."""
    return [(start, start + size) for size in range(2, MAX_PHRASE + 1)
            for start in range(len(plain) - size + 1) if plain[start:start + size] in phrases]


def _numbered(parts: list[markup.Segment], limit: int) -> list[markup.Segment]:
    """Deletions renumbered c1, c2, … in order of their old numbers; those past ``limit``
    cloze numbers become text (a list's members are kept together, or all become text)."""
    listed = {p.number for k, p in enumerate(parts) if isinstance(p, markup.Deletion)
              and any(0 <= j < len(parts) and isinstance(parts[j], str) and parts[j] in ("、", "和", "及")
                      for j in (k - 1, k + 1))}
    # members of a list first, then the others: a list is never half blanked for a clause
    order = sorted({p.number for p in parts if isinstance(p, markup.Deletion)},
                   key=lambda n: (n not in listed, n))[:limit]
    if listed and not set(order) >= listed:
        order = sorted(n for n in order if n not in listed)  # the whole list does not fit
    new = {old: n for n, old in enumerate(sorted(order), 1)}
    return [markup.Deletion(new[p.number], p.answer, p.hint) if isinstance(p, markup.Deletion) and p.number in new
            else (p.answer if isinstance(p, markup.Deletion) else p) for p in parts]


def _merged(parts: list[markup.Segment]) -> list[markup.Segment]:
    """Adjacent text runs joined."""
    out: list[markup.Segment] = []
    for part in parts:
        if isinstance(part, str) and out and isinstance(out[-1], str):
            out[-1] += part
        elif part != "":
            out.append(part)
    return out
