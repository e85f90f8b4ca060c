"""``quizgen check``: the problems a trainer would otherwise find in front of learners."""

from __future__ import annotations

import re
import zipfile

import genanki
import pytest

from quizgen.export import anki
from quizgen import review
from quizgen.review.check import Problem, check
from quizgen.errors import InputError
from quizgen.build import make_deck
from quizgen.ingest.read import sample


def options(*texts: str) -> str:
    return '<ol class="qz-options">' + "".join(
        f"<li>{letter}. {text}</li>" for letter, text in zip("ABCDEFGHIJ", texts)) + "</ol>"


def choice_note(guid: str, stem: str, opts: str, answer: str, kind: str = "单项选择题"):
    return genanki.Note(model=anki.choice_model(), guid=guid,
                        fields=[stem, opts, answer, "", "节", "出处", kind])


def cloze_note(guid: str, text: str):
    return genanki.Note(model=anki.cloze_model(), guid=guid, fields=[text, "", "节", "出处"])


def package(path, notes) -> None:
    deck = genanki.Deck(anki.deck_id("测试"), "测试")
    for note in notes:
        deck.add_note(note)
    genanki.Package(deck).write_to_file(str(path))


def test_a_built_deck_has_no_problems(tmp_path):
    path = anki.write_apkg(make_deck([sample()]), tmp_path / "办公室工作.apkg")
    assert check(path) == []


def test_broken_notes_are_reported_with_their_guid(tmp_path):
    path = tmp_path / "broken.apkg"
    package(path, [
        cloze_note("ok1", "办公室工作{{c1::千头万绪}}"),
        cloze_note("noclz", "办公室工作千头万绪，纷繁复杂"),
        cloze_note("empty", "办公室工作{{c1::}}"),
        cloze_note("ok1", "重复的{{c1::GUID}}"),
        choice_note("noans", "下列哪项正确？", options("甲", "乙"), ""),
        choice_note("range", "下列哪项正确？", options("甲", "乙", "丙", "丁"), "E. 戊"),
        choice_note("two", "下列哪项正确？", options("甲", "乙", "丙"), "A. 甲、C. 丙"),
        choice_note("multi", "下列哪些正确？", options("甲", "乙", "丙"), "A. 甲、C. 丙", "多项选择题"),
        choice_note("judge", "办公室是形象部门。", options("正确", "错误"), "对", "判断题"),
    ])
    assert [str(p) for p in check(path)] == [
        f"{path}: note ok1: duplicate GUID (2 notes)",
        f"{path}: note noclz (办公室工作千头万绪，纷繁复杂): empty cloze: the text has no deletion; "
        "mark the answer as {{c1::答案}}",
        f"{path}: note empty (办公室工作{{{{c1::}}}}): empty cloze deletion {{{{cN::}}}}: write the answer after ::",
        f"{path}: note noans (下列哪项正确？): no correct answer",
        f"{path}: note range (下列哪项正确？): answer index 4 is out of range (4 options)",
        f"{path}: note two (下列哪项正确？): a choice item has exactly one correct answer, not 2 "
        "(use kind: multi for several)",
        f"{path}: note judge (办公室是形象部门。): true/false answer '对' is neither 正确 nor 错误",
    ]


def test_review_file_problems_carry_their_line(tmp_path):
    path = tmp_path / "review.yaml"
    deck = make_deck([sample()])
    review.write_review(deck, path)
    assert check(path) == []
    choice = next(i for i in deck.items if i.kind == "choice")
    text = path.read_text(encoding="utf-8")
    start = text.index(f"  - id: {choice.id}\n")
    answer_at = text.index("    answer: [", start)
    text = text[:answer_at] + "    answer: [7]" + text[text.index("\n", answer_at):]
    text = text.replace("kind: cloze", "kind: 填空", 1)
    path.write_text(text, encoding="utf-8")
    problems = check(path)
    assert [p.message for p in problems] == [
        "unknown kind '填空' (expected cloze, choice, multi or judge)",
        f"answer index 7 is out of range ({len(choice.options)} options)",
    ]
    assert all(isinstance(p, Problem) and p.line for p in problems)
    assert str(problems[1]) == (f"{path}:{text.count(chr(10), 0, answer_at) + 1}: item {choice.id}: "
                                f"answer index 7 is out of range ({len(choice.options)} options)")


def test_yaml_syntax_error_is_a_problem_not_a_crash(tmp_path):
    path = tmp_path / "review.yml"
    path.write_text("deck: 测试\nitems:\n  - id: a\n    kind: cloze\n   text: 缩进错了\n", encoding="utf-8")
    (problem,) = check(path)
    assert problem.line == 5 and problem.message.startswith("YAML syntax error: ")


@pytest.mark.parametrize("name, content, message", [
    ("notes.txt", b"text", "cannot check this kind of file"),
    ("deck.apkg", b"not a zip", "not an Anki package (not a zip file)"),
    ("missing.apkg", None, "no such file"),
])
def test_files_check_cannot_read_are_input_errors(tmp_path, name, content, message):
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(InputError, match=re.escape(message)) as caught:
        check(path)
    assert caught.value.exit_code == 2


def test_a_zip_without_a_collection_is_not_a_package(tmp_path):
    path = tmp_path / "deck.apkg"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("media", "{}")
    with pytest.raises(InputError, match="no collection.anki2 inside"):
        check(path)
