"""Key phrases, sibling sets and cloze notes: each mechanism on small made-up texts, then
the targets on the reference article and the annotated documents of tests/data."""

from __future__ import annotations

import html
import json
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quizgen.generate import cloze
from quizgen.lang import segment
from quizgen.lang.measure import answers_of, cut_through_words
from quizgen.model import Phrase
from quizgen.analyse.junk import is_junk
from quizgen.analyse.phrases import analyze
from quizgen.rank import Budget
from quizgen.build import make_items, process
from quizgen.ingest.read import read_source, sample

from conftest import DATA


def phrases_of(text: str) -> set[str]:
    return {p.text for p in analyze(text, "t").phrases}


def sets_of(text: str, kind: str | None = None) -> list[list[str]]:
    return [s.texts for s in analyze(text, "t").sibling_sets if kind is None or s.kind == kind]


# --- junk ----------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["第一条", "（二）", "应当", "人民法院", "其他情节严重的情形", "下列情形之一",
                                  "适用本解释", "x"])
def test_junk(text):
    assert is_junk(text)


@pytest.mark.parametrize("text", ["其他规定", "不予支持", "民法典第七百三十五条", "三日内"])
def test_not_junk(text):
    assert not is_junk(text)


def test_background_words_and_parties_are_no_answers():
    text = "".join(f"第{n}条 人民检察院应当审查第{n}项材料，马某提出异议的，人民检察院应当答复。\n"
                   for n in "一二三四五")
    found = phrases_of(text)
    assert "人民检察院" not in found and "马某" not in found


def test_enactment_formula_and_addressees_are_skipped():
    text = ("各省、自治区、直辖市高级人民法院，解放军军事法院：\n"
            "为正确审理案件，结合审判实践，制定本解释。\n"
            "第一条 承租人拒绝受领租赁物的，人民法院不予支持。\n")
    found = phrases_of(text)
    assert "审判实践" not in found and "解放军军事法院" not in found
    assert {"拒绝受领租赁物", "不予支持"} <= found


# --- finders -------------------------------------------------------------------------


def test_law_references_and_their_set():
    text = ("第一条 人民法院应当根据民法典第七百三十五条的规定作出认定。\n"
            "第二条 承租人依照民法典第七百四十四条、第七百四十七条的规定请求赔偿的，人民法院应予支持。\n")
    assert {"民法典第七百三十五条", "民法典第七百四十四条"} <= phrases_of(text)
    assert ["民法典第七百三十五条", "民法典第七百四十四条", "第七百四十七条"] in sets_of(text, "references")


def test_quotes_titles_and_quote_runs():
    text = "公安机关收到《通知立案书》后应当立案。玩家常有“转场”“绕后”“撤退”等行为，属于“情节恶劣”或者“情节严重”。"
    found = phrases_of(text)
    assert {"《通知立案书》", "“转场”“绕后”“撤退”", "转场", "情节恶劣"} <= found
    assert ["转场", "绕后", "撤退"] in sets_of(text, "quotes")
    assert ["情节恶劣", "情节严重"] in sets_of(text, "quotes")


def test_contrast_pairs():
    text = ("认为符合立案条件的，应当作出立案决定。认为不符合立案条件的，可以作出不立案决定。"
            "前者应予支持，后者不予支持。")
    sets = sets_of(text, "contrast")
    assert ["立案决定", "不立案决定"] in sets
    assert ["应予支持", "不予支持"] in sets


def test_figures_and_figure_sets():
    text = "收到决定书后三日内提出异议，复议机关在七日内作出决定，上级机关在十五日内作出复核决定。"
    assert {"三日内", "七日内", "十五日内"} <= phrases_of(text)
    assert ["三日内", "七日内", "十五日内"] in sets_of(text, "figures")


def test_lists_give_items_the_whole_and_a_set():
    text = "行为人因婚恋、家庭、邻里、债务等纠纷殴打他人的，一般不认定为寻衅滋事。"
    assert {"婚恋、家庭、邻里、债务", "婚恋", "债务"} <= phrases_of(text)
    assert ["婚恋", "家庭", "邻里", "债务"] in sets_of(text, "enumeration")


def test_exceptions_give_each_case():
    text = "行为人借故生非的，应当认定为寻衅滋事，但矛盾系由被害人故意引发或者被害人对矛盾激化负有主要责任的除外。"
    assert {"矛盾系由被害人故意引发", "被害人对矛盾激化负有主要责任"} <= phrases_of(text)


def test_objects_of_governing_verbs_and_prepositions():
    text = "当事人可以提出保全申请。人民法院按照审判监督程序决定再审的，应当进行初步审查。"
    assert {"保全申请", "审判监督程序", "初步审查"} <= phrases_of(text)


def test_reasons_and_definitions():
    text = "被告以网络服务合同纠纷为由提起诉讼。前款规定的损失赔偿范围为承租人全部未付租金与租赁物价值的差额。"
    found = phrases_of(text)
    assert "网络服务合同纠纷" in found
    assert "承租人全部未付租金与租赁物价值的差额" in found


def test_parallel_clauses_with_the_same_opening():
    text = "民事主体从事民事活动，不得违反法律，不得违背公序良俗。"
    assert ["不得违反法律", "不得违背公序良俗"] in sets_of(text, "parallel")


def test_recurring_compounds_are_terms():
    text = "本案涉及融资租赁法律关系。是否构成融资租赁法律关系，应当综合判断。"
    assert "融资租赁法律关系" in phrases_of(text)


def test_items_that_end_alike_give_their_distinct_start():
    text = "第二条 具有下列情形之一的，应当认定为情节恶劣：\n（一）多次随意殴打他人的；\n（二）持凶器随意殴打他人的。\n"
    assert {"多次", "持凶器"} <= phrases_of(text)


ALPHABET = "人民法院应当依法审查并作出裁定承租人拒绝受领租赁物的或者和与、，。：三日内以上民法典第七条“”"


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=ALPHABET, min_size=1, max_size=120))
def test_every_phrase_is_its_text_and_on_word_edges(text):
    doc = analyze(text, "t")
    for phrase in doc.phrases:
        assert doc.text[phrase.start:phrase.end] == phrase.text
        sentence = doc.sentences[phrase.sentence]
        edges = {t.start for t in segment.tokens(sentence.text, sentence.start)} | {sentence.end}
        assert phrase.start in edges and phrase.end in edges


# --- cloze notes ---------------------------------------------------------------------


def phrase(text: str, start: int, score: float) -> Phrase:
    return Phrase(text, "term", start, start + len(text), 0, 0, score)


def test_a_second_note_holds_only_good_overlapping_phrases():
    whole = phrase("删除、屏蔽", 0, 0.8)
    items = [phrase("删除", 0, 0.78), phrase("屏蔽", 3, 0.78)]
    weak = phrase("删除、屏蔽等措施", 0, 0.4)
    groups = cloze.note_groups([whole, *items, weak], budget=4)
    assert groups == [[whole], items] or groups == [items, [whole]]
    assert len(groups) <= cloze.MAX_NOTES


def test_long_sentences_get_more_deletions():
    assert cloze.deletion_budget("短句") == cloze.MAX_DELETIONS
    assert cloze.deletion_budget("长" * 200) == cloze.MAX_LONG_DELETIONS


# --- targets -------------------------------------------------------------------------

_PUNCT = re.compile(r"[\s，。、；：！？“”‘’（）《》,.;:!?\"'()]")


def bare(text: str) -> str:
    return _PUNCT.sub("", html.unescape(text))


def measure(source, annotation: dict) -> dict:
    doc = process(source)
    items = make_items(doc, budget=Budget(keep_all=True))
    answers = answers_of(items)
    got = {bare(a) for a in answers}
    found = sum(1 for kp in annotation["key_phrases"] if any(bare(a) in got for a in kp["accept"]))
    junk_list = {bare(j) for j in annotation.get("junk", [])}
    broken = cut_through_words(items)
    junk = sum(1 for a in answers if bare(a) in junk_list or is_junk(a)) + len(broken)
    ours = [{bare(t) for t in s.texts} for s in doc.sibling_sets]
    complete = sum(1 for want in annotation.get("sibling_sets", [])
                   if any({bare(w) for w in want} <= mine for mine in ours))
    return {"recall": found / len(annotation["key_phrases"]), "junk": junk / max(1, len(answers)),
            "sets": complete, "wanted_sets": len(annotation.get("sibling_sets", [])), "broken": broken}


ANNOTATED = sorted((DATA / "annotated").glob("*.keyphrases.json"))


def test_reference_article_targets():
    annotation = json.loads((DATA / "office-work.keyphrases.json").read_text(encoding="utf-8"))
    result = measure(sample(), annotation)
    assert result["recall"] >= 0.9
    assert result["junk"] <= 0.02
    assert result["sets"] == result["wanted_sets"]


@pytest.mark.parametrize("path", ANNOTATED, ids=lambda p: p.name.split(".")[0])
def test_annotated_document_targets(path):
    annotation = json.loads(path.read_text(encoding="utf-8"))
    source = read_source(path.with_name(path.name.replace(".keyphrases.json", ".md")))
    result = measure(source, annotation)
    assert result["recall"] >= 0.7, result
    assert result["junk"] <= 0.03, result
    assert not result["broken"], result


def test_dictionary_cache_follows_its_builder(tmp_path, monkeypatch):
    """A derived word list is cached on disk, but a changed builder never reads the old file."""
    from quizgen.lang import segment

    monkeypatch.setattr(segment.tempfile, "gettempdir", lambda: str(tmp_path))
    assert segment.dictionary_cache("words", lambda d: "旧表") == "旧表"
    assert segment.dictionary_cache("words", lambda d: "旧表") == "旧表"
    assert segment.dictionary_cache("words", lambda d: d[:0] + "新表") == "新表"
    assert len(list(tmp_path.glob("quizgen-words-*.txt"))) == 2


@pytest.mark.parametrize("text, junk", [
    ("具有下列情形之一的犯罪嫌疑人", True), ("采取以下措施", True), ("符合下列情形之一", True),
    ("判处三年有期徒刑以下刑罚", False), ("五万元以下罚款", False), ("减少三分之一", False),
    ("处三年以下", False),
])
def test_a_list_announcement_is_never_an_answer_wherever_it_stands(text, junk):
    assert is_junk(text) is junk


def test_list_notes_keep_each_items_own_marker():
    """（一）承租人未按照…: the item's answer starts after its subject, and its marker is
    still the one the text wrote before it (as read by the structure stage)."""
    from pathlib import Path

    from quizgen.generate import generate
    from quizgen.generate.listnotes import list_notes
    from quizgen.build import process
    from quizgen.ingest.read import read_source

    doc = process(read_source(Path(__file__).parent / "data" / "annotated" / "sfjs-rongzi-zulin.md"))
    note = next(i for i in generate(doc, generators=(list_notes,)) if i.text.startswith("第五条"))
    assert "：（一）{{c1::未按照" in note.text and "；（二）{{c2::" in note.text and "；（三）{{c3::" in note.text
