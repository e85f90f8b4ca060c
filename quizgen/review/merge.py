"""Merging a freshly generated deck into an existing review file (see :mod:`quizgen.review`):
generated items are matched to the items the file knows (:func:`match_items`), then each
is left, updated, marked as a conflict, added or marked removed."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from .. import identity
from ..identity import fingerprint, item_key, unique_key
from ..items import Item
from ..model import Deck
from .entries import (blank_line_before, content_map, document_entries, existing_content, item_content,
                      item_entry, put, set_content, set_fingerprints)
from .schema import FINGERPRINTS_MARKER, PASSING_STATUSES


@dataclass
class MergeReport:
    """What :func:`write_review` did; lists hold item labels (``id`` or ``document/id``)."""

    path: Path
    created: bool  # a fresh file: nothing was merged
    items: int = 0  # items in the file now
    unchanged: list[str] = field(default_factory=list)
    edited: list[str] = field(default_factory=list)  # trainer's edits kept, source unchanged
    new: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)  # source changed, not edited: replaced
    conflicts: list[str] = field(default_factory=list)  # source changed and edited: both kept
    removed: list[str] = field(default_factory=list)  # source gone: kept, disabled
    restored: list[str] = field(default_factory=list)  # source back: enabled again
    deleted: list[str] = field(default_factory=list)  # deleted by the trainer: not re-added

    def summary(self) -> str:
        """One line for the CLI, e.g. ``updated review.yaml (146 items): 3 new, 1 conflict``."""
        if self.created:
            return f"wrote {self.path} ({self.items} items)"
        counts = [
            (self.new, "new"), (self.updated, "updated from the changed source"),
            (self.conflicts, "conflicts (your version kept, see status: conflict)"),
            (self.removed, "removed from the source (kept, disabled)"),
            (self.restored, "back in the source (enabled again)"),
            (self.deleted, "deleted by you (not re-added)"), (self.edited, "edited by you (kept)"),
        ]
        parts = [f"{len(ids)} {what}" for ids, what in counts if ids] or ["no changes"]
        return f"updated {self.path} ({self.items} items): " + ", ".join(parts)



def _default_document(root: CommentedMap) -> str:
    docs = root.get("documents") or []
    return str(docs[0].get("id", "")) if len(docs) == 1 and isinstance(docs[0], dict) else ""


def _label(key: str, single_document: bool) -> str:
    return key.split("/", 1)[1] if single_document else key


@dataclass
class KnownItem:
    """An item the review file knows: in ``items``, or only remembered (deleted by the trainer)."""

    key: str  # document/id
    entry: CommentedMap | None  # None: the trainer deleted it
    fingerprint: str | None  # of the content generated for it last time
    anchor: str | None
    claimed: bool = False


@dataclass
class GeneratedItem:
    """A freshly generated item."""

    key: str
    item: Item
    content: dict[str, Any]
    fingerprint: str
    anchor: str
    match: KnownItem | None = None


def merge_deck(root: CommentedMap, deck: Deck, report: MergeReport) -> None:
    """Merge freshly generated ``deck`` into the loaded review file ``root`` (in place).

    Generated items are matched to the file's items by identical generated content, then
    by anchor (same kind of question on the same source sentence), then as the same
    question on a similar sentence (:func:`match_items`): positional ids shift when a
    sentence is inserted or removed, and a matched item keeps the id the file gave it (so
    its Anki note, and the learners' progress, stay the same).
    """
    single = len(deck.documents) == 1
    olds = known_items(root)
    news = [generated_item(deck, item) for item in deck.items]
    match_items(news, olds)
    entries: CommentedSeq = root["items"]
    taken = {old.key for old in olds}
    fingerprints: dict[str, str] = {}
    previous: CommentedMap | None = None
    for new in news:
        old = new.match
        if old is None:
            key = unique_key(new.key, taken)
            taken.add(key)
            item = dataclasses.replace(new.item, id=key.split("/", 1)[1])
            previous = _insert_new(entries, item_entry(deck, item, not single), previous)
            report.new.append(_label(key, single))
        else:
            key = old.key
            if old.entry is None:
                report.deleted.append(_label(key, single))
            else:
                previous = old.entry
                _merge_item(old.entry, new, old.fingerprint, _label(key, single), report)
        fingerprints[key] = fingerprint_record(new.fingerprint, new.anchor)
    for old in olds:
        if not old.claimed and old.entry is not None:
            _mark_removed(old.entry, _label(old.key, single), report)
            fingerprints[old.key] = fingerprint_record(old.fingerprint or fingerprint(
                old.entry.get("kind"), existing_content(old.entry)), old.anchor or "")
    root["documents"] = document_entries(deck)
    _drop_fingerprints_comment(root)
    set_fingerprints(root, fingerprints)


def anchor(item: Item) -> str:
    """An item's anchor (:func:`quizgen.identity.anchor`)."""
    return identity.anchor(item.document, item.id, item.source)


def fingerprint_record(content_fingerprint: str, item_anchor: str) -> str:
    """An item's value in ``fingerprints``: content fingerprint and anchor."""
    return f"{content_fingerprint} {item_anchor}".strip()


def generated_item(deck: Deck, item: Item) -> GeneratedItem:
    """A generated item with its content as the review file writes it, fingerprinted."""
    content = item_content(deck, item)
    return GeneratedItem(item_key(item.document, item.id), item, content,
                         fingerprint(item.kind, content), anchor(item))


def known_items(root: CommentedMap) -> list[KnownItem]:
    """The items a loaded review file knows: those in ``items``, then those only its
    ``fingerprints`` remember (deleted by the trainer)."""
    default_document = _default_document(root)
    records = {str(k): str(v).split() for k, v in (root.get("fingerprints") or {}).items()}
    olds = []
    for entry in root["items"]:
        key = item_key(str(entry.get("document", default_document)), str(entry["id"]))
        olds.append(_known(key, entry, records.pop(key, [])))
    olds.extend(_known(key, None, record) for key, record in records.items())
    return olds


def _known(key: str, entry: CommentedMap | None, record: list[str]) -> KnownItem:
    """A known item with its ``fingerprints`` record: content fingerprint, anchor."""
    return KnownItem(key, entry, record[0] if record else None, record[1] if len(record) > 1 else None)


def match_items(news: list[GeneratedItem], olds: list[KnownItem]) -> None:
    """Pair generated and known items, one to one (:func:`quizgen.identity.match`: by
    generated content, by anchor, then as the same question on a similar sentence; a
    deleted item is matched by content or anchor only). Sets ``new.match`` (None: no known
    item is the same) and ``old.claimed``."""
    found = identity.match(news, olds, source=_source,
                           live=lambda old: getattr(old, "entry", None) is not None)
    for new, index in zip(news, found):
        if index is not None:
            new.match = olds[index]
            new.match.claimed = True


def _source(known: Any) -> str:
    """The source sentence of a generated item, or of an item in the file."""
    if isinstance(known, GeneratedItem):
        return known.item.source
    return str(known.entry.get("source") or "") if known.entry is not None else ""


def _merge_item(entry: CommentedMap, new: GeneratedItem, old_fp: str | None, label: str,
                report: MergeReport) -> None:
    """Bring one matched item up to date; ``old_fp``: what was generated for it last time."""
    status = entry.get("status")
    if status in PASSING_STATUSES:
        del entry["status"]
    if new.item.score is not None:
        put(entry, "score", new.item.score)  # the model's view now, edited or not
    current = fingerprint(entry.get("kind"), existing_content(entry))
    if current == new.fingerprint:  # as generated now (never edited, or edited to match)
        _clear_conflict(entry)
        report.unchanged.append(label)
    elif new.fingerprint == old_fp:  # source unchanged, edited by the trainer: keep
        (report.conflicts if status == "conflict" else report.edited).append(label)
    elif current == old_fp:  # source changed, not edited: take the new version
        set_content(entry, new.content)
        put(entry, "kind", new.item.kind)
        _clear_conflict(entry)
        put(entry, "status", "updated")
        report.updated.append(label)
    else:  # source changed and edited (or no record of what was generated): ask
        put(entry, "status", "conflict")
        put(entry, "generated", content_map(new.content))
        report.conflicts.append(label)
    if status == "removed":
        put(entry, "enabled", True)
        if entry.get("status") in (None, "removed"):
            put(entry, "status", "restored")
        report.restored.append(label)


def _clear_conflict(entry: CommentedMap) -> None:
    entry.pop("generated", None)
    if entry.get("status") == "conflict":
        del entry["status"]


def _mark_removed(entry: CommentedMap, label: str, report: MergeReport) -> None:
    if entry.get("status") != "removed":
        put(entry, "status", "removed")
        put(entry, "enabled", False)
    report.removed.append(label)


def _insert_new(entries: CommentedSeq, entry: CommentedMap,
                after: CommentedMap | None) -> CommentedMap:
    """Insert a new item after ``after`` (or first), marked ``status: new``."""
    put(entry, "status", "new")
    index = 0 if after is None else next(i for i, e in enumerate(entries) if e is after) + 1
    entries.insert(index, entry)
    blank_line_before(entries, index)
    return entry


def _drop_fingerprints_comment(root: CommentedMap) -> None:
    """Remove our comment above ``fingerprints`` (it is written again), keep the trainer's."""
    items = root["items"]
    end = getattr(items.ca, "end", None)
    if end:
        marker = next((i for i, token in enumerate(end)
                       if FINGERPRINTS_MARKER in getattr(token, "value", "")), None)
        if marker is not None:
            del end[marker:]
            while end and not getattr(end[-1], "value", "x").strip():
                end.pop()  # the blank line written before our comment
    root_comment = root.ca.items.get("fingerprints")
    if root_comment:
        root.ca.items.pop("fingerprints")

