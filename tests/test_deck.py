"""What a learner gets from the .apkg in Anki: study order, deck list, tags, card backs, labels.

Checked in a real Anki collection (the `anki` package, see ankiclient.py).
"""

from __future__ import annotations

import re
import time
from collections import Counter

import pytest
from ankiclient import cards, import_apkg, open_collection, review_card, review_state, strip_html

from quizgen.export import anki, studyorder
from factory import make_item
from quizgen.model import Deck, Document
from quizgen.build import make_deck
from quizgen.ingest.read import sample

TEMPLATE, NO_SORT = 0, 1  # deck option "new card sort order": Anki's default (card type, then
# order gathered), and order gathered (the cards' positions)
NUMERALS = "一二三四"  # the sample's 五、善于学习，精通业务 is a heading without a body: nothing to ask


@pytest.fixture(scope="module")
def deck():
    return make_deck([sample()])


@pytest.fixture(scope="module")
def collection(deck, tmp_path_factory):
    folder = tmp_path_factory.mktemp("deck")
    anki.write_apkg(deck, folder / "deck.apkg")
    col = open_collection(folder / "col")
    import_apkg(col, folder / "deck.apkg")
    yield col
    col.close()


def new_queue(col, deck_name: str, per_day: int, sort_order: int = TEMPLATE, bury: bool = False) -> list[int]:
    """The new cards Anki would show today in ``deck_name`` (its default options but for
    ``per_day`` and the sort order), in order."""
    deck_id = col.decks.id_for_name(deck_name)
    config = col.decks.config_dict_for_deck_id(deck_id)
    config["new"]["perDay"] = per_day
    config["rev"]["perDay"] = max(per_day, config["rev"]["perDay"])  # new cards count against it
    config["newSortOrder"] = sort_order
    config["new"]["bury"] = bury
    col.decks.update_config(config)
    col.decks.select(deck_id)
    col.load_balancer_enabled = col.load_balancer_enabled  # drop the cached queues
    queued = col.sched.get_queued_cards(fetch_limit=per_day)
    return [entry.card.id for entry in queued.cards]


def items_by_card(col, deck: Deck) -> dict[int, Item]:
    by_guid = {anki.note_guid(i): i for i in deck.items}
    return {c.card_id: by_guid[c.guid] for c in cards(col)}


def fact(item: Item) -> str:
    return "".join(item.source.split())


def test_subdecks_are_listed_in_document_order(collection):
    names = [name for name, _ in sorted((d.name, d.id) for d in collection.decks.all_names_and_ids())
             if name.startswith("办公室工作::")]
    tree = collection.decks.deck_tree()
    (parent,) = [node for node in tree.children if node.name == "办公室工作"]
    shown = [node.name for node in parent.children]  # the deck list as Anki draws it
    assert shown[0] == "00 引言"
    assert [name[3] for name in shown[1:]] == list(NUMERALS)
    assert len(names) == len(shown) == 5


def test_new_cards_come_in_document_order_with_a_facts_cards_apart(collection, deck):
    item_of = items_by_card(collection, deck)
    order = [item_of[cid] for cid in new_queue(collection, "办公室工作", 1000, NO_SORT)]
    assert len(order) == collection.card_count()
    text = deck.documents[0].text
    # subdeck after subdeck, in the document's order
    sections = [item.section for item in order]
    blocks = [s for k, s in enumerate(sections) if k == 0 or s != sections[k - 1]]
    assert blocks == ["引言", *(s for s in dict.fromkeys(sections) if s != "引言")]
    assert [s[0] for s in blocks[1:]] == list(NUMERALS)
    # in each subdeck, the first card of each fact follows the text
    # (a list note, a cloze of all a list's members, comes after the section's sentences)
    for section in blocks:
        firsts = list(dict.fromkeys(fact(item) for item in order if item.section == section))
        lists = {fact(i) for i in order if i.section == section and re.match(r"s\d+-list\d+-cloze$", i.id)}
        assert firsts[len(firsts) - len(lists):] == [f for f in firsts if f in lists]
        places = [text.find(f[:12]) for f in firsts if f not in lists]
        found = [p for p in places if p >= 0]  # (a list's question quotes it with ，for ：)
        assert found == sorted(found) and len(found) >= 0.8 * len(places), section
    # two cards of one fact are next to each other only at the end of a subdeck, where no
    # other fact is left to go between
    for section in blocks:
        facts = [fact(item) for item in order if item.section == section]
        for k in range(len(facts) - 1):
            if facts[k] == facts[k + 1]:
                assert set(facts[k:]) == {facts[k]}, section
    adjacent = [a == b for a, b in zip(order, order[1:]) if a.section == b.section and fact(a) == fact(b)]
    assert len(adjacent) <= 8  # of 342 cards; most in 五, whose six cards ask about one sentence


def test_first_days_cards_with_ankis_default_options(collection, deck):
    """20 new cards a day, sorted by card type (a cloze note's c2, c3… after the c1 cards):
    a fact's cards of different notes (a choice card and its true/false twin) are never
    back to back; with "bury new siblings" on, no two cards of one fact are."""
    item_of = items_by_card(collection, deck)
    first_day = [item_of[cid] for cid in new_queue(collection, "办公室工作", 20)]
    assert len(first_day) == 20
    order = [s.title for s in deck.documents[0].sections]
    places = {order.index(i.section) for i in first_day}
    assert first_day[0].section == "引言" and places == set(range(len(places))) and len(places) <= 3
    assert all(fact(a) != fact(b) or a is b for a, b in zip(first_day, first_day[1:]))

    buried = [item_of[cid] for cid in new_queue(collection, "办公室工作", 20, bury=True)]
    assert len(buried) == 20
    assert all(fact(a) != fact(b) for a, b in zip(buried, buried[1:]))


def test_tags_all_under_quizgen(collection):
    tags = collection.tags.all()
    assert tags and all(t == "quizgen" or t.startswith("quizgen::") for t in tags), tags
    assert {"quizgen::cloze", "quizgen::choice", "quizgen::judge", "quizgen::enumeration",
            "quizgen::frame"} <= set(tags)


def test_backs_show_sentence_section_and_source_once(collection, deck):
    by_guid = {anki.note_guid(i): i for i in deck.items}
    for card in cards(collection):
        item = by_guid[card.guid]
        back = strip_html(card.answer)
        assert back.count(item.section) == 1, back
        if item.kind == "cloze":
            assert back.replace("\n", "").count(item.source) == 1, back
        else:
            assert back.count(f"原文：{item.source}") == 1
            quoted = f"“{item.source}”"
            assert quoted not in back, back  # the 解析 no longer quotes it again
            assert "正确选项" not in back  # nor lists the options the back marks


def test_choice_back_marks_the_right_options(collection, deck):
    by_guid = {anki.note_guid(i): i for i in deck.items}
    checked = Counter()
    for card in cards(collection):
        item = by_guid[card.guid]
        if item.kind == "cloze":
            continue
        front_marks = re.findall(r'<li class="qz-right">', card.question)
        back = card.answer.split('<hr id="answer">')
        assert back[0].startswith('<div class="qz-back">')
        marked = re.findall(r'<li class="qz-right">([A-F])\. ([^<]*)</li>', back[0])
        if item.kind == "judge":
            assert marked == [("A", "正确") if item.answer else ("B", "错误")]
        else:
            assert marked == [("ABCDEF"[k], item.options[k]) for k in item.answer]
        assert len(front_marks) == len(marked)  # hidden on the front: no rule styles it there
        assert ".qz-back .qz-options li.qz-right" in card.css
        assert ".qz-options li.qz-right" not in card.css.replace(".qz-back .qz-options li.qz-right", "")
        checked[item.kind] += 1
    assert set(checked) == {"choice", "multi", "judge"}


def test_traditional_build_has_traditional_labels_and_shares_the_note_types(tmp_path):
    simplified = make_deck([sample()])
    traditional = make_deck([sample()], script="traditional")
    anki.write_apkg(simplified, tmp_path / "s1.apkg", timestamp=time.time() - 20)
    anki.write_apkg(traditional, tmp_path / "t.apkg", timestamp=time.time() - 10)
    anki.write_apkg(simplified, tmp_path / "s2.apkg")
    col = open_collection(tmp_path / "col")
    try:
        import_apkg(col, tmp_path / "s1.apkg")
        target = cards(col)[0]
        before = review_card(col, target.card_id)
        assert import_apkg(col, tmp_path / "t.apkg").new == len(traditional.items)
        # one pair of note types serves both scripts: a simplified deck still updates in place
        summary = import_apkg(col, tmp_path / "s2.apkg")
        assert summary.updated == len(simplified.items) and summary.conflicting == 0 and summary.new == 0
        assert review_state(col, target.card_id) == before
        assert sorted(m["name"] for m in col.models.all()
                      if m["name"].startswith("quizgen")) == ["quizgen 填空 (cloze)", "quizgen 选择判断 (choice)"]
        simplified_only = set("这个题选项错误确断单项择处节")
        for card in cards(col, "deck:辦公室工作"):
            text = strip_html(card.question) + strip_html(card.answer)
            assert not simplified_only & set(text), (simplified_only & set(text), text)
            if card.notetype.startswith("quizgen 选择判断"):
                assert re.search("單項選擇題|多項選擇題|判斷題", text)
                if "判斷題" in text:
                    assert "A. 正確" in text and "B. 錯誤" in text
                assert "答案：" in text
    finally:
        col.close()


def test_renumbered_subdecks_keep_review_history(tmp_path):
    """A deck built before the numbered subdecks: a rebuild updates every note, keeps the
    reviews; Anki leaves the cards it has in the subdecks they were in (its importer never
    moves cards), new ones go to the numbered subdecks."""
    deck = make_deck([sample()])
    old = {key: f"{deck.name}::{key[1]}" for key in {(i.document, i.section) for i in deck.items}}
    original = studyorder.deck_names
    try:
        studyorder.deck_names = lambda *_args: old
        anki.write_apkg(deck, tmp_path / "old.apkg", timestamp=time.time() - 10)
    finally:
        studyorder.deck_names = original
    anki.write_apkg(deck, tmp_path / "new.apkg")
    col = open_collection(tmp_path / "col")
    try:
        import_apkg(col, tmp_path / "old.apkg")
        target = cards(col)[0]
        before = review_card(col, target.card_id)
        summary = import_apkg(col, tmp_path / "new.apkg")
        assert summary.updated == col.note_count() and summary.new == 0
        assert review_state(col, target.card_id) == before
        assert all(not re.match(r"\d\d ", c.deck.split("::")[-1]) for c in cards(col))
    finally:
        col.close()


def test_hand_written_ids_and_merged_documents_are_ordered_and_numbered():
    items = [
        make_item("s2-p1-t1-cloze", "cloze", "乙", "B", source="乙一。", text="{{c1::乙一}}。"),
        make_item("s1-p1-t1-cloze", "cloze", "甲", "A", source="甲一。", text="{{c1::甲}}{{c2::一}}。"),
        make_item("mine", "judge", "甲", "A", source="甲一。", statement="甲一。", answer=True),
        make_item("s1-p2-t1-cloze", "cloze", "甲", "A", source="甲二。", text="{{c1::甲二}}。"),
    ]
    docs = [Document(doc, f"{doc}文", "") for doc in "AB"]
    merged = Deck("课", docs, items)
    plan = studyorder.plan(merged)
    assert plan.deck_name(merged.items[1]) == "课::01 A文::01 甲"
    assert plan.deck_name(merged.items[0]) == "课::02 B文::01 乙"
    order = sorted((plan.due(i, o), i.id, o) for i in plan.items for o in studyorder.card_ords(i))
    # A's three cards of 甲一 are kept apart by 甲二 as far as they can be
    assert [(item_id, o) for _, item_id, o in order] == [
        ("s1-p1-t1-cloze", 0), ("s1-p2-t1-cloze", 0), ("s1-p1-t1-cloze", 1), ("mine", 0), ("s2-p1-t1-cloze", 0)]
