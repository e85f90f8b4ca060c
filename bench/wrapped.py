"""Text copied out of a PDF: the same items whether a document comes whole or broken at a page's width.

A regulation copied from a PDF (or a page converted from one) arrives with every paragraph
broken where the page's line ended: 防止车辆发生事 / 故污染…, 可以处三百 / 元以上五百元以下的罚款.
The cleaner joins such lines again (quizgen.ingest.clean.join_broken_lines). This benchmark
breaks every paragraph of each document at ``--width`` characters, as a PDF would, builds the
document whole and broken with the quizgen of this checkout (default options), and counts the
items of the whole document that the broken one makes identically (same kind, same front):

    python bench/wrapped.py DOCUMENT ... [--width 36 30 24]

Headings, Markdown furniture and HTML comments are left unbroken (a PDF's headings stand on a
line of their own). Run it on held-out documents (bench/draw_fresh.py draws them).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from quizgen.build import document_items  # noqa: E402
from quizgen.ingest.read import read_source  # noqa: E402
from quizgen.items import Item  # noqa: E402


def broken(text: str, width: int) -> str:
    """``text`` with every line longer than ``width`` broken into lines of ``width``."""
    lines: list[str] = []
    for line in text.split("\n"):
        if len(line) > width and not line.startswith(("#", "<!--", "|", "---")):
            lines.extend(line[i:i + width] for i in range(0, len(line), width))
        else:
            lines.append(line)
    return "\n".join(lines)


def fronts(items: list[Item]) -> set[tuple[str, str]]:
    """What a learner sees of each item: its kind and its front."""
    return {(item.kind, getattr(item, "text", "") or getattr(item, "question", "") or getattr(item, "statement", ""))
            for item in items}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("documents", nargs="+", type=Path)
    parser.add_argument("--width", type=int, nargs="+", default=[36, 30, 24])
    args = parser.parse_args()
    whole = {path: fronts(document_items(read_source(path), seed=0)[1]) for path in args.documents}
    total = sum(len(f) for f in whole.values())
    with tempfile.TemporaryDirectory() as tmp:
        for width in args.width:
            same = made = 0
            for path, items in whole.items():
                copy = Path(tmp) / path.name
                copy.write_text(broken(path.read_text(encoding="utf-8"), width), encoding="utf-8")
                got = fronts(document_items(read_source(copy), seed=0)[1])
                same += len(items & got)
                made += len(got)
            print(f"width {width:3}: {len(whole)} documents, {total} items whole, {made} broken, "
                  f"{same} identical ({same / max(total, 1):.0%})")


if __name__ == "__main__":
    main()
