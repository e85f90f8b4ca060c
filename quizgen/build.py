"""The pipeline as a library: read -> clean -> structure -> phrases -> items -> export.

The CLI is a thin layer over :func:`build_batch` (and :func:`make_deck` / :func:`export`
for single decks); tests call them directly.
"""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .ingest.clean import clean_text
from .atomic import recording, remove_in_progress
from .collector import collector_paused
from .errors import InputError, NoTextError, QuizgenError
from .items import Choice, Item, Multi
from .lang.script import SCRIPTS, convert_script
from .model import Deck, Document, Source
from .ingest.inputs import Input, expand_inputs
from .ingest.read import read_source, sample
from .lang import segment
from .export import FORMATS, plan, safe_filename  # noqa: F401 - FORMATS: for the command line
from .options import DEFAULT_FORMATS, BuildOptions, PaperOptions
from .outdir import ensure_writable, output_folder
from .processes import stop_workers, worker_started
from .analyse.phrases import find_phrases
from .analyse.structure import structure
from .generate import generate
from .rank import Budget, rank

if TYPE_CHECKING:
    from .export.previous import Changes


def convert_items(items: list[Item], script: str | None) -> list[Item]:
    """The items with everything a learner reads in ``script``."""
    if not script:
        return items
    return [_converted(item, script) for item in items]


def _converted(item: Item, script: str) -> Item:
    changes: dict[str, Any] = {f: convert_script(getattr(item, f), script)
                                  for f in item.text_fields if getattr(item, f)}
    if isinstance(item, Choice | Multi):
        changes["options"] = [convert_script(o, script) for o in item.options]
    return replace(item, **changes)


def process(source: Source, script: str | None = None) -> Document:
    """Clean and analyse one source into a structured document with key phrases. With a
    ``script`` for the output, the text is analysed in simplified characters (what jieba,
    the structure markers and the idiom lists know) and only the title is converted here;
    :func:`document_items` converts the items."""
    text = clean_text(source.text)
    if not source.text.strip():
        raise NoTextError("file is empty (only whitespace)", source.label)
    if not any(c.isalpha() for c in text):  # not a word left to make a sentence of
        raise InputError("no text left after removing forum noise", source.label)
    title = convert_script(source.title, script)
    text = convert_script(text, script and "simplified")
    with collector_paused():
        return find_phrases(structure(text, title, doc_id=title, source=source.label))


def document_items(source: Source, seed: int = 0, script: str | None = None,
                   budget: Budget = Budget()) -> tuple[Document, list[Item]]:
    """One source -> its analysed document and its selected items, in the ``script`` asked for."""
    doc = process(source, script)
    return doc, convert_items(make_items(doc, seed, budget), script)


def make_items(doc: Document, seed: int = 0, budget: Budget = Budget()) -> list[Item]:
    """The document's items: every candidate the generators make, scored, and the
    selection of them that ``budget`` keeps (``doc.selection`` says what went and why)."""
    candidates = generate(doc, seed)
    doc.selection = rank(doc, candidates, budget)
    items = doc.selection.kept
    if not items and candidates:
        raise InputError(f"found nothing worth asking about in it: none of its {len(candidates)} candidate "
                         "items passed the checks (--all keeps them for review)", doc.source)
    if not items:
        raise InputError("found nothing worth asking about in it (no key phrases)", doc.source)
    seen: set[str] = set()
    for item in items:
        item.document = doc.id
        if item.id in seen:
            raise AssertionError(f"duplicate item id {item.id} in {doc.id}")
        seen.add(item.id)
    return items


def deck_from(documents: list[tuple[Document, list[Item]]], name: str | None = None,
              script: str | None = None) -> Deck:
    """One deck; with several documents, a subdeck per document."""
    items: list[Item] = [item for _, doc_items in documents for item in doc_items]
    docs = [doc for doc, _ in documents]
    deck_name = name or (docs[0].title if len(docs) == 1 else "quizgen")
    return Deck(deck_name, docs, items, source=", ".join(d.source for d in docs), script=script)


def make_deck(sources: list[Source], name: str | None = None, seed: int = 0,
              script: str | None = None, budget: Budget = Budget()) -> Deck:
    return deck_from([document_items(source, seed, script, budget) for source in sources], name, script)


# --- export -----------------------------------------------------------------------


@dataclass
class Output:
    path: Path
    format: str
    notes: int = 0
    cards: int = 0
    questions: int = 0  # on an exam paper (html, pdf): how many it has
    asked: int | None = None  # and how many were asked for (--count)
    deck: str = ""  # the name of the deck the paper is of


def export(deck: Deck, out_dir: Path, formats: tuple[str, ...] = DEFAULT_FORMATS, seed: int = 0,
           paper: PaperOptions | None = None) -> list[Output]:
    """Write ``deck`` in every format asked for, through the exporters' registry
    (:data:`quizgen.export.EXPORTERS`). The papers come last, so a PDF that cannot be
    rendered is reported after the other formats are written; the error's ``outputs``
    lists every file written all the same."""
    jobs = plan(formats)
    ensure_writable(out_dir)
    options = BuildOptions(formats=tuple(formats), seed=seed, paper=paper or PaperOptions())
    stem = safe_filename(deck.name)
    enabled = [i for i in deck.items if i.enabled]
    notes, cards = len(enabled), sum(i.cards for i in enabled)
    outputs: list[Output] = []
    for seen in _batches:  # before any file is written: a batch sees each one the moment it is
        seen.append(outputs)
    for job in jobs:
        with recording() as written:
            try:
                paths = job.run(deck, out_dir, stem, options)
                questions = _questions(deck, options) if job.name == "paper" else 0
                for path in paths:
                    outputs.append(Output(path, job.format_of(path), notes, cards, questions, options.paper.count,
                                          deck.name))
            except (QuizgenError, OSError, KeyboardInterrupt) as exc:
                # a PDF that cannot be rendered, a full disk, Ctrl-C: what was written is reported
                done = {output.path for output in outputs}
                outputs.extend(Output(p, job.format_of(p), notes, cards) for p in written if p not in done)
                raise _with_outputs(exc, job.name, out_dir, outputs) from None
    return outputs


def _questions(deck: Deck, options: BuildOptions) -> int:
    """How many questions the papers just written have (every version has the same)."""
    from .export.paper.selection import select  # lazy: the paper modules load only for a paper

    return len(select(deck.items, options.seed, options.paper.count, options.paper.per_type))


_batches: list[list[list[Output]]] = []  # per batch under way: the outputs list of each export


@contextlib.contextmanager
def _exports_seen() -> Iterator[list[list[Output]]]:
    """The outputs lists of every :func:`export` run in the block (in this process), filled
    as the files are written: an interrupt that lands after a document is exported and
    before the batch records it still lists that document's files."""
    seen: list[list[Output]] = []
    _batches.append(seen)
    try:
        yield seen
    finally:
        _batches.remove(seen)


def _unique_outputs(*groups: list[Output]) -> list[Output]:
    """The outputs of ``groups``, each path once, in order."""
    by_path: dict[Path, Output] = {}
    for group in groups:
        for output in group:
            by_path.setdefault(output.path, output)
    return list(by_path.values())


def _with_outputs(exc: BaseException, name: str, out_dir: Path, outputs: list[Output]) -> BaseException:
    if isinstance(exc, OSError):
        exc = QuizgenError(f"cannot write {name}: {exc.strerror or exc}", out_dir)
    exc.outputs = outputs  # type: ignore[attr-defined]
    return exc


def rebuild(deck: Deck, out_dir: Path, formats: tuple[str, ...] = DEFAULT_FORMATS, seed: int = 0,
            paper: PaperOptions | None = None, since_ns: int = 0) -> tuple[list[Output], Changes | None]:
    """:func:`export` a deck built from texts, keeping the ids of the previous build's
    items when the output folder holds its JSON export (:mod:`quizgen.export.previous`);
    that export is then written again, asked for or not: it is the record of the ids the
    learners' notes have. Also returns what changed since (None: no previous export)."""
    from .export.previous import reidentify  # lazy: the exporters load genanki

    ensure_writable(out_dir)
    changes = reidentify(deck, out_dir / f"{safe_filename(deck.name)}.json", since_ns)
    if changes is not None and changes.warning is None and "json" not in formats:
        formats = (*formats, "json")
    return export(deck, out_dir, formats, seed, paper), changes


@dataclass
class BuildResult:
    deck: Deck
    outputs: list[Output]
    changes: Changes | None = None  # since the previous build in the folder, if any


def build(sources: list[Source], out_dir: Path, formats: tuple[str, ...] = DEFAULT_FORMATS,
          name: str | None = None, seed: int = 0, budget: Budget = Budget()) -> BuildResult:
    """One deck from ``sources``, written in ``formats`` (the library's simplest entry);
    a previous build's JSON export in ``out_dir`` keeps the items' ids (:func:`rebuild`)."""
    deck = make_deck(sources, name, seed, budget=budget)
    with output_folder(out_dir):
        return BuildResult(deck, *rebuild(deck, out_dir, formats, seed))


# --- batches ------------------------------------------------------------------------


@dataclass
class Failure:
    path: str
    error: QuizgenError


@dataclass
class BatchResult:
    outputs: list[Output] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)
    documents: int = 0
    encodings: dict[str, str] = field(default_factory=dict)
    selections: dict[str, dict[str, object]] = field(default_factory=dict)  # per input: what was kept, why not
    changes: list[Changes] = field(default_factory=list)  # per deck rebuilt over a previous one
    skipped: list[Failure] = field(default_factory=list)  # found in a folder, no text in them: a warning

    @property
    def exit_code(self) -> int:
        if not self.failures:
            return 0
        return 2 if all(isinstance(f.error, InputError) for f in self.failures) else 1


def _read_and_process(entry: Input | None, options: BuildOptions):
    source = sample() if entry is None else read_source(entry.path, entry.encoding or options.encoding)
    if entry is not None and entry.title:
        source.title = entry.title
    budget = Budget(options.max_cards, options.keep_all)
    return source.encoding, *document_items(source, options.seed, options.script, budget)


def _one_document(entry: Input | None, out_dir: Path, options: BuildOptions, since_ns: int = 0):
    """Worker: one input -> ((encoding, selection summary), (outputs, changes), error) or,
    when merging, ((encoding, selection summary), (doc, items), error)."""
    try:
        with collector_paused():
            encoding, doc, items = _read_and_process(entry, options)
            read = (encoding, doc.selection.summary() if doc.selection else {})
            if options.merge:
                return read, (doc, items), None
            deck = deck_from([(doc, items)], options.name, options.script)
            return read, rebuild(deck, out_dir, options.formats, options.seed, options.paper,
                                     since_ns), None
    except QuizgenError as exc:
        # a PDF that failed still leaves the other formats written: report both
        return None, getattr(exc, "outputs", None), exc
    except Exception as exc:  # noqa: BLE001 - reported per file, the batch goes on
        return None, None, QuizgenError(f"{type(exc).__name__}: {exc}", entry.path if entry else "<built-in>")


def _start_worker(parent: int) -> None:
    worker_started(parent)  # dies with the parent, cleanly
    segment.tokenizer()  # jieba loads once per worker


def _nothing_to_build(inputs: list[Input | None], skipped: int) -> Failure:
    """The failure of a batch whose folders hold only files without text."""
    label = ", ".join(sorted({str(entry.folder) for entry in inputs if entry and entry.folder}))
    return Failure(label, InputError(f"nothing to build: every file found is empty or not text "
                                     f"({skipped} skipped)", label))


def build_batch(paths: list[Path | Input] | None, out_dir: Path, options: BuildOptions,
                progress: Callable[[str], None] | None = None) -> BatchResult:
    """Build every input (files, folders or a manifest's :class:`Input` s; none = the
    built-in sample): one deck per document, or one merged deck with a subdeck per
    document. A bad file is reported and skipped; the rest are built. A file without text
    found in a folder (empty, binary) is only a warning (``skipped``)."""
    inputs: list[Input | None] = list(expand_inputs(paths)) if paths else [None]
    result = BatchResult()
    with output_folder(out_dir), _exports_seen() as exports:
        try:
            _build_all(inputs, out_dir, options, result, progress)
        except KeyboardInterrupt as exc:  # Ctrl-C, SIGTERM: say what was written all the same
            # a signal that lands inside a ``with atomic_path`` statement's own machinery
            # (between the body's end and the rename) skips its clean-up: the file is removed here
            remove_in_progress()
            # ... and one that lands between a document's export and its report: the files
            # its export wrote are listed all the same
            exc.outputs = _unique_outputs(  # type: ignore[attr-defined]
                result.outputs, getattr(exc, "outputs", []), [o for seen in exports for o in seen])
            raise
    return result


def _build_all(inputs: list[Input | None], out_dir: Path, options: BuildOptions, result: BatchResult,
               progress: Callable[[str], None] | None) -> None:
    since_ns = time.time_ns()  # a JSON export written from now on is this batch's, not a previous one
    merged: dict[int, tuple] = {}
    jobs = min(options.jobs or os.cpu_count() or 1, len(inputs))

    def collect(index: int, entry: Input | None, outcome) -> None:
        read, payload, error = outcome
        label = str(entry.path) if entry else "<built-in>"
        if error is not None and isinstance(error, NoTextError) and entry is not None and entry.folder:
            result.skipped.append(Failure(label, error))
        elif error is not None:
            result.failures.append(Failure(label, error))
            result.outputs.extend(payload or [])
        else:
            result.documents += 1
            result.encodings[label], result.selections[label] = read
            if options.merge:
                merged[index] = payload
            else:
                outputs, changes = payload
                result.outputs.extend(outputs)
                result.changes.extend([changes] if changes else [])
        if progress:
            progress(label)

    if jobs <= 1:
        for index, entry in enumerate(inputs):
            collect(index, entry, _one_document(entry, out_dir, options, since_ns))
    else:
        with ProcessPoolExecutor(max_workers=jobs, initializer=_start_worker, initargs=(os.getpid(),)) as pool:
            futures = {pool.submit(_one_document, entry, out_dir, options, since_ns): (index, entry)
                       for index, entry in enumerate(inputs)}
            try:
                for future in as_completed(futures):
                    index, entry = futures[future]
                    collect(index, entry, future.result())
            except BaseException:
                stop_workers(pool)  # now: a worker's file half written is removed, not finished
                raise
    order = {str(entry.path) if entry else "<built-in>": index for index, entry in enumerate(inputs)}
    for reports in (result.failures, result.skipped):  # in the order of the inputs, not of the workers
        reports.sort(key=lambda report: order.get(report.path, 0))
    if result.skipped and not result.documents and not result.failures:
        result.failures.append(_nothing_to_build(inputs, len(result.skipped)))
    if options.merge and merged:
        deck = deck_from([merged[i] for i in sorted(merged)], options.name, options.script)
        outputs, changes = rebuild(deck, out_dir, options.formats, options.seed, options.paper, since_ns)
        result.outputs.extend(outputs)
        result.changes.extend([changes] if changes else [])
