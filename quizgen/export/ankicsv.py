"""Anki text import files: ``NAME.cloze.txt`` and ``NAME.basic.txt``.

For users who would rather not import the ``.apkg``: tab-separated files with Anki's file
headers (``#separator:tab``, ``#html:true``, ``#notetype:…``, ``#deck column:…``,
``#guid column:…``, ``#tags column:…``, ``#columns:…``), one file per note type because
each file names one of the note types every collection has: "Cloze" (fields Text,
Back Extra) for cloze items and "Basic" (Front, Back) for choice, multi-select and
true/false items. Notes carry the same GUIDs as in the ``.apkg``, so re-importing a
rebuilt file updates them in place (Anki's default "update existing notes").

A collection whose Anki runs in Chinese calls these note types 填空题 and 问答题: the
import dialog then asks which one to use. Import either the text files or the ``.apkg``,
not both: the same GUID under two note types does not match.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from . import studyorder
from .anki import Question, choice_fields, cloze_origin, label, note_guid, note_tags
from ..atomic import write_text
from ..items import Choice, Cloze, Item, Judge, Multi
from ..lang.markup import escape
from ..model import Deck

if TYPE_CHECKING:
    from ..options import BuildOptions

# Names of the built-in note types in a collection created by a Chinese Anki.
CHINESE_NAMES = {"Cloze": "填空题", "Basic": "问答题"}
CLOZE_COLUMNS = ("guid", "deck", "Text", "Back Extra", "tags")
BASIC_COLUMNS = ("guid", "deck", "Front", "Back", "tags")


def write(deck: Deck, out_dir: Path, stem: str, options: BuildOptions) -> list[Path]:
    """Write the note-type files that have notes; returns their paths (cloze first)."""
    study = studyorder.plan(deck)  # rows in study order: Anki numbers new cards as it reads them
    files = [
        (out_dir / f"{stem}.cloze.txt", "Cloze", CLOZE_COLUMNS,
         [cloze_row(deck, study, i) for i in study.items if isinstance(i, Cloze)]),
        (out_dir / f"{stem}.basic.txt", "Basic", BASIC_COLUMNS,
         [basic_row(deck, study, i) for i in study.items if isinstance(i, Choice | Multi | Judge)]),
    ]
    written = []
    for path, notetype, columns, rows in files:
        if rows:
            write_text(path, render(notetype, columns, rows))
            written.append(path)
    return written


def render(notetype: str, columns: tuple[str, ...], rows: list[list[str]]) -> str:
    """The file: Anki's header lines, a hint for the user, one tab-separated row per note."""
    header = [
        "#separator:tab",
        "#html:true",
        f"#notetype:{notetype}",
        f"#guid column:{columns.index('guid') + 1}",
        f"#deck column:{columns.index('deck') + 1}",
        f"#tags column:{columns.index('tags') + 1}",
        "#columns:" + "\t".join(columns),
        "# quizgen: Anki 文件 → 导入。If Anki asks for the note type, pick "
        f"{notetype} ({CHINESE_NAMES[notetype]}).",
    ]
    lines = header + ["\t".join(tsv_field(value) for value in row) for row in rows]
    return "\n".join(lines) + "\n"


def tsv_field(value: str) -> str:
    """Quote a field when Anki's reader would otherwise split it or take it for a comment."""
    if value.startswith(("#", '"')) or any(c in value for c in '\t\n\r"'):
        return '"' + value.replace('"', '""') + '"'
    return value


def origin(source: str, script: str | None) -> str:
    return f'<div class="qz-extra">{label("原文", script)}：{escape(source)}</div>' if source else ""


def cloze_row(deck: Deck, study: studyorder.StudyPlan, item: Cloze) -> list[str]:
    extra = f'<div class="qz-extra">{escape(item.hint)}</div>' if item.hint else ""
    return [note_guid(item), study.deck_name(item), item.text,
            extra + origin(cloze_origin(item), deck.script), tags(item)]


def basic_row(deck: Deck, study: studyorder.StudyPlan, item: Question) -> list[str]:
    stem, options, answer, explanation, section, _source, kind = choice_fields(deck, item)
    front = (f'<div class="qz-meta">{section}</div><div class="qz-kind">{kind}</div>'
             f'<div class="qz-stem">{stem}</div>{options}')
    back = f'<div class="qz-answer">{label("答案", deck.script)}：{answer}</div>'
    if explanation:
        back += f'<div class="qz-extra">{label("解析", deck.script)}：{explanation}</div>'
    return [note_guid(item), study.deck_name(item), front, back + origin(item.source, deck.script), tags(item)]


def tags(item: Item) -> str:
    return " ".join(note_tags(item))
