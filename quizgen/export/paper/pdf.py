"""Fonts for papers and PDF output with WeasyPrint.

Chinese glyphs come from the Noto Serif SC / Noto Sans SC fonts of the ``pylopdf-fonts-zh-cn``
package (SIL OFL), so a paper never depends on the fonts of the machine that renders it:
the PDF embeds subsets of them (WeasyPrint subsets automatically), and the HTML paper
carries a subset of the characters it uses as data URIs.

WeasyPrint needs Pango and HarfBuzz from the system (Debian: libpango-1.0-0,
libpangoft2-1.0-0, libharfbuzz-subset0); where they or WeasyPrint are missing,
:func:`render_pdf` raises a :class:`QuizgenError` that says what to install.
"""

from __future__ import annotations

import base64
import io
import string
from functools import cache, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from ...atomic import write_bytes
from ...errors import QuizgenError

if TYPE_CHECKING:
    from .layout import Paper

SERIF = "Noto Serif SC"
SANS = "Noto Sans SC"
# Characters every embedded subset carries: what a learner may type or the script may show.
ALWAYS = (string.printable.strip() + " 　，。、；：？！“”‘’（）《》【】—…·×√"
          "０１２３４５６７８９一二三四五六七八九十百零得分共题正确错误部分未答对满交卷重做"
          "回答案解析出处时间到剩余钟秒请你的是与和")
SYSTEM_LIBS = "libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0"


def font_paths() -> dict[str, Path]:
    """{family: path} of the bundled Chinese fonts; QuizgenError if the package is missing."""
    try:
        import pylopdf_fonts_zh_cn as zh
    except ImportError:
        raise QuizgenError("papers need the Chinese fonts of the pylopdf-fonts-zh-cn package "
                           "(pip install pylopdf-fonts-zh-cn)") from None
    paths = {SERIF: Path(zh.serif_path()), SANS: Path(zh.sans_path())}
    for path in paths.values():
        if not path.is_file():
            raise QuizgenError("font file missing from pylopdf-fonts-zh-cn; reinstall it", path)
    return paths


@cache
def _cmap(path: str) -> frozenset[int]:
    from fontTools.ttLib import TTFont

    with TTFont(path, lazy=True) as font:
        return frozenset(font.getBestCmap())


def uncovered(text: str) -> set[str]:
    """Characters of ``text`` that the bundled fonts cannot draw (would be tofu)."""
    paths = font_paths()
    covered = _cmap(str(paths[SERIF])) | _cmap(str(paths[SANS]))
    return {c for c in set(text) if ord(c) not in covered and not c.isspace() and c.isprintable()}


@lru_cache(maxsize=4)  # shared by the versions of one paper, not kept for a whole batch
def _subset(path: str, chars: str) -> bytes:
    """A subset of the font at ``path`` with ``chars`` (an OpenType/CFF file, ~150 KB for a
    paper); the font's own timestamp is kept, so the same paper embeds the same bytes."""
    from fontTools import subset
    from fontTools.ttLib import TTFont

    options = subset.Options()
    options.name_IDs = [0, 1, 2, 3, 4, 5, 6]
    options.name_languages = [0x409]
    options.hinting = False
    options.notdef_outline = True
    options.layout_features = ["locl", "kern", "palt", "vert"]
    with TTFont(path, lazy=True, recalcTimestamp=False) as font:
        subsetter = subset.Subsetter(options)
        subsetter.populate(text=chars)
        subsetter.subset(font)
        out = io.BytesIO()
        font.save(out)
    return out.getvalue()


def font_face_css(mode: str, text: str = "", heading_text: str | None = None) -> str:
    """@font-face rules for the paper's two families.

    ``mode="file"``: the font files as file URIs (WeasyPrint; it subsets what it uses).
    ``mode="embed"``: subsets for the characters of ``text`` (headings: ``heading_text``,
    default the same) as data URIs, so the HTML stays one self-contained file. Without
    fontTools or the font package the page falls back to the system's fonts.
    """
    if mode == "file":
        paths = font_paths()
        return "\n".join(f'@font-face {{ font-family: "{family}"; src: url("{path.as_uri()}"); }}'
                         for family, path in paths.items())
    if mode != "embed":
        raise ValueError(mode)
    try:
        paths = font_paths()
        import fontTools  # noqa: F401
    except (QuizgenError, ImportError):
        return ""
    rules = []
    for family, chars in ((SERIF, text), (SANS, text if heading_text is None else heading_text)):
        wanted = "".join(sorted(set(chars + ALWAYS) - set("\n\r\t")))
        data = base64.b64encode(_subset(str(paths[family]), wanted)).decode("ascii")
        rules.append(f'@font-face {{ font-family: "{family}"; '
                     f'src: url(data:font/otf;base64,{data}) format("opentype"); }}')
    return "\n".join(rules)


@cache
def _weasyprint():
    try:
        import weasyprint
        from weasyprint.text.fonts import FontConfiguration
    except ImportError as exc:
        raise QuizgenError(f"PDF output needs WeasyPrint (pip install weasyprint): {exc}") from None
    except OSError as exc:  # cffi cannot load Pango/HarfBuzz
        raise QuizgenError("PDF output needs the system libraries of WeasyPrint (Pango, HarfBuzz); on "
                           f"Debian or Ubuntu: apt-get install {SYSTEM_LIBS} ({exc})") from None
    return weasyprint, FontConfiguration


def render_pdf(paper: Paper, contents: str = "both") -> bytes:
    """The paper (without the self-test controls) as PDF bytes; ``contents`` as for
    :func:`quizgen.paper.render_html`. The pages are filled (:func:`fill_pages`)."""
    weasyprint, FontConfiguration = _weasyprint()
    fonts = FontConfiguration()
    try:
        document = fill_pages(lambda layout: _render(paper, contents, layout, weasyprint, fonts))
        return document.write_pdf()
    except OSError as exc:
        raise QuizgenError(f"PDF rendering failed: {exc}") from None


def _render(paper: Paper, contents: str, layout, weasyprint, fonts):
    from .layout import render_html

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
    from .layout import Layout

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
