"""Items written out by hand for tests: ``make_item(id, kind, section, document, **fields)``."""

from __future__ import annotations

from typing import Any

from quizgen.items import Item, new_item


def make_item(id: str, kind: str, section: str, document: str = "", **fields: Any) -> Item:
    return new_item(kind, id=id, section=section, document=document, **fields)
