"""Human- and machine-readable reports of a document's structure and key phrases."""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import TYPE_CHECKING

from ..model import Document, Phrase

if TYPE_CHECKING:  # annotations only: rich is imported when a table is printed
    from rich.console import JustifyMethod

_PHRASE_COLUMNS: tuple[tuple[str, JustifyMethod], ...] = (
    ("score", "right"), ("kind", "left"), ("phrase", "left"), ("set", "right"), ("section", "left"))


def ranked(doc: Document, top: int = 0) -> list[Phrase]:
    phrases = sorted(doc.phrases, key=lambda p: (-p.score, p.start))
    return phrases[:top] if top else phrases


def phrases_json(doc: Document, top: int = 0) -> str:
    data = {
        "title": doc.title,
        "source": doc.source,
        "sections": [
            {"index": s.index, "title": s.title, "heading": s.heading, "marker": s.marker,
             "level": s.level, "parent": s.parent, "start": s.start, "end": s.end,
             "paragraphs": len(s.paragraphs)}
            for s in doc.sections
        ],
        "phrases": [
            {**asdict(p), "sentence_text": doc.sentences[p.sentence].text if p.sentence >= 0 else "",
             "section_title": doc.sections[p.section].title}
            for p in ranked(doc, top)
        ],
        "sibling_sets": [
            {"id": s.id, "kind": s.kind, "label": s.label, "frame": s.frame, "count": s.count,
             "members": s.texts, "subjects": s.subjects}
            for s in doc.sibling_sets
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=2)


def print_phrases(doc: Document, top: int = 0) -> None:
    from rich.console import Console  # lazy: rich is for the tables only, not for --json
    from rich.table import Table  # lazy: as above
    from rich.tree import Tree  # lazy: as above

    console = Console()
    tree = Tree(f"[bold]{doc.title}[/bold]  ({len(doc.sentences)} sentences)")
    nodes: dict[int, Tree] = {}
    for section in doc.sections:
        label = f"{section.title}  [dim]{len(section.paragraphs)} ¶[/dim]"
        parent = nodes.get(section.parent, tree) if section.index and section.parent is not None else tree
        nodes[section.index] = parent.add(label)
    console.print(tree)

    table = Table(title="Key phrases", show_lines=False)
    for column, justify in _PHRASE_COLUMNS:
        table.add_column(column, justify=justify)
    for p in ranked(doc, top):
        table.add_row(f"{p.score:.2f}", p.kind, p.text, "" if p.set_id is None else str(p.set_id),
                      doc.sections[p.section].title)
    console.print(table)
    hidden = len(doc.phrases) - len(table.rows)
    if hidden > 0:
        console.print(f"[dim]… {hidden} more phrases (--top 0 shows all)[/dim]")

    shown = {p.set_id for p in ranked(doc, top)}
    listed = [s for s in doc.sibling_sets if not top or s.id in shown]
    sets = Table(title="Sibling sets" + ("" if not top else " of these phrases"))
    for column in ("id", "kind", "label", "members"):
        sets.add_column(column)
    for s in listed:
        sets.add_row(str(s.id), s.kind, s.frame or s.label, " / ".join(s.texts))
    console.print(sets)
    if len(listed) < len(doc.sibling_sets):
        console.print(f"[dim]… {len(doc.sibling_sets) - len(listed)} more sibling sets (--top 0 shows all)[/dim]")
