"""Distractors a trainer would accept, best source first:

1. siblings from the same enumeration or parallel frame (the text's own alternatives);
2. phrases of the same kind and shape elsewhere in the document;
3. words from jieba's dictionary of the same length sharing a character or suffix,
   chosen by frequency.

Every candidate passes the same rules: distinct, not a substring or superstring of the
key or of another option, not one of the other correct answers, similar length.
Choices are deterministic for a given seed.
"""

from __future__ import annotations

import random
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache

from ..lang import segment
from ..lang.numerals import (RANGE, RANGE_FACTORS, count_factors, figure_scale, parse_number, round_figure,
                             scaled_chinese_figures, steps_for)
from ..ingest.clean import is_han
from ..model import Document, Phrase, SiblingSet
from ..analyse.junk import is_junk

_PUNCT_RE = re.compile(r"[，。、；：！？“”‘’（）,.;:!?()\s]")


@lru_cache(maxsize=1 << 16)
def bare(text: str) -> str:
    return _PUNCT_RE.sub("", text)


@dataclass
class Pick:
    text: str
    tier: int  # 1 sibling, 2 same kind in document, 3 dictionary


def compatible(candidate: str, key: str, taken: Iterable[str], forbidden: Iterable[str] = ()) -> bool:
    """``candidate`` can stand beside ``key``: :func:`distinct` and not junk."""
    return not is_junk(candidate) and distinct(candidate, key, list(taken) + list(forbidden))


def distinct(candidate: str, key: str, taken: Iterable[str], slack: int | None = None) -> bool:
    """``candidate`` is none of ``key`` and ``taken``, none is inside another, and its length
    is within ``slack`` characters of the key's (default: half the key's length)."""
    c, k = bare(candidate), bare(key)
    if not c or c in k or k in c:
        return False
    for other in taken:
        o = bare(other)
        if c in o or o in c:
            return False
    limit = max(1, len(k) // 2) if slack is None else slack
    return abs(len(c) - len(k)) <= limit


def choose(key: str, doc: Document, sibling: SiblingSet | None, kind: str, count: int,
           rng: random.Random, forbidden: Iterable[str] = (), exclude_siblings: bool = False,
           near: int | None = None, typed: Iterable[str] | None = None) -> list[Pick]:
    """``count`` distractors for ``key`` (at offset ``near`` of the document, else where
    the key first occurs), best tier first. With ``typed``, the phrases of the document that
    may serve (of the same kind of thing as the key) are those only."""
    forbidden = list(forbidden)
    near = _index_of(doc).first_start.get(key, 0) if near is None else near
    if sibling is not None and sibling.label:
        forbidden.append(sibling.label)
    picks: list[Pick] = []

    def take(candidates: list[str], tier: int) -> None:
        candidates = sorted(set(candidates), key=lambda c: (abs(len(bare(c)) - len(bare(key))), c))
        rng.shuffle(candidates)  # deterministic for the seed; ties broken by the seed
        candidates.sort(key=lambda c: abs(len(bare(c)) - len(bare(key))))
        for cand in candidates:
            if len(picks) >= count:
                return
            if compatible(cand, key, [p.text for p in picks], forbidden):
                picks.append(Pick(cand, tier))

    affix = shared_suffix([m.text for m in sibling.members]) if sibling is not None else ""
    if sibling is not None and not exclude_siblings:
        take([m.text for m in sibling.members if m.text != key], 1)
    if affix and sibling is not None:
        # the siblings share a suffix (责任心, 细心, 耐心…): outsiders should too
        members = {m.text for m in sibling.members}
        take([p.text for p in _index_of(doc).everything.around(near)
              if p.text.endswith(affix) and p.text not in members], 2)
        take(dictionary_neighbours(bare(key), suffix=affix), 3)
    if len(picks) < count:
        allowed = None if typed is None else set(typed)
        take([c for c in same_kind(doc, key, kind, sibling, near) if allowed is None or c in allowed], 2)
    if len(picks) < count and kind != "figure" and typed is None:
        take(dictionary_neighbours(bare(key)), 3)
    return picks[:count]


# What the items of a list are, as its lead names them (有下列情形之一的, 应当提交下列材料)
_CATEGORY = re.compile(r"情形|行为|条件|材料|资料|证件|文件|职责|职权|权利|义务|事项|内容|措施|原则|方式|"
                       r"要求|标准|规范|程序|活动|设施|信息|费用|项目|机构|单位|部门|人员|组织")


# A lead of what is wrong (重点治理下列不文明行为, 有下列违法行为之一的): its items are not of a kind
# with those of a lead of what is right (应当遵守下列文明行为规范, 应当履行下列职责)
_WRONGS = re.compile(r"不文明|违法|违规|违反|违背|禁止|不得|严禁|治理|处罚|不良|危害")
_WRONGS_REACH = 6  # characters before the kind's word


def category(label: str) -> str:
    """The kind of thing a list's lead says its items are (the last such word; marked when the
    lead lists wrongs), or ''."""
    found = list(_CATEGORY.finditer(label))
    if not found:
        return ""
    last = found[-1]
    # (the words just before the kind say what its items are: 不得 in 有下列情形之一的，不得招聘 does not)
    wrongs = _WRONGS.search(label, max(0, last.start() - _WRONGS_REACH), last.start())
    return last.group() + ("（不当）" if wrongs else "")


def same_category(doc: Document, sibling: SiblingSet) -> list[str]:
    """The items of the document's other lists of the same category: 情形 of another article for
    a list of 情形, never the duties of another article for a list of conditions."""
    wanted = category(sibling.label)
    if not wanted:
        return []
    return [m.text for s in doc.sibling_sets if s.id != sibling.id and s.kind == sibling.kind
            and category(s.label) == wanted for m in s.members]


def shared_suffix(texts: list[str]) -> str:
    """The longest suffix shared by at least half of ``texts`` (and by more than one)."""
    best = ""
    for n in range(1, 4):
        ends: dict[str, int] = {}
        for t in texts:
            if len(t) > n:
                ends[t[-n:]] = ends.get(t[-n:], 0) + 1
        common = [e for e, c in ends.items() if c >= max(2, (len(texts) + 1) // 2) and all(is_han(x) for x in e)]
        if common:
            best = max(common, key=lambda e: ends[e])
    return best


# Phrases farther than this (in characters) from the key are not considered: a document
# of any length offers a bounded number of candidates per question, and the time to
# choose grows with its length, not with its square (a document this short or shorter
# is considered whole).
NEIGHBOURHOOD = 20_000


class _Nearby:
    """Phrases in document order, read by position."""

    def __init__(self, phrases: Iterable[Phrase]):
        self.phrases = sorted(phrases, key=lambda p: p.start)
        self.starts = [p.start for p in self.phrases]

    def around(self, offset: int) -> list[Phrase]:
        lo = bisect_left(self.starts, offset - NEIGHBOURHOOD)
        return self.phrases[lo: bisect_right(self.starts, offset + NEIGHBOURHOOD, lo)]


@dataclass
class DistractorIndex:
    """A document's phrases indexed for choosing distractors (``Document.distractor_index``)."""

    phrases: list[Phrase]  # the list it was built from: rebuilt when the document's changes
    everything: _Nearby
    by_kind: dict[tuple[str, int], _Nearby]  # by (kind, length)
    figures: _Nearby
    parallel_sets: set[int]
    first_start: dict[str, int]  # phrase text -> where it first occurs


def _index_of(doc: Document) -> DistractorIndex:
    """The document's phrases indexed for choosing, computed once per document."""
    cached = doc.distractor_index
    if cached is None or cached.phrases is not doc.phrases:
        groups: dict[tuple[str, int], list[Phrase]] = {}
        first_start: dict[str, int] = {}
        for phrase in doc.phrases:
            groups.setdefault((phrase.kind, len(phrase.text)), []).append(phrase)
            first_start[phrase.text] = min(phrase.start, first_start.get(phrase.text, phrase.start))
        cached = doc.distractor_index = DistractorIndex(
            doc.phrases, _Nearby(doc.phrases), {k: _Nearby(v) for k, v in groups.items()},
            _Nearby(p for p in doc.phrases if p.kind == "figure"),
            {s.id for s in doc.sibling_sets if s.kind == "parallel"}, first_start)
    return cached


def _candidate_kinds(kind: str) -> tuple[str, ...]:
    if kind in ("enumeration", "parallel"):
        return ("enumeration", "parallel")
    if kind == "heading":
        return ("heading", "parallel")
    return (kind,)


def same_kind(doc: Document, key: str, kind: str, sibling: SiblingSet | None, near: int = 0) -> list[str]:
    """Phrases of the same kind and shape elsewhere in the document (within
    :data:`NEIGHBOURHOOD` of ``near``)."""
    members = {m.text for m in sibling.members} if sibling else set()
    index = _index_of(doc)
    parallel_sets = index.parallel_sets
    slack = max(1, len(key) // 3)  # what _same_shape accepts
    if kind == "figure":
        candidates = index.figures.around(near)
    else:
        candidates = [p for k in _candidate_kinds(kind) for n in range(len(key) - slack, len(key) + slack + 1)
                      if (k, n) in index.by_kind for p in index.by_kind[k, n].around(near)]
    out = []
    for phrase in candidates:
        if phrase.text in members or phrase.text == key:
            continue
        if phrase.set_id in parallel_sets and not (kind == "heading" and "，" in phrase.text):
            continue
        if kind == "figure":
            if phrase.kind == "figure" and _unit(phrase.text) == _unit(key) and _near_in_time(phrase.text, key):
                out.append(phrase.text)
        elif phrase.kind == kind or (kind in ("enumeration", "parallel") and phrase.kind in ("enumeration", "parallel")) \
                or (kind == "heading" and phrase.kind == "parallel" and "，" in phrase.text):
            if _same_shape(phrase.text, key):
                out.append(phrase.text)
    if kind == "figure":
        out.extend(perturbed_figures(key))
        out = [c for c in out if _possible(c, key)]
    return out


# a calendar year (2008年, 08年, 二〇〇八年), not a span of years (三十年, 3年)
_CALENDAR_YEAR = re.compile(r"(?:\d{4}|0\d|[〇零一二三四五六七八九]{4})年")
_PERCENT = re.compile(r"(\d+(?:\.\d+)?)%|百分之([零〇一二两三四五六七八九十百]+)")


def _possible(candidate: str, key: str) -> bool:
    """``candidate`` is a value ``key``'s figure could take: a share of a whole no more than all of
    it when the key is (使矛盾转化率达到（　　） A. 100% B. 120% … D. 180%: gen60, "impossible rates"),
    and a calendar year for a year only (改革开放（　　） A. 三十年 … C. 08年: gen60, "a wrong-kind option")."""
    if bool(_CALENDAR_YEAR.fullmatch(candidate)) != bool(_CALENDAR_YEAR.fullmatch(key)) and "年" in key:
        return False
    share, whole = _percent(candidate), _percent(key)
    return share is None or whole is None or whole > 100 or share <= 100


def _percent(text: str) -> float | None:
    m = _PERCENT.search(text)
    if m is None:
        return None
    return float(m.group(1)) if m.group(1) else parse_number(m.group(2))


YEAR_SPAN = 5  # years a wrong year may lie from the right one


def _near_in_time(candidate: str, key: str) -> bool:
    """A year of the text is a wrong option for another within :data:`YEAR_SPAN` years: the
    plant's founding year 1975年 against 2016年 for an award (gen57: judged absurd)."""
    a, b = _YEAR_RE.search(candidate), _YEAR_RE.search(key)
    return a is None or b is None or abs(int(a.group(1)) - int(b.group(1))) <= YEAR_SPAN


def _same_shape(a: str, b: str) -> bool:
    return (("，" in a) == ("，" in b)) and abs(len(a) - len(b)) <= max(1, len(b) // 3)


_NUMBER_RE = re.compile(r"\d+(?:\.\d+)?")


@lru_cache(maxsize=1 << 14)
def _unit(text: str) -> str:
    """What a figure counts, its numbers left out, and its scale (:func:`figure_scale`): two
    figures of one unit can stand for each other as options (百分之一 against 三分之一 or 万分之三,
    六百瓦 against 二百千瓦 were judged absurd: fresh sets)."""
    plain = _NUMBER_RE.sub("", re.sub(r"[零〇一二两三四五六七八九十百千万]+", "", text.replace("%", "分之").replace("‰", "分之")))
    return plain + figure_scale(text)


_YEAR_RE = re.compile(r"(\d{4})年")


def perturbed_figures(key: str) -> list[str]:
    """4.5厘米 -> 4.2厘米, 5厘米, 6厘米 …: plausible wrong values of the same form; a
    date moves by a year or two (2017年3月1日 -> 2016年3月1日, 2018年3月1日 …)."""
    year = _YEAR_RE.search(key)
    if year:
        number = int(year.group(1))
        return [key[: year.start(1)] + _in_digits_of(year.group(1), str(number + delta)) + key[year.end(1):]
                for delta in (-1, 1, -2, 2, 3)]
    m = _NUMBER_RE.search(key)
    if not m:
        return scaled_chinese_figures(key)
    numbers = list(_NUMBER_RE.finditer(key))
    if _CLOCK.search(key):
        return _shifted_clock(key, numbers)
    if len(numbers) > 1 and "." not in key and RANGE.search(key):
        return _scaled_range(key, numbers)
    value = float(m.group())
    decimals = len(m.group().split(".")[1]) if "." in m.group() else 0
    out = []
    # a count moves along the steps rules set for its unit (12个月 -> 6个月, 18个月; 90日 -> 60日);
    # a measure (4.5厘米) or an amount by round factors
    counted = not decimals and value >= 1
    factors = count_factors(int(value), key[m.end():]) if counted else (0.5, 0.8, 0.9, 1.2, 1.5, 2.0, 1.1, 0.7, 3.0)
    steps = steps_for(key[m.end():])
    for factor in factors:
        new = round(value * factor, decimals)
        if new <= 0 or new == value or (counted and new > 90 and not round_figure(int(new)) and new not in steps):
            continue
        text = f"{new:.{decimals}f}" if decimals else str(int(round(new)))
        out.append(key[: m.start()] + _in_digits_of(m.group(), text) + key[m.end():])
    return out


_CLOCK = re.compile(r"(?<!小)\d+(?:时(?!间|候|期|段|效|限)|点(?!\d))")  # 22时, 8点 (not 24小时)


def _shifted_clock(key: str, numbers: list[re.Match[str]]) -> list[str]:
    """22时至次日6时 -> 21时至次日5时, 23时至次日7时 …: a time of day moves by an hour or two."""
    out: list[str] = []
    hours = {m.start() for m in _CLOCK.finditer(key)}
    for delta in (-1, 1, -2, 2, 3):
        new = [int(n.group()) + (delta if n.start() in hours else 0) for n in numbers]
        if all(0 <= n <= 24 for n, m in zip(new, numbers) if m.start() in hours):
            out.append(_renumbered(key, numbers, new))
    return out


def _scaled_range(key: str, numbers: list[re.Match[str]]) -> list[str]:
    """2倍以上5倍以下 -> 4倍以上10倍以下, 1倍以上… : every bound of a range moved by one factor, so
    the bounds keep their order (never 5倍以上5倍以下 or 7万元以上5万元以下)."""
    values = [int(n.group()) for n in numbers]
    out: list[str] = []
    for factor in RANGE_FACTORS:
        new = [v * factor for v in values]
        if all(n == round(n) and n > 0 and (n <= 90 or round_figure(int(n))) for n in new):
            out.append(_renumbered(key, numbers, [int(n) for n in new]))
    return out


def _renumbered(key: str, numbers: list[re.Match[str]], values: list[int]) -> str:
    """``key`` with each of its ``numbers`` replaced by the value in its place, in its digits."""
    text, at = "", 0
    for match, value in zip(numbers, values):
        text += key[at:match.start()] + _in_digits_of(match.group(), str(value))
        at = match.end()
    return text + key[at:]


_FULL_WIDTH_DIGITS = str.maketrans("0123456789", "０１２３４５６７８９")


def _in_digits_of(original: str, number: str) -> str:
    """``number`` written in the digits ``original`` is written in: full-width (１５日内) or not,
    so that no option stands out as the one copied from the text."""
    return number.translate(_FULL_WIDTH_DIGITS) if "０" <= original[0] <= "９" else number


@cache
def _index() -> dict[str, str]:
    """Dictionary words of 2–4 Han characters (frequency ≥ 20) by end, length and character,
    most frequent first: 'last3心' -> '中心 …' (words split only when asked for). Built once
    per process from a word index cached next to jieba's own cache."""
    rows = segment.dictionary_cache("word-index", _indexed_words).split("\n")
    return dict(row.split("\t", 1) for row in rows if row)


def _indexed(end: str, length: int, char: str) -> list[str]:
    """The dictionary words of ``length`` whose ``end`` ('first' or 'last') character is ``char``."""
    row = _index().get(f"{end}{length}{char}")
    return row.split(" ") if row else []


def _indexed_words(dictionary: str) -> str:
    """The rows ``_index`` reads: the words of each key, most frequent first (equal
    frequencies: by word, descending)."""
    ranked = []
    for word, freq in re.findall(r"^(\S{2,4}) (\d+) ", dictionary, re.M):
        if int(freq) >= 20 and all(is_han(c) for c in word):
            ranked.append((int(freq), word))
    rows: dict[str, list[str]] = {}
    for _, word in sorted(ranked, reverse=True):
        rows.setdefault(f"last{len(word)}{word[-1]}", []).append(word)
        rows.setdefault(f"first{len(word)}{word[0]}", []).append(word)
    return "\n".join(f"{key}\t{' '.join(words)}" for key, words in rows.items())


def dictionary_neighbours(key: str, limit: int = 30, suffix: str = "") -> list[str]:
    """Dictionary words of the same length sharing the last character (责任心 -> 进取心,
    事业心) or, failing that, the first; most frequent first. With ``suffix``: words of
    the key's length (or one shorter or longer) ending with it."""
    if not key or len(key) > 4 or not all(is_han(c) for c in key):
        return []
    if suffix:
        freq = segment.tokenizer().FREQ
        out = []
        for length in (len(key), len(key) - 1, len(key) + 1):
            words = [w for w in _indexed("last", length, suffix[-1])
                     if w.endswith(suffix) and w != key
                     # 市中心 is 市+中心, not a kind of 心
                     and not (len(w) > len(suffix) + 1 and freq.get(w[-len(suffix) - 1:], 0) > 0)]
            out += words[:limit]
        return out
    words = [w for w in _indexed("last", len(key), key[-1]) if w != key]
    if not words:
        words = [w for w in _indexed("first", len(key), key[0]) if w != key]
    return words[:limit]


