"""Which items go on a paper and as which question type, the types' default points, and
the names a user may give the types (``single=10,判断=5``)."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping

from ...errors import InputError, QuizgenError
from ...items import Cloze, Item
from .model import PAPER_KINDS

DEFAULT_POINTS = {"choice": 2, "multi": 3, "judge": 1, "fill": 1}  # fill: per blank (每空)
KIND_ALIASES = {"choice": "choice", "single": "choice", "单选": "choice", "单项选择题": "choice",
                "multi": "multi", "多选": "multi", "多项选择题": "multi",
                "judge": "judge", "判断": "judge", "判断题": "judge",
                "fill": "fill", "cloze": "fill", "填空": "fill", "填空题": "fill"}


def paper_kind(item: Item) -> str:
    return "fill" if isinstance(item, Cloze) else item.kind


def normalise_kinds(mapping: Mapping[str, float] | None, what: str) -> dict[str, float]:
    out: dict[str, float] = {}
    for key, value in (mapping or {}).items():
        kind = KIND_ALIASES.get(str(key).strip().lower())
        if kind is None:
            raise InputError(f"unknown question type {key!r} in {what} "
                             f"(use {', '.join(PAPER_KINDS)})")
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0 \
                or not math.isfinite(value):
            raise InputError(f"{what} for {key!r} must be a number ≥ 0, not {value!r}")
        out[kind] = value
    return out


def parse_kind_numbers(text: str, what: str = "the points") -> dict[str, float]:
    """For the command line: "single=10,judge=5" (also 单选=10，判断=5) -> {"choice": 10, "judge": 5}."""
    out: dict[str, float] = {}
    for part in re.split(r"[,，;；\s]+", text.strip()):
        if not part:
            continue
        match = re.fullmatch(r"([^=:：]+)[=:：]([-+]?\d+(?:\.\d+)?)", part)
        if not match:
            raise InputError(f"{what}: expected TYPE=NUMBER (e.g. single=10,judge=5), not {part!r}")
        number = float(match.group(2))
        out[match.group(1).strip()] = int(number) if number.is_integer() else number
    return normalise_kinds(out, what)


def _check(item: Item) -> None:
    """Refuse items whose answer the paper could print wrongly."""
    reasons = item.validate()
    if reasons:
        raise QuizgenError(f"item {item.id} ({item.kind}) cannot go on a paper: {reasons[0]}")


def usable(items: Iterable[Item]) -> list[Item]:
    """Enabled items of a kind a paper can carry, checked."""
    out = []
    for item in items:
        if not item.enabled or paper_kind(item) not in PAPER_KINDS:
            continue
        _check(item)
        out.append(item)
    return out
