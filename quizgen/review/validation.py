"""Checking a parsed review file: every problem, at the line of its field, in file order.
A problem is ``structural`` when the file's items cannot be told apart: then no merge."""

from __future__ import annotations

import difflib
from pathlib import Path
from typing import Any


from ..errors import quoted, shorten
from ..items import KINDS, Cloze
from ..identity import item_key, plain
from .entries import entry_to_item, letter, scalar_text
from .problems import Problem
from .schema import DOCUMENT_KEYS, ITEM_KEYS, REQUIRED, SCHEMA, TEXT_KEYS, TOP_KEYS


def _line(node: Any, key: Any = None) -> int | None:
    """1-based line of ``node`` (or of its ``key``'s value) in the file, if known."""
    lc = getattr(node, "lc", None)
    if lc is None:
        return None
    try:
        if key is not None and isinstance(node, dict) and key in node:
            # an anchored value may be an alias's: its own line is the anchor's
            anchored = callable(getattr(node[key], "yaml_anchor", None)) and node[key].yaml_anchor()
            return (lc.key(key) if anchored else lc.value(key))[0] + 1
        if key is not None and isinstance(node, list):
            return lc.item(key)[0] + 1
        return lc.line + 1
    except (KeyError, TypeError, IndexError, AttributeError):
        return lc.line + 1 if lc.line is not None else None


class _Problems:
    """Collects :class:`Problem` s for one file."""

    def __init__(self, path: Path):
        self.path = str(path)
        self.found: list[Problem] = []

    def add(self, line: int | None, where: str, message: str, structural: bool = False) -> None:
        self.found.append(Problem(self.path, line, where, message, structural))


def validate(root: Any, path: Path) -> list[Problem]:
    """Problems in a parsed review file; ``structural`` ones make a merge impossible."""
    problems = _Problems(path)
    if not isinstance(root, dict):
        problems.add(1, "", "not a quizgen review file (expected the keys deck, documents "
                     "and items)", structural=True)
        return problems.found
    _validate_top(root, problems)
    documents = _validate_documents(root, problems)
    items = root.get("items")
    if isinstance(items, list):
        _validate_items(items, documents, problems)
    return sorted(problems.found, key=lambda p: (p.line or 0))


def _unknown_key(key: Any, known: tuple[str, ...]) -> str:
    close = difflib.get_close_matches(str(key), known, n=1)
    hint = f"did you mean {close[0]!r}?" if close else "known: " + ", ".join(known)
    return f"unknown field {quoted(str(key))} ({hint})"


def _validate_top(root: dict, problems: _Problems) -> None:
    for key in root:
        if key not in TOP_KEYS:
            problems.add(_line(root, key), "", _unknown_key(key, TOP_KEYS))
    schema = root.get("schema", SCHEMA)
    if schema != SCHEMA:
        problems.add(_line(root, "schema"), "", f"unsupported schema {quoted(schema)} "
                     f"(this quizgen reads schema {SCHEMA})", structural=True)
    if not isinstance(root.get("deck"), str) or not root.get("deck", "").strip():
        problems.add(_line(root, "deck"), "", "deck: missing or empty deck name")
    if "items" not in root:
        problems.add(_line(root), "", "missing field items", structural=True)
    elif not isinstance(root["items"], list):
        problems.add(_line(root, "items"), "", "items must be a list of items", structural=True)
    fingerprints = root.get("fingerprints")
    if fingerprints is not None and not isinstance(fingerprints, dict):
        problems.add(_line(root, "fingerprints"), "", "fingerprints must be a mapping "
                     "(maintained by quizgen: delete the key to reset it)", structural=True)


def _validate_documents(root: dict, problems: _Problems) -> list[str]:
    docs = root.get("documents")
    if not isinstance(docs, list) or not docs:
        problems.add(_line(root, "documents") if "documents" in root else _line(root), "",
                     "documents: missing or empty (the document ids are part of the note GUIDs)",
                     structural=True)
        return []
    ids = []
    for index, doc in enumerate(docs):
        if not isinstance(doc, dict) or not isinstance(doc.get("id"), str) or not doc["id"]:
            problems.add(_line(docs, index), f"documents[{index}]", "needs an id (text)",
                         structural=True)
            continue
        for key in doc:
            if key not in DOCUMENT_KEYS:
                problems.add(_line(doc, key), f"document {shorten(doc['id'])}",
                             _unknown_key(key, DOCUMENT_KEYS))
        ids.append(doc["id"])
    return ids


def _validate_items(items: list, documents: list[str], problems: _Problems) -> None:
    seen: dict[str, int | None] = {}
    for index, entry in enumerate(items):
        line = _line(items, index)
        if not isinstance(entry, dict):
            problems.add(line, f"items[{index}]", "is not an item (expected id, kind, …)",
                         structural=True)
            continue
        item_id = entry.get("id")
        if not isinstance(item_id, str) or not item_id.strip():
            what = "missing field id" if item_id is None else "id must be text"
            problems.add(_line(entry, "id"), f"item #{index + 1}", what, structural=True)
            continue
        where = f"item {shorten(item_id)}"
        document = _item_document(entry, documents, where, problems)
        key = item_key(document, item_id)
        if key in seen:
            problems.add(_line(entry, "id"), where,
                         f"duplicate id (also at line {seen[key]})", structural=True)
        seen.setdefault(key, _line(entry, "id"))
        _validate_item(entry, where, problems)


def _item_document(entry: dict, documents: list[str], where: str,
                   problems: _Problems) -> str:
    if "document" not in entry:
        if len(documents) > 1:
            problems.add(_line(entry), where, "missing field document (the deck has several "
                         "documents: " + ", ".join(documents) + ")", structural=True)
        return documents[0] if len(documents) == 1 else ""
    document = entry["document"]
    if documents and document not in documents:
        problems.add(_line(entry, "document"), where, f"unknown document {quoted(document)} "
                     "(known: " + ", ".join(documents) + ")", structural=True)
    return str(document)


def _validate_item(entry: dict, where: str, problems: _Problems) -> None:
    for key in entry:
        if key not in ITEM_KEYS:
            problems.add(_line(entry, key), where, _unknown_key(key, ITEM_KEYS))
    kind = entry.get("kind")
    if kind is None:
        problems.add(_line(entry), where, "missing field kind (cloze, choice, multi or judge)")
        return
    if kind not in KINDS:
        problems.add(_line(entry, "kind"), where,
                     f"unknown kind {quoted(kind)} (expected cloze, choice, multi or judge)")
        return
    score = entry.get("score", 0.5)
    if isinstance(score, bool) or not isinstance(score, int | float) or not 0 <= score <= 1:
        problems.add(_line(entry, "score"), where, f"score must be a number from 0 to 1, not {quoted(score)}")
    enabled = entry.get("enabled", True)
    if not isinstance(enabled, bool):
        problems.add(_line(entry, "enabled"), where,
                     f"enabled must be true or false, not {quoted(enabled)}")
    if enabled is False:
        return  # a disabled item is not built: its content may be unfinished
    _validate_content(entry, kind, where, problems)


def _validate_content(entry: dict, kind: str, where: str, problems: _Problems) -> None:
    """The entry's fields as YAML types, then - once it reads as an item - the item's own
    rules (:meth:`quizgen.items.Item.validate`), each reported at the line of its field."""
    typed = True
    for key in REQUIRED[kind]:
        if key not in entry:
            problems.add(_line(entry), where, f"missing field {key}")
            typed = False
    for key in TEXT_KEYS:
        if key in entry and scalar_text(entry[key]) is None:
            problems.add(_line(entry, key), where, f"{key} must be text")
            typed = False
    tags = entry.get("tags", [])
    if not isinstance(tags, list) or any(not isinstance(t, str) for t in tags):
        problems.add(_line(entry, "tags"), where, "tags must be a list of words, e.g. [heading]")
        typed = False
    typed = _validate_types(entry, kind, where, problems) and typed
    if not typed:
        return
    for reason in entry_to_item(entry, "").validate():
        line = _line(entry[reason.field], reason.index) if reason.index is not None else None
        problems.add(line or _line(entry, reason.field or None), where, reason.message)


def _validate_types(entry: dict, kind: str, where: str, problems: _Problems) -> bool:
    """Options a list of texts, answer a list of option indexes (judge: true or false)."""
    if kind == "judge":
        if "answer" in entry and not isinstance(entry["answer"], bool):
            problems.add(_line(entry, "answer"), where,
                         f"answer must be true or false for a judge item, not {quoted(entry['answer'])}")
            return False
        return True
    if kind == "cloze":  # the text as typed ({{c1::…}}, unescaped), before it becomes markup
        typed = Cloze(id="", section="", text=scalar_text(entry.get("text")) or "")
        malformed = [r for r in typed.validate() if r.code == "malformed-cloze"]
        for reason in malformed:
            problems.add(_line(entry, "text"), where, reason.message)
        return not malformed
    ok = True
    options = entry.get("options")
    if "options" in entry and not isinstance(options, list):
        problems.add(_line(entry, "options"), where, "options must be a list of at least 2 options")
        ok = False
    elif isinstance(options, list):
        for index, option in enumerate(options):
            if scalar_text(option) is None:
                problems.add(_line(options, index), where,
                             f"option {index} ({letter(index)}) is empty or not text")
                ok = False
    answer = entry.get("answer")
    if "answer" in entry and (not isinstance(answer, list) or any(
            isinstance(a, bool) or not isinstance(a, int) for a in answer)):
        problems.add(_line(entry, "answer"), where, "answer must be a list of option indexes counted from 0 "
                     f"(0 = A, 1 = B, …), e.g. [1], not {quoted(plain(answer))}")
        ok = False
    return ok


