"""The pipeline as a library: read -> clean -> structure -> phrases -> items -> export.

The CLI is a thin layer over :func:`make_deck` and :func:`build`; tests call them directly.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .clean import clean_text
from .errors import InputError
from .model import Deck, Item, Source
from .phrases import analyze
from .structure import StructuredDocument

FORMATS = ("apkg", "json")
DEFAULT_FORMATS = ("apkg",)


def process(source: Source) -> StructuredDocument:
    """Clean and analyse one source into a structured document with key phrases."""
    text = clean_text(source.text)
    if not text.strip():
        raise InputError("nothing left after cleaning (empty, whitespace or noise only)", source.label)
    return analyze(text, title=source.title, doc_id=source.title, source=source.label)


def make_items(doc: StructuredDocument, seed: int = 0) -> list[Item]:
    from .cloze import cloze_items
    from .questions import question_items

    items = cloze_items(doc) + question_items(doc, seed=seed)
    for item in items:
        item.document = doc.id
    _check_unique(items, doc)
    return items


def _check_unique(items: list[Item], doc: StructuredDocument) -> None:
    seen: set[str] = set()
    for item in items:
        if item.id in seen:
            raise AssertionError(f"duplicate item id {item.id} in {doc.id}")
        seen.add(item.id)


def make_deck(sources: list[Source], name: str | None = None, seed: int = 0) -> Deck:
    """One deck from one or more sources (several sources: a subdeck per document)."""
    documents, items = [], []
    for source in sources:
        doc = process(source)
        doc_items = make_items(doc, seed)
        if len(sources) > 1:
            for item in doc_items:
                item.section = f"{doc.title}::{item.section}"
        documents.append(doc)
        items.extend(doc_items)
    deck_name = name or (documents[0].title if len(documents) == 1 else "quizgen")
    return Deck(deck_name, documents, items, source=", ".join(d.source for d in documents))


@dataclass
class Output:
    path: Path
    format: str
    notes: int = 0
    cards: int = 0


@dataclass
class BuildResult:
    deck: Deck
    outputs: list[Output] = field(default_factory=list)


def safe_filename(name: str) -> str:
    bad = '/\\:*?"<>|\n\r\t'
    cleaned = "".join("_" if c in bad else c for c in name).strip(" .")
    return cleaned or "deck"


def export(deck: Deck, out_dir: Path, formats: tuple[str, ...] = DEFAULT_FORMATS) -> BuildResult:
    from . import anki, jsonexport

    result = BuildResult(deck)
    stem = safe_filename(deck.name)
    enabled = [i for i in deck.items if i.enabled]
    notes = len(enabled)
    cards = sum(anki.card_count(i) for i in enabled)
    for fmt in formats:
        if fmt == "apkg":
            path = anki.write_apkg(deck, out_dir / f"{stem}.apkg")
        elif fmt == "json":
            path = jsonexport.write_json(deck, out_dir / f"{stem}.json")
        else:
            raise InputError(f"unknown format {fmt!r} (choose from {', '.join(FORMATS)})")
        result.outputs.append(Output(path, fmt, notes, cards))
    return result


def build(sources: list[Source], out_dir: Path, formats: tuple[str, ...] = DEFAULT_FORMATS,
          name: str | None = None, seed: int = 0) -> BuildResult:
    return export(make_deck(sources, name, seed), out_dir, formats)
