"""The review file: extract, edit by hand, build, import into a real Anki collection, merge."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
from ankiclient import cards, import_apkg, open_collection, review_card, review_state, strip_html

from quizgen.export import anki
from quizgen import review
from quizgen.errors import InputError
from quizgen.items import Choice
from quizgen.lang import markup
from quizgen.model import Source
from quizgen import build as pipeline
from quizgen.rank import Budget

# the review file's mechanics, on every candidate (the selection is tested in test_rank)
ALL = Budget(keep_all=True)


def build(sources, out, formats):
    return pipeline.build(sources, out, formats, budget=ALL)


def make_deck(sources):
    return pipeline.make_deck(sources, budget=ALL)
from quizgen.ingest.read import sample

DECK = "办公室工作"


@pytest.fixture(scope="module")
def deck():
    return make_deck([sample()])


@pytest.fixture()
def review_file(deck, tmp_path) -> Path:
    path = tmp_path / "review.yaml"
    review.write_review(deck, path)
    return path


# --------------------------------------------------------------------------
# editing helpers: change the YAML text the way a person would in an editor


def block_span(text: str, item_id: str) -> tuple[int, int]:
    """Start and end of an item's block ("  - id: …" up to the next item or the end)."""
    start = text.index(f"  - id: {item_id}\n")
    ends = [i for i in (text.find("\n  - id: ", start + 1), text.find("\n# ---- quizgen", start))
            if i != -1]
    return start, min(ends) + 1


def block_of(text: str, item_id: str) -> str:
    start, end = block_span(text, item_id)
    return text[start:end]


def edit_item(text: str, item_id: str, old: str, new: str) -> str:
    start, end = block_span(text, item_id)
    block = text[start:end]
    assert old in block, f"{old!r} not in the block of {item_id}"
    return text[:start] + block.replace(old, new, 1) + text[end:]


def delete_item(text: str, item_id: str) -> str:
    start, end = block_span(text, item_id)
    return text[:start] + text[end:].lstrip("\n")


def line_of(text: str, needle: str, after: str = "") -> int:
    """1-based line number of the first ``needle`` after ``after``."""
    offset = text.index(needle, text.index(after) if after else 0)
    return text.count("\n", 0, offset) + 1


def first(deck, kind: str, source: str = ""):
    """The first item of ``kind`` (whose source sentence contains ``source``)."""
    return next(i for i in deck.items if i.kind == kind and source in i.source)


def cloze_id(deck, source: str) -> str:
    return first(deck, "cloze", source).id


def typed(deletion: markup.Deletion) -> str:
    """A deletion as the review file shows it: {{c1::答案}} or {{c1::答案::提示}}."""
    hint = f"::{deletion.hint}" if deletion.hint else ""
    return f"{{{{c{deletion.number}::{deletion.answer}{hint}}}}}"


def lead(item) -> str:
    """The first run of plain text of a cloze item (what a trainer would reword)."""
    return next(s for s in markup.parse(item.text) if isinstance(s, str) and len(s) >= 2)


def reword(text: str, item, mark: str = "（改）") -> str:
    """Reword a cloze item in the review file: ``mark`` after its first plain run."""
    return edit_item(text, item.id, lead(item), lead(item) + mark)


# --------------------------------------------------------------------------
# the file a trainer opens


def test_review_file_is_readable_yaml_with_every_item(deck, review_file):
    text = review_file.read_text(encoding="utf-8")
    assert text.startswith("# quizgen 审阅文件 / review file")
    for phrase in ("删除一题", "enabled: false", "不要改 id", "{{c1::答案}}", "从 0 开始", "true/false"):
        assert phrase in text.split("\nschema:")[0]
    assert "\\u" not in text and "办公室工作的好与坏" in text  # real characters, not escapes
    assert f"deck: {DECK}" in text
    for item in deck.items:
        assert f"  - id: {item.id}\n" in text
    choice = first(deck, "choice")
    block = block_of(text, choice.id)
    assert f"answer: {choice.answer}".replace("'", "") in block
    for index, option in enumerate(choice.options):
        assert re.search(rf"- {re.escape(option)} +# {index} = {'ABCD'[index]}\n", block)
    cloze = first(deck, "cloze", "工作水平和整体素质")
    assert markup.to_plain(cloze.text) in block_of(text, cloze.id)  # {{c1::…}} typed as is
    assert cloze.source in block_of(text, cloze.id)


def test_unedited_review_file_gives_back_the_same_items_and_guids(deck, review_file):
    loaded = review.load_review(review_file)
    assert loaded.name == DECK
    assert [d.id for d in loaded.documents] == [d.id for d in deck.documents]
    assert [vars(i) for i in loaded.items] == [vars(i) for i in deck.items]
    assert [anki.note_guid(i) for i in loaded.items] == [anki.note_guid(i) for i in deck.items]


def test_braces_and_html_characters_survive_the_review_file(tmp_path):
    src = sample()
    odd = src.text.replace("办公室工作的好与坏", "办公室工作{的}好&与<坏>", 1)
    deck = make_deck([Source(src.title, odd)])
    item = next(i for i in deck.items if "&amp;与" in (i.text or ""))
    assert "&#123;的&#125;" in item.text
    path = tmp_path / "review.yaml"
    review.write_review(deck, path)
    assert "办公室工作{的}好&与<坏>" in path.read_text(encoding="utf-8")  # typed as plain text
    loaded = {i.id: i for i in review.load_review(path).items}
    assert loaded[item.id].text == item.text


# --------------------------------------------------------------------------
# edit -> build -> import into a real collection


def test_edited_review_builds_the_deck_as_edited_and_reimports_in_place(deck, review_file, tmp_path):
    cloze = first(deck, "cloze", "工作水平和整体素质")
    choice = first(deck, "choice")
    weak = first(deck, "judge")
    paused = first(deck, "multi")
    wrong_option = choice.options[1]
    text = review_file.read_text(encoding="utf-8")
    text = reword(text, cloze)
    text = edit_item(text, choice.id, f"- {wrong_option} ", "- 勤俭节约，量入为出 ")
    text = delete_item(text, weak.id)
    text = edit_item(text, paused.id, "enabled: true", "enabled: false")
    review_file.write_text(text, encoding="utf-8")

    first_build = anki.write_apkg(review.load_review(review_file), tmp_path / "v1" / "deck.apkg")
    col = open_collection(tmp_path / "col")
    try:
        summary = import_apkg(col, first_build)
        assert summary.new == len(deck.items) - 2 == col.note_count()
        rendered = {(c.guid, c.ord): c for c in cards(col)}
        guids = {guid for guid, _ord in rendered}
        assert anki.note_guid(weak) not in guids and anki.note_guid(paused) not in guids
        cloze_card = rendered[anki.note_guid(cloze), 0]
        assert lead(cloze) + "（改）" in strip_html(cloze_card.question)
        hidden = next(d for d in markup.deletions(cloze.text) if d.number == 1)
        assert f'data-cloze="{hidden.answer}"' in cloze_card.question
        front = strip_html(rendered[anki.note_guid(choice), 0].question)
        assert "B. 勤俭节约，量入为出" in front and wrong_option not in front
        before = review_card(col, cloze_card.card_id)

        # next round: fix another word and rebuild; the notes update in place
        time.sleep(1.1)  # Anki updates a note only when the package is at least 1 s newer
        text = text.replace(lead(cloze) + "（改）", lead(cloze) + "（再改）")
        review_file.write_text(text, encoding="utf-8")
        second_build = anki.write_apkg(review.load_review(review_file), tmp_path / "v2" / "deck.apkg")
        summary = import_apkg(col, second_build)
        assert summary.new == 0
        assert summary.updated == col.note_count() == len(deck.items) - 2
        assert lead(cloze) + "（再改）" in col.get_note(cloze_card.note_id)["Text"]
        assert review_state(col, cloze_card.card_id) == before
    finally:
        col.close()


def test_deck_built_from_text_updates_in_place_when_built_from_its_review_file(tmp_path):
    direct = build([sample()], tmp_path / "direct", ("apkg",)).outputs[0].path
    path = tmp_path / "review.yaml"
    review.write_review(make_deck([sample()]), path)
    col = open_collection(tmp_path / "col")
    try:
        assert import_apkg(col, direct).new == col.note_count() > 100
        time.sleep(1.1)
        reviewed = anki.write_apkg(review.load_review(path), tmp_path / "reviewed.apkg")
        summary = import_apkg(col, reviewed)
        assert summary.new == 0 and summary.updated == col.note_count()
    finally:
        col.close()


# --------------------------------------------------------------------------
# re-extracting after the article changed


def changed_article() -> Source:
    src = sample()
    text = (src.text
            .replace("组织协调是办公室的一项要职能", "组织协调是办公室的一项重要职能")  # reworded
            .replace("工作水平和整体素质", "工作水平和精神面貌")  # reworded, and edited by the trainer
            .replace("三是耐心。", "三是耐心。耐心是一种美德。")  # a new sentence
            .replace("一位现代学者这样说:“细节决定成败”。", ""))  # a sentence gone: the rest shift
    return Source(src.title, text)


class Ids:
    """Ids of the sample's items that the merge scenario touches (looked up by content)."""

    def __init__(self, deck):
        self.conflict = cloze_id(deck, "工作水平和整体素质")  # reworded in the text, and edited
        self.edited = next(i.id for i in deck.items  # a sentence of section 1: unchanged
                           if i.kind == "cloze" and i.section.startswith("一、"))
        self.deleted = cloze_id(deck, "另一个名称叫“不管部”")  # deleted by the trainer
        self.disabled = cloze_id(deck, "一是责任心；二是细心")  # disabled, with a comment
        self.updated = cloze_id(deck, "一项要职能")  # reworded in the text
        self.removed = cloze_id(deck, "细节决定成败")  # the sentence is gone
        self.shifted = cloze_id(deck, "若粗心大意")  # after the gone sentence: moves up


def trainer_edits(text: str, deck, ids: Ids) -> str:
    items = {i.id: i for i in deck.items}
    text = reword(text, items[ids.conflict])
    text = reword(text, items[ids.edited])
    text = delete_item(text, ids.deleted)
    text = edit_item(text, ids.disabled, "enabled: true", "enabled: false")
    return text.replace(f"  - id: {ids.disabled}\n", f"  # 这一题很重要\n  - id: {ids.disabled}\n")


def test_reextract_merges_into_the_trainers_file(deck, review_file):
    ids = Ids(deck)
    review_file.write_text(trainer_edits(review_file.read_text(encoding="utf-8"), deck, ids),
                           encoding="utf-8")
    edited = review_file.read_text(encoding="utf-8")

    report = review.extract(make_deck([changed_article()]), review_file)
    merged = review_file.read_text(encoding="utf-8")
    assert report.summary().startswith(f"updated {review_file} (")
    # unchanged source: the trainer's edits, comment and disabled flag are all still there
    assert ids.edited in report.edited and "（改）" in block_of(merged, ids.edited)
    assert f"# 这一题很重要\n  - id: {ids.disabled}\n" in merged
    block = block_of(merged, ids.disabled)
    assert "enabled: false" in block and "status" not in block
    # source changed, not edited: replaced and marked
    assert ids.updated in report.updated
    block = block_of(merged, ids.updated)
    assert "status: updated" in block and "一项重要职能" in block
    # source changed and edited: the trainer's version is kept, the new one shown beside it
    assert report.conflicts == [ids.conflict]
    block = block_of(merged, ids.conflict)
    assert "status: conflict" in block and "（改）" in block
    assert "generated:" in block and "精神面貌" in block.split("generated:")[1]
    # a new sentence: a new item, marked
    new_id = next(i for i in report.new if "耐心是一种美德" in block_of(merged, i))
    assert "status: new" in block_of(merged, new_id)
    # a sentence gone: its items are kept, disabled, and reported
    assert ids.removed in report.removed
    block = block_of(merged, ids.removed)
    assert "status: removed" in block and "enabled: false" in block
    # the deleted item stays deleted although its sentence moved up
    assert report.deleted == [ids.deleted] and f"  - id: {ids.deleted}\n" not in merged
    # the sentences after the gone one moved up, but keep their ids (and so their notes)
    block = block_of(merged, ids.shifted)
    assert "粗心大意" in block and "status" not in block
    assert len(set(re.findall(r"^  - id: (\S+)$", merged, re.M))) == report.items

    # a second extract of the same article changes nothing the trainer wrote
    again = review.extract(make_deck([changed_article()]), review_file)
    assert not (again.new or again.updated)
    assert again.conflicts == [ids.conflict]  # still waiting for the trainer
    assert again.deleted == [ids.deleted]  # still not re-added
    stable = review_file.read_text(encoding="utf-8")
    assert stable == re.sub(r"    status: (new|updated)\n", "", merged)
    assert edited != stable

    built = {i.id for i in review.load_review(review_file).items}
    assert ids.removed not in built and ids.disabled not in built and new_id in built


def test_resolving_a_conflict_and_a_source_coming_back(deck, review_file):
    ids = Ids(deck)
    conflicted = next(i for i in deck.items if i.id == ids.conflict)
    review_file.write_text(reword(review_file.read_text(encoding="utf-8"), conflicted),
                           encoding="utf-8")
    review.extract(make_deck([changed_article()]), review_file)
    # the trainer keeps their wording and deletes status/generated: their version from now on
    text = review_file.read_text(encoding="utf-8")
    start, end = block_span(text, ids.conflict)
    block = re.sub(r"    status: conflict\n    generated:\n(      .*\n)+", "", text[start:end])
    review_file.write_text(text[:start] + block + text[end:], encoding="utf-8")
    report = review.extract(make_deck([changed_article()]), review_file)
    assert ids.conflict in report.edited and not report.conflicts
    assert "（改）" in block_of(review_file.read_text(encoding="utf-8"), ids.conflict)
    # the original article again: the removed items come back, enabled
    report = review.extract(make_deck([sample()]), review_file)
    assert ids.removed in report.restored
    block = block_of(review_file.read_text(encoding="utf-8"), ids.removed)
    assert "status: restored" in block and "enabled: true" in block


def test_several_documents_name_the_document_of_each_item(tmp_path):
    src = sample()
    deck = make_deck([src, Source("办公室工作（二）", src.text)])
    path = tmp_path / "review.yaml"
    review.write_review(deck, path)
    text = path.read_text(encoding="utf-8")
    assert text.count("    document: 办公室工作（二）\n") == len(deck.items) // 2
    loaded = review.load_review(path)
    assert [anki.note_guid(i) for i in loaded.items] == [anki.note_guid(i) for i in deck.items]
    report = review.extract(make_deck([src, Source("办公室工作（二）", src.text)]), path)
    assert len(report.unchanged) == len(deck.items) and not report.new


def test_merge_refuses_a_file_whose_items_cannot_be_told_apart(deck, review_file):
    item_id = cloze_id(deck, "工作水平和整体素质")
    text = review_file.read_text(encoding="utf-8")
    start, end = block_span(text, item_id)
    broken = text[:end] + "\n" + text[start:end] + text[end:]
    review_file.write_text(broken, encoding="utf-8")
    with pytest.raises(InputError, match=rf"item {item_id}: duplicate id .*fix it before"):
        review.extract(deck, review_file)
    assert review_file.read_text(encoding="utf-8") == broken  # nothing written


# --------------------------------------------------------------------------
# validation: what a trainer sees after a broken edit


def broken(review_file: Path, edit) -> tuple[str, str]:
    text = edit(review_file.read_text(encoding="utf-8"))
    review_file.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        review.load_review(review_file)
    assert caught.value.exit_code == 2
    return str(caught.value), text


def test_answer_index_out_of_range_names_file_line_and_item(deck, review_file):
    choice = first(deck, "choice")
    message, text = broken(review_file, lambda t: edit_item(t, choice.id, "answer: [", "answer: [5, "))
    line = line_of(text, "answer: [5", after=f"- id: {choice.id}\n")
    assert message.startswith(f"{review_file}:{line}: item {choice.id}: answer index 5 is out of "
                              f"range ({len(choice.options)} options) (and 1 more")
    assert "a choice item has exactly one correct answer, not 2 (use kind: multi for several)" in \
        [p.message for p in review.check_review(review_file)]


def test_single_answer_out_of_range_is_the_only_problem(deck, review_file):
    choice = first(deck, "choice")
    old = f"answer: [{choice.answer[0]}]"
    message, text = broken(review_file, lambda t: edit_item(t, choice.id, old, "answer: [5]"))
    line = line_of(text, "answer: [5]", after=f"- id: {choice.id}\n")
    assert message == (f"{review_file}:{line}: item {choice.id}: answer index 5 is out of range "
                       f"({len(choice.options)} options)")


def cloze_edits(item) -> list[tuple[str, str, str]]:
    """(old, new, message) for the broken edits a trainer may make to a cloze item."""
    first_deletion = typed(markup.deletions(item.text)[0])
    return [
        ("kind: cloze", "kind: choise",
         "unknown kind 'choise' (expected cloze, choice, multi or judge)"),
        (markup.to_plain(item.text), markup.reveal(item.text),
         "empty cloze: the text has no deletion; mark the answer as {{c1::答案}}"),
        (first_deletion, "{{c1::}}", "empty cloze deletion {{cN::}}: write the answer after ::"),
        (first_deletion, first_deletion[:-1],
         "malformed cloze deletion: write {{c1::答案}} or {{c1::答案::提示}}"),
        ("enabled: true", "enabled: no", "enabled must be true or false, not 'no'"),
    ]


@pytest.mark.parametrize("case", range(5))
def test_broken_cloze_edit_is_reported_with_its_line(deck, review_file, case):
    item = first(deck, "cloze", "工作水平和整体素质")
    old, new, expected = cloze_edits(item)[case]
    message, text = broken(review_file, lambda t: edit_item(t, item.id, old, new))
    line = line_of(text, new, after=f"- id: {item.id}\n")
    assert message == f"{review_file}:{line}: item {item.id}: {expected}"


def test_judge_answer_typed_as_a_word(deck, review_file):
    judge = first(deck, "judge")
    old = f"answer: {str(judge.answer).lower()}"
    message, text = broken(review_file, lambda t: edit_item(t, judge.id, old, "answer: 对"))
    line = line_of(text, "answer: 对")
    assert message == (f"{review_file}:{line}: item {judge.id}: answer must be true or false "
                       "for a judge item, not '对'")


def test_missing_field_is_reported_at_the_item(deck, review_file):
    choice = first(deck, "choice")
    message, text = broken(review_file, lambda t: re.sub(
        rf"(- id: {re.escape(choice.id)}\n(?:    .*\n)*?)    question: .*\n", r"\1", t))
    line = line_of(text, f"- id: {choice.id}\n")
    assert message == f"{review_file}:{line}: item {choice.id}: missing field question"


def test_duplicate_id_points_at_both_copies(deck, review_file):
    item_id = cloze_id(deck, "工作水平和整体素质")

    def duplicate(text):
        start, end = block_span(text, item_id)
        return text[:end] + "\n" + text[start:end] + text[end:]

    message, text = broken(review_file, duplicate)
    first_line, second_line = [n for n, line in enumerate(text.splitlines(), 1)
                               if line == f"  - id: {item_id}"]
    assert message == (f"{review_file}:{second_line}: item {item_id}: duplicate id "
                       f"(also at line {first_line})")


def test_yaml_syntax_error_names_the_line(deck, review_file):
    item = first(deck, "cloze", "工作水平和整体素质")
    start = markup.to_plain(item.text)[:4]

    def unclosed_quote(text):
        return edit_item(text, item.id, f"text: {start}", f'text: "{start}')

    message, text = broken(review_file, unclosed_quote)
    line = line_of(text, f'text: "{start}')
    assert message == (f"{review_file}:{line}: YAML syntax error: "
                       "while scanning a quoted scalar, found unexpected end of stream")


def test_typo_in_a_field_name_is_explained_and_all_problems_are_listed(deck, review_file):
    choice = first(deck, "choice")
    message, text = broken(review_file, lambda t: edit_item(t, choice.id, "    answer:", "    anwser:"))
    assert "(and 1 more; `quizgen check" in message
    problems = review.check_review(review_file)
    assert [str(p) for p in problems] == [
        f"{review_file}:{line_of(text, f'- id: {choice.id}')}: item {choice.id}: missing field answer",
        f"{review_file}:{line_of(text, 'anwser:')}: item {choice.id}: unknown field 'anwser' "
        "(did you mean 'answer'?)",
    ]


def test_an_aliased_value_is_reported_at_the_item_and_quoted_briefly(deck, review_file):
    """A YAML alias is allowed; a problem in the value it stands for names the line of the
    item's field (not the anchor's), and quotes no more than a short excerpt of it."""
    choice = first(deck, "choice")
    words = ", ".join(f"词{n}" for n in range(2000))
    text = edit_item(review_file.read_text(encoding="utf-8"), choice.id, f"answer: [{choice.answer[0]}]",
                     "answer: *words")
    review_file.write_text(text.replace(f"deck: {DECK}\n", f"deck: {DECK}\nshared: &words [{words}]\n", 1),
                           encoding="utf-8")
    problem = next(p for p in review.check_review(review_file) if p.where == f"item {choice.id}")
    assert problem.line == line_of(review_file.read_text(encoding="utf-8"), "answer: *words")
    assert problem.message == ("answer must be a list of option indexes counted from 0 (0 = A, 1 = B, …), "
                               "e.g. [1], not ['词0', '词1', '词2', '词3', '词4', '词5', '词6', '词7', '词8', '词9',…")


def test_an_anchored_explanation_may_be_shared_by_items(deck, review_file):
    cloze, choice = first(deck, "cloze", "工作水平和整体素质"), first(deck, "choice")
    text = edit_item(review_file.read_text(encoding="utf-8"), cloze.id, "    source:",
                     "    explanation: &why 见第一节\n    source:")  # the cloze comes first
    review_file.write_text(edit_item(text, choice.id, f"explanation: {choice.explanation}", "explanation: *why"),
                           encoding="utf-8")
    explanations = {i.id: i.explanation for i in review.load_review(review_file).items}
    assert explanations[cloze.id] == explanations[choice.id] == "见第一节"


def test_an_item_rule_quotes_a_long_option_briefly():
    same = "很长的选项" * 400
    reasons = Choice(id="q", section="", question="问题", options=[same, same], answer=[0]).validate()
    assert [r.message for r in reasons] == [f"options 0 and 1 are the same ('{same[:59]}…)"]


def test_an_alias_inside_the_value_it_names_is_refused(deck, review_file):
    choice = first(deck, "choice")
    message, text = broken(review_file, lambda t: edit_item(
        t, choice.id, f"answer: [{choice.answer[0]}]", "answer: &loop [0, *loop]"))
    assert message == f"{review_file}:{line_of(text, 'answer: &loop')}: YAML alias *loop refers to the value it is in"


def test_a_disabled_item_may_be_unfinished(deck, review_file):
    item = first(deck, "cloze", "工作水平和整体素质")
    text = edit_item(review_file.read_text(encoding="utf-8"), item.id, "enabled: true",
                     "enabled: false")
    text = edit_item(text, item.id, markup.to_plain(item.text), "（待改）")
    review_file.write_text(text, encoding="utf-8")
    assert review.check_review(review_file) == []
    assert item.id not in {i.id for i in review.load_review(review_file).items}


def test_not_a_review_file(tmp_path):
    path = tmp_path / "notes.yaml"
    path.write_text("- 一\n- 二\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"notes.yaml:1: not a quizgen review file"):
        review.load_review(path)
    with pytest.raises(InputError, match="no such file"):
        review.load_review(tmp_path / "missing.yaml")
