"""Command line: a few lines per command over the library (see pipeline.py)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from . import __version__
from .errors import InputError, QuizgenError

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
    from .read import read_source, sample

    if not inputs:
        return [sample()]
    return [read_source(path, encoding) for path in inputs]


def _formats(value: str) -> tuple[str, ...]:
    from .pipeline import FORMATS

    formats = tuple(f.strip().lower() for f in value.split(",") if f.strip())
    unknown = [f for f in formats if f not in FORMATS]
    if unknown or not formats:
        raise InputError(f"unknown format {', '.join(unknown) or value!r}; choose from {', '.join(FORMATS)}")
    return formats


@app.command()
def build(
    inputs: Annotated[Optional[list[Path]], typer.Argument(
        help="Text files to build from. Without any, builds the built-in sample (办公室工作).",
        show_default=False)] = None,
    out: Annotated[Path, typer.Option("-o", "--out", help="Output folder.")] = Path("decks"),
    format: Annotated[str, typer.Option("--format", "-f", help="Comma-separated: apkg,json.")] = "apkg,json",
    name: Annotated[Optional[str], typer.Option("--name", help="Deck name (default: the document title).")] = None,
    seed: Annotated[int, typer.Option("--seed", help="Seed for question order and distractors.")] = 0,
    encoding: Annotated[Optional[str], typer.Option("--encoding", help="Force the input encoding.")] = None,
) -> None:
    """Build an Anki deck (and other formats) from texts."""
    from .pipeline import build as build_deck

    result = build_deck(_sources(inputs, encoding), out, _formats(format), name, seed)
    for output in result.outputs:
        typer.echo(f"wrote {output.path}  ({output.notes} notes, {output.cards} cards)")


@app.command()
def clean(
    input: Annotated[Path, typer.Argument(help="Text file to clean.")],
    output: Annotated[Optional[Path], typer.Option("-o", "--output", help="Write to FILE instead of stdout.")] = None,
    encoding: Annotated[Optional[str], typer.Option("--encoding", help="Force the input encoding.")] = None,
) -> None:
    """Print the cleaned text of INPUT (forum noise removed, punctuation normalised)."""
    from .atomic import write_text
    from .clean import clean_text

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
    from .pipeline import process
    from .report import phrases_json, print_phrases

    doc = process(_sources([input] if input else None, encoding)[0])
    if as_json:
        sys.stdout.write(phrases_json(doc, top) + "\n")
    else:
        print_phrases(doc, top)


def main() -> None:
    """Console entry point: one-line errors, exit 2 for bad input, 1 for other failures."""
    try:
        app(standalone_mode=False)
    except QuizgenError as exc:
        if _state["debug"]:
            raise
        typer.echo(f"quizgen: error: {exc}", err=True)
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        typer.echo("quizgen: interrupted", err=True)
        sys.exit(130)
    except SystemExit:
        raise
    except Exception as exc:  # click's usage errors and the unexpected
        import click

        if isinstance(exc, click.exceptions.Exit):
            sys.exit(exc.exit_code)
        if isinstance(exc, click.ClickException):
            exc.show()
            sys.exit(2 if isinstance(exc, click.UsageError) else 1)
        if isinstance(exc, click.exceptions.Abort):
            typer.echo("quizgen: aborted", err=True)
            sys.exit(130)
        if _state["debug"]:
            raise
        typer.echo(f"quizgen: error: {type(exc).__name__}: {exc} (run with --debug for details)", err=True)
        sys.exit(1)
