"""jieba, loaded once and quietly, plus the dictionary facts the phrase engine needs."""

from __future__ import annotations

import logging
import math
import re
from functools import cache
from pathlib import Path

import jieba

jieba.setLogLevel(logging.WARNING)

_DATA = Path(__file__).resolve().parent / "data"


@cache
def tokenizer() -> jieba.Tokenizer:
    jieba.dt.initialize()
    return jieba.dt


def cut(text: str) -> list[str]:
    return tokenizer().lcut(text, HMM=True)


@cache
def idioms() -> frozenset[str]:
    """Idioms (i), set phrases (l) and four-character status words (z) of jieba's
    dictionary, plus a curated list of sayings jieba splits."""
    dictionary = Path(jieba.__file__).with_name("dict.txt").read_text(encoding="utf-8")
    words = set(re.findall(r"^(\S{4,}) \d+ [il]\n", dictionary, re.M))
    words.update(re.findall(r"^(\S{4}) \d+ z\n", dictionary, re.M))
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
