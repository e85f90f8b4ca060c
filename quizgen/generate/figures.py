"""Figures: the sentence up to the clause of a number or a length (or, in a long sentence,
that clause alone) with the figure blanked, and figures of the same unit as options
(……（　　）。 A. 3天 B. 5天 …)."""

from __future__ import annotations

import re

from ..itemchecks import bare
from ..lang.numerals import FIGURE_RE, case_figure, day_of_date, figure_value, lower_bound, nudged_figures, upper_bound
from ..model import Document, Phrase, Sentence
from . import distractors
from .context import OPTIONS, GeneratorContext, tiers


MAX_STEM = 70  # characters of a sentence a stem may start from; longer, the figure's clause alone
MAX_CLAUSE = 110  # characters of the clause a stem shows


# a clause that opens with what is done, not with who or what it concerns
_SUBJECTLESS = re.compile(r"\s*(?:并|且|或者|或|以及|对个人|对单位|处|可以|可|应当|由|但|其中|对其)")
_SUBJECTLESS_LINK = re.compile(r"^\s*(?:并|且|但|其中)")
_MODAL_NEXT = re.compile(r"(?:可以|应当|应|不得|须|必须|方可|才能)")
# a condition clause (…的，): the case a penalty or a deadline of a long sentence is for
_CONDITION = re.compile(r"[^，；：。]{2,60}的[，；]")
MIN_CONDITION = 6  # characters of a condition that states a case (shorter: 逾期不改正的 qualifies one)
_JOINED = re.compile(r"(?:或者|或|以及|及|和|并且|并|且|、)")
_ARTICLE = re.compile(r"^第[一二三四五六七八九十百千零〇\d]+条\s*")


# a condition that qualifies a case told before it, not the case: 没有违法所得的, 未造成严重后果的,
# 情节严重的, 逾期不改正的 (trainers kept none of the judged figure questions asked under one)
_QUALIFIER = re.compile(r"^(?:未|没有|不|无|尚未|尚不|构成犯罪|有违法所得|逾期不|逾期仍|情节|违法所得|货值金额|数额|在限定期限内|限期内"
                        r"|造成严重|造成重大|后果严重)")


# a stem that opens on the consequence or the sequel of a case told before it: 致使森林、林木受到毁坏的,
# 拒不停止违法行为的, 申诉人又重复申诉的 (fresh20: judged "does not say which violation it refers to")
_SEQUEL = re.compile(r"^[^，；]{0,6}?(?:拒不|致使|又|仍然|逾期不|逾期仍)")
# …or on the penalty alone, its case left behind: 给予警告、（　　）的罚款…, 责令…暂停…（　　） (fresh22/23,
# fresh26: judged "drops who is punished and why")
_PENALTY_ONLY = re.compile(r"^(?:责令|并处|处以|没收|给予|吊销|暂停|可以并处|可并处|处(?=[（\d一二三四五六七八九十百千万]))")


def _condition_before(sentence: str, end: int) -> str | None:
    """The nearest condition clause before ``end`` in ``sentence`` (without its article
    number), "" when there is none or it only points to a list (有下列情形之一的); None when
    it only qualifies a case told before it (…，没有违法所得的，处（　　）罚款)."""
    found = list(_CONDITION.finditer(sentence, 0, end))
    if not found:
        return ""
    condition = _ARTICLE.sub("", found[-1].group()[:-1]).strip()
    if _QUALIFIER.match(condition):
        return None
    if "下列" in condition or "前款" in condition or len(condition) < MIN_CONDITION or _JOINED.match(condition):
        return ""  # a list's pointer, or the last of several clauses (或者留滞…车辆的): not the whole case
    return condition


def _trivia(doc: Document, sentence: Sentence, phrase: Phrase) -> bool:
    """The dates of the rules a regulation repeals, the sums of a case (宁某某, 基本案情), the day
    of a date written out (二〇〇四年六月[十五日], 去年六月[二十二日]): not worth asking."""
    section = doc.sections[sentence.section].title
    before = doc.text[max(0, phrase.start - 1):phrase.start]
    return ("废止" in sentence.text or case_figure(sentence.text, phrase.text, section)
            or day_of_date(before, phrase.text))


def figure_questions(b: GeneratorContext) -> None:
    """A choice question on the first figure of each sentence that one can be asked on: a
    later figure's stem starts mid-sentence, without the case it is of, next to the figure
    before it (fresh sets: trainers kept 33 % of 69 judged questions on a sentence's second or
    later figure, 67 % of 445 on its first; the sentence's cloze note blanks them all)."""
    asked: set[int] = set()
    for phrase in b.doc.phrases:
        if phrase.kind != "figure" or not re.search(r"\d|[一二三四五六七八九十百千]", phrase.text) \
                or phrase.sentence in asked:
            continue
        sentence = b.doc.sentences[phrase.sentence]
        if _trivia(b.doc, sentence, phrase):
            continue
        stem = figure_stem(sentence.text, phrase.start - sentence.start, phrase.text)
        if stem is None:
            continue
        asked.add(phrase.sentence)
        key = b.phrase_key(phrase)
        # a figure the stem shows is no wrong option (…超过五万平方米不足十万平方米的住宅区，…不少于（　　）:
        # 五万平方米 was offered, judged absurd)
        shown = [m.group() for m in FIGURE_RE.finditer(stem)]
        # the upper end of a range whose lower end the stem shows (二至（　　）名, 100元以上（　　）):
        # a wrong option at or below that end is impossible (fresh18, judged so)
        # and the lower end of a range whose upper end it shows (已满（　　）不满十六周岁: 二十周岁 was
        # offered, judged impossible, fresh31)
        blank = stem.index("（　　）")
        floor = lower_bound(stem[:blank])
        ceiling = upper_bound(stem[blank + len("（　　）"):], phrase.text)
        bounded = floor is not None or ceiling is not None
        picks = distractors.choose(phrase.text, b.doc, None, "figure", 3 * OPTIONS if bounded else OPTIONS - 1,
                                   b.rng(key), forbidden=shown, near=phrase.start)
        picks = [p for p in picks if _within(figure_value(p.text), floor, ceiling)][:OPTIONS - 1]
        if bounded:  # few values a factor away stay inside the range: the next ones do
            taken = {p.text for p in picks} | set(shown) | {phrase.text}
            picks += [distractors.Pick(text, 2) for text in nudged_figures(phrase.text)
                      if text not in taken and _within(figure_value(text), floor, ceiling)][:OPTIONS - 1 - len(picks)]
        b.add_choice(f"{key}-choice", stem + "。", phrase.text, [p.text for p in picks], phrase,
                     b.explain(phrase), ["figure", *tiers(picks)])


def _within(value: float | None, floor: float | None, ceiling: float | None) -> bool:
    return (floor is None or (value or 0) > floor) and (ceiling is None or (value is not None and value < ceiling))


def figure_stem(text: str, start: int, figure: str) -> str | None:
    """The stem that asks the figure at ``start`` of the sentence ``text``, blanked; None when
    no stem would say what the figure is of (nor one that opens on the sequel of a case told
    before it: 拒不停止违法行为的，处（　　）的罚款 — whose refusal, of what)."""
    stem = _stem(text, start, figure)
    return None if stem is None or _SEQUEL.match(stem) or _PENALTY_ONLY.match(stem) else stem


def _stem(text: str, start: int, figure: str) -> str | None:
    clause_start, clause_end, segment_start = _stem_bounds(text, start, start + len(figure))
    clause = text[clause_start:clause_end]
    marker = _ARTICLE.match(clause)
    if marker and marker.end() <= start - clause_start:
        clause_start += marker.end()
        clause = clause[marker.end():]
    local = start - clause_start
    stem = clause[:local] + "（　　）" + clause[local + len(figure):]
    if len(clause) < len(figure) + 4 or len(clause) > MAX_CLAUSE or "下列" in clause:
        return None  # (有下列行为之一的，…: the stem would not show the acts the figure is for)
    condition = _condition_before(text, clause_start) if clause_start else ""
    if condition is None:
        return None  # the stem would not say which case the figure is of
    if condition and bare(condition.removesuffix("的")) in bare(clause):
        condition = ""  # the clause states its case itself (擅自收购烟叶（　　）的)
    at = text.rfind(condition, 0, clause_start) if condition else -1
    if condition and at >= segment_start and clause_end - at <= MAX_CLAUSE:
        # the case and what its clause goes on to say (需要进一步研究处理的，有关机关…应负责在…两个月内，
        # 遇有特殊情况至迟不超过（　　）): a clause between them may hold the actor
        return text[at:clause_start] + stem
    if condition:  # which case the figure is of: 个人不履行…义务的，对直接负责的主管人员处（　　）罚款
        return condition + "，" + _SUBJECTLESS_LINK.sub("", stem)
    if clause_start and _SUBJECTLESS.match(clause):
        return None  # 并可以处（　　）罚款: a clause that does not say whose fine it is
    return stem


def _next_stop(text: str, after: int, stops: str) -> int:
    found = [i for i in (text.find(p, after) for p in stops) if i >= 0]
    return min(found or [len(text)])


def _stem_bounds(text: str, start: int, end: int) -> tuple[int, int, int]:
    """Where the stem of the figure at ``start:end`` of ``text`` starts and ends, and where the
    figure's part of the sentence (between ；) starts."""
    clause_start = max(text.rfind(p, 0, start) for p in "，；：。") + 1
    clause_end = _next_stop(text, end, "，；。")
    if len(text[end:clause_end].strip("内以前后起")) == 0 and text[clause_end:clause_end + 1] == "，":
        # a time or a measure the rule goes on to apply (自…公布之日起三个月内，…设立保护标志;
        # …用血费的五倍，对其征收献血补偿金): the stem states what is done in it
        clause_end = _next_stop(text, clause_end + 1, "；。")
    elif _MODAL_NEXT.match(text, clause_end + 1) and text[clause_end:clause_end + 1] == "，":
        # the figure's clause is who or when, the rule follows (代表十人以上联名，可以向…提出…案)
        clause_end = _next_stop(text, clause_end + 1, "，；。")
    segment_start = max(text.rfind(p, 0, start) for p in "；。") + 1
    if len(text.rstrip("。；;")) <= MAX_STEM:
        clause_start, clause_end = 0, len(text.rstrip("。；;"))  # the whole sentence
    elif clause_end <= MAX_STEM:
        clause_start = 0  # the sentence from its start: the stem names its subject
    elif text[segment_start:clause_start].startswith("对"):
        clause_start = segment_start  # …；对金融机构负有直接责任的董事…给予警告，处（　　）罚款: whose fine
    if text[clause_start:clause_end].endswith("的") and text[clause_end:clause_end + 1] == "，":
        # a condition asks with its consequence: 擅自收购烟叶（　　）的，依法没收其违法所得
        clause_end = _next_stop(text, clause_end + 1, "，；。")
    elif _SUBJECT_PHRASE.search(text, clause_start, clause_end) and not text[:clause_start].strip(" 　") \
            and text[clause_end:clause_end + 1] == "，":
        # the sentence's subject, said of in what follows: 年满十八周岁的村民，…都有选举权和被选举权 (fresh35:
        # "年满（　　）的村民。 is a fragment")
        clause_end = _next_stop(text, clause_end + 1, "；。")
    return clause_start, clause_end, segment_start


_SUBJECT_PHRASE = re.compile(r"的[\u4e00-\u9fff]{1,10}$")  # (…的农村饮用水水源，: fresh46, "the stem is a fragment")
