"""Every produced .apkg goes through the real Anki client (the `anki` package)."""

from __future__ import annotations

import itertools
import json
import re
import sqlite3
import time

import pytest
from ankiclient import cards, import_apkg, open_collection, review_card, review_state, strip_html

from quizgen.export import anki
from quizgen.build import build, deck_from, make_items, process
from quizgen.rank import Budget
from quizgen.ingest.read import sample

NOISE = re.compile(r"[\x21-\x3b] [\x3f-\x7e]|\u200b|\ufeff|本帖最后由")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("decks")
    result = build([sample()], out, ("apkg", "json"))
    return out, result


def test_sample_deck_imports_with_matching_counts(built, tmp_path):
    out, result = built
    apkg = out / "办公室工作.apkg"
    data = json.loads((out / "办公室工作.json").read_text(encoding="utf-8"))
    col = open_collection(tmp_path)
    try:
        summary = import_apkg(col, apkg)
        expected_cards = sum(len(set(re.findall(r"\{\{c(\d+)::", i["text"]))) if i["kind"] == "cloze" else 1
                             for i in data["items"])
        assert summary.new == len(data["items"]) == col.note_count()
        assert col.card_count() == expected_cards == result.outputs[0].cards
        rendered = cards(col)
        assert len(rendered) == expected_cards
        cloze_cards = [c for c in rendered if c.notetype.startswith("quizgen 填空")]
        assert len(cloze_cards) >= 30  # of the 50-100 cards the sample's selection keeps
        for card in cloze_cards:
            hidden = re.search(r'<span class="cloze" data-cloze="([^"]+)"[^>]*>\[[^\]]*\]</span>', card.question)
            assert hidden, card.question
            answer = re.search(r'<span class="cloze"[^>]*>([^<]+)</span>', card.answer)
            assert answer and answer.group(1) == hidden.group(1)
            for value in card.fields.values():
                assert not NOISE.search(value), value
        # choice, multi-select and true/false notes: options on the front, the answer on the back
        by_guid = {i["guid"]: i for i in data["items"]}
        question_cards = [c for c in rendered if c.notetype.startswith("quizgen 选择判断")]
        # (a frame is asked once a kind, and each fact once: the section choice on 着眼全局，当好参谋, whose
        # answer the headings' multi asks, is not kept)
        assert len(question_cards) == sum(1 for i in data["items"] if i["kind"] != "cloze") >= 7
        for card in question_cards:
            item = by_guid[card.guid]
            front, back = strip_html(card.question), strip_html(card.answer)
            label = {"choice": "单项选择题", "multi": "多项选择题", "judge": "判断题"}[item["kind"]]
            assert label in front and "答案" not in front
            if item["kind"] == "judge":
                assert item["statement"] in front
                assert ("答案：正确" if item["answer"] else "答案：错误") in back
            else:
                assert item["question"] in front
                for letter, option in zip("ABCDEF", item["options"]):
                    assert f"{letter}. {option}" in front
                expected = "、".join(f"{'ABCDEF'[k]}. {item['options'][k]}" for k in item["answer"])
                assert f"答案：{expected}" in back
            assert "原文" in back and item["source"] in back
        # every one of the five aspects has its own subdeck with cards
        decks = {c.deck for c in rendered}
        for heading in ("01 一、突出重点，分清主次", "02 二、着眼全局，当好参谋", "03 三、积极协调，促进和谐",
                        "04 四、注重细节，避免失误"):  # 五 is a heading with no text under it
            assert f"办公室工作::{heading}" in decks
    finally:
        col.close()


def test_rebuild_after_rewording_updates_in_place_and_keeps_reviews(tmp_path):
    first = tmp_path / "v1"
    src = sample()
    build([src], first, ("apkg",), budget=Budget(keep_all=True))  # the mechanics of an update, not the selection
    col = open_collection(tmp_path / "col")
    try:
        assert import_apkg(col, first / "办公室工作.apkg").new > 0
        target = next(c for c in cards(col) if "一项要职能" in c.fields.get("Text", ""))
        before = review_card(col, target.card_id)
        assert before.reps == 1 and before.revlog == 1

        time.sleep(1.1)
        reworded = type(src)(src.title, src.text.replace("组织协调是办公室的一项要职能",
                                                        "组织协调是办公室的一项重要职能"))
        second = tmp_path / "v2"
        build([reworded], second, ("apkg",), budget=Budget(keep_all=True))
        summary = import_apkg(col, second / "办公室工作.apkg")
        assert summary.new == 0
        assert summary.updated == col.note_count()
        note_text = col.get_note(target.note_id)["Text"]
        assert "一项重要职能" in note_text
        assert review_state(col, target.card_id) == before
    finally:
        col.close()


def test_same_input_gives_same_guids(tmp_path):
    a = build([sample()], tmp_path / "a", ("json",))
    b = build([sample()], tmp_path / "b", ("json",))
    ja = json.loads(a.outputs[0].path.read_text(encoding="utf-8"))
    jb = json.loads(b.outputs[0].path.read_text(encoding="utf-8"))
    assert [i["guid"] for i in ja["items"]] == [i["guid"] for i in jb["items"]]
    assert ja["items"] == jb["items"]


def test_collection_matches_genankis_own_writer():
    """anki._write_collection batches the rows that genanki's Package.write_to_db writes one
    by one; both must give the same collection (ids, GUIDs, fields, tags, decks, note types),
    but for the new cards' positions, which genanki takes from the note (one for all its cards)."""
    document = process(sample())
    deck = deck_from([(document, make_items(document))])
    timestamp = 1700000000.5
    ours = sqlite3.connect(":memory:")
    ours.deserialize(anki.package_bytes(anki.build_package(deck), timestamp))
    theirs = sqlite3.connect(":memory:")
    anki.build_package(deck).write_to_db(theirs.cursor(), timestamp, itertools.count(int(timestamp * 1000)))
    for table in ("notes", "cards"):
        columns = "*" if table == "notes" else "id, nid, did, ord, mod, usn, type, queue, ivl, factor, reps"
        rows = ours.execute(f"SELECT {columns} FROM {table} ORDER BY id").fetchall()
        assert rows and rows == theirs.execute(f"SELECT {columns} FROM {table} ORDER BY id").fetchall()
    positions = [due for due, in ours.execute("SELECT due FROM cards")]
    assert sorted(positions) == list(range(1, len(positions) + 1))
    (decks, models), = ours.execute("SELECT decks, models FROM col").fetchall()
    (their_decks, their_models), = theirs.execute("SELECT decks, models FROM col").fetchall()
    assert json.loads(decks) == json.loads(their_decks) and json.loads(models) == json.loads(their_models)
