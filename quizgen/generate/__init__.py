"""The items stage: generators turn a document's phrases and sibling sets into items.

Every generator is a function ``generate(ctx: GeneratorContext) -> None`` that appends the
items it makes to ``ctx.items``; :data:`GENERATORS` runs them in order (list notes, sentence
notes, then the questions), and the order is part of the output: item order, and the
balance of right-option positions across a document's questions. A new kind of question is
one module here with its generator, one line in :data:`GENERATORS`, and, for a new kind of
item, its class in :mod:`quizgen.items`.
"""

from __future__ import annotations

from collections.abc import Callable

from .cloze import sentence_notes
from .context import GeneratorContext
from .figures import figure_questions
from .frames import frame_questions, frame_statement_questions
from .listnotes import list_notes
from .lists import enumeration_questions
from .names import naming_questions
from .provisions import body_questions, rule_questions
from .sections import section_questions
from ..items import Item
from ..model import Document

Generator = Callable[[GeneratorContext], None]

GENERATORS: tuple[Generator, ...] = (
    list_notes,
    sentence_notes,
    enumeration_questions,
    frame_questions,
    frame_statement_questions,
    section_questions,
    naming_questions,
    figure_questions,
    rule_questions,
    body_questions,
)


def generate(doc: Document, seed: int = 0, generators: tuple[Generator, ...] | None = None) -> list[Item]:
    """Every item the generators (default: :data:`GENERATORS`) make of ``doc``,
    deterministic for ``seed``."""
    ctx = GeneratorContext(doc, seed)
    for generator in GENERATORS if generators is None else generators:
        generator(ctx)
    return ctx.items
