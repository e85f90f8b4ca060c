"""Real-world inputs and bad input: encodings, formats, folders, manifests, clear errors."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from terminal import as_at_a_terminal

from quizgen.build import BuildOptions, build_batch, make_deck, process
from quizgen.ingest.read import read_source

DATA = Path(__file__).parent / "data"


def run(*args, cwd=None, timeout=300):
    return subprocess.run([sys.executable, "-m", "quizgen", *args], capture_output=True, text=True,
                          cwd=cwd, timeout=timeout)


@pytest.fixture(scope="module")
def seed_text() -> str:
    return (DATA / "office-work.clean.txt").read_text(encoding="utf-8")


def json_items(folder: Path, stem: str) -> list[dict]:
    data = json.loads((folder / f"{stem}.json").read_text(encoding="utf-8"))
    return data["items"]


# --- encodings ------------------------------------------------------------------------


@pytest.mark.parametrize("encoding,bom", [
    ("utf-8", b""), ("utf-8", b"\xef\xbb\xbf"), ("utf-16", b""), ("utf-16-le", b""),
    ("gbk", b""), ("gb18030", b""),
])
def test_encodings_are_detected_and_give_the_same_text(tmp_path, seed_text, encoding, bom):
    path = tmp_path / "文章.txt"
    path.write_bytes(bom + seed_text.encode(encoding))
    assert read_source(path).text.replace("\ufeff", "") == seed_text


def test_big5_traditional_input_and_script_conversion(tmp_path):
    text = "辦公室工作的好與壞，體現著一個單位的整體素質。應該把握好以下兩個方面：\n一是突出重點，分清主次。\n二是積極協調，促進和諧。\n"
    path = tmp_path / "繁體.txt"
    path.write_bytes(text.encode("big5"))
    source = read_source(path)
    assert source.encoding.startswith("big5") and source.text == text
    deck = make_deck([source], script="simplified")
    cloze = " ".join(i.text or "" for i in deck.items)
    assert "突出重点，分清主次" in cloze and "積極" not in cloze
    assert make_deck([source]).items, "traditional input works without conversion too"
    deck_t = make_deck([read_source(DATA / "office-work.clean.txt")], script="traditional")
    assert any("辦公室" in (i.source or "") for i in deck_t.items)


def test_traditional_output_is_the_same_deck_in_traditional_characters():
    """--script converts what the learner reads, not what is analysed: the deck has the
    same items, ids and answers as the simplified one."""
    source = read_source(DATA / "office-work.clean.txt")
    simplified, traditional = make_deck([source]), make_deck([source], script="traditional")
    assert [i.id for i in traditional.items] == [i.id for i in simplified.items]
    pairs = list(zip(simplified.items, traditional.items))
    assert any("{{c1::突出重点" in getattr(s, "text", "") and "{{c1::突出重點" in getattr(t, "text", "")
               for s, t in pairs)
    assert all(getattr(s, "answer", None) == getattr(t, "answer", None)
               and len(getattr(s, "options", [])) == len(getattr(t, "options", [])) for s, t in pairs)
    assert any("辦公室" in t.explanation + t.source for t in traditional.items)
    assert "办公室" not in " ".join(" ".join([*(getattr(t, f) for f in t.text_fields), *getattr(t, "options", [])])
                                for t in traditional.items)


def test_gbk_file_gives_exactly_the_same_deck_as_its_utf8_twin(tmp_path, seed_text):
    (tmp_path / "u").mkdir()
    (tmp_path / "g").mkdir()
    (tmp_path / "u" / "规章.txt").write_text(seed_text, encoding="utf-8")
    (tmp_path / "g" / "规章.txt").write_bytes(seed_text.encode("gbk"))
    for sub in ("u", "g"):
        result = run("build", str(tmp_path / sub / "规章.txt"), "-o", str(tmp_path / sub / "out"),
                     "--format", "json", "-v")
        assert result.returncode == 0, result.stderr
    assert "(gb18030)" in run("build", str(tmp_path / "g" / "规章.txt"), "-o", str(tmp_path / "x"),
                              "-f", "json", "-v").stderr
    assert json_items(tmp_path / "u" / "out", "规章") == json_items(tmp_path / "g" / "out", "规章")


def test_encoding_can_be_forced(tmp_path, seed_text):
    path = tmp_path / "a.txt"
    path.write_bytes(seed_text.encode("gb18030"))
    assert read_source(path, encoding="gb18030").text == seed_text
    result = run("build", str(path), "--encoding", "utf-8", "-o", str(tmp_path / "o"))
    assert result.returncode == 2 and "cannot decode as utf-8" in result.stderr


# --- formats --------------------------------------------------------------------------


def test_markdown_headings_become_structure_and_markup_is_stripped(tmp_path):
    path = tmp_path / "note.md"
    path.write_text(
        "---\nauthor: x\n---\n# 印章管理规定\n\n<!-- comment -->\n## 一、总则\n\n**印章**是单位的"
        "[重要凭证](http://example.com)，必须“专人保管”。\n\n## 二、使用\n\n用印须经<b>负责人</b>批准，"
        "并做好登记。\n\n## 三、保管\n\n印章应存放在保险柜内。\n", encoding="utf-8")
    source = read_source(path)
    assert source.title == "印章管理规定"
    doc = process(source)
    assert [s.title for s in doc.sections[1:]] == ["一、总则", "二、使用", "三、保管"]
    assert "**" not in doc.text and "http" not in doc.text and "<b>" not in doc.text
    assert "重要凭证" in doc.text


def test_markdown_saved_as_text_is_read_as_markdown(tmp_path):
    """A wiki page's source copied into a .txt (fresh office texts: ** and ::: tip on the cards, a
    line in bold that was a heading read as the sentence before it)."""
    path = tmp_path / "报账手册.txt"
    path.write_text("# 报账修炼手册 :100:\n\n## 一、报账基础\n\n::: tip\n报账，就是把花费**合法化**的过程。\n:::\n\n- **发票**：商家开具的凭证。\n\n"
                    "## 二、审批流程\n\n报账单须经部门负责人签字。\n\n**成长心法**\n\n耐心、细心、恒心，缺一不可。\n", encoding="utf-8")
    source = read_source(path)
    assert source.title == "报账修炼手册"  # the deck's name: no emoji code
    doc = process(source)
    assert [s.title for s in doc.sections[1:]] == ["一、报账基础", "二、审批流程", "成长心法"]
    assert "*" not in doc.text and ":::" not in doc.text and "tip" not in doc.text
    assert "发票：商家开具的凭证。" in doc.text
    plain = tmp_path / "通知.txt"  # a text with one star is no Markdown
    plain.write_text("**注意**：请假须提前申请。\n一、请假程序\n员工请假须填写请假单。\n", encoding="utf-8")
    assert "**注意**" in read_source(plain).text


def test_html_gives_the_article_not_the_page_furniture(tmp_path):
    body = "".join(f"<p>{line}</p>" for line in (DATA / "office-work.clean.txt").read_text(
        encoding="utf-8").splitlines())
    page = ("<html><head><meta charset='utf-8'><title>办公室工作 - 某某网</title><style>p{color:red}</style>"
            "<script>alert('x')</script></head><body><nav><a href='/'>首页</a> | <a>新闻中心</a> | "
            "<a>联系我们</a></nav><div class='article'><h1>办公室工作</h1>" + body +
            "<div class='qr'><img src='qr.png'>扫码关注公众号</div><p>责任编辑：张三</p></div>"
            "<footer>版权所有 © 某某网</footer></body></html>")
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    text = read_source(path).text
    assert "一是突出重点,分清主次。" in text or "一是突出重点，分清主次。" in text
    for furniture in ("alert", "color:red", "首页", "联系我们", "扫码关注", "责任编辑", "版权所有"):
        assert furniture not in text


def test_docx_heading_styles_and_numbered_lists_become_structure(tmp_path):
    import docx

    document = docx.Document()
    document.add_heading("请假管理规定", level=0)
    document.add_paragraph("为规范请假管理，制定本规定。请假分为以下三类：")
    for line in ("事假须提前一天申请。", "病假须提供医院证明。", "年休假按工龄确定天数。"):
        document.add_paragraph(line, style="List Number")
    document.add_heading("审批程序", level=1)
    document.add_paragraph("请假三天以内由部门负责人审批。")
    document.add_heading("销假", level=1)
    document.add_paragraph("假满返岗后应及时销假。")
    path = tmp_path / "请假.docx"
    document.save(path)
    source = read_source(path)
    assert source.title == "请假管理规定"
    assert "1. 事假须提前一天申请。" in source.text and "## 审批程序" in source.text
    doc = process(source)
    assert [s.heading for s in doc.sections[1:]] == ["审批程序", "销假"]
    assert any(len(e.items) == 3 for e in doc.enumerations)


# --- folders, merging, manifests ----------------------------------------------------------


def make_folder(tmp_path: Path, seed_text: str) -> Path:
    folder = tmp_path / "规章 制度"
    folder.mkdir()
    (folder / "办公室 工作.txt").write_text(seed_text, encoding="utf-8")
    (folder / "印章.md").write_text("# 印章管理\n\n## 一、保管\n\n印章由办公室“专人保管”，存放在保险柜内。\n\n"
                                    "## 二、使用\n\n用印须经单位负责人批准，并做好用印登记。\n", encoding="utf-8")
    return folder


def test_folder_builds_one_deck_per_document_or_merged(tmp_path, seed_text):
    folder = make_folder(tmp_path, seed_text)
    result = build_batch([folder], tmp_path / "out", BuildOptions(formats=("apkg", "json"), jobs=2))
    assert result.exit_code == 0 and result.documents == 2
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "办公室 工作.apkg", "办公室 工作.json", "印章管理.apkg", "印章管理.json"]
    merged = build_batch([folder], tmp_path / "m", BuildOptions(formats=("json",), merge=True, name="入职培训"))
    assert merged.documents == 2 and [o.path.name for o in merged.outputs] == ["入职培训.json"]
    items = json_items(tmp_path / "m", "入职培训")
    assert {i["section"].split("::")[0] for i in items} == {"办公室 工作", "印章管理"}


def test_course_manifest_builds_a_whole_course(tmp_path, seed_text):
    make_folder(tmp_path, seed_text)
    decks = tmp_path / "decks"
    decks.mkdir()
    (decks / "入职培训.toml").write_text(
        'title = "入职培训"\nformats = ["json"]\n\n[[source]]\npath = "../规章 制度/办公室 工作.txt"\n'
        'title = "办公室工作"\n\n[[source]]\npath = "../规章 制度/印章.md"\n', encoding="utf-8")
    result = run("build", str(decks / "入职培训.toml"), "-o", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    items = json_items(tmp_path / "out", "入职培训")
    assert {i["section"].split("::")[0] for i in items} == {"办公室工作", "印章管理"}


def test_a_manifest_is_a_batch_and_the_command_line_wins(tmp_path, seed_text):
    """A bad source in a course is reported and skipped like any input of a batch; --seed
    on the command line beats the manifest's seed as --format does."""
    folder = make_folder(tmp_path, seed_text)
    (folder / "空白.txt").write_text("  \n", encoding="utf-8")
    course = tmp_path / "课程.toml"
    course.write_text('title = "课程"\nmerge = false\nseed = 7\nformats = ["apkg"]\n'
                      '[[source]]\npath = "规章 制度/办公室 工作.txt"\n[[source]]\npath = "规章 制度/空白.txt"\n',
                      encoding="utf-8")
    result = run("build", str(course), "-o", str(tmp_path / "course"), "-f", "json", "--seed", "3")
    one_line_error(result, "空白.txt", "empty", code=2)
    assert "1 of 2 inputs failed" in result.stderr
    plain = run("build", str(folder / "办公室 工作.txt"), "-o", str(tmp_path / "plain"), "-f", "json", "--seed", "3")
    assert plain.returncode == 0, plain.stderr
    assert json_items(tmp_path / "course", "办公室 工作") == json_items(tmp_path / "plain", "办公室 工作")


def test_a_manifest_naming_an_unknown_format_is_an_error_at_the_manifest(tmp_path, seed_text):
    make_folder(tmp_path, seed_text)
    course = tmp_path / "课程.toml"
    course.write_text('title = "课程"\nformats = ["JSON", "docx"]\n[[source]]\npath = "规章 制度/办公室 工作.txt"\n',
                      encoding="utf-8")
    result = run("build", str(course), "-o", str(tmp_path / "out"))
    one_line_error(result, f"{course}: unknown format docx; choose from apkg, json", "")
    course.write_text('title = "课程"\nformats = ["JSON"]\n[[source]]\npath = "规章 制度/办公室 工作.txt"\n',
                      encoding="utf-8")
    result = run("build", str(course), "-o", str(tmp_path / "out"))
    assert result.returncode == 0 and [p.name for p in (tmp_path / "out").iterdir()] == ["课程.json"]


# --- bad input ------------------------------------------------------------------------------


def one_line_error(result, name: str, message: str, code: int = 2) -> None:
    assert result.returncode == code, (result.returncode, result.stderr)
    assert "Traceback" not in result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("quizgen: error")]
    assert len(errors) == 1, result.stderr
    assert name in errors[0] and message in errors[0], errors[0]


BAD_INPUTS = {
    "empty.txt": (b"", "file is empty"),
    "blank.txt": (b"  \n\t\n\xe3\x80\x80\n", "empty"),
    "noise.txt": (b") r\" D% N$ D- E0 V9 b; x+ o9 }9 C3 a\n/ z( |6 d1 B+ ?0 W\" G9 h! Y3 q& _3 G\n", "no text left after removing forum noise"),
    "picture.txt": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10", "binary"),
    "garbage.txt": (bytes((i * 151 + 7) % 128 + 128 for i in range(3000)), "encoding"),
}


@pytest.mark.parametrize("name", sorted(BAD_INPUTS))
def test_bad_files_give_one_line_errors(tmp_path, name):
    content, message = BAD_INPUTS[name]
    (tmp_path / name).write_bytes(content)
    one_line_error(run("build", str(tmp_path / name), "-o", str(tmp_path / "out")), name, message)
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def test_fifty_megabyte_single_line_file(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as f:
        chunk = "办公室工作千头万绪，纷繁复杂。".encode() * 4096
        while f.tell() < 50 * 2**20:
            f.write(chunk)
    start = time.perf_counter()
    one_line_error(run("build", str(path), "-o", str(tmp_path / "out")), "huge.txt", "too large")
    assert time.perf_counter() - start < 30


def test_missing_path_and_empty_folder(tmp_path):
    one_line_error(run("build", str(tmp_path / "没有.txt")), "没有.txt", "no such file")
    (tmp_path / "空").mkdir()
    (tmp_path / "空" / "image.png").write_bytes(b"\x89PNG")
    one_line_error(run("build", str(tmp_path / "空")), "空", "no usable files")


def test_unwritable_output_folder(tmp_path, seed_text):
    src = tmp_path / "a.txt"
    src.write_text(seed_text, encoding="utf-8")
    blocker = tmp_path / "file"
    blocker.write_text("x")
    one_line_error(run("build", str(src), "-o", str(blocker / "decks")), "file", "cannot create output folder")
    if os.geteuid() != 0:  # root writes anywhere: the permission case needs a normal user
        locked = tmp_path / "locked"
        locked.mkdir(mode=0o555)
        one_line_error(run("build", str(src), "-o", str(locked)), "locked", "not writable")


def test_chinese_names_and_spaces_in_paths(tmp_path, seed_text):
    folder = tmp_path / "培训 材料" / "第 一 批"
    folder.mkdir(parents=True)
    (folder / "办公室 工作 (2024).txt").write_text(seed_text, encoding="utf-8")
    result = run("build", str(folder / "办公室 工作 (2024).txt"), "-o", str(tmp_path / "输出 目录"),
                 "-f", "apkg")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "输出 目录" / "办公室 工作 (2024).apkg").exists()


def test_text_without_structure_still_builds(tmp_path):
    text = ("办公室工作千头万绪，纷繁复杂，必须分清轻重缓急，不能胡子眉毛一把抓。接听电话要热情，"
            "撰写材料要细心，处理文件要及时，遇到问题要袖手旁观是不对的，应当不折不扣地执行决定。") * 3
    path = tmp_path / "一段.txt"
    path.write_text(text, encoding="utf-8")
    result = run("build", str(path), "-o", str(tmp_path / "out"), "-f", "json")
    assert result.returncode == 0, result.stderr
    items = json_items(tmp_path / "out", "一段")
    assert items and all(i["section"] == "引言" for i in items)


def test_markup_in_the_text_is_escaped_in_cards(tmp_path):
    text = ("办公室工作千头万绪，<script>alert('x')</script>必须分清轻重缓急。\n"
            "用印登记要写明{{c1::事由}}和}}日期，做到不折不扣。\n")
    path = tmp_path / "注入.txt"
    path.write_text(text, encoding="utf-8")
    # --all: the selection refuses markup as content; what is written must still be escaped
    result = run("build", str(path), "-o", str(tmp_path / "out"), "-f", "apkg,json", "--all")
    assert result.returncode == 0, result.stderr
    cloze_fields = " ".join(i["text"] for i in json_items(tmp_path / "out", "注入") if i["kind"] == "cloze")
    assert "<script>" not in cloze_fields and "{{c1::事由" not in cloze_fields

    from ankiclient import cards, import_apkg, open_collection, strip_html

    col = open_collection(tmp_path / "col")
    try:
        import_apkg(col, tmp_path / "out" / "注入.apkg")
        rendered = cards(col)
        assert "<script>alert" not in " ".join(c.question + c.answer for c in rendered)
        shown = [strip_html(c.question) for c in rendered]
        assert any("<script>alert('x')</script>" in q for q in shown), "markup is shown as text"
        assert any("事由}}和}}日期" in q for q in shown), "braces are shown as text"
        # the braces in the source made no extra cloze cards: one card per real deletion
        for card in rendered:
            if card.notetype.startswith("quizgen 填空"):
                assert "事由" != re.sub(r".*data-cloze=\"([^\"]*)\".*", r"\1", card.question, flags=re.S)
    finally:
        col.close()


def test_batch_reports_bad_files_and_builds_the_rest(tmp_path, seed_text):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(seed_text, encoding="utf-8")
    (folder / "bad.txt").write_bytes(b") r\" D% N$ D- E0 V9 b; x+ o9 }9 C3 a\n")  # forum noise only
    (folder / "empty.txt").write_bytes(b"")  # no text: skipped with a warning, no failure
    result = run("build", str(folder), "-o", str(tmp_path / "out"), "-f", "json")
    assert result.returncode == 2
    assert "bad.txt: no text left" in result.stderr and "1 of 2" in result.stderr
    assert "empty.txt: file is empty; skipped" in result.stderr
    assert (tmp_path / "out" / "good.json").exists()
    assert "Traceback" not in result.stderr


def test_debug_shows_the_traceback(tmp_path):
    result = run("--debug", "build", str(tmp_path / "missing.txt"))
    assert result.returncode != 0 and "Traceback" in result.stderr


def test_interrupted_batch_leaves_no_partial_files(tmp_path, seed_text):
    folder = tmp_path / "many"
    folder.mkdir()
    for n in range(120):  # more than two workers build while the test waits for two decks
        (folder / f"doc{n:03d}.txt").write_text(seed_text, encoding="utf-8")
    out = tmp_path / "out"
    stderr = tmp_path / "stderr.txt"
    with open(stderr, "wb") as err:  # a file, not a pipe: nothing can keep the test waiting on it
        proc = subprocess.Popen([sys.executable, "-m", "quizgen", "build", str(folder), "-o", str(out),
                                 "-f", "apkg,json", "--jobs", "2"], stdout=subprocess.DEVNULL, stderr=err,
                                start_new_session=True, preexec_fn=as_at_a_terminal)
    deadline = time.monotonic() + 120
    while not (out.exists() and len(list(out.glob("*.apkg"))) >= 2):  # waits for a state, not a time
        assert time.monotonic() < deadline and proc.poll() is None, "no decks written"
        time.sleep(0.02)
    os.killpg(proc.pid, signal.SIGINT)  # Ctrl-C reaches the whole process group
    assert proc.wait(timeout=60) == 130
    message = stderr.read_text(encoding="utf-8")
    assert "Traceback" not in message and message.strip().endswith("quizgen: interrupted")
    leftovers = [p.name for p in out.iterdir() if p.name.startswith(".") or p.suffix == ".part"]
    assert leftovers == []
    for apkg in out.glob("*.apkg"):
        import zipfile

        assert zipfile.is_zipfile(apkg), f"{apkg.name} is incomplete"


def test_markdown_with_html_blocks_gives_the_article_and_front_matter_the_title():
    """A news page saved as Markdown by an RSS tool: front matter, <div>s, share buttons,
    the app banner and the editor line around the article."""
    source = read_source(DATA / "web" / "新浪财经-政务服务.md")
    assert source.title == "国务院办公厅印发通知 全面推进政务服务标准化规范化便利化"
    for furniture in ("<div", "<p", "&gt;", "title:", "link:", "分享到", "微博", "新浪财经APP", "责任编辑",
                      "相关阅读", "国内经济"):
        assert furniture not in source.text, furniture
    doc = process(source)
    assert doc.title == source.title
    assert any(len(e.items) == 3 and e.count == 3 for e in doc.enumerations)  # 三个方面：一是…二是…三是…
    assert "让数据多跑路、群众少跑腿" in doc.text


def test_markdown_front_matter_title_names_the_document(tmp_path):
    path = tmp_path / "note.md"
    path.write_text("---\r\ntitle: '用印管理办法'\r\ntags: [制度]\r\n---\r\n用印须经负责人批准，并做好登记。\r\n",
                    encoding="utf-8")
    source = read_source(path)
    assert source.title == "用印管理办法"
    assert source.text.strip() == "用印须经负责人批准，并做好登记。"
    only = tmp_path / "_index.md"
    only.write_text("---\nbookCollapseSection: true\n---\n", encoding="utf-8")
    one_line_error(run("build", str(only), "-o", str(tmp_path / "out")), "_index.md", "only front matter")
