"""Objects of governing verbs and prepositions (作出|不立案决定, 按照|审判监督程序),
and what a pivot verb or a decision passes on (通知其|作为第三人参加诉讼, 判决|驳回原告诉请)."""

from __future__ import annotations

from ...lang import chunks, segment
from ...lang.chunks import length
from ...lang.segment import Token
from ..context import MIN_PHRASE, FinderContext, split_at

OBJECT_SCORE = 0.6
WHOLE_OBJECT_SCORE = 0.62  # the object is all its clause says: 按照|损失填补原则
PIVOT_SCORE = 0.65  # 判决|驳回原告诉请, 通知其|作为第三人参加诉讼: what was decided or asked

# Verbs whose object is the thing to remember: 提出|检察意见, 承担|连带责任.
OBJECT_VERBS = frozenset(
    """提出 作出 做出 采取 承担 进行 给予 予以 加以 提起 提请 追究 达成 遵循 申请 负有 负 履行 签订
    订立 属于 视为 适用 请求 施以 处以 判处 构成 违反 违背 遵守 秉持 恪守 具备 享有 行使 丧失 取得
    获得""".split())
# Light verbs whose object is itself a verb: 进行|初步审查, 作出|选择, 进行|释明.
LIGHT_VERBS = frozenset("进行 作出 做出 予以 加以 提出 提请 申请 请求 给予 实行 实施 开展".split())
# Prepositions whose object names a standard, a reason or an addressee.
OBJECT_PREPOSITIONS = frozenset("按照 根据 依照 依据 参照 以 对 对于 向 由 基于 关于 通过 经 因 由于".split())
# Verbs that pass their object on to a second verb: 通知|其|作为第三人参加诉讼.
PIVOT_VERBS = frozenset("通知 要求 告知 责令 命令 允许 使 令 对 向 由 请".split())
# Verbs whose verb object is what was decided: 判决|驳回原告诉请.
DECISION_VERBS = frozenset("判决 裁定 决定 责令 判令".split())
RARE_WORD = 500  # dictionary frequency under which a word is jargon worth asking
_LIGHT_OBJECT_MAX = 6
_NP_OBJECT = (4, 16)


_OBJECT_TRIGGERS = OBJECT_VERBS | LIGHT_VERBS | OBJECT_PREPOSITIONS | PIVOT_VERBS | DECISION_VERBS


def find_objects(ctx: FinderContext) -> None:
    """Objects of governing verbs (作出|裁定, 提出|保全申请, 审查了|涉及用户重要权利的
    相关条款) and of prepositions (按照|审判监督程序, 向|上一级人民检察院)."""
    for sentence in ctx.sentences():
        for clause in ctx.clauses(sentence):
            for i in range(len(clause) - 1):
                tok = clause[i]
                aspect = clause[i + 1].text in chunks.ASPECT and (chunks.is_verbish(tok) or tok.tag == "vn")
                if tok.text not in _OBJECT_TRIGGERS and not aspect:
                    continue
                rest = clause[i + 1:]
                if tok.text in OBJECT_VERBS or tok.text in LIGHT_VERBS:
                    _verb_object(ctx, tok, rest)
                elif tok.text in OBJECT_PREPOSITIONS:
                    _preposition_object(ctx, tok, rest)
                if tok.text in PIVOT_VERBS and rest[0].text == "其" and len(rest) > 2:
                    _pivot(ctx, rest[1:])
                elif tok.text in DECISION_VERBS and chunks.is_verbish(rest[0]):
                    _pivot(ctx, rest)
                if aspect:
                    _object_to_end(ctx, rest[1:])


def _verb_object(ctx: FinderContext, verb: Token, after: list[Token]) -> None:
    if after[0].text in chunks.ASPECT:
        after = after[1:]
    obj = noun_phrase(after)
    if not obj and verb.text in LIGHT_VERBS:
        obj = _verbal_object(after)
    if not obj and after and _is_rare(after[:1]):
        obj = after[:1]
    if not obj:
        return
    text = ctx.text(obj)
    if text.endswith("规定") or ctx.is_background(obj):
        return
    if len(text) >= 3 or _is_rare(obj):
        ctx.add(text, "term", obj[0].start, OBJECT_SCORE)
    elif len(text) == 2 and obj[0].start == verb.end:
        ctx.add(verb.text + text, "term", verb.start, OBJECT_SCORE - 0.1)  # 作出|选择


def _verbal_object(tokens: list[Token]) -> list[Token]:
    """进行|初步审查, 作出|不立案决定: a short verbal object up to the end of the clause."""
    out: list[Token] = []
    for tok in tokens:
        if tok.tag in ("x", "p", "c", "uj", "u") or tok.text in chunks.MODALS:
            break
        out.append(tok)
    return out if out and length(out) <= _LIGHT_OBJECT_MAX and out[-1].tag in ("v", "vn", "n", "un") else []


def _preposition_object(ctx: FinderContext, prep: Token, after: list[Token]) -> None:
    """The object of a preposition: the rest of the clause when the clause is nothing
    more (按照|协议所使用的词句, 因|日常生活中的偶发矛盾纠纷, 对|名为融资租赁合同), which
    is the clause's whole point; else the noun phrase that follows (向|上一级人民检察院|
    提请复核)."""
    rest = chunks.strip_trailing_de(after)
    whole = bool(rest) and (chunks.is_noun_phrase(rest) or _is_whole_clause(rest))
    obj = rest if whole else noun_phrase(after, stop_at_de=prep.text == "关于")
    text = ctx.text(obj)
    if obj and _NP_OBJECT[0] <= len(text) <= _NP_OBJECT[1] and not text.endswith("规定") \
            and not ctx.is_background(obj):
        ctx.add(text, "term", obj[0].start, WHOLE_OBJECT_SCORE if whole else OBJECT_SCORE - 0.05)


def _is_whole_clause(tokens: list[Token]) -> bool:
    """名为融资租赁合同 after 对…: a short rest with no second preposition or modal."""
    return length(tokens) <= 12 and not any(t.tag in ("p", "x") or t.text in chunks.MODALS for t in tokens)


def _pivot(ctx: FinderContext, tokens: list[Token]) -> None:
    """通知其|作为第三人参加诉讼, 对其|永久封禁游戏账号且不予任何退赔: what the
    second verb does, split at 且/并."""
    for part in split_at(tokens, "且") or [tokens]:
        for piece in split_at(part, "并"):
            if MIN_PHRASE <= length(piece) <= 16 and (chunks.is_verbish(piece[0]) or piece[0].tag == "d"):
                ctx.add_clause(piece, PIVOT_SCORE)


def _object_to_end(ctx: FinderContext, tokens: list[Token]) -> None:
    """审查了|涉及用户重要权利的相关条款: a noun phrase that runs to the end of the clause."""
    tokens = chunks.strip_trailing_de(tokens)
    text = ctx.text(tokens)
    if chunks.is_noun_phrase(tokens) and _NP_OBJECT[0] <= len(text) <= _NP_OBJECT[1] and not ctx.is_background(tokens):
        ctx.add(text, "term", tokens[0].start, WHOLE_OBJECT_SCORE)


def noun_phrase(tokens: list[Token], stop_at_de: bool = False) -> list[Token]:
    """The noun phrase at the start of ``tokens``: nouns, with modifiers joined by 的
    (当事人的合同权利), ending on a noun; determiners in front are dropped."""
    tokens = list(tokens)
    while tokens and tokens[0].text in chunks.DETERMINERS:
        tokens = tokens[1:]
    phrase: list[Token] = []
    for i, tok in enumerate(tokens):
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if chunks.is_nounish(tok) or tok.tag in ("a", "m", "q") or (
                tok.tag == "d" and phrase and chunks.is_de(phrase[-1]) and nxt is not None and chunks.is_nounish(nxt)):
            phrase.append(tok)
        elif chunks.is_nominalised(tokens, i) and phrase:
            phrase.append(tok)  # 惩罚性|赔偿|的, 意思表示|解释|的
        elif chunks.is_de(tok) and phrase and not stop_at_de and nxt is not None \
                and (chunks.is_nounish(nxt) or nxt.tag in ("d", "a")):
            phrase.append(tok)
        else:
            break
    while phrase and not (chunks.is_nounish(phrase[-1]) or chunks.is_nominalised(tokens, len(phrase) - 1)):
        phrase.pop()
    return phrase


def _is_rare(tokens: list[Token]) -> bool:
    return len(tokens) == 1 and tokens[0].tag != "un" and 0 < segment.word_frequency(tokens[0].text) < RARE_WORD
