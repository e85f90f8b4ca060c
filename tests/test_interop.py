"""Exports for other tools, each read back the way that tool reads it.

* Anki text files: imported into a real collection with the ``anki`` package.
* Moodle GIFT: parsed by :func:`parse_gift`, a port of Moodle's ``qformat_gift::readquestion``
  (escapes, question splitting, types, weights, feedback) - what Moodle would import.
* Moodle XML: parsed with ``xml.etree``; embedded answers with Moodle's answer syntax.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import replace
import xml.etree.ElementTree as ET

import pytest
from ankiclient import cards, import_apkg, import_csv, open_collection, strip_html
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from quizgen.export import anki
from quizgen.lang import markup
from quizgen.export import studyorder
from quizgen.export import EXPORTERS, FORMATS, Exporter, export, gift, moodle
from quizgen.export.ankicsv import CLOZE_COLUMNS, render
from quizgen.options import BuildOptions
from factory import make_item
from quizgen.errors import InputError
from quizgen.model import Deck
from quizgen.build import make_deck
from quizgen.ingest.read import sample

LETTERS = "ABCDEFGHIJ"


def write(deck, out_dir, fmt, stem):
    """One format through the exporters' registry, files named after ``stem``."""
    return export(deck, out_dir, BuildOptions(formats=(fmt,)), stem)


@pytest.fixture(scope="module")
def deck():
    return make_deck([sample()])


def enabled(deck):
    return [i for i in deck.items if i.enabled]


def by_id(deck):
    return {i.id: i for i in deck.items}


# --------------------------------------------------------------------------
# Anki text import


def test_text_files_import_into_anki_like_the_apkg(deck, tmp_path):
    paths = write(deck, tmp_path, "csv", "办公室工作")
    assert [p.name for p in paths] == ["办公室工作.cloze.txt", "办公室工作.basic.txt"]
    header = paths[0].read_text(encoding="utf-8").splitlines()[:7]
    assert header[:3] == ["#separator:tab", "#html:true", "#notetype:Cloze"]
    assert "#guid column:1" in header and "#deck column:2" in header and "#tags column:5" in header

    col = open_collection(tmp_path / "col")
    try:
        counts = [import_csv(col, path) for path in paths]
        assert [c.new for c in counts] == [sum(i.kind == "cloze" for i in deck.items),
                                           sum(i.kind != "cloze" for i in deck.items)]
        assert col.note_count() == len(deck.items)
        assert col.card_count() == sum(i.cards for i in deck.items)
        items = {anki.note_guid(i): i for i in deck.items}
        rendered = cards(col)
        assert {c.guid for c in rendered} == set(items)  # the same GUIDs as the .apkg
        for card in rendered:
            item = items[card.guid]
            assert card.deck == studyorder.plan(deck).deck_name(item)
            assert "quizgen" in card.tags and f"quizgen::{item.kind}" in card.tags
            front, back = strip_html(card.question), strip_html(card.answer)
            assert item.source in back
            if item.kind == "cloze":
                assert card.notetype == "Cloze"
                hidden = re.search(r'<span class="cloze" data-cloze="([^"]+)"[^>]*>\[[^\]]*\]</span>',
                                   card.question)
                assert html.unescape(hidden.group(1)) in {d.answer for d in markup.deletions(item.text)}
                shown = re.search(r'<span class="cloze"[^>]*>([^<]+)</span>', card.answer)
                assert shown.group(1) == hidden.group(1)
            elif item.kind == "judge":
                assert card.notetype == "Basic" and item.statement in front and "答案" not in front
                assert ("答案：正确" if item.answer else "答案：错误") in back
            else:
                assert item.question in front and "答案" not in front
                for letter, option in zip(LETTERS, item.options):
                    assert f"{letter}. {option}" in front
                right = "、".join(f"{LETTERS[k]}. {item.options[k]}" for k in item.answer)
                assert f"答案：{right}" in back
    finally:
        col.close()


def test_rebuilt_text_files_update_notes_in_place(deck, tmp_path):
    write(deck, tmp_path / "v1", "csv", "deck")
    col = open_collection(tmp_path / "col")
    try:
        for path in sorted((tmp_path / "v1").glob("*.txt")):
            import_csv(col, path)
        cloze = next(i for i in deck.items if i.kind == "cloze" and "整体素质" in i.source)
        note_id = next(c.note_id for c in cards(col) if c.guid == anki.note_guid(cloze))
        reworded = Deck(deck.name, deck.documents, [
            replace(i, text=i.text.replace("体现着", "反映着")) if i is cloze else i
            for i in deck.items])
        paths = write(reworded, tmp_path / "v2", "csv", "deck")
        summaries = [import_csv(col, path) for path in paths]
        assert sum(s.new for s in summaries) == 0
        assert sum(s.updated for s in summaries) == 1  # only the changed note
        assert col.note_count() == len(deck.items)
        assert "反映着" in col.get_note(note_id)["Text"]
    finally:
        col.close()


def test_fields_that_look_like_comments_or_quotes_survive(tmp_path):
    items = [
        make_item("x1", "cloze", "节", "d", source='"引号"开头', text='"{{c1::答案}}"\t含制表符'),
        make_item("y1", "choice", "节", "d", source="出处", question='问"题"', options=['"甲"', "乙\n丙"],
             answer=[0]),
    ]
    deck = Deck("测试", [], items)
    paths = write(deck, tmp_path, "csv", "t")
    # a GUID may start with "#" (rarely: Anki's reader would take the row for a comment)
    odd = tmp_path / "odd.cloze.txt"
    odd.write_text(render("Cloze", CLOZE_COLUMNS, [["#x&<", "测试", "{{c1::甲}}", "", "t"]]),
                   encoding="utf-8")
    col = open_collection(tmp_path / "col")
    try:
        assert sum(import_csv(col, p).new for p in [*paths, odd]) == 3
        notes = {c.guid: c for c in cards(col)}
        assert notes[anki.note_guid(items[0])].fields["Text"] == '"{{c1::答案}}"\t含制表符'
        assert '问"题"' in notes[anki.note_guid(items[1])].fields["Front"]
        assert "乙\n丙" in notes[anki.note_guid(items[1])].fields["Front"]
        assert notes["#x&<"].fields["Text"] == "{{c1::甲}}"
    finally:
        col.close()


def test_apkg_and_text_files_share_guids_but_disabled_items_are_left_out(deck, tmp_path):
    items = [replace(i, enabled=n % 2 == 0) for n, i in enumerate(deck.items)]
    half = Deck(deck.name, deck.documents, items)
    apkg = anki.write_apkg(half, tmp_path / "deck.apkg")
    paths = write(half, tmp_path, "csv", "deck")
    col_apkg, col_text = open_collection(tmp_path / "a"), open_collection(tmp_path / "b")
    try:
        import_apkg(col_apkg, apkg)
        for path in paths:
            import_csv(col_text, path)
        guids = {c.guid for c in cards(col_apkg)}
        assert guids == {c.guid for c in cards(col_text)}
        assert len(guids) == len(enabled(half))
    finally:
        col_apkg.close()
        col_text.close()


# --------------------------------------------------------------------------
# Moodle GIFT, read back as qformat_gift reads it

PHP_TRIM = " \t\n\r\0\x0b"
GIFT_ESCAPES = [("\\:", "&&058;", ":"), ("\\#", "&&035;", "#"), ("\\=", "&&061;", "="),
                ("\\{", "&&123;", "{"), ("\\}", "&&125;", "}"), ("\\~", "&&126;", "~"),
                ("\\n", "&&010", "\n")]
GIFT_WEIGHT = re.compile(r"^%\-*([0-9]{1,2})\.?([0-9]*)%")


def gift_pre(text: str) -> str:
    text = text.replace("\\\\", "&&092;")
    for escaped, placeholder, _char in GIFT_ESCAPES:
        text = text.replace(escaped, placeholder)
    return text.replace("&&092;", "\\")


def gift_post(text: str) -> str:
    for _escaped, placeholder, char in GIFT_ESCAPES:
        text = text.replace(placeholder, char)
    return text


def gift_text(text: str, default: str = "moodle") -> tuple[str, str]:
    """parse_text_with_format: (format, text); html texts are decoded to what a learner sees."""
    fmt = default
    if text.startswith("[") and "]" in text:
        name = text[1:text.index("]")]
        if name in ("moodle", "html", "plain", "markdown"):
            fmt, text = name, text[text.index("]") + 1:]
    text = gift_post(text).strip(PHP_TRIM)
    return fmt, html.unescape(text) if fmt == "html" else text


def gift_weight(answer: str) -> tuple[float, str]:
    answer = answer[1:]
    end = answer.index("%")
    return float(answer[:end]) / 100, answer[end + 1:]


def gift_blocks(source: str) -> list[list[str]]:
    blocks, current = [], []
    for line in source.split("\n"):
        if line.strip(PHP_TRIM):
            current.append(line)
        elif current:
            blocks.append(current)
            current = []
    return blocks + ([current] if current else [])


def parse_gift(source: str) -> list[dict]:
    """Questions as Moodle would import them (a port of qformat_gift::readquestion)."""
    questions, category = [], None
    for lines in gift_blocks(source):
        comments = "".join(line.strip() + "\n" for line in lines if line.strip().startswith("//"))
        text = "\n".join(" " if line.strip().startswith("//") else line for line in lines)
        text = gift_pre(text.strip(PHP_TRIM))
        if not text.strip():
            continue
        if text.startswith("$CATEGORY:"):
            category = text[10:].strip(PHP_TRIM)
            continue
        question = {"category": category, "idnumber": None, "name": None}
        found = re.search(r"\[id:((?:\\\]|[^\]\x00-\x1f])+)\]", comments)
        if found:
            question["idnumber"] = found.group(1).strip().replace("\\]", "]")
        if text.startswith("::"):
            text = text[2:]
            end = text.index("::")
            question["name"] = gift_post(text[:end])
            text = text[end + 2:].strip(PHP_TRIM)
        start, finish = text.index("{"), text.index("}")
        answer = text[start + 1:finish].strip(PHP_TRIM)
        blank = "" if text.endswith("}") else "_____"
        question_text = text[:start] + blank + text[finish + 1:]
        feedback = ""
        if "####" in answer:
            cut = answer.rindex("####")
            answer, feedback = answer[:cut].strip(PHP_TRIM), answer[cut + 4:]
        fmt, question["text"] = gift_text(question_text)
        question["feedback"] = gift_text(feedback, fmt)[1]
        question.update(gift_answers(answer, fmt))
        questions.append(question)
    return questions


def gift_answers(answer: str, fmt: str) -> dict:
    if "~" in answer:
        single = "=" in answer
        parts = answer.replace("=", "~=").split("~")
        if not parts[0].strip(PHP_TRIM):
            parts = parts[1:]
        answers = []
        for part in parts:
            part = part.strip(PHP_TRIM)
            if part[0] == "=":
                weight, part = 1.0, part[1:]
            elif GIFT_WEIGHT.match(part):
                weight, part = gift_weight(part)
            else:
                weight = 0.0
            answers.append((weight, gift_text(part.split("#", 1)[0].strip(PHP_TRIM), fmt)[1]))
        return {"type": "multichoice", "single": single, "answers": answers}
    check = answer[:answer.index("#")].strip() if answer.find("#") > 0 else answer
    if check in ("T", "TRUE", "F", "FALSE"):
        return {"type": "truefalse", "correct": check in ("T", "TRUE")}
    answers = []
    for part in [p for p in answer.split("=") if p.strip(PHP_TRIM)]:
        part = part.strip(PHP_TRIM)
        weight, part = gift_weight(part) if GIFT_WEIGHT.match(part) else (1.0, part)
        text = gift_post(part.split("#", 1)[0]).strip(PHP_TRIM)  # compared as plain text
        answers.append((weight, text.replace("\\*", "*")))
    return {"type": "shortanswer", "answers": answers}


def test_gift_has_every_question_in_its_section_category(deck, tmp_path):
    (path,) = write(deck, tmp_path, "gift", "办公室工作")
    assert path.name == "办公室工作.gift.txt"
    questions = parse_gift(path.read_text(encoding="utf-8"))
    items = by_id(deck)
    expected = sum(len(markup.numbers(i.text)) if i.kind == "cloze" else 1 for i in deck.items)
    assert len(questions) == expected
    for question in questions:
        item = items[re.sub(r"-c\d+$", "", question["idnumber"])
                     if question["idnumber"] not in items else question["idnumber"]]
        assert question["category"] == f"$course$/top/办公室工作/{item.section}"
        assert question["name"]
        check_gift_question(question, item)


def check_gift_question(question: dict, item: Item) -> None:
    if item.kind == "judge":
        assert question["type"] == "truefalse" and question["correct"] is item.answer
        assert question["text"] == item.statement and question["feedback"] == item.explanation
    elif item.kind in ("choice", "multi"):
        assert question["type"] == "multichoice" and question["single"] is (item.kind == "choice")
        assert question["text"] == item.question and question["feedback"] == item.explanation
        assert [text for _w, text in question["answers"]] == item.options
        weights = [w for w, _text in question["answers"]]
        assert [k for k, w in enumerate(weights) if w > 0] == sorted(item.answer)
        assert sum(w for w in weights if w > 0) == pytest.approx(1, abs=1e-4)
        if item.kind == "multi":
            assert sum(weights) == pytest.approx(0, abs=1e-4)  # ticking everything scores 0
    else:
        number = int(question["idnumber"].rsplit("-c", 1)[1])
        answer = next(d for d in markup.deletions(item.text) if d.number == number)
        assert question["type"] == "shortanswer"
        assert question["answers"][0] == (1.0, answer.answer)
        assert "_____" in question["text"] and answer.answer not in question["text"].split("_____")[0][-2:]
        assert question["feedback"] == "原文：" + item.source


def test_gift_cloze_at_the_end_of_the_text_still_shows_a_blank():
    item = make_item("c", "cloze", "节", "d", source="办公室工作千头万绪", text="办公室工作{{c1::千头万绪}}")
    (question,) = parse_gift(gift.gift_text(Deck("测试", [], [item])))
    assert question["text"] == "办公室工作_____"
    assert question["answers"] == [(1.0, "千头万绪")]


def test_a_cloze_number_used_twice(tmp_path):
    text = "{{c1::甲}}和{{c1::乙::一字}}都是{{c2::丙}}"
    deck = Deck("测试", [], [make_item("c", "cloze", "节", "d", source="甲和乙都是丙", text=text)])
    first_number, second_number = parse_gift(gift.gift_text(deck))
    assert first_number["text"] == "_____和_____（一字）都是丙"
    assert first_number["answers"] == [(1.0, "甲")]
    assert second_number["text"] == "甲和乙都是_____" and second_number["answers"] == [(1.0, "丙")]
    (question,) = ET.fromstring(moodle.moodle_xml(deck)).findall("question")[1:]
    assert question.get("type") == "cloze"
    blanks = embedded_answers(question.find("questiontext").findtext("text"))
    assert [b[0] for b in blanks] == ["甲", "乙", "丙"]
    assert "（一字）" in learner_text(question.find("questiontext"))


# any text a trainer may type (control characters other than tab and newlines are dropped)
PIECES = st.characters(exclude_categories=("Cs", "Cc")) | st.sampled_from(
    list("\t\n\r ~=#{}:\\[]%&<>*'\"/") + ["&amp;", "&&035;", "\\n", "####", "->", "[html]", "%50%"])
TYPED = st.lists(PIECES, min_size=1).map("".join)


@settings(max_examples=300, deadline=None)
@given(TYPED, TYPED)
def test_any_text_survives_gift_escaping(text, other):
    options = [text, "另" + other]
    items = [
        make_item("q1", "choice", "节", "d", question=text, options=options, answer=[0], explanation=other),
        make_item("q2", "multi", "节", "d", question=other, options=[*options, "第三"], answer=[0, 1]),
        make_item("q3", "judge", "节", "d", statement=text, answer=False, explanation=text),
    ]
    choice, multi, judge = parse_gift(gift.gift_text(Deck("测试", [], items)))
    assert choice["text"] == text and choice["feedback"] == other
    assert choice["answers"] == [(1.0, text), (0.0, "另" + other)]
    assert multi["text"] == other and [t for _w, t in multi["answers"]] == [*options, "第三"]
    assert judge["text"] == text and judge["feedback"] == text and judge["correct"] is False


@settings(max_examples=300, deadline=None)
@given(TYPED)
def test_any_short_answer_survives_gift_escaping(answer):
    # Moodle's own placeholders cannot be written in plain text (HTML texts escape the "&")
    assume(not re.search(r"&&(058;|035;|061;|123;|125;|126;|010)", answer))
    block = "::n::[html]问{=" + gift.shortanswer(answer) + "}题"
    (question,) = parse_gift(block)
    assert question["type"] == "shortanswer"
    assert question["answers"] == [(1.0, answer.replace("\r", "").strip(PHP_TRIM))]


# --------------------------------------------------------------------------
# Moodle XML

EMBEDDED = re.compile(r"\{(\d*):(SHORTANSWER|SA|MW):([^}]*)\}")


def embedded_answers(question_html: str) -> list[list[str]]:
    """Accepted answers per blank, decoded as Moodle's multianswer question type does."""
    blanks = []
    for _weight, _type, alternatives in EMBEDDED.findall(question_html):
        accepted = []
        for alternative in alternatives.split("~"):
            assert alternative.startswith("=")
            text = html.unescape(alternative[1:]).replace("\\}", "}").replace("\\#", "#")
            accepted.append(text.replace("\\*", "*"))
        blanks.append(accepted)
    return blanks


def learner_text(element: ET.Element | None) -> str:
    """The text of an html-format element as a learner sees it."""
    raw = element.findtext("text") if element is not None else ""
    return html.unescape(re.sub(r"<[^>]+>", "", raw or ""))


def test_moodle_xml_has_every_question_in_its_section_category(deck, tmp_path):
    (path,) = write(deck, tmp_path, "moodle", "办公室工作")
    assert path.name == "办公室工作.moodle.xml"
    quiz = ET.parse(path).getroot()
    assert quiz.tag == "quiz"
    items = by_id(deck)
    category, seen = None, set()
    for question in quiz.findall("question"):
        if question.get("type") == "category":
            category = question.find("category").findtext("text")
            continue
        item = items[question.findtext("idnumber")]
        seen.add(item.id)
        assert category == f"$course$/top/办公室工作/{item.section}"
        assert question.find("name").findtext("text")
        check_moodle_question(question, item)
    assert seen == {i.id for i in enabled(deck)}
    types = [q.get("type") for q in quiz.findall("question")]
    assert {"multichoice", "truefalse", "shortanswer", "cloze", "category"} <= set(types)


def check_moodle_question(question: ET.Element, item: Item) -> None:
    qtype, text = question.get("type"), learner_text(question.find("questiontext"))
    feedback = learner_text(question.find("generalfeedback"))
    if item.kind == "judge":
        assert qtype == "truefalse" and text == item.statement and feedback == item.explanation
        fractions = {a.findtext("text"): a.get("fraction") for a in question.findall("answer")}
        assert fractions == ({"true": "100", "false": "0"} if item.answer else {"true": "0", "false": "100"})
    elif item.kind in ("choice", "multi"):
        assert qtype == "multichoice" and text == item.question and feedback == item.explanation
        assert question.findtext("single") == ("true" if item.kind == "choice" else "false")
        answers = question.findall("answer")
        assert [learner_text(a) for a in answers] == item.options
        fractions = [float(a.get("fraction")) for a in answers]
        assert [k for k, f in enumerate(fractions) if f > 0] == sorted(item.answer)
        assert sum(f for f in fractions if f > 0) == pytest.approx(100, abs=1e-3)
    else:
        deletions = markup.deletions(item.text)
        assert feedback == "原文：" + item.source
        if len(deletions) == 1:
            assert qtype == "shortanswer" and "_____" in text
            accepted = [a.findtext("text").replace("\\*", "*") for a in question.findall("answer")]
            assert accepted[0] == deletions[0].answer
            assert all(a.get("fraction") == "100" for a in question.findall("answer"))
        else:
            assert qtype == "cloze"
            raw = question.find("questiontext").findtext("text")
            assert [blank[0] for blank in embedded_answers(raw)] == [d.answer for d in deletions]


@settings(max_examples=300, deadline=None)
@given(TYPED, TYPED)
def test_any_text_survives_moodle_xml(text, answer):
    # no "::" in an answer (cloze syntax): collapse colons after removing what could split them
    answer = re.sub(":+", ":", answer.replace("\r", "").replace("\n", " "))
    cloze_text = markup.to_markup([text, markup.Deletion(1, answer), "中", markup.Deletion(2, "乙")])
    items = [
        make_item("q1", "choice", "节/一", "d", question=text, options=[text, "另" + answer], answer=[0]),
        make_item("q2", "cloze", "节/一", "d", source=text, text=cloze_text),
    ]
    quiz = ET.fromstring(moodle.moodle_xml(Deck("测试", [], items)))
    category, choice, cloze = quiz.findall("question")
    assert category.find("category").findtext("text") == "$course$/top/测试/节//一"
    plain = text.replace("\r\n", "\n").replace("\r", "\n")
    assert learner_text(choice.find("questiontext")) == plain.replace("\n", "")
    assert [learner_text(a) for a in choice.findall("answer")] == [plain.replace("\n", ""), "另" + answer]
    blanks = embedded_answers(cloze.find("questiontext").findtext("text"))
    assert [b[0] for b in blanks] == [answer, "乙"]


# --------------------------------------------------------------------------
# The exporters' registry


def test_export_formats_are_listed(tmp_path):
    assert FORMATS == ("apkg", "json", "html", "pdf", "csv", "gift", "moodle", "tiku")
    assert [name for name in FORMATS if EXPORTERS[name].default] == ["apkg", "json", "html", "pdf"]
    with pytest.raises(InputError, match="unknown format 'docx'"):
        write(Deck("x", [], []), tmp_path, "docx", "x")


def fake_write(deck, out_dir, stem, options):
    """A whole export format: one file with the questions' ids."""
    path = out_dir / f"{stem}.fake.txt"
    path.write_text("\n".join(i.id for i in deck.items if i.enabled) + "\n", encoding="utf-8")
    return [path]


@pytest.fixture
def fake_format(monkeypatch):
    """A format registered the way a new one is: one line in EXPORTERS (and its module),
    the command line read again as at start-up."""
    import importlib

    import quizgen.cli

    monkeypatch.setitem(EXPORTERS, "fake", Exporter("fake", "a test format", (".fake.txt",), f"{__name__}:fake_write"))
    yield importlib.reload(quizgen.cli).app
    monkeypatch.undo()
    importlib.reload(quizgen.cli)


def test_a_new_format_is_one_module_and_one_registry_line(fake_format, tmp_path):
    from typer.testing import CliRunner

    runner = CliRunner()
    result = runner.invoke(fake_format, ["build", "-f", "json,fake", "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["办公室工作.fake.txt", "办公室工作.json"]
    ids = (tmp_path / "办公室工作.fake.txt").read_text(encoding="utf-8").split()
    assert ids == [i["id"] for i in json.loads((tmp_path / "办公室工作.json").read_text(encoding="utf-8"))["items"]]
    assert "办公室工作.fake.txt" in result.output
    help_text = " ".join(runner.invoke(fake_format, ["build", "--help"], env={"COLUMNS": "300"}).output.split())
    assert "fake (a test format)" in help_text and "tiku (question bank" in help_text
    refused = runner.invoke(fake_format, ["build", "-f", "fake2", "-o", str(tmp_path / "x")])
    assert isinstance(refused.exception, InputError)  # the command line's main() reports it, exit 2
    assert "choose from apkg, json, html, pdf, csv, gift, moodle, tiku, fake" in str(refused.exception)
