"""How a sentence note's blanks are cut before they are judged: a blank holding a list becomes
a blank per member, a blank of one noun of a compound takes the compound, a body or an object
is blanked without its verb; and, once judged, which blanks a note keeps within its limit."""

from __future__ import annotations

import re

from .. import itemchecks
from ..lang import markup, segment
from ..lang.bodies import ACTION, AGENT_AND_VERB, AGENT_MARKERS, BODY_AND_VERB, NOT_A_NAME, VERB_AND_BODY
from ..lang.chunks.agreement import verbless
from ..lang.numerals import FIGURE_RE
from ..lang.stock import is_stock
from .blanklists import framed, member_runs, merged as _merged, slot_runs


def split_lists(parts: list[markup.Segment]) -> list[markup.Segment]:
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


# the upper end of a range whose unit its lower end gave: 一万元以上[十万以下]
_UPPER_END = re.compile(r"^[0-9０-９.．零〇一二三四五六七八九十百千万亿两]+(?:元|万元|倍|日|天|个月|年|小时)?以下")


def whole_ranges(parts: list[markup.Segment]) -> list[markup.Segment]:
    """A blank of a range's lower end takes its upper end: 处[一万元以上]十万以下的罚款 →
    处[一万元以上十万以下]的罚款 (fresh27: "blanks only the lower bound of the fine range")."""
    parts = list(parts)
    for i, part in enumerate(parts[:-1]):
        after = parts[i + 1]
        if isinstance(part, markup.Deletion) and part.answer.endswith("以上") and isinstance(after, str):
            m = _UPPER_END.match(after)
            if m:
                parts[i] = markup.Deletion(part.number, part.answer + m.group(), part.hint and f"{len(part.answer) + m.end()}字")
                parts[i + 1] = after[m.end():]
    return _merged([p for p in parts if p != ""])


def whole_compounds(parts: list[markup.Segment]) -> list[markup.Segment]:
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
        if left + right == 0 or len(part.answer) + left + right > itemchecks.max_blank(part.answer):
            continue
        parts[i] = markup.Deletion(part.number, before[len(before) - left:] + part.answer + after[:right])
        if i > 0:
            parts[i - 1] = before[:len(before) - left]
        if i + 1 < len(parts):
            parts[i + 1] = after[right:]
    return parts


def bodies_alone(parts: list[markup.Segment]) -> list[markup.Segment]:
    """A blank of a body and the verb of its duty asks the body: 由[法务部保管] → 由[法务部]保管,
    向[保卫处报告] → 向[保卫处]报告, [报市人民政府]批准 → 报[市人民政府]批准 (the verb is the
    sentence's, the body is the fact)."""
    out: list[markup.Segment] = []
    for part in parts:
        if not isinstance(part, markup.Deletion):
            out.append(part)
            continue
        m = BODY_AND_VERB.fullmatch(part.answer) or VERB_AND_BODY.fullmatch(part.answer) or _agent_and_verb(out, part.answer)
        if m is None or (m.re is VERB_AND_BODY and NOT_A_NAME.search(m.group("body"))):
            out.append(part)  # 报[单位和个人]: no name of a body
            continue
        body = m.group("body")
        blank = markup.Deletion(part.number, body, part.hint and f"{len(body)}字")
        out += [blank, m.group("verb")] if m.start("body") == 0 else [m.group("verb"), blank]
    return _merged(out)


def _agent_and_verb(before: list[markup.Segment], answer: str) -> re.Match[str] | None:
    """由[出卖人承担], 经[业主共同决定]: after 由 or 经, the doer and its verb (a doer named by no
    verb and no 的: 经[核准登记] is two verbs)."""
    if not (before and isinstance(before[-1], str) and before[-1].endswith(AGENT_MARKERS)):
        return None
    m = AGENT_AND_VERB.fullmatch(answer) or (_doer_and_verb(answer) if before[-1].endswith(_DOER_MARKERS) else None)
    if m is None or NOT_A_NAME.search(m.group("body")) or ACTION.search(m.group("body")):
        return None
    return m


_NOUN_TAGS = frozenset({"n", "nr", "ns", "nt", "nz"})
_DOER_MARKERS = ("由", "经", "经过")  # who does it; after 向 the noun may be no one (向[社会]公布)


def _doer_and_verb(answer: str) -> re.Match[str] | None:
    """A doer the tagger reads as nouns and a verb of two characters or more after it, the verb
    no listed duty (由[采矿权人缴纳]: fresh50, "the blank adds the verb")."""
    words = segment.tokens(answer)
    if len(words) < 2 or not words[-1].tag.startswith("v") or len(words[-1].text) < 2 or words[-2].tag not in _NOUN_TAGS:
        return None
    body = answer[:len(answer) - len(words[-1].text)]
    return re.fullmatch(rf"(?P<body>{re.escape(body)})(?P<verb>{re.escape(words[-1].text)})", answer) if len(body) >= 2 else None


_OBJECT_TAGS = frozenset({"n", "nz", "vn", "nt", "an", "b", "ng"})
MIN_OBJECT = 3  # characters of an object asked without its verb (出具[检查通知书], not 保守[秘密])


# Verbs whose object is the whole content of what they say (实行[有偿使用], 进行[安全评估]):
# the object is asked without them whatever its part of speech.
LIGHT_VERBS = frozenset("实行 实施 进行 开展 给予 予以 加以 作出 做出 采取 推行".split())
COVERBS = frozenset("会同 协同 联合 商请".split())  # 会同[市地名办]确定: the partner is asked, not the verbs
_TRAILING_MODALS = ("应当", "应该", "必须", "可以", "不得")
_PREDICATE_OPENERS = ("应当", "应", "必须", "须", "可以", "应该")


def objects_alone(parts: list[markup.Segment]) -> list[markup.Segment]:
    """A blank of a verb and its object asks the object, the thing the rule names:
    应当[出具检查通知书] → 应当出具[检查通知书], [事先拟订检查计划] → 事先拟订[检查计划],
    应当[召开全体会议审议] → 应当召开[全体会议]审议, [实行有偿使用] → 实行[有偿使用] (the
    verbs and their adverbs stay; an object of one or two characters stays with its verb); a
    modal that ends a blank belongs to the verb after it: [承办单位应当]与… → [承办单位]应当与….
    A member of a list of nouns blanked member by member stays whole (退役军人、[返乡创业人员]、
    [失业人员]: 返乡 is no verb of the list; the first member lost what governs the list in
    :func:`agreed_lists`)."""
    members = _noun_list_members(parts)
    firsts = {run[0]: run for run in member_runs(parts) if all(j in members for j in run[1:])}
    out: list[markup.Segment] = []
    for i, part in enumerate(parts):
        before = parts[i - 1] if i else ""
        split = _object_of(part, isinstance(before, str) and before.endswith(_PREDICATE_OPENERS)) \
            if isinstance(part, markup.Deletion) and i not in members else None
        if split is None and i in firsts:
            split = _governor_of(parts, firsts[i])
        if split is None:
            out.append(part)
            continue
        verb, thing, after = split
        assert isinstance(part, markup.Deletion)
        out += [verb, markup.Deletion(part.number, thing, part.hint and f"{len(thing)}字"), after]
    return _merged([p for p in out if p != ""])


_VERB_AND_QUOTE = re.compile(r"(?P<verb>[\u4e00-\u9fff]{1,3})“(?P<term>[^“”]{1,12})”")


def quoted_alone(parts: list[markup.Segment]) -> list[markup.Segment]:
    """A blank of a verb and the term it quotes asks the term: 名称一般[称“条例”] → 名称一般称“[条例]”
    (fresh26: "takes in the verb 称 and the quotation marks; blank just 条例")."""
    out: list[markup.Segment] = []
    for part in parts:
        m = _VERB_AND_QUOTE.fullmatch(part.answer) if isinstance(part, markup.Deletion) else None
        if m is None:
            out.append(part)
            continue
        assert isinstance(part, markup.Deletion)
        term = m.group("term")
        out += [m.group("verb") + "“", markup.Deletion(part.number, term, part.hint and f"{len(term)}字"), "”"]
    return _merged(out)


def stock_runs(parts: list[markup.Segment]) -> list[markup.Segment]:
    """A list blanked member by member that is a stock list of regulations (法律、行政法规; 生产、销售;
    滥用职权、玩忽职守、徇私舞弊) becomes text, read as its outer members may be bounded too wide
    (保安员[跨省]、自治区、直辖市; 本地区[生产]、销售): every reader of rules knows it (judged notes of the
    fresh sets with such a list: 18 of 103 kept, 46 discarded)."""
    out = list(parts)
    for run in member_runs(parts):
        members = [_answer(parts[i]) for i in run]
        if _stock_within(members):
            for i in run:
                out[i] = _answer(parts[i])
    return _merged(out) if out != parts else parts


def _stock_within(members: list[str]) -> bool:
    first, *middle, last = members
    return any(is_stock([first[i:], *middle, last[:j]]) for i in range(len(first)) for j in range(1, len(last) + 1))


def pronouns_outside(parts: list[markup.Segment]) -> list[markup.Segment]:
    """A blank that opens with the pronoun 其 as a word of its own leaves it to the text: 为
    [其预留采购份额] → 为其[预留采购份额] (fresh37: "the blank takes in the pronoun 其"; 5 of 5 such
    judged notes edited or discarded); 其他, 其中 are words of their own."""
    out: list[markup.Segment] = []
    for part in parts:
        if isinstance(part, markup.Deletion) and part.answer.startswith("其") and len(part.answer) >= 3:
            words = segment.tokens(part.answer)
            if words[0].text == "其":
                out += ["其", markup.Deletion(part.number, part.answer[1:], part.hint and f"{len(part.answer) - 1}字")]
                continue
        out.append(part)
    return _merged(out)


_CONJOINED = re.compile(r"^(.{2,4}?)(以及|或者|和|或|及)(.{2,4})$")
# a list of the bodies' own names, which may hold 和 (住房和城乡建设、人力资源和社会保障…等部门)
_BODY_AFTER = re.compile(r"^等?(?:有关)?(?:主管|行政|管理)?(?:部门|机关|机构|局|厅|委)")


def conjoined_members(parts: list[markup.Segment]) -> list[markup.Segment]:
    """The last member of a list blanked member by member that holds the list's last two items,
    joined as the text joins them, becomes a blank for each: [销售]、[交换和留用] → [销售]、[交换]和
    [留用] (judged notes of the fresh sets with such a member: 14 of 55 kept; held-out fresh39–41: 6
    of 12 changed notes kept against 0 of 23); not the names of bodies ([农业农村]、[住房和城乡建设]等部门).
    The note's blanks are then numbered in the order they are read."""
    runs = member_runs(parts, ("、",))
    if not runs:
        return parts
    out = list(parts)
    for run in reversed(runs):
        last = out[run[-1]]
        assert isinstance(last, markup.Deletion)
        m = _CONJOINED.match(last.answer)
        after = _answer(out[run[-1] + 1]) if run[-1] + 1 < len(out) else ""
        if m and all(len(segment.tokens(side)) == 1 for side in (m.group(1), m.group(3))) and not _BODY_AFTER.match(after):
            out[run[-1]:run[-1] + 1] = [markup.Deletion(last.number, m.group(1)), m.group(2), markup.Deletion(0, m.group(3))]
    if len(out) == len(parts):
        return parts
    numbers = iter(range(1, len(out) + 1))
    return [markup.Deletion(next(numbers), p.answer, p.hint) if isinstance(p, markup.Deletion) else p for p in out]


# what a closing clause may open with and still be the fact: a ban, a duty, a leave, a negation
_RULE_OPENING = re.compile(r"^(?:不|未|禁止|严禁|应|须|必须|可以|可|有权|免|无须|一律)")


def closing_clauses(parts: list[markup.Segment]) -> list[markup.Segment]:
    """A blank that is the whole last clause of its sentence and opens with a verb is what the
    sentence goes on to do, and its condition the fact: …不能证明自己无过错的，[承担赔偿责任]; …开展法治
    教育，[帮助其回归社会] (judged notes of the fresh sets with one such blank: 4 of 44 kept, 31
    discarded; with other blanks, 16 % kept against 43 %). A ban, a duty or a figure there is the
    fact (…，[不得占用耕地]; …，[处五日以下拘留])."""
    out: list[markup.Segment] = []
    for i, part in enumerate(parts):
        before = parts[i - 1] if i else ""
        after = parts[i + 1] if i + 1 < len(parts) else ""
        if isinstance(part, markup.Deletion) and isinstance(before, str) and isinstance(after, str) \
                and (not before or before.endswith(("，", "；", "："))) and (not after or after.startswith(("。", "；"))) \
                and not _RULE_OPENING.match(part.answer) and not FIGURE_RE.search(part.answer):
            words = segment.tokens(part.answer)
            if words and words[0].tag.startswith("v"):
                out.append(part.answer)
                continue
        out.append(part)
    return _merged(out)


def named_categories(parts: list[markup.Segment]) -> list[markup.Segment]:
    """A blank right after the 等 that closes a list the note shows is the category the list's
    examples name, read off them: 公共汽车、电车、轨道交通等[公共交通工具], 拍卖、变卖等[变价措施]
    (judged notes of the fresh sets with one such blank: 6 of 26 kept, 12 discarded)."""
    out: list[markup.Segment] = []
    for i, part in enumerate(parts):
        before = parts[i - 1] if i else ""
        if isinstance(part, markup.Deletion) and isinstance(before, str) and before.endswith("等") \
                and "、" in before[-30:]:
            out.append(part.answer)
            continue
        out.append(part)
    return _merged(out)


_PREPOSITION_ENDS = ("根据", "按照", "依照", "依据", "对", "经", "通过")  # whose object a light verb follows


def before_light_verbs(parts: list[markup.Segment]) -> list[markup.Segment]:
    """After a preposition, a blank that runs on into the light verb of the clause asks what the
    preposition governs: 根据[举报进行核查] → 根据[举报]进行核查, 按照[职权给予警告] → 按照[职权]给予
    警告 (fresh25: "cuts 根据举报/进行核查 into an odd span")."""
    out: list[markup.Segment] = []
    for i, part in enumerate(parts):
        before = parts[i - 1] if i else ""
        if isinstance(part, markup.Deletion) and isinstance(before, str) and before.endswith(_PREPOSITION_ENDS):
            words = segment.tokens(part.answer)
            k = next((k for k, w in enumerate(words) if k and w.text in LIGHT_VERBS), 0)
            if k and words[k].start - words[0].start >= 2:
                cut = words[k].start - words[0].start
                out += [markup.Deletion(part.number, part.answer[:cut], part.hint and f"{cut}字"), part.answer[cut:]]
                continue
        out.append(part)
    return _merged(out)


def _governor_of(parts: list[markup.Segment], run: list[int]) -> tuple[str, str, str] | None:
    """(verb, member, "") of the first member of a list of noun blanks that opens with the verb
    governing the whole list, which the segmenter may take for a noun: （二）[建设渔港]、[避风港]、
    [避风锚地] → 建设[渔港]; 应当[盘活现有存量用地]、[闲置厂房] → 盘活[现有存量用地] (fresh25, held out:
    "the verb should stay outside so the blanks are parallel"). Not a modifier the members share the
    pattern of ([管理人员]、[技术人员]), nor members of one width (parallel as written)."""
    answers = [_answer(parts[j]) for j in run]
    before = _answer(parts[run[0] - 1]) if run[0] else ""
    words = segment.tokens(answers[0])
    if len(words) < 2 or words[0].tag not in ("v", "vn") or len(words[0].text) < 2 \
            or len({len(a) for a in answers}) == 1 or before.endswith(itemchecks.JOINERS):
        return None  # (after 、 the blank is a middle item of the text's list: 退役军人、[返乡创业人员])
    rest = answers[0][len(words[0].text):]
    # what is left names a thing in nouns only (发展[改革] is one body's name; …[等有关法律] no thing)
    if len(rest) < 2 or any(w.tag.startswith(_NOT_IN_A_NAME) for w in words[1:]) \
            or any(a.endswith(words[-1].text) for a in answers[1:]):
        return None
    return words[0].text, rest, ""


_NOT_IN_A_NAME = ("v", "u", "d", "p", "c")


def _noun_list_members(parts: list[markup.Segment]) -> set[int]:
    """Indices of the members after the first of each list of blanks whose other members are
    nouns (no verb: 失业人员, 残疾人员; but 安装自动报警、灭火 is a list of verbs)."""
    out: set[int] = set()
    for run in member_runs(parts):
        verbs = [j for j in run if not verbless(segment.tokens(_answer(parts[j])))]
        out.update(i for i in run[1:] if not [j for j in verbs if j != i])
    return out


def _answer(part: markup.Segment) -> str:
    return part.answer if isinstance(part, markup.Deletion) else part


def _object_of(blank: markup.Deletion, predicate: bool = False) -> tuple[str, str, str] | None:
    """(verb, object, what follows) of a blank that is a verb (with its adverbs), a noun
    object of at least :data:`MIN_OBJECT` characters and, after a modal (``predicate``), perhaps
    a second verb (由[保护责任人承担] is a body and its verb, not 保护 and an object); of a light
    verb (:data:`LIGHT_VERBS`) and any object of two words; of a blank that ends with a
    modal. None for any other blank."""
    if FIGURE_RE.search(blank.answer):
        return None
    modal = next((m for m in _TRAILING_MODALS if blank.answer.endswith(m)), "")
    if modal and len(blank.answer) - len(modal) >= 2:
        return "", blank.answer[:-len(modal)], modal
    words = segment.tokens(blank.answer)
    if len(words) < 2:
        return None
    if words[0].text in LIGHT_VERBS and len(words) >= 3:
        return words[0].text, blank.answer[len(words[0].text):], ""
    # 召开全体会议|审议; 会同市地名办|确定 (a co-verb's partner and the verb they do it with)
    second_verb = predicate or words[0].text in COVERBS
    end = len(words) - 1 if second_verb and len(words) >= 3 and words[-1].tag == "v" else len(words)
    k = end
    # an adjective opens the object it modifies: 注明[失效时间]
    while k > 0 and (words[k - 1].tag in _OBJECT_TAGS or (words[k - 1].tag == "a" and k < end)):
        k -= 1
    head, tail = words[:k], words[k:end]
    thing = "".join(w.text for w in tail)
    if len(thing) < MIN_OBJECT or not any(w.tag == "v" for w in head) \
            or any(w.tag not in ("v", "d", "ad") for w in head):
        return None
    return "".join(w.text for w in head), thing, "".join(w.text for w in words[end:])


STRONG_BLANK = 0.8  # a figure blank scored this well is the note's fact (a fine, a deadline)
WEAK_BESIDE = 0.6  # a blank below this beside such a fact, and no member of a list, goes back to the text


def beside_the_fact(parts: list[markup.Segment], scores: dict[int, float]) -> list[markup.Segment]:
    """A note whose fact is a figure keeps no weak blank beside it: 处[五万元以上二十五万元以下]
    罚款，…还应当[没收违法所得] → …还应当没收违法所得 (fresh22–25: of the 10 judged notes with a figure
    blank scored 0.8 or more and another blank below 0.6 that is no list member, trainers would drop
    the weaker in 8; beside a strong blank that is no figure, 0 of 1). ``scores``: blank scores by
    cloze number."""
    if not any(isinstance(p, markup.Deletion) and FIGURE_RE.search(p.answer) and scores.get(p.number, 0.0) >= STRONG_BLANK
               for p in parts):
        return parts
    listed = {i for run in member_runs(parts) for i in run}
    return _merged([p.answer if isinstance(p, markup.Deletion) and i not in listed and scores.get(p.number, 1.0) < WEAK_BESIDE
                    else p for i, p in enumerate(parts)])


def numbered(parts: list[markup.Segment], limit: int, stretch: int = 0,
             scores: dict[int, float] | None = None) -> list[markup.Segment]:
    """Deletions renumbered c1, c2, … in order of their old numbers; beyond ``limit`` cloze
    numbers the lowest-scored become text. A list's members are kept together or all become
    text, lists before the other blanks and the best-scored list first (of two lists in one
    sentence, the one that fits is kept; by its weakest member instead, held-out fresh36 kept 4 of
    12 changed notes against 7 of 16); a list of more members than ``limit`` may take up to
    ``stretch`` numbers on its own. The slots of parallel clauses are a list too; a formula (a list
    whose members share most of their words) goes before another list: it is what the text wants remembered (the sample's
    想领导之所想、想领导之应想、想领导之未想 had lost to 工作状况、外部环境、目标任务)."""
    scores = scores or {}
    members = member_runs(parts, ("、", "和", "及"))
    listed_at = {i for run in members for i in run}
    # the slots of a frame are a list too (…［A］就是重点；…［B］就是重点), when no member of another
    slots = [run for run in slot_runs(parts) if not listed_at & set(run)]
    runs = [[_number(parts[i]) for i in run] for run in members + slots]
    formulas = {id(run) for run, at in zip(runs, members) if framed([parts[i].answer for i in at])}  # type: ignore[union-attr]
    listed = {n for run in runs for n in run}
    limit = max(limit, min(max((len(run) for run in runs), default=0), stretch))
    order: list[int] = []
    # a formula first (想领导之所想、想领导之应想), then by its best-scored member
    for run in sorted(runs, key=lambda run: (id(run) not in formulas, -max(scores.get(n, 0.0) for n in run), min(run))):
        if len(order) + len(run) <= limit:
            order += run
    others = sorted({p.number for p in parts if isinstance(p, markup.Deletion)} - listed,
                    key=lambda n: (-scores.get(n, 0.0), n))
    order += others[:max(0, limit - len(order))]
    new = {old: n for n, old in enumerate(sorted(order), 1)}
    return [markup.Deletion(new[p.number], p.answer, p.hint) if isinstance(p, markup.Deletion) and p.number in new
            else (p.answer if isinstance(p, markup.Deletion) else p) for p in parts]


def _number(part: markup.Segment) -> int:
    assert isinstance(part, markup.Deletion)
    return part.number
