"""Key-phrase stage: find what a trainer would ask about, and group sibling sets.

Each finder looks for one kind of memorable span and returns :class:`Phrase`
objects located in the document text. Sibling sets (the items of one enumeration,
the slots of one parallel frame, the headings of one level) are grouped explicitly
because later stages draw distractors from them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

from . import segment
from .clean import is_han
from .model import Phrase, SiblingSet
from .structure import StructuredDocument, build_document

KIND_WEIGHT = {
    "heading": 1.0,
    "enumeration": 0.95,
    "parallel": 0.9,
    "quote": 0.85,
    "figure": 0.8,
    "definition": 0.75,
    "idiom": 0.7,
    "term": 0.5,
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
_JUNK_CHARS_RE = re.compile(r"[\x21-\x2f\x3a-\x40\x5b-\x60\x7b-\x7e]{2}|[{}<>|\\]")
_PUNCT = "，。、；：！？“”‘’（）《》【】,.;:!?\"'()"


def is_junk(text: str) -> bool:
    """Answers a flashcard must never ask for."""
    core = text.strip(_PUNCT + " ")
    if len(core) < 2 or not any(is_han(c) or c.isdigit() for c in core):
        return True
    if core in STOPWORDS or _ORDINAL_RE.match(core):
        return True
    return bool(_JUNK_CHARS_RE.search(core))


# ---------------------------------------------------------------------------


@dataclass
class _Ctx:
    doc: StructuredDocument
    phrases: list[Phrase]
    sets: list[SiblingSet]

    def add(self, text: str, kind: str, start: int, score: float | None = None) -> Phrase | None:
        text = text.strip()
        if not text or is_junk(text):
            return None
        end = start + len(text)
        if self.doc.text[start:end] != text:
            found = self.doc.text.find(text, max(0, start - 5))
            if found < 0:
                return None
            start, end = found, found + len(text)
        sentence = self.doc.sentence_at(start)
        phrase = Phrase(text, kind, start, end,
                        sentence.index if sentence else -1,
                        self.doc.section_of(start).index,
                        KIND_WEIGHT[kind] if score is None else score)
        self.phrases.append(phrase)
        return phrase

    def group(self, kind: str, members: list[Phrase | None], **kw) -> SiblingSet | None:
        members = [m for m in members if m is not None]
        if len(members) < 2 or len({m.text for m in members}) < len(members):
            return None
        sibling = SiblingSet(len(self.sets), kind, members, **kw)
        for m in members:
            m.set_id = sibling.id
        self.sets.append(sibling)
        return sibling


def find_headings(ctx: _Ctx) -> None:
    for enum in ctx.doc.enumerations:
        if not enum.headings:
            continue
        members = [ctx.add(item.core, "heading", item.core_start) for item in enum.items]
        ctx.group("headings", members, label=enum.label, count=enum.count)
    grouped = {p.start for p in ctx.phrases}
    for section in ctx.doc.sections[1:]:
        start = section.heading_end - len(section.heading)
        if section.heading and start not in grouped:
            ctx.add(section.heading, "heading", start)


def find_enumerations(ctx: _Ctx) -> None:
    for enum in ctx.doc.enumerations:
        if enum.headings:
            continue
        members = []
        for item in enum.items:
            if 2 <= len(item.core) <= 20:
                members.append(ctx.add(item.core, "enumeration", item.core_start))
        ctx.group("enumeration", members, label=enum.label or enum.intro, count=enum.count)


_LIST_INTRO = re.compile(r"(?:包括|包含|分为|分成|主要有|有以下几种|有以下|可分为|涵盖)[：:]?")
_LIST_SEP = re.compile(r"、|和|及|以及|与|或者|或")


def find_inline_lists(ctx: _Ctx) -> None:
    """协调包括A、B、C和D: the listed items are siblings."""
    for sentence in ctx.doc.sentences:
        for m in _LIST_INTRO.finditer(sentence.text):
            tail = sentence.text[m.end():]
            tail = re.split(r"[，。；！？,;]|等", tail, maxsplit=1)[0]
            parts = [p for p in _LIST_SEP.split(tail)]
            if len(parts) < 2 or not all(2 <= len(p) <= 10 for p in parts):
                continue
            base = sentence.start + m.end()
            members, pos = [], 0
            for part in parts:
                pos = tail.find(part, pos)
                members.append(ctx.add(part, "enumeration", base + pos))
                pos += len(part)
            ctx.group("enumeration", members, label=sentence.text[: m.end()])


_CLAUSE_SPLIT = re.compile(r"[，、,]")


def find_parallel_clauses(ctx: _Ctx) -> None:
    """Clauses of the same shape in one sentence: 上面端平，下面抹平，左右摆平."""
    for sentence in ctx.doc.sentences:
        for run in _clause_runs(sentence.text):
            texts = [t for _, t in run]
            if not _parallel_shape(texts) or any(re.search(r"什么|哪|怎|吗|谁", t) for t in texts):
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


def _clause_runs(text: str) -> list[list[tuple[int, str]]]:
    """Runs of consecutive clauses (split by ，、) of equal length, within ；/： boundaries."""
    runs = []
    for seg in re.finditer(r"[^；;：:。！？!?“”]+", text):
        clauses, pos = [], seg.start()
        for part in _CLAUSE_SPLIT.split(seg.group()):
            clauses.append((pos, part))
            pos += len(part) + 1
        run: list[tuple[int, str]] = []
        for clause in clauses:
            if _CIRCUMSTANCE_CLAUSE.match(clause[1]):
                if len(run) >= 2:
                    runs.append(run)
                run = []
                continue
            if run and len(clause[1]) == len(run[-1][1]):
                run.append(clause)
                continue
            if run and len(run[-1][1]) > len(clause[1]) >= 3:
                head = _trim_lead(run[-1], len(clause[1]))
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


_CIRCUMSTANCE_CLAUSE = re.compile(r"^在[^，,]{1,10}(?:前|中|后|时)$")


def _trim_lead(clause: tuple[int, str], n: int) -> tuple[int, str] | None:
    """做到深入基层 -> 深入基层, when the cut falls on a word boundary."""
    start, text = clause
    cut_at = len(text) - n
    pos = 0
    for tok in segment.cut(text):
        if pos == cut_at:
            return (start + cut_at, text[cut_at:])
        pos += len(tok)
        if pos > cut_at:
            return None
    return None


def _parallel_shape(texts: list[str]) -> bool:
    n = len(texts[0])
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
    for paragraph in ctx.doc.paragraphs:
        parts = _units(paragraph.text, paragraph.start, "。；;！？!?")
        clauses = _units(paragraph.text, paragraph.start, "。；;！？!?，,")
        covered = _suffix_frames(ctx, parts)
        taken: set[int] = set()
        for units in (parts, clauses):
            units = [u for u in units if u[0] not in taken
                     and not any(s <= u[0] < e for s, e in covered)]
            _token_frames(ctx, units, taken)


def _token_frames(ctx: _Ctx, units: list[tuple[int, str]], taken: set[int]) -> None:
    tokenised = [(start, text, segment.cut(text)) for start, text in units]
    used: set[int] = set()
    for i, (_, _, toks_i) in enumerate(tokenised):
        if i in used:
            continue
        group, template = [i], None
        for j in range(i + 1, len(tokenised)):
            if j in used:
                continue
            t = _align(toks_i, tokenised[j][2])
            if t and (template is None or t == template):
                template = t
                group.append(j)
        if template is None or not _good_frame(template, len(group)):
            continue
        rows = [(tokenised[k][0], tokenised[k][1]) for k in group]
        values = [_slot_values(template, text) for _, text in rows]
        if any(v is None or any(re.search(r"[，,、]", x) or _is_function(x) for x in v) for v in values):
            continue
        used.update(group)
        taken.update(start for start, _ in rows)
        _add_frame(ctx, template, rows, values)


_FUNCTION_WORDS = frozenset("""需 需要 可以 可 应该 应当 必须 尤其 要 都 得 也 就 还 又 才 便 更 再 只 已 将 会 能 可 应 须 必须 需要 尤其要 都得
    的 地 了 着 过 是 在 和 与 及 或 而 并 但 却 很 太 最 非常 一定 不 没 没有 这 那 其 之 所""".split())


def _is_function(text: str) -> bool:
    """A slot that is (or starts with) a function word is no phrase: 是次要的, 需及时办理."""
    tokens = segment.cut(text)
    return not tokens or tokens[0] in _FUNCTION_WORDS


def _units(text: str, offset: int, stops: str) -> list[tuple[int, str]]:
    units = []
    for m in re.finditer(f"[^{stops}]+", text):
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


def _slot_values(template: tuple, text: str) -> list[str] | None:
    pattern = "".join("(.+?)" if t is None else re.escape(t) for t in template)
    m = re.fullmatch(pattern, text)
    return list(m.groups()) if m else None


def _add_frame(ctx: _Ctx, template: tuple, rows: list[tuple[int, str]], values: list[list[str]]) -> None:
    frame = "".join("{}" if t is None else t for t in template)
    pattern = "".join("(.+?)" if t is None else re.escape(t) for t in template)
    per_slot: list[list[Phrase | None]] = [[] for _ in range(template.count(None))]
    slot_texts: list[list[str]] = [[] for _ in per_slot]
    for (start, text), row in zip(rows, values):
        m = re.fullmatch(pattern, text)
        for k, value in enumerate(row):
            offset = start + m.start(k + 1)
            known = _expand_to_known(ctx, offset, value)
            slot_texts[k].append(known)
            is_answer = k == len(row) - 1
            if is_answer or known != value:
                per_slot[k].append(ctx.add(known, "parallel", offset, 0.85))
    answer_slot = len(per_slot) - 1
    subjects = slot_texts[0] if len(per_slot) > 1 else []
    for k, members in enumerate(per_slot):
        ctx.group("frame", members, label=frame, frame=frame,
                  subjects=subjects if k == answer_slot else [])


def _expand_to_known(ctx: _Ctx, start: int, value: str) -> str:
    """Prefer a slot's extension that is already a known phrase (对上 -> 对上协调)."""
    for phrase in ctx.phrases:
        if phrase.kind == "enumeration" and phrase.text.startswith(value):
            if ctx.doc.text.startswith(phrase.text, start):
                return phrase.text
    return value


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


_QUOTE_RE = re.compile(r"“([^“”\n]{2,16})”|「([^「」\n]{2,16})」|\"([^\"\n]{2,16})\"")


def find_quotes(ctx: _Ctx) -> None:
    for m in _QUOTE_RE.finditer(ctx.doc.text):
        group = next(g for g in (1, 2, 3) if m.group(g))
        text = m.group(group)
        if re.search(r"[。；！？]", text[:-1]):
            continue
        ctx.add(text, "quote", m.start(group))


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
        if re.search(r"什么|哪|谁|怎|如何|的$", subject + predicate) or "的" in predicate:
            continue
        if not _on_token_boundaries(ctx, m.start(2), m.end(2)):
            continue
        ctx.add(predicate, "definition", m.start(2))
        pos = m.end()
        while more := _IS_MORE_RE.match(text, pos):
            if "的" in more.group(1):
                break
            ctx.add(more.group(1), "definition", more.start(1))
            pos = more.end()


def _on_token_boundaries(ctx: _Ctx, start: int, end: int) -> bool:
    sentence = ctx.doc.sentence_at(start)
    if sentence is None:
        return False
    bounds, pos = {0}, 0
    for tok in segment.cut(sentence.text):
        pos += len(tok)
        bounds.add(pos)
    return (start - sentence.start) in bounds and (end - sentence.start) in bounds


def find_idioms(ctx: _Ctx, tokens: list[tuple[int, str]]) -> None:
    idioms = segment.idioms()
    seen: set[int] = set()
    for start, tok in tokens:
        if tok in idioms and start not in seen:
            seen.add(start)
            ctx.add(tok, "idiom", start)
    text = ctx.doc.text
    for saying in segment.curated_idioms():
        for m in re.finditer(re.escape(saying), text):
            if m.start() not in seen:
                seen.add(m.start())
                ctx.add(saying, "idiom", m.start())


def find_terms(ctx: _Ctx, tokens: list[tuple[int, str]], limit: int = 12) -> None:
    """Domain terms: multi-character words ranked by TF-IDF against jieba's dictionary."""
    counts: dict[str, list[int]] = {}
    for start, tok in tokens:
        if len(tok) >= 3 and all(is_han(c) for c in tok) and tok not in STOPWORDS and tok[0] not in "每各该本其此上下好":
            counts.setdefault(tok, []).append(start)
    counts = {tok: starts for tok, starts in counts.items() if len(tok) >= 4 or len(starts) >= 2}
    idioms = segment.idioms()
    scored = sorted(((len(starts) * segment.idf(tok), tok) for tok, starts in counts.items()
                     if tok not in idioms and segment.word_frequency(tok) > 0), reverse=True)
    top = scored[:limit]
    best = top[0][0] if top else 1.0
    for score, tok in top:
        ctx.add(tok, "term", counts[tok][0], round(0.3 + 0.3 * score / best, 3))


_FIGURE_RE = re.compile(
    r"(?:直径|半径|长|宽|高|厚|重|约|共|计|达|为)?"
    r"(?:\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百千万]+(?:点[零〇一二三四五六七八九]+)?)"
    r"(?:%|％|‰|厘米|毫米|公分|米|公里|千米|平方米|公斤|千克|克|吨|元|万元|亿元|个工作日|个月|年|周岁|岁|日|天|小时|分钟|个百分点|倍|人次|人|次|件|份|页|字|号字|磅|行|条)"
    r"(?:以上|以下|以内|之内)?"
)
_DATE_RE = re.compile(r"\d{4}年\d{1,2}月(?:\d{1,2}日)?")


def find_figures(ctx: _Ctx) -> None:
    text = ctx.doc.text
    taken: set[int] = set()
    for m in _DATE_RE.finditer(text):
        taken.update(range(m.start(), m.end()))
        ctx.add(m.group(), "figure", m.start(), 0.6)
    for m in _FIGURE_RE.finditer(text):
        value = m.group()
        if m.start() in taken or re.fullmatch(r"[一两]?[个次件份条人日年天号]", value):
            continue
        if re.match(r"^[一二三四五六七八九十]+[条号年]$", value):
            continue  # article numbers and the like
        before = text[m.start() - 1: m.start()]
        if before == "第":
            continue
        ctx.add(value, "figure", m.start())


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


def extract(doc: StructuredDocument) -> StructuredDocument:
    """Attach key phrases and sibling sets to a structured document (in place)."""
    ctx = _Ctx(doc, [], [])
    find_headings(ctx)
    find_enumerations(ctx)
    find_inline_lists(ctx)
    find_frames(ctx)
    find_parallel_clauses(ctx)
    find_quotes(ctx)
    find_definitions(ctx)
    tokens, pos = [], 0
    for tok in segment.cut(doc.text):
        tokens.append((pos, tok))
        pos += len(tok)
    find_idioms(ctx, tokens)
    find_terms(ctx, tokens)
    find_figures(ctx)
    doc.phrases = _dedupe(ctx.phrases)
    doc.sibling_sets = ctx.sets
    return doc


def analyze(text: str, title: str = "", doc_id: str | None = None, source: str = "") -> StructuredDocument:
    """Cleaned text -> structured document with key phrases and sibling sets."""
    return extract(build_document(text, title, doc_id, source))
