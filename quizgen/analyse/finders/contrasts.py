"""Contrasts: pairs of opposite phrases anywhere in the text (应予支持/不予支持,
立案决定/不立案决定, 善意提交/恶意提交)."""

from __future__ import annotations

from collections.abc import Iterator

from ...lang import chunks
from ...lang.segment import Token
from ..context import FinderContext

CONTRAST_SCORE = 0.7

# Words that flip a phrase into its opposite, by pair and side: 应予支持/不予支持.
ANTONYMS = {
    "应予": ("予", True), "予以": ("予", True), "不予": ("予", False), "善意": ("意", True),
    "恶意": ("意", False), "已经": ("终", True), "尚未": ("终", False), "有效": ("效", True),
    "无效": ("效", False), "合法": ("法", True), "违法": ("法", False), "非法": ("法", False),
    "故意": ("故", True), "过失": ("故", False), "作为": ("为", True), "不作为": ("为", False),
}
NEGATIONS = frozenset("不 未 非 无 没有".split())


def find_contrasts(ctx: FinderContext) -> None:
    """Pairs of opposite phrases anywhere in the text: 立案决定/不立案决定, 应予支持/
    不予支持, 约定明确/约定不明确, 善意提交/恶意提交. The flipped forms are few, so they
    are collected first; the plain forms are then looked up by key, word pair by word pair."""
    flips: dict[tuple[str, str, str], dict[bool, tuple[int, str]]] = {}
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
    for sides_found in sides:
        members = [ctx.add(text, "term", start, CONTRAST_SCORE) for start, text in sides_found]
        ctx.group("contrast", members, label="/".join(text for _, text in sides_found))


def _flipped_units(tokens: list[Token]) -> Iterator[tuple[tuple[str, str, str], bool, int, str]]:
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
