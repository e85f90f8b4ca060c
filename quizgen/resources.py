"""Locate files that ship with quizgen: card and paper templates, the built-in sample."""

from __future__ import annotations

from functools import cache
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent

SAMPLE_TITLE = "办公室工作"
DATA_DIR = PACKAGE_DIR / "data"  # word lists, the built-in sample, caches
SAMPLE_PATH = DATA_DIR / "office-work.raw.txt"


@cache
def templates_dir() -> Path:
    """Templates live in the repository's top-level ``templates/``; a wheel carries
    them as ``quizgen/templates`` (see pyproject.toml)."""
    for candidate in (PACKAGE_DIR / "templates", PACKAGE_DIR.parent / "templates"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("quizgen templates are missing from this installation")


def template(name: str) -> str:
    return (templates_dir() / name).read_text(encoding="utf-8")
