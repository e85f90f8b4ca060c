"""The paper's fonts: Noto Serif SC / Noto Sans SC from the ``pylopdf-fonts-zh-cn`` package
(SIL OFL), so a paper never depends on the fonts of the machine that renders it. The PDF
points at the font files (WeasyPrint subsets what it uses); the HTML paper carries subsets
of the characters it uses as data URIs (:func:`font_face_css`).
"""

from __future__ import annotations

import base64
import io
import string
from functools import cache, lru_cache
from pathlib import Path

from ...errors import QuizgenError

SERIF = "Noto Serif SC"
SANS = "Noto Sans SC"
# Characters every embedded subset carries: what a learner may type or the script may show.
ALWAYS = (string.printable.strip() + " 　，。、；：？！“”‘’（）《》【】—…·×√"
          "０１２３４５６７８９一二三四五六七八九十百零得分共题正确错误部分未答对满交卷重做"
          "回答案解析出处时间到剩余钟秒请你的是与和")


def font_paths() -> dict[str, Path]:
    """{family: path} of the bundled Chinese fonts; QuizgenError if the package is missing."""
    try:
        import pylopdf_fonts_zh_cn as zh  # type: ignore[import-untyped]  # lazy: optional; missing, it is an error here
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
    from fontTools.ttLib import TTFont  # type: ignore[import-untyped]  # lazy: fontTools is slow to import

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
    from fontTools import subset  # type: ignore[import-untyped]  # lazy: fontTools is slow to import
    from fontTools.ttLib import TTFont  # type: ignore[import-untyped]  # lazy: as above

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
        import fontTools  # type: ignore[import-untyped]  # noqa: F401  # lazy: optional here, checked before subsetting
    except (QuizgenError, ImportError):
        return ""
    rules = []
    for family, chars in ((SERIF, text), (SANS, text if heading_text is None else heading_text)):
        wanted = "".join(sorted(set(chars + ALWAYS) - set("\n\r\t")))
        data = base64.b64encode(_subset(str(paths[family]), wanted)).decode("ascii")
        rules.append(f'@font-face {{ font-family: "{family}"; '
                     f'src: url(data:font/otf;base64,{data}) format("opentype"); }}')
    return "\n".join(rules)
