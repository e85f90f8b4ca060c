"""The blanks of a sentence note that are the members of one list (A、B和C): cut where
the list's members agree, or given back to the text where the list shares a head."""

from __future__ import annotations

import os
import re

from .. import itemchecks
from ..lang import markup, segment
from ..lang.chunks.agreement import SHARED_HEADS, agree, is_verb


def agreed_lists(parts: list[markup.Segment]) -> list[markup.Segment]:
    """The blanks of a sentence note that are the members of one list (A、B和C), cut as
    the list's members agree (:mod:`quizgen.lang.chunks.agreement`): the first loses the
    verb that governs the whole list (应当[会同自然资源]、[生态环境] → 应当会同[自然资源]、
    [生态环境]); a list whose last member ends with the head its members share ([预防]、
    [控制措施], [隐藏]、[转移财产], [判决]、[裁定罪]) is no list of blanks, and is text."""
    parts = list(parts)
    for run in reversed(member_runs(parts)):  # from the end: a cut moves only what follows it
        members = [parts[i] for i in run]
        answers = [m.answer for m in members if isinstance(m, markup.Deletion)]
        items = [segment.tokens(answer) for answer in answers]
        if not all(items):
            continue  # an empty blank: the checks refuse it
        if (category := _category_after(answers)) is None and (_shares_head(items) or _head_of_last_only(answers)):
            for i, answer in zip(run, answers):
                parts[i] = answer
            continue
        trimmed = category or _overlong_member(answers)
        if trimmed is not None:
            k, width = trimmed
            member = parts[run[k]]
            assert isinstance(member, markup.Deletion)
            parts[run[k]:run[k] + 1] = [markup.Deletion(member.number, member.answer[:width], member.hint and f"{width}字"),
                                        member.answer[width:]]
            continue
        # a first blank after 、 is a middle item of the text's list, bounded as written
        # (退役军人、[返乡创业人员]、[失业人员]: 返乡 stays in the blank)
        before = parts[run[0] - 1] if run[0] else ""
        follows_separator = isinstance(before, str) and before.endswith("、")
        cut = 0 if follows_separator else agree(items)[0][0].start - items[0][0].start
        # members of one width are parallel as written (见证历史、以史鉴今、启迪后人)
        if cut and any(len(answer) != len(answers[0]) for answer in answers[1:]):
            first = members[0]
            assert isinstance(first, markup.Deletion)
            rest = first.answer[cut:]
            parts[run[0]:run[0] + 1] = [first.answer[:cut], markup.Deletion(first.number, rest, first.hint and f"{len(rest)}字")]
    return merged(parts)


# 等 of a list's end, not of a word (平等, 同等, 等级, 等同…)
_ETC = re.compile(r"(?<![平同高中初对均相上下特次何超优])等(?![级同候待额量价值于])(?P<category>[\u4e00-\u9fff]{0,4})$")


def _category_after(answers: list[str]) -> tuple[int, int] | None:
    """(index, width) of a last member that goes on with the list's 等 and the category it
    names ([旅馆业]、[饮食服务业]、[出租汽车业等单位] → [出租汽车业]等单位: fresh50)."""
    m = _ETC.search(answers[-1])
    return (len(answers) - 1, m.start()) if m and m.start() >= 2 else None


def _overlong_member(answers: list[str]) -> tuple[int, int] | None:
    """(index, width) of a member that goes on past the list: the members before it are of one
    width and end with one character, and it ends with that character at that width and then
    says more ([居民委员会]、[村民委员会联系] → [村民委员会]联系; [假药]、[劣药仍然销售] → [劣药]仍然销售;
    [领誓人]、[宣誓人自报姓名]). A tail of one character is a compound's head (保险、保险费), and
    a dictionary word is one member ([企业]、[事业单位])."""
    for k in range(1, len(answers)):
        before, member = answers[:k], answers[k]
        width = len(before[0])
        if any(len(b) != width or b[-1] != before[0][-1] for b in before):
            return None
        if len(member) < width + 2 or member[width - 1] != before[0][-1] or itemchecks.bare(member) != member:
            continue
        tail = segment.tokens(member[width:])
        # 事业单位 after 企业 is one word of the dictionary, not 事业 + 单位
        if tail and not segment.word_frequency(member[:width] + tail[0].text):
            return k, width
    return None


def member_runs(parts: list[markup.Segment], joiners: tuple[str, ...] = itemchecks.JOINERS) -> list[list[int]]:
    """Indices of the deletions that follow one another joined only by 、 or a conjunction
    (one of ``joiners``; runs of two or more)."""
    runs: list[list[int]] = []
    for i, part in enumerate(parts):
        if not isinstance(part, markup.Deletion):
            continue
        joined = i >= 2 and isinstance(parts[i - 2], markup.Deletion) and parts[i - 1] in joiners
        if joined and runs and runs[-1][-1] == i - 2:
            runs[-1].append(i)
        else:
            runs.append([i])
    return [run for run in runs if len(run) >= 2]


_CLAUSE_END = re.compile(r"[，。；：！？,;:!?]")


def slot_runs(parts: list[markup.Segment]) -> list[list[int]]:
    """Indices of the deletions that fill the same slot of parallel clauses: the text after
    each, up to its clause's end, is the same (［掌握实情，大胆谏言］就是重点；在贯彻落实中，
    ［积极协调，真督实查］就是重点；…): one frame, asked whole (runs of two or more)."""
    slots: dict[str, list[int]] = {}
    for i, part in enumerate(parts):
        after = parts[i + 1] if i + 1 < len(parts) else ""
        if isinstance(part, markup.Deletion) and isinstance(after, str):
            tail = _CLAUSE_END.split(after, maxsplit=1)[0]
            if len(tail) >= 2:
                slots.setdefault(tail, []).append(i)
    return [run for run in slots.values() if len(run) >= 2]


def framed(answers: list[str]) -> bool:
    """The members of a list are a formula: what they share (where they open and end alike)
    is more than half of each (想领导之所想、想领导之应想、想领导之未想), not a head noun or a
    modifier (工作条件、生活条件; 养老院、敬老院; 重大传统节日、重要民俗活动) and three characters
    or more."""
    if len(answers) < 2:
        return False
    head = len(os.path.commonprefix(answers))
    tail = len(os.path.commonprefix([a[::-1] for a in answers]))
    return head + tail >= 3 and 2 * (head + tail) > min(map(len, answers))


def run_of(parts: list[markup.Segment], index: int) -> list[str]:
    """The answers of the list of blanks ``parts[index]`` is a member of (itself alone when none)."""
    run = next((run for run in member_runs(parts) if index in run), [index])
    return [p.answer for p in (parts[i] for i in run) if isinstance(p, markup.Deletion)]


# the heads a list's members share when only the last shows it ([排放检验]与[维护制度],
# [上传检验]、[维修信息], [采取封锁]、[消灭措施]): the members are modifiers of it
_HEADS = SHARED_HEADS | frozenset("信息 罪 标准 要求 机制 体系 费用 手续 材料 职责 内容 人员".split())


def _head_of_last_only(answers: list[str]) -> bool:
    """The last member ends with a head noun that no other member ends with."""
    *others, last = answers
    head = next((h for h in _HEADS if last.endswith(h) and len(last) > len(h)), None)
    return head is not None and not any(o.endswith(head) for o in others)


def _shares_head(items: list[list[segment.Token]]) -> bool:
    """[预防]、[控制措施]; [查封]、[扣押]、[冻结的财产罪]: the members before the last are
    single words of one width, the last opens with a word of that width and kind and goes
    on (with the head they all share, left in the last blank)."""
    *others, last = items
    if any(len(o) != 1 for o in others):
        return False
    widths = {len(o[0].text) for o in others}
    width = widths.pop()
    if widths or len(last[0].text) < width:
        return False
    lead = last[0]
    if len(lead.text) > width:  # one dictionary word of two (控制措施 = 控制 + 措施)
        opening = segment.tokens(lead.text[:width])
        if len(last) > 1 or len(opening) != 1 or not segment.word_frequency(lead.text[width:]):
            return False
        lead = opening[0]
    elif len(last) < 2:
        return False
    return all(is_verb(o[0]) == is_verb(lead) for o in others)


def merged(parts: list[markup.Segment]) -> list[markup.Segment]:
    """Adjacent text runs joined."""
    out: list[markup.Segment] = []
    for part in parts:
        if isinstance(part, str) and out and isinstance(out[-1], str):
            out[-1] += part
        elif part != "":
            out.append(part)
    return out
