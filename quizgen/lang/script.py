"""Simplified and traditional Chinese: the conversion of what quizgen writes (``--script``)."""

from __future__ import annotations

from functools import cache
from typing import Any

from ..errors import InputError

SCRIPTS = ("simplified", "traditional")


def convert_script(text: str, script: str | None) -> str:
    """Convert between simplified and traditional Chinese with OpenCC (no script: as it is)."""
    if not script:
        return text
    if script not in SCRIPTS:
        raise InputError(f"unknown script {script!r}; choose simplified or traditional")
    return _converter("t2s" if script == "simplified" else "s2t").convert(text)


@cache
def _converter(config: str) -> Any:
    import opencc  # lazy: only a --script build pays for OpenCC and its dictionaries

    return opencc.OpenCC(config)
