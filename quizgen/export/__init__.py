"""Every output format, in one registry: :data:`EXPORTERS`.

Each format is a module with one ``write(deck, out_dir, stem, options) -> list[Path]`` that
turns a :class:`~quizgen.model.Deck` (only its enabled items) into files named after
``stem`` in ``out_dir`` and returns them:

* ``apkg`` - :mod:`.anki`, ``NAME.apkg``, the Anki package;
* ``json`` - :mod:`.jsonexport`, ``NAME.json``;
* ``html``, ``pdf`` - :mod:`.paper.layout`, the exam paper ``NAME-试卷.html`` / ``.pdf`` and
  its key ``NAME-答案.pdf`` (one writer for both: every HTML file before any PDF);
* ``csv`` - :mod:`.ankicsv`, ``NAME.cloze.txt`` / ``NAME.basic.txt`` for Anki's *File > Import*;
* ``gift`` - :mod:`.gift`, ``NAME.gift.txt``, Moodle GIFT;
* ``moodle`` - :mod:`.moodle`, ``NAME.moodle.xml``, Moodle XML;
* ``tiku`` - :mod:`.tiku`, ``NAME.题库.txt`` / ``NAME.题库.xlsx``, a question bank.

A new format is a module with such a ``write`` and one line in :data:`EXPORTERS`: the
command line's ``--format`` (its help and its check) and :func:`export` follow. Writers are
named as ``"module:function"`` strings and imported only when their format is written, so
that importing this package (the command line does, at start-up) stays fast.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import InputError

if TYPE_CHECKING:
    from ..model import Deck
    from ..options import BuildOptions

Writer = Callable[["Deck", Path, str, "BuildOptions"], list[Path]]


@dataclass(frozen=True)
class Exporter:
    """One output format."""

    name: str  # what --format takes
    description: str  # for --format's help
    suffixes: tuple[str, ...]  # how the names of the files it writes end
    writer: str  # "module:function", a Writer imported when the format is written
    default: bool = False  # written when no format is asked for
    group: str = ""  # the formats of a group are written by one call of their writer, after the others

    def load(self) -> Writer:
        module, _, function = self.writer.partition(":")
        writer: Writer = getattr(importlib.import_module(module), function)
        return writer

    def owns(self, path: Path) -> bool:
        return path.name.endswith(self.suffixes)


EXPORTERS: dict[str, Exporter] = {exporter.name: exporter for exporter in (
    Exporter("apkg", "Anki package", (".apkg",), "quizgen.export.anki:write", default=True),
    Exporter("json", "JSON", (".json",), "quizgen.export.jsonexport:write", default=True),
    Exporter("html", "exam paper with a self-test", (".html",), "quizgen.export.paper.layout:write",
             default=True, group="paper"),
    Exporter("pdf", "exam paper and answer key to print", (".pdf",), "quizgen.export.paper.layout:write",
             default=True, group="paper"),
    Exporter("csv", "Anki text import", (".cloze.txt", ".basic.txt"), "quizgen.export.ankicsv:write"),
    Exporter("gift", "Moodle GIFT", (".gift.txt",), "quizgen.export.gift:write"),
    Exporter("moodle", "Moodle XML", (".moodle.xml",), "quizgen.export.moodle:write"),
    Exporter("tiku", "question bank 题库, text and Excel", (".题库.txt", ".题库.xlsx"),
             "quizgen.export.tiku:write"),
)}
FORMATS = tuple(EXPORTERS)
DEFAULT_FORMATS = tuple(name for name in FORMATS if EXPORTERS[name].default)


def format_help() -> str:
    """``--format``'s help: every format with what it is, and the default."""
    listed = ", ".join(f"{e.name} ({e.description})" for e in EXPORTERS.values())
    return f"Comma-separated formats: {listed} (default: {','.join(DEFAULT_FORMATS)})."


def parse_formats(value: str | None) -> tuple[str, ...]:
    """The formats a comma-separated ``value`` names (none: the default ones)."""
    if value is None:
        return DEFAULT_FORMATS
    formats = tuple(f.strip().lower() for f in value.split(",") if f.strip())
    unknown = [f for f in formats if f not in EXPORTERS]
    if unknown or not formats:
        raise InputError(f"unknown format {', '.join(unknown) or value!r}; choose from {', '.join(EXPORTERS)}")
    return formats


def safe_filename(name: str) -> str:
    bad = '/\\:*?"<>|\n\r\t'
    cleaned = "".join("_" if c in bad else c for c in name).strip(" .")
    return cleaned or "deck"


@dataclass(frozen=True)
class Job:
    """One call of a writer: a format, or the formats of a group."""

    exporters: tuple[Exporter, ...]

    @property
    def name(self) -> str:
        return self.exporters[0].group or self.exporters[0].name

    def format_of(self, path: Path) -> str:
        """The format a file written by this job is in."""
        if len(self.exporters) == 1:
            return self.exporters[0].name
        return next((e.name for e in self.exporters if e.owns(path)), path.suffix.lstrip("."))

    def run(self, deck: Deck, out_dir: Path, stem: str, options: BuildOptions) -> list[Path]:
        return self.exporters[0].load()(deck, Path(out_dir), stem, options)


def plan(formats: Iterable[str]) -> list[Job]:
    """The writer calls for ``formats``: one per format in the order given, then one per
    group (a PDF that cannot be rendered fails after the other formats are written)."""
    formats = list(formats)
    unknown = [f for f in formats if f not in EXPORTERS]
    if unknown:
        raise InputError(f"unknown format {unknown[0]!r} (choose from {', '.join(EXPORTERS)})")
    jobs = [Job((EXPORTERS[f],)) for f in formats if not EXPORTERS[f].group]
    groups: dict[str, list[Exporter]] = {}
    for f in formats:
        if EXPORTERS[f].group:
            groups.setdefault(EXPORTERS[f].group, []).append(EXPORTERS[f])
    return jobs + [Job(tuple(group)) for group in groups.values()]


def export(deck: Deck, out_dir: Path, options: BuildOptions, stem: str | None = None) -> list[Path]:
    """Write ``deck`` in every format of ``options.formats`` into ``out_dir`` (file names
    from ``stem``, by default the deck's name); returns the files written."""
    stem = stem or safe_filename(deck.name)
    return [path for job in plan(options.formats) for path in job.run(deck, Path(out_dir), stem, options)]
