"""Anki cloze markup as used in ``Item.text``: parse it, show it as plain text, rebuild it.

``Item.text`` is HTML-escaped text with deletions ``{{c1::answer}}`` or
``{{c1::answer::hint}}``; literal braces of the source are ``&#123;``/``&#125;`` so they
never look like markup. :func:`parse` splits it into plain-text runs and deletions
(both unescaped), :func:`to_markup` does the reverse.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass

CLOZE = re.compile(r"\{\{c(\d+)::(.*?)(?:::(.*?))?\}\}", re.S)


def escape(text: str) -> str:
    """Field text for Anki: HTML-escaped, with braces neutralised so that source text
    can never form cloze or template syntax."""
    return html.escape(text, quote=False).replace("{", "&#123;").replace("}", "&#125;")


@dataclass(frozen=True)
class Deletion:
    number: int  # the N of cN: one Anki card per number
    answer: str  # plain text
    hint: str = ""  # plain text


Segment = str | Deletion


def parse(text: str) -> list[Segment]:
    """Cloze markup -> plain-text runs and :class:`Deletion` s, in order."""
    segments: list[Segment] = []
    pos = 0
    for match in CLOZE.finditer(text):
        if match.start() > pos:
            segments.append(html.unescape(text[pos:match.start()]))
        segments.append(Deletion(int(match.group(1)), html.unescape(match.group(2)),
                                 html.unescape(match.group(3) or "")))
        pos = match.end()
    if pos < len(text):
        segments.append(html.unescape(text[pos:]))
    return segments


def deletions(text: str) -> list[Deletion]:
    return [s for s in parse(text) if isinstance(s, Deletion)]


def numbers(text: str) -> list[int]:
    """The distinct cloze numbers, ascending: one card (or quiz question) each."""
    return sorted({int(m.group(1)) for m in CLOZE.finditer(text)})


def to_markup(segments: list[Segment]) -> str:
    """Inverse of :func:`parse`: plain runs and deletions -> escaped cloze markup."""
    out = []
    for segment in segments:
        if isinstance(segment, Deletion):
            hint = f"::{escape(segment.hint)}" if segment.hint else ""
            out.append(f"{{{{c{segment.number}::{escape(segment.answer)}{hint}}}}}")
        else:
            out.append(escape(segment))
    return "".join(out)


def to_plain(text: str) -> str:
    """Cloze markup as a person types it: entities decoded, deletions kept as ``{{c1::…}}``."""
    out = []
    for segment in parse(text):
        if isinstance(segment, Deletion):
            hint = f"::{segment.hint}" if segment.hint else ""
            out.append(f"{{{{c{segment.number}::{segment.answer}{hint}}}}}")
        else:
            out.append(segment)
    return "".join(out)


def reveal(text: str) -> str:
    """Plain text with every deletion filled in (the source sentence as carded)."""
    return "".join(s.answer if isinstance(s, Deletion) else s for s in parse(text))


def from_plain(text: str) -> str:
    """Inverse of :func:`to_plain`: typed text with ``{{c1::…}}`` -> escaped cloze markup."""
    segments: list[Segment] = []
    pos = 0
    for match in CLOZE.finditer(text):
        if match.start() > pos:
            segments.append(text[pos:match.start()])
        segments.append(Deletion(int(match.group(1)), match.group(2), match.group(3) or ""))
        pos = match.end()
    if pos < len(text):
        segments.append(text[pos:])
    return to_markup(segments)


def answer_variants(answer: str) -> list[str]:
    """Answers a learner may type: as written, and without punctuation and spaces."""
    bare = "".join(c for c in answer if not unicodedata.category(c).startswith(("P", "Z")))
    return [answer] if bare in ("", answer) else [answer, bare]
