"""Printable exam papers (试卷): selection, randomized versions, HTML with a self-test mode.

The flow is ``select`` (:mod:`.selection`: which items, spread over the sections) ->
``make_paper`` (:mod:`.versions`: one version, questions and options shuffled, answers
remapped, into the :mod:`.model`) -> ``render_html`` (:mod:`.html`, Jinja2 templates in
``templates/paper/``) -> ``write_html`` / ``write_pdf`` (:mod:`.pdf`, WeasyPrint).
``write_papers`` writes every version in every format; :func:`write` is the exporters'
entry for ``html`` and ``pdf`` (see :mod:`quizgen.export`). This module is the papers'
public face: what the other modules define is importable from here.

Determinism: selection uses ``random.Random(f"{seed}:select")`` and version ``v`` uses
``random.Random(f"{seed}:{v}")``, never the global generator, so the same seed always gives
the same papers and all versions of one seed share the same questions.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from ...atomic import write_text
from ...errors import InputError, QuizgenError
from ...model import Deck
from ...resources import templates_dir
from .. import EXPORTERS, safe_filename
from . import pdf
from .html import CONTENTS, Layout, css_string, render_html
from .kinds import DEFAULT_POINTS, KIND_ALIASES, normalise_kinds, paper_kind, parse_kind_numbers, usable
from .model import (BLANK_MARK, KIND_NAMES, LETTERS, MULTI_RULES, MULTI_SCORING, PAPER_KINDS, Blank, Paper,
                    PaperSection, Question, circled, display_width, fmt_points, half_credit, localize)
from .selection import select
from .versions import make_paper, make_question, parse_cloze, version_label

if TYPE_CHECKING:
    from ...options import BuildOptions

__all__ = [
    "BLANK_MARK", "CONTENTS", "DEFAULT_POINTS", "KEY_MODES", "KEY_SUFFIX", "KIND_ALIASES", "KIND_NAMES",
    "LETTERS", "MULTI_RULES", "MULTI_SCORING", "PAPER_FORMATS", "PAPER_KINDS", "PAPER_SUFFIX", "Blank",
    "Layout", "Paper", "PaperSection", "Question", "circled", "css_string", "display_width", "fmt_points",
    "half_credit", "localize", "make_paper", "make_question", "normalise_kinds", "paper_kind", "paper_stem",
    "parse_cloze", "parse_kind_numbers", "render_html", "select", "templates_dir", "usable", "version_label",
    "write", "write_html", "write_papers", "write_pdf",
]

# The formats a paper is written in: those of the exporters' "paper" group (html, pdf).
PAPER_FORMATS = tuple(name for name, exporter in EXPORTERS.items() if exporter.group == "paper")
# Where the answer key goes: its own PDF (NAME-答案.pdf), appended to the paper's PDF, or nowhere.
KEY_MODES = ("separate", "appendix", "none")
KEY_SUFFIX = "答案"
PAPER_SUFFIX = "试卷"


def _paper_opts(opts: dict) -> dict:
    allowed = {"seed", "version", "count", "per_type", "points", "minutes", "label", "multi_scoring", "script"}
    unknown = set(opts) - allowed
    if unknown:
        raise TypeError(f"unexpected option(s): {', '.join(sorted(unknown))}")
    return opts


def write_html(deck: Deck, path: Path | str, **opts) -> Path:
    """Render one paper (options as for :func:`make_paper`) to ``path``, atomically."""
    path = Path(path)
    write_text(path, render_html(make_paper(deck, **_paper_opts(opts))))
    return path


def write_pdf(deck: Deck, path: Path | str, **opts) -> Path:
    """Render one paper (options as for :func:`make_paper`) to a PDF at ``path``, atomically.
    Raises :class:`QuizgenError` when WeasyPrint or its system libraries are missing."""
    path = Path(path)
    return pdf.write_pdf(make_paper(deck, **_paper_opts(opts)), path)


def paper_stem(deck_name: str, label: str = "", suffix: str = PAPER_SUFFIX) -> str:
    stem = f"{safe_filename(deck_name)}-{suffix}"
    return f"{stem}-{label}" if label else stem


def _pdf_jobs(papers: Sequence[Paper], key: str) -> list[tuple[Paper, str, str]]:
    """(paper, contents, file stem) of every PDF: the candidates' papers, then the keys."""
    if key == "appendix":
        return [(p, "both", paper_stem(p.deck, p.label)) for p in papers]
    jobs = [(p, "paper", paper_stem(p.deck, p.label)) for p in papers]
    if key == "separate":
        jobs += [(p, "key", paper_stem(p.deck, p.label, KEY_SUFFIX)) for p in papers]
    return jobs


def write_papers(deck: Deck, out_dir: Path | str, formats: Sequence[str] = PAPER_FORMATS, versions: int = 1,
                 seed: int = 0, count: int | None = None, per_type: Mapping[str, int] | None = None,
                 points: Mapping[str, float] | None = None, minutes: int | None = None,
                 key: str = "separate", multi_scoring: str = "half", script: str | None = None) -> list[Path]:
    """Write every version in every format into ``out_dir``: ``办公室工作-试卷.html`` and
    ``.pdf``, or with ``versions`` > 1 ``办公室工作-试卷-A.html``, ``-B``, …

    ``key`` (one of KEY_MODES): "separate" writes the answer key as its own PDF for the
    trainer (``办公室工作-答案.pdf``, ``-答案-A.pdf``, …) and the candidates' PDF has none;
    "appendix" appends it to the paper's PDF on a new page; "none" writes no key. The HTML
    self-test shows the key only after 交卷 (and with "none" not at all).

    All HTML files are written before any PDF, so when PDF rendering is impossible (the
    :class:`QuizgenError` raised then says why, its ``written`` lists the files that were
    written all the same) the HTML papers are still there.
    """
    formats = tuple(dict.fromkeys(f.strip().lower() for f in formats if f.strip()))
    unknown = [f for f in formats if f not in PAPER_FORMATS]
    if unknown or not formats:
        raise InputError(f"unknown paper format {', '.join(unknown) or '(none)'}; choose from {', '.join(PAPER_FORMATS)}")
    if isinstance(versions, bool) or not isinstance(versions, int) or not 1 <= versions <= len(LETTERS):
        raise InputError(f"the number of versions must be between 1 and {len(LETTERS)}, not {versions!r}")
    if key not in KEY_MODES:
        raise InputError(f"unknown answer key placement {key!r}; choose from {', '.join(KEY_MODES)}")
    out_dir = Path(out_dir)
    papers = [make_paper(deck, seed=seed, version=v, count=count, per_type=per_type, points=points,
                         minutes=minutes, label=LETTERS[v] if versions > 1 else "",
                         multi_scoring=multi_scoring, script=script)
              for v in range(versions)]
    written: list[Path] = []
    if "html" in formats:
        for paper in papers:
            path = out_dir / f"{paper_stem(deck.name, paper.label)}.html"
            write_text(path, render_html(paper, contents="paper" if key == "none" else "both"))
            written.append(path)
    if "pdf" in formats:
        for paper, contents, stem in _pdf_jobs(papers, key):
            path = out_dir / f"{stem}.pdf"
            try:
                pdf.write_pdf(paper, path, contents)
            except QuizgenError as exc:
                if not written:
                    raise
                done = ", ".join(str(p) for p in written)
                error = QuizgenError(f"{exc.message} (written all the same: {done})", exc.path or path)
                error.written = written  # type: ignore[attr-defined]
                raise error from None
            written.append(path)
    return written


def write(deck: Deck, out_dir: Path, stem: str, options: BuildOptions) -> list[Path]:
    """The exporters' entry (see :mod:`quizgen.export`) for the formats of ``options`` that
    are paper formats, written together (file names from the deck's name, see :func:`paper_stem`)."""
    paper = options.paper
    return write_papers(deck, out_dir, formats=[f for f in options.formats if f in PAPER_FORMATS],
                        versions=paper.versions, seed=options.seed, count=paper.count, per_type=paper.per_type,
                        points=paper.points, minutes=paper.minutes, key=paper.key,
                        multi_scoring=paper.multi_scoring, script=deck.script)
