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
from ..generate.actors import carried_actor, lacks_actor, with_actor
from ..generate.subjects import context_of, list_of
from ..items import Choice, Cloze, Item, Judge, Multi
from ..ingest.clean import is_han
from ..lang import markup
from ..lang.numerals import FIGURE_RE, case_figure, day_of_date
from ..lang.markers import CHAPTER, MARKER_AFTER_LEAD, NUMBER_MARKER, strip_markers, unmarked
from .blanks import THRESHOLD as BLANK_THRESHOLD, blank_score
from .blanklists import agreed_lists, member_runs, merged as _merged, run_of, slot_runs
from .cuts import (beside_the_fact, before_light_verbs, bodies_alone, closing_clauses, conjoined_members, named_categories,
                   numbered, objects_alone, pronouns_outside, quoted_alone, split_lists, stock_runs, whole_compounds,
                   whole_ranges)
from .features import MAX_PHRASE, DocumentFacts
from .names import named, rewritten

MAX_SENTENCE_BLANKS = 3  # a sentence note; a list note may blank each of its items (up to 5)
# the ids list notes have (quizgen.generate.listnotes): their blanks are whole items of a list
# spread over sentences, which may be long; a sentence note's blanks are judged one by one
LIST_NOTE = re.compile(r"-list\d+(?:-part\d+)?-cloze$")


def repair(items: list[Item], facts: DocumentFacts) -> tuple[list[Item], dict[str, int]]:
    """The items as mended, and how many were dropped for which reason."""
    kept: list[Item] = []
    dropped: dict[str, int] = {}
    listed = _listed_items(items)
    for item in items:
        mended, reason = _repair(item, facts, listed)
        if mended is None:
            dropped[reason] = dropped.get(reason, 0) + 1
        else:
            kept.append(mended)
    return kept, dropped


def _listed_items(items: list[Item]) -> frozenset[str]:
    """The items (bare) the list notes of ``items`` blank whole: a sentence that opens with
    one is asked by its list's note."""
    return frozenset(itemchecks.bare(answer) for item in items if isinstance(item, Cloze) and LIST_NOTE.search(item.id)
                     for answer in item.answers())


def _repair(item: Item, facts: DocumentFacts, listed: frozenset[str] = frozenset()) -> tuple[Item | None, str]:
    mended, reason = _mended(item, facts, listed)
    return (named(_acted(mended, facts), facts.doc.title, facts.opening) if mended is not None else None), reason


def _acted(item: Item, facts: DocumentFacts) -> Item:
    """因突发事故不能提前通知的，应当在抢修的同时通知用户 → …的，二次供水设施管理单位应当…: a
    rule that leaves out the actor its article named before names it again (quizgen.generate.
    actors), unless the actor is what the item asks."""
    sentence = facts.sentence_for(item)
    if sentence is None or not lacks_actor(sentence.text):
        return item
    actor = carried_actor(facts.doc, sentence)
    if actor is None or any(itemchecks.bare(actor) in itemchecks.bare(answer) or itemchecks.bare(answer) in
                            itemchecks.bare(actor) for answer in item.answers()):
        return item
    return rewritten(item, lambda text, escape: with_actor(text, markup.escape(actor) if escape else actor))


def _mended(item: Item, facts: DocumentFacts, listed: frozenset[str] = frozenset()) -> tuple[Item | None, str]:
    if (isinstance(item, Cloze) and _is_heading(item)) or _is_title(item, facts):
        # a heading with a blank is not a question; nor is the document's title, in any form
        # (CnPack开发组（　　）下半年度工作总结。: gen58, judged trivial, its answer on every card's deck)
        return None, "heading"
    if _HISTORY.match(item.source.strip()) or _DATE_LINE.match(item.source.strip()):
        return None, "markup"  # the line of a regulation's adoption and amendments is no content, nor a dateline
    context = _context(item, facts)
    if context is None:
        return None, "no-subject"
    match item:
        case Cloze():
            in_list = bool(context) and _in_a_list(item, facts)
            if in_list and _asked_by_list_note(item, facts, listed):
                return None, "list-item"  # one item of a list: the list's note asks it, in its place
            return _repair_cloze(item, context, facts.phrase_texts, facts, in_list)
        case Choice() | Multi():
            if _foreign(item, facts):
                return None, "foreign-distractor"
            if _clause_only(item):
                return None, "clause-statement"
            if _twin_in_stem(item):
                return None, "leak"
            # a question shows no list marker, after its lead or alone (judged markup: …审批：（二）建筑面积…)
            return replace(item, question=MARKER_AFTER_LEAD.sub("", context + unmarked(item.question), count=1)), ""
        case Judge():
            if _spliced(item):
                return None, "spliced"
            if _clause_only(item):
                return None, "clause-statement"
            return replace(item, statement=MARKER_AFTER_LEAD.sub("", context + unmarked(item.statement), count=1)), ""
    return item, ""


def _is_heading(item: Item) -> bool:
    """The item's sentence is its section's heading (第二章 档案机构及其职责), or the line a
    circular is addressed to (各省、自治区、直辖市人民政府，国务院各部委、各直属机构：)."""
    source = itemchecks.bare(unmarked(item.source))
    return (len(source) >= 4 and source in itemchecks.bare(item.section)) or bool(CHAPTER.match(item.source)) \
        or bool(_ADDRESSEES.match(item.source.strip()))


_ADDRESSEES = re.compile(r"^各[^。；！？]{2,80}[：:]$")
# 2015年3月27日 浙江省第十二届人民代表大会常务委员会第十八次会议通过 根据…修正: when a regulation was made
# 二0一四年八月, 2008年6月20日: the date a document is signed, alone on its line (office58: 二0（　　）八月)
_DATE_LINE = re.compile(r"^[\d〇零○Ｏ0-9一二三四五六七八九]{2,4}年(?:[\d一二三四五六七八九十]{1,3}月)?(?:[\d一二三四五六七八九十]{1,3}日)?[。.]?$")
_HISTORY = re.compile(r"^[（(]?(?:\d{4}|[〇零一二三四五六七八九]{4})年[\d一二三四五六七八九十]{1,3}月[\d一二三四五六七八九十]{1,3}日"
                      r"[^。；]{0,60}?(?:会议|常务委员会|国务院令|人民政府令|公告)[^。；]{0,80}?(?:通过|批准|公布|修正|修订|发布)")


def _is_title(item: Item, facts: DocumentFacts) -> bool:
    """The item's sentence is the line the document opens with, a title without a sentence's
    punctuation (企业职工带薪年休假实施办法): a name to read, not a fact to recall."""
    sentences = facts.doc.sentences
    if not sentences or sentences[0].paragraph != 0 or len(facts.doc.paragraphs) < 2:
        return False
    first = sentences[0].text.strip()
    return unmarked(item.source).strip() == first and len(first) <= 60 and not _SENTENCE_PUNCTUATION.search(first)


_SENTENCE_PUNCTUATION = re.compile(r"[。！？；，：,;:!?]")
_ANY_MARKER = re.compile(r"[（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十]+[、是要]|\d+[.、．]|第[一二三四五六七八九十百\d]+条")
MIN_SHOWN = 4  # characters a note shows besides its blanks: a bare list item or heading says nothing


def _context(item: Item, facts: DocumentFacts) -> str | None:
    """What to show before the item's sentence ("" when it stands alone)."""
    sentence = facts.sentence_for(item)
    if sentence is None:
        return ""
    context = context_of(facts.doc, sentence, facts.lists)
    opening = itemchecks.bare(strip_markers(sentence.text))[:4]
    if opening and not itemchecks.bare(unmarked(_filled(item))).startswith(opening):
        return ""  # the item does not show its sentence as written: it says what it asks itself
    if context and itemchecks.bare(context) in itemchecks.bare(_front(item)):
        return ""  # the item shows it already (a list note holds its lead)
    # a lead that is an item of a list itself shows no marker ((三)输赢累计金额界限划定：… before the
    # question; fresh32, judged markup)
    return unmarked(context) if context else context


def _front(item: Item) -> str:
    match item:
        case Cloze():
            return markup.reveal(item.text)
        case Choice() | Multi():
            return item.question
        case Judge():
            return item.statement
    return ""


def _filled(item: Item) -> str:
    """The front with a question's blank filled by its right answer (超过（　　）投诉时效的 ->
    超过三年投诉时效的): the sentence as written, where the item shows it."""
    front = _front(item)
    if isinstance(item, Choice | Multi) and item.answer:
        return front.replace("（　　）", item.options[item.answer[0]], 1)
    return front


def _foreign(item: Choice | Multi, facts: DocumentFacts) -> bool:
    """A wrong option that is nowhere in the text (and not a figure): 萧峰心 for 四心."""
    return any(i not in item.answer and not itemchecks.NUMBER_PREFIX.match(o)
               and itemchecks.bare(o) not in facts.bare_text for i, o in enumerate(item.options))


def _in_a_list(item: Item, facts: DocumentFacts) -> bool:
    sentence = facts.sentence_for(item)
    return sentence is not None and list_of(facts.doc, sentence, facts.lists) is not None


def _asked_by_list_note(item: Item, facts: DocumentFacts, listed: frozenset[str]) -> bool:
    """The item's sentence, an item of a list, opens with what the list's note blanks (a list
    of long items has no note: its items' own notes ask them, after the list's lead)."""
    sentence = facts.sentence_for(item)
    if sentence is None:
        return False
    opening = itemchecks.bare(strip_markers(sentence.text))
    return any(opening.startswith(answer) for answer in listed if len(answer) >= 2)


def _spliced(item: Judge) -> bool:
    """A false statement made by putting another list's items into an enumeration, or a
    word of a neighbouring sentence into this one: only a swap within a frame (对上协调要在
    {创新}上下功夫) or of a figure changes the meaning for certain."""
    tags = {t.removeprefix("quizgen::") for t in item.tags}
    return not item.answer and "swap" in tags and not tags & {"frame", "figure"}


def _clause_only(item: Judge | Choice | Multi) -> bool:
    """A statement or question made of one clause cut from a longer sentence by a frame
    (增强“四个自信” of 增强“四个意识”，坚定“四个自信”，…; 如果不连党八股也什么？): out of its
    sentence it is neither true nor false, and asks nothing a learner can answer."""
    tags = {t.removeprefix("quizgen::") for t in item.tags}
    shown = item.statement if isinstance(item, Judge) else item.question
    whole = itemchecks.bare(unmarked(item.source))
    return "frame" in tags and len(itemchecks.bare(shown)) < len(whole) - MAX_SWAP


def _twin_in_stem(item: Choice | Multi) -> bool:
    """A figure question whose stem shows the figure's twin: 企业职工（　　）的…；一百人以上的…
    gives 一百人以下 away."""
    return "figure" in {t.removeprefix("quizgen::") for t in item.tags} and any(
        _twins(item.options[a], m.group()) for a in item.answer for m in FIGURE_RE.finditer(item.question))


MAX_SWAP = 6  # characters a swapped word may change a statement's length by


def _repair_cloze(item: Cloze, context: str, phrases: frozenset[str],
                  facts: DocumentFacts | None = None, list_item: bool = False) -> tuple[Item | None, str]:
    parts = markup.parse(item.text)
    if parts and isinstance(parts[0], str) and not context:
        parts[0] = unmarked(parts[0])  # alone, no marker; after its lead, it stays while the note is mended: 一是{…}
    elif parts and isinstance(parts[0], markup.Deletion) and unmarked(parts[0].answer) != parts[0].answer:
        return None, "markup"
    whole = _whole_items(item)
    if not whole:
        parts = quoted_alone(before_light_verbs(objects_alone(agreed_lists(split_lists(parts)))))
        parts = stock_runs(named_categories(closing_clauses(conjoined_members(pronouns_outside(parts)))))
    scores: dict[int, float] = {}
    parts = _good_blanks(bodies_alone(whole_compounds(whole_ranges(parts))), whole, phrases, facts, scores, item.section)
    if not whole:
        parts = beside_the_fact(_no_twins(parts), scores)
    deletions = [p for p in parts if isinstance(p, markup.Deletion)]
    if not deletions:
        return None, "no-good-blank"
    limit = MAX_SENTENCE_BLANKS if not whole else itemchecks.MAX_DELETIONS
    parts = numbered(parts, limit, itemchecks.MAX_DELETIONS, scores)
    if not whole:
        parts = numbered(_settled(parts, context), limit, itemchecks.MAX_DELETIONS, scores)
    if not any(isinstance(p, markup.Deletion) for p in parts):
        return None, "no-good-blank"
    shown = _ANY_MARKER.sub("", "".join(p for p in parts if isinstance(p, str)))
    if sum(is_han(c) for c in shown) < MIN_SHOWN and (not context or list_item):
        # - {廉洁自律}, {指导思想}；（二）{主要目标}; and an item of a list after its lead, which shows no
        # more than the lead: any other item would fit (…：（十一）{集体合同期限}; fresh15, discarded)
        return None, "bare"
    if context:
        # shown after its lead, a list item keeps its ordinal word (一是{…}) but not its number
        # (…制裁：5、利用…: gen58, judged markup; a question shows its lead so already)
        if isinstance(parts[0], str):
            parts[0] = NUMBER_MARKER.sub("", parts[0], count=1)
        parts = [context, *parts]
    return replace(item, text=markup.to_markup(_merged(parts))), ""


def _settled(parts: list[markup.Segment], context: str = "") -> list[markup.Segment]:
    """The blanks a check refuses once their neighbours are settled become text, until none
    is left: a blank judged while the next one stood may be half a list once that one went
    (不使用全国统一的[测绘基准]和测绘系统); a blank is judged with the ``context`` the note will
    show before it (a list's lead may show its words)."""
    while True:
        shown: list[markup.Segment] = [context, *parts]
        refused = next((i for i, p in enumerate(parts) if isinstance(p, markup.Deletion)
                        and itemchecks.blank_problems(shown, i + 1, False)), None)
        if refused is None:
            return parts
        parts = _merged([p.answer if i == refused else p for i, p in enumerate(parts)])  # type: ignore[union-attr]


def _whole_items(item: Cloze) -> bool:
    """A list note, whose blanks are the whole items of a list."""
    return bool(LIST_NOTE.search(item.id)) and "{{c2::" in item.text


def _listed(parts: list[markup.Segment], i: int) -> bool:
    """The blank ``parts[i]`` is a member of a list blanked member by member (A、[B]、C)."""
    before = parts[i - 1] if i > 0 else ""
    after = parts[i + 1] if i + 1 < len(parts) else ""
    return (isinstance(before, str) and (before.endswith("、") or before in itemchecks.JOINERS)) or (
        isinstance(after, str) and (after.startswith("、") or after in itemchecks.JOINERS))


def _no_twins(parts: list[markup.Segment]) -> list[markup.Segment]:
    """A blank with a twin in its note (一百人以下 / 一百人以上, 尚未终审 / 已经终审) becomes text:
    whether the twin is shown or another blank (shown on the other's card), it gives the
    answer away. Members of a list blanked member by member are no twins (对上协调、对下协调)."""
    plain = "".join(p.answer if isinstance(p, markup.Deletion) else p for p in parts)
    words = {m.group() for m in FIGURE_RE.finditer(plain)} | {p.answer for p in parts if isinstance(p, markup.Deletion)}
    return _merged([p.answer if isinstance(p, markup.Deletion) and not _listed(parts, i)
                    and any(_twins(p.answer, w) for w in words) else p for i, p in enumerate(parts)])


_OPPOSITES = {frozenset(p) for p in (("上", "下"), ("尚未", "已经"), ("予以", "不予"), ("应予", "不予"), ("前", "后"),
                                      ("以上", "以下"), ("以内", "以上"), ("以内", "以外"), ("之内", "之外"), ("高于", "低于"), ("未", "已"), ("有", "无"), ("内", "外"),
                                      ("应", "不"), ("是", "否"))}


def _twins(a: str, b: str) -> bool:
    """The same words but for one character or a pair of opposites (以上/以下, 尚未/已经)."""
    if len(a) != len(b) or len(a) < 3 or a == b:
        return False
    diff = [i for i, (x, y) in enumerate(zip(a, b)) if x != y]
    lo, hi = diff[0], diff[-1] + 1
    return hi - lo <= 2 and any(frozenset((a[start:hi], b[start:hi])) in _OPPOSITES for start in (lo, max(0, lo - 1)))


def _good_blanks(parts: list[markup.Segment], whole: bool, phrases: frozenset[str],
                 facts: DocumentFacts | None = None, scores: dict[int, float] | None = None,
                 section: str = "") -> list[markup.Segment]:
    """The parts with every blank a trainer would delete turned back into text: in a sentence
    note, those the blank score (:mod:`.blanks`) finds not worth asking (first: a blank they
    touch is judged without them), then those the checks refuse and those that cut in two a
    key phrase at least as good as their own (对下{协调要在…}); the scores of the blanks kept
    go to ``scores`` (by cloze number)."""
    weighed = dict(zip(map(id, parts), _scored_blanks(parts, whole, facts)))  # the blanks stay the same objects
    listed = _run_scores(parts, weighed)
    parts = _merged([p.answer if isinstance(p, markup.Deletion) and listed.get(id(p), weighed[id(p)]) < BLANK_THRESHOLD
                     else p for p in parts])
    out: list[markup.Segment] = []
    plain = "".join(p.answer if isinstance(p, markup.Deletion) else p for p in parts)
    spans = _phrase_spans(plain, phrases)
    at = 0
    for i, part in enumerate(parts):
        size = len(part.answer if isinstance(part, markup.Deletion) else part)
        start, end, at = at, at + size, at + size
        own = _phrase_score(part.answer, facts) if isinstance(part, markup.Deletion) else 0.0
        crosses = any((p < start < q < end or start < p < end < q) and _phrase_score(plain[p:q], facts) >= own
                      for p, q in spans)
        score = weighed.get(id(part), 1.0)
        # a clause around a key phrase worth a blank: blank the phrase, not the clause (另{一个名称叫“不管部”})
        wraps = not whole and isinstance(part, markup.Deletion) and not itemchecks.parallel(plain[start:end]) \
            and not _listed(parts, i) and any(
            start <= p and q <= end and (end - start) >= 2 * (q - p) + 2
            and (facts is None or blank_score(plain[:p], plain[p:q], plain[q:], facts) >= BLANK_THRESHOLD)
            for p, q in spans)
        # the sentence's subject: a stem names it, never blanks it, unless what is asked is who
        # has the duty (｛镇人民政府｝应当…) or what a defined term is called (｛厂务公开｝是指…);
        # an idiom is no subject (｛眼观六路｝，耳听八方)
        opening = i == 0 and not whole and not _ACTOR_OR_TERM.match(plain[end:]) \
            and not (isinstance(part, markup.Deletion) and itemchecks.common_idiom(part.answer))
        trivia = isinstance(part, markup.Deletion) and (case_figure(plain, part.answer, section)
                                                        or day_of_date(plain[:start], part.answer))
        # a stock phrase of regulations in an article (…的，依法追究[刑事责任]) asks nothing of it;
        # a member of a list blanked member by member ([侵吞]、[挪用]或者[损毁]) is the list's,
        # unless every member is one ([申请复议]或者[提起诉讼])
        stock = isinstance(part, markup.Deletion) and not whole \
            and itemchecks.stock_in_article(part.answer, section) \
            and (not _listed(parts, i) or all(itemchecks.stock_in_article(m, section) for m in run_of(parts, i)))
        # the document's own topic (集体合同 in 浙江省集体合同条例, 来华登山): the deck's name shows it
        # (fresh11–15: 1 of 16 judged notes with such a blank kept)
        titled = isinstance(part, markup.Deletion) and facts is not None and facts.in_title(part.answer)
        if isinstance(part, markup.Deletion) and (opening or crosses or wraps or trivia or stock or titled
                                                  or itemchecks.blank_problems(parts, i, whole)):
            out.append(part.answer)
        else:
            out.append(part)
            if isinstance(part, markup.Deletion) and scores is not None:
                scores[part.number] = max(score, scores.get(part.number, 0.0))
    return out


def _run_scores(parts: list[markup.Segment], weighed: dict[int, float]) -> dict[int, float]:
    """The score of a list's members blanked member by member is the list's (their mean): a list
    is asked whole or not at all ([朴素]、[实用]、[安全]、[节能] loses no member for its own score);
    so are the slots of a frame ([A]就是重点；…[B]就是重点)."""
    out: dict[int, float] = {}
    for run in member_runs(parts, ("、",)) + slot_runs(parts):
        mean = sum(weighed[id(parts[i])] for i in run) / len(run)
        out.update((id(parts[i]), mean) for i in run)
    return out


def _scored_blanks(parts: list[markup.Segment], whole: bool, facts: DocumentFacts | None) -> list[float]:
    """The blank score of each part (1.0 for text, for a list note's items and without ``facts``)."""
    plain = "".join(p.answer if isinstance(p, markup.Deletion) else p for p in parts)
    out, at = [], 0
    for part in parts:
        size = len(part.answer if isinstance(part, markup.Deletion) else part)
        out.append(blank_score(plain[:at], part.answer, plain[at + size:], facts)
                   if isinstance(part, markup.Deletion) and not whole and facts is not None else 1.0)
        at += size
    return out


def _phrase_score(text: str, facts: DocumentFacts | None) -> float:
    """The best score of a key phrase of this text (0: none; without ``facts`` every phrase counts alike)."""
    if facts is None:
        return 0.0
    return max((p.score for p in facts.phrases.get(itemchecks.bare(text), [])), default=0.0)


_ACTOR_OR_TERM = re.compile(r"(应当|应|必须|负责|不得|有权|是指|是)(?![以的])")


def _phrase_spans(plain: str, phrases: frozenset[str]) -> list[tuple[int, int]]:
    """Where the key phrases occur in ``plain``: every substring of phrase length looked up,
    so the cost grows with the note, not with the document's phrases."""
    return [(start, start + size) for size in range(2, MAX_PHRASE + 1)
            for start in range(len(plain) - size + 1) if plain[start:start + size] in phrases]
