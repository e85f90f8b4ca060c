"""Read stage: a file (or the built-in sample) -> :class:`Source` with decoded text."""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from .errors import InputError
from .model import Source
from .resources import SAMPLE_PATH, SAMPLE_TITLE

TEXT_SUFFIXES = {".txt", ".text", ".md", ".markdown", ""}
_BINARY_MAGIC = (b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"%PDF", b"PK\x03\x04", b"\x7fELF", b"\x1f\x8b")


def sample() -> Source:
    """The built-in reference article (noise included)."""
    return Source(SAMPLE_TITLE, SAMPLE_PATH.read_text(encoding="utf-8"), None, "utf-8")


def decode(data: bytes, path: Path, encoding: str | None = None) -> tuple[str, str]:
    """Bytes -> (text, encoding name). BOMs first, then UTF-8, then GB18030."""
    if encoding:
        try:
            return data.decode(encoding), encoding
        except (UnicodeDecodeError, LookupError) as exc:
            raise InputError(f"cannot decode as {encoding}: {exc}", path) from None
    for bom, name in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                      (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return data.decode(name), name
    if data.startswith(_BINARY_MAGIC) or b"\x00" in data[:4096]:
        raise InputError("looks like a binary file, not text", path)
    for name in ("utf-8", "gb18030"):
        try:
            return data.decode(name), name
        except UnicodeDecodeError:
            continue
    raise InputError("cannot detect the text encoding (try --encoding)", path)


def read_source(path: Path, encoding: str | None = None) -> Source:
    path = Path(path)
    if not path.exists():
        raise InputError("no such file", path)
    if path.is_dir():
        raise InputError("is a folder, not a file", path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}", path) from None
    if not data.strip():
        raise InputError("file is empty", path)
    text, used = decode(data, path, encoding)
    title = path.stem
    if path.suffix.lower() in (".md", ".markdown"):
        text = markdown_to_text(text)
        h1 = re.search(r"^# (.+)$", text, re.M)
        if h1:
            title = h1.group(1).strip()
    return Source(title=title, text=text, path=path, encoding=used)


_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)
_MD_RULES = [
    (re.compile(r"<!--.*?-->", re.S), ""),
    (re.compile(r"^```.*?^```", re.S | re.M), ""),
    (re.compile(r"!\[[^\]]*\]\([^)]*\)"), ""),  # images
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),  # links keep their text
    (re.compile(r"<[^>\n]+>"), ""),  # inline HTML tags
    (re.compile(r"(\*\*|__)(.+?)\1"), r"\2"),
    (re.compile(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])"), r"\1"),
    (re.compile(r"`([^`]+)`"), r"\1"),
    (re.compile(r"^\s{0,3}>\s?", re.M), ""),  # block quotes
    (re.compile(r"^\s{0,3}[-*+]\s+", re.M), ""),  # bullets
    (re.compile(r"^\s{0,3}(?:-{3,}|\*{3,}|_{3,})\s*$", re.M), ""),  # rules
    (re.compile(r"^\|?\s*:?-{3,}.*$", re.M), ""),  # table separators
]


def markdown_to_text(text: str) -> str:
    """Markdown -> plain text. ATX headings stay as '# heading' lines (the structure stage
    reads them); emphasis, links, images, HTML and comments are stripped."""
    text = text.replace("\r\n", "\n").lstrip("\ufeff")
    text = _FRONT_MATTER.sub("", text)
    for pattern, repl in _MD_RULES:
        text = pattern.sub(repl, text)
    return text
