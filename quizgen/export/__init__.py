"""Exports beyond the Anki package and JSON: Anki text import, Moodle GIFT and Moodle XML.

Each module turns a :class:`~quizgen.model.Deck` (only its enabled items) into files:

* :mod:`.ankicsv` - ``NAME.cloze.txt`` / ``NAME.basic.txt`` for Anki's *File > Import*
  (built-in "Cloze" and "Basic" note types, same note GUIDs as the ``.apkg``);
* :mod:`.gift` - ``NAME.gift.txt``, Moodle GIFT;
* :mod:`.moodle` - ``NAME.moodle.xml``, Moodle XML;
* :mod:`.tiku` - ``NAME.题库.txt`` / ``NAME.题库.xlsx``, question bank for Chinese exam platforms.
"""

from __future__ import annotations

from pathlib import Path

from ..model import Deck

FORMATS = ("csv", "gift", "moodle", "tiku")


def write(deck: Deck, out_dir: Path, fmt: str, stem: str) -> list[Path]:
    """Write ``deck`` in export format ``fmt`` into ``out_dir``; returns the files written."""
    out_dir = Path(out_dir)
    if fmt == "csv":
        from .ankicsv import write_anki_text

        return write_anki_text(deck, out_dir, stem)
    if fmt == "gift":
        from .gift import write_gift

        return [write_gift(deck, out_dir / f"{stem}.gift.txt")]
    if fmt == "moodle":
        from .moodle import write_moodle_xml

        return [write_moodle_xml(deck, out_dir / f"{stem}.moodle.xml")]
    if fmt == "tiku":
        from .tiku import write_tiku

        return write_tiku(deck, out_dir, stem)
    raise ValueError(f"unknown export format {fmt!r}")
