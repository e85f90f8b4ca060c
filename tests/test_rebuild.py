"""A plain rebuild into the folder of the previous build keeps every item's id, and so its
Anki note and the learners' history, on the fact it was made for (issue 14, point 4)."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from dataclasses import dataclass, replace
from pathlib import Path

import pytest
from anki.scheduler_pb2 import CardAnswer
from ankiclient import import_apkg, open_collection, review_state, strip_html

from quizgen import identity
from quizgen import build as pipeline
from quizgen.build import BuildOptions
from quizgen.rank import Budget
from quizgen.ingest.read import sample
from quizgen.model import Source
from quizgen import review

# the mechanics of ids over rebuilds, on every candidate (--all): what the selection keeps
# of an edited text is another matter (tests/test_rank.py)
ALL = Budget(keep_all=True)


def build(sources, out, formats):
    return pipeline.build(sources, out, formats, budget=ALL)


def make_deck(sources):
    return pipeline.make_deck(sources, budget=ALL)


def build_batch(paths, out, options):
    return pipeline.build_batch(paths, out, replace(options, keep_all=True))


DECK = "办公室工作"
GONE = "一位现代学者这样说:“细节决定成败”。"  # section 4: every sentence after it moves up
REWORDED = ("组织协调是办公室的一项要职能", "组织协调是办公室的一项重要职能")


def edited(*, delete: tuple[str, ...] = (GONE,), reword: tuple[str, str] | None = REWORDED,
           add: tuple[str, str] | None = None) -> Source:
    src = sample()
    text = src.text
    for sentence in delete:
        assert sentence in text
        text = text.replace(sentence, "", 1)
    if reword:
        assert reword[0] in text
        text = text.replace(*reword, 1)
    if add:
        assert add[0] in text
        text = text.replace(add[0], add[0] + add[1], 1)
    return Source(src.title, text)


def export(folder: Path) -> dict:
    return json.loads((folder / f"{DECK}.json").read_text(encoding="utf-8"))


def items(folder: Path) -> dict[str, dict]:
    return {i["id"]: i for i in export(folder)["items"]}


def run(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "quizgen", *args], capture_output=True, text=True,
                          cwd=cwd, timeout=300)


# --------------------------------------------------------------------------
# the matcher shared with the review file


@dataclass
class Entry:
    key: str
    fingerprint: str | None
    anchor: str | None
    source: str
    live: bool = True


def entry(item_id: str, source: str, content: str | None = None, live: bool = True) -> Entry:
    content = source if content is None else content
    return Entry(f"doc/{item_id}", identity.fingerprint("cloze", {"text": content}),
                 identity.anchor("doc", item_id, source), source, live)


def matched(fresh: list[Entry], known: list[Entry]) -> list[str | None]:
    found = identity.match(fresh, known, source=lambda e: e.source, live=lambda e: e.live)
    return [None if n is None else known[n].key.split("/")[1] for n in found]


def test_matcher_same_content_keeps_its_id_wherever_it_moved():
    known = [entry("s1-p1-t1-cloze", "甲是第一句话。"), entry("s1-p1-t2-cloze", "乙是第二句话。")]
    fresh = [entry("s1-p1-t1-cloze", "乙是第二句话。")]  # the first sentence was deleted
    assert matched(fresh, known) == ["s1-p1-t2-cloze"]


def test_matcher_same_question_on_the_same_sentence_with_other_options():
    known = [entry("s1-p1-t3-cloze", "办公室工作千头万绪。", content="{{c1::千头万绪}}")]
    fresh = [entry("s1-p1-t2-cloze", "办公室工作千头万绪。", content="{{c1::办公室工作}}千头万绪")]
    assert matched(fresh, known) == ["s1-p1-t3-cloze"]


def test_matcher_reworded_sentence_keeps_its_id_even_when_it_moved():
    known = [entry("s1-p1-t1-cloze", "细节决定成败。"),
             entry("s1-p1-t2-cloze", "组织协调是办公室的一项要职能，任何一个单位都不可能孤立地存在。")]
    fresh = [entry("s1-p1-t1-cloze", "组织协调是办公室的一项重要职能，任何一个单位都不可能孤立地存在。")]
    assert matched(fresh, known) == ["s1-p1-t2-cloze"]


def test_matcher_never_gives_a_vanished_sentence_to_another_one():
    """Same place, another sentence (a deletion and an addition, or the parallel sentences
    of a list): not the same fact."""
    known = [entry("s1-p1-t4-cloze", "对上协调要在创新上下功夫。"),
             entry("s1-p1-t5-cloze", "他是一位好同志。")]
    fresh = [entry("s1-p1-t4-cloze", "对下协调要在关爱上下功夫。"),
             entry("s1-p1-t5-cloze", "今天的天气非常好。")]
    assert matched(fresh, known) == [None, None]


def test_matcher_a_retired_item_comes_back_by_content_but_never_by_its_place():
    retired = entry("s1-p1-t2-cloze", "细节决定成败。", live=False)
    assert matched([entry("s1-p1-t3-cloze", "细节决定成败。")], [retired]) == ["s1-p1-t2-cloze"]
    assert matched([entry("s1-p1-t2-cloze", "细节决定成败！")], [retired]) == [None]


def test_matcher_a_list_that_lost_its_first_member_renumbers_the_others():
    members = ["对上协调要在创新上下功夫。", "平级协调要在落实上下功夫。", "对下协调要在关爱上下功夫。"]
    known = [entry(f"s3-p2-t4-frame1-m{n}-choice", s, content=s + "?")
             for n, s in enumerate(members, 1)]
    fresh = [entry(f"s3-p2-t4-frame1-m{n}-choice", s) for n, s in enumerate(members[1:], 1)]
    assert matched(fresh, known) == ["s3-p2-t4-frame1-m2-choice", "s3-p2-t4-frame1-m3-choice"]


def test_matcher_new_item_is_unmatched_and_gets_a_free_id():
    known = [entry("s1-p1-t1-cloze", "甲是第一句话。")]
    assert matched([entry("s1-p1-t1-cloze", "一句全新的话，与原来毫不相干。")], known) == [None]
    assert identity.unique_key("doc/s1-p1-t1-cloze", {"doc/s1-p1-t1-cloze"}) == "doc/s1-p1-t1-cloze-n2"


# --------------------------------------------------------------------------
# a plain rebuild over the previous JSON export


def test_without_a_previous_export_the_ids_are_todays(tmp_path):
    result = build([edited()], tmp_path, ("json",))
    assert result.changes is None
    assert [i.id for i in make_deck([edited()]).items] == list(items(tmp_path))
    assert "retired" not in export(tmp_path)


def test_rebuild_after_a_deletion_keeps_every_sentence_on_its_id(tmp_path):
    build([sample()], tmp_path, ("json",))
    before = items(tmp_path)
    fresh = [i.id for i in make_deck([edited()]).items]
    result = build([edited()], tmp_path, ("json",))
    after = items(tmp_path)
    assert fresh != list(after)  # without the previous export, ids would have shifted
    for item_id, item in after.items():
        if item_id in before and REWORDED[1] not in item["source"]:
            assert before[item_id]["source"] == item["source"], item_id
    gone = {i for i, item in before.items() if "细节决定成败" in item["source"]}
    assert gone and not gone & set(after)
    retired = export(tmp_path)["retired"]
    assert {r["id"] for r in retired} == gone
    assert {r["guid"] for r in retired} == {before[i]["guid"] for i in gone}
    reworded = [i for i, item in after.items() if REWORDED[1] in item["source"]]
    assert reworded and all(REWORDED[0] in before[i]["source"] for i in reworded)
    changes = result.changes
    assert changes is not None and len(changes.removed) == len(gone) and not changes.new
    assert all(f"{DECK}/{i}" in changes.updated for i in reworded)
    assert changes.summary() == (f"{tmp_path / DECK}: {len(changes.updated)} updated, "
                                 f"{len(gone)} removed")


def test_a_vanished_id_is_never_reused_and_comes_back_with_its_sentence(tmp_path):
    build([sample()], tmp_path, ("json",))
    before = items(tmp_path)
    gone = {i for i, item in before.items() if "细节决定成败" in item["source"]}
    build([edited(reword=None)], tmp_path, ("json",))
    # a new sentence where the gone one was: its items get new ids, not the retired ones
    result = build([edited(reword=None, add=("四是注重细节,避免失误。", "细节是成功的关键。"))],
                   tmp_path, ("json",))
    after = items(tmp_path)
    new = {i for i, item in after.items() if "细节是成功的关键" in item["source"]}
    assert new and not new & gone and not gone & set(after)
    assert {r["id"] for r in export(tmp_path)["retired"]} == gone
    assert len(result.changes.new) == len(new)
    # the sentence comes back: its items get their old ids back
    result = build([sample()], tmp_path, ("json",))
    assert items(tmp_path).keys() == before.keys()
    assert {r["id"] for r in export(tmp_path)["retired"]} == new
    assert len(result.changes.restored) == len(gone)
    assert "back" in result.changes.summary()


NEIGHBOUR = "做好办公室工作，尤其要注重细节。"  # the sentence after the gone one
REWRITTEN_NEIGHBOUR = ("尤其要注重细节", "尤其要重视细节")


def test_a_reworded_sentence_that_moved_up_keeps_its_id_not_the_gone_ones(tmp_path):
    build([sample()], tmp_path, ("json",))
    before = items(tmp_path)
    neighbour = {i for i, item in before.items() if item["source"] == NEIGHBOUR}
    build([edited(reword=REWRITTEN_NEIGHBOUR)], tmp_path, ("json",))
    after = items(tmp_path)
    assert neighbour and all("尤其要重视细节" in after.get(i, {}).get("source", "") for i in neighbour)
    assert all("细节决定成败" in before[i]["source"] or i in neighbour
               for i in set(after) & set(before) if before[i]["source"] != after[i]["source"])


def test_review_merge_gives_a_gone_sentences_id_to_no_reworded_neighbour(tmp_path):
    path = tmp_path / "review.yaml"
    deck = make_deck([sample()])
    review.extract(deck, path)
    gone = [i.id for i in deck.items if "细节决定成败" in i.source]
    neighbour = [i.id for i in deck.items if i.source == NEIGHBOUR]
    report = review.extract(make_deck([edited(reword=REWRITTEN_NEIGHBOUR)]), path)
    merged = {i.id: i for i in review.load_review(path).items}
    assert gone and sorted(gone) == sorted(set(report.removed) & set(gone))
    assert neighbour and all("尤其要重视细节" in merged[i].source for i in neighbour)
    assert all(i in report.updated for i in neighbour)


def test_the_previous_export_is_kept_up_to_date_when_json_is_not_asked_for(tmp_path):
    build([sample()], tmp_path, ("json",))
    result = build([edited()], tmp_path, ("apkg",))
    assert sorted(o.format for o in result.outputs) == ["apkg", "json"]
    assert export(tmp_path)["retired"]


@pytest.mark.parametrize("content", [
    b"{not json", "[1, 2]".encode(), b'{"deck": "x"}', b"\xff\xfe\x00",
    json.dumps({"schema": 1, "generator": "quizgen 0", "items": [{"id": 3}]}).encode(),
    json.dumps({"schema": 9, "generator": "quizgen 9", "items": []}).encode(),
])
def test_a_corrupt_or_foreign_previous_export_warns_and_falls_back(tmp_path, content):
    (tmp_path / f"{DECK}.json").write_bytes(content)
    result = build([sample()], tmp_path, ("json",))
    assert result.changes is not None and result.changes.warning
    assert str(tmp_path / f"{DECK}.json") in result.changes.warning
    assert list(items(tmp_path)) == [i.id for i in make_deck([sample()]).items]


def test_cli_reports_what_changed_and_warns_on_a_foreign_export(tmp_path):
    first = run("build", "--all", "-f", "json", "-o", "out", cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    assert first.stdout == f"wrote out/{DECK}.json\n"  # no previous build: nothing to report
    text = tmp_path / f"{DECK}.txt"  # the file's name is the document's title, and id
    text.write_text(edited().text, encoding="utf-8")
    second = run("build", str(text), "--all", "-f", "json", "-o", "out", cwd=tmp_path)
    assert second.returncode == 0, second.stderr
    line = next(line for line in second.stdout.splitlines() if line.startswith(f"out/{DECK}: "))
    assert line.endswith(" removed") and " updated, " in line
    (tmp_path / "out" / f"{DECK}.json").write_text("[]", encoding="utf-8")
    third = run("build", "--all", "-f", "json", "-o", "out", cwd=tmp_path)
    assert third.returncode == 0
    assert third.stderr.strip() == (f"quizgen: warning: out/{DECK}.json: not a quizgen JSON export; "
                                    "item ids start afresh")


def test_merged_build_keeps_ids_per_document(tmp_path):
    texts = tmp_path / "texts"
    texts.mkdir()
    (texts / "a.txt").write_text(sample().text, encoding="utf-8")
    (texts / "b.txt").write_text(sample().text.replace("办公室", "秘书处"), encoding="utf-8")
    options = BuildOptions(formats=("json",), merge=True, name="合集", jobs=1)
    out = tmp_path / "out"
    build_batch([texts], out, options)
    before = {(i["document"], i["id"]): i["source"] for i in
              json.loads((out / "合集.json").read_text(encoding="utf-8"))["items"]}
    (texts / "a.txt").write_text(edited(reword=None).text, encoding="utf-8")
    result = build_batch([texts], out, options)
    data = json.loads((out / "合集.json").read_text(encoding="utf-8"))
    after = {(i["document"], i["id"]): i["source"] for i in data["items"]}
    assert all(before[key] == source for key, source in after.items() if key in before)
    assert {(r["document"], r["id"]) for r in data["retired"]} == {
        key for key, source in before.items() if key[0] == "a" and "细节决定成败" in source}
    assert [c.summary().split(": ")[0] for c in result.changes] == [str(out / "合集")]


# --------------------------------------------------------------------------
# end to end: review, edit the text, rebuild, re-import


def note_fact(note_fields: dict[str, str]) -> str:
    """What a note asks, as the learner reads it: the cloze text or the question's stem
    (the distractors among the options may be drawn again)."""
    return strip_html(note_fields.get("Text") or note_fields["题干"])


def answer_in_order(col, deck: str, count: int) -> list[int]:
    """Study ``count`` cards of ``deck`` the way a learner does: the card on top, Easy."""
    col.decks.select(col.decks.id_for_name(deck))
    answered = []
    for _ in range(count):
        queued = col.sched.get_queued_cards(fetch_limit=1).cards[0]
        card = col.get_card(queued.card.id)
        card.start_timer()
        col.sched.answer_card(col.sched.build_answer(card=card, states=queued.states,
                                                     rating=CardAnswer.EASY))
        answered.append(card.id)
    return answered


def test_reviewed_cards_keep_their_fact_after_an_edit_and_a_plain_rebuild(tmp_path):
    """The issue's scenario: 20 cards reviewed, a sentence deleted and one reworded, a plain
    rebuild into the same folder, re-imported: no history on another fact, no empty card."""
    out = tmp_path / "decks"
    build([sample()], out, ("apkg", "json"))
    v1 = {i["guid"]: i for i in export(out)["items"]}
    col = open_collection(tmp_path / "col")
    try:
        assert import_apkg(col, out / f"{DECK}.apkg").new == len(v1)
        # the first cards of section 3 (the reworded sentence) and of section 4 (the gone
        # sentence and the ones after it, which move up)
        reviewed = (answer_in_order(col, f"{DECK}::03 三、积极协调，促进和谐", 5)
                    + answer_in_order(col, f"{DECK}::04 四、注重细节，避免失误", 15))
        facts = {card_id: note_fact(dict(col.get_card(card_id).note().items())) for card_id in reviewed}
        sources = {card_id: v1[col.get_card(card_id).note().guid]["source"] for card_id in reviewed}
        assert any(REWORDED[0] in s for s in sources.values()) and any(
            "细节决定成败" in s for s in sources.values())
        states = {card_id: review_state(col, card_id) for card_id in reviewed}

        time.sleep(1.1)  # Anki updates a note only when the package is at least 1 s newer
        result = build([edited()], out, ("apkg", "json"))
        v2 = {i["guid"]: i for i in export(out)["items"]}
        summary = import_apkg(col, out / f"{DECK}.apkg")
        assert summary.new == len(result.changes.new) == 0
        for card_id in reviewed:
            note = col.get_card(card_id).note()
            fact = note_fact(dict(note.items()))
            assert review_state(col, card_id) == states[card_id]
            if "细节决定成败" in sources[card_id]:  # gone from the text: the note is left alone
                assert note.guid not in v2 and fact == facts[card_id]
            elif REWORDED[0] in sources[card_id]:  # reworded: the same note, updated
                assert v2[note.guid]["source"] == sources[card_id].replace(*REWORDED)
                assert fact == facts[card_id].replace("一项要职能", "一项重要职能")
            else:  # the same sentence, wherever it moved
                assert v2[note.guid]["source"] == sources[card_id] and fact == facts[card_id]
        assert not col.get_empty_cards().notes
        stale = {col.get_note(n).guid for n in col.find_notes("")} - set(v2)
        assert len(stale) == len(result.changes.removed)
        assert all("细节决定成败" in v1[guid]["source"] for guid in stale)
    finally:
        col.close()
