"""Command line: a few lines per command over the library (see pipeline.py)."""

from __future__ import annotations

import sys
import traceback
from enum import Enum
from pathlib import Path
from typing import Annotated, NoReturn, Optional

import typer

from . import __version__
from .atomic import remove_in_progress, write_text
from .errors import QuizgenError
from .export import format_help, parse_formats
from .ingest.clean import clean_text
from .options import BuildOptions, PaperOptions
from .outdir import output_folder
from .processes import exit_code as interrupt_exit_code
from .processes import interrupt_on_signals, last_interrupt

app = typer.Typer(
    help="quizgen: turn Chinese training texts into Anki decks and printable quizzes.",
    no_args_is_help=False,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

_state = {"debug": False}


def _version(value: bool) -> None:
    if value:
        typer.echo(f"quizgen {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[Optional[bool], typer.Option("--version", callback=_version, is_eager=True,
                                                    help="Show the version and exit.")] = None,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks on errors.")] = False,
) -> None:
    _state["debug"] = debug


def _sources(inputs: list[Path] | None, encoding: str | None):
    from .ingest.read import read_source, sample  # lazy: loads jieba (start-up time)

    if not inputs:
        return [sample()]
    return [read_source(path, encoding) for path in inputs]


class KeyMode(str, Enum):
    """--key: where the paper's answer key goes (quizgen.paper.KEY_MODES)."""

    separate = "separate"
    appendix = "appendix"
    none = "none"


class MultiScoring(str, Enum):
    """--multi-scoring: what 少选 earns (quizgen.paper.MULTI_SCORING)."""

    half = "half"
    none = "none"


def _formats(value: str | None) -> tuple[str, ...]:
    return parse_formats(value)


@app.command()
def build(
    inputs: Annotated[Optional[list[Path]], typer.Argument(
        help="Files or folders to build from (.txt, .md, .html, .docx), a course manifest (.toml) "
             "or a review file (.yaml). Without any, builds the built-in sample (办公室工作).",
        show_default=False)] = None,
    out: Annotated[Path, typer.Option("-o", "--out", help="Output folder.")] = Path("decks"),
    format: Annotated[Optional[str], typer.Option(
        "--format", "-f", help=format_help(),
        show_default=False)] = None,
    name: Annotated[Optional[str], typer.Option("--name", help="Deck name (default: the document title).")] = None,
    seed: Annotated[Optional[int], typer.Option("--seed", help="Seed for question order and distractors. "
                                                               "[default: 0]", show_default=False)] = None,
    merge: Annotated[bool, typer.Option("--merge", help="One deck with a subdeck per document.")] = False,
    jobs: Annotated[Optional[int], typer.Option("--jobs", "-j", min=1,
                                                help="Worker processes. [default: CPU count]",
                                                show_default=False)] = None,
    encoding: Annotated[Optional[str], typer.Option("--encoding", help="Force the input encoding.")] = None,
    script: Annotated[Optional[str], typer.Option(
        "--script", help="Convert the output to simplified or traditional Chinese.")] = None,
    versions: Annotated[int, typer.Option("--versions", min=1, max=26,
                                          help="Paper versions (A, B, …) with shuffled order.")] = 1,
    count: Annotated[int, typer.Option("--count", min=0,
                                       help="Questions on the paper, spread over sections (0: all).")] = 30,
    per_type: Annotated[Optional[str], typer.Option(
        "--per-type", help="Questions per type on the paper, e.g. single=10,multi=5,judge=10,fill=5.")] = None,
    points: Annotated[Optional[str], typer.Option(
        "--points", help="Points per question by type (fill: per blank), whole or half points, "
                           "e.g. single=2,multi=3,judge=1,fill=1.")] = None,
    minutes: Annotated[Optional[int], typer.Option("--minutes", min=1, help="Time allowed, printed on the paper.")] = None,
    key: Annotated[KeyMode, typer.Option("--key", help=(
        "Answer key: its own PDF (NAME-答案.pdf), appended to the paper's PDF, or none."))] = KeyMode.separate,
    multi_scoring: Annotated[MultiScoring, typer.Option(
        "--multi-scoring",
        help="Multi-select questions with some answers and no wrong one (少选): half the points, or none.")] = MultiScoring.half,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help=(
        "Report each input's encoding and what the selection kept and why."))] = False,
    keep_all: Annotated[bool, typer.Option(
        "--all", help="Keep every candidate item that passes the checks (with its score), not a selection.")] = False,
    max_cards: Annotated[Optional[int], typer.Option("--max-cards", min=1, show_default=False, help=(
        "Cards to keep per document. (default: 40 per 1,000 characters, at least 12)"))] = None,
) -> None:
    """Build Anki decks, exam papers (HTML, PDF) and JSON from texts."""
    paper = PaperOptions(versions, count or None, _kind_numbers(per_type, "--per-type"),
                         _kind_numbers(points, "--points"), minutes, key.value, multi_scoring.value)
    options = BuildOptions(_formats(format), name, seed or 0, merge, encoding, script, jobs, paper,
                           keep_all=keep_all, max_cards=max_cards)
    single = inputs[0] if inputs and len(inputs) == 1 else None
    if single and single.suffix.lower() == ".toml":
        from .ingest.manifest import load_manifest, manifest_inputs, manifest_options  # lazy: loads jieba

        manifest = load_manifest(single)
        options = manifest_options(manifest, options, seed_given=seed is not None, formats_given=format is not None)
        result = _build_inputs(manifest_inputs(manifest), out, options)
    elif single and single.suffix.lower() in (".yaml", ".yml"):
        result = _build_review(single, out, options)
    else:
        result = _build_inputs(inputs, out, options)
    _report(result, verbose)
    if result.exit_code:
        raise typer.Exit(result.exit_code)


def _kind_numbers(text: str | None, option: str) -> dict | None:
    if not text:
        return None
    from .export.paper.layout import parse_kind_numbers  # lazy: loads jieba (start-up time)

    return parse_kind_numbers(text, option)


def _build_inputs(inputs, out, options):
    from .build import build_batch, expand_inputs  # lazy: the pipeline loads jieba (start-up time)

    paths = expand_inputs(inputs) if inputs else None
    total = len(paths) if paths else 1
    if total < 3:
        return build_batch(paths, out, options)
    from rich.progress import (BarColumn, MofNCompleteColumn, Progress, TextColumn,  # lazy: rich, for a bar
                               TimeRemainingColumn)

    columns = (TextColumn("[progress.description]{task.description}"), BarColumn(),
               MofNCompleteColumn(), TimeRemainingColumn())
    result = None
    try:
        with Progress(*columns, console=_stderr(), transient=True) as bar:
            task = bar.add_task("building", total=total)
            result = build_batch(paths, out, options, progress=lambda _label: bar.advance(task))
    except KeyboardInterrupt as exc:  # while the bar stops, after the batch is done: list it all
        if result is not None:
            exc.outputs = result.outputs  # type: ignore[attr-defined]
        raise
    return result


def _build_review(path, out, options):
    from .build import BatchResult, export  # lazy: the pipeline loads jieba (start-up time)
    from .review import load_review  # lazy: loads ruamel.yaml and jieba (start-up time)

    deck = load_review(path)
    if options.name:
        deck.name = options.name
    with output_folder(out):
        return BatchResult(export(deck, out, options.formats, options.seed, options.paper), documents=1)


def _stderr():
    from rich.console import Console  # lazy: rich, only for the progress bar

    return Console(stderr=True)


def _selection_line(summary: dict) -> str:
    """``kept 41 of 179 candidates (72 cards); rejected: no-context 17, …; 62 repeats, 33 over budget``"""
    rejected = ", ".join(f"{code} {n}" for code, n in summary["rejected"].items()) or "none"
    return (f"kept {summary['kept']} of {summary['candidates']} candidates ({summary['cards']} cards); "
            f"rejected: {rejected}; {summary['repeated']} asked by a better item, "
            f"{summary['over_budget']} over the budget")


def _wrote(outputs) -> None:
    for output in outputs:
        detail = f"  ({output.notes} notes, {output.cards} cards)" if output.format == "apkg" else ""
        if output.questions:
            detail = f"  ({output.questions} questions)"
        typer.echo(f"wrote {output.path}{detail}")


def _interrupted(exc: BaseException | None) -> NoReturn:
    """Ctrl-C or SIGTERM: what was written, one line, and 128 + the signal's number."""
    remove_in_progress()  # a file whose writing the signal cut short, wherever it landed
    _wrote(getattr(exc, "outputs", None) or ())
    typer.echo("quizgen: interrupted", err=True)
    sys.exit(interrupt_exit_code(exc))


def _report(result, verbose: bool) -> None:
    if verbose:
        for label, encoding in result.encodings.items():
            typer.echo(f"read {label} ({encoding})", err=True)
            if label in result.selections:
                typer.echo(f"  {_selection_line(result.selections[label])}", err=True)
    _wrote(result.outputs)
    short = {o.deck: o for o in result.outputs if o.questions and o.asked and o.questions < o.asked}
    for name, paper in short.items():
        typer.echo(f"quizgen: note: the paper of {name} has {paper.questions} questions, not {paper.asked}: the "
                   "deck has no more that neither ask a sentence again nor give another's answer away", err=True)
    for changes in result.changes:
        if changes.warning:
            typer.echo(f"quizgen: warning: {changes.warning}", err=True)
        else:
            typer.echo(changes.summary())
    for skip in result.skipped:
        typer.echo(f"quizgen: warning: {skip.error}; skipped", err=True)
    for failure in result.failures:
        if _state["debug"]:
            typer.echo("".join(traceback.format_exception(failure.error)).rstrip(), err=True)
        typer.echo(f"quizgen: error: {failure.error}", err=True)
    if result.failures and result.documents:
        typer.echo(f"quizgen: {len(result.failures)} of {result.documents + len(result.failures)} "
                   f"inputs failed; the others were built", err=True)


@app.command()
def clean(
    input: Annotated[Path, typer.Argument(help="Text file to clean.")],
    output: Annotated[Optional[Path], typer.Option("-o", "--output", help="Write to FILE instead of stdout.")] = None,
    encoding: Annotated[Optional[str], typer.Option("--encoding", help="Force the input encoding.")] = None,
) -> None:
    """Print the cleaned text of INPUT (forum noise removed, punctuation normalised)."""
    text = clean_text(_sources([input], encoding)[0].text)
    if output:
        write_text(output, text)
    else:
        sys.stdout.write(text)


@app.command()
def phrases(
    input: Annotated[Optional[Path], typer.Argument(
        help="Text file to analyse. Without one, the built-in sample.", show_default=False)] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Machine-readable output.")] = False,
    top: Annotated[int, typer.Option("--top", "-n", help="Show the N best phrases (0: all).")] = 30,
    encoding: Annotated[Optional[str], typer.Option("--encoding", help="Force the input encoding.")] = None,
) -> None:
    """Show the structure of a text and the key phrases quizgen would ask about."""
    from .analyse.report import phrases_json, print_phrases  # lazy: loads jieba (start-up time)
    from .build import process  # lazy: the pipeline loads jieba (start-up time)

    doc = process(_sources([input] if input else None, encoding)[0])
    if as_json:
        sys.stdout.write(phrases_json(doc, top) + "\n")
    else:
        print_phrases(doc, top)


@app.command()
def extract(
    inputs: Annotated[Optional[list[Path]], typer.Argument(
        help="Text files to extract items from. Without any, the built-in sample.", show_default=False)] = None,
    output: Annotated[Path, typer.Option("-o", "--output", help="Review file to write or merge into.")]
    = Path("review.yaml"),
    name: Annotated[Optional[str], typer.Option("--name", help="Deck name (default: the document title).")] = None,
    seed: Annotated[int, typer.Option("--seed", help="Seed for question order and distractors.")] = 0,
    encoding: Annotated[Optional[str], typer.Option("--encoding", help="Force the input encoding.")] = None,
    script: Annotated[Optional[str], typer.Option(
        "--script", help="Convert the output to simplified or traditional Chinese.")] = None,
    keep_all: Annotated[bool, typer.Option("--all", help="Every candidate item, not the selection.")] = False,
    max_cards: Annotated[Optional[int], typer.Option("--max-cards", min=1, help="Cards to keep per document.")]
    = None,
) -> None:
    """Write the selected items (with --all: every candidate, with its score) to an editable
    review file (YAML); an existing file is merged: your edits are kept, new items are
    marked, vanished ones reported."""
    from .build import make_deck  # lazy: the pipeline loads jieba (start-up time)
    from .ingest.inputs import collect_inputs  # lazy: loads jieba (start-up time)
    from .rank import Budget  # lazy: loads jieba (start-up time)
    from .review import extract as extract_review  # lazy: loads ruamel.yaml and jieba (start-up time)

    sources = _sources(collect_inputs(inputs) if inputs else None, encoding)
    report = extract_review(make_deck(sources, name, seed, script, Budget(max_cards, keep_all)), output)
    typer.echo(report.summary())


@app.command()
def check(
    file: Annotated[Path, typer.Argument(help="An .apkg deck or a review .yaml file.")],
) -> None:
    """Report problems in a deck or review file: empty clozes, duplicate GUIDs, choice items
    without a correct answer (exit code 1 when there are any), and as warnings the quality
    reasons a build drops items for (a stem without its subject, a blank cut through a word, …)."""
    from .review.check import check as check_file  # lazy: loads ruamel.yaml and jieba (start-up time)

    problems = check_file(file)
    for problem in problems:
        typer.echo(str(problem))
    errors = sum(p.is_error for p in problems)
    if errors:
        typer.echo(f"quizgen: {errors} problem(s) in {file}", err=True)
        raise typer.Exit(1)
    warnings = len(problems) - errors
    typer.echo(f"{file}: no problems found" + (f" ({warnings} quality warning(s))" if warnings else ""))


def main() -> None:
    """Console entry point: one-line errors, exit 2 for bad input, 1 for other failures."""
    interrupt_on_signals()  # SIGTERM cleans up like Ctrl-C
    try:
        code = app(standalone_mode=False, prog_name="quizgen")
        if last_interrupt() is not None:  # typer turned it into exit code 130
            _interrupted(last_interrupt())
        if isinstance(code, int) and code:
            sys.exit(code)
    except QuizgenError as exc:
        if _state["debug"]:
            raise
        _wrote(getattr(exc, "outputs", None) or ())  # a full disk: what was written before
        typer.echo(f"quizgen: error: {exc}", err=True)
        sys.exit(exc.exit_code)
    except KeyboardInterrupt as exc:
        _interrupted(exc)
    except SystemExit:
        raise
    except (typer.Exit, typer.Abort) as exc:
        if isinstance(exc, typer.Abort):
            _interrupted(last_interrupt())
        sys.exit(exc.exit_code)
    except Exception as exc:  # usage errors, and the unexpected
        usage = _usage_error(exc)
        if usage is not None:
            typer.echo(f"quizgen: error: {usage[0]}", err=True)
            sys.exit(usage[1])
        if _state["debug"]:
            raise
        typer.echo(f"quizgen: error: {type(exc).__name__}: {exc} (run with --debug for details)", err=True)
        sys.exit(1)


def _usage_error(exc: Exception) -> tuple[str, int] | None:
    """A command-line usage error as (one-line message, exit code), else None.

    Typer raises its parser's errors (typer 0.28 carries its own copy of click, older
    versions raise click's): both have ``format_message`` and ``exit_code``, so they are
    recognised by that shape rather than by importing click, which may not be installed."""
    format_message = getattr(exc, "format_message", None)
    exit_code = getattr(exc, "exit_code", None)
    if not callable(format_message) or not isinstance(exit_code, int):
        return None
    message = " ".join(str(format_message()).split())
    ctx = getattr(exc, "ctx", None)
    dashed = _dashed_file(getattr(exc, "option_name", None))
    if dashed:
        message += f" (to name the file {dashed}, write '-- {dashed}' or './{dashed}')"
    elif exit_code == 2 and ctx is not None:
        message += f" (see '{ctx.command_path} --help')"
    return message, exit_code


def _dashed_file(option: str | None) -> str | None:
    """The argument an unknown ``option`` was read from when it names a file, such as
    ``-dash.txt`` (read as the option ``-d``)."""
    if not option:
        return None
    for arg in sys.argv[1:]:
        if arg == "--":
            break
        # -vx (flags run together) is not a file name; -dash.txt or an existing -x is
        if arg.startswith(option) and "=" not in arg and (Path(arg).exists() or "." in arg[len(option):]):
            return arg
    return None
