"""Errors a user can act on. The CLI prints them as one line, without a traceback."""

from __future__ import annotations

from pathlib import Path
from typing import Any


class QuizgenError(Exception):
    """A failure to report as ``quizgen: <file>: <problem>``; exit code 1."""

    exit_code = 1

    def __init__(self, message: str, path: Path | str | None = None):
        super().__init__(message)
        self.message = message
        self.path = path

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" if self.path else self.message


class InputError(QuizgenError):
    """Bad usage or unusable input (missing, empty, binary, undecodable…); exit code 2."""

    exit_code = 2


class NoTextError(InputError):
    """An input with no text in it (empty, only whitespace, only front matter) or not text
    at all (a binary file): in a folder it is skipped with a warning, not a failure."""


def shorten(text: str, limit: int = 60) -> str:
    """``text`` for a message: at most ``limit`` characters, cut with …"""
    return text if len(text) <= limit else text[:limit] + "…"


def quoted(value: Any, limit: int = 60) -> str:
    """``repr(value)`` for a message, at most ``limit`` characters (cut with …), made in
    time bounded by ``limit`` however large, deep or shared the value is."""
    parts: list[str] = []
    room = limit + 1

    def put(text: str) -> None:
        nonlocal room
        parts.append(text[:room])
        room -= len(text)

    def walk(value: Any) -> None:
        if isinstance(value, (dict, list, tuple)):
            pairs = value.items() if isinstance(value, dict) else ((None, v) for v in value)
            opening, closing = "{}" if isinstance(value, dict) else "()" if isinstance(value, tuple) else "[]"
            put(opening)
            for number, (key, item) in enumerate(pairs):
                if room <= 0:
                    return
                put(", " if number else "")
                if isinstance(value, dict):
                    walk(key)
                    put(": ")
                walk(item)
            put(closing)
        elif isinstance(value, str):
            put(repr(str(value[:room])))
        elif isinstance(value, bool) or value is None:
            put(repr(value))
        elif isinstance(value, (int, float)):
            put(repr(int(value) if isinstance(value, int) else float(value)))
        else:
            put(repr(value)[:room])

    walk(value)
    text = "".join(parts)
    return text if room >= 0 else text[:limit] + "…"
