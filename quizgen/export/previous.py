"""A rebuild into a folder that holds the previous build's JSON export keeps item identity.

Fresh item ids are locations (:mod:`quizgen.generate.ids`): delete a sentence and the ones
after it take over their neighbours' ids, and so - the GUID being made from (document, id) -
their Anki notes and the learners' review history. When ``NAME.json`` of the previous build
is in the output folder, :func:`reidentify` matches the new items to its items the way the
review file's merge does (:func:`quizgen.identity.match`: same content, same question on the
same sentence, same place) and gives each matched item its previous id. An item whose
sentence is gone is *retired*: listed under ``retired`` in the new JSON export, so that its
id (its Anki note still in the learners' collections) is never given to another item; it
gets its id back if its sentence comes back. A new item whose id is taken gets ``ID-n2``.

A previous JSON that cannot be read or is not a quizgen export is left out with a warning:
the build then uses the fresh ids, as a build into an empty folder does.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import identity
from ..items import Item
from ..model import Deck
from .anki import guid_for
from .jsonexport import SCHEMA_VERSION, item_to_dict


@dataclass(frozen=True)
class Known:
    """An item of the previous build (``live``) or retired by an earlier one."""

    key: str
    fingerprint: str | None
    anchor: str | None
    source: str = ""
    live: bool = True


@dataclass(frozen=True)
class Fresh:
    key: str
    fingerprint: str
    anchor: str
    source: str


@dataclass
class Changes:
    """What a rebuild did to the previous build's items, for the CLI's report line."""

    deck: str  # the output's path without its suffix: decks/办公室工作
    unchanged: list[str] = field(default_factory=list)  # keys (document/id)
    updated: list[str] = field(default_factory=list)  # same item, content changed
    new: list[str] = field(default_factory=list)
    restored: list[str] = field(default_factory=list)  # a retired item back in the text
    removed: list[str] = field(default_factory=list)  # gone from the text: retired
    renumbered: dict[str, str] = field(default_factory=dict)  # fresh key -> key kept
    warning: str | None = None  # the previous export was left out: why

    def summary(self) -> str:
        """``decks/办公室工作: 3 updated, 1 new, 1 removed`` (or ``no changes``)."""
        counts = [(self.updated, "updated"), (self.new, "new"), (self.restored, "back"),
                  (self.removed, "removed")]
        parts = [f"{len(keys)} {what}" for keys, what in counts if keys] or ["no changes"]
        return f"{self.deck}: " + ", ".join(parts)


def content(deck: Deck, item: Item) -> dict[str, Any]:
    """What the fingerprint covers: the item's JSON entry but its id, GUID and kind."""
    data = item_to_dict(deck, item)
    for key in ("id", "guid", "kind"):
        data.pop(key)
    return data


def reidentify(deck: Deck, previous: Path, since_ns: int = 0) -> Changes | None:
    """Give ``deck`` 's items the ids they had in the ``previous`` JSON export (in place),
    set ``deck.retired``; None when there is no previous export (or only one written at
    or after ``since_ns``, by the same batch: two inputs sharing an output name)."""
    try:
        stat = previous.stat()
    except OSError:
        return None
    if stat.st_mtime_ns >= since_ns > 0 or not previous.is_file():
        return None
    changes = Changes(str(previous.with_suffix("")))
    try:
        known = read_known(previous)
    except ValueError as exc:
        changes.warning = f"{previous}: {exc}; item ids start afresh"
        return changes
    fresh = [Fresh(identity.item_key(i.document, i.id), identity.fingerprint(i.kind, content(deck, i)),
                   identity.anchor(i.document, i.id, i.source), i.source) for i in deck.items]
    found = identity.match(fresh, known, source=lambda i: getattr(i, "source", ""),
                           live=lambda old: getattr(old, "live", True))
    _apply(deck, fresh, known, found, changes)
    return changes


def _apply(deck: Deck, fresh: list[Fresh], known: list[Known], found: list[int | None],
           changes: Changes) -> None:
    taken = {old.key for old in known}
    for item, new, index in zip(deck.items, fresh, found):
        if index is None:
            key = identity.unique_key(new.key, taken)
            taken.add(key)
            changes.new.append(key)
        else:
            old = known[index]
            key = old.key
            if not old.live:
                changes.restored.append(key)
            else:
                (changes.unchanged if old.fingerprint == new.fingerprint else changes.updated).append(key)
        if key != new.key:
            changes.renumbered[new.key] = key
            item.id = key.split("/", 1)[1]
    claimed = {index for index in found if index is not None}
    retired = [old for n, old in enumerate(known) if n not in claimed]
    changes.removed = [old.key for old in retired if old.live]
    deck.retired = [_retired_entry(old) for old in retired]


def _retired_entry(old: Known) -> dict[str, str]:
    document, item_id = old.key.split("/", 1)
    return {"id": item_id, "document": document, "guid": guid_for(document, item_id),
            "fingerprint": old.fingerprint or "", "anchor": old.anchor or ""}


def read_known(path: Path) -> list[Known]:
    """The items of a previous JSON export, then the ones it lists as retired; a
    :class:`ValueError` saying what is wrong with the file."""
    try:
        data = json.loads(path.read_bytes().decode("utf-8-sig"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ValueError(f"cannot read the previous JSON export ({_reason(exc)})") from None
    if not isinstance(data, dict) or not str(data.get("generator", "")).startswith("quizgen"):
        raise ValueError("not a quizgen JSON export")
    if data.get("schema") != SCHEMA_VERSION:
        raise ValueError(f"JSON export of another schema ({data.get('schema')!r})")
    items, retired = data.get("items"), data.get("retired", [])
    if not isinstance(items, list) or not isinstance(retired, list):
        raise ValueError("a quizgen JSON export whose items are not a list")
    known = [_known_item(entry) for entry in items]
    known += [_known_retired(entry) for entry in retired]
    keys = [k.key for k in known]
    if len(set(keys)) != len(keys):
        raise ValueError("a quizgen JSON export with the same item id twice")
    return known


def _reason(exc: Exception) -> str:
    if isinstance(exc, OSError):
        return exc.strerror or str(exc)
    if isinstance(exc, UnicodeDecodeError):
        return "not UTF-8"
    return " ".join(str(exc).split())


def _text(entry: Any, key: str) -> str:
    value = entry.get(key) if isinstance(entry, dict) else None
    if not isinstance(value, str) or (key in ("id", "document") and not value):
        raise ValueError(f"an item without {key!r} (text)")
    return value


def _known_item(entry: Any) -> Known:
    item_id, document, kind = _text(entry, "id"), _text(entry, "document"), _text(entry, "kind")
    data = {k: v for k, v in entry.items() if k not in ("id", "guid", "kind")}
    source = str(entry.get("source") or "")
    return Known(identity.item_key(document, item_id), identity.fingerprint(kind, data),
                 identity.anchor(document, item_id, source), source)


def _known_retired(entry: Any) -> Known:
    key = identity.item_key(_text(entry, "document"), _text(entry, "id"))
    return Known(key, _text(entry, "fingerprint") or None, _text(entry, "anchor") or None, live=False)
