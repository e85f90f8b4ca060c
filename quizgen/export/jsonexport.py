"""Export stage: items -> JSON with a stable, documented schema (see README)."""

from __future__ import annotations

import json
from pathlib import Path

from typing import TYPE_CHECKING, Any, assert_never

from .. import __version__
from .anki import note_guid
from ..atomic import write_text
from ..items import Choice, Cloze, Item, Judge, Multi
from ..model import Deck, Document

if TYPE_CHECKING:
    from ..options import BuildOptions

SCHEMA_VERSION = 1

# json.dumps(..., ensure_ascii=False) builds a new JSONEncoder on every call; one will do
_encode = json.JSONEncoder(ensure_ascii=False).encode


def item_to_dict(deck: Deck, item: Item) -> dict[str, Any]:
    data: dict[str, Any] = {"id": item.id, "guid": note_guid(item), "kind": item.kind,
                            "document": item.document, "section": deck.section_label(item)}
    if item.score is not None:
        data["score"] = item.score
    if item.hides_section(data["section"]):
        data["section_hidden"] = True  # cards show the section line on the back only
    return data | content_fields(item, item.text if isinstance(item, Cloze) else None)


def content_fields(item: Item, text: str | None) -> dict[str, Any]:
    """The kind-specific fields (text / question, options, answer / statement, answer),
    then explanation, source and tags; ``text`` is the cloze text as the caller wants it."""
    data: dict[str, Any] = {}
    match item:
        case Cloze():
            data["text"] = text
            if item.hint:
                data["hint"] = item.hint
        case Choice() | Multi():
            data["question"] = item.question
            data["options"] = list(item.options)
            data["answer"] = list(item.answer)
        case Judge():
            data["statement"] = item.statement
            data["answer"] = bool(item.answer)
        case _:
            assert_never(item)
    if item.explanation:
        data["explanation"] = item.explanation
    data["source"] = item.source
    data["tags"] = list(item.tags)
    return data


def _document(doc: Document) -> dict[str, Any]:
    data: dict[str, Any] = {"id": doc.id, "title": doc.title, "source": doc.source}
    if doc.selection is not None:
        data["selection"] = doc.selection.summary()  # what was kept of the candidates, and why not
    return data


def deck_to_dict(deck: Deck) -> dict[str, Any]:
    return {
        "schema": SCHEMA_VERSION,
        "generator": f"quizgen {__version__}",
        "deck": deck.name,
        "source": deck.source,
        "documents": [_document(d) for d in deck.documents],
        "items": [item_to_dict(deck, i) for i in deck.items if i.enabled],
    }


def render(deck: Deck) -> str:
    """The JSON text: readable (one item per line) yet written by json's fast C encoder
    (``indent`` would switch to the slow pure-Python one)."""
    data = deck_to_dict(deck)
    items = data.pop("items")
    head = _encode(data)[:-1]
    body = ",\n".join(["    " + _encode(item) for item in items])
    tail = _retired(deck)
    return f'{head}, "items": [\n{body}\n  ]{tail}}}\n' if items else f'{head}, "items": []{tail}}}\n'


def _retired(deck: Deck) -> str:
    """``, "retired": [...]``: the items gone since an earlier build (one a line), whose ids
    a later build must not give to another item; nothing when there are none."""
    if not deck.retired:
        return ""
    return ', "retired": [\n' + ",\n".join("    " + _encode(r) for r in deck.retired) + "\n  ]"


def write(deck: Deck, out_dir: Path, stem: str, options: BuildOptions) -> list[Path]:
    """``NAME.json``."""
    path = out_dir / f"{stem}.json"
    write_text(path, render(deck))
    return [path]
