"""PDF output with WeasyPrint: the HTML paper (:mod:`.html`, fonts from :mod:`.fonts`)
rendered to pages that carry no lone question (:func:`fill_pages`).

WeasyPrint needs Pango and HarfBuzz from the system (Debian: libpango-1.0-0,
libpangoft2-1.0-0, libharfbuzz-subset0); where they or WeasyPrint are missing,
:func:`render_pdf` raises a :class:`QuizgenError` that says what to install.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from ...atomic import write_bytes
from ...errors import QuizgenError
from .html import Layout, render_html

if TYPE_CHECKING:
    from .model import Paper

SYSTEM_LIBS = "libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0"


@cache
def _weasyprint():
    try:
        import weasyprint  # type: ignore[import-untyped]  # lazy: heavy, and needs system libraries
        from weasyprint.text.fonts import FontConfiguration  # type: ignore[import-untyped]  # lazy: as above
    except ImportError as exc:
        raise QuizgenError(f"PDF output needs WeasyPrint (pip install weasyprint): {exc}") from None
    except OSError as exc:  # cffi cannot load Pango/HarfBuzz
        raise QuizgenError("PDF output needs the system libraries of WeasyPrint (Pango, HarfBuzz); on "
                           f"Debian or Ubuntu: apt-get install {SYSTEM_LIBS} ({exc})") from None
    return weasyprint, FontConfiguration


def render_pdf(paper: Paper, contents: str = "both") -> bytes:
    """The paper (without the self-test controls) as PDF bytes; ``contents`` as for
    :func:`.html.render_html`. The pages are filled (:func:`fill_pages`)."""
    weasyprint, FontConfiguration = _weasyprint()
    fonts = FontConfiguration()
    try:
        document = fill_pages(lambda layout: _render(paper, contents, layout, weasyprint, fonts))
        return document.write_pdf()
    except OSError as exc:
        raise QuizgenError(f"PDF rendering failed: {exc}") from None


def _render(paper: Paper, contents: str, layout, weasyprint, fonts):
    page = render_html(paper, interactive=False, fonts="file", contents=contents, layout=layout)
    return weasyprint.HTML(string=page).render(font_config=fonts)


def page_questions(document) -> list[list[int]]:
    """The question numbers on each page of the paper (the answer key's pages left out);
    a question never splits, so its anchor (``id="q7"``) tells its page."""
    pages = []
    for page in document.pages:
        if "key" in page.anchors:
            break
        pages.append(sorted(int(a[1:]) for a in page.anchors if a[:1] == "q" and a[1:].isdigit()))
    return pages


def lone_pages(pages: list[list[int]]) -> list[int]:
    """Indexes of the pages that carry a single question of a paper that has several."""
    if sum(map(len, pages)) < 2:
        return []
    return [n for n, numbers in enumerate(pages) if len(numbers) == 1]


def fill_pages(render):
    """Render (``render(layout)`` -> WeasyPrint document) so that no page carries a lone
    question: first with tighter spacing (the question moves up to the page before); if a
    lone question remains, with the normal spacing and the previous page's last question
    moved onto its page. At most two renderings more than the first; deterministic."""
    document = render(Layout())
    first = page_questions(document)
    if not lone_pages(first):
        return document
    tight = render(Layout(tight=True))
    if not lone_pages(page_questions(tight)):
        return tight
    # a lone question on page n: the last question of page n - 1 goes with it, when that
    # page keeps at least two questions
    breaks = frozenset(first[n - 1][-1] for n in lone_pages(first) if n > 0 and len(first[n - 1]) >= 3)
    if not breaks:
        return document
    moved = render(Layout(breaks=breaks))
    return moved if len(lone_pages(page_questions(moved))) < len(lone_pages(first)) else document


def write_pdf(paper: Paper, path: Path, contents: str = "both") -> Path:
    """Render ``paper`` and write it to ``path`` atomically."""
    data = render_pdf(paper, contents)
    write_bytes(Path(path), data)
    return Path(path)
