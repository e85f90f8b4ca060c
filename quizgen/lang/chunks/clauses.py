"""What one clause says: its predicate once the connective, subject and modal are gone
(:func:`predicate`), the actor, whether it only names a topic or sets the scene, and a
sentence split into clauses (:func:`split_clauses`)."""

from __future__ import annotations

from ..segment import Token
from .words import (CONNECTIVES, COPULAS, DETERMINERS, GOVERNING_VERBS, MODALS, TOPIC_MARKERS, is_de,
                    is_nounish, is_verbish, joins_nouns, text_of)

def strip_leading(tokens: list[Token], words: frozenset[str]) -> list[Token]:
    i = 0
    while i < len(tokens) and tokens[i].text in words:
        i += 1
    return tokens[i:]


_CLOSING_TAILS = (("的", "其他", "情形"), ("的", "其它", "情形"), ("的", "除外"), ("等",), ("的",), ("之一",))


def strip_trailing_de(tokens: list[Token]) -> list[Token]:
    """…的 / …的除外 / …的其他情形 / …等 at the end of a clause: the clause is a condition
    or an item; the part before it is the content."""
    last = tuple(t.text for t in tokens[-3:])
    for tail in _CLOSING_TAILS:
        if last[len(last) - len(tail):] == tail and len(tail) <= len(last):
            return tokens[: len(tokens) - len(tail)]
    return tokens


def subject_end(tokens: list[Token]) -> int:
    """Index where the predicate begins after a leading noun-phrase subject, or 0 when the
    clause does not start with one (承租人|拒绝受领租赁物, 该约定的违约金|明显过高)."""
    i, seen_noun = 0, False
    while i < len(tokens):
        tok = tokens[i]
        if is_de(tok):
            if not seen_noun and i == 0:
                return 0
            i += 1
            if i < len(tokens):  # the head noun after 的, whatever its tag
                seen_noun = True
                i += 1
            continue
        if _verb_by_aspect(tokens, i):
            break  # 法院重点审查|了…: a verbal noun followed by 了 is the verb
        if tok.text in DETERMINERS or (is_nounish(tok) and tok.text not in GOVERNING_VERBS):
            seen_noun = seen_noun or tok.text not in DETERMINERS
            i += 1
            continue
        if seen_noun and joins_nouns(tokens, i):
            i += 1  # 承租人和出卖人, 有关单位和个人
            continue
        if is_verbish(tok) and i + 2 < len(tokens) and is_de(tokens[i + 1]) and (
                seen_noun or is_nounish(tokens[i + 2])):
            i += 1  # a verb inside a 的-modifier: 权利人发出的通知, 该约定的违约金
            continue
        break
    if not seen_noun or i >= len(tokens):
        return 0
    return i


ASPECT = frozenset("了 着 过".split())


def _verb_by_aspect(tokens: list[Token], i: int) -> bool:
    return tokens[i].tag == "vn" and i + 1 < len(tokens) and tokens[i + 1].text in ASPECT


def predicate(tokens: list[Token]) -> list[Token]:
    """The clause without its connective, subject and modal, and without a trailing 的.
    A copula clause (承租人和出卖人系同一人) keeps its subject: the whole clause is the fact."""
    tokens = strip_leading(tokens, CONNECTIVES)
    if not tokens:
        return []
    cut = subject_end(tokens)
    if cut and tokens[cut].text not in COPULAS:
        tokens = tokens[cut:]
    tokens = strip_leading(tokens, MODALS)
    return strip_trailing_de(tokens)


ACTOR_ENDINGS = ("人", "者", "方", "人员", "机关", "单位", "部门")
_REPORTING_VERBS = frozenset("认为 发现 主张 声称 举报 表示 证明 承认 知道 明知".split())


def strip_actor(tokens: list[Token]) -> list[Token]:
    """承租人|未按照约定支付租金: a short subject naming a party (…人, …者, …机关) goes;
    not before a verb of saying or knowing, where who says it is the point (被害人认为…)."""
    cut = subject_end(tokens)
    if not cut or cut > 2 or not tokens[cut - 1].text.endswith(ACTOR_ENDINGS) or tokens[cut].text in _REPORTING_VERBS:
        return tokens
    if tokens[cut].text in COPULAS:
        return tokens
    return tokens[cut:]


def is_topic(tokens: list[Token]) -> bool:
    """对于…的案件 / 关于… : the clause only names what the sentence is about."""
    tokens = strip_leading(tokens, CONNECTIVES)
    return bool(tokens) and tokens[0].text in TOPIC_MARKERS


SCENE_PREPOSITIONS = frozenset("在 于 自".split())
SCENE_ENDINGS = ("时", "后", "前", "中", "期间")


def is_circumstance(tokens: list[Token]) -> bool:
    """在…时 / 在…后 / 因…: a clause that sets the scene rather than says the thing."""
    cut = subject_end(tokens)
    rest = tokens[cut:] if cut else tokens
    return bool(rest) and (sets_scene(rest) or rest[0].text in TOPIC_MARKERS)


def sets_scene(tokens: list[Token]) -> bool:
    """在重大决策前, 于…时: a prepositional phrase of time or place, nothing more."""
    return bool(tokens) and tokens[0].text in SCENE_PREPOSITIONS and text_of(tokens).endswith(SCENE_ENDINGS)


CLAUSE_STOPS = frozenset("，；：。！？,;:!?")


def split_clauses(tokens: list[Token], stops: frozenset[str] = CLAUSE_STOPS) -> list[list[Token]]:
    """Tokens of a sentence -> clauses (runs between the given punctuation)."""
    clauses: list[list[Token]] = []
    clause: list[Token] = []
    for tok in tokens:
        if tok.tag == "x" and tok.text in stops:
            if clause:
                clauses.append(clause)
                clause = []
        else:
            clause.append(tok)
    if clause:
        clauses.append(clause)
    return clauses
