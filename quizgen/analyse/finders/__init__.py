"""The key-phrase finders, one module per kind of span, and :data:`FINDERS`, the order in
which :func:`quizgen.analyse.phrases.find_phrases` runs them.

A finder is a function ``find_x(ctx: FinderContext) -> None`` that adds phrases with
``ctx.add`` and sibling sets with ``ctx.group`` (:mod:`quizgen.analyse.context`). The
order matters: a finder sees what the earlier ones found (frames extend slots to known
list items, parallel clauses skip stretches of a list), and a span found twice keeps
the kind first given unless a later reading scores better.
"""

from __future__ import annotations

from collections.abc import Callable

from ..context import FinderContext
from .bodies import find_bodies
from .clauses import find_clause_phrases
from .contrasts import find_contrasts
from .definitions import find_definitions
from .emphasis import find_emphasis
from .enumerations import find_enumerations
from .exceptions import find_exceptions
from .figures import find_figures
from .frames import find_frames
from .headings import find_headings
from .idioms import find_idioms
from .laws import find_law_references
from .lists import find_lists
from .objects import find_objects
from .parallel import find_parallel_clauses
from .patterns import find_patterns
from .quotes import find_quotes
from .terms import find_compound_terms

Finder = Callable[[FinderContext], None]

FINDERS: tuple[Finder, ...] = (
    find_headings,
    find_enumerations,
    find_lists,
    find_frames,
    find_parallel_clauses,
    find_quotes,
    find_definitions,
    find_idioms,
    find_compound_terms,
    find_law_references,
    find_contrasts,
    find_objects,
    find_patterns,
    find_emphasis,
    find_exceptions,
    find_clause_phrases,
    find_figures,
    find_bodies,
)
