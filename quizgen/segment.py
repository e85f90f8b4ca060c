"""jieba, loaded once and quietly, plus the dictionary facts the phrase engine needs:
memoised cuts, part-of-speech tags looked up word by word, idioms and IDF."""

from __future__ import annotations

import logging
import math
import os
import re
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

import jieba

jieba.setLogLevel(logging.WARNING)

_DATA = Path(__file__).resolve().parent / "data"


@cache
def tokenizer() -> jieba.Tokenizer:
    jieba.dt.initialize()
    return jieba.dt


@lru_cache(maxsize=4096)
def _cut(text: str) -> tuple[str, ...]:
    return tuple(tokenizer().lcut(text, HMM=True))


def cut(text: str) -> list[str]:
    """jieba's lcut, memoised (the phrase finders cut the same clauses repeatedly)."""
    return list(_cut(text))


@dataclass(frozen=True)
class Token:
    """A word of the document with its absolute offset and coarse part of speech."""

    start: int
    text: str
    tag: str

    @property
    def end(self) -> int:
        return self.start + len(self.text)


def tokens(text: str, offset: int = 0) -> list[Token]:
    """``text`` cut into tagged tokens whose offsets start at ``offset``.

    jieba cuts each run of Han characters on its own, so the tokens of a clause are the
    same whether it is cut alone or as part of its paragraph."""
    result, pos = [], offset
    for word in _cut(text):
        result.append(Token(pos, word, tag(word)))
        pos += len(word)
    return result


def _dictionary_cache(name: str, build: Callable[[str], str]) -> str:
    """Text derived from jieba's dictionary, built once and cached next to jieba's own
    cache (keyed by the dictionary's size and date)."""
    dictionary = Path(jieba.__file__).with_name("dict.txt")
    stat = dictionary.stat()
    cache_file = Path(tempfile.gettempdir()) / f"quizgen-{name}-{stat.st_size}-{int(stat.st_mtime)}.txt"
    try:
        return cache_file.read_text(encoding="utf-8")
    except OSError:
        pass
    text = build(dictionary.read_text(encoding="utf-8"))
    try:
        tmp = cache_file.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, cache_file)
    except OSError:
        pass  # a read-only temp dir only costs speed
    return text


def _idiom_list(dictionary: str) -> str:
    words = set(re.findall(r"^(\S{4,}) \d+ [il]\n", dictionary, re.M))
    words.update(re.findall(r"^(\S{4}) \d+ z\n", dictionary, re.M))
    return "\n".join(sorted(words))


@cache
def idioms() -> frozenset[str]:
    """Idioms (i), set phrases (l) and four-character status words (z) of jieba's dictionary."""
    return frozenset(_dictionary_cache("idioms", _idiom_list).split("\n"))


def _tag_list(dictionary: str) -> str:
    """One line per tag: ``tag<TAB>word word …``; nouns (the default) are left out."""
    by_tag: dict[str, list[str]] = {}
    for word, tag_name in re.findall(r"^(\S+) \d+ (\S+)$", dictionary, re.M):
        if tag_name[0] not in "nijl":
            by_tag.setdefault(tag_name, []).append(word)
    return "\n".join(f"{t}\t{' '.join(words)}" for t, words in sorted(by_tag.items()))


@cache
def _tags() -> dict[str, str]:
    table: dict[str, str] = {}
    for line in _dictionary_cache("tags", _tag_list).split("\n"):
        tag_name, _, words = line.partition("\t")
        table.update(dict.fromkeys(words.split(" "), tag_name))
    return table


# Closed-class words whose dictionary tag is misleading for chunking (依法/n, 可以/c …).
_TAG_FIXES = {
    "依法": "d", "无法": "d", "可以": "v", "经": "p", "将": "p", "且": "c", "所": "u",
    "前款": "r", "本": "r", "上述": "r", "前述": "r", "每": "r", "有关": "b", "相关": "b",
    "相应": "b", "其他": "r", "其它": "r",
}


def tag(word: str) -> str:
    """Coarse part of speech of one word from jieba's dictionary (no HMM tagging): ``v``,
    ``vn``, ``a``, ``d``, ``p``, ``c``, ``u…``, ``r``, ``f``, ``m``, ``q``, ``b`` …; ``n`` for
    nouns, idioms and other dictionary words; ``x`` for punctuation and symbols; ``un``
    for Han words jieba made up (mostly names and terms)."""
    fixed = _TAG_FIXES.get(word)
    if fixed:
        return fixed
    found = _tags().get(word)
    if found:
        return found
    if tokenizer().FREQ.get(word):
        return "n"
    if word.isdigit() or re.fullmatch(r"\d+(?:\.\d+)?", word):
        return "m"
    return "un" if any("\u4e00" <= c <= "\u9fff" for c in word) else "x"


@cache
def curated_idioms() -> tuple[str, ...]:
    lines = (_DATA / "idioms_extra.txt").read_text(encoding="utf-8").splitlines()
    return tuple(line.strip() for line in lines if line.strip() and not line.startswith("#"))


def idf(word: str) -> float:
    """Inverse document frequency estimated from jieba's dictionary frequencies."""
    dt = tokenizer()
    freq = dt.FREQ.get(word, 0)
    return math.log(dt.total / (freq + 1))


def word_frequency(word: str) -> int:
    return tokenizer().FREQ.get(word, 0)
