"""Questions on what a rule lays down: what it forbids or requires (a true/false item, the
rule as written or with its modal turned round: 不得 → 可以, 应当 → 无须), and who decides or
answers for something (由（　　）负责, 经（　　）批准: a choice among the bodies and roles the
text itself names, people against people and organs against organs)."""

from __future__ import annotations

import random
import re
from collections.abc import Collection, Iterator
from dataclasses import dataclass

from ..itemchecks import JOINERS
from ..lang import segment
from ..lang.bodies import DESCRIBED, NOT_A_NAME, PLACEHOLDER, ROLE, SUBJECT, body_kind
from ..lang.markers import lacks_object, strip_markers
from ..model import Document, Phrase, Sentence
from . import distractors
from .context import OPTIONS, GeneratorContext
from .subjects import context_of, list_index, previous_sentence

MAX_STATEMENT = 64  # characters of a rule a true/false item may state
MAX_WITH_LEAD = 90  # and with the lead of its list or the sentence it refers to
MAX_STEM = 90  # characters of a sentence a choice on its body may show

# the modal of a rule, with the adverbs that go when it is turned round (一律不得 → 可以)
# (禁止类 is a class of projects, no ban: 鼓励类、限制类和禁止类; 在禁止吸烟场所, 非禁止吸烟场所 name a place by
# its ban: turned, 在非可以吸烟场所 — fresh34, judged garbled)
_MODAL = re.compile(r"(?:一律|绝对|坚决|均|都|必须)?(?<![更也亦并非在])(不得(?!不)|不准|不许|严禁|禁止(?!类)|应当(?![不即面场]|知道)|必须(?![要不]))")
_TURNED = {"不得": "可以", "不准": "可以", "不许": "可以", "严禁": "允许", "禁止": "允许",
           "应当": "无须", "必须": "无须"}
_PROHIBITIONS = frozenset({"不得", "不准", "不许", "严禁", "禁止"})
_KEEP_ADVERB = {"均": "均", "都": "都"}

# the modal modifies a noun, the clause states no rule: 国家规定不得归档的材料
_ATTRIBUTIVE = re.compile(r"[\u4e00-\u9fff]{1,3}的[\u4e00-\u9fff]{1,4}")
_CLAUSE_BREAK = re.compile(r"[，,；;：:]")
_NEW_CLAUSE = re.compile(r"更|也|且|并且|同时|否则|但|违者|如：|例如|不得|严禁|禁止|应当|必须")
# acts wrong on their face: a ban on them turned round (允许擅自销毁, 可以泄露国家秘密, 可以…据为己有)
# is false to anyone (judged trivial on the test split)
_UNLAWFUL = re.compile(r"擅自|违法|非法|违规|私自|弄虚作假|伪造|篡改|泄露|泄密|据为己有|隐匿|损毁|毁损|骗取|滥用|徇私"
                       r"|侵占|挪用|涂改|贪污|受贿|索贿|谋取私利|虚假|冒用|盗用|伤害|侮辱|殴打|体罚|虐待|歧视|报复"
                       # harm done to a thing or to others' work (可以阻挠…, 可以危及…): trainers kept
                       # 1 of 8 such bans turned round in the judged files
                       r"|破坏|损坏|毁坏|损害|危害|危及|阻挠|阻碍|妨碍|干扰|扰乱|堵塞|假冒|哄抢|私分|藏匿|盗窃|抢夺|污染|侵犯|侵害"
                       # acts named by their wrong (允许牟取暴利, 可以散布地震谣言, 可以与宪法…相抵触): of such
                       # bans turned round on the dev sets fresh11–16, trainers discarded 7 and kept none
                       r"|歪曲|丑化|亵渎|暴利|不正当|谣言|随意|倒卖|抵触"
                       # a ban on breaking a rule or on anything of a kind (可以违反国家规定…, 允许任何单位和个人
                       # 扰乱…, 允许使用国家明令淘汰的…): of 20 judged turned round, 3 kept, 13 discarded
                       r"|违反|强行|超标准|淘汰|过度|不良影响|馈赠|任何(?!单位|组织|个人|人|机关|部门|团体|企业|一方)")
_SCOPE = re.compile(r"(?:遵守|适用|执行)本(?:条例|办法|规定|法|细则|制度|准则|决定)$")  # a scope, not a rule
_PUNCT = re.compile(r"[，。；：、“”《》？！]")


@dataclass(frozen=True)
class Rule:
    """A rule's modal clause: the sentence up to the end of that clause, and where the
    modal (with the adverb that goes with it) sits in it."""

    statement: str
    modal: str
    start: int  # of the modal's adverb in ``statement``
    end: int    # after the modal


def rule_questions(b: GeneratorContext) -> None:
    """判断题 on obligations and prohibitions: the rule as written (true) and a ban turned
    round (false); the selection keeps at most one of them."""
    index = list_index(b.doc)
    for sentence in b.doc.sentences:
        rule = rule_of(sentence.text)
        lead = context_of(b.doc, sentence, index) if rule is not None else None
        if rule is not None and not lead and lacks_object(rule.statement):
            # the first of several bans of a thing the sentence before names: 任何单位或者个人不得侵占、冒领，
            # 不得非法冻结… (fresh37: "the statement has no object; it must say the 侨汇收入")
            lead = previous_sentence(b.doc, sentence) or None
        if rule is None or lead is None or _MODAL.search(lead) or len(lead + rule.statement) > MAX_WITH_LEAD:
            continue  # a rule whose subject is not in reach, or an item of a list of rules
        anchor = _anchor(sentence)
        key = f"{b.loc(anchor)}-rule"
        kind = "prohibition" if rule.modal in _PROHIBITIONS else "obligation"
        b.add_judge(f"{key}-true", lead + rule.statement + "。", True, anchor, b.explain(anchor), [kind])
        if kind == "prohibition" and not _UNLAWFUL.search(rule.statement) and (rule.start or lead):
            # a duty turned round (…无须遵守…) is false for anyone; a ban turned round
            # (…可以将印章带出…) is what a newcomer might believe (judged on the train split),
            # unless it binds no one: 禁止牟取暴利 → 允许牟取暴利 is false on its face (trainers
            # kept 5 of 18 judged statements that open with 允许)
            b.add_judge(f"{key}-false", lead + turned(rule) + "。", False, anchor,
                        b.explain(anchor, f"应为“{rule.statement}”。"), [kind, "turned"])


def rule_of(text: str) -> Rule | None:
    """The first modal clause of a sentence that states a whole rule: the sentence up to
    its end (or up to a clause that starts a rule of its own: 更不得, 否则…), not a list's
    lead (不得有下列行为：), not a condition (…不得…的，处…), not a question, short enough."""
    body = strip_markers(text).rstrip("。；;！")
    if "？" in body or "?" in body or body.endswith(("：", ":")) or re.search(r"下列|如下", body):
        return None  # a question, or the lead of a list (…履行下列职责：)
    words = segment.tokens(body)
    starts, ends = {w.start for w in words}, {w.end for w in words}
    for m in _MODAL.finditer(body):
        modal_start = m.end() - len(m.group(1))
        if modal_start not in starts or m.end() not in ends:
            continue  # 应当即返还 is 应 + 当即, 都应当面 is 应 + 当面
        if body.count("《", 0, modal_start) > body.count("》", 0, modal_start) or body[:modal_start].endswith(("将", "把")):
            continue  # a title (《…禁止焚烧…规定》) or a ban named as a task (将禁止焚烧…工作纳入…): no rule here
        if body[:m.start()].endswith(JOINERS):
            continue  # one of two predicates (限制使用或者禁止使用…): turned alone, the pair is nonsense
        clause = _CLAUSE_BREAK.search(body, m.end())
        if body[:clause.start() if clause else len(body)].endswith("的"):
            continue  # a condition (不得转借印章的，予以警告), not a rule
        end = _statement_end(body, m.end())
        statement, tail = body[:end], body[m.end():end]
        if (end > MAX_STATEMENT or len(tail) < 4 or tail.startswith(("是", "的")) or _SCOPE.match(tail) or body[end:end + 1] in "：:" and end < len(body)
                or re.search(r"以下|之一", tail) or statement.endswith("的") or _ATTRIBUTIVE.fullmatch(tail)
                or statement.startswith("其他") or "；" in statement
                or statement.count("“") != statement.count("”")):
            continue
        return Rule(statement, m.group(1), m.start(), m.end())
    return None


def _statement_end(body: str, after: int) -> int:
    """Where a rule's statement ends: at the sentence's end, or before a clause that opens
    a rule or a consequence of its own."""
    for m in _CLAUSE_BREAK.finditer(body, after):
        if _NEW_CLAUSE.match(body, m.end()):
            return m.start()
    return len(body)


def turned(rule: Rule) -> str:
    """The rule with its modal turned round: 采购人员一律不得兼职 → 采购人员可以兼职, 禁止
    参加… → 允许参加…"""
    adverb = rule.statement[rule.start:rule.end - len(rule.modal)]
    word = _TURNED[rule.modal]
    if word == "允许" and rule.start > 0 and _opens_a_predicate(rule.statement[rule.end:]):
        word = "可以"  # 采购人员禁止接受… → 采购人员可以接受…; but …，禁止其他方式的采伐 → …，允许其他方式的采伐
    return rule.statement[:rule.start] + _KEEP_ADVERB.get(adverb, "") + word + rule.statement[rule.end:]


def _opens_a_predicate(text: str) -> bool:
    """``text`` opens with a verb, an adverb or a preposition (接受…, 擅自…, 在…新建…): what
    可以 may come before; a noun phrase (其他方式的采伐) takes 允许."""
    words = [w for w in segment.tokens(text) if w.text.strip()]
    return bool(words) and (words[0].tag.startswith(("v", "d", "p")) and words[0].tag != "vn")


def body_questions(b: GeneratorContext) -> None:
    """单选 on who decides or answers for something (参加商务宴请，必须经过（　　）批准。),
    and the rule with another body of the text in its place, as a false statement."""
    pool = [body for body in bodies(b.doc) if not DESCRIBED.match(body)]
    named = _named_alike(b.doc, pool)
    for sentence in b.doc.sentences:
        if len(sentence.text) > MAX_STEM:
            continue
        for n, (body, start) in enumerate(_roles(sentence), 1):
            if DESCRIBED.match(body):
                continue  # 有关行政管理部门 is neither asked nor offered
            anchor = Phrase(body, "body", sentence.start + start, sentence.start + start + len(body),
                            sentence.index, sentence.section)
            key = f"{b.loc(anchor)}-body{n}"
            same = [p for p in pool if body_kind(p) == body_kind(body) and p not in sentence.text
                    and frozenset((p, body)) not in named]
            picks = _typed_picks(body, same, b.rng(key), named)
            if len(picks) < OPTIONS - 1:
                continue
            stem = sentence.text[:start] + "（　　）" + sentence.text[start + len(body):]
            b.add_choice(f"{key}-choice", stem.rstrip("。；;") + "。", body, picks,
                         anchor, b.explain(anchor), ["body", "distractor::document"])
            swapped = sentence.text[:start] + picks[0] + sentence.text[start + len(body):]
            b.add_judge(f"{key}-judge-false", swapped.rstrip("。；;") + "。", False, anchor,
                        b.explain(anchor, f"应为“{body}”。"), ["body", "turned"])


def _typed_picks(key: str, pool: list[str], rng: random.Random,
                 alike: Collection[frozenset[str]] = frozenset()) -> list[str]:
    """Three of ``pool`` for ``key``, none inside another: the closest in length first, ties
    broken by the seed (names of bodies vary more in length than other answers, and a body
    such as 办公室 is no junk here)."""
    candidates = sorted(set(pool))
    rng.shuffle(candidates)
    candidates.sort(key=lambda c: abs(len(c) - len(key)))
    picks: list[str] = []
    for candidate in candidates:
        if len(picks) < OPTIONS - 1 and distractors.distinct(candidate, key, picks, slack=max(2, len(key) // 2)) \
                and not any(frozenset((candidate, p)) in alike for p in picks) \
                and not any(_same_body(candidate, other) for other in [key, *picks]):  # two names of one body
            picks.append(candidate)
    return picks


# words that place a body without naming another one: 县级以上地方人民政府 and 县级以上人民政府,
# 当地县级以上人民政府 are one level of government
_PLACING = re.compile(r"地方|当地|所在地|各级|本级|同级|有关|相关")


def _same_body(a: str, b: str) -> bool:
    """``a`` and ``b`` name one body but for the words that place it (fresh22/23, held out: a
    false statement with 县级以上人民政府国土资源主管部门 for 县级以上地方人民政府国土资源主管部门
    was judged true in effect); 本级 and 同级 are whatever level the rule's own body is (fresh26:
    本级人民代表大会常务委员会 for 市人民代表大会常务委员会 in a city's rule, judged true)."""
    relative = any(w in a + b for w in ("本级", "同级"))
    a, b = _PLACING.sub("", a), _PLACING.sub("", b)
    if relative:
        a, b = _LEVEL.sub("", a), _LEVEL.sub("", b)
    return a == b


_LEVEL = re.compile(r"^(?:县级以上|设区的市|省|自治区|市|县|区|乡|镇)")


def bodies(doc: Document) -> list[str]:
    """The bodies and roles the text names where it says who does what, in text order."""
    found: dict[str, None] = {}
    for sentence in doc.sentences:
        for body, _ in _roles(sentence):
            found.setdefault(body)
        for m in SUBJECT.finditer(strip_markers(sentence.text)):
            if _one_body(m.group("body")):
                found.setdefault(m.group("body"))
    return list(found)


_ALIAS = re.compile(r"[（(](?:以下简称|以下统称|以下称|下称|统称|简称)[“\"]?([^）)”\"]{2,24})[”\"]?[）)]")


def _named_alike(doc: Document, pool: list[str]) -> set[frozenset[str]]:
    """Pairs of names that may name one body: those of a sentence that gives one of its bodies
    another name (市规划行政主管部门主管本市测绘工作（以下统称市测绘行政主管部门）): swapped for
    each other, a false statement would be true (fresh18, judged wrong)."""
    pairs: set[frozenset[str]] = set()
    for sentence in doc.sentences:
        aliases = _ALIAS.findall(sentence.text)
        if aliases:
            names = {p for p in pool if p in sentence.text} | set(aliases)
            pairs.update(frozenset((a, b)) for a in names for b in names if a != b)
    return pairs


def _roles(sentence: Sentence) -> Iterator[tuple[str, int]]:
    for m in ROLE.finditer(sentence.text):
        body = m.group("body")
        if _one_body(body):
            yield body, m.start("body")


def _one_body(text: str) -> bool:
    """A name of one body or role (保密行政管理部门), not two (档案主管部门和有关机关), nor a
    clause that ends in one (接到投诉的档案主管部门, 具体办法由市…部门)."""
    return (not _PUNCT.search(text) and text.count("（") == text.count("）")
            and not NOT_A_NAME.search(text) and not PLACEHOLDER.fullmatch(text))


def _anchor(sentence: Sentence) -> Phrase:
    return Phrase(sentence.text, "rule", sentence.start, sentence.end, sentence.index, sentence.section)
