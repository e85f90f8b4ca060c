"""Structure stage: cleaned text -> :class:`Document` with sections, paragraphs,
sentences and ordinal enumerations.

Headings are recognised in the usual Chinese forms (``一是``, ``一、``, ``（一）``,
``第一，``, ``第一章``, ``第一节``, ``第N条``, ``1.``, ``1、``, ``（1）``,
``首先/其次/最后``, Markdown ``#``). A marker only counts when it is part of a
numbered run (1, 2, 3 …), so a stray ``一是`` in prose is not a heading. Levels
follow the order in which marker styles first appear, the way nested lists are read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..lang import chunks, segment
from ..lang.numerals import CN_NUM_CHARS, parse_number
from ..model import Document, Enumeration, ListItem, Paragraph, Section, Sentence

_CN = f"[{CN_NUM_CHARS}]+"
_NUM = rf"(?:{_CN}|\d{{1,3}})"

# style -> regex with groups (marker, number, rest)
_LINE_MARKERS: list[tuple[str, re.Pattern[str]]] = [
    ("zhang", re.compile(rf"^(第({_NUM})章)\s*(.*)$")),
    ("jie", re.compile(rf"^(第({_NUM})节)\s*(.*)$")),
    ("tiao", re.compile(rf"^(第({_NUM})条)(?:\s+|(?=[\u4e00-\u9fff（]))(.*)$")),
    ("dun", re.compile(rf"^(({_CN})、)\s*(.+)$")),
    ("paren", re.compile(rf"^([（(]({_CN})[）)])\s*(.+)$")),
    ("aparen", re.compile(r"^([（(](\d{1,3})[）)])\s*(.+)$")),
    ("arabic", re.compile(r"^((\d{1,3})(?:[.．](?!\d)|、))\s*(.+)$")),
    ("shi", re.compile(rf"^(({_CN})是)(.+)$")),
    ("di", re.compile(rf"^(第({_CN})[，,、：:])(.+)$")),
    ("seq", re.compile(r"^((首先|其次|再次|然后|最后)[，,：:])(.+)$")),
]
_SEQ_NUMBERS = {"首先": 1, "其次": 2, "再次": 3, "然后": 3}
_MD_HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*#*$")
_ALWAYS_HEADING = {"zhang", "jie", "tiao"}
MAX_GAP = 30  # numbers an excerpt may leave out between two articles (or chapters) it keeps

# Inline ordinals inside a paragraph: 一是…二是…, 一要…二要…, 第一，…第二，…, 其一…
_INLINE_MARKER = re.compile(
    rf"(?:(?<=^)|(?<=[。；;：:，,！？!?\s“”])|(?<=[\u4e00-\u9fff])(?=一[是要]))"  # also 二被告|一是…
    rf"(?P<marker>(?P<num>[一二三四五六七八九十])(?P<suffix>是|要|则|为|方面[，,：:]?)"
    rf"|第(?P<num2>[一二三四五六七八九十])(?P<suffix2>[，,、：:])"
    rf"|其(?P<num3>[一二三四五六七八九十])(?P<suffix3>[，,、：:是]))"
)
_SENTENCE_END = re.compile(r"[。！？!?]+[”’」』）)]*|……[”’」』]*")
_HEADING_MAX = 30
_COUNT_RE = re.compile(
    rf"(?<![第一二两三四五六七八九十百零〇\d])(?P<num>[一二两三四五六七八九十]{{1,3}}|\d{{1,2}})(?P<unit>个方面|个|方面|点|条|项|种|类|要|心|化|有|不|大|性)"
)


@dataclass
class _Candidate:
    paragraph: Paragraph
    style: str
    marker: str
    number: int
    rest: str
    rest_start: int
    md_level: int = 0


def split_sentences(text: str, offset: int = 0) -> list[tuple[int, int, str]]:
    """Split on 。！？ (with closing quotes kept) -> (start, end, text) with absolute offsets.
    A sentence longer than :data:`MAX_SENTENCE` is cut into pieces that are not."""
    spans: list[tuple[int, int, str]] = []
    pos = 0
    for match in _SENTENCE_END.finditer(text):
        end = match.end()
        spans.extend(_capped(offset + pos, text[pos:end]))
        pos = end
    spans.extend(_capped(offset + pos, text[pos:]))
    return [_unquoted(span) for span in spans]


def _unquoted(span: tuple[int, int, str]) -> tuple[int, int, str]:
    """A paragraph opening with the closing quote of the one before (…纪要中指出：“原则同意……。
    / ”同年4月19日…): the quote mark is no part of the sentence after it."""
    start, end, text = span
    if text.startswith("”") and text.count("”") > text.count("“") and len(text) > 1:
        return start + 1, end, text[1:]
    return span


# The longest run of text analysed as one sentence (the longest real sentence of 1,200
# laws, regulations and cases has 922 characters). The analysis looks at every clause of
# a sentence for each word it finds there: without a cap, a line with no punctuation
# takes time that grows with the square of its length.
MAX_SENTENCE = 1000
_SOFT_BREAK = re.compile(r"[，；：、,;:\s]+")


def _capped(start: int, text: str) -> list[tuple[int, int, str]]:
    """``text`` (at ``start``) as pieces of at most MAX_SENTENCE characters, cut after the
    last comma, colon or space of the piece's second half, else at the cap."""
    pieces = []
    while len(text) > MAX_SENTENCE:
        breaks = [m.end() for m in _SOFT_BREAK.finditer(text, MAX_SENTENCE // 2, MAX_SENTENCE)]
        cut = breaks[-1] if breaks else MAX_SENTENCE
        pieces.append((start, start + cut, text[:cut]))
        start, text = start + cut, text[cut:]
    pieces.append((start, start + len(text), text))
    return [piece for piece in pieces if piece[2].strip()]


def _paragraphs(text: str) -> list[Paragraph]:
    paragraphs: list[Paragraph] = []
    pos = 0
    for line in text.split("\n"):
        if line.strip():
            paragraphs.append(Paragraph(len(paragraphs), pos, pos + len(line), line, 0))
        pos += len(line) + 1
    return paragraphs


def _match_marker(paragraph: Paragraph) -> _Candidate | None:
    line = paragraph.text
    md_level = 0
    base = 0
    md = _MD_HEADING.match(line)
    if md:
        md_level = len(md.group(1))
        base = md.start(2)
        line = md.group(2)
    for style, pattern in _LINE_MARKERS:
        match = pattern.match(line)
        if not match:
            continue
        token = match.group(2)
        number = _SEQ_NUMBERS.get(token, 99 if token == "最后" else None)
        if number is None:
            number = parse_number(token)
        if number is None or number == 0:
            continue
        return _Candidate(paragraph, style, match.group(1), number, match.group(3),
                          paragraph.start + base + match.start(3), md_level)
    if md:
        return _Candidate(paragraph, f"md{md_level}", "", 0, line, paragraph.start + base, md_level)
    return None


def _numbered_runs(candidates: list[_Candidate]) -> list[_Candidate]:
    """Keep candidates that belong to a run 1, 2, 3… of their style (restarts allowed; 第N条
    and 第N章 may skip numbers)."""
    kept: list[_Candidate] = []
    by_style: dict[str, list[_Candidate]] = {}
    for cand in candidates:
        if cand.md_level:  # a Markdown heading is one whatever its number (### 二十七、员工职务权责 of a chapter)
            kept.append(cand)
        else:
            by_style.setdefault(cand.style, []).append(cand)
    for style, cands in by_style.items():
        run: list[_Candidate] = []
        runs: list[list[_Candidate]] = []
        for cand in cands:
            expected = run[-1].number + 1 if run else 1
            if cand.number == expected or (style == "seq" and cand.number == 99 and run):
                run.append(replace(cand, number=expected))  # 最后: the next number (not 九十九: office59, markup)
            elif run and style in _ALWAYS_HEADING and 0 < cand.number - expected < MAX_GAP:
                run.append(cand)  # 第十条, 第十六条: an excerpt leaves articles out, but 第N条 still opens one
            elif cand.number == 1:
                runs.append(run)
                run = [cand]
            else:
                continue
        runs.append(run)
        for run in runs:
            if len(run) >= 2 or (run and style in _ALWAYS_HEADING):
                kept.extend(run)
    kept.sort(key=lambda c: c.paragraph.start)
    return kept


_FIRST_SENTENCE_END = re.compile(r"[。！？!?；;]")


def _first_sentence(rest: str) -> str:
    match = _FIRST_SENTENCE_END.search(rest)
    return rest[: match.start()] if match else rest


def _is_heading(cand: _Candidate, inside_article: bool) -> bool:
    if cand.style in _ALWAYS_HEADING or cand.md_level:
        return True
    if inside_article:
        return False
    return _reads_as_heading(cand)


def _reads_as_heading(cand: _Candidate) -> bool:
    """A short line (or first sentence) not running on like a list item, nor 首先，…。 and more (office59)."""
    rest = cand.rest.rstrip()
    first = _first_sentence(rest)
    if rest.endswith(("；", ";", "，", ",", "、", "：", ":")) or (cand.style == "seq" and rest[len(first):].strip("。！？!? ")):
        return False
    return 0 < len(first) <= _HEADING_MAX and "；" not in first


def _item_core(doc: Document, start: int, text: str) -> tuple[int, str]:
    """The short phrase that names a list item starting at ``start``, with its offset:
    the first sentence when short; else the clause that carries the point (a result
    clause, 造成…/致使…, or the first clause that is not a topic or a circumstance),
    without its actor subject, its modal and a closing 的 (承租人|未按照…支付租金|的)."""
    first = _first_sentence(text)
    if not first.strip():
        return 0, ""
    tokens = doc.tokens_between(start, start + len(first))
    if len(first.strip()) > _SHORT_ITEM:
        clauses = chunks.split_clauses(tokens)
        point = _point_clause(clauses) or tokens
        if len(first.strip()) > _WHOLE_ITEM or point is not clauses[0]:
            tokens = point
    core = chunks.strip_trailing_de(chunks.strip_actor(chunks.strip_leading(tokens, chunks.CONNECTIVES)))
    while core and core[-1].text in _ITEM_END_PUNCT:
        core = core[:-1]
    if not core:
        return 0, ""
    return core[0].start - start, chunks.text_of(core).strip()


_SHORT_ITEM = 12  # an item this short is its own name
_WHOLE_ITEM = 20  # …and one this short, when its first clause makes the point, too
_ITEM_END_PUNCT = frozenset("：:，,。；; ")


def _point_clause(clauses: list[list[segment.Token]]) -> list[segment.Token] | None:
    """造成…/致使… (the result) if a later clause states one; after a topic (对于…，)
    the last clause; else the first clause that is no circumstance (在…时)."""
    for clause in clauses[1:]:
        lead = chunks.strip_leading(clause, chunks.CONNECTIVES)
        if lead and lead[0].text in chunks.RESULT_VERBS:
            return clause
    if clauses and chunks.is_topic(clauses[0]):
        return clauses[-1]
    return next((c for c in clauses if not chunks.is_circumstance(c)), None)


_CLOSING_CATCH_ALL = re.compile(r"的其[他它][^，,；;。、]{0,8}$")


def is_catch_all(core: str) -> bool:
    """其他情节严重的情形, 法律、法规规定的其他权利: the item that closes a legal list
    names no case of its own."""
    return core.startswith(chunks.CATCH_ALL) or bool(_CLOSING_CATCH_ALL.search(core.rstrip("。；;")))


def _announced(intro: str) -> tuple[int | None, str]:
    """Find an announced count in the sentence before a list: 五个方面 -> (5, '五个方面')."""
    quoted = re.findall(r"“([^”]{2,6})”", intro)
    for q in quoted:
        m = _COUNT_RE.match(q)
        if m:
            return parse_number(m.group("num")), q
    matches = list(_COUNT_RE.finditer(intro))
    for m in reversed(matches):
        number = parse_number(m.group("num"))
        if number and number >= 2:
            tail = intro[m.start():m.end() + 2]
            label = re.split(r"[：:，,。；]", tail)[0]
            return number, label
    return None, ""


def _inline_enumerations(doc: Document, paragraph: Paragraph) -> list[Enumeration]:
    """Ordinals inside one paragraph: 一要…二要…; 一是责任心。…二是细心。…"""
    found: list[Enumeration] = []
    markers = []
    for m in _INLINE_MARKER.finditer(paragraph.text):
        num = m.group("num") or m.group("num2") or m.group("num3")
        suffix = m.group("suffix") or m.group("suffix2") or m.group("suffix3")
        family = ("di" if m.group("num2") else "qi" if m.group("num3") else "") + suffix[:1]
        markers.append((m, parse_number(num), family))
    by_family: dict[str, list] = {}
    for entry in markers:
        by_family.setdefault(entry[2], []).append(entry)
    for family, entries in by_family.items():
        runs: list[list] = []
        run: list = []
        for entry in entries:
            expected = run[-1][1] + 1 if run else 1
            if entry[1] == expected:
                run.append(entry)
            elif entry[1] == 1:
                runs.append(run)
                run = [entry]
        runs.append(run)
        for run in runs:
            if len(run) < 2:
                continue
            items = []
            for i, (m, number, _) in enumerate(run):
                stop = run[i + 1][0].start() if i + 1 < len(run) else len(paragraph.text)
                item_text = paragraph.text[m.end():stop]
                if i + 1 == len(run):
                    item_text = _first_sentence_keep(item_text)
                core_offset, core = _item_core(doc, paragraph.start + m.end(), item_text)
                items.append(ListItem(number, m.group("marker"), item_text, core,
                                      paragraph.start + m.start(),
                                      paragraph.start + m.end() + max(core_offset, 0),
                                      paragraph.index))
            before = paragraph.text[: run[0][0].start()]
            intro = _last_sentence(before)
            count, label = _announced(intro)
            found.append(Enumeration(f"inline-{family}", items, intro, count, label, inline=True))
    return found


def _first_sentence_keep(text: str) -> str:
    match = _SENTENCE_END.search(text)
    return text[: match.end()] if match else text


def _last_sentence(text: str) -> str:
    """The last sentence of ``text``, split as everywhere (a closing quote stays with its
    sentence: 他说：“很重要。”办公室… -> 办公室…)."""
    spans = split_sentences(text)
    return spans[-1][2].strip() if spans else ""


def structure(text: str, title: str, doc_id: str | None = None, source: str = "") -> Document:
    """The structure stage: cleaned text -> a document with sections, paragraphs,
    sentences and enumerations."""
    paragraphs = _paragraphs(text)
    candidates = [c for p in paragraphs if (c := _match_marker(p))]
    candidates = _numbered_runs(candidates)

    # A leading Markdown H1 is the document title, not a section.
    if candidates and candidates[0].style == "md1" and candidates[0].paragraph.index == 0:
        title = title or candidates[0].rest
        candidates = candidates[1:]

    sections, list_candidates = _sections(candidates, _article_styles(candidates),
                                          _announced_lists(candidates, paragraphs), len(text))
    doc = Document(id=doc_id or title, title=title, text=text, source=source)
    doc.sections = sections
    doc.paragraphs = paragraphs
    _assign(doc)
    doc.enumerations = _line_enumerations(doc, list_candidates) + _heading_enumerations(doc)
    for paragraph in paragraphs:
        doc.enumerations.extend(_inline_enumerations(doc, paragraph))
    _drop_overlapping(doc)
    return doc


_ARTICLE_STYLES = ("dun", "arabic")


def is_article(section: Section) -> bool:
    """A numbered rule (第N条, or 一、 in a text of rules): a marker and no heading."""
    return bool(section.marker) and not section.heading


def _article_styles(candidates: list[_Candidate]) -> set[str]:
    """Numbered rules (一、对于…，应当…。) are articles like 第N条, not headings: a style
    whose lines mostly run on as prose, in a text without 第N条."""
    if any(c.style == "tiao" for c in candidates):
        return set()
    styles = set()
    for style in _ARTICLE_STYLES:
        lines = [c for c in candidates if c.style == style and not c.md_level]
        if lines and sum(not _reads_as_heading(c) for c in lines) * 2 > len(lines):
            styles.add(style)
    return styles


def _announced_lists(candidates: list[_Candidate], paragraphs: list[Paragraph]) -> set[int]:
    """Paragraph indexes of list lines: a run 1, 2, 3… that a line ending in a colon
    announces (请假分为以下三类：) and that follows it line after line, with no body
    text between its items (those would make them headings)."""
    items: set[int] = set()
    for i, cand in enumerate(candidates):
        index = cand.paragraph.index
        if cand.number != 1 or cand.md_level or cand.style in _ALWAYS_HEADING or not index or \
                not paragraphs[index - 1].text.rstrip().endswith(("：", ":")):
            continue  # (…解释如下：/ 第一条 …/ 第二条 …: articles, each a section, not a list)
        run = [cand]
        for nxt in candidates[i + 1:]:
            if nxt.style != cand.style or nxt.number != run[-1].number + 1 or \
                    nxt.paragraph.index != run[-1].paragraph.index + 1:
                break
            run.append(nxt)
        if len(run) >= 2:
            items.update(c.paragraph.index for c in run)
    return items


def _sections(candidates: list[_Candidate], article_styles: set[str], list_lines: set[int],
              text_length: int) -> tuple[list[Section], list[_Candidate]]:
    """Headings and articles open sections; the other candidates are list items. Levels
    follow the order in which marker styles first appear."""
    style_order: list[str] = []
    sections = [Section(0, "", start=0, level=0)]
    list_candidates: list[_Candidate] = []
    in_article, article_level = False, 0  # in an article (a rule), and the articles' level
    for cand in candidates:
        article = cand.style == "tiao" or (cand.style in article_styles and not cand.md_level)
        # a heading of a level above the articles (二、 after 1.…；2.…；) opens its section
        above = cand.style in style_order and style_order.index(cand.style) + 1 < article_level
        if cand.paragraph.index in list_lines or (not article and not _is_heading(cand, in_article and not above)):
            list_candidates.append(cand)
            continue
        if cand.style not in style_order:
            style_order.append(cand.style)
        level = style_order.index(cand.style) + 1
        in_article = article
        article_level = level if article else article_level
        if article:
            heading, heading_end = "", cand.rest_start
        else:
            first = _first_sentence(cand.rest).strip()
            heading = first.rstrip("：:")
            heading_end = cand.rest_start + len(first)
        parent = next((s.index for s in reversed(sections) if 0 < s.level < level), None)
        sections.append(Section(len(sections), heading, cand.marker, cand.number, level,
                                cand.style, cand.paragraph.start, 0, heading_end, parent))
    for i, section in enumerate(sections):
        section.end = sections[i + 1].start if i + 1 < len(sections) else text_length
    return sections, list_candidates


def _assign(doc: Document) -> None:
    """Attach paragraphs and sentences to sections."""
    for paragraph in doc.paragraphs:
        section = doc.section_of(paragraph.start)
        paragraph.section = section.index
        section.paragraphs.append(paragraph)
        for start, end, sentence_text in split_sentences(paragraph.text, paragraph.start):
            # leading spaces are not part of the sentence
            stripped = sentence_text.lstrip()
            start += len(sentence_text) - len(stripped)
            sentence = Sentence(len(doc.sentences), start, end, stripped.rstrip(),
                                paragraph.index, doc.section_of(start).index)
            paragraph.sentences.append(sentence)
            doc.sentences.append(sentence)


def _line_enumerations(doc: Document, cands: list[_Candidate]) -> list[Enumeration]:
    """Consecutive list lines of one style ((一)(二)…, 1. 2. …) form an enumeration."""
    runs: list[list[_Candidate]] = [[]]
    for cand in cands:
        run = runs[-1]
        if run and (cand.style != run[-1].style or cand.number != run[-1].number + 1
                    or doc.section_of(cand.paragraph.start) is not doc.section_of(run[-1].paragraph.start)):
            runs.append(run := [])
        if run or cand.number == 1:
            run.append(cand)
    return [enum for run in runs if len(run) >= 2 and (enum := _line_enumeration(doc, run))]


def _line_enumeration(doc: Document, run: list[_Candidate]) -> Enumeration | None:
    """One run of list lines; a closing catch-all item (其他…的情形) is left out."""
    first_par = run[0].paragraph
    previous = doc.paragraphs[first_par.index - 1].text if first_par.index else ""
    intro = _last_sentence(previous) or previous
    count, label = _announced(intro)
    items = []
    for c in run:
        core_offset, core = _item_core(doc, c.rest_start, c.rest)
        if not is_catch_all(core):
            items.append(ListItem(c.number, c.marker, c.rest, core, c.paragraph.start,
                                  c.rest_start + core_offset, c.paragraph.index))
    return Enumeration(run[0].style, items, intro, count, label) if len(items) >= 2 else None


def _heading_enumerations(doc: Document) -> list[Enumeration]:
    """Sibling headings (same level, same parent) form an enumeration of their own."""
    groups: dict[tuple, list[Section]] = {}
    for section in doc.sections[1:]:
        if section.heading:
            groups.setdefault((section.level, section.parent, section.style), []).append(section)
    result = []
    for group in groups.values():
        if len(group) < 2:
            continue
        first = group[0]
        before = doc.text[: first.start].rstrip("\n")
        intro = _last_sentence(before.split("\n")[-1]) if before else ""
        count, label = _announced(intro)
        items = [ListItem(s.number, s.marker, s.heading, s.heading, s.start,
                          s.heading_end - len(s.heading), doc.paragraphs[0].index) for s in group]
        for item, section in zip(items, group):
            item.paragraph = doc.paragraph_at(section.start).index
        result.append(Enumeration(first.style, items, intro, count, label, headings=True))
    return result


def _drop_overlapping(doc: Document) -> None:
    """An inline run that restates line-level items (same offsets) is dropped."""
    seen: set[int] = set()
    kept = []
    for enum in doc.enumerations:
        starts = {item.core_start for item in enum.items}
        if starts & seen:
            continue
        seen |= starts
        kept.append(enum)
    doc.enumerations = kept
