"""Read stage: a file (or the built-in sample) -> :class:`Source` with decoded text.

Plain text in any common Chinese encoding (detected, or forced with ``encoding``),
Markdown, saved web pages (the article only) and Word documents. Markdown-style
``#`` heading lines carry document structure to the later stages.
"""

from __future__ import annotations

import codecs
import ctypes
import gc
import html
import io
import re
import zipfile
from itertools import islice
from pathlib import Path

from ..errors import InputError, NoTextError
from .clean import strip_emoji
from ..model import Source
from ..resources import SAMPLE_PATH, SAMPLE_TITLE

TEXT_SUFFIXES = {".txt", ".text", ""}
MARKDOWN_SUFFIXES = {".md", ".markdown"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
DOCX_SUFFIXES = {".docx"}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | MARKDOWN_SUFFIXES | HTML_SUFFIXES | DOCX_SUFFIXES
MAX_INPUT_BYTES = 20 * 1024 * 1024
# The most text one document may hold (about 4 MB of Chinese in UTF-8, a book of a
# thousand pages): analysis and export take memory in proportion, and the largest
# document accepted builds in under 1 GB (bench/large_inputs.py)
MAX_TEXT_CHARS = 1_500_000

_BINARY_MAGIC = (b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"%PDF", b"PK\x03\x04", b"\x7fELF",
                 b"\x1f\x8b", b"BM", b"\xd0\xcf\x11\xe0", b"Rar!", b"7z\xbc\xaf")
# Encodings a Chinese text is likely to be in, for the detector to choose from.
_CANDIDATES = ["utf_8", "gb18030", "big5", "big5hkscs", "utf_16", "utf_16_le", "utf_16_be"]


def sample() -> Source:
    """The built-in reference article (noise included)."""
    return Source(SAMPLE_TITLE, SAMPLE_PATH.read_text(encoding="utf-8"), None, "utf-8")


# --- decoding -----------------------------------------------------------------


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 without a BOM: NUL bytes in it, and it decodes to plausible text."""
    if b"\x00" not in data[:4096] or len(data) % 2:
        return None
    for name in ("utf-16-le", "utf-16-be"):
        try:
            text = data[:8192].decode(name, errors="strict")
        except UnicodeDecodeError:
            continue
        if _plausible(text):
            return name
    return None


def _plausible(text: str) -> bool:
    """Mostly Han, printable ASCII, CJK punctuation or whitespace."""
    good = sum(1 for c in text if c.isprintable() and not 0xE000 <= ord(c) <= 0xF8FF or c in "\n\r\t")
    return bool(text) and good / len(text) > 0.97 and not any(0xD800 <= ord(c) <= 0xDFFF for c in text)


def decode(data: bytes, path: Path | str, encoding: str | None = None) -> tuple[str, str]:
    """Bytes -> (text, encoding name). BOMs first, then strict UTF-8, then detection."""
    if encoding:
        try:
            return data.decode(encoding), codecs.lookup(encoding).name
        except LookupError:
            raise InputError(f"unknown encoding {encoding!r}", path) from None
        except UnicodeDecodeError as exc:
            raise InputError(f"cannot decode as {encoding} (byte {exc.start})", path) from None
    for bom, name in ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                      (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                      (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(name), name
            except UnicodeDecodeError:
                raise InputError(f"not valid {name} despite its byte-order mark", path) from None
    utf16 = _utf16_without_bom(data)
    if utf16:
        try:
            return data.decode(utf16), utf16
        except UnicodeDecodeError:
            pass
    if data.startswith(_BINARY_MAGIC) or b"\x00" in data[:4096]:
        raise NoTextError("looks like a binary file, not text", path)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    return _detect(data, path)


def _detect(data: bytes, path: Path | str) -> tuple[str, str]:
    from charset_normalizer import from_bytes  # lazy: charset-normalizer loads only for non-UTF-8 text

    best = from_bytes(data, cp_isolation=_CANDIDATES).best()
    if best is None or best.chaos > 0.3:
        raise InputError("cannot tell its text encoding (undecodable bytes; try --encoding)", path)
    name = best.encoding
    # GBK and GB2312 are subsets of GB18030: decode with the superset.
    if name in ("gbk", "gb2312", "gb18030"):
        name = "gb18030"
    try:
        return data.decode(name), name
    except UnicodeDecodeError:
        raise InputError(f"undecodable bytes (looked like {name}; try --encoding)", path) from None


# --- formats --------------------------------------------------------------------


def read_source(path: Path | str, encoding: str | None = None) -> Source:
    """Read one input file; raises :class:`InputError` with a one-line reason."""
    path = Path(path)
    data = _read_bytes(path)
    suffix = path.suffix.lower()
    if suffix in DOCX_SUFFIXES:
        title, text = docx_to_text(data, path)
        _release_parsed_xml()
        return _source(path, title, text, "docx")
    if suffix in HTML_SUFFIXES:
        title, text = html_to_text(data, path, encoding)
        _release_parsed_xml()
        return _source(path, title, text, "html")
    text, used = decode(data, path, encoding)
    title = path.stem
    if suffix in MARKDOWN_SUFFIXES or looks_like_markdown(text):
        title, text = markdown_source(text, path)
    return _source(path, title, text, used)


def _release_parsed_xml() -> None:
    """Hand the memory of a parsed document tree back to the system. libxml2 frees its
    nodes to the C heap, where Python's own objects do not go: without this, the analysis
    that follows adds its memory to the tree's (500 MB more for the largest .docx)."""
    gc.collect()  # python-docx's parts refer to each other: only the collector frees them
    try:
        ctypes.CDLL(None).malloc_trim(0)
    except (OSError, AttributeError):  # not glibc: nothing to do
        pass


def require_file(path: Path, what: str = "a file") -> None:
    """A missing path or a folder is bad input, said in one line."""
    if not path.exists():
        raise InputError("no such file", path)
    if path.is_dir():
        raise InputError(f"is a folder, not {what}", path)


def _read_bytes(path: Path) -> bytes:
    require_file(path)
    try:
        size = path.stat().st_size
        if size > MAX_INPUT_BYTES:
            raise InputError(f"too large ({size / 2**20:.1f} MB; the limit is "
                             f"{MAX_INPUT_BYTES // 2**20} MB for one document)", path)
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}", path) from None
    if not data.strip():
        raise NoTextError("file is empty", path)
    return data


def _source(path: Path, title: str, text: str, encoding: str) -> Source:
    if not text.strip():
        raise NoTextError("file is empty (only whitespace)" if encoding not in ("docx", "html")
                         else "no text found in it", path)
    if len(text) > MAX_TEXT_CHARS:
        raise InputError(f"too long ({len(text):,} characters of text; the limit is {MAX_TEXT_CHARS:,} "
                         f"for one document: split it into parts)", path)
    # the deck's and the paper's name: 报账修炼手册：从入门到精通的终极指南 :100: is no name
    return Source(title=strip_emoji(title).strip() or path.stem, text=text, path=path, encoding=encoding)


_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_FRONT_MATTER_MAX = 64 * 1024
# A block of HTML in Markdown (CommonMark's HTML blocks: a line opening with a tag)
_HTML_BLOCK = re.compile(r"^ {0,3}</?(?:div|p|section|article|table|ul|ol|h[1-6]|blockquote|figure|header|"
                         r"footer|nav|aside|iframe|script|style)\b", re.I | re.M)
_MD_RULES = [
    (re.compile(r"<!--.*?-->", re.S), ""),
    (re.compile(r"^```.*?^```", re.S | re.M), ""),
    (re.compile(r"!\[[^\]]*\]\([^)]*\)"), ""),  # images
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),  # links keep their text
    (re.compile(r"</?[a-zA-Z][^>\n]*>"), ""),  # inline HTML tags
    (re.compile(r"^\s{0,3}:{3,}.*$", re.M), ""),  # a container's fences (::: tip … :::)
    (re.compile(r"^\s{0,3}(\*\*|__)([^*_\n]{1,40}?)\1[ \t]*$", re.M), r"## \2"),  # a line in bold alone: a heading
    (re.compile(r"(\*\*|__)(.+?)\1"), r"\2"),
    (re.compile(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])"), r"\1"),
    (re.compile(r"`([^`]+)`"), r"\1"),
    (re.compile(r"^\s{0,3}>\s?", re.M), ""),  # block quotes
    (re.compile(r"^\s{0,3}[-*+]\s+", re.M), ""),  # bullets
    (re.compile(r"^\s{0,3}(?:-{3,}|\*{3,}|_{3,})\s*$", re.M), ""),  # rules
    (re.compile(r"^\|?\s*:?-{3,}.*$", re.M), ""),  # table separators
    (re.compile(r"^(#{1,6})([^#\s])", re.M), r"\1 \2"),  # '#标题' -> '# 标题'
]


def markdown_source(text: str, path: Path) -> tuple[str, str]:
    """A Markdown file -> (title, text). Its front matter is metadata (its ``title`` is the
    document's title); a page saved as Markdown with blocks of HTML inside goes through
    the article extraction of a web page."""
    text = text.replace("\r\n", "\n").lstrip("\ufeff")
    meta, body = split_front_matter(text)
    if not body.strip() and len(body) < len(text):
        raise NoTextError("no text in it, only front matter", path)
    title = meta.get("title") if isinstance(meta.get("title"), str) else None
    if _HTML_BLOCK.search(body):
        from markdown_it import MarkdownIt  # lazy: markdown-it loads only for Markdown with HTML blocks

        page = (f"<html><head><meta charset='utf-8'><title>{html.escape(title or '')}</title></head><body>"
                f"{MarkdownIt('commonmark', {'html': True}).render(body)}</body></html>")
        found, text = html_to_text(page, path)
        return (title or found).strip(), text
    text = markdown_to_text(body)
    h1 = re.search(r"^# (.+)$", text, re.M)
    return (title or (h1.group(1) if h1 else path.stem)).strip(), text


def split_front_matter(text: str) -> tuple[dict, str]:
    """``---`` YAML front matter -> (its mapping, the text after it); ({}, text) when there
    is none. Front matter that is not a mapping of valid YAML is dropped all the same."""
    match = _FRONT_MATTER.match(text)
    if not match or len(match.group(1)) > _FRONT_MATTER_MAX:
        return {}, text
    from ruamel.yaml import YAML  # lazy: ruamel.yaml loads only for front matter
    from ruamel.yaml.error import YAMLError  # lazy: with ruamel.yaml above

    try:
        meta = YAML(typ="safe", pure=True).load(match.group(1))
    except (YAMLError, ValueError, TypeError):
        meta = None
    return (meta if isinstance(meta, dict) else {}), text[match.end():]


# what only Markdown writes: a heading, bold, a link, a table's rule, a code or container fence
_MARKDOWN_SIGNS = re.compile(r"^#{1,6} ?[^#\s]|\*\*[^*\n]+\*\*|\[[^\]\n]+\]\([^)\s]+\)|^\|?\s*:?-{3,}:?\s*\||^```|^:::", re.M)
MARKDOWN_SIGNS_MIN = 3


def looks_like_markdown(text: str) -> bool:
    """Text saved as .txt that is Markdown (a page's source copied from a wiki or a forum):
    three of its marks or more."""
    return len(list(islice(_MARKDOWN_SIGNS.finditer(text), MARKDOWN_SIGNS_MIN))) == MARKDOWN_SIGNS_MIN


def markdown_to_text(text: str) -> str:
    """Markdown -> plain text. ATX headings stay as '# heading' lines (the structure stage
    reads them); emphasis, links, images, HTML and comments are stripped."""
    text = split_front_matter(text.replace("\r\n", "\n").lstrip("\ufeff"))[1]
    for pattern, repl in _MD_RULES:
        text = pattern.sub(repl, text)
    return text


# Lines of web-page furniture that survive article extraction.
_BOILERPLATE = re.compile(
    r"^(?:责任编辑|编辑|来源|作者|审核|校对|供稿|摄影|文字|图片来源|原标题|发布时间|发布日期|"
    r"浏览次数|阅读量|点击数|字号|打印本页|关闭窗口|分享到|上一篇|下一篇|相关阅读|相关链接|"
    r"版权所有|扫一扫|扫码|长按识别|关注公众号)[：:\s]?.{0,40}$"
    r"|.*(?:二维码|扫码关注|扫一扫关注|关注我们的公众号|微信公众号).{0,20}$"
    r"|.{0,20}(?:尽在|下载|打开).{0,10}(?:APP|App|app|客户端)[。！!]?$"  # 海量资讯、精准解读，尽在新浪财经APP
)


def html_to_text(data: bytes | str, path: Path, encoding: str | None = None) -> tuple[str, str]:
    """A saved web page -> (title, article text as Markdown-style lines).

    The main content is found by trafilatura; lines of page furniture (责任编辑, QR-code
    boxes, share links) that sit inside the article are dropped."""
    import trafilatura  # lazy: trafilatura loads only for web pages

    raw = decode(data, path, encoding)[0] if encoding and isinstance(data, bytes) else data
    # one pass for the article and its title; the text opens with a YAML header (title,
    # fingerprint) that markdown_to_text drops
    document = trafilatura.extract_with_metadata(raw, output_format="markdown", include_comments=False,
                                                 include_tables=True, favor_recall=True)
    if document is None:
        raise InputError("no article text found in the web page", path)
    lines = [line for line in (document.text or "").splitlines() if not _BOILERPLATE.match(line.strip())]
    return document.title or path.stem, markdown_to_text("\n".join(lines))


def docx_to_text(data: bytes, path: Path) -> tuple[str, str]:
    """A Word document -> (title, text). Heading styles become '#' lines and numbered
    list paragraphs get their number written out, so that structure survives."""
    import docx  # lazy: python-docx loads only for Word documents
    from docx.opc.exceptions import OpcError  # lazy: with python-docx above
    from lxml.etree import LxmlError  # type: ignore[import-untyped]  # lazy: lxml loads with python-docx

    try:
        check_expanded_size(zipfile.ZipFile(io.BytesIO(data)).infolist(), MAX_EXPANDED_BYTES, "a Word document",
                            path)
        document = docx.Document(io.BytesIO(data))
        title = (document.core_properties.title or "").strip()
        return _docx_text(document, title, path)
    except (zipfile.BadZipFile, KeyError, ValueError, LxmlError, OpcError,
            AttributeError, TypeError) as exc:  # the last two: XML of the wrong shape
        raise InputError(f"not a readable Word document ({_first_line(exc)})", path) from None


def _first_line(exc: Exception) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]


# A Word document is a zip archive: what it expands to is checked before anything is
# expanded (a few MB of zip can hold GBs of XML). Parsed, Word's XML takes about 15 times
# its size in memory: 40 MB of it (about 600,000 characters of text) is read in 600 MB.
MAX_EXPANDED_BYTES = 2 * MAX_INPUT_BYTES


def check_expanded_size(members, limit: int, what: str, path: Path) -> None:
    """Refuse zip ``members`` (ZipInfo) that add up to more than ``limit`` bytes, before
    they are expanded. The sizes are the ones the archive declares: Python's zipfile
    never expands a member past its declared size."""
    expanded = sum(member.file_size for member in members)
    if expanded > limit:
        raise InputError(f"too large: expands to {expanded / 2**20:.0f} MB (the limit is "
                         f"{limit // 2**20} MB for {what})", path)


def _docx_text(document, title: str, path: Path) -> tuple[str, str]:
    lines: list[str] = []
    counters: dict[str, int] = {}
    style_of = _paragraph_styles(document)
    for paragraph in document.paragraphs:
        text = paragraph.text.strip()
        style = style_of(paragraph)
        if not text:
            counters.clear()
            continue
        if style == "Title":
            title = title or text
            lines.append(f"# {text}")
        elif style.startswith("Heading"):
            level = int(re.sub(r"\D", "", style) or 1)
            lines.append(f"{'#' * min(level + 1, 6)} {text}")
            counters.clear()
        elif _is_numbered(paragraph, style):
            counters[style] = counters.get(style, 0) + 1
            lines.append(f"{counters[style]}. {text}")
        else:
            lines.append(text)
    return title or path.stem, "\n".join(lines)


def _paragraph_styles(document):
    """paragraph -> its style's name, as ``paragraph.style.name`` says, from a table made
    once (python-docx looks through every style for each paragraph)."""
    from docx.enum.style import WD_STYLE_TYPE  # lazy: python-docx loads only for Word documents

    names = {style.style_id: style.name or "" for style in document.styles
             if style.type == WD_STYLE_TYPE.PARAGRAPH}
    default = document.styles.default(WD_STYLE_TYPE.PARAGRAPH)
    default_name = (default.name or "") if default is not None else ""
    return lambda paragraph: names.get(paragraph._p.style, default_name)


def _is_numbered(paragraph, style: str) -> bool:
    if style.startswith("List Number"):
        return True
    ppr = paragraph._p.pPr
    return ppr is not None and ppr.numPr is not None and not style.startswith("List Bullet")
