"""Clean text copied from web forums.

The main enemy is Discuz!'s anti-copy "jammer": every line break of a post is
replaced by 5–15 triples ``chr(32..59) + " " + chr(63..126)`` glued either to the
end of the previous line or to the start of the next one. Because the browser
renders it as HTML, runs of spaces collapse (a triple whose first character is a
space shows as `` x``) and a double space may come out as U+00A0. A blank line
becomes a line of noise alone.

:func:`clean_text` removes that noise and the other forum debris, normalises
whitespace and punctuation width, and keeps every legitimate character.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

# --- jammer -----------------------------------------------------------------

_SP = "[ \u00a0]"
# One rendered triple: an optional low char (the first char may have been a space
# that collapsed), one or two spaces, a high char.
_TRIPLE = rf"[\x21-\x3b]?{_SP}{{1,2}}[\x3f-\x7e]"
# A run of triples. The first one is written out so the run may start with the low
# char directly (no leading separator).
_RUN = rf"(?:[\x21-\x3b]{_SP}{{1,2}}[\x3f-\x7e]|{_SP}{{1,2}}[\x3f-\x7e])(?:{_TRIPLE})+"
# At the start of a line the collapsed leading spaces may be gone entirely, so the
# line can begin with a bare high char.
_PREFIX_RE = re.compile(rf"^{_SP}*(?P<noise>[\x3f-\x7e]?{_RUN})(?:{_SP}+|$)")
# At the end of a line the separating space may have swallowed the first triple's
# collapsed spaces, leaving a bare high char right after it.
_SUFFIX_RE = re.compile(
    rf"(?:(?:^|(?<=[^\x20-\x7e\u00a0]))(?P<glued>{_RUN})|{_SP}(?P<spaced>[\x3f-\x7e]?{_RUN})){_SP}*$"
)

_MIN_TRIPLES = 5


def _looks_like_jammer(noise: str) -> bool:
    """Random triples: enough of them, not all with the same low character, and high
    characters that are not a sequence. Keeps legitimate ASCII such as ``A, B, C, D, E``
    or ``1 a 2 b 3 c 4 d 5 e`` safe."""
    triples = re.findall(_TRIPLE, noise)
    bare_start = bool(noise[:1]) and noise[0] >= "\x3f"
    count = len(triples) + bare_start  # a bare leading high char: its low char was a space
    lows = {t[0] if t[0] not in " \u00a0" else " " for t in triples} | ({" "} if bare_start else set())
    highs = ([noise[0]] if bare_start else []) + [t[-1] for t in triples]
    steps = {ord(b) - ord(a) for a, b in zip(highs, highs[1:])}
    return count >= _MIN_TRIPLES and len(lows) >= 2 and steps != {1}


def strip_jammer_line(line: str) -> str:
    """Remove jammer noise glued to the start and/or the end of one line (a line that
    stood for several blank lines carries several runs)."""
    while (match := _PREFIX_RE.match(line)) and _looks_like_jammer(match.group("noise")):
        line = line[match.end():]
    while match := _SUFFIX_RE.search(line):
        group = "glued" if match.group("glued") is not None else "spaced"
        if not _looks_like_jammer(match.group(group)):
            break
        line = line[: match.start(group)]
    return line


# --- other forum debris -----------------------------------------------------

_EDIT_NOTICE_RE = re.compile(
    r"(?:\[i=s\]\s*)?本帖最后由\s*.{1,40}?\s*于\s*\d{4}-\d{1,2}-\d{1,2}\s+\d{1,2}:\d{2}(?::\d{2})?\s*编辑(?:\s*\[/i\])?"
)
_INVISIBLE_RE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
# NUL and the other control characters (a line break or a tab aside): a binary file is
# refused on its first 4 KB, so these may still come later in a text
_CONTROL_RE = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f]")
_LINE_BREAK_RE = re.compile("\r\n?|[\x0b\x0c\x85\u2028\u2029]")  # line and page breaks
_TRAILING_BAR_RE = re.compile(r"[ \u00a0\t]*\|+[ \u00a0\t]*$")
_SPACE_RUN_RE = re.compile(r"[ \t\u00a0\u3000]+")

# --- punctuation width --------------------------------------------------------

_HALF_TO_FULL = {",": "，", ":": "：", ";": "；", "?": "？", "!": "！", "(": "（", ")": "）"}
_PAREN_RE = re.compile(r"\(([^()\n]*)\)")
_PUNCT_RE = re.compile(r"[,:;?!]")


def is_cjk(ch: str) -> bool:
    """True for Han characters and CJK punctuation/full-width forms."""
    if not ch:
        return False
    code = ord(ch)
    return (
        0x4E00 <= code <= 0x9FFF
        or 0x3400 <= code <= 0x4DBF
        or 0x20000 <= code <= 0x2FA1F
        or 0xF900 <= code <= 0xFAFF
        or 0x3000 <= code <= 0x303F
        or 0xFF00 <= code <= 0xFFEF
        or 0x2018 <= code <= 0x201D  # curly quotes used in Chinese text
    )


def is_han(ch: str) -> bool:
    code = ord(ch)
    return (
        0x4E00 <= code <= 0x9FFF
        or 0x3400 <= code <= 0x4DBF
        or 0x20000 <= code <= 0x2FA1F
        or 0xF900 <= code <= 0xFAFF
    )


def _neighbour(text: str, index: int, step: int) -> str:
    index += step
    while 0 <= index < len(text) and text[index] == " ":
        index += step
    return text[index] if 0 <= index < len(text) else ""


def normalize_punctuation(line: str) -> str:
    """Half-width ``, : ; ? ! ( )`` next to Chinese become full-width; numbers
    (``1,000``, ``10:30``) and Latin text keep theirs."""

    def paren(match: re.Match[str]) -> str:
        inner = match.group(1)
        before = _neighbour(line, match.start(), -1)
        after = _neighbour(line, match.end() - 1, 1)
        if any(is_cjk(c) for c in inner) or is_cjk(before) or is_cjk(after):
            return f"（{inner}）"
        return match.group(0)

    line = _PAREN_RE.sub(paren, line)
    chars = list(line)
    for match in _PUNCT_RE.finditer(line):
        i = match.start()
        before = _neighbour(line, i, -1)
        after = _neighbour(line, i, 1)
        if before.isdigit() and after.isdigit():
            continue
        if is_cjk(before) or is_cjk(after):
            chars[i] = _HALF_TO_FULL[chars[i]]
    line = "".join(chars)
    # no stray spaces around full-width punctuation
    return re.sub(r" *([，：；？！（）。、“”]) *", _keep_space_before_latin, line)


def _keep_space_before_latin(match: re.Match[str]) -> str:
    return match.group(1)


# --- the cleaner --------------------------------------------------------------


def clean_line(line: str) -> str:
    line = strip_jammer_line(line)
    line = _EDIT_NOTICE_RE.sub("", line)
    line = _TRAILING_BAR_RE.sub("", line)
    line = _SPACE_RUN_RE.sub(" ", line).strip()
    return normalize_punctuation(line)


def clean_text(text: str) -> str:
    """Return the cleaned text: one paragraph per line, no blank lines, ending with a newline
    (empty string if nothing is left)."""
    text = strip_emoji(unicodedata.normalize("NFC", text))
    text = _INVISIBLE_RE.sub("", text)
    text = _CONTROL_RE.sub("", _LINE_BREAK_RE.sub("\n", text))
    lines = (clean_line(line) for line in text.split("\n"))
    kept = join_broken_lines(without_contents([line for line in lines if line]))
    return "\n".join(kept) + "\n" if kept else ""


# --- paragraphs broken inside a sentence ---------------------------------------

# What opens a paragraph of its own: a heading, an article, a list item, a table row,
# a quote block, a date line.
_BLOCK_START_RE = re.compile(
    r"^(?:[#>|*\-]|第[一二三四五六七八九十百千零〇\d]+[编章节条款项部]|[（(][一二三四五六七八九十\d]{1,3}[）)]"
    r"|[一二三四五六七八九十]{1,3}[、是要]|\d{1,3}(?:[.．、]|\s)|[①-⑳㈠-㈩]|[【〔]|\d{4}\s*年|附[件录则]|注[：:]"
    r"|[^，。；：:、\s]{1,8}[：:].)"  # a labelled line (政治准确：…, 主体：…)
)
_DATELINE_RE = re.compile(r"^\d{4}\s*年")  # 2021年4月7日 …通过, a record line or a signature's date
_OPEN_END = "，、（《“‘〈「『"  # a paragraph never ends on one of these
_CLAUSE_MARK_RE = re.compile("[，。；]")
# A line that ends where its paragraph does not is as wide as the page; a shorter one
# is a heading, a title or one member of a list set out a line each (委员长，/ 副委员长若干人，).
_WRAPPED_MIN = 20
# no paragraph opens on one of these (a closing quote may: the end of a quote of several paragraphs)
_CONTINUATION_START = "，。；：、）》！？"
_SENTENCE_END_RE = re.compile(r"[。！？!?…][”’」』）)]*$")
_PAGE_LINES_MIN = 4  # lines of one length that show a page's width
_PAGE_SHARE = 0.25  # of the lines long enough to have been wrapped


def join_broken_lines(lines: list[str]) -> list[str]:
    """Join a line to the one before when that one stops inside a sentence: text copied
    from a PDF or a converted page breaks a paragraph where its line ended
    (…责令停止违法行为，/ 处二万元以上十万元以下的罚款；, 可以处三百 / 元以上…).

    A line continues the one before when it opens on punctuation, or when it does not
    open a block of its own (a heading, an article, a list item, a labelled line) and the
    one before, as long as a line of a page, ends on a comma or an opening bracket, or,
    with clauses of its own, on a character that cannot end a sentence. When many lines
    have one length, that is the page's width, and a line that fills it continues too."""
    width = page_width(lines)
    joined: list[str] = []
    previous = ""
    for line in lines:
        if joined and _joins(previous, line, len(joined) == 1, width):
            joined[-1] += line
        else:
            joined.append(line)
        previous = line
    return joined


def page_width(lines: list[str]) -> int | None:
    """The width of the page the text was wrapped on: the commonest length of its long
    lines, when enough of them have it (``None`` for text laid out a paragraph a line)."""
    long = [len(line) for line in lines if len(line) >= _WRAPPED_MIN]
    if not long:
        return None
    width, count = max(Counter(long).items(), key=lambda pair: (pair[1], pair[0]))
    return width if count >= _PAGE_LINES_MIN and count >= _PAGE_SHARE * len(long) else None


def _joins(previous: str, line: str, first: bool, width: int | None) -> bool:
    """Whether ``line`` goes on the paragraph of ``previous`` (the document's first line
    is its title)."""
    if first or _DATELINE_RE.match(previous):
        return False
    if line[0] in _CONTINUATION_START:
        return True
    if _BLOCK_START_RE.match(line) or len(previous) < _WRAPPED_MIN:
        return False
    # a line that fills the page goes on, unless a sentence ends with it (that may end its paragraph)
    if width is not None and width - 1 <= len(previous) <= width + 1 and not _SENTENCE_END_RE.search(previous):
        return True
    last = previous[-1]
    if last in _OPEN_END:
        return True
    return (is_han(last) or last.isdigit()) and bool(_CLAUSE_MARK_RE.search(previous))


# --- decoration ----------------------------------------------------------------

# pictographs (✅ 📅 ✨ 🔥) and the shortcodes Markdown sites write them with (:tada:, :bike:)
_EMOJI_HINT_RE = re.compile("[\u2600-\u27bf\u2b00-\u2bff\ufe0f\U0001f000-\U0001faff]|:[a-z0-9_+-]{2,}:")
_SHORTCODE_RE = re.compile(r"(?<![A-Za-z0-9_:]):[a-z0-9_+-]{2,}:(?![A-Za-z0-9_:])")
_KEYCAP_RE = re.compile("([0-9#*])\ufe0f?\u20e3")  # 1️⃣: a list's number drawn as a key


def strip_emoji(text: str) -> str:
    """``text`` without emoji and emoji shortcodes (Unicode's list, from the ``emoji`` package);
    a keycap keeps its digit. Symbols that are punctuation or list marks in Chinese text
    (★ ● ■ ① → ※ √) are no emoji and stay."""
    if not _EMOJI_HINT_RE.search(text):
        return text
    import emoji  # lazy: 40 ms, only for text that has a pictograph or a shortcode

    text = _KEYCAP_RE.sub(r"\1", text)
    text = _SHORTCODE_RE.sub(lambda m: emoji.emojize(m.group(), language="alias"), text)
    return emoji.replace_emoji(text, replace="")


# --- a table of contents ---------------------------------------------------------

_CONTENTS_RE = re.compile(r"^#{0,6}\s*(?:目\s*录|内容目录|Contents|CONTENTS)[：:]?$")
# what a heading and its entry in the contents may differ by: its mark, its number, a page number
_ENTRY_MARK_RE = re.compile(r"^(?:#{1,6}\s*)?(?:\d{1,3}(?:\.\d{1,3})*[.．、]?\s*|[一二三四五六七八九十]{1,3}[、.．]\s*"
                            r"|第[一二三四五六七八九十百\d]+[编章节部篇]\s*)?")
_ENTRY_PAGE_RE = re.compile(r"[\s.…·．]*\d*$")


def without_contents(lines: list[str]) -> list[str]:
    """The lines without a table of contents: a line 目录 and the lines after it that are the
    document's headings, each met again further on (1. 新人破冰篇 … / ## 1. 新人破冰篇): page
    furniture that would be read as headings of empty sections, and asked."""
    starts = [at for at, line in enumerate(lines) if _CONTENTS_RE.match(line)]
    if not starts:
        return lines
    entries = [_entry(line) for line in lines]
    last = {entry: i for i, entry in enumerate(entries)}
    for at in starts:
        end = at + 1
        while end < len(lines) and entries[end] and last[entries[end]] > end:
            end += 1
        if end - at > 2:  # two entries or more
            return lines[:at] + lines[end:]
    return lines


def _entry(line: str) -> str:
    return _ENTRY_PAGE_RE.sub("", _ENTRY_MARK_RE.sub("", line)).strip()
