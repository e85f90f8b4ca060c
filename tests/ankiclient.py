"""Verify produced ``.apkg`` files with the real Anki client library.

This is a test helper, not part of quizgen.  It drives the ``anki`` package
from PyPI (the same Rust backend the desktop app uses) without a GUI, a
profile or a sync account, so tests can check what a user would really get
after *File > Import*:

    col = open_collection(tmp_path)
    summary = import_apkg(col, deck_path)
    assert summary.new == 3
    for c in cards(col):
        assert "[...]" in strip_html(c.question)
    review_card(col, cards(col)[0].card_id)
    col.close()

Import options mirror what quizgen promises for re-imports: a rebuilt deck
(same note guids, newer modification time) *updates existing notes in place*
and the user's review history is kept.  See :data:`UPDATE_OPTIONS`.

Things worth knowing (checked against anki 26.9.3 + genanki 0.13.1):

* Notes are matched by **guid**, not by note id.  genanki derives note/card
  ids from the ``timestamp`` argument, so they change between builds; the
  collection keeps its own ids (and so the cards' scheduling and revlog).
* "Newer" compares note ``mod`` in whole seconds.  genanki writes
  ``mod = int(timestamp)`` for notes, cards and the model, and the import
  stores the package's ``mod`` as is.  So re-importing the same file, or a
  rebuild within the same second, gives ``duplicate``, not ``updated``; a
  rebuild with a later timestamp gives ``updated`` for *every* note, even
  unchanged ones.  A note the user edited in Anki (mod = edit time) is
  skipped unless the package timestamp is later - then the edit is lost.
* Template/CSS changes need ``update_notetypes`` (IF_NEWER is enough with a
  later timestamp; NEVER keeps the old templates while notes update).
  Adding/removing a field is a schema change: with ``merge_notetypes=False``
  the notes come back ``conflicting`` and an unused copy "<name>+" of the
  notetype is added; ``merge_notetypes=True`` updates them.
* Deck names with ``::`` create the parent decks.  Existing cards are never
  moved: renaming a deck in a rebuild leaves them where they are and adds
  an empty deck with the new name.
* Text (CSV/TSV) import, :func:`import_csv`: the ``#key:value`` header lines set the
  metadata that ``col.get_csv_metadata`` returns (``#guid column`` matches notes by guid,
  updated in place whatever their ``mod``; unchanged notes count as ``duplicate``).
  Every line starting with ``#`` is skipped, data rows included: a first field that
  starts with ``#`` (a genanki guid can) must be quoted.  A ``#notetype`` that the
  collection lacks falls back silently to the current note type.
* Cloze rendering: question ``<span class="cloze" data-cloze="答案"
  data-ordinal="1">[...]</span>`` (hint ``{{c1::答案::4字}}`` -> ``[4字]``),
  other clozes ``<span class="cloze-inactive" data-ordinal="2">text</span>``;
  answer ``<span class="cloze" data-ordinal="1">答案</span>``.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from pathlib import Path

from anki.collection import (
    Collection,
    ImportAnkiPackageOptions,
    ImportAnkiPackageRequest,
    ImportLogWithChanges,
)
from anki.import_export_pb2 import CsvMetadata, ImportAnkiPackageUpdateCondition, ImportCsvRequest
from anki.scheduler_pb2 import CardAnswer

__all__ = [
    "UPDATE_OPTIONS",
    "ImportSummary",
    "RenderedCard",
    "ReviewState",
    "cards",
    "import_apkg",
    "import_csv",
    "open_collection",
    "review_card",
    "review_state",
    "strip_html",
]

_IF_NEWER = ImportAnkiPackageUpdateCondition.IMPORT_ANKI_PACKAGE_UPDATE_CONDITION_IF_NEWER

#: Options used by :func:`import_apkg` (Anki's import-dialog defaults for
#: the update conditions, spelled out explicitly).
UPDATE_OPTIONS = ImportAnkiPackageOptions(
    merge_notetypes=False,  # keep incompatible notetypes apart instead of merging
    update_notes=_IF_NEWER,  # newer note mod -> update fields/tags in place
    update_notetypes=_IF_NEWER,  # newer model mod -> update templates/CSS
    with_scheduling=False,  # genanki packages carry none; existing cards keep theirs
    with_deck_configs=False,  # don't import the package's deck options presets
)

# Fields of ImportResponse.Log that are lists of ImportResponse.Note.
_LOG_LISTS = (
    "new",
    "updated",
    "duplicate",
    "conflicting",
    "first_field_match",
    "missing_notetype",
    "missing_deck",
    "empty_first_field",
)


# --------------------------------------------------------------------------
# collection


def open_collection(dir: Path, name: str = "collection.anki2") -> Collection:
    """Create (or open) a collection file ``dir/name`` and return it.

    Works headless: ``Collection`` only needs a path; no profile manager,
    Qt or media server is involved.  ``dir`` is created if missing.  The
    media folder ``collection.media`` is created next to the file by Anki.
    Call ``col.close()`` when done (pytest's tmp_path is fine to leave).
    """
    dir = Path(dir)
    dir.mkdir(parents=True, exist_ok=True)
    return Collection(str(dir / name))


# --------------------------------------------------------------------------
# import


@dataclass
class ImportSummary:
    """Counts from ``ImportResponse.log`` (one entry per note in the package)."""

    new: int
    updated: int
    duplicate: int  # same guid, not newer -> left untouched
    conflicting: int  # same guid, incompatible notetype (e.g. field added)
    first_field_match: int
    missing_notetype: int
    missing_deck: int
    empty_first_field: int
    found_notes: int  # notes in the package
    response: ImportLogWithChanges = field(repr=False)

    @property
    def log(self):
        """The raw ``ImportResponse.Log`` (lists of ``Note(id, fields)``)."""
        return self.response.log

    def counts(self) -> dict[str, int]:
        return {name: getattr(self, name) for name in (*_LOG_LISTS, "found_notes")}


def import_apkg(
    col: Collection,
    path: Path | str,
    options: ImportAnkiPackageOptions | None = None,
) -> ImportSummary:
    """Import an ``.apkg`` like *File > Import* and summarise the log.

    By default uses :data:`UPDATE_OPTIONS`: notes with a known guid and a
    newer ``mod`` are updated in place (cards, and so their scheduling and
    revlog, are kept); new guids are added.
    """
    request = ImportAnkiPackageRequest(
        package_path=str(Path(path).resolve()),
        options=options if options is not None else UPDATE_OPTIONS,
    )
    return _summary(col.import_anki_package(request))


def import_csv(
    col: Collection,
    path: Path | str,
    dupe_resolution: CsvMetadata.DupeResolution.V = CsvMetadata.DupeResolution.UPDATE,
) -> ImportSummary:
    """Import a text file (CSV/TSV with Anki's ``#key:value`` headers) like *File > Import*.

    The request is built the way the import dialog builds it: the metadata Anki reads
    from the file's headers (``col.get_csv_metadata``: separator, html, notetype, deck,
    guid and tags columns, field mapping by column name) with the dialog's "existing
    notes" choice, by default ``UPDATE`` (notes matched by the guid column are updated
    in place, whatever their modification time; unchanged ones count as ``duplicate``).
    A ``#notetype`` the collection lacks falls back to its current note type, as the
    dialog would before the user picks another.
    """
    path = str(Path(path).resolve())
    metadata = col.get_csv_metadata(path, None)
    metadata.dupe_resolution = dupe_resolution
    return _summary(col.import_csv(ImportCsvRequest(path=path, metadata=metadata)))


def _summary(response: ImportLogWithChanges) -> ImportSummary:
    log = response.log
    return ImportSummary(
        **{name: len(getattr(log, name)) for name in _LOG_LISTS},
        found_notes=log.found_notes,
        response=response,
    )


# --------------------------------------------------------------------------
# rendering


@dataclass
class RenderedCard:
    card_id: int
    note_id: int
    guid: str
    deck: str  # full name, subdecks joined with "::"
    notetype: str
    ord: int  # template index (standard) / cloze number - 1 (cloze)
    question: str  # rendered question HTML, without the <style> block
    answer: str  # rendered answer HTML, without the <style> block
    fields: dict[str, str]
    tags: list[str]
    css: str = field(default="", repr=False)


def cards(col: Collection, search: str = "") -> list[RenderedCard]:
    """Every card matching ``search`` (default all), rendered as in review.

    Sorted by (deck, note guid, ord) so tests get a stable order.
    """
    out = []
    for cid in col.find_cards(search):
        card = col.get_card(cid)
        note = card.note()
        rendered = card.render_output(reload=True)
        out.append(
            RenderedCard(
                card_id=card.id,
                note_id=note.id,
                guid=note.guid,
                deck=col.decks.name(card.did),
                notetype=note.note_type()["name"],
                ord=card.ord,
                question=rendered.question_text,
                answer=rendered.answer_text,
                fields=dict(note.items()),
                tags=list(note.tags),
                css=rendered.css,
            )
        )
    out.sort(key=lambda c: (c.deck, c.guid, c.ord))
    return out


# --------------------------------------------------------------------------
# scheduling

_RATINGS = {
    1: CardAnswer.AGAIN,
    2: CardAnswer.HARD,
    3: CardAnswer.GOOD,
    4: CardAnswer.EASY,
}


@dataclass(frozen=True)
class ReviewState:
    type: int  # 0 new, 1 learning, 2 review, 3 relearning
    queue: int  # 0 new, 1 learning, 2 review, 3 day-learn, <0 suspended/buried
    ivl: int
    reps: int
    revlog: int  # number of revlog rows for the card


def review_card(col: Collection, card_id: int, ease: int = 3) -> ReviewState:
    """Answer ``card_id`` with ``ease`` (1 Again .. 4 Easy) via the v3 scheduler.

    Follows the desktop reviewer: select the card's deck, take the top card
    of ``col.sched.get_queued_cards()`` with its scheduling ``states``, then
    ``col.sched.build_answer(...)`` and ``col.sched.answer_card(...)``.

    The backend only accepts the card at the *top* of a built queue ("not at
    top of queue" otherwise).  If ``card_id`` is not on top (several new
    cards in the deck, daily limit reached, ...), the built queue is
    invalidated (see :func:`_invalidate_queues`) and the card is answered
    with its own states from the backend - the same path the legacy
    ``col.sched.answerCard`` takes.  Scheduling is identical; only the queue bookkeeping is skipped.

    Afterwards the card has left the new queue (ease 3 on a new card ->
    type/queue 1 = learning) and has one more revlog row.  Side effect: the
    card's deck becomes the current deck.
    """
    if ease not in _RATINGS:
        raise ValueError(f"ease must be 1..4, not {ease!r}")
    sched = col.sched
    assert sched.version == 3, f"expected the v3 scheduler, got v{sched.version}"
    card = col.get_card(card_id)
    col.decks.select(card.odid or card.did)
    queued = sched.get_queued_cards(fetch_limit=1)
    if queued.cards and queued.cards[0].card.id == card_id:
        states = queued.cards[0].states
    else:
        _invalidate_queues(col)
        states = col._backend.get_scheduling_states(card_id)
    card.start_timer()
    sched.answer_card(sched.build_answer(card=card, states=states, rating=_RATINGS[ease]))
    return review_state(col, card_id)


def _invalidate_queues(col: Collection) -> None:
    """Drop the backend's cached study queues; there is no public API for it.

    Re-assigning ``load_balancer_enabled`` to its current value changes
    nothing, but the backend's setter clears the study queues first
    (rslib ``set_load_balancer_enabled``).  A plain ``col.set_config`` does
    NOT clear them (checked with anki 26.9.3).
    """
    col.load_balancer_enabled = col.load_balancer_enabled


def review_state(col: Collection, card_id: int) -> ReviewState:
    """Scheduling fingerprint of a card, to compare before/after a re-import."""
    card = col.get_card(card_id)
    revlog = col.db.scalar("select count() from revlog where cid = ?", card_id)
    return ReviewState(
        type=int(card.type),
        queue=int(card.queue),
        ivl=card.ivl,
        reps=card.reps,
        revlog=revlog,
    )


# --------------------------------------------------------------------------
# text

_STYLE_SCRIPT = re.compile(r"<(style|script)\b.*?</\1\s*>", re.S | re.I)
_BR = re.compile(r"<br\s*/?>|</div\s*>|</p\s*>", re.I)
_TAG = re.compile(r"<[^>]+>")
_HR_ANSWER = re.compile(r"<hr id=\"?answer\"?\s*/?>", re.I)


def strip_html(s: str) -> str:
    """Plain text of rendered card HTML, for assertions.

    Drops <style>/<script> blocks, turns <br>, </div>, </p> and the answer
    separator ``<hr id=answer>`` into newlines, removes the remaining tags,
    unescapes entities (``&nbsp;`` -> space) and trims each line.
    """
    s = _STYLE_SCRIPT.sub("", s)
    s = _HR_ANSWER.sub("\n", s)
    s = _BR.sub("\n", s)
    s = _TAG.sub("", s)
    s = html.unescape(s).replace("\xa0", " ")
    lines = [line.strip() for line in s.splitlines()]
    return "\n".join(line for line in lines if line)
