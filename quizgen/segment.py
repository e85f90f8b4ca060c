"""jieba, loaded once and quietly, plus the dictionary facts the phrase engine needs."""

from __future__ import annotations

import logging
import math
import os
import re
import tempfile
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


@cache
def idioms() -> frozenset[str]:
    """Idioms (i), set phrases (l) and four-character status words (z) of jieba's
    dictionary. Extracted once per dictionary and cached next to jieba's own cache."""
    dictionary = Path(jieba.__file__).with_name("dict.txt")
    stat = dictionary.stat()
    cache_file = Path(tempfile.gettempdir()) / f"quizgen-idioms-{stat.st_size}-{int(stat.st_mtime)}.txt"
    try:
        return frozenset(cache_file.read_text(encoding="utf-8").split("\n"))
    except OSError:
        pass
    text = dictionary.read_text(encoding="utf-8")
    words = set(re.findall(r"^(\S{4,}) \d+ [il]\n", text, re.M))
    words.update(re.findall(r"^(\S{4}) \d+ z\n", text, re.M))
    try:
        tmp = cache_file.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text("\n".join(sorted(words)), encoding="utf-8")
        os.replace(tmp, cache_file)
    except OSError:
        pass  # a read-only temp dir only costs speed
    return frozenset(words)


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
