"""Key-phrase finders that read a sentence clause by clause: the shapes regulations,
court cases and office articles share.

- lists anywhere (A、B和C等D; A或者B; 合理且必要): the items are a sibling set, the
  whole list and the category after 等 are phrases of their own;
- clause predicates without subject, modal and closing 的 (人民法院|不予支持), short
  clauses and the two sides of an exception (但…或者…的除外);
- objects of governing verbs and prepositions (作出|不立案决定, 按照|审判监督程序,
  以…为由), 是…的 statements;
- law references (民法典第七百三十五条) grouped by law, contrast pairs (应予支持/不予支持,
  善意提交/恶意提交), domain terms (noun compounds that recur, rare dictionary words).

Each finder is linear in the text: it looks at one clause (or one sentence) at a time,
and pairs are found through an index, never by comparing every phrase with every other.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING

from ..lang import chunks, segment
from ..lang.chunks import length
from ..lang.numerals import CN_NUM_CHARS
from ..lang.segment import Token

if TYPE_CHECKING:
    from .phrases import _Ctx

LIST_SCORE = 0.78
CLAUSE_SCORE = 0.45
SHORT_CLAUSE_SCORE = 0.62  # 从轻处罚, 不计入上述期限: a short predicate is the rule's point
_SHORT_CLAUSE = 10
OBJECT_SCORE = 0.6
WHOLE_OBJECT_SCORE = 0.62  # the object is all its clause says: 按照|损失填补原则
EXCEPTION_SCORE = 0.65  # 但…的除外: each case of the exception
PIVOT_SCORE = 0.65  # 判决|驳回原告诉请, 通知其|作为第三人参加诉讼: what was decided or asked
LAW_SCORE = 0.82
CONTRAST_SCORE = 0.7

_MIN_PHRASE, _MAX_CLAUSE = 4, 24
_SUBJECT_ALLOWANCE = 12  # a clause longer than this plus the longest predicate has none to ask


# --- lists ---------------------------------------------------------------------------


_CONJUNCTION_CHARS = re.compile("[和与及或且]")


def find_lists(ctx: _Ctx) -> None:
    """Every 、-list and every pair joined by a conjunction, in every clause."""
    seen: set[tuple[str, ...]] = set()
    for sentence in ctx.sentences():
        text, base = sentence.text, sentence.start
        if "、" not in text and not _CONJUNCTION_CHARS.search(text):
            continue
        for clause in ctx.clauses(sentence):
            begin, end = clause[0].start - base, clause[-1].end - base
            matches = chunks.find_lists(clause) if text.find("、", begin, end) >= 0 else []
            after = [t for t in clause if t.start >= matches[-1].whole.end] if matches else clause
            if after and _CONJUNCTION_CHARS.search(text, after[0].start - base, end) \
                    and text.find("、", after[0].start - base, end) < 0:
                pair = chunks.find_pair(after)
                matches += [pair] if pair else []
            for match in matches:
                _add_list(ctx, match, clause, seen)


_SHORT_ITEMS = 3.5  # mean length under which a list is learnt whole: 婚恋、家庭、邻里、债务


def _add_list(ctx: _Ctx, match: chunks.ListMatch, clause: list[Token], seen: set[tuple[str, ...]]) -> None:
    """The items, and the list as a whole: a list of short words (删除、屏蔽、断开链接, 评估
    或者拍卖) is asked whole before its items, a list of phrases item by item."""
    texts = tuple(item.text for item in match.items)
    short = sum(map(len, texts)) / len(texts) <= _SHORT_ITEMS
    item_score = LIST_SCORE - (0.1 if len(texts) == 2 else 0)
    members = [ctx.add(item.text, "enumeration", item.start, item_score) for item in match.items]
    if match.whole.text not in texts:
        ctx.add(match.whole.text, "enumeration", match.whole.start, item_score + (0.02 if short else -0.06))
    if match.category is not None and len(match.category.text) >= 3:
        ctx.add(match.category.text, "term", match.category.start, OBJECT_SCORE)
    if texts in seen:
        return
    seen.add(texts)
    label = ctx.text(chunks.strip_leading(match.lead, chunks.CONNECTIVES)) or ctx.text(clause)
    ctx.group("enumeration", members, label=label)


# --- clause predicates, exceptions ---------------------------------------------------


def find_clause_phrases(ctx: _Ctx) -> None:
    """The predicate of every clause (subject, modal, connective and closing 的 gone),
    when it is of a size to learn."""
    for sentence in ctx.sentences():
        for clause in ctx.clauses(sentence):
            if length(clause) > _MAX_CLAUSE + _SUBJECT_ALLOWANCE or chunks.is_topic(clause):
                continue
            core = chunks.predicate(clause)
            if not core or (core[0].text in OBJECT_PREPOSITIONS and chunks.is_noun_phrase(core[1:])):
                continue  # a bare prepositional phrase: its object is the phrase
            text = ctx.text(core)
            if chunks.sets_scene(core) or core[0].text in _FRAGMENT_OPENERS or chunks.QUESTION_WORDS.search(text):
                continue  # 在重大决策前, 就是重点, 哪些工作是次要: no statement of its own
            if _MIN_PHRASE <= length(core) <= _MAX_CLAUSE:
                _add_clause(ctx, core)


def _add_clause(ctx: _Ctx, tokens: list[Token], score: float = CLAUSE_SCORE) -> None:
    text = ctx.text(tokens)
    if tokens[0].tag in ("u", "uj", "ul", "x", "c") or tokens[0].text in chunks.CATCH_ALL:
        return
    if ctx.is_background(tokens):
        return
    if score == CLAUSE_SCORE and len(text) <= _SHORT_CLAUSE:
        score = SHORT_CLAUSE_SCORE
    ctx.add(text, "clause", tokens[0].start, score)


# Words that open the tail of a statement, not a statement: 就是重点, 也往往因时而异.
_FRAGMENT_OPENERS = frozenset("就 就是 也 才 都 还 又 便 即 是 则 而 更 越 往往 要".split())


_EXCEPTION = re.compile(r"但(?:是)?(.{4,60}?)的除外")


def find_exceptions(ctx: _Ctx) -> None:
    """但矛盾系由被害人故意引发或者被害人对矛盾激化负有主要责任的除外: each case of
    the exception (split at 或者 and at commas) is a phrase."""
    for sentence in ctx.sentences():
        for m in _EXCEPTION.finditer(sentence.text):
            start = sentence.start + m.start(1)
            tokens = [t for t in ctx.tokens(sentence) if start <= t.start and t.end <= sentence.start + m.end(1)]
            for clause in chunks.split_clauses(tokens):
                for part in _split_at(clause, "或者"):
                    part = chunks.strip_leading(part, chunks.CONNECTIVES)
                    if part and _MIN_PHRASE <= length(part) <= _MAX_CLAUSE:
                        _add_clause(ctx, part, EXCEPTION_SCORE)


def _split_at(tokens: list[Token], word: str) -> list[list[Token]]:
    parts: list[list[Token]] = [[]]
    for tok in tokens:
        if tok.text == word:
            parts.append([])
        else:
            parts[-1].append(tok)
    return [p for p in parts if p]


# --- objects -------------------------------------------------------------------------

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
_RARE_WORD = 500  # dictionary frequency under which a word is jargon worth asking
_LIGHT_OBJECT_MAX = 6
_NP_OBJECT = (4, 16)


_OBJECT_TRIGGERS = OBJECT_VERBS | LIGHT_VERBS | OBJECT_PREPOSITIONS | PIVOT_VERBS | DECISION_VERBS


def find_objects(ctx: _Ctx) -> None:
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


def _verb_object(ctx: _Ctx, verb: Token, after: list[Token]) -> None:
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


def _preposition_object(ctx: _Ctx, prep: Token, after: list[Token]) -> None:
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


def _pivot(ctx: _Ctx, tokens: list[Token]) -> None:
    """通知其|作为第三人参加诉讼, 对其|永久封禁游戏账号且不予任何退赔: what the
    second verb does, split at 且/并."""
    for part in _split_at(tokens, "且") or [tokens]:
        for piece in _split_at(part, "并"):
            if _MIN_PHRASE <= length(piece) <= 16 and (chunks.is_verbish(piece[0]) or piece[0].tag == "d"):
                _add_clause(ctx, piece, PIVOT_SCORE)


def _object_to_end(ctx: _Ctx, tokens: list[Token]) -> None:
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
    return len(tokens) == 1 and tokens[0].tag != "un" and 0 < segment.word_frequency(tokens[0].text) < _RARE_WORD


_REASON = re.compile(r"以([^，。；：以]{2,24}?)为(?:由|基础|准|限|标准|依据|前提|条件|原则)")
_CAUSE = re.compile(r"(?:因|由于)([^，。；：]{2,16}?)(?:导致|致使|造成|致)([^，。；：]{2,24})")
_SEQUENCE = re.compile(r"先([^，。；：、]{1,12})[，、]\s*(?:再|后|然后)([^，。；：]{1,10})")
_IS_DEFINED = re.compile(r"为([^，。；：为]{4,30})(?=[。；])")
_CLAUSE_START = re.compile(r"[，。；：]")


def find_patterns(ctx: _Ctx) -> None:
    """以X为由/为基础 (X), 因X致使Y (X and what Y says), 先X，再Y (the whole sequence),
    and X为Y closing a sentence (Y defines X: 损失赔偿范围为…的差额)."""
    for sentence in ctx.sentences():
        text, base = sentence.text, sentence.start
        for m in _REASON.finditer(text):
            ctx.add(m.group(1), "term", base + m.start(1), OBJECT_SCORE + 0.05)
        for m in _CAUSE.finditer(text):
            _add_span_clause(ctx, sentence, base + m.start(1), base + m.end(1), CLAUSE_SCORE)
            _add_span_clause(ctx, sentence, base + m.start(2), base + m.end(2), CLAUSE_SCORE, actor=True)
        for m in _SEQUENCE.finditer(text):
            ctx.add(m.group()[: m.end(2) - m.start()], "parallel", base + m.start(), CLAUSE_SCORE + 0.15)
        for m in _IS_DEFINED.finditer(text):
            _definition(ctx, sentence, m)


def _definition(ctx: _Ctx, sentence, m: re.Match) -> None:
    """X为Y at the end of a sentence, X a noun phrase of its clause: Y defines X."""
    clause_start = max((c.end() for c in _CLAUSE_START.finditer(sentence.text, 0, m.start())), default=0)
    if not 2 <= m.start() - clause_start <= 14:
        return
    subject = [t for t in ctx.tokens(sentence) if sentence.start + clause_start <= t.start < sentence.start + m.start()]
    if subject and chunks.is_nounish(subject[-1]) and subject[-1].end == sentence.start + m.start():
        ctx.add(m.group(1), "definition", sentence.start + m.start(1))


def _add_span_clause(ctx: _Ctx, sentence, start: int, end: int, score: float, actor: bool = False) -> None:
    tokens = [t for t in ctx.tokens(sentence) if start <= t.start and t.end <= end]
    if actor:
        tokens = chunks.strip_actor(tokens)
    tokens = chunks.strip_trailing_de(tokens)
    if tokens and _MIN_PHRASE <= length(tokens) <= _MAX_CLAUSE:
        _add_clause(ctx, tokens, score)


_EMPHASIS = re.compile(r"是([^，。；！？“”]{4,20}?)的(?=[，。；！？]|$)")


def find_emphasis(ctx: _Ctx) -> None:
    """脚本游戏的行为是按照程序固有逻辑执行的: what sits between 是 and 的."""
    for sentence in ctx.sentences():
        for m in _EMPHASIS.finditer(sentence.text):
            text = m.group(1)
            if not ctx.is_background(text):
                ctx.add(text, "clause", sentence.start + m.start(1), SHORT_CLAUSE_SCORE)


# --- law references ------------------------------------------------------------------

_ARTICLE = rf"第[{CN_NUM_CHARS}\d]+条"
_LAW_REFERENCE = re.compile(rf"(?:》|法典|法|条例|规定|办法|解释)(?=第)({_ARTICLE})((?:[、和及]{_ARTICLE})*)")
_LAW_NAME_END = ("法典", "法", "条例", "规定", "办法", "解释")


def find_law_references(ctx: _Ctx) -> None:
    """民法典第七百三十五条, 刑法第二百九十三条 (without 第一款第一项): one phrase each;
    the distinct articles cited of one law are a sibling set (第七百四十四条、第七百四十七条
    counts the bare second one in)."""
    by_law: dict[str, list] = {}
    for sentence in ctx.sentences():
        if "条" not in sentence.text:
            continue
        for m in _LAW_REFERENCE.finditer(sentence.text):
            name = _law_name(ctx, sentence, sentence.start + m.start(1))
            if not name:
                continue
            start = sentence.start + m.start(1) - len(name)
            phrase = ctx.add(name + m.group(1), "term", start, LAW_SCORE)
            refs = by_law.setdefault(name, [])
            if phrase is not None:
                refs.append(phrase)
            refs.extend(_bare_articles(ctx, sentence.start + m.start(2), m.group(2)))
    for name, refs in by_law.items():
        distinct = list({p.text: p for p in refs}.values())
        if 2 <= len(distinct) <= 12:
            ctx.group("references", distinct, label=name)


def _law_name(ctx: _Ctx, sentence, end: int) -> str:
    """The law's name ending at ``end``: a 《title》, or the dictionary word(s) right
    before 第…条 ending in 法 (民法典, 刑法, 国家赔偿法), never a longer run of prose
    (根据民法典)."""
    text = ctx.doc.text
    if text[end - 1] == "》":
        opening = text.rfind("《", max(sentence.start, end - 42), end)
        return text[opening:end] if opening >= 0 else ""
    before = [t for t in ctx.tokens(sentence) if t.end <= end][-2:]
    if not before or before[-1].end != end or not before[-1].text.endswith(_LAW_NAME_END):
        return ""
    name = before[-1].text
    if len(name) <= 3 and len(before) == 2 and chunks.is_nounish(before[0]) and before[0].tag != "p":
        name = before[0].text + name  # 国家|赔偿法
    return name if len(name) >= 2 else ""


def _bare_articles(ctx: _Ctx, start: int, text: str) -> list:
    from ..model import Phrase

    found = []
    for m in re.finditer(_ARTICLE, text):
        offset = start + m.start()
        sentence = ctx.sentence_index(offset)
        found.append(Phrase(m.group(), "term", offset, offset + len(m.group()), sentence,
                            ctx.section_index(offset), LAW_SCORE))
    return found


# --- contrasts -----------------------------------------------------------------------

# Words that flip a phrase into its opposite, by pair and side: 应予支持/不予支持.
ANTONYMS = {
    "应予": ("予", True), "予以": ("予", True), "不予": ("予", False), "善意": ("意", True),
    "恶意": ("意", False), "已经": ("终", True), "尚未": ("终", False), "有效": ("效", True),
    "无效": ("效", False), "合法": ("法", True), "违法": ("法", False), "非法": ("法", False),
    "故意": ("故", True), "过失": ("故", False), "作为": ("为", True), "不作为": ("为", False),
}
NEGATIONS = frozenset("不 未 非 无 没有".split())


def find_contrasts(ctx: _Ctx) -> None:
    """Pairs of opposite phrases anywhere in the text: 立案决定/不立案决定, 应予支持/
    不予支持, 约定明确/约定不明确, 善意提交/恶意提交. The flipped forms are few, so they
    are collected first; the plain forms are then looked up by key, word pair by word pair."""
    flips: dict[tuple, dict[bool, tuple[int, str]]] = {}
    negated: dict[tuple[str, str], tuple[int, str]] = {}
    sentences = ctx.sentences()
    for sentence in sentences:
        for key, positive, start, text in _flipped_units(ctx.tokens(sentence)):
            if key[0] == "neg":
                negated.setdefault(key[1:], (start, text))
            else:
                flips.setdefault(key, {}).setdefault(positive, (start, text))
    plain: dict[tuple[str, str], tuple[int, str]] = {}
    if negated:
        for sentence in sentences:
            words = ctx.tokens(sentence)
            for i in range(len(words) - 1):
                pair = (words[i].text, words[i + 1].text)
                if pair in negated and pair not in plain and (i == 0 or words[i - 1].text not in NEGATIONS):
                    plain[pair] = (words[i].start, pair[0] + pair[1])
    sides = [(plain[key], negated[key]) for key in negated if key in plain]
    sides += [(found[True], found[False]) for found in flips.values() if len(found) == 2]
    for pair in sides:
        members = [ctx.add(text, "term", start, CONTRAST_SCORE) for start, text in pair]
        ctx.group("contrast", members, label="/".join(text for _, text in pair))


def _flipped_units(tokens: list[Token]):
    """(key, positive?, start, text) where a flipping word stands: an antonym (应予/不予)
    or a negation inside or before a word pair (不立案决定, 约定不明确)."""
    for i, tok in enumerate(tokens[:-1]):
        if tok.text in ANTONYMS:
            nxt = tokens[i + 1]
            if _content(nxt):
                pair, positive = ANTONYMS[tok.text]
                yield ("flip", pair, nxt.text), positive, tok.start, tok.text + nxt.text
        elif tok.text in NEGATIONS and i + 2 < len(tokens):
            nxt, after = tokens[i + 1], tokens[i + 2]
            if _content(nxt) and _content(after):
                yield ("neg", nxt.text, after.text), False, tok.start, tok.text + nxt.text + after.text
            if i and _content(tokens[i - 1]) and _content(nxt) and _ends_clause(tokens, i + 2):
                before = tokens[i - 1]
                yield ("neg", before.text, nxt.text), False, before.start, before.text + tok.text + nxt.text


def _ends_clause(tokens: list[Token], i: int) -> bool:
    """约定不明确|，: nothing, punctuation or 的 follows (unlike 作出不立案|决定)."""
    return i >= len(tokens) or tokens[i].tag == "x" or chunks.is_de(tokens[i])


def _content(tok: Token) -> bool:
    return len(tok.text) >= 2 and tok.tag not in ("x", "m", "p", "c", "u", "uj", "r") \
        and tok.text not in NEGATIONS and tok.text not in ANTONYMS


# --- terms ---------------------------------------------------------------------------


# Heads that make a two-word compound a term even when it occurs once (合理|期限).
TERM_HEADS = frozenset(
    """期限 期间 责任 措施 原则 程序 证据 义务 权利 关系 制度 标准 范围 条件 方式 机关 部门 文件 协议
    合同 意见 决定 赔偿 损失 利益 费用 价值 规则 行为 罪 案件 纠纷 事实 情节 后果 秩序 条款 规范
    要件 时效 效力 主体 对象 内容 程度 数额 金额 比例 价格 收益 功能 属性 性质""".split())


def find_compound_terms(ctx: _Ctx) -> None:
    """Noun compounds of two or more words that recur in the text (融资租赁法律关系,
    控告检察部门, 行驶距离) or end on a term head (合理期限, 侦查监督部门), minus leading
    words that are everywhere in it (人民检察院|侦查监督部门); and rare dictionary
    words (释明, 残值, 转送), which are jargon."""
    counts: Counter[str] = Counter()
    first: dict[str, list[Token]] = {}
    headed: set[str] = set()
    for sentence in ctx.sentences():
        tokens = ctx.tokens(sentence)
        known = _WORD_CODES.get
        codes = "".join([known(t.text) or _word_code(t) for t in tokens])
        for m in _COMPOUND.finditer(codes):
            run = _drop_background_head(ctx, tokens[m.start():m.end()])
            for part in _compound_parts(run, codes[m.end() - len(run):m.end()]):
                text = ctx.text(part)
                if 4 <= len(text) <= 12:
                    counts[text] += 1
                    first.setdefault(text, part)
                    if part[-1].text in TERM_HEADS:
                        headed.add(text)
        for m in _JARGON.finditer(codes):
            tok = tokens[m.start()]
            counts[tok.text] += 1
            first.setdefault(tok.text, [tok])
            headed.add(tok.text)
    for text, n in counts.items():
        if (n >= 2 or text in headed) and not ctx.is_background(first[text]):
            ctx.add(text, "term", first[text][0].start, OBJECT_SCORE - (0.1 if len(text) <= 3 else 0))


def _compound_parts(run: list[Token], codes: str) -> list[list[Token]]:
    """A compound and, when it has three words or more, itself without its last or its
    first word or both: 弘扬|社会主义核心价值观|角度 counts for 社会主义核心价值观 too."""
    parts = [run]
    if len(run) >= 3:
        if codes[-2] in "NJ":
            parts.append(run[:-1])
        if codes[1] in "NJA":
            parts.append(run[1:])
        if len(run) >= 4 and codes[1] in "NJA" and codes[-2] in "NJ":
            parts.append(run[1:-1])
    return parts


# One letter per word for the compound pattern: N noun (J a rare one: jargon), A
# adjective, F localizer or distinguishing word (inside only), V verb (inside before a
# noun, 产权|调换|房屋, or opening a verb-noun pair, 行驶|距离), R a verb that is rare
# jargon, O anything else.
_COMPOUND = re.compile("[VR][NJ](?![NJAFVR])|[NJA](?:[NJAF]|[VR](?=[NJ]))*[NJ]")
_JARGON = re.compile("[JR]")
_CODE_OF_TAG = dict.fromkeys("n nr ns nt nz nrt nrfg vn an s j l i g ng un".split(), "N")
_CODE_OF_TAG.update(dict.fromkeys("f b".split(), "F"))
_CODE_OF_TAG.update({"a": "A", "v": "V"})
_RUN_EXCLUDED = chunks.DETERMINERS | OBJECT_PREPOSITIONS | chunks.GOVERNING_VERBS | chunks.MODALS
_JARGON_TAGS = frozenset(("n", "v", "vn", "nz"))
_WORD_CODES: dict[str, str] = {}


def _word_code(tok: Token) -> str:
    """The letter of one word (memoised: a word's tag is its dictionary's)."""
    code = _WORD_CODES.get(tok.text)
    if code is None:
        code = _WORD_CODES[tok.text] = _code(tok)
    return code


def _code(tok: Token) -> str:
    if tok.text in _RUN_EXCLUDED or (tok.tag == "un" and "某" in tok.text):
        return "O"
    code = _CODE_OF_TAG.get(tok.tag, "O")
    if tok.tag in _JARGON_TAGS and len(tok.text) >= 2 and tok.tag != "un" and \
            0 < segment.word_frequency(tok.text) < _RARE_WORD:
        return "R" if code == "V" else "J"
    return code


def _drop_background_head(ctx: _Ctx, run: list[Token]) -> list[Token]:
    """人民检察院|侦查监督部门: a party named everywhere in the text is no part of the term."""
    while len(run) > 2 and run[0].text in ctx.background and run[0].text.endswith(_PARTY_ENDINGS):
        run = run[1:]
    return run


_PARTY_ENDINGS = (*chunks.ACTOR_ENDINGS, "院")
