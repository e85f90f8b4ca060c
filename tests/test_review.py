"""The review file: extract, edit by hand, build, import into a real Anki collection, merge."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
from ankiclient import cards, import_apkg, open_collection, review_card, review_state, strip_html

from quizgen import anki, review
from quizgen.errors import InputError
from quizgen.model import Source
from quizgen.pipeline import build, make_deck
from quizgen.read import sample

DECK = "办公室工作"


@pytest.fixture(scope="module")
def deck():
    return make_deck([sample()])


@pytest.fixture()
def review_file(deck, tmp_path) -> Path:
    path = tmp_path / "review.yaml"
    review.write_review(make_deck([sample()]), path)
    return path


# --------------------------------------------------------------------------
# editing helpers: change the YAML text the way a person would in an editor


def block_span(text: str, item_id: str) -> tuple[int, int]:
    """Start and end of an item's block ("  - id: …" up to the next item or the end)."""
    start = text.index(f"  - id: {item_id}\n")
    ends = [i for i in (text.find("\n  - id: ", start + 1), text.find("\n# ---- quizgen", start))
            if i != -1]
    return start, min(ends) + 1


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


def first(deck, kind: str, **where):
    return next(i for i in deck.items if i.kind == kind
                and all(getattr(i, k) == v for k, v in where.items()))


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
    start, end = block_span(text, choice.id)
    block = text[start:end]
    assert f"answer: {choice.answer}".replace("'", "") in block
    for index, option in enumerate(choice.options):
        assert re.search(rf"- {re.escape(option)} +# {index} = {'ABCD'[index]}\n", block)
    cloze = first(deck, "cloze", id="s0-p1-t1-cloze")
    assert "text: 办公室工作的好与坏，体现着一个单位的工作水平和{{c1::整体素质}}。" in text
    assert cloze.source in text


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
    cloze = first(deck, "cloze", id="s0-p1-t1-cloze")
    choice = first(deck, "choice")
    weak = first(deck, "judge")
    paused = first(deck, "multi")
    wrong_option = choice.options[1]
    text = review_file.read_text(encoding="utf-8")
    text = edit_item(text, cloze.id, "一个单位的工作水平", "一个单位的管理水平")
    text = edit_item(text, choice.id, f"- {wrong_option} ", "- 勤俭节约，量入为出 ")
    text = delete_item(text, weak.id)
    text = edit_item(text, paused.id, "enabled: true", "enabled: false")
    review_file.write_text(text, encoding="utf-8")

    first_build = anki.write_apkg(review.load_review(review_file), tmp_path / "v1" / "deck.apkg")
    col = open_collection(tmp_path / "col")
    try:
        summary = import_apkg(col, first_build)
        assert summary.new == len(deck.items) - 2 == col.note_count()
        rendered = {c.guid: c for c in cards(col)}
        assert anki.note_guid(weak) not in rendered and anki.note_guid(paused) not in rendered
        cloze_card = rendered[anki.note_guid(cloze)]
        assert "一个单位的管理水平" in strip_html(cloze_card.question)
        assert 'data-cloze="整体素质"' in cloze_card.question
        front = strip_html(rendered[anki.note_guid(choice)].question)
        assert "B. 勤俭节约，量入为出" in front and wrong_option not in front
        before = review_card(col, cloze_card.card_id)

        # next round: fix another word and rebuild; the notes update in place
        time.sleep(1.1)  # Anki updates a note only when the package is at least 1 s newer
        text = edit_item(text, cloze.id, "体现着", "反映着")
        review_file.write_text(text, encoding="utf-8")
        second_build = anki.write_apkg(review.load_review(review_file), tmp_path / "v2" / "deck.apkg")
        summary = import_apkg(col, second_build)
        assert summary.new == 0
        assert summary.updated == col.note_count() == len(deck.items) - 2
        assert "反映着一个单位的管理水平" in col.get_note(cloze_card.note_id)["Text"]
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


def test_reextract_merges_into_the_trainers_file(review_file):
    text = review_file.read_text(encoding="utf-8")
    text = edit_item(text, "s0-p1-t1-cloze", "{{c1::整体素质}}", "{{c1::综合素质}}")
    text = edit_item(text, "s2-p1-t1-cloze", "二是", "第二是")  # edited, source unchanged
    text = delete_item(text, "s4-p2-t6-cloze")  # 办公室的另一个名称叫“不管部”… (weak)
    text = edit_item(text, "s4-list1-cloze", "enabled: true", "enabled: false")
    text = text.replace("  - id: s4-list1-cloze\n", "  # 这一题很重要\n  - id: s4-list1-cloze\n")
    review_file.write_text(text, encoding="utf-8")
    edited = review_file.read_text(encoding="utf-8")

    report = review.extract(make_deck([changed_article()]), review_file)
    merged = review_file.read_text(encoding="utf-8")
    assert report.summary().startswith(f"updated {review_file} (")
    # unchanged source: the trainer's edits, comment and disabled flag are all still there
    assert "s2-p1-t1-cloze" in report.edited
    assert "第二是" in merged and "# 这一题很重要\n  - id: s4-list1-cloze\n" in merged
    start, end = block_span(merged, "s4-list1-cloze")
    assert "enabled: false" in merged[start:end] and "status" not in merged[start:end]
    # source changed, not edited: replaced and marked
    assert "s3-p2-t1-cloze" in report.updated
    start, end = block_span(merged, "s3-p2-t1-cloze")
    assert "status: updated" in merged[start:end] and "一项重要职能" in merged[start:end]
    # source changed and edited: the trainer's version is kept, the new one shown beside it
    assert report.conflicts == ["s0-p1-t1-cloze"]
    start, end = block_span(merged, "s0-p1-t1-cloze")
    block = merged[start:end]
    assert "status: conflict" in block and "{{c1::综合素质}}" in block
    assert "generated:" in block and "{{c1::精神面貌}}" in block
    # a new sentence: a new item, marked
    new_id = next(i for i in report.new if "cloze" in i)
    start, end = block_span(merged, new_id)
    assert "status: new" in merged[start:end] and "耐心是{{c1::一种美德}}" in merged[start:end]
    # a sentence gone: its items are kept, disabled, and reported
    assert "s4-p2-t1-cloze" in report.removed
    start, end = block_span(merged, "s4-p2-t1-cloze")
    assert "status: removed" in merged[start:end] and "enabled: false" in merged[start:end]
    # the deleted item stays deleted although its sentence moved (now the 5th, not the 6th)
    assert report.deleted == ["s4-p2-t6-cloze"] and "{{c1::不管部" not in merged
    # the sentences after the removed one moved up, but keep their ids (and so their notes)
    start, end = block_span(merged, "s4-p2-t4-cloze")
    assert "若{{c2::粗心大意}}" in merged[start:end] and "status" not in merged[start:end]
    assert len(set(re.findall(r"^  - id: (\S+)$", merged, re.M))) == report.items

    # a second extract of the same article changes nothing the trainer wrote
    again = review.extract(make_deck([changed_article()]), review_file)
    assert not (again.new or again.updated)
    assert again.conflicts == ["s0-p1-t1-cloze"]  # still waiting for the trainer
    assert again.deleted == ["s4-p2-t6-cloze"]  # still not re-added
    stable = review_file.read_text(encoding="utf-8")
    assert stable == re.sub(r"    status: (new|updated)\n", "", merged)
    assert edited != stable

    built = review.load_review(review_file)
    ids = {i.id for i in built.items}
    assert "s4-p2-t1-cloze" not in ids and "s4-list1-cloze" not in ids and new_id in ids


def test_resolving_a_conflict_and_a_source_coming_back(review_file):
    text = edit_item(review_file.read_text(encoding="utf-8"), "s0-p1-t1-cloze", "整体素质", "综合素质")
    review_file.write_text(text, encoding="utf-8")
    review.extract(make_deck([changed_article()]), review_file)
    # the trainer takes the new wording and deletes status/generated: their version from now on
    text = review_file.read_text(encoding="utf-8")
    text = edit_item(text, "s0-p1-t1-cloze", "{{c1::综合素质}}", "{{c1::精神面貌}}")
    start, end = block_span(text, "s0-p1-t1-cloze")
    block = re.sub(r"    status: conflict\n    generated:\n(      .*\n)+", "", text[start:end])
    review_file.write_text(text[:start] + block + text[end:], encoding="utf-8")
    report = review.extract(make_deck([changed_article()]), review_file)
    assert "s0-p1-t1-cloze" in report.edited and not report.conflicts
    assert "{{c1::精神面貌}}" in review_file.read_text(encoding="utf-8")
    # the original article again: the removed items come back, enabled
    report = review.extract(make_deck([sample()]), review_file)
    assert "s4-p2-t1-cloze" in report.restored
    text = review_file.read_text(encoding="utf-8")
    start, end = block_span(text, "s4-p2-t1-cloze")
    assert "status: restored" in text[start:end] and "enabled: true" in text[start:end]


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
    text = review_file.read_text(encoding="utf-8")
    start, end = block_span(text, "s0-p1-t1-cloze")
    broken = text[:end] + "\n" + text[start:end] + text[end:]
    review_file.write_text(broken, encoding="utf-8")
    with pytest.raises(InputError, match=r"item s0-p1-t1-cloze: duplicate id .*fix it before"):
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
                              "range (4 options) (and 1 more")
    assert "a choice item has exactly one correct answer, not 2 (use kind: multi for several)" in \
        [p.message for p in review.check_review(review_file)]


def test_single_answer_out_of_range_is_the_only_problem(deck, review_file):
    choice = first(deck, "choice")
    old = f"answer: [{choice.answer[0]}]"
    message, text = broken(review_file, lambda t: edit_item(t, choice.id, old, "answer: [5]"))
    line = line_of(text, "answer: [5]", after=f"- id: {choice.id}\n")
    assert message == (f"{review_file}:{line}: item {choice.id}: answer index 5 is out of range "
                       "(4 options)")


@pytest.mark.parametrize("name, edit, needle, expected", [
    ("unknown kind",
     lambda t: edit_item(t, "s0-p1-t1-cloze", "kind: cloze", "kind: choise"), "kind: choise",
     "item s0-p1-t1-cloze: unknown kind 'choise' (expected cloze, choice, multi or judge)"),
    ("empty cloze",
     lambda t: edit_item(t, "s0-p1-t1-cloze", "{{c1::整体素质}}", "整体素质"), "工作水平和整体素质。",
     "item s0-p1-t1-cloze: empty cloze: the text has no deletion; mark the answer as {{c1::答案}}"),
    ("empty deletion",
     lambda t: edit_item(t, "s0-p1-t1-cloze", "{{c1::整体素质}}", "{{c1::}}"), "{{c1::}}",
     "item s0-p1-t1-cloze: empty cloze deletion {{cN::}}: write the answer after ::"),
    ("unclosed deletion",
     lambda t: edit_item(t, "s0-p1-t1-cloze", "{{c1::整体素质}}", "{{c1::整体素质}"), "{{c1::整体素质}",
     "item s0-p1-t1-cloze: malformed cloze deletion: write {{c1::答案}} or {{c1::答案::提示}}"),
    ("enabled typed as no",
     lambda t: edit_item(t, "s0-p1-t1-cloze", "enabled: true", "enabled: no"), "enabled: no",
     "item s0-p1-t1-cloze: enabled must be true or false, not 'no'"),
    ("judge answer as text",
     lambda t: re.sub(r"(- id: s1-p1-t1-headings-ord1-judge-true\n(?:    .*\n)*?)    answer: true",
                      r"\1    answer: 对", t), "answer: 对",
     "item s1-p1-t1-headings-ord1-judge-true: answer must be true or false for a judge item, not '对'"),
])
def test_broken_edit_is_reported_with_its_line(review_file, name, edit, needle, expected):
    message, text = broken(review_file, edit)
    assert message == f"{review_file}:{line_of(text, needle)}: {expected}", name


def test_missing_field_is_reported_at_the_item(deck, review_file):
    choice = first(deck, "choice")
    message, text = broken(review_file, lambda t: re.sub(
        rf"(- id: {choice.id}\n(?:    .*\n)*?)    question: .*\n", r"\1", t))
    assert message == f"{review_file}:{line_of(text, f'- id: {choice.id}') }: item {choice.id}: " \
                      "missing field question"


def test_duplicate_id_points_at_both_copies(review_file):
    def duplicate(text):
        start, end = block_span(text, "s0-p1-t1-cloze")
        return text[:end] + "\n" + text[start:end] + text[end:]

    message, text = broken(review_file, duplicate)
    first_line = line_of(text, "- id: s0-p1-t1-cloze")
    second_line = line_of(text, "- id: s0-p1-t1-cloze", after="一个单位的工作水平和{{c1::整体素质}}")
    assert message == (f"{review_file}:{second_line}: item s0-p1-t1-cloze: duplicate id "
                       f"(also at line {first_line})")


def test_yaml_syntax_error_names_the_line(review_file):
    def unclosed_quote(text):
        return edit_item(text, "s0-p1-t1-cloze", "text: 办公室工作的好与坏", 'text: "办公室工作的好与坏')

    message, text = broken(review_file, unclosed_quote)
    line = line_of(text, 'text: "办公室')
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


def test_a_disabled_item_may_be_unfinished(review_file):
    text = edit_item(review_file.read_text(encoding="utf-8"), "s0-p1-t1-cloze", "enabled: true",
                     "enabled: false")
    text = edit_item(text, "s0-p1-t1-cloze", "{{c1::整体素质}}", "整体素质（待改）")
    review_file.write_text(text, encoding="utf-8")
    assert review.check_review(review_file) == []
    assert "s0-p1-t1-cloze" not in {i.id for i in review.load_review(review_file).items}


def test_not_a_review_file(tmp_path):
    path = tmp_path / "notes.yaml"
    path.write_text("- 一\n- 二\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"notes.yaml:1: not a quizgen review file"):
        review.load_review(path)
    with pytest.raises(InputError, match="no such file"):
        review.load_review(tmp_path / "missing.yaml")
