from __future__ import annotations

import sys
from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"
sys.path.insert(0, str(Path(__file__).parent))


@pytest.fixture(scope="session")
def seed_raw() -> str:
    return (DATA / "office-work.raw.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_clean() -> str:
    return (DATA / "office-work.clean.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_doc(seed_raw):
    from quizgen.build import process
    from quizgen.ingest.read import sample

    return process(sample())
