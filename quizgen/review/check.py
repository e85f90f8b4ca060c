"""``quizgen check FILE``: find what would make a deck or review file wrong for learners.

Reads an Anki package (``.apkg``: a zip holding ``collection.anki2``, the SQLite collection
genanki writes; ``collection.anki21`` is read too) or a review file (``.yaml``/``.yml``,
see :mod:`quizgen.review`) and returns the problems it finds, each with its location:

* empty clozes (a cloze note or item without a ``{{c1::…}}`` deletion, or ``{{c1::}}``);
* duplicate note GUIDs / item ids;
* choice questions with no correct answer, an answer out of range, a single-choice
  question with several answers, a true/false answer that is neither 正确 nor 错误;
* for review files also everything :func:`quizgen.review.validate` reports (unknown kind,
  missing fields, YAML syntax errors, …).

The CLI prints one problem per line and exits 1 when there is any.
"""

from __future__ import annotations

import html
import json
import re
import sqlite3
import tempfile
import zipfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError
from ..ingest.read import check_expanded_size
from ..items import LETTERS, Choice, Cloze, Item, Judge, Multi
from .load import check_review
from .problems import Problem

OPTION = re.compile(r"<li(?:\s[^>]*)?>\s*([A-J])\.\s", re.I)  # the right ones carry class="qz-right"
ANSWER_LETTER = re.compile(r"(?:^|、)\s*([A-J])\.\s")
COLLECTIONS = ("collection.anki21", "collection.anki2")
MODEL_CLOZE = 1


def check(path: Path) -> list[Problem]:
    """Problems in an ``.apkg`` or a review ``.yaml``; [] when there are none.

    Raises :class:`InputError` when the file is missing or is neither kind.
    """
    path = Path(path)
    if not path.exists():
        raise InputError("no such file", path)
    suffix = path.suffix.lower()
    if suffix in (".yaml", ".yml"):
        return check_review(path)
    if suffix in (".apkg", ".colpkg"):
        return check_apkg(path)
    raise InputError("cannot check this kind of file (expected .apkg or a review .yaml)", path)


# --------------------------------------------------------------------------
# Anki packages


@dataclass
class Note:
    guid: str
    model: dict
    fields: dict[str, str]
    tags: list[str] = field(default_factory=list)


def check_apkg(path: Path) -> list[Problem]:
    notes = read_notes(path)
    problems = [Problem(str(path), None, f"note {guid}", f"duplicate GUID ({count} notes)")
                for guid, count in Counter(n.guid for n in notes).items() if count > 1]
    for note in notes:
        where = f"note {note.guid} ({_excerpt(note)})"
        problems.extend(Problem(str(path), None, where, message) for message in note_problems(note))
        item = note_item(note)
        if isinstance(item, Cloze | Choice | Multi | Judge):
            problems.extend(Problem(str(path), None, where, f"warning: {r.code}: {r.message}", warning=True)
                            for r in item.quality())
    return problems


def read_notes(path: Path) -> list[Note]:
    """The notes of an Anki package, with their note types and named fields."""
    with tempfile.TemporaryDirectory(prefix="quizgen-check-") as tmp:
        collection = _extract_collection(path, Path(tmp))
        try:
            db = sqlite3.connect(f"file:{collection}?mode=ro", uri=True)
            try:
                models = json.loads(db.execute("select models from col").fetchone()[0])
                rows = db.execute("select guid, mid, flds, tags from notes order by id").fetchall()
            finally:
                db.close()
        except (sqlite3.DatabaseError, TypeError, ValueError) as exc:
            raise InputError(f"not a readable Anki collection inside the package ({exc})",
                             path) from None
    notes = []
    for guid, mid, flds, tags in rows:
        model = models.get(str(mid), {"name": f"<missing note type {mid}>", "flds": [], "type": 0})
        names = [f["name"] for f in sorted(model.get("flds", []), key=lambda f: f.get("ord", 0))]
        values = flds.split("\x1f")
        names += [f"field {i + 1}" for i in range(len(names), len(values))]
        notes.append(Note(guid, model, dict(zip(names, values)), (tags or "").split()))
    return notes


# The largest collection checked (a deck quizgen writes for its largest input has 60 MB)
MAX_COLLECTION_BYTES = 1024 * 2**20


def _extract_collection(path: Path, into: Path) -> Path:
    try:
        with zipfile.ZipFile(path) as package:
            names = set(package.namelist())
            for name in COLLECTIONS:
                if name in names:
                    check_expanded_size([package.getinfo(name)], MAX_COLLECTION_BYTES, "an Anki collection", path)
                    return Path(package.extract(name, into))
    except zipfile.BadZipFile:
        raise InputError("not an Anki package (not a zip file)", path) from None
    if "collection.anki21b" in names:
        raise InputError("exported by a newer Anki (collection.anki21b); check reads "
                         "packages written by quizgen or 'legacy' exports", path)
    raise InputError("not an Anki package (no collection.anki2 inside)", path)


def _excerpt(note: Note, limit: int = 20) -> str:
    first = next(iter(note.fields.values()), "")
    text = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", first)).split())
    return text if len(text) <= limit else text[:limit] + "…"


def note_problems(note: Note) -> list[str]:
    """What is wrong with a note: it reads back as an item, which has rules of its own
    (:meth:`quizgen.items.Item.validate`), or it does not read at all."""
    first = next(iter(note.fields.values()), "")
    if not first.strip():
        return ["the first field is empty (Anki will not import the note)"]
    item = note_item(note)
    if isinstance(item, str):
        return [item]
    return [reason.message for reason in item.validate()] if item else []


def note_item(note: Note) -> Item | str | None:
    """The item a quizgen note holds (a message when it cannot be one; None for a note of
    a note type quizgen does not write)."""
    first = next(iter(note.fields.values()), "")
    if note.model.get("type") == MODEL_CLOZE:
        # (its tags say whether its blanks are a list's whole items: quizgen::enumeration)
        return Cloze(id=note.guid, section="", text=first, tags=note.tags)
    if not {"选项", "答案", "题型"} <= note.fields.keys():
        return None
    kind, answer = note.fields["题型"].strip(), note.fields["答案"].strip()
    if not answer:
        return "no correct answer"
    if kind == Judge.label:
        if answer not in ("正确", "错误"):
            return f"true/false answer {answer!r} is neither 正确 nor 错误"
        return Judge(id=note.guid, section="", statement=first, answer=answer == "正确")
    options = OPTION.findall(note.fields["选项"])
    letters = ANSWER_LETTER.findall(answer)
    if not letters:
        return f"no correct answer (answer field {answer!r} names no option)"
    question = Choice if kind == Choice.label else Multi
    return question(id=note.guid, section="", question=first, options=[f"{o}." for o in options],
                    answer=[LETTERS.index(letter.upper()) for letter in letters])
