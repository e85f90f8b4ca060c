"""Errors a user can act on. The CLI prints them as one line, without a traceback."""

from __future__ import annotations

from pathlib import Path


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
