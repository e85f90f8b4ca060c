"""Writing a review file: ``quizgen extract`` (:func:`extract` / :func:`write_review`) writes
every generated item, merging into an existing file (see :mod:`quizgen.review`)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from ..atomic import write_text
from ..errors import InputError
from ..model import Deck
from ..identity import fingerprint, item_key
from .entries import blank_line_before, document_entries, item_content, item_entry, set_fingerprints
from .merge import MergeReport, anchor, fingerprint_record, merge_deck
from .schema import HEADER, SCHEMA
from .validation import validate
from .yamlio import dump, parse


def extract(deck: Deck, path: Path) -> MergeReport:
    """Write the review file for ``deck``, merging into ``path`` when it already exists."""
    path = Path(path)
    return write_review(deck, path, existing=path if path.exists() else None)


def write_review(deck: Deck, path: Path, existing: Path | None = None) -> MergeReport:
    """Write every item of ``deck`` to the review file ``path`` (atomically).

    With ``existing`` (a review file, often ``path`` itself) the trainer's edits,
    deletions and comments there are merged as described in :mod:`quizgen.review`.
    """
    path = Path(path)
    if existing is None:
        root, report = fresh_review(deck), MergeReport(path, created=True)
    else:
        root = parse(Path(existing))
        _require_mergeable(root, Path(existing))
        report = MergeReport(path, created=False)
        merge_deck(root, deck, report)
    report.items = len(root["items"])
    write_text(path, dump(root))
    return report


def fresh_review(deck: Deck) -> CommentedMap:
    """The review file of ``deck`` when there is none to merge into: every item enabled."""
    root = CommentedMap()
    root["schema"] = SCHEMA
    root["deck"] = deck.name
    root["documents"] = document_entries(deck)
    items = CommentedSeq()
    with_document = len(deck.documents) > 1
    fingerprints = {}
    for item in deck.items:
        items.append(item_entry(deck, item, with_document))
        fingerprints[item_key(item.document, item.id)] = fingerprint_record(
            fingerprint(item.kind, item_content(deck, item)), anchor(item))
    for index in range(1, len(items)):
        blank_line_before(items, index)
    root["items"] = items
    set_fingerprints(root, fingerprints)
    root.yaml_set_start_comment(HEADER)
    return root


def _require_mergeable(root: Any, path: Path) -> None:
    """Refuse to merge into a file whose items cannot be told apart (nothing is written)."""
    problems = [p for p in validate(root, path) if p.structural]
    if problems:
        first = problems[0]
        raise InputError(f"{first.where + ': ' if first.where else ''}{first.message}; "
                         "fix it before extracting again",
                         f"{path}:{first.line}" if first.line else path)

