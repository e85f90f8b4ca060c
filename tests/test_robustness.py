"""Never crash, never lose a learner's work: documents nobody has seen, noise, corrupt
and oversized files, control characters."""

from __future__ import annotations

import io
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from quizgen.ingest.clean import clean_text
from quizgen.build import document_items
from quizgen.ingest.read import MAX_EXPANDED_BYTES, read_source

DATA = Path(__file__).parent / "data"
REGULATIONS = sorted((DATA / "regulations").glob("*.md"))


def run(*args, timeout=300):
    return subprocess.run([sys.executable, "-m", "quizgen", *args], capture_output=True, text=True,
                          timeout=timeout)


def only_error_line(result) -> str:
    assert result.returncode == 2, (result.returncode, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr, result.stderr
    return lines[0]


def no_output(folder: Path) -> bool:
    return not folder.exists() or not any(folder.iterdir())


# --- documents that used to crash ---------------------------------------------------------


@pytest.mark.parametrize("path", REGULATIONS, ids=lambda p: p.stem[:12])
def test_regulations_that_crashed_build_into_items(path):
    """Clauses opening with the same word but of different lengths (国旗应当大于区旗，
    国旗在右) made the parallel-shape check index past the end of the shorter one."""
    doc, items = document_items(read_source(path))
    assert items  # and asks something (a short regulation: two or three items)
    assert all(item.validate() == [] for item in items)


# --- noise-only input ---------------------------------------------------------------------


JAMMER_ONLY = (") r\" D% N$ D- E0 V9 b; x+ o9 }9 C3 a\n"
               "/ z( |6 d1 B+ ?0 W\" G9 h! Y3 q& _3 G+ j; x. i- S Q& J\n"
               "6 c. W% e: M: I\n|||\n  \n")


def test_a_file_of_forum_noise_only_is_bad_input_and_writes_nothing(tmp_path):
    path = tmp_path / "噪声.txt"
    path.write_text(JAMMER_ONLY, encoding="utf-8")
    out = tmp_path / "out"
    line = only_error_line(run("build", str(path), "-o", str(out)))
    assert line == f"quizgen: error: {path}: no text left after removing forum noise"
    assert no_output(out)


# --- control characters -------------------------------------------------------------------


def test_control_characters_after_the_first_kilobytes_are_removed(tmp_path):
    text = "办公室工作千头万绪，纷繁复杂，必须分清轻重缓急。\n" * 200  # > 4 KB before the junk
    junk = "接听电话要热情\x00，撰写材料\x07要细心\x1b，处理文件\x7f要及时。\x85做好登记。\x0c印章由专人保管。\n"
    path = tmp_path / "控制符.txt"
    path.write_bytes((text + junk).encode("utf-8"))
    cleaned = clean_text(read_source(path).text)
    assert not any(ord(c) < 32 and c != "\n" or 0x7f <= ord(c) <= 0x9f for c in cleaned)
    assert "接听电话要热情，撰写材料要细心，处理文件要及时。\n做好登记。\n印章由专人保管。\n" in cleaned
    out = tmp_path / "out"
    result = run("build", str(path), "-o", str(out), "-f", "json,csv,html")
    assert result.returncode == 0, result.stderr
    for written in out.iterdir():
        content = written.read_text(encoding="utf-8")
        assert "\x00" not in content and "\x07" not in content and "\\u0000" not in content, written.name


# --- Word documents -----------------------------------------------------------------------


def word_document(**replace: bytes | None) -> bytes:
    """A small .docx, with the named members (``[Content_Types].xml``…) replaced or left out."""
    import docx

    document = docx.Document()
    document.add_paragraph("请假须提前一天申请，病假须提供医院证明。")
    buf = io.BytesIO()
    document.save(buf)
    source, out = zipfile.ZipFile(buf), io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for info in source.infolist():
            data = replace.get(info.filename, source.read(info))
            if data is not None:
                archive.writestr(info, data)
    return out.getvalue()


CORRUPT_WORD = {
    "garbage-content-types": {"[Content_Types].xml": b"\x00garbage<<"},
    "malformed-document": {"word/document.xml": b"<?xml version='1.0'?><w:document xmlns:w='x'><w:body"},
    "wrong-root": {"word/document.xml": b"<a/>"},
    "broken-styles": {"word/styles.xml": b"<<<"},
    "no-document": {"word/document.xml": None},
}


@pytest.mark.parametrize("name", sorted(CORRUPT_WORD))
def test_a_corrupt_word_document_is_bad_input(tmp_path, name):
    path = tmp_path / f"{name}.docx"
    path.write_bytes(word_document(**CORRUPT_WORD[name]))
    line = only_error_line(run("build", str(path), "-o", str(tmp_path / "out")))
    assert line.startswith(f"quizgen: error: {path}: not a readable Word document"), line
    assert no_output(tmp_path / "out")


def test_a_word_zip_bomb_is_refused_before_it_is_expanded(tmp_path):
    path = tmp_path / "炸弹.docx"
    padding = b" " * 2**20
    template = zipfile.ZipFile(io.BytesIO(word_document()))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in template.infolist():
            if info.filename != "word/document.xml":
                archive.writestr(info.filename, template.read(info))
        with archive.open("word/document.xml", "w", force_zip64=True) as member:
            for _ in range(MAX_EXPANDED_BYTES // len(padding) + 1):
                member.write(padding)
    assert path.stat().st_size < 2**20
    line = only_error_line(run("build", str(path), "-o", str(tmp_path / "out")))
    assert line.startswith(f"quizgen: error: {path}: too large: expands to"), line
    assert no_output(tmp_path / "out")


# --- bounded time and memory ------------------------------------------------------------


def test_a_line_without_punctuation_is_analysed_in_pieces_of_bounded_length():
    from quizgen.analyse.phrases import analyze
    from quizgen.analyse.structure import MAX_SENTENCE

    line = "办公室工作千头万绪纷繁复杂必须分清轻重缓急抓住主要矛盾解决关键问题" * 200  # 6,600 characters
    doc = analyze(line + "\n", title="长行")
    assert "".join(s.text for s in doc.sentences) == line  # nothing lost
    assert max(len(s.text) for s in doc.sentences) <= MAX_SENTENCE
    assert len(doc.sentences) >= len(line) // MAX_SENTENCE
    assert all(len(p.text) <= MAX_SENTENCE for p in doc.phrases)


def test_a_long_sentence_is_cut_after_a_comma_where_it_has_one():
    from quizgen.analyse.structure import MAX_SENTENCE, split_sentences

    clause = "接听电话要热情撰写材料要细心处理文件要及时，"
    sentence = clause * (3 * MAX_SENTENCE // len(clause)) + "做好登记。"
    pieces = split_sentences(sentence)
    assert "".join(text for _, _, text in pieces) == sentence
    assert all(text.endswith("，") for _, _, text in pieces[:-1])
    assert all(len(text) <= MAX_SENTENCE for _, _, text in pieces)


def test_distractors_come_from_the_neighbourhood_of_the_question_in_a_long_document(monkeypatch):
    """A bounded number of candidates per question, whatever the document's length."""
    from quizgen.generate import distractors
    from quizgen.model import Source
    from quizgen.build import process

    monkeypatch.setattr(distractors, "NEIGHBOURHOOD", 3000)
    text = "\n".join(read_source(path).text for path in REGULATIONS)
    doc = process(Source("三部条例", text, None, "utf-8"))
    checked = 0
    for kind in ("enumeration", "term", "figure"):
        same = [p for p in doc.phrases if p.kind == kind]
        near = {p.text for p in same if p.start <= 3000}
        far_only = {p.text for p in same if p.start > 3000} - near
        key = next((p for p in same if p.start < 1000), None)
        if key is None or not far_only:
            continue
        candidates = set(distractors.same_kind(doc, key.text, kind, None, near=0))
        assert candidates & near and not candidates & far_only, kind
        checked += 1
    assert checked >= 2


def test_a_text_longer_than_the_limit_is_refused_before_analysis(tmp_path):
    from quizgen.ingest.read import MAX_TEXT_CHARS

    path = tmp_path / "太长.txt"
    sentence = "办公室工作千头万绪，纷繁复杂。\n"
    path.write_text(sentence * (MAX_TEXT_CHARS // len(sentence) + 1), encoding="utf-8")
    line = only_error_line(run("build", str(path), "-o", str(tmp_path / "out")))
    assert line.startswith(f"quizgen: error: {path}: too long (") and "characters of text" in line
    assert no_output(tmp_path / "out")


# --- any mixture of text, markers and punctuation ------------------------------------------

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_WORDS = ["办公室", "工作", "必须", "分清", "轻重缓急", "人民法院", "应当", "依法", "审查", "不得", "或者",
          "的", "是", "在", "和", "规定", "本条例", "自", "起施行", "包括", "下列", "情形", "国旗", "区旗",
          "千头万绪", "胡子眉毛一把抓", "但", "的除外", "要在", "上下功夫", "作出", "裁定", "按照", "向"]
_MARKERS = ["一是", "二是", "三是", "（一）", "（二）", "（十）", "第一条", "第二条", "第十二条", "第一章",
            "①", "②", "③", "1.", "2、", "(3)", "# ", "## ", "一、", "二、", "首先", "其次", "最后"]
_PUNCTUATION = list("，。；：、！？“”‘’《》（）【】…—·,.;:!?()[]<>|*_-—") + ["……", "——"]
_SPACE = [" ", "\n", "\n\n", "\t", "\u3000", "\u00a0", "\r\n", "\x00", "\x0c", "\x85"]
_CLAUSE = st.lists(st.sampled_from(_WORDS), min_size=1, max_size=4).map("".join)


@st.composite
def _sentence(draw) -> str:
    """Clauses that often open with the same word (不得…，不得…), as rules and speeches do."""
    opening = draw(st.sampled_from(_WORDS + [""]))
    clauses = [opening * draw(st.booleans()) + draw(_CLAUSE) for _ in range(draw(st.integers(1, 5)))]
    marker = draw(st.sampled_from(_MARKERS + [""] * 4))
    ends = draw(st.sampled_from(["。", "；", "！", "？", "：", ""]))
    return marker + draw(st.sampled_from(["，", "、", "；"])).join(clauses) + ends


_PIECES = st.one_of(_sentence(), st.sampled_from(_WORDS), st.sampled_from(_MARKERS),
                    st.sampled_from(_PUNCTUATION), st.sampled_from(_SPACE), st.integers(0, 10**6).map(str),
                    st.text(alphabet=st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5), max_size=6))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_PIECES, max_size=60).map("".join))
def test_any_mixture_of_chinese_markers_punctuation_digits_and_space_builds_or_is_refused(text):
    """The whole build, from cleaning to every cheap export: an item list or a one-line
    bad-input error, never an exception."""
    import tempfile

    from quizgen.errors import InputError
    from quizgen.model import Source
    from quizgen.build import deck_from, export

    try:
        doc, items = document_items(Source("随机", text, None, "utf-8"))
    except InputError:
        return
    with tempfile.TemporaryDirectory() as out:
        export(deck_from([(doc, items)]), Path(out), ("json", "apkg", "csv", "gift", "moodle"))


def test_an_anki_package_is_size_checked_before_its_collection_is_extracted(tmp_path, monkeypatch):
    from quizgen.review import check
    from quizgen.errors import InputError

    monkeypatch.setattr(check, "MAX_COLLECTION_BYTES", 2**20)
    path = tmp_path / "炸弹.apkg"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("collection.anki2", b"\0" * (2 * 2**20))
    with pytest.raises(InputError, match="too large: expands to 2 MB"):
        check.check(path)


# --- review files ------------------------------------------------------------------------

BILLION_LAUGHS = """\
schema: 1
deck: 炸弹
documents:
  - {id: d, title: d, source: x}
lol:
  a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]
  b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
  c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
  d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]
  e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]
  f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]
  g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]
  h: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g]
  i: &i [*h, *h, *h, *h, *h, *h, *h, *h, *h]
items:
  - id: q1
    kind: choice
    question: 问题
    options: [甲, 乙]
    answer: *i
"""


@pytest.mark.parametrize("command", ["check", "build"])
def test_a_review_file_of_nested_aliases_is_refused_at_the_item_that_uses_them(tmp_path, command):
    """A 1 KB "billion laughs" file used to take gigabytes: its aliases expand to 400
    million values once anything walks the item's answer."""
    path = tmp_path / "bomb.yaml"
    path.write_text(BILLION_LAUGHS, encoding="utf-8")
    args = [command, str(path)] + (["-o", str(tmp_path / "out")] if command == "build" else [])
    started = time.monotonic()
    line = only_error_line(run(*args, timeout=60))
    assert time.monotonic() - started < 20
    assert line == (f"quizgen: error: {path}:20: YAML aliases expand to more than 100,000 values and "
                    "characters (at *i); write the value out instead")
    assert no_output(tmp_path / "out")


def test_a_review_file_of_deeply_nested_values_is_refused(tmp_path):
    """3000 nested brackets in an answer used to end in a RecursionError."""
    path = tmp_path / "deep.yaml"
    path.write_text("schema: 1\ndeck: 深\ndocuments:\n  - {id: d}\nitems:\n  - id: q\n    kind: judge\n"
                    "    statement: 对吗\n    answer: " + "[" * 3000 + "]" * 3000 + "\n", encoding="utf-8")
    assert only_error_line(run("check", str(path), timeout=60)) == \
        f"quizgen: error: {path}:9: YAML values nested more than 50 deep"
