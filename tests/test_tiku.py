"""Question bank export (--format tiku): the text file and the Excel file, parsed back the way
an exam platform's importer reads them, hold the same questions as the JSON export."""

from __future__ import annotations

import json
import re
from collections import Counter

import pytest
from openpyxl import load_workbook

from quizgen.lang import markup
from quizgen.export import export as export_formats
from quizgen.export.tiku import HEADER
from factory import make_item
from quizgen.model import Deck
from quizgen.build import export, make_deck
from quizgen.ingest.read import sample
from quizgen.options import BuildOptions

TYPES = {"cloze": "填空题", "choice": "单选题", "multi": "多选题", "judge": "判断题"}
POINTS = {"填空题": 1, "单选题": 2, "多选题": 3, "判断题": 1}  # 填空题: per blank (每空)
QUESTION = re.compile(r"^(\d+)\.【(单选题|多选题|判断题|填空题)】(.+)$")
OPTION = re.compile(r"^([A-F])\.(.*)$")


def parse_text(text: str) -> list[dict]:
    """A platform's reader: questions split at blank lines; numbered stem with its type,
    options A.–F., 答案：, 解析：."""
    questions = []
    for number, block in enumerate(text.strip("\n").split("\n\n"), 1):
        lines = block.split("\n")
        head = QUESTION.match(lines[0])
        assert head and int(head.group(1)) == number, lines[0]
        question = {"type": head.group(2), "stem": head.group(3), "options": [], "answer": None,
                    "explanation": ""}
        for line in lines[1:]:
            if line.startswith("答案："):
                question["answer"] = line[3:]
            elif line.startswith("解析："):
                question["explanation"] = line[3:]
            else:
                option = OPTION.match(line)
                assert option and option.group(1) == "ABCDEF"[len(question["options"])], line
                question["options"].append(option.group(2))
        questions.append(question)
    return questions


def parse_workbook(path) -> list[dict]:
    sheet = load_workbook(path).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == HEADER
    return [{"type": row[0], "stem": row[1], "options": [o for o in row[2:8] if o], "answer": row[8],
             "explanation": row[9] or "", "points": row[10]} for row in rows[1:]]


def expected(item: dict) -> dict:
    """What the JSON export says the question is."""
    kind = item["kind"]
    if kind == "cloze":
        segments = markup.parse(item["text"])
        stem = "".join(s if isinstance(s, str) else "____" + (f"（{s.hint}）" if s.hint else "") for s in segments)
        answer = "|".join(s.answer.replace("|", "｜") for s in segments if not isinstance(s, str))
        return {"type": "填空题", "stem": " ".join(stem.split("\n")), "options": [], "answer": answer}
    if kind == "judge":
        return {"type": "判断题", "stem": item["statement"], "options": [],
                "answer": "正确" if item["answer"] else "错误"}
    return {"type": TYPES[kind], "stem": item["question"], "options": item["options"],
            "answer": "".join("ABCDEF"[k] for k in sorted(item["answer"]))}


def key(question: dict) -> tuple:
    return question["type"], question["stem"], tuple(question["options"]), question["answer"]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("tiku")
    outputs = export(make_deck([sample()]), out, ("json", "tiku"))
    return out, [o.path.name for o in outputs]


def test_text_and_workbook_hold_the_json_questions(built):
    out, names = built
    assert names == ["办公室工作.json", "办公室工作.题库.txt", "办公室工作.题库.xlsx"]
    items = json.loads((out / "办公室工作.json").read_text(encoding="utf-8"))["items"]
    text = parse_text((out / "办公室工作.题库.txt").read_text(encoding="utf-8"))
    sheet = parse_workbook(out / "办公室工作.题库.xlsx")
    want = Counter(key(expected(item)) for item in items)
    assert Counter(map(key, text)) == want
    assert Counter(map(key, sheet)) == want
    assert [key(q) for q in text] == [key(q) for q in sheet]  # same order: the document's
    assert {q["type"] for q in text} == set(TYPES.values())
    for question in sheet:
        blanks = question["answer"].count("|") + 1 if question["type"] == "填空题" else 1
        assert question["points"] == POINTS[question["type"]] * blanks
    for question, row in zip(text, sheet):
        assert question["explanation"] == row["explanation"]
        assert question["explanation"].count("原文：") == 1  # the source once, not quoted twice
    assert text[0]["stem"].startswith("办公室工作的好与坏")  # document order


def test_awkward_texts_survive_both_files(tmp_path):
    items = [
        make_item("s1-p1-t1-cloze", "cloze", "节", "d", source="甲|乙\n丙。",
             text="{{c1::甲|乙}}\n{{c2::丙::1字}}。"),
        make_item("s1-p1-t2-choice", "choice", "节", "d", source="源", question="=SUM(A1)\n是什么？",
             options=["=1+1", "B.伪选项", "答案：假", "控\x07制"], answer=[2], explanation="说明"),
        make_item("s1-p1-t3-multi", "multi", "节", "d", source="源", question="多选？",
             options=["一", "二", "三", "四", "五", "六"], answer=[5, 0]),
    ]
    paths = export_formats(Deck("测", [], items), tmp_path, BuildOptions(formats=("tiku",)))
    text = parse_text(paths[0].read_text(encoding="utf-8"))
    sheet = parse_workbook(paths[1])
    for parsed in (text, sheet):
        assert parsed[0]["stem"] == "____ ____（1字）。" and parsed[0]["answer"] == "甲｜乙|丙"
        assert parsed[1]["stem"] == "=SUM(A1) 是什么？" and parsed[1]["answer"] == "C"
        assert parsed[1]["options"][:3] == ["=1+1", "B.伪选项", "答案：假"]
        assert parsed[2]["answer"] == "AF" and len(parsed[2]["options"]) == 6
        assert parsed[1]["explanation"].startswith("说明。原文：“源”")
    assert text[1]["options"][3] == "控\x07制" and sheet[1]["options"][3] == "控制"
    assert load_workbook(paths[1]).active["B3"].data_type == "s"  # a stem is never a formula


def test_too_many_options_is_a_clear_error(tmp_path):
    from quizgen.errors import QuizgenError

    item = make_item("x", "choice", "节", "d", source="源", question="？", options=list("一二三四五六七"), answer=[0])
    with pytest.raises(QuizgenError, match="at most 6"):
        export_formats(Deck("测", [], [item]), tmp_path, BuildOptions(formats=("tiku",)))
