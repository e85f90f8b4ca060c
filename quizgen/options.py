"""What a build is asked to do, in one object that travels with the work: the formats,
the seed, the output script, the paper's settings. The CLI and course manifests fill it
in; :mod:`quizgen.build` hands it to every stage that needs part of it."""

from __future__ import annotations

from dataclasses import dataclass, field

from .export import DEFAULT_FORMATS
DEFAULT_PAPER_COUNT = 30


@dataclass(frozen=True)
class PaperOptions:
    """The exam paper: versions, how many questions of which types, points, time, key."""

    versions: int = 1
    count: int | None = DEFAULT_PAPER_COUNT
    per_type: dict[str, int] | None = None
    points: dict[str, float] | None = None
    minutes: int | None = None
    key: str = "separate"  # the answer key: its own PDF, an appendix to the paper, or none
    multi_scoring: str = "half"  # 少选 earns half the points, or nothing


@dataclass(frozen=True)
class BuildOptions:
    formats: tuple[str, ...] = DEFAULT_FORMATS
    name: str | None = None
    seed: int = 0  # distractors, question order and papers; the same seed, the same output
    merge: bool = False
    encoding: str | None = None
    script: str | None = None  # simplified or traditional output
    jobs: int | None = None
    paper: PaperOptions = field(default_factory=PaperOptions)
    keep_all: bool = False  # every candidate that passes the checks, not a selection (--all)
    max_cards: int | None = None  # the selection's budget in cards (default: grows with the text)
