"""Export stage: items -> an Anki package (.apkg) with genanki.

Model and deck ids are frozen (deck ids derive from the deck name), note GUIDs derive
from (document, item id) so that a rebuild updates notes in place and keeps the
learners' review history. Packages are stamped with the current time, which is what
lets Anki's importer see the rebuilt notes as newer.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import re
import sqlite3
import time
import zipfile
from functools import cache, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, assert_never

import genanki  # type: ignore[import-untyped]
from genanki.apkg_col import APKG_COL  # type: ignore[import-untyped]
from genanki.apkg_schema import APKG_SCHEMA  # type: ignore[import-untyped]

from ..atomic import atomic_path
from ..errors import QuizgenError
from . import studyorder
from ..items import LETTERS, Choice, Cloze, Item, Judge, Multi
from ..lang.markup import escape, reveal
from ..lang.script import convert_script
from ..model import Deck
from ..resources import template

if TYPE_CHECKING:
    from ..options import BuildOptions

CLOZE_MODEL_ID = 1734250911
CHOICE_MODEL_ID = 1734250912


# The two note types are built once per process: genanki caches a model's required
# fields (``_req``, found by rendering its templates with chevron) on the Model object,
# and Model.to_json only fills in defaults that are the same on every call (the deck id
# it is given goes into the returned dict, not into the model), so one object can serve
# every deck.
@cache
def cloze_model() -> genanki.Model:
    return genanki.Model(
        CLOZE_MODEL_ID,
        "quizgen 填空 (cloze)",
        fields=[{"name": "Text"}, {"name": "Back Extra"}, {"name": "章节"}, {"name": "出处"}],
        templates=[{
            "name": "填空",
            "qfmt": template("anki/cloze_front.html"),
            "afmt": template("anki/cloze_back.html"),
        }],
        css=template("anki/card.css"),
        model_type=genanki.Model.CLOZE,
    )


@cache
def choice_model() -> genanki.Model:
    return genanki.Model(
        CHOICE_MODEL_ID,
        "quizgen 选择判断 (choice)",
        fields=[{"name": name} for name in ("题干", "选项", "答案", "解析", "章节", "出处", "题型")],
        templates=[{
            "name": "选择判断",
            "qfmt": template("anki/choice_front.html"),
            "afmt": template("anki/choice_back.html"),
        }],
        css=template("anki/card.css"),
    )


def deck_id(name: str) -> int:
    digest = hashlib.sha1(f"quizgen-deck:{name}".encode()).digest()
    return int.from_bytes(digest[:7], "big") | 1 << 40


def note_guid(item: Item) -> str:
    return _guid(item.document, item.id)


def guid_for(document: str, item_id: str) -> str:
    """The GUID of the note of item ``item_id`` of ``document``."""
    return _guid(document, item_id)


@lru_cache(maxsize=1 << 17)
def _guid(document: str, item_id: str) -> str:
    """Memoised: the .apkg, .json and .csv exports each ask for every item's GUID."""
    return genanki.guid_for(document, item_id)


def note_tags(item: Item) -> list[str]:
    """``quizgen``, ``quizgen::KIND`` and the item's tags under ``quizgen::`` (``quizgen::heading``),
    so that nothing lands at the top of the learner's tag list."""
    tags = ["quizgen", f"quizgen::{item.kind}"]
    for tag in item.tags:
        name = "".join(tag.split())
        if name:
            tags.append(name if name.startswith("quizgen::") else f"quizgen::{name}")
    return tags


def label(text: str, script: str | None) -> str:
    """A label quizgen writes on a card (判断题, 正确) in the deck's script."""
    return convert_script(text, script)


Question = Choice | Multi | Judge  # the items of the choice note type


def options_list(item: Question, script: str | None = None) -> str:
    """The options as a list; the right ones carry ``qz-right`` (marked on the back only)."""
    match item:
        case Judge():
            texts, right = [label("正确", script), label("错误", script)], [0 if item.answer else 1]
        case Choice() | Multi():
            texts, right = list(item.options), item.answer
        case _:
            assert_never(item)
    kind = " qz-multi" if isinstance(item, Multi) else ""
    mark = ' class="qz-right"'
    return f'<ol class="qz-options{kind}">' + "".join(
        f"<li{mark if i in right else ''}>{LETTERS[i]}. {escape(text)}</li>"
        for i, text in enumerate(texts)) + "</ol>"


def choice_fields(deck: Deck, item: Question) -> list[str]:
    """题干, 选项, 答案, 解析 (without the quote of the source sentence that 出处 shows),
    章节, 出处, 题型."""
    script = deck.script
    match item:
        case Judge():
            stem = escape(item.statement)
            answer = label("正确" if item.answer else "错误", script)
        case Choice() | Multi():
            stem = escape(item.question)
            answer = "、".join(f"{LETTERS[i]}. {escape(item.options[i])}" for i in item.answer)
        case _:
            assert_never(item)
    return [stem, options_list(item, script), answer, escape(card_explanation(item, script)),
            section_field(deck, item), escape(item.source), label(item.label, script)]


def card_explanation(item: Question, script: str | None = None) -> str:
    """The explanation without what the back shows anyway: the quote of the source sentence
    (原文) and a list of the right options (marked in the options)."""
    listed = re.escape(label("正确选项", script)) + "：[^。]*。"
    return re.sub("^" + listed, "", item.own_explanation()).strip()


def cloze_origin(item: Cloze) -> str:
    """The source sentence for a cloze back, or nothing when the revealed text shows it."""
    source = "".join(item.source.split())
    # the revealed text is the sentence, or the sentence after the context it needs
    return "" if source and source in "".join(reveal(item.text).split()) else item.source.strip()


def cloze_fields(deck: Deck, item: Cloze) -> list[str]:
    if "{{c" not in item.text:
        raise QuizgenError(f"cloze item {item.id} has no deletion")
    return [item.text, escape(item.hint), section_field(deck, item), escape(cloze_origin(item))]


def section_field(deck: Deck, item: Item) -> str:
    """章节; marked ``qz-leak`` when it would give the answer away, so that the card shows
    it on the back only (see card.css)."""
    section = deck.section_label(item)
    if item.hides_section(section):
        return f'<span class="qz-leak">{escape(section)}</span>'
    return escape(section)


def build_package(deck: Deck) -> genanki.Package:
    cloze, choice = cloze_model(), choice_model()
    study = studyorder.plan(deck)
    decks: dict[str, genanki.Deck] = {}
    for item in study.items:
        name = study.deck_name(item)
        if name not in decks:
            decks[name] = genanki.Deck(deck_id(name), name)
        match item:
            case Cloze():
                note = genanki.Note(model=cloze, fields=cloze_fields(deck, item), guid=note_guid(item),
                                    tags=note_tags(item))
            case Choice() | Multi() | Judge():
                note = genanki.Note(model=choice, fields=choice_fields(deck, item), guid=note_guid(item),
                                    tags=note_tags(item))
            case _:
                assert_never(item)
        for card in note.cards:
            card.due = study.due(item, card.ord)
        decks[name].add_note(note)
    return genanki.Package(list(decks.values()))


def package_bytes(package: genanki.Package, timestamp: float) -> bytes:
    """The package's collection database, built in memory (genanki's own writer goes
    through a temporary file on disk that it never removes, and rewrites the deck and
    note-type JSON once per deck)."""
    connection = sqlite3.connect(":memory:")
    try:
        connection.deserialize(_empty_collection())
        _write_collection(connection.cursor(), package.decks, timestamp,
                          itertools.count(int(timestamp * 1000)))
        connection.commit()
        return connection.serialize()
    finally:
        connection.close()


@cache
def _empty_collection() -> bytes:
    """genanki's empty collection (its schema and ``col`` row), built once per process:
    copying the database image is cheaper than running the schema script per package."""
    connection = sqlite3.connect(":memory:")
    try:
        connection.executescript(APKG_SCHEMA)
        connection.executescript(APKG_COL)
        return connection.serialize()
    finally:
        connection.close()


def _write_collection(cursor: sqlite3.Cursor, decks: list[genanki.Deck], timestamp: float, id_gen) -> None:
    """genanki's Package.write_to_db, into an empty collection, with the collection's deck
    and model JSON written once instead of once per deck (quadratic in the number of
    subdecks), and the notes and cards inserted with one executemany each instead of a
    statement per row. The rows are genanki's own (Note.write_to_db, Card.write_to_db):
    same values, same ids taken from ``id_gen`` in the same order (a note, then its cards)."""
    decks_json = json.loads(cursor.execute("SELECT decks FROM col").fetchone()[0])
    models_json = json.loads(cursor.execute("SELECT models FROM col").fetchone()[0])
    for deck in decks:
        decks_json[str(deck.deck_id)] = deck.to_json()
        for note in deck.notes:
            deck.add_model(note.model)
        models_json.update({model.model_id: model.to_json(timestamp, deck.deck_id)
                            for model in deck.models.values()})
    cursor.execute("UPDATE col SET decks = ?, models = ?", (json.dumps(decks_json), json.dumps(models_json)))
    mod = int(timestamp)
    notes: list[tuple] = []
    cards: list[tuple] = []
    for deck in decks:
        for note in deck.notes:
            note._check_number_model_fields_matches_num_fields()
            if any("<" in field for field in note.fields):  # no "<", no tag to warn about
                note._check_invalid_html_tags_in_fields()
            note_id = next(id_gen)
            notes.append((note_id, note.guid, note.model.model_id, mod, -1, note._format_tags(),
                          note._format_fields(), note.sort_field, 0, 0, ""))
            cards.extend((next(id_gen), note_id, deck.deck_id, card.ord, mod, -1, 0, -1 if card.suspend else 0,
                          getattr(card, "due", note.due), 0, 0, 0, 0, 0, 0, 0, 0, "") for card in note.cards)
    cursor.executemany("INSERT INTO notes VALUES (?,?,?,?,?,?,?,?,?,?,?)", notes)
    cursor.executemany("INSERT INTO cards VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", cards)


def write(deck: Deck, out_dir: Path, stem: str, options: BuildOptions) -> list[Path]:
    """``NAME.apkg`` (the exporters' entry, see :mod:`quizgen.export`)."""
    return [write_apkg(deck, out_dir / f"{stem}.apkg")]


def write_apkg(deck: Deck, path: Path, timestamp: float | None = None) -> Path:
    """Write ``deck`` to ``path`` atomically, stamped with the current time (so that Anki
    sees a rebuild as newer); returns the path."""
    database = package_bytes(build_package(deck), time.time() if timestamp is None else timestamp)
    with atomic_path(path) as tmp:
        # level 1 deflates the database 2.5x faster than the default 6 for ~15% more bytes
        with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
            archive.writestr("collection.anki2", database)
            archive.writestr("media", "{}")
    return path

