"""Reading a review file back: every problem in it (``quizgen check``), or the deck of its
enabled items (``quizgen build FILE.yaml``)."""

from __future__ import annotations

from pathlib import Path

from ..errors import InputError
from ..model import Deck, Document
from .entries import entry_to_item
from .problems import Problem
from .validation import validate
from .yamlio import parse, parse_text, read_text


def check_review(path: Path) -> list[Problem]:
    """Every problem in a review file (YAML syntax errors included), in file order."""
    path = Path(path)
    root, problem = parse_text(path, read_text(path))
    return [problem] if problem else validate(root, path)


def load_review(path: Path) -> Deck:
    """The deck described by a review file: its enabled items, ready for the exporters.

    Raises :class:`InputError` naming ``file:line`` and the item for the first problem.
    """
    path = Path(path)
    root = parse(path)
    problems = validate(root, path)
    if problems:
        first = problems[0]
        more = (f" (and {len(problems) - 1} more; `quizgen check {path}` lists them)"
                if len(problems) > 1 else "")
        where = f"{first.where}: " if first.where else ""
        raise InputError(where + first.message + more,
                         f"{path}:{first.line}" if first.line else path)
    documents = [Document(str(d["id"]), str(d.get("title") or d["id"]), "",
                          str(d.get("source") or "")) for d in root["documents"]]
    default_document = documents[0].id if len(documents) == 1 else ""
    items = [entry_to_item(entry, default_document) for entry in root["items"]
             if entry.get("enabled", True)]
    if len(documents) > 1:  # 文档::一、… as written: the deck adds the document (Deck.section_path)
        titles = {d.id: d.title for d in documents}
        for item in items:
            prefix = titles.get(item.document, item.document) + "::"
            item.section = item.section.removeprefix(prefix)
    return Deck(str(root["deck"]), documents, items,
                source=", ".join(d.source for d in documents if d.source))


