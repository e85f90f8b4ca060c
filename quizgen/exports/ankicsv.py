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

from ..anki import KIND_LABEL, choice_fields, note_guid, subdeck_name
from ..atomic import write_text
from ..markup import escape
from ..model import Deck, Item

# Names of the built-in note types in a collection created by a Chinese Anki.
CHINESE_NAMES = {"Cloze": "填空题", "Basic": "问答题"}
CLOZE_COLUMNS = ("guid", "deck", "Text", "Back Extra", "tags")
BASIC_COLUMNS = ("guid", "deck", "Front", "Back", "tags")


def write_anki_text(deck: Deck, out_dir: Path, stem: str) -> list[Path]:
    """Write the note-type files that have notes; returns their paths (cloze first)."""
    enabled = [i for i in deck.items if i.enabled]
    files = [
        (out_dir / f"{stem}.cloze.txt", "Cloze", CLOZE_COLUMNS,
         [cloze_row(deck, i) for i in enabled if i.kind == "cloze"]),
        (out_dir / f"{stem}.basic.txt", "Basic", BASIC_COLUMNS,
         [basic_row(deck, i) for i in enabled if i.kind in KIND_LABEL]),
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


def deck_name(deck: Deck, item: Item) -> str:
    """The same subdeck as in the .apkg: ``deck::section``."""
    return subdeck_name(deck.name, item.section)


def tags(item: Item) -> str:
    names = ["quizgen", f"quizgen::{item.kind}", *item.tags]
    return " ".join("".join(name.split()) for name in names if name.strip())


def origin(item: Item) -> str:
    return f'<div class="qz-extra">出处：{escape(item.section)}<br>{escape(item.source)}</div>'


def cloze_row(deck: Deck, item: Item) -> list[str]:
    extra = f'<div class="qz-extra">{escape(item.hint)}</div>' if item.hint else ""
    return [note_guid(item), deck_name(deck, item), item.text or "", extra + origin(item),
            tags(item)]


def basic_row(deck: Deck, item: Item) -> list[str]:
    stem, options, answer, explanation, section, _source, label = choice_fields(item)
    front = (f'<div class="qz-meta">{section}</div><div class="qz-kind">{label}</div>'
             f'<div class="qz-stem">{stem}</div>{options}')
    back = f'<div class="qz-answer">答案：{answer}</div>'
    if explanation:
        back += f'<div class="qz-extra">解析：{explanation}</div>'
    return [note_guid(item), deck_name(deck, item), front, back + origin(item), tags(item)]
