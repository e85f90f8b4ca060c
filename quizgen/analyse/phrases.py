"""Key-phrase stage: find what a trainer would ask about, and group sibling sets.

Each finder looks for one kind of memorable span and adds :class:`Phrase` objects
located in the document text: headings and list items from the structure, parallel
clauses and frames, quotes and titles, definitions, idioms and figures here; lists,
clause predicates, objects, exceptions, law references, contrasts and terms in
:mod:`quizgen.clauses`. Sibling sets (the items of one enumeration, the slots of one
frame, the headings of one level, figures of one unit, the two sides of a contrast) are
grouped explicitly because later stages draw distractors from them.

Whatever the finder, a phrase starts and ends on word boundaries of its sentence, is
never junk (an ordinal, a function word, a catch-all, the document's background words
such as 人民法院 in a judicial interpretation) and never comes from the enactment
formula, the dateline or the title. The same span found twice is one phrase, in the
reading with the better score.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import cache, lru_cache

from ..lang import chunks, segment
from . import clauses
from ..ingest.clean import is_han
from ..collector import collector_paused
from ..model import Document, Phrase, Sentence, SiblingSet
from ..lang.numerals import CN_NUM_CHARS, DATE_RE, FIGURE_RE, figure_unit, is_trivial_figure
from ..lang.segment import Token
from .structure import build_document, is_article, is_catch_all

KIND_WEIGHT = {
    "heading": 1.0,
    "enumeration": 0.95,
    "parallel": 0.9,
    "quote": 0.85,
    "figure": 0.8,
    "definition": 0.75,
    "idiom": 0.7,
    "term": 0.5,
    "clause": 0.5,
}

STOPWORDS = frozenset(
    """工作 做好 哪些 一个 就是 没人 事情 应该 单位 问题 办公室 这样 那么 当然 所以 即便 围绕 注重
    我们 你们 他们 她们 它们 自己 这个 那个 这些 那些 什么 怎么 怎样 如何 为什么 因为 但是 而且 并且
    或者 以及 如果 虽然 可以 需要 必须 应当 能够 进行 通过 对于 关于 其中 其他 有关 相关 方面 情况 时候
    一些 一切 各种 各项 有的 所有 任何 已经 正在 还是 只是 不是 没有 这里 那里 如此 因此 于是 然后 同时
    规定 本规定 本条 本法 人民法院 法院 当事人 案件 依法 依照 根据 按照 有关部门 下列 以下 以上 之一
    一是 二是 三是 四是 五是 六是 七是 八是 九是 十是 一要 二要 三要 四要 五要 首先 其次 最后""".split()
)
_ORDINAL_RE = re.compile(r"^(?:第?[一二三四五六七八九十百\d]+[是要条章节款项、.．]?|其[一二三四五六七八九十]|[（(][一二三四五六七八九十\d]+[）)])$")
# 具有下列情形之一, 采取以下措施: announces a list and says nothing (三年以下, 三分之一 do)
_ANNOUNCING = re.compile(r"下列|如下|(?<!分)之一|以下(?=[：:]|[一二两三四五六七八九十几]?[个种项条点类]?"
                         r"(?:情形|措施|规定|条件|内容|方面|事项|材料|程序|要求|原则|情况|问题|标准|方式|工作"
                         r"|行为|职责|权利|义务|意见|文件|证据|因素))")
_SELF_REFERENCE = re.compile("本(?:解释|规定|批复|办法|决定|条例|细则|意见|通知|条|款|法)")  # 适用本解释
_MARKUP = frozenset("{}<>[]|\\:")
_JUNK_CHARS_RE = re.compile(r"[\x21-\x2f\x3a-\x40\x5b-\x60\x7b-\x7e]{2}|[{}<>|\\]")
_PUNCT = "，。、；：！？“”‘’（）《》【】,.;:!?\"'()"


@lru_cache(maxsize=65536)
def is_junk(text: str) -> bool:
    """Answers a flashcard must never ask for: ordinal markers, function words, noise,
    and the catch-all that closes a legal list (其他情节严重的情形; a heading such as
    其他规定 is fine)."""
    core = text.strip(_PUNCT + " ")
    if len(core) < 2 or not any(is_han(c) or c.isdigit() for c in core):
        return True
    if core in STOPWORDS or _ORDINAL_RE.match(core) or (is_catch_all(core) and "的" in core):
        return True
    if _ANNOUNCING.search(core) or _SELF_REFERENCE.search(core):
        return True
    return bool(_JUNK_CHARS_RE.search(core))


_PARTY = re.compile(r"某|^[A-Za-z]{1,3}(?:公司)?$|^[一二两三四五六七八九十]?(?:原告|被告|甲方|乙方|丙方)$")
# Sentences that only enact the text or date it (为…，根据…，制定本解释。 / …会议通过); the
# document's title line (# …) is skipped as well.
_BOILERPLATE = re.compile(r"(?:制定本|作如下|作出如下|现就|特作|解释如下|批复如下|规定如下|通知如下"
                          r"|^\d{4}年\d{1,2}月\d{1,2}日\s.{0,60}(?:通过|公布|施行|发布|修正|修订|印发)$)")
_LEADING_MARKER = re.compile(rf"^\s*(?:第[{CN_NUM_CHARS}\d]+[条章节]|[{CN_NUM_CHARS}]+[是要]|[{CN_NUM_CHARS}]+、"
                             rf"|[（(][{CN_NUM_CHARS}\d]+[)）]|\d+[.、．](?!\d)|第[{CN_NUM_CHARS}]+[，,、])\s*")
# The addressees a reply or notice opens with: 各省、自治区、直辖市高级人民法院，解放军军事法院：
_ADDRESSEE = re.compile(r"[^，：]{2,40}(?:院|局|厅|部|委员会|机关|单位)")


def _addressees(sentence: str) -> bool:
    """A line of bodies separated by commas that ends with a colon."""
    return sentence.endswith("：") and all(_ADDRESSEE.fullmatch(part) for part in sentence[:-1].split("，"))


_BACKGROUND_SHARE = 0.25  # a word in a quarter of the sentences is background, not a key
_FUNCTION = frozenset("的 之 和 与 及 或 或者 以及 等 对 在 了".split())


# ---------------------------------------------------------------------------


@dataclass
class _Ctx:
    doc: Document
    phrases: list[Phrase]
    sets: list[SiblingSet]
    background: frozenset[str] = frozenset()
    _tokens: dict[int, list[Token]] = field(default_factory=dict)
    _clauses: dict[int, list[list[Token]]] = field(default_factory=dict)
    _by_span: dict[tuple[int, int], Phrase] = field(default_factory=dict)
    _edges: dict[int, set[int]] = field(default_factory=dict)
    _background_phrases: dict[tuple[str, ...], bool] = field(default_factory=dict)
    _skipped: frozenset[int] = frozenset()

    def __post_init__(self) -> None:
        self._skipped = frozenset(s.index for s in self.doc.sentences
                                  if _BOILERPLATE.search(s.text) or _addressees(s.text) or s.text.startswith("# "))
        self.background = self._background_words()

    def _background_words(self) -> frozenset[str]:
        """Words so frequent in this text that they are its background (人民法院 in a
        judicial interpretation, 游戏 in a case about a game), never an answer alone."""
        counts: Counter[str] = Counter()
        for sentence in self.doc.sentences:
            counts.update({t.text for t in self.tokens(sentence) if len(t.text) >= 2})
        floor = max(4, _BACKGROUND_SHARE * len(self.doc.sentences))
        return frozenset(w for w, n in counts.items() if n >= floor)

    def sentences(self) -> list[Sentence]:
        """The sentences worth reading (not the enactment formula or the dateline)."""
        return [s for s in self.doc.sentences if s.index not in self._skipped]

    def tokens(self, sentence: Sentence) -> list[Token]:
        """The sentence's words, without the ordinal marker it may open with (第二条, （一）)."""
        found = self._tokens.get(sentence.index)
        if found is None:
            words = self.doc.tokens(sentence)
            marker = _LEADING_MARKER.match(sentence.text)
            if marker:
                skip = sentence.start + marker.end()
                words = [t for t in words if t.start >= skip]
            found = self._tokens[sentence.index] = words
        return found

    def clauses(self, sentence: Sentence) -> list[list[Token]]:
        """The sentence's words split into clauses (memoised: several finders read them)."""
        found = self._clauses.get(sentence.index)
        if found is None:
            found = self._clauses[sentence.index] = chunks.split_clauses(self.tokens(sentence))
        return found

    def text(self, tokens: list[Token]) -> str:
        """The text a run of tokens covers (a slice, cheaper than joining the words)."""
        return self.doc.text[tokens[0].start:tokens[-1].end] if tokens else ""

    def _in_markup(self, start: int, end: int) -> bool:
        """事由 in {{c1::事由}}: text inside markup the source carried is not asked."""
        return self.doc.text[start - 1:start] in _MARKUP or self.doc.text[end:end + 1] in _MARKUP

    def _on_word_edges(self, index: int, start: int, end: int) -> bool:
        """A deletion must not cut through a word of its sentence (…2014年3月1|日起)."""
        if index < 0:
            return True
        edges = self._edges.get(index)
        if edges is None:
            sentence = self.doc.sentences[index]
            edges = self._edges[index] = {t.start for t in self.doc.tokens(sentence)} | {sentence.end}
        return start in edges and end in edges

    def in_article(self, sentence: Sentence) -> bool:
        return is_article(self.doc.sections[sentence.section])

    def sentence_index(self, offset: int) -> int:
        sentence = self.doc.sentence_at(offset)
        return sentence.index if sentence is not None else -1

    def section_index(self, offset: int) -> int:
        return self.doc.section_of(offset).index

    def is_background(self, phrase: str | list[Token]) -> bool:
        """Mostly made of background words (人民检察院控告…: no; 行政执法机关: yes), or
        a party's name (马某, X公司, 甲方). Takes the phrase's words when known."""
        words = tuple(t.text for t in phrase) if isinstance(phrase, list) else tuple(segment.cut(phrase))
        found = self._background_phrases.get(words)
        if found is None:
            found = self._background_phrases[words] = self._mostly_background(words)
        return found

    def _mostly_background(self, words: tuple[str, ...]) -> bool:
        if _PARTY.search("".join(words)):
            return True
        content = [w for w in words if w not in _FUNCTION]
        total = sum(len(w) for w in content)
        return total == 0 or sum(len(w) for w in content if w in self.background) >= 0.75 * total

    def kind_at(self, start: int, end: int) -> str | None:
        """The kind of the phrase found at exactly this span, if any."""
        known = self._by_span.get((start, end))
        return known.kind if known is not None else None

    def add(self, text: str, kind: str, start: int, score: float | None = None) -> Phrase | None:
        text = text.strip()
        end = start + len(text)
        if self.doc.text[start:end] != text:  # a start a few characters off, never elsewhere
            found = self.doc.text.find(text, max(0, start - 5), end + 5) if text else -1
            if found < 0:
                return None
            start, end = found, found + len(text)
        score = KIND_WEIGHT[kind] if score is None else score
        known = self._by_span.get((start, end))
        if known is not None:  # found again by another finder: the better reading wins
            if score > known.score:
                known.kind, known.score = kind, score
            return known
        if is_junk(text) or (kind != "heading" and text.startswith(chunks.CATCH_ALL)) or self._in_markup(start, end):
            return None
        found_in = self.doc.sentence_at(start)
        sentence = found_in.index if found_in is not None else -1
        if sentence in self._skipped or not self._on_word_edges(sentence, start, end):
            return None
        section = found_in.section if found_in is not None else self.section_index(start)
        phrase = Phrase(text, kind, start, end, sentence, section, score)
        self.phrases.append(phrase)
        self._by_span[(start, end)] = phrase
        return phrase

    def group(self, kind: str, members: list[Phrase | None], markers: list[str] | None = None,
              **kw) -> SiblingSet | None:
        """A sibling set of the members found (``None``: not a phrase); ``markers``, one per
        member given, are the ordinal markers the structure stage read before them."""
        kept = [i for i, m in enumerate(members) if m is not None]
        members = [members[i] for i in kept]
        if len(members) < 2 or len({m.text for m in members}) < len(members):
            return None
        sibling = SiblingSet(len(self.sets), kind, members,
                             markers=[markers[i] for i in kept] if markers else [], **kw)
        for m in members:
            m.set_id = sibling.id
        self.sets.append(sibling)
        return sibling


def find_headings(ctx: _Ctx) -> None:
    for enum in ctx.doc.enumerations:
        if not enum.headings:
            continue
        members = [ctx.add(item.core, "heading", item.core_start) for item in enum.items]
        ctx.group("headings", members, [item.marker for item in enum.items], label=enum.label, count=enum.count)
    grouped = {p.start for p in ctx.phrases}
    for section in ctx.doc.sections[1:]:
        start = section.heading_end - len(section.heading)
        if section.heading and start not in grouped:
            ctx.add(section.heading, "heading", start)


_ITEM_MAX = 30
SHORT_ENUMERATION_SCORE = 0.62


def find_enumerations(ctx: _Ctx) -> None:
    """The items of each ordinal list; an item whose core repeats an earlier one's is no
    new sibling (造成恶劣社会影响 closes several items of one article)."""
    for enum in ctx.doc.enumerations:
        if enum.headings:
            continue
        members, markers, seen = [], [], set()
        for item in enum.items:
            if 2 <= len(item.core) <= _ITEM_MAX:
                phrase = ctx.add(item.core, "enumeration", item.core_start)
                if phrase is not None and phrase.text not in seen:
                    seen.add(phrase.text)
                    members.append(phrase)
                    markers.append(item.marker)
        ctx.group("enumeration", members, markers, label=enum.label or enum.intro, count=enum.count)
        _distinct_parts(ctx, enum.items)


_SHARED_TAIL = 3  # characters two items must share at their end to be compared
_DISTINCT_MAX = 12


def _distinct_parts(ctx: _Ctx, items: list) -> None:
    """Items that end alike differ by their start, which is the thing to learn:
    多次|随意殴打他人 / 持凶器|随意殴打他人, 以行政处罚代替刑事追究|而不移送."""
    for a, b in zip(items, items[1:]):
        shared = _common_suffix(a.core, b.core)
        if shared < _SHARED_TAIL:
            continue
        for item in (a, b):
            part = item.core[: len(item.core) - shared]
            if 2 <= len(part) <= _DISTINCT_MAX:
                ctx.add(part, "enumeration", item.core_start, SHORT_ENUMERATION_SCORE)


_CLAUSE_SPLIT = re.compile(r"[，、,]")


def find_parallel_clauses(ctx: _Ctx) -> None:
    """Clauses of the same shape in one sentence: 上面端平，下面抹平，左右摆平;
    秉持诚实，恪守承诺 (two verb-object pairs); 不得违反法律，不得违背公序良俗 (the
    same opening word)."""
    for sentence in ctx.sentences():
        words = ctx.doc.tokens(sentence)
        runs = _anaphora_runs(sentence, words)
        if not ctx.in_article(sentence):  # equal clauses are a device of prose, not of rules
            runs += _clause_runs(sentence.text, {t.start - sentence.start for t in words})
        for run in runs:
            texts = [t for _, t in run]
            if any(chunks.QUESTION_WORDS.search(t) for t in texts):
                continue
            if all(ctx.kind_at(sentence.start + s, sentence.start + s + len(t)) == "enumeration" for s, t in run):
                continue  # a stretch of a list already found (对上协调、平级协调 of 协调包括…)
            if not (_parallel_shape(texts) or _same_opening(run, sentence, words)
                    or _verb_object_pair(run, sentence, words)):
                continue
            start = run[0][0]
            end = run[-1][0] + len(run[-1][1])
            whole = ctx.add(sentence.text[start:end], "parallel", sentence.start + start)
            if whole is None:
                continue
            members = [Phrase(t, "parallel", sentence.start + s, sentence.start + s + len(t),
                              whole.sentence, whole.section, 0.6) for s, t in run]
            if ctx.group("parallel", members, label=whole.text):
                ctx.phrases.extend(members)


_ANAPHORA_STOPS = frozenset("，,；;。！？!?")
_ANAPHORA_MAX = 12


def _anaphora_runs(sentence: Sentence, words: list[Token]) -> list[list[tuple[int, str]]]:
    """Consecutive clauses (split by ，) that open with the same word: 不得…，不得…"""
    runs: list[list[tuple[int, str]]] = []
    run: list[tuple[int, str]] = []
    opening = ""
    for clause in chunks.split_clauses(words, stops=_ANAPHORA_STOPS):
        text = chunks.text_of(clause)
        first = clause[0].text
        if run and first == opening and len(text) <= _ANAPHORA_MAX and clause[0].start == _next_clause(run, sentence):
            run.append((clause[0].start - sentence.start, text))
            continue
        if len(run) >= 2:
            runs.append(run)
        run, opening = ([(clause[0].start - sentence.start, text)], first) \
            if len(first) >= 2 and len(text) <= _ANAPHORA_MAX else ([], "")
    if len(run) >= 2:
        runs.append(run)
    return runs


def _next_clause(run: list[tuple[int, str]], sentence: Sentence) -> int:
    """Where the clause after the run's last one starts (after one comma)."""
    start, text = run[-1]
    return sentence.start + start + len(text) + 1


def _same_opening(run: list[tuple[int, str]], sentence: Sentence, words: list[Token]) -> bool:
    firsts = {next((t.text for t in words if t.start == sentence.start + s), "") for s, _ in run}
    return len(firsts) == 1 and len(firsts.pop()) >= 2 and len({t for _, t in run}) == len(run)


def _verb_object_pair(run: list[tuple[int, str]], sentence: Sentence, words: list[Token]) -> bool:
    """秉持诚实，恪守承诺: two four-character clauses, each a verb and its object."""
    if len(run) != 2 or any(len(t) != 4 for _, t in run):
        return False
    for s, text in run:
        inside = [t for t in words if sentence.start + s <= t.start < sentence.start + s + len(text)]
        if len(inside) != 2 or inside[0].tag != "v" or not (chunks.is_nounish(inside[1]) or inside[1].tag == "a"):
            return False
    return True


def _clause_runs(text: str, bounds: set[int]) -> list[list[tuple[int, str]]]:
    """Runs of consecutive clauses (split by ，、) of equal length, within ；/： boundaries."""
    runs = []
    for seg in _CLAUSE_SEGMENT.finditer(text):
        clause_list, pos = [], seg.start()
        for part in _CLAUSE_SPLIT.split(seg.group()):
            clause_list.append((pos, part))
            pos += len(part) + 1
        run: list[tuple[int, str]] = []
        for clause in clause_list:
            if _CIRCUMSTANCE_CLAUSE.match(clause[1]):
                if len(run) >= 2:
                    runs.append(run)
                run = []
                continue
            if run and len(clause[1]) == len(run[-1][1]):
                run.append(clause)
                continue
            if run and len(run[-1][1]) > len(clause[1]) >= 3:
                head = _trim_lead(run[-1], len(clause[1]), bounds)
                if head:
                    if len(run) > 2:
                        runs.append(run[:-1])
                    run = [head, clause]
                    continue
            if len(run) >= 2:
                runs.append(run)
            run = [clause]
        if len(run) >= 2:
            runs.append(run)
    return runs


_CLAUSE_SEGMENT = re.compile(r"[^；;：:。！？!?“”]+")
_CIRCUMSTANCE_CLAUSE = re.compile(r"^在[^，,]{1,10}(?:前|中|后|时)$")


def _trim_lead(clause: tuple[int, str], n: int, bounds: set[int]) -> tuple[int, str] | None:
    """做到深入基层 -> 深入基层, when the cut falls on a word boundary."""
    start, text = clause
    cut_at = start + len(text) - n
    return (cut_at, text[len(text) - n:]) if cut_at in bounds else None


def _parallel_shape(texts: list[str]) -> bool:
    """Clauses of one length, all Han, alike in places. A run of the same opening word
    (国旗应当大于区旗，国旗在右) may hold clauses of any length: those are not of a shape."""
    n = len(texts[0])
    if any(len(t) != n for t in texts):
        return False
    if not 3 <= n <= 8 or not all(all(is_han(c) for c in t) for t in texts):
        return False
    shared = [i for i in range(n) if len({t[i] for t in texts}) == 1]
    if len(texts) >= 3:
        return n <= 6 and (bool(shared) or n == 4)
    # two clauses: a shared character in the same place, not only at the start
    return any(i > 0 for i in shared) and len(shared) < n


def find_frames(ctx: _Ctx) -> None:
    """The same template repeated with different slots within one paragraph:
    对上协调要在创新上下功夫 / 平级协调要在落实上下功夫 / … (also clause by clause:
    领导关注的热点就是重点，推进工作的难点就是重点)."""
    known: dict[int, list[str]] = {}
    for phrase in ctx.phrases:
        if phrase.kind == "enumeration":
            known.setdefault(phrase.start, []).append(phrase.text)
    for paragraph in ctx.doc.paragraphs:
        if is_article(ctx.doc.sections[paragraph.section]):
            continue  # rules repeat their boilerplate, not slogans
        clause_units = _units(paragraph.text, paragraph.start, _CLAUSE_UNIT_RE)
        if len(clause_units) < 2:
            continue
        words = [t for s in paragraph.sentences for t in ctx.doc.tokens(s)]
        starts = [t.start for t in words]
        parts = _units(paragraph.text, paragraph.start, _PART_RE)
        covered = _suffix_frames(ctx, parts)
        taken: set[int] = set()
        for units in (parts, clause_units):
            units = [u for u in units if u[0] not in taken and len(u[1]) <= _FRAME_UNIT_MAX
                     and not any(s <= u[0] < e for s, e in covered)]
            if len(units) < 2:
                continue
            tokenised = [(start, text, [t.text for t in words[bisect_left(starts, start):
                                                                bisect_left(starts, start + len(text))]])
                         for start, text in units]
            _token_frames(ctx, tokenised, taken, known)


_SLOT_PUNCT = re.compile("[，,、]")
_FRAME_WINDOW = 8  # units compared with each unit: frames repeat close together
_FRAME_UNIT_MAX = 24  # longer sentences are rules, not parallel slogans


def _token_frames(ctx: _Ctx, tokenised: list[tuple[int, str, list[str]]], taken: set[int],
                  known: dict[int, list[str]]) -> None:
    used: set[int] = set()
    shapes = [frozenset(words) for _, _, words in tokenised]
    for i, (_, text_i, toks_i) in enumerate(tokenised):
        if i in used:
            continue
        group, template = [i], None
        for j in range(i + 1, min(len(tokenised), i + 1 + _FRAME_WINDOW)):
            if j in used or shapes[i].isdisjoint(shapes[j]):
                continue
            if sum(map(len, shapes[i] & shapes[j])) * 5 < len(text_i) + len(tokenised[j][1]):
                continue  # too little in common for _align to accept
            t = _align(toks_i, tokenised[j][2])
            if t and (template is None or t == template):
                template = t
                group.append(j)
        if template is None or not _good_frame(template, len(group)):
            continue
        rows = [(tokenised[k][0], tokenised[k][1]) for k in group]
        values = [_slot_values(template, text) for _, text in rows]
        if any(v is None or any(_SLOT_PUNCT.search(x) or _is_function(x) for x in v) for v in values):
            continue
        used.update(group)
        taken.update(start for start, _ in rows)
        _add_frame(ctx, template, rows, values, known)


_FUNCTION_WORDS = frozenset("""需 需要 可以 可 应该 应当 必须 尤其 要 都 得 也 就 还 又 才 便 更 再 只 已 将 会 能 可 应 须 必须 需要 尤其要 都得
    的 地 了 着 过 是 在 和 与 及 或 而 并 但 却 很 太 最 非常 一定 不 没 没有 这 那 其 之 所""".split())


def _is_function(text: str) -> bool:
    """A slot that is (or starts with) a function word is no phrase: 是次要的, 需及时办理."""
    tokens = segment.cut(text)
    return not tokens or tokens[0] in _FUNCTION_WORDS


_PART_RE = re.compile("[^。；;！？!?]+")
_CLAUSE_UNIT_RE = re.compile("[^。；;！？!?，,]+")


def _units(text: str, offset: int, pattern: re.Pattern[str]) -> list[tuple[int, str]]:
    units = []
    for m in pattern.finditer(text):
        unit = m.group().strip("，,： ")
        if 4 <= len(unit) <= 40:
            units.append((offset + m.start() + m.group().find(unit), unit))
    return units


def _align(a: list[str], b: list[str]) -> tuple | None:
    """Template of two token lists: shared blocks kept, the differing runs become slots
    (None). None unless they share enough."""
    if a == b or len(a) < 3 or len(b) < 3:
        return None
    shared = set(a) & set(b)
    if sum(len(t) for t in shared) < 3 or not any(len(t) >= 2 for t in shared):
        return None
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    template: list[str | None] = []
    for tag, i1, i2, _j1, _j2 in matcher.get_opcodes():
        if tag == "equal":
            template.append("".join(a[i1:i2]))
        elif not template or template[-1] is not None:
            template.append(None)
    fixed = "".join(t for t in template if t)
    if template.count(None) > 2 or len(fixed) < 3 or re.search(r"[，、,：:]", fixed):
        return None
    if len(fixed) < (len("".join(a)) + len("".join(b))) / 5:
        return None
    return tuple(template)


def _good_frame(template: tuple, size: int) -> bool:
    fixed = [t for t in template if t]
    return size >= 3 or (len("".join(fixed)) >= 4 and any(len(t) >= 2 for t in fixed))


@lru_cache(maxsize=1024)
def _template_pattern(template: tuple) -> re.Pattern[str]:
    """A frame template as a regex: fixed blocks literal, each slot a lazy group."""
    return re.compile("".join("(.+?)" if t is None else re.escape(t) for t in template))


def _slot_values(template: tuple, text: str) -> list[str] | None:
    m = _template_pattern(template).fullmatch(text)
    return list(m.groups()) if m else None


def _add_frame(ctx: _Ctx, template: tuple, rows: list[tuple[int, str]], values: list[list[str]],
               known: dict[int, list[str]]) -> None:
    frame = "".join("{}" if t is None else t for t in template)
    pattern = _template_pattern(template)
    per_slot: list[list[Phrase | None]] = [[] for _ in range(template.count(None))]
    slot_texts: list[list[str]] = [[] for _ in per_slot]
    for (start, text), row in zip(rows, values):
        m = pattern.fullmatch(text)
        for k, value in enumerate(row):
            offset = start + m.start(k + 1)
            slot = _expand_to_known(known, offset, value)
            slot_texts[k].append(slot)
            is_answer = k == len(row) - 1
            if is_answer or slot != value:
                per_slot[k].append(ctx.add(slot, "parallel", offset, 0.85))
    _add_clause_run(ctx, rows)
    answer_slot = len(per_slot) - 1
    subjects = slot_texts[0] if len(per_slot) > 1 else []
    for k, members in enumerate(per_slot):
        ctx.group("frame", members, label=frame, frame=frame,
                  subjects=subjects if k == answer_slot else [])


def _add_clause_run(ctx: _Ctx, rows: list[tuple[int, str]]) -> None:
    """Frame clauses that follow each other in one sentence are also asked together:
    从行政性角度应当承担行政赔偿责任，从协议性角度应当承担违约责任."""
    first, last = rows[0], rows[-1]
    end = last[0] + len(last[1])
    if ctx.sentence_index(first[0]) == ctx.sentence_index(last[0]) and \
            end - first[0] == sum(len(t) for _, t in rows) + len(rows) - 1:
        ctx.add(ctx.doc.text[first[0]:end], "parallel", first[0], KIND_WEIGHT["parallel"] - 0.1)


def _expand_to_known(known: dict[int, list[str]], start: int, value: str) -> str:
    """Prefer a slot's extension that is already a known list item (对上 -> 对上协调)."""
    return next((text for text in known.get(start, ()) if text.startswith(value)), value)


_CIRCUMSTANCE = re.compile(r"^在?[^，,]{1,12}(?:前|中|后|时|上|下|里)[，,]")


def _suffix_frames(ctx: _Ctx, units: list[tuple[int, str]]) -> list[tuple[int, int]]:
    """Consecutive units sharing a suffix: …，掌握实情，大胆谏言就是重点；…就是重点.
    Returns the spans it covered."""
    covered: list[tuple[int, int]] = []
    i = 0
    while i < len(units):
        j = i + 1
        while j < len(units) and _common_suffix(units[i][1], units[j][1]) >= 3:
            j += 1
        if j - i >= 2:
            group = units[i:j]
            suffix_len = min(_common_suffix(group[0][1], u[1]) for u in group[1:])
            suffix = group[0][1][-suffix_len:]
            if len(suffix.strip("，")) >= 3 and any("，" in text[: -suffix_len] for _, text in group):
                members, subjects = [], []
                for start, text in group:
                    body = text[: len(text) - suffix_len].rstrip("，,")
                    lead = _CIRCUMSTANCE.match(body)
                    offset = lead.end() if lead else 0
                    slot = body[offset:]
                    subjects.append(body[:offset].rstrip("，,"))
                    members.append(ctx.add(slot, "enumeration", start + offset, 0.8) if 2 <= len(slot) <= 16 else None)
                if ctx.group("frame", members, label="{}" + suffix, frame="{}" + suffix, subjects=subjects):
                    covered.extend((start, start + len(text)) for start, text in group)
        i = max(j, i + 1)
    return covered


def _common_suffix(a: str, b: str) -> int:
    n = 0
    while n < min(len(a), len(b)) and a[-1 - n] == b[-1 - n]:
        n += 1
    return n if n < min(len(a), len(b)) else 0


_QUOTE_RE = re.compile(r"“([^“”\n]{2,16})”|「([^「」\n]{2,16})」|\"([^\"\n]{2,16})\"|《([^《》\n]{2,40})》")
_QUOTE_RUN = re.compile(r"(?:“[^“”\n]{1,8}”){2,}")


def find_quotes(ctx: _Ctx) -> None:
    """Quoted terms and titles (“寻衅滋事”, 《通知立案书》: a title keeps its marks);
    quotes in a row (“转场”“绕后”“撤退”) are a sibling set and a phrase as a whole, and
    so are quoted terms that share their first word (“情节恶劣”/“情节严重”)."""
    by_head: dict[tuple[str, int], dict[str, Phrase]] = {}
    for m in _QUOTE_RE.finditer(ctx.doc.text):
        group = next(g for g in (1, 2, 3, 4) if m.group(g))
        text = m.group(group)
        if re.search(r"[。；！？]", text[:-1]):
            continue
        phrase = ctx.add(m.group() if group == 4 else text, "quote", m.start() if group == 4 else m.start(group))
        if phrase is not None and group == 1 and 4 <= len(text) <= 6:
            by_head.setdefault((text[:2], len(text)), {}).setdefault(text, phrase)
    for m in _QUOTE_RUN.finditer(ctx.doc.text):
        members = [ctx.add(q.group(1), "quote", m.start() + q.start(1)) for q in re.finditer(r"“([^”]+)”", m.group())]
        if ctx.group("quotes", members, label=m.group()):
            ctx.add(m.group(), "quote", m.start(), KIND_WEIGHT["quote"] - 0.05)
    for (head, _), found in by_head.items():
        if 2 <= len(found) <= 6:
            ctx.group("quotes", list(found.values()), label=head)


_DEFINITION_RES = [
    re.compile(r"(?:^|[。；！？\n])(?:所谓|本[^，。]{0,8}所称)“?([^，。；”]{2,12})”?[，,]?(?:是指|指的是|系指|是)"),
    re.compile(r"(?:^|[。；！？\n])([^，。；\n]{2,12})(?:是指|指的是|系指)"),
]
_IS_RE = re.compile(r"(?:^|[。！？\n])([^，。；！？\n]{2,8}?)(?<!就|也|都|不|才|还|正|即|总|只|便|而|即)是([^，。；！？\n]{2,8})(?=[，。；])")
_IS_MORE_RE = re.compile(r"[，,]是([^，。；！？\n]{2,8})(?=[，。；])")


def find_definitions(ctx: _Ctx) -> None:
    text = ctx.doc.text
    for pattern in _DEFINITION_RES:
        for m in pattern.finditer(text):
            ctx.add(m.group(1), "definition", m.start(1))
    for m in _IS_RE.finditer(text):
        subject, predicate = m.group(1), m.group(2)
        if chunks.QUESTION_WORDS.search(subject + predicate) or "的" in predicate:
            continue
        ctx.add(predicate, "definition", m.start(2))
        pos = m.end()
        while more := _IS_MORE_RE.match(text, pos):
            if "的" in more.group(1):
                break
            ctx.add(more.group(1), "definition", more.start(1))
            pos = more.end()


_SET_PHRASE_SCORE = 0.5  # 合同纠纷: a compound, not a saying; longer terms win over it


def find_idioms(ctx: _Ctx) -> None:
    idioms, set_phrases = segment.idioms(), segment.set_phrases()
    seen: set[int] = set()
    for sentence in ctx.sentences():
        for tok in ctx.tokens(sentence):
            if tok.start in seen:
                continue
            if tok.text in idioms:
                seen.add(tok.start)
                ctx.add(tok.text, "idiom", tok.start)
            elif tok.text in set_phrases:
                seen.add(tok.start)
                ctx.add(tok.text, "idiom", tok.start, _SET_PHRASE_SCORE)
    for m in _curated_idiom_re().finditer(ctx.doc.text):
        if m.start() not in seen:
            seen.add(m.start())
            ctx.add(m.group(), "idiom", m.start())


@cache
def _curated_idiom_re() -> re.Pattern[str]:
    """All curated sayings in one pattern, longest first: the text is scanned once."""
    sayings = sorted(segment.curated_idioms(), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, sayings)))


_MAX_FIGURE_SET = 8
_DATE_SCORE = 0.6


def find_figures(ctx: _Ctx) -> None:
    """Dates, amounts, periods, rates and shares. Figures of one unit in the text
    (三日内/五日内/十五日内), and figures with the same qualifier in one sentence
    (两期以上/百分之十五以上), are sibling sets."""
    text = ctx.doc.text
    found: list[Phrase] = []
    for m in FIGURE_RE.finditer(text):
        value = m.group()
        if DATE_RE.fullmatch(value):
            ctx.add(value, "figure", m.start(), _DATE_SCORE)
            continue
        if is_trivial_figure(value) or text[m.start() - 1: m.start()] == "第":
            continue
        phrase = ctx.add(value, "figure", m.start())
        if phrase is not None:
            found.append(phrase)
    _figure_sets(ctx, found)


def _figure_sets(ctx: _Ctx, figures: list[Phrase]) -> None:
    by_unit: dict[str, dict[str, Phrase]] = {}
    by_sentence: dict[tuple[int, str], dict[str, Phrase]] = {}
    for phrase in figures:
        unit = figure_unit(phrase.text)
        by_unit.setdefault(unit, {}).setdefault(phrase.text, phrase)
        qualifier = re.search(r"(以上|以下|以内|之内|内)$", unit)
        if qualifier:
            by_sentence.setdefault((phrase.sentence, qualifier.group()), {}).setdefault(phrase.text, phrase)
    groups = list(by_unit.items()) + [(q, g) for (_, q), g in by_sentence.items()]
    for label, group in groups:
        if 2 <= len(group) <= _MAX_FIGURE_SET:
            ctx.group("figures", list(group.values()), label=label)


# ---------------------------------------------------------------------------


def _dedupe(phrases: list[Phrase]) -> list[Phrase]:
    """One phrase per span: the best-scored kind wins; sibling members are kept."""
    best: dict[tuple[int, int], Phrase] = {}
    for p in phrases:
        key = (p.start, p.end)
        old = best.get(key)
        if old is None or (p.set_id is not None and old.set_id is None) or (
            (p.set_id is None) == (old.set_id is None) and p.score > old.score
        ):
            if old is not None and old.set_id is not None and p.set_id is None:
                continue
            best[key] = p
    return sorted(best.values(), key=lambda p: (p.start, -p.end))


def extract(doc: Document) -> Document:
    """Attach key phrases and sibling sets to a structured document (in place)."""
    ctx = _Ctx(doc, [], [])
    find_headings(ctx)
    find_enumerations(ctx)
    clauses.find_lists(ctx)
    find_frames(ctx)
    find_parallel_clauses(ctx)
    find_quotes(ctx)
    find_definitions(ctx)
    find_idioms(ctx)
    clauses.find_compound_terms(ctx)
    clauses.find_law_references(ctx)
    clauses.find_contrasts(ctx)
    clauses.find_objects(ctx)
    clauses.find_patterns(ctx)
    clauses.find_emphasis(ctx)
    clauses.find_exceptions(ctx)
    clauses.find_clause_phrases(ctx)
    find_figures(ctx)
    doc.phrases = _dedupe(ctx.phrases)
    doc.sibling_sets = ctx.sets
    return doc


def analyze(text: str, title: str = "", doc_id: str | None = None, source: str = "") -> Document:
    """Cleaned text -> structured document with key phrases and sibling sets."""
    with collector_paused():
        return extract(build_document(text, title, doc_id, source))
