"""Questions on enumerations and heading lists: 协调包括哪些？ (multi), ……不包括下列哪一项？
(choice), 一是（　　）。 where the order is the content, and membership statements (judge)."""

from __future__ import annotations

import re

from . import distractors
from .context import GeneratorContext, stripped, tidy
from .listing import list_lead, member_markers
from ..model import SiblingSet, to_chinese_numeral


def enumeration_questions(b: GeneratorContext) -> None:
    for sibling in b.doc.sibling_sets:
        if sibling.kind not in ("enumeration", "headings") or len(sibling.members) < 3:
            continue
        lead = _lead(b, sibling)
        if not lead or not _askable(b, sibling, lead):
            continue
        first = sibling.members[0]
        base = b.set_key(sibling)
        members = [m.text for m in sibling.members]
        kind = "heading" if sibling.kind == "headings" else "enumeration"
        rng = b.rng(base)
        typed = distractors.same_category(b.doc, sibling) if sibling.kind == "enumeration" else None
        outsiders = [p.text for p in distractors.choose(members[0], b.doc, sibling, kind, 3, rng,
                                                        forbidden=members, exclude_siblings=True,
                                                        near=first.start, typed=typed)]
        markers = _markers(b, sibling)
        # position matters in 一是…二是… and among headings; in （一）（二） lists of a
        # regulation it does not, and a swapped position would still read as true
        if markers and (sibling.kind == "headings" or all(m.endswith(("是", "要")) for m in markers)):
            for i, member in enumerate(sibling.members):
                stem = f"{lead}：{markers[i]}（　　）。"
                wrong = [m for m in members if m != member.text]
                b.rng(f"{base}{i}").shuffle(wrong)
                b.add_choice(f"{base}-ord{i + 1}-choice", stem, member.text, wrong, member,
                             b.explain(member), [kind, "sibling"])
                other = members[(i + 1) % len(members)]
                b.add_judge(f"{base}-ord{i + 1}-judge-true", f"{lead}：{markers[i]}{_quoted(member.text)}。",
                            True, member, b.explain(member), [kind])
                b.add_judge(f"{base}-ord{i + 1}-judge-false", f"{lead}：{markers[i]}{_quoted(other)}。",
                            False, member, b.explain(member, f"{markers[i]}“{member.text}”。"), [kind, "swap"])
        if outsiders:
            shown = members if len(members) <= 5 else sorted(rng.sample(members, 4), key=members.index)
            wrong = outsiders[: max(1, 6 - len(shown))][:2]
            stem = _which(lead, "哪些") or (_includes(lead, "下列哪些？") if not lead.endswith(_LIST_VERBS)
                                           else f"{lead}哪些？")
            b.add_multi(f"{base}-multi", tidy(stem), shown, wrong, first,
                        b.explain(first, "正确选项：" + "、".join(shown) + "。"), [kind])
            if lead.startswith("除"):
                continue  # 除下列情形外…: a negative form or a membership statement would not read
            kept = sorted(rng.sample(members, 3), key=members.index)
            stem = (_includes(lead, "下列哪一项？", "不包括") if not lead.endswith(_LIST_VERBS)
                    else f"{lead[:-2]}不{lead[-2:]}下列哪一项？")
            b.add_choice(f"{base}-not-choice", tidy(stem), outsiders[0], kept, first,
                         b.explain(first, f"“{outsiders[0]}”不在其中。"), [kind, "negative"])
            if (not markers or not all(m.endswith(("是", "要")) for m in markers)) and not _LIST_WORD.search(lead):
                # (a lead of 下列/以下 items, 有下列行为之一的…, reads as no statement)
                # judge: a true membership statement and a false one with an outsider
                false_members = list(members)
                swap = len(members) // 2
                false_members[swap] = outsiders[0]
                b.add_judge(f"{base}-judge-true", _membership(lead, members), True, first,
                            b.explain(first), [kind])
                b.add_judge(f"{base}-judge-false", _membership(lead, false_members), False, first,
                            b.explain(first, f"应为“{members[swap]}”，而不是“{outsiders[0]}”。"),
                            [kind, "swap"])


_LIST_VERBS = ("包括", "包含", "分为")
_UNBALANCED = re.compile(r"[“”‘’《》（）()「」]")


_LIST_WORD = re.compile(r"下列(?=[\u4e00-\u9fff])")


def _which(lead: str, word: str) -> str:
    """A lead that says 下列材料 asks 哪些材料 (word='哪些')."""
    if not _LIST_WORD.search(lead):
        return ""
    return _LIST_WORD.sub(word, lead, count=1) + "？"


def _askable(b: GeneratorContext, sibling: SiblingSet, lead: str) -> bool:
    """Only lists a stem can be made of: items that are clean phrases, announced by a
    short lead (做好办公室工作，应该具备“四心”; 协调包括). A list inside a long sentence
    stays a cloze note."""
    if any(len(m.text) > 20 or _UNBALANCED.search(m.text) or m.text.endswith("等")
           for m in sibling.members):
        return False
    if sibling.kind == "headings" or len({m.sentence for m in sibling.members}) > 1:
        return len(lead) <= 90
    return lead.endswith(_LIST_VERBS) and len(lead) <= 20 and not _UNBALANCED.search(lead)


def _quoted(text: str) -> str:
    return f"“{text}”" if "，" in text else text


def _membership(lead: str, members: list[str]) -> str:
    listed = "、".join(_quoted(m) for m in members[:-1]) + "和" + _quoted(members[-1])
    if lead.endswith(_LIST_VERBS):
        return f"{lead}{listed}。"
    return _includes(lead, f"{listed}。")


def _includes(lead: str, rest: str, verb: str = "包括") -> str:
    """``lead`` + 包括 + ``rest``: 主要任务是 -> 主要任务包括…, 做好工作的要求 -> …，包括…"""
    lead = lead.rstrip("：:")
    if lead.endswith(("是", "为")):
        return f"{lead[:-1]}{verb}{rest}"
    return f"{lead}，{verb}{rest}"


def _markers(b: GeneratorContext, sibling: SiblingSet) -> list[str]:
    """The ordinal markers written before the items (一是, 二要, （三）…), if all have one."""
    markers = member_markers(b.doc, sibling)
    return markers if all(markers) else []


def _lead(b: GeneratorContext, sibling: SiblingSet) -> str:
    lead = stripped(list_lead(b.doc, sibling))
    lead = re.sub(r"^(?:第[一二三四五六七八九十百零〇\d]+条\s*|[一二三四五六七八九十]+、)", "", lead)
    lead = lead.replace("以下", "")
    if not lead and sibling.kind == "headings" and sibling.count:
        lead = f"本文的{to_chinese_numeral(sibling.count)}个部分"
    return lead
