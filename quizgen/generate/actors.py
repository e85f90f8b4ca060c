"""Who a rule binds, when its sentence does not say: 因突发事故不能提前通知的，应当在抢修的同时
通知用户 (who must?) follows 二次供水设施管理单位应当提前二十四小时通知用户 in its article,
and a regulation leaves out the actor it has just named. Out of its article the rule says
nothing a learner can check, so the item names the actor again where the text left it
out: 因突发事故不能提前通知的，二次供水设施管理单位应当在抢修的同时通知用户。

:func:`lacks_actor` tells a rule whose main clause opens with its modal and no actor
before it; :func:`carried_actor` finds the actor in the sentences before it in the same
article (the nearest that names one); :func:`with_actor` writes it into an item's text.
Only a body or a person binds (经营者, 县级人民政府, 申请人): a thing (厂商建议零售价发生变动时)
is no actor.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..lang import segment
from ..lang.bodies import ORGAN, PERSON
from ..lang.markers import ARTICLE_MARKER, strip_markers
from ..model import Document, Sentence

MAX_ACTOR = 20  # characters of an actor's name
LOOK_BACK = 3  # sentences of the same article an actor is carried over

# the modal a rule's main clause opens with, with the adverbs that may go before it
_ADVERB = r"(?:均|都|也|还|并|一律|同时|另行|及时)?"
# 严禁, 禁止 bind everyone (严禁任何单位和个人…): a ban with no actor names none
_MODAL = r"(?:应当|应(?![对用急届有该是])|必须|须(?!知)|不得|可以|有权|无须)"  # 无须: a duty turned round
MAIN_MODAL = re.compile(rf"{_ADVERB}{_MODAL}")
# a clause that sets a condition or a circumstance: it names no actor of the main clause
# unless it opens with one (经营者销售商品时，应当明码标价: the seller must)
_CONDITION_END = re.compile(r"(?:的|时|后|前|期间|之日起|以上|以下|中)$")
_PREPOSITION = re.compile(r"^(?:对于?|因为?|由于|在|凡|经|如|如果|若|为了?|按照|根据|依照|依据|除|自|从|当|于|遇有|发生|与|就|基于|针对)")
_CLAUSE = re.compile(r"[^，,；;：:]+")
# the last word of a body's or a person's name: 二次供水设施管理单位, 县（市、区）人民政府,
# 经营者, 申请人, 用人单位, 任何单位和个人
_PARTY = r"双方|[甲乙丙]方|委托方|受托方|承包方|发包方|出租方|承租方|[一各]方|对方|另一方"
_BODY_OR_PERSON = rf"{PERSON}|{ORGAN}|所|者|个人|(?<!个)人(?![民员])|人员"
_HEAD = re.compile(rf"(?P<party>{_PARTY})|{_BODY_OR_PERSON}")
_ENDS_WITH_HEAD = re.compile(rf"(?:{_PARTY}|{_BODY_OR_PERSON})$")
_ENDS_WITH_ORGAN = re.compile(rf"{ORGAN}$")
# what a court or an authority does (认定, 视为, 裁定…): no party's duty, whatever the article named before
_JUDGEMENT = re.compile(r"^[^，；]{0,24}?(?:认定|认为|视为|判决|裁定|驳回|予以支持|不予支持|确认|受理|审理)")
# words a name does not hold: a preposition, a particle, a reference (the 被 of 被检查单位 aside)
_NOT_IN_NAME = frozenset({"的", "由", "向", "经", "对", "在", "将", "把", "其", "该", "本", "前款", "上述", "发现",
                          "具体", "因", "为", "应", "可", "须", "未", "已"})
_JOINS = frozenset({"和", "与", "及", "或者", "以及", "或"})  # 任何单位和个人, 用人单位与劳动者
_PRONOUN_ACTORS = frozenset({"个人", "他人", "本人", "任何人", "有关人员", "其他人员", "当事人双方", "组织"})


@lru_cache(maxsize=4096)  # every item of a sentence asks: once per sentence
def lacks_actor(text: str) -> bool:
    """The sentence states a rule (a modal opens its main clause) and names no actor: no
    clause before the modal opens with a body or a person. 对申请复验的，必须自…作出决定 lacks
    one; 所在地口岸药品监督管理局收到报告书后，应当… and 经营者应当… do not."""
    body = strip_markers(text)
    for clause in _CLAUSE.finditer(body):
        words = clause.group().strip()
        if MAIN_MODAL.match(words):
            return True
        if _ENDS_WITH_HEAD.search(words):
            return False  # 在…机构中从事司法鉴定工作的专业技术人员，必须…: the clause is the actor
        if _opens_with_actor(words) or not _is_circumstance(words) or _opens_with_noun(words):
            return False  # 辅警非履行职责期间，可以…: whoever the clause opens with may be the actor
    return False


def _opens_with_noun(clause: str) -> bool:
    words = segment.tokens(clause[:8])
    return bool(words) and (words[0].tag[:1] == "n" or words[0].tag in ("j", "un", "eng"))  # 辅警 is un


def _is_circumstance(clause: str) -> bool:
    return bool(_CONDITION_END.search(clause) or _opens_with_preposition(clause))


def _opens_with_preposition(clause: str) -> bool:
    """The clause opens with a preposition as a word of its own: 因突发事故…, 对申请复验的; not the
    就 of 就业有困难的随军配偶, the 经 of 经营者, the 当 of 当事人."""
    m = _PREPOSITION.match(clause)
    if m is None:
        return False
    words = segment.tokens(clause[:8])
    return bool(words) and words[0].text == m.group()


def _opens_with_actor(clause: str) -> bool:
    return actor_at(clause) is not None


def actor_at(clause: str) -> str | None:
    """The body or person a clause opens with (二次供水设施管理单位应当… → 二次供水设施管理单位),
    or None: the longest name of at most :data:`MAX_ACTOR` characters that ends with the word
    of a body or a person (a whole noun: not the 用人 of 用人单位, not the verb 组织) and is
    followed by what it does."""
    words = segment.tokens(clause[:MAX_ACTOR + 8])
    nouns = {w.end for w in words if _nominal(w)}
    # a name ends where no noun follows: not the 市人大常委会人 of 市人大常委会人代工委
    continued = {w.start for w in words if _nominal(w) or w.tag == "q"}
    found = None
    for head in _HEAD.finditer(clause, 0, MAX_ACTOR + 1):
        name, rest = clause[:head.end()], clause[head.end():]
        whole = head.group("party") or (head.end() in nouns and head.end() not in continued)
        if (len(name) >= 2 and rest and rest[0] not in "、的和与或及等之（(" and whole and not _modifies(rest)
                and _is_name([w for w in words if w.end <= head.end()], name, bool(head.group("party")))):
            found = name
    return found


def _modifies(rest: str) -> bool:
    """What follows a name makes it part of a longer one: 沿海县级以上地方人民政府|指定的当地…
    媒体应当… (the media must, not the government): a 的 inside the words before the clause's
    modal, which do not end as a circumstance does (经营者在销售商品的过程中，… stays the seller's)."""
    modal = MAIN_MODAL.search(rest)
    before = rest[:modal.start()] if modal else rest
    return "的" in before[:-1] and not _CONDITION_END.search(before)


def _nominal(word: segment.Token) -> bool:
    return word.tag[:1] == "n" or word.tag in ("j", "un")


def _is_name(words: list[segment.Token], text: str, party: bool) -> bool:
    if text in _PRONOUN_ACTORS or text.count("（") != text.count("）") or not words:
        return False
    if words[0].tag == "v" and not party:
        return False  # 列入常务委员会会议议程的…: a verb and its object
    for n, w in enumerate(words):
        if MAIN_MODAL.fullmatch(w.text) or w.text in ("负责", "应当"):
            return False  # 建设单位应当与河湖管理机构…: a rule, not a name
        if n and w.text in _JOINS:
            continue
        if w.text in _NOT_IN_NAME or (w.tag in ("p", "u", "r", "c") and not (n == 0 and w.text in ("被", "任何"))):
            return False
    return True


@lru_cache(maxsize=4096)
def actor_of(text: str) -> str | None:
    """The actor a sentence names: the body or person its first clause opens with, or the
    first clause after the circumstances it opens with (所在地口岸药品监督管理局收到…后，应当
    及时… → 所在地口岸药品监督管理局)."""
    body = strip_markers(text)
    for clause in _CLAUSE.finditer(body):
        words = clause.group().strip()
        found = actor_at(words)
        if found is not None:
            return found
        if not _is_circumstance(words):
            return None
    return None


def carried_actor(doc: Document, sentence: Sentence) -> str | None:
    """The actor of the nearest sentence before ``sentence`` in the same article that names
    one, or None: at most :data:`LOOK_BACK` sentences back, never across an article's number
    or a section's heading."""
    if ARTICLE_MARKER.match(sentence.text):
        return None  # the article opens with this rule
    for index in range(sentence.index - 1, max(-1, sentence.index - 1 - LOOK_BACK), -1):
        before = doc.sentences[index]
        if before.section != sentence.section:
            return None
        found = actor_of(before.text)
        if found is not None:
            return None if _judges(sentence.text) and not _ENDS_WITH_ORGAN.search(found) else found
        if ARTICLE_MARKER.match(before.text):
            return None
    return None


def _judges(text: str) -> bool:
    """The rule's main clause is a court's or an authority's finding (…的，应当认定为…)."""
    body = strip_markers(text)
    for clause in _CLAUSE.finditer(body):
        m = MAIN_MODAL.match(clause.group().strip())
        if m:
            return bool(_JUDGEMENT.match(clause.group().strip()[m.end():]))
    return False


def with_actor(text: str, actor: str) -> str | None:
    """``text`` (a stem, a statement, a cloze note's text) with ``actor`` written before the
    modal that opens its main clause, or None when that modal is not shown as a whole clause
    outside a blank."""
    masked = _MARKUP.sub(lambda m: _MASK * len(m.group()), text)  # {{c1::…}} holds colons
    for clause in _CLAUSE.finditer(masked):
        words = clause.group()
        lead = len(words) - len(words.lstrip())
        if MAIN_MODAL.match(words, lead):
            at = clause.start() + lead
            return None if _inside_blank(text, at) else text[:at] + actor + text[at:]
        shown = strip_markers(words.replace(_MASK, "").strip())
        if "（　　）" not in shown and _opens_with_actor(shown) or not _is_circumstance(shown):
            return None
    return None


_MARKUP = re.compile(r"\{\{c\d+::|\}\}")
_MASK = "\x01"


def _inside_blank(text: str, at: int) -> bool:
    return text.rfind("{{", 0, at) > text.rfind("}}", 0, at)
