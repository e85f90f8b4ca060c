"""Frames: the same template repeated with different slots within one paragraph
(对上协调要在创新上下功夫 / 平级协调要在落实上下功夫), and units that share their end
(…就是重点；…就是重点). Each slot's values are a sibling set."""

from __future__ import annotations

import re
from bisect import bisect_left
from difflib import SequenceMatcher
from functools import lru_cache

from ...lang import segment
from ...model import Phrase
from ..context import KIND_WEIGHT, FinderContext, common_suffix
from ..structure import is_article


def find_frames(ctx: FinderContext) -> None:
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


def _token_frames(ctx: FinderContext, tokenised: list[tuple[int, str, list[str]]], taken: set[int],
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
        matches = _slot_matches(template, rows)
        if matches is None:
            continue
        used.update(group)
        taken.update(start for start, _ in rows)
        _add_frame(ctx, template, rows, matches, known)


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


def _slot_matches(template: tuple, rows: list[tuple[int, str]]) -> list[re.Match[str]] | None:
    """Each row matched against the template; ``None`` unless every row fits and no slot
    holds punctuation or opens with a function word."""
    pattern = _template_pattern(template)
    matches = []
    for _, text in rows:
        m = pattern.fullmatch(text)
        if m is None or any(_SLOT_PUNCT.search(x) or _is_function(x) for x in m.groups()):
            return None
        matches.append(m)
    return matches


def _add_frame(ctx: FinderContext, template: tuple, rows: list[tuple[int, str]], matches: list[re.Match[str]],
               known: dict[int, list[str]]) -> None:
    frame = "".join("{}" if t is None else t for t in template)
    per_slot: list[list[Phrase | None]] = [[] for _ in range(template.count(None))]
    slot_texts: list[list[str]] = [[] for _ in per_slot]
    for (start, _), m in zip(rows, matches):
        row = m.groups()
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


def _add_clause_run(ctx: FinderContext, rows: list[tuple[int, str]]) -> None:
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


def _suffix_frames(ctx: FinderContext, units: list[tuple[int, str]]) -> list[tuple[int, int]]:
    """Consecutive units sharing a suffix: …，掌握实情，大胆谏言就是重点；…就是重点.
    Returns the spans it covered."""
    covered: list[tuple[int, int]] = []
    i = 0
    while i < len(units):
        j = i + 1
        while j < len(units) and common_suffix(units[i][1], units[j][1]) >= 3:
            j += 1
        if j - i >= 2:
            group = units[i:j]
            suffix_len = min(common_suffix(group[0][1], u[1]) for u in group[1:])
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
