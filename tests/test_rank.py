"""The rank stage: items mended where they can be, refused with a reason where they cannot,
scored by the shipped model and selected under a budget (issues 12 and 13)."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections import Counter
from dataclasses import replace

import pytest

from quizgen.build import BuildOptions, build_batch, document_items, make_deck, process
from quizgen import itemchecks
from quizgen.export import anki
from quizgen.lang import markup
from quizgen.generate import generate
from quizgen.ingest.read import read_source, sample
from quizgen.items import Choice, Cloze, Judge
from quizgen.model import Source
from quizgen.rank import Budget, rank
from quizgen.rank.features import DocumentFacts
from quizgen.rank.cuts import whole_compounds
from quizgen.rank.repair import repair
from quizgen.rank.score import model, score_items
from quizgen.rank.select import select

from conftest import DATA


def cloze(text: str, source: str = "", section: str = "一、总则", tags=()) -> Cloze:
    return Cloze(id="s1-p1-t1-cloze", section=section, source=source, text=text, tags=list(tags))


def codes(item) -> list[str]:
    return [r.code for r in item.quality()]


@pytest.fixture(scope="module")
def sample_doc():
    return process(sample())


# --- the model and the budget ---------------------------------------------------


def test_the_model_file_loads_and_scores_deterministically(sample_doc):
    assert model().weights and set(model().weights) == set(model().means)
    first, second = generate(sample_doc), generate(sample_doc)
    score_items(first, DocumentFacts(sample_doc))
    score_items(second, DocumentFacts(sample_doc))
    assert [i.score for i in first] == [i.score for i in second]
    assert all(0 <= i.score <= 1 for i in first) and len({i.score for i in first}) > 20


def test_the_sample_keeps_50_to_100_cards_and_all_keeps_every_candidate(sample_doc):
    candidates = generate(sample_doc)
    chosen = rank(sample_doc, generate(sample_doc))
    assert 50 <= sum(i.cards for i in chosen.kept) <= 100
    assert set(Counter(i.kind for i in chosen.kept)) == {"cloze", "choice", "multi", "judge"}
    everything = rank(sample_doc, generate(sample_doc), Budget(keep_all=True))
    assert [i.id for i in everything.kept] == [i.id for i in candidates]
    assert all(i.score is not None for i in everything.kept)
    small = rank(sample_doc, generate(sample_doc), Budget(cards=20))
    assert 15 <= sum(i.cards for i in small.kept) <= 20


def test_the_sample_asks_its_annotated_key_phrases(sample_doc):
    # issue 12's target is all 48; 45 are asked (积极协调，真督实查 and 想领导之所想、想领导之应想、想领导之未想 came
    # back with whole frames and formulas, f5d647c..): a selection that loses more is a regression
    from quizgen.itemchecks import bare

    annotated = json.loads((DATA / "office-work.keyphrases.json").read_text(encoding="utf-8"))["key_phrases"]
    kept = rank(sample_doc, generate(sample_doc)).kept
    groups = [{bare(a) for a in item.answers()} for item in kept]
    answers = set().union(*groups)

    def asked(spellings: list[str]) -> bool:
        members = [[bare(m) for m in re.split(r"[、，,；;]", s) if bare(m)] for s in spellings]
        return any(bare(s) in answers for s in spellings) or any(
            len(m) >= 2 and any(set(m) <= group for group in groups) for m in members)

    missing = [kp["accept"][0] for kp in annotated if not asked(kp["accept"])]
    assert len(annotated) == 48 and len(missing) <= 3, missing


def test_every_section_is_asked_and_no_sentence_twice_in_one_form(sample_doc):
    kept = rank(sample_doc, generate(sample_doc)).kept
    # every section with text under it (the sample's 五 is a bare heading)
    asked = {s.title for s in sample_doc.sections
             if any(t.section == s.index and not (s.heading and s.heading in t.text) for t in sample_doc.sentences)}
    assert {i.section for i in kept} == asked and len(asked) == 5
    clozes = Counter(i.source for i in kept if isinstance(i, Cloze) and "-list" not in i.id)  # a list note may add one
    questions = Counter(i.source for i in kept if not isinstance(i, Cloze))
    assert max(clozes.values()) == 1 and max(questions.values()) == 1


def test_the_selection_is_stable_under_a_rebuild_and_a_small_edit(tmp_path):
    options = BuildOptions(formats=("json",), jobs=1)
    text = sample().text
    (tmp_path / "办公室工作.txt").write_text(text, encoding="utf-8")
    build_batch([tmp_path / "办公室工作.txt"], tmp_path / "a", options)
    build_batch([tmp_path / "办公室工作.txt"], tmp_path / "b", options)
    a, b = (json.loads((tmp_path / d / "办公室工作.json").read_text(encoding="utf-8")) for d in "ab")
    assert a["items"] == b["items"]
    (tmp_path / "办公室工作.txt").write_text(text.replace("一项要职能", "一项重要职能"), encoding="utf-8")
    result = build_batch([tmp_path / "办公室工作.txt"], tmp_path / "a", options)
    c = json.loads((tmp_path / "a" / "办公室工作.json").read_text(encoding="utf-8"))
    kept = {i["id"] for i in a["items"]} & {i["id"] for i in c["items"]}
    assert len(kept) >= 0.85 * len(a["items"]), result.changes


def test_json_and_verbose_report_scores_and_what_the_selection_dropped(tmp_path):
    env_run = [sys.executable, "-m", "quizgen", "build", "-f", "json", "-o", str(tmp_path), "-v"]
    result = subprocess.run(env_run, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert "candidates" in result.stderr and "rejected:" in result.stderr and "position" in result.stderr
    data = json.loads((tmp_path / "办公室工作.json").read_text(encoding="utf-8"))
    assert all(0 <= i["score"] <= 1 for i in data["items"])
    selection = data["documents"][0]["selection"]
    assert selection["candidates"] > selection["kept"] == len(data["items"])
    assert sum(selection["rejected"].values()) > 0


# --- one test per defect class (issue 12) -----------------------------------------------


def test_subject_a_list_item_gets_its_lead_and_a_bare_reference_is_refused():
    text = ("有下列情形之一的，可以不予受理：\n（一）投诉事项不属于本部门职责的；\n（二）超过三年投诉时效的。\n"
            "其处理结果应当在十个工作日内告知投诉人。\n")
    doc = process(Source("规定", text))
    mended, dropped = repair(generate(doc), DocumentFacts(doc))
    for item in mended:
        front = item.text if isinstance(item, Cloze) else getattr(item, "question", "") or item.statement
        if "超过三年" in item.source and not isinstance(item, Cloze):
            assert front.startswith("有下列情形之一的"), front  # the lead comes with the item
    assert not any(isinstance(i, Cloze) and i.source.startswith("（二）") for i in mended)
    assert cloze("其{{c1::处理结果}}应当告知投诉人。").quality()[0].code == "back-reference"
    assert "back-reference" in [r.code for r in Choice(id="q", section="", question="但最长不超过（　　）。",
                                                            options=["1天", "2天"], answer=[0]).quality()]


def test_subject_the_sentence_opening_is_never_the_blank(sample_doc):
    source = "做好办公室工作，应该具备“四心”：一是责任心；二是细心；三是耐心；四是平常心。"
    item = cloze("{{c1::做好办公室工作}}，应该具备“{{c2::四心}}”：一是{{c3::责任心}}。", source=source)
    (mended,), _ = repair([item], DocumentFacts(sample_doc))
    assert mended.text.startswith("做好办公室工作，应该具备“{{c1::四心}}”") and "{{c2::责任心}}" in mended.text


def test_leak_the_section_line_is_shown_on_the_back_only():
    item = cloze("做好办公室工作要{{c1::突出重点}}。", section="一、突出重点，分清主次")
    deck = make_deck([sample()])
    field = anki.section_field(deck, item)
    assert field.startswith('<span class="qz-leak">') and "突出重点" in field
    css = anki.template("anki/card.css")
    assert ".qz-leak { display: none; }" in css and ".qz-reveal .qz-leak" in css
    other = cloze("做好办公室工作要{{c1::分清主次}}。", section="二、着眼全局")
    assert not other.hides_section(other.section)
    # half given: under 三、保密要求, 签订［保密协议］ (office58, judged leak); words the note shows anyway
    # give nothing away (协调包括［对上协调］ under 三、积极协调)
    half = cloze("必要时要求对方签订{{c1::保密协议}}。", section="三、保密要求")
    assert half.hides_section(half.section)
    shown = cloze("协调包括{{c1::对上协调}}、平级协调。", section="三、积极协调，促进和谐")
    assert not shown.hides_section(shown.section)


def test_leak_one_question_never_answers_another_on_the_paper(sample_doc):
    kept = [i for i in rank(sample_doc, generate(sample_doc)).kept if not isinstance(i, Cloze)]
    stems = [(i.id, getattr(i, "question", "") or getattr(i, "statement", "")) for i in kept]
    for item in kept:
        for answer in item.answers():
            if len(answer) >= 3:
                assert not [sid for sid, stem in stems if sid != item.id and answer in stem], (item.id, answer)


def test_cut_a_blank_that_cuts_a_key_phrase_or_wraps_a_clause_around_one_goes(sample_doc):
    facts = DocumentFacts(sample_doc)
    for text, source in (("对下{{c1::协调要在关爱上下功夫}}。", "对下协调要在关爱上下功夫。"),
                         ("办公室的另{{c1::一个名称叫“不管部”}}，就该由办公室去做。", "办公室的另一个名称叫“不管部”，就该由办公室去做。")):
        mended, dropped = repair([cloze(text, source=source)], facts)
        assert not mended and dropped == {"no-good-blank": 1}, mended


@pytest.mark.parametrize(("text", "code"), [
    ("要强化为民办事意识，{{c1::做到深入基层}}{{c2::了解基层}}。", "cut-word"),
    ("试用期不得超过{{c1::6}}个月。", "number-without-unit"),
    ("这个问题{{c1::众所周知}}。", "stop-blank"),
    ("{{c1::这就是我们通常说}}的：端平。", "stop-blank"),
    # rules the text refers to and does not state (of 26 judged notes with such a blank, 1 kept)
    ("赃物或者有赃物嫌疑的物品经查明确属赃物的，依照{{c1::国家有关规定处理}}。", "stop-blank"),
    ("地方性法规应当{{c1::明确规定}}施行日期。", "stop-blank"),
    ("要{{c1::全面、完整、准确地理解和把握领导的意图}}。", "long-blank"),
    # fresh documents: a 9-character clause blanked was kept once in seven
    ("县乡公路养护用地，由{{c1::当地人民政府依法统筹解决}}，保证养护需要。", "long-blank"),
    ("{{c1::甲}}{{c2::乙}}{{c3::丙}}{{c4::丁}}{{c5::戊}}{{c6::己}}。", "too-many-blanks"),
    ("第三十六条 {{c1::机关}}、单位应当立即采取补救措施。", "half-list"),
    ("要坚持{{c1::保障}}和改善民生。", "half-list"),
    ("防止发生生产{{c1::安全事故}}。", "cut-compound"),
    ("要做好{{c1::档案}}工作。", "cut-compound"),
    ("违反本规定{{c1::第十条}}、{{c2::第十一条}}规定的，责令改正。", "markup"),  # article numbers are no answers
    # judged on the test split: the modifier of the first word left out, a clause's 时 taken in
    ("仅受到通报批评或者较{{c1::低数额罚款}}的行政处罚信息停止公示。", "cut-word"),
    ("但部分地区生产安全重{{c1::特大事故}}仍然时有发生。", "cut-word"),
    ("积极运用大{{c1::数据}}、{{c2::云计算}}等新技术。", "cut-word"),
    ("即上午9：00-10：{{c1::30期}}间打卡均可。", "cut-word"),  # gen60: inside a time of day
    ("该自然人请求信息处理者承担{{c1::违约责任时}}，请求删除人脸信息的，人民法院依法予以支持。", "cut-word"),
    # a preposition, a conjunction or a light verb of its own at the edge: still refused
    ("档案{{c1::由县级以上档案主管部门}}统一管理。", "cut-word"),
    ("对直接责任人员{{c1::给予处分}}。", "cut-word"),
    ("{{c1::或者其他单位}}提出申请。", "cut-word"),
    ("网格员可以{{c1::由村党组织}}成员担任。", "cut-word"),  # 由村 is no word, whatever the segmenter says
    # fresh24 (held out): the manner of a duty blanked with it ([及时补缴], [及时更新]: 6 of 8 judged not kept)
    ("逾期未足额拨缴工会经费的，应当{{c1::及时补缴}}。", "stop-blank"),
    ("有关单位应当{{c1::如实提供}}。", "stop-blank"),
    ("城市公共交通企业应当合理安排驾驶员工作时间，{{c1::防止疲劳驾驶}}。", "stop-blank"),
    # fresh25 (held out): the referral every regulation ends its penalties with (2 judged, both discarded)
    ("法律、行政法规已经规定法律责任的，{{c1::适用其规定}}。", "stop-blank"),
    ("法律、法规另有规定的，{{c1::从其规定}}。", "stop-blank"),
    ("刑事案件中有关民事赔偿的生效判决的相互认可和执行，{{c1::亦适用《内地与香港特别行政区法院相互认可和执行民商事案件判决的安排》}}。",
     "stop-blank"),
])
def test_cut_blanks_a_trainer_would_delete_are_refused(text, code):
    assert code in codes(cloze(text))


@pytest.mark.parametrize("text", [
    "安置协议{{c1::合法有效}}，被告应当交付房屋。",  # a predicate after its subject, not a compound
    "办公室工作{{c1::千头万绪}}，纷繁复杂。",
    "一、廉洁自律；二、{{c1::本分、诚信}}；三、公平、公正。",  # 二、 is a list marker, not a list
    "档案由{{c1::机关}}、{{c2::单位}}分别保管。",  # the pair blanked whole
    "职工连续工作满{{c1::12个月以上}}的，享受带薪年休假。",  # the operator of a figure
    "会议场地钥匙使用结束后，须{{c1::当即归还}}。",  # an adverb of the clause
    "仅受到{{c1::较低数额罚款}}的行政处罚信息停止公示。",
    "情节严重的，处{{c1::10万元以上50万元以下}}的罚款。",  # a figure may be longer than a phrase
    # a word that opens with a preposition's or ends with a particle's character is no edge of
    # a phrase (the sample's 三要[及时反馈] was refused for its 及)
    "准确提供决策依据；三要{{c1::及时反馈}}。",
    "人民法院应当通知{{c1::被告人}}到庭。",
    "任何单位不得擅自占用{{c1::集体土地}}。",
    "坚持{{c1::男女平等}}的基本国策。",
])
def test_cut_whole_words_and_whole_lists_are_not_refused(text):
    assert not {"half-list", "cut-compound", "cut-word"} & set(codes(cloze(text)))


def test_a_whole_list_item_naming_unstated_rules_is_still_asked():
    # fresh17 (held out): (一)[企业规模达到国家规定的要求]；(二)[企业财务会计制度符合国家规定] was kept; as a
    # sentence's blank, [国家规定纳税] was discarded
    from quizgen import itemchecks

    item = markup.parse("企业发行企业债券必须符合下列条件：（一）{{c1::企业规模达到国家规定的要求}}；"
                        "（二）{{c2::企业财务会计制度符合国家规定}}；（三）{{c3::具有偿债能力}}。")
    assert "stop-blank" not in itemchecks.blank_problems(item, 1, whole_items=True)
    assert "stop-blank" in codes(cloze("单位和个人所得的企业债券利息收入，按照{{c1::国家规定纳税}}。"))


def test_cut_a_blank_that_is_one_noun_of_a_compound_takes_the_whole_compound():
    parts = markup.parse("生产经营单位应当防止发生生产{{c1::安全事故}}。")
    assert markup.to_markup(whole_compounds(parts)) == "生产经营单位应当防止发生{{c1::生产安全事故}}。"


def test_cut_a_note_keeps_its_good_blanks_and_loses_the_bad_ones():
    text = "兰州铁路运输法院一审认为，安置协议合法有效，被告应当在判决生效后十日内交付三套房屋。"
    doc = process(Source("判决", text))
    item = cloze("兰州铁路运输法院一审认为，安置协议{{c1::合法有效}}，被告应当{{c2::在判决生效后}}"
                 "{{c3::十日内}}交付{{c4::三套}}房屋。", source=doc.sentences[0].text, section=doc.sections[0].title)
    (mended,), _ = repair([item], DocumentFacts(doc))
    # of two blanks with nothing between them (在判决生效后|十日内), the one the blank score
    # refuses goes first, and the other is judged without it: the deadline stays a blank
    assert mended.text == ("兰州铁路运输法院一审认为，安置协议合法有效，被告应当在判决生效后{{c1::十日内}}交付"
                           "{{c2::三套}}房屋。")


def test_markup_the_documents_title_is_asked_in_no_form():
    # gen58 (held-out work report): CnPack开发组（　　）下半年度工作总结。 — the title line asked for its year
    text = ("CnPack开发组2008年下半年度工作总结\n"
            "CnPack 在 2008 年下半年取得的主要成绩如下：发布了3个正式版本，新增用户九千名。\n"
            "开发组共有成员12人，其中核心成员5人。\n")
    title = "CnPack开发组2008年下半年度工作总结"
    assert [i for i in generate(process(Source("总结", text))) if i.source == title]  # it was asked
    assert not [i for i in _kept(text, "总结") if i.source == title]


def test_trivial_an_example_is_not_asked_what_it_illustrates_is():
    # gen58 (held-out speech): 例如，一位被［宝钢集团］录用的同学，在校读书时［4年］期间… — anecdote trivia
    text = ("开学典礼发言稿\n要尽可能参加各类与学业相关的课外活动，使所学的知识尽快和实际应用结合起来。"
            "例如，一位被宝钢集团录用的同学，在校读书时4年期间一直在家自学实际应用。\n")
    example = "例如，一位被宝钢集团录用的同学，在校读书时4年期间一直在家自学实际应用。"
    made = [i for i in generate(process(Source("发言稿", text))) if i.source == example]
    assert made and all("example" in [r.code for r in i.quality()] for i in made)
    assert not [i for i in _kept(text, "发言稿") if i.source == example]
    assert "example" in codes(cloze("比如{{c1::军事指挥员}}，他们要和士兵讲话。", source="比如军事指挥员，他们要和士兵讲话。"))


def test_subject_the_speakers_own_voice_is_not_asked():
    # office57–59 (news and speeches): 我会以身作则，…［用实际行动做表率］ — "a personal pledge of an unnamed 我";
    # 1 of 22 judged items told in the first person singular kept
    text = ("党代会学习体会\n段第三次党代会隆重召开，高铁二队党总支组织党员认真学习会议精神。"
            "在今后的工作中，我会以身作则，对照合格党员的标准，用实际行动做表率。"
            "高铁二队要求党员严格落实党建工作各项要求，做到不忘初心、牢记使命。\n")
    pledge = "在今后的工作中，我会以身作则，对照合格党员的标准，用实际行动做表率。"
    made = [i for i in generate(process(Source("体会", text))) if i.source == pledge]
    assert made and all("first-person" in [r.code for r in i.quality()] for i in made)
    kept = _kept(text, "体会")
    assert kept and not [i for i in kept if i.source == pledge]
    # we all (我们), our Party, our country, a quoted “我” and 自我 are no speaker's voice
    for said in ("这就是我们通常说的：上面端平，下面抹平。", "我国境内的单位应当遵守本法。", "文章中不能出现“我”的说法。",
                 "要开展批评和自我批评。"):
        assert not itemchecks.speaks_for_oneself(said), said
    assert itemchecks.speaks_for_oneself("我班组根据车队多项培训进行探讨总结。")


def test_subject_a_connective_that_ties_a_sentence_to_the_one_before_is_not_shown():
    # office59 (held out): 其次，每年的十一黄金周… — "the stem opens with an unresolved 其次"; the sample's
    # paper had 所以对单位作出的决定，…必须带头认真贯彻执行。
    text = ("做好节日服务\n首先，列车要严格落实二次安检查危制度。其次，每年的十一黄金周都是客流高峰，"
            "列车长要提前组织5次应急演练。所以对单位作出的决定，必须带头认真贯彻执行。\n")
    kept = _kept(text, "服务")
    fronts = [getattr(i, "text", "") or getattr(i, "question", "") or getattr(i, "statement", "") for i in kept]
    assert fronts and any("应急演练" in f for f in fronts) and any("安检查危" in f for f in fronts)
    assert not [f for f in fronts if re.match(r"^(?:首先|其次|所以)", f)], fronts
    # office59: 她说，大力发展现代远程教育是中央的重要［战略部署］ — "an unresolved 她说"; gen58: a survey's
    # lettered options (A.［大失所望］，弃之如履) were shown with their letters
    from quizgen.lang.markers import unmarked

    assert unmarked("她说，大力发展现代远程教育是中央的重要战略部署。") == "大力发展现代远程教育是中央的重要战略部署。"
    assert unmarked("B.总结并不全面，计划经常落空。") == "总结并不全面，计划经常落空。"
    assert unmarked("A股市场交易规则。") == "A股市场交易规则。"
    # gen60 (held out): 他构建了公司强大的数据中台… — "他 is unresolved; name the CTO 赵启明": a sentence opening
    # with 他/她 is shown after the one that names its person, or not made; 他人 is anyone
    from quizgen.lang.markers import opens_with_reference

    assert opens_with_reference("他构建了公司强大的数据中台。") and opens_with_reference("她强调本次会议主题鲜明。")
    assert not opens_with_reference("他人不得擅自使用公司印章。")


def test_subject_the_organisation_a_text_speaks_for_is_named_or_the_item_goes():
    # office59 (held out): 我校自（　　）获教育部批准… — "worth asking, but 我校 should be named as 华中师范大学"
    from quizgen.rank.names import named as _named

    item = Judge(id="s1-p1-t1-judge", section="引言", source="", statement="我校自2003年获教育部批准开展现代远程教育试点工作。",
                 answer=True)
    opening = ["7月26日，华中师范大学现代远程教育学习中心工作会议在武昌隆重召开。"]
    assert _named(item, "学习中心工作会议召开", opening).statement.startswith("华中师范大学自2003年")
    assert _named(item, "华中师范大学网络教育十年总结").statement.startswith("华中师范大学自")
    # a request to a college is no college's name; a school named nowhere leaves 我校, which the checks refuse
    assert _named(item, "工作会议召开", ["要求学院进一步规范办学。"]).statement.startswith("我校")
    assert "first-person" in [r.code for r in _named(item, "工作会议召开").quality()]
    court = replace(item, statement="一些地方法院就刑法第十二条适用中的几个具体问题向我院请示。")
    assert _named(court, "最高人民法院关于适用刑法第十二条几个问题的解释").statement.endswith("向最高人民法院请示。")
    company = replace(item, statement="我们公司的现阶段的任务就是要实现五年发展规划。")
    assert _named(company, "娲石集团2016年度表彰大会").statement.startswith("娲石集团的现阶段")


def test_cut_a_frame_or_a_formula_is_asked_whole_within_a_notes_blanks():
    # the sample: 在贯彻落实中，［积极协调，真督实查］就是重点 lost its blank to the frame's condition
    # ［贯彻落实］, and 想领导之所想、想领导之应想、想领导之未想 lost to 工作状况、外部环境、目标任务
    from quizgen.rank.cuts import numbered

    frame = markup.parse("在重大决策前，{{c1::掌握实情，大胆谏言}}就是重点；在{{c2::贯彻落实}}中，"
                         "{{c3::积极协调，真督实查}}就是重点；在落实后，{{c4::认真总结，及时反馈}}就是重点。")
    kept = numbered(frame, 3, 5, {1: 0.5, 2: 0.47, 3: 0.33, 4: 0.5})
    assert [p.answer for p in kept if isinstance(p, markup.Deletion)] == [
        "掌握实情，大胆谏言", "积极协调，真督实查", "认真总结，及时反馈"]
    lists = markup.parse("要随时掌握单位的整个{{c1::工作状况}}、{{c2::外部环境}}、{{c3::目标任务}}，"
                         "{{c4::想领导之所想}}、{{c5::想领导之应想}}、{{c6::想领导之未想}}。")
    kept = numbered(lists, 3, 5, {1: 0.6, 2: 0.6, 3: 0.6, 4: 0.47, 5: 0.47, 6: 0.47})
    assert [p.answer for p in kept if isinstance(p, markup.Deletion)] == ["想领导之所想", "想领导之应想", "想领导之未想"]
    # a shared head noun is no formula: the better-scored list stays
    plain = markup.parse("改善{{c1::工作条件}}、{{c2::生活条件}}，保障{{c3::试验基地}}、{{c4::实验设施}}、{{c5::办公场所}}。")
    kept = numbered(plain, 3, 5, {1: 0.4, 2: 0.4, 3: 0.6, 4: 0.6, 5: 0.6})
    assert [p.answer for p in kept if isinstance(p, markup.Deletion)] == ["试验基地", "实验设施", "办公场所"]


def test_markup_a_dateline_is_not_asked():
    # office58 (dev): the closing line 二0一四年八月。 became 二0（　　）八月。 A. 八年 B. 一四年 …
    text = "涉密载体保密管理规定\n禁止将涉密载体交由非定点单位处理。\n软盘报废更新周期不长于6个月。\n二0一四年八月。\n"
    doc = process(Source("规定", text))
    mended, dropped = repair(generate(doc), DocumentFacts(doc))
    assert mended and not [i for i in mended if "八月" in i.source]
    assert dropped.get("markup")


def test_markup_headings_article_numbers_and_metadata_are_not_content():
    doc = process(Source("档案法", "第五章 档案信息化建设\n第三十五条 各级人民政府应当将档案信息化纳入信息化发展规划。\n"))
    mended, dropped = repair(generate(doc), DocumentFacts(doc))
    assert not any(isinstance(i, Cloze) and "档案信息化建设" in i.source for i in mended)
    assert all(not (getattr(i, "text", "") or "").startswith("第三十五条") for i in mended)
    assert "markup" in codes(cloze("title: '{{c1::通知}}'"))
    assert "markup" in codes(cloze("《法治政府建设实施纲要（2015—{{c1::2020}}年）》"))


def test_repeat_one_fact_is_asked_once_in_each_form():
    items = [cloze("协调包括{{c1::对上协调}}。", source="协调包括对上协调。"),
             cloze("{{c1::协调}}包括对上协调。", source="协调包括对上协调。"),
             Choice(id="q1", section="一、总则", source="协调包括对上协调。", question="协调包括什么？",
                    options=["对上协调", "组织协调", "会议协调", "文件协调"], answer=[0], score=0.9),
             Judge(id="q2", section="一、总则", source="协调包括对上协调。", statement="协调包括对上协调。",
                   answer=True, score=0.8)]
    items[0].score, items[1].score = 0.7, 0.4
    kept = select(items, 2000).kept
    assert [i.id for i in kept if isinstance(i, Cloze)] == ["s1-p1-t1-cloze"] and len(kept) == 2
    assert kept[0].text.startswith("协调包括{{c1::") and kept[1].id == "q1"


def test_repeat_a_frame_is_asked_once_a_paper_in_each_kind():
    """The sample's paper had four true/false statements of one frame (对上协调要在创新上下功夫,
    平级协调要在落实上下功夫, …): each a sentence of its own, one fact asked member by member."""
    def judge(n: int, member: str, value: str) -> Judge:
        return Judge(id=f"s3-p2-t1-frame1-m{n}-judge-true", section="三、积极协调", source=f"{member}协调要在{value}上下功夫。",
                     statement=f"{member}协调要在{value}上下功夫。", answer=True, score=0.99)
    choice = Choice(id="s3-p2-t1-frame1-m4-choice", section="三、积极协调", source="横向协调要在沟通上下功夫。",
                    question="横向协调要在什么上下功夫？", options=["创新", "落实", "关爱", "沟通"], answer=[3], score=0.9)
    other = Choice(id="s4-p1-t1-term-choice", section="四、注重细节", source="细节决定成败。", question="什么决定成败？",
                   options=["细节", "态度", "能力", "机遇"], answer=[0], score=0.5)
    items = [judge(1, "对上", "创新"), judge(2, "平级", "落实"), judge(3, "对下", "关爱"), choice, other]
    assert [i.id for i in select(items, 2000).kept] == ["s3-p2-t1-frame1-m1-judge-true", "s3-p2-t1-frame1-m4-choice",
                                                       "s4-p1-t1-term-choice"]
    _, kept = document_items(sample())
    frames = Counter((re.match(r".*-frame\d+", i.id).group(), i.kind) for i in kept if "-frame" in i.id)
    assert frames and max(frames.values()) == 1


def test_distractor_of_equal_value_is_refused():
    same = Choice(id="q", section="", question="试用期最长为多久？", options=["8年", "八年", "6年", "5年"], answer=[2])
    assert "same-value-options" in codes(same)
    fine = Choice(id="q", section="", question="试用期最长为多久？", options=["8年", "7年", "6年", "5年"], answer=[2])
    assert "same-value-options" not in codes(fine)


def test_position_true_or_false_by_list_order_alone_is_refused():
    statement = Judge(id="j", section="", source="做好办公室工作，应该具备“四心”：一是责任心；二是细心；三是耐心。",
                      statement="做好办公室工作，应该具备“四心”：三是细心。", answer=False, tags=["swap"])
    assert "position" in codes(statement)
    steps = Judge(id="j", section="", source="办理程序：一是登记，二是审核。",
                  statement="办理程序：二是审核。", answer=True)
    assert "position" not in codes(steps)


def test_check_reports_quality_reasons_as_warnings(tmp_path):
    path = anki.write_apkg(make_deck([sample()], budget=Budget(keep_all=True)), tmp_path / "all.apkg")
    result = subprocess.run([sys.executable, "-m", "quizgen", "check", str(path)], capture_output=True,
                            text=True, check=False)
    assert result.returncode == 0 and "warning: position:" in result.stdout
    assert "quality warning" in result.stdout


# --- rules: what a text requires or forbids, and who answers for it ---------------------

REGULATION = (
    "第一条 为了规范本单位印章的管理，制定本办法。\n"
    "第二条 印章由办公室负责统一管理。\n"
    "第三条 刻制印章，应当经分管领导审核，报单位主要负责人批准。\n"
    "第四条 印章管理人员不得将印章带出办公场所，更不得私自转借他人。\n"
    "第五条 使用印章应当登记，写明用印事由、份数和经办人。\n"
    "第六条 严禁在空白纸张上加盖印章。\n"
    "第七条 合同专用章由法务部保管，人事专用章由人力资源部保管。\n"
    "第八条 印章遗失的，应当立即向保卫处报告。\n"
    "第九条 本办法自2025年1月1日起施行。\n"
)


def test_kinds_a_regulation_gives_true_false_rules_and_who_answers_for_them():
    from quizgen.generate.provisions import rule_of, turned

    rule = rule_of("第四条 印章管理人员不得将印章带出办公场所，更不得私自转借他人。")
    assert rule is not None and rule.statement == "印章管理人员不得将印章带出办公场所"
    assert rule_of("任何单位不得泄露举报人的信息。") is not None  # an object with 的 is no attributive
    assert turned(rule) == "印章管理人员可以将印章带出办公场所"
    assert turned(rule_of("严禁在空白纸张上加盖印章。")) == "允许在空白纸张上加盖印章"
    assert turned(rule_of("使用印章应当登记备案。")) == "使用印章无须登记备案"
    # not rules: a list's lead, a condition, 应 + 当即, a scope
    for sentence in ("任何组织和个人不得有下列行为：", "下列事项应当提交职工代表大会审议：", "不得转借印章的，予以警告。",
                     "对于误收的礼品，应当即返还给送礼人员。", "本市的机关应当遵守本条例。", "国家规定不得归档的材料。"):
        assert rule_of(sentence) is None, sentence
    assert turned(rule_of("任何单位不得在禁止吸烟场所设置吸烟器具。")) == "任何单位可以在禁止吸烟场所设置吸烟器具"
    # a place named by its ban is no rule to turn (fresh34: 在非可以吸烟场所内吸烟, judged garbled)
    civil = process(Source("文明行为促进条例", "第七条 提倡下列文明行为：\n（十）在公共场所文明就餐；\n"
                                                "（十一）在非禁止吸烟场所内吸烟时注意避开他人；\n"
                                                "第十五条 可以将下列行为列入不文明行为重点治理清单：\n（九）随地吐痰；\n"
                                                "（十）在禁止吸烟场所吸烟；\n"))
    statements = [i.statement for i in generate(civil) if isinstance(i, Judge)]
    assert not any("可以吸烟场所" in s for s in statements), statements

    doc = process(Source("印章管理办法", REGULATION))
    items = generate(doc)
    judges = {(i.statement, i.answer) for i in items if isinstance(i, Judge) and "turned" in i.tags}
    assert ("印章管理人员可以将印章带出办公场所。", False) in judges
    assert not any("无须" in statement for statement, _ in judges)  # a duty turned round is false on its face
    # false by another body of the text in the right one's place: 向（保卫处 → 办公室…）报告
    swapped = [i for i in items if isinstance(i, Judge) and "body" in i.tags and "保卫处" in i.source]
    assert swapped and all(not i.answer and "保卫处" not in i.statement and "印章遗失的，应当立即向" in i.statement
                           for i in swapped)
    bodies = [i for i in items if isinstance(i, Choice) and "body" in i.tags]
    assert bodies and all(o in doc.text for i in bodies for o in i.options)  # the text's own bodies
    # organs against organs (部, 处, 办公室), never a person against an organ
    who = next(i for i in bodies if i.options[i.answer[0]] == "保卫处")
    assert "分管领导" not in who.options and "单位主要负责人" not in who.options
    kept = rank(doc, items, Budget()).kept
    assert {i.kind for i in kept} >= {"cloze", "choice", "judge"}


def test_subject_this_rule_is_named_by_the_documents_title():
    doc = process(Source("印章管理办法", REGULATION))
    mended, _ = repair(generate(doc), DocumentFacts(doc))
    fronts = " ".join(getattr(i, "question", "") or getattr(i, "statement", "") or getattr(i, "text", "")
                      for i in mended)
    assert "本办法" not in fronts and "《印章管理办法》" in fronts


def test_subject_a_document_of_a_series_is_named_with_its_number():
    # fresh31, fresh37 (held out): 《…解释》自（　　）起施行 — "names the interpretation without （二）, i.e. a
    # different document with a different effective date"; a date after a title is no part of its name
    from quizgen.rank.names import named as _named

    item = Judge(id="s1-p1-t1-judge", section="第十二条", source="", statement="本解释自2022年12月19日起施行。", answer=True)
    title = "最高人民法院、最高人民检察院关于办理危害生产安全刑事案件适用法律若干问题的解释（二）"
    assert _named(item, title).statement == f"《{title}》自2022年12月19日起施行。"
    assert _named(item, "最高人民法院关于审理民间借贷案件适用法律若干问题的解释(2020-12-29)").statement.startswith(
        "《最高人民法院关于审理民间借贷案件适用法律若干问题的解释》自")
    rules = replace(item, statement="本规则自公布之日起施行。")
    assert _named(rules, "人民检察院刑事诉讼规则（试行）").statement.startswith("《人民检察院刑事诉讼规则（试行）》")


def test_subject_this_city_is_named_by_the_local_rules_title():
    # fresh9 (dev): “本市 is unresolved on the card; write 重庆市”
    from quizgen.rank.names import named as _named

    item = Judge(id="s1-p1-t1-judge", section="第九条", source="", statement="本市各级人民政府组织的宣誓仪式应当在任命通知公布之日起十五个工作日内举行。", answer=True)
    assert _named(item, "重庆市宪法宣誓实施办法").statement.startswith("重庆市各级人民政府")
    # a province's rule names no city, and a title that opens with no place leaves 本市 alone
    assert _named(item, "山东省教育督导条例").statement.startswith("本市")
    assert _named(item, "国务院关于加强市县政府依法行政的决定").statement.startswith("本市")
    market = replace(item, statement="本市场监督管理部门应当公开信息。")
    assert _named(market, "上海市防汛条例").statement.startswith("本市场")


def test_subject_a_rule_named_before_its_own_wording_is_named_too():
    # fresh22/23 (held out): "违反本条例规定 leaves the regulation unnamed" (a penalty article's lead)
    from quizgen.rank.names import named as _named

    item = Judge(id="s1-p1-t1-judge", section="第四十条", source="", statement="违反本条例规定，擅自收购烟叶的，由烟草专卖行政主管部门没收违法所得。", answer=True)
    assert _named(item, "烟草专卖条例").statement.startswith("违反《烟草专卖条例》规定，")
    law = replace(item, statement="本法律援助机构应当及时指派律师。")
    assert _named(law, "法律援助法").statement.startswith("本法律援助机构")
    # fresh25 (held out): 本安排 left unnamed in 15 items of one arrangement (judged "which document?")
    arrangement = replace(item, statement="本安排所称判决包括判决、裁定、调解书。")
    assert _named(arrangement, "关于内地与香港特别行政区法院相互认可和执行民商事案件判决的安排").statement.startswith(
        "《关于内地与香港特别行政区法院相互认可和执行民商事案件判决的安排》所称")


def test_trivial_the_documents_own_topic_is_not_blanked():
    # fresh11–15 (dev): 1 of 16 judged notes blanking a word of the title kept ([集体合同] in
    # 浙江省集体合同条例); fresh16 (held out): of 9 such notes, 1 kept, 5 discarded
    text = "第十条 禁止以“军需”、“军服”、“军品”等用语招揽顾客。\n"

    def blanks(title: str) -> set[str]:
        doc = process(Source(title, text))
        mended, _ = repair(generate(doc), DocumentFacts(doc))
        return {d.answer.strip("“”") for i in mended if isinstance(i, Cloze) for d in markup.deletions(i.text)}

    assert "军服" in blanks("商业广告用语规定") and {"军需", "军品"} <= blanks("商业广告用语规定")
    assert "军服" not in blanks("军服管理条例") and {"军需", "军品"} <= blanks("军服管理条例")
    # fresh28/29: the title's topic with a generic head ("节约用水措施 can be guessed from the regulation's topic")
    facts = DocumentFacts(process(Source("威海市节约用水条例", text)))
    assert facts.in_title("节约用水措施") and facts.in_title("节约用水") and not facts.in_title("用水计划建议")


def test_subject_a_title_named_on_a_cloze_note_is_escaped_as_html():
    doc = process(Source("印章<副本>&档案管理办法", REGULATION))
    mended, _ = repair(generate(doc), DocumentFacts(doc))
    notes = [i.text for i in mended if isinstance(i, Cloze) and "管理办法》" in i.text]
    assert notes and all("《印章&lt;副本&gt;&amp;档案管理办法》" in text for text in notes)
    questions = [i.question for i in mended if isinstance(i, Choice) and "管理办法》" in i.question]
    assert all("《印章<副本>&档案管理办法》" in q for q in questions)  # plain text, escaped where shown


def test_leak_a_quote_is_not_asked_under_a_heading_that_repeats_it():
    from quizgen.generate.sections import _shares_words

    assert _shares_words("一窗办理", "三、推行“一窗办理”服务模式")
    assert not _shares_words("一窗办理", "二、推进乡村振兴")


def test_cut_a_list_note_says_what_the_text_says_or_is_not_made():
    text = ("第二十一条 有下列情形之一的，终止调解：\n（一）投诉人撤回投诉的；\n"
            "（二）投诉人与被投诉人对委托承担检定、检验、检测、鉴定工作的技术机构或者费用承担无法协商一致的；\n"
            "（三）经组织调解，投诉人或者被投诉人明确表示无法达成调解协议的；\n"
            "第二十二条 投诉应当提供下列材料：\n（一）投诉人的姓名、电话号码；\n（二）被投诉人的名称、地址，以及联系方式；\n"
            "（三）具体的投诉请求；\n")
    doc = process(Source("规定", text))
    from quizgen.generate.listnotes import list_notes

    for note in generate(doc, 0, (list_notes,)):
        shown = note.text.replace("{{c", "").replace("}}", "")
        for item in ("经组织调解", "被投诉人的名称"):  # an item is never shown cut short
            if item in shown:
                whole = {"经组织调解": "经组织调解，投诉人或者被投诉人明确表示无法达成调解协议的",
                         "被投诉人的名称": "被投诉人的名称、地址，以及联系方式"}[item]
                assert whole in markup.reveal(note.text), note.text
        numbers = [m for m in ("（一）", "（二）", "（三）") if m in note.text]
        assert numbers == ["（一）", "（二）", "（三）"][:len(numbers)]  # no item left out


def test_kinds_a_list_longer_than_a_note_may_blank_is_asked_in_parts():
    from quizgen.generate.listnotes import list_notes

    duties = ["建立健全保密管理制度", "确定和管理涉密人员", "管理国家秘密载体", "配备保密技术设施设备",
              "开展保密宣传教育", "组织开展保密检查", "协助查处泄密案件"]
    numerals = "一二三四五六七"
    text = "第五条 机关、单位应当履行下列保密工作职责：\n" + "".join(
        f"（{n}）{d}；\n" for n, d in zip(numerals, duties))
    doc = process(Source("保密规定", text))
    notes = generate(doc, 0, (list_notes,))
    assert len(notes) == 2 and len({n.id for n in notes}) == 2
    asked = [d.answer for n in notes for d in markup.parse(n.text) if isinstance(d, markup.Deletion)]
    assert asked == duties  # every duty blanked once, in order, at most five to a note
    assert all("机关、单位应当履行下列保密工作职责：（" in n.text for n in notes)  # each part with its lead
    kept = rank(doc, generate(doc), Budget()).kept
    kept_answers = {a for i in kept if isinstance(i, Cloze) for a in i.answers()}
    assert "协助查处泄密案件" in kept_answers  # the seventh item is asked, not dropped for the first note's sake


@pytest.mark.parametrize("sentence, figure, wrong", [
    ("违反本规定的，处五百元以上五千元以下罚款。", "五百元以上五千元以下", "一千元以上一万元以下"),
    ("职工代表大会须有全体职工代表三分之二以上出席方可召开。", "三分之二以上", "二分之一以上"),
    ("投诉人应当在收到决定之日起十五个工作日内提出复核申请。", "十五个工作日内", "十个工作日内"),
    # fresh13: a rate moved to 三分之一 / 五分之四 beside 万分之三 and 百分之一点二 (judged absurd)
    ("科学技术普及专项经费应占本年度财政预算支出的万分之三以上。", "万分之三以上", "万分之五以上"),
])
def test_distractor_figures_in_chinese_numerals_are_asked_with_values_of_the_same_form(sentence, figure, wrong):
    from quizgen.lang.numerals import FIGURE_RE, chinese_number, parse_number, scaled_chinese_figures

    assert [m.group() for m in FIGURE_RE.finditer(sentence)] == [figure]  # a range is one figure
    assert wrong in scaled_chinese_figures(figure) and figure not in scaled_chinese_figures(figure)
    assert "二百五十元以上二千五百元以下" not in scaled_chinese_figures("五百元以上五千元以下")  # round values only
    doc = process(Source("规定", sentence))
    asked = [i for i in generate(doc) if isinstance(i, Choice) and "figure" in i.tags]
    assert asked and asked[0].options[asked[0].answer[0]] == figure
    assert len(set(asked[0].options)) == 4 and all(parse_number(o[:2]) != 0 for o in asked[0].options)
    for value in (1, 2, 10, 15, 105, 1000, 10000, 15000, 100500):
        assert parse_number(chinese_number(value)) == value


def test_cut_the_blank_score_prefers_a_fact_to_a_filler_and_scores_deterministically():
    from quizgen.rank.blanks import blank_score
    from quizgen.rank.score import load
    from quizgen.rank.blanks import MODEL

    doc = process(Source("规定", REGULATION))
    facts = DocumentFacts(doc)
    assert load(MODEL).weights and load(MODEL) is load(MODEL)
    fact = blank_score("《印章管理办法》自", "2025年1月1日", "起施行。", facts)
    filler = blank_score("但在行政协议履行", "过程中", "，相关情势发生变更。", facts)
    assert fact == blank_score("《印章管理办法》自", "2025年1月1日", "起施行。", facts)
    assert 0 <= filler < fact <= 1


def test_cut_a_body_is_blanked_without_the_verb_of_its_duty():
    doc = process(Source("印章管理办法", REGULATION))
    mended, _ = repair(generate(doc), DocumentFacts(doc))
    answers = {a for i in mended if isinstance(i, Cloze) for a in i.answers()}
    assert not answers & {"法务部保管", "保卫处报告", "分管领导审核"}
    assert answers & {"法务部", "保卫处", "分管领导"}


def test_trivial_the_dates_and_sums_of_a_case_are_not_asked():
    text = ("宁某某遂提起诉讼，请求判令安定区住建局交付房屋。\n"
            "自2019年12月31日起，安定区住建局向宁某某每月支付违约金1006元，当月月底前付清。\n"
            "安定区住建局向宁某某支付违约金84993元，限于判决后10日内履行。\n"
            "行政机关应当在收到申请之日起15日内作出决定。\n")
    doc = process(Source("案例", text))
    kept = rank(doc, generate(doc), Budget(keep_all=False)).kept
    asked = {a for i in kept for a in i.answers()}
    assert not asked & {"2019年12月31日", "1006元", "84993元", "10日内"}
    assert "15日内" in asked  # a rule's deadline is still asked


def test_markup_an_addressee_line_and_a_bare_heading_make_no_note():
    text = ("各省、自治区、直辖市人民政府，国务院各部委、各直属机构：\n"
            "一、廉洁自律\n"
            "采购人员不得接受供应商的礼品和宴请，发现违规行为应当向廉洁督察委员会举报。\n"
            "二、公平公正\n"
            "采购人员应当对所有供应商一视同仁，不得泄露报价信息。\n")
    doc = process(Source("采购人员行为准则", text))
    mended, dropped = repair(generate(doc), DocumentFacts(doc))
    fronts = [i.text for i in mended if isinstance(i, Cloze)]
    assert not any("直辖市" in f for f in fronts)
    assert all(len(markup.reveal(f)) - sum(len(a) for a in markup.parse(f) if isinstance(a, str)) >= 0 for f in fronts)
    for front in fronts:  # every note shows words besides its blanks
        shown = "".join(p for p in markup.parse(front) if isinstance(p, str))
        assert sum("\u4e00" <= c <= "\u9fff" for c in shown) >= 4, front


def test_markup_the_title_line_a_document_opens_with_makes_no_note():
    # judged on the train split (train-41abcea): 企业职工［带薪年休假实施办法］ was discarded
    text = ("企业职工带薪年休假实施办法\n"
            "第一条 为了实施《职工带薪年休假条例》，制定本实施办法。\n"
            "第二条 职工连续工作满12个月以上的，享受带薪年休假。\n")
    doc = process(Source("年休假", text))
    assert any("带薪年休假实施办法" in p.text for p in doc.phrases)  # asked about elsewhere, maybe
    mended, dropped = repair(generate(doc), DocumentFacts(doc))
    assert not [i for i in mended if isinstance(i, Cloze) and i.source.strip() == "企业职工带薪年休假实施办法"]
    assert dropped.get("heading", 0) >= 1
    # a first line that is a sentence is content
    doc = process(Source("年休假", "职工连续工作满12个月以上的，享受带薪年休假。\n年休假天数根据职工累计工作时间确定。\n"))
    mended, _ = repair(generate(doc), DocumentFacts(doc))
    assert any(isinstance(i, Cloze) and i.source.startswith("职工连续工作") for i in mended)


def test_leak_a_blank_whose_twin_the_note_shows_is_not_made():
    from quizgen.rank.repair import _no_twins

    def blanks(text: str) -> list[str]:
        return [p.answer for p in _no_twins(markup.parse(text)) if isinstance(p, markup.Deletion)]

    # each card shows the other blank: 一百人以上 gives 一百人以下 away, and the other way round
    assert blanks("企业职工{{c1::一百人以下}}的建立{{c2::职工大会}}制度；{{c3::一百人以上}}的建立职工代表大会制度。") == ["职工大会"]
    assert blanks("普通员工请假{{c1::三天以内}}由{{c2::部门经理}}审批，三天以上由总经理审批。") == ["部门经理"]
    assert blanks("对路侧停车{{c1::管理体制}}、{{c2::管理模式}}进行完善。") == ["管理体制", "管理模式"]  # siblings
    assert blanks("协调包括{{c1::对上协调}}、{{c2::对下协调}}。") == ["对上协调", "对下协调"]  # a list, asked whole
    doc = process(Source("条例", "第八条 企业职工一百人以下的建立职工大会制度；一百人以上的建立职工代表大会制度。\n"))
    kept = rank(doc, generate(doc), Budget()).kept
    assert not any("一百人以下" in i.answers() for i in kept)


def test_position_a_clause_cut_from_its_sentence_is_no_true_or_false_statement():
    text = ("坚持正确导向。增强“四个意识”，坚定“四个自信”，坚决做到“两个维护”，围绕中心，服务大局，弘扬主旋律，传播正能量。\n"
            "对上协调要在创新上下功夫。\n平级协调要在落实上下功夫。\n对下协调要在关爱上下功夫。\n")
    doc = process(Source("意见", text))
    mended, dropped = repair(generate(doc), DocumentFacts(doc))
    statements = [i.statement for i in mended if isinstance(i, Judge) and "frame" in i.tags]
    assert not any("四个" in s for s in statements)  # 增强“四个自信” alone is neither true nor false
    assert "clause-statement" in dropped


def test_trivial_figures_of_a_case_report_a_date_line_or_a_clause_without_its_violation_are_not_asked():
    from quizgen.lang.numerals import FIGURE_RE

    text = ("## 基本案情\n原告于2021年2月12日到2月15日连续77小时不间断游戏，被告于判决后10日内履行。\n"
            "## 典型意义\n经营者应当在15日内答复消费者的投诉。\n"
            "## 附则\n第三十条 违反本规定第十条、第十一条、第十二条、第十三条规定，情节严重，影响恶劣的，由市场监督管理部门责令改正，"
            "并可以处一万元以上十万元以下罚款。\n二〇〇四年六月十五日\n")
    doc = process(Source("案例", text))
    kept = rank(doc, generate(doc), Budget()).kept
    asked = {a for i in kept for a in i.answers()}
    assert not asked & {"77小时", "10日内", "十五日"}
    assert "15日内" in asked  # the rule the case teaches is asked
    # a fine is asked with the violation it punishes (the whole sentence), never as 并可以处（　　）罚款
    assert not any(isinstance(i, Choice) and i.question.startswith("并") for i in kept)
    assert [m.group() for m in FIGURE_RE.finditer("职工代表占职工总数百分之十五至十")] == ["百分之十五至十"]


@pytest.mark.parametrize("item", [
    # judged on the test split: a list's lead without its items says nothing (下列事项…：。)
    Judge(id="s1-p1-t1-judge", section="第十条", source="下列事项应当向企事业单位工会报告：",
          statement="下列事项应当向企事业单位工会报告，并接受审查监督：。", answer=True),
    Choice(id="s1-p1-t1-choice", section="引言", source="中国共产党百年历史可分为四个阶段：",
           question="中国共产党（　　）历史可分为四个阶段：。", options=["百年", "十年", "28年", "一千年"], answer=[0]),
    Judge(id="s1-p2-t1-judge", section="引言", source="（国家发展改革部门转报）。",
          statement="（国家发展改革部门转报）。", answer=True),  # an aside alone
    Choice(id="s1-p2-t1-choice", section="引言", source="（国家发展改革部门转报）。",
           question="（国家发展改革什么）？", options=["部门转报", "甲", "乙", "丙"], answer=[0]),
])
def test_subject_a_lead_without_its_list_or_an_aside_alone_is_no_question(item):
    assert "fragment" in codes(item)


def test_subject_a_lead_without_its_list_makes_no_note_and_its_list_note_is_still_made():
    text = ("第十二条 下列事项应当向职工代表大会报告，并接受审查监督：\n"
            "（一）职工代表大会审议通过的重要事项落实情况；\n（二）职工代表大会提案办理情况；\n"
            "（三）集体合同和专项集体合同履行情况。\n")
    doc = process(Source("条例", text))
    kept = rank(doc, generate(doc), Budget()).kept
    fronts = [markup.reveal(i.text) for i in kept if isinstance(i, Cloze)]
    assert not [f for f in fronts if f.rstrip().endswith("：")]  # the lead alone
    assert any("提案办理情况" in f and "审查监督" in f for f in fronts)  # the list with its lead
    assert codes(cloze("下列事项应当向职工代表大会报告，并{{c1::接受审查监督}}：")) == ["fragment"]
    # a pair blanked in the lead (tagged an enumeration) is a lead alone all the same (fresh documents)
    assert "fragment" in codes(cloze("公安机关及其{{c1::人民警察}}不得安排辅警从事下列工作：", tags=["enumeration"]))
    assert "fragment" not in codes(cloze("职工代表大会的职权包括：{{c1::审议}}、{{c2::通过}}。"))


def test_markup_a_table_of_contents_is_not_content():
    toc = "{{c1::政务数据安全与开放}}；第六章{{c2::法律责任}}；第七章{{c3::附 则}}。"
    assert "markup" in codes(cloze(toc))
    assert "markup" in [r.code for r in Judge(id="s1-p1-t1-judge", section="目录", source="", answer=True,
                                             statement="第一章 总则；第二章 管理；第三章 办学。").quality()]
    # a rule that names chapters is content
    assert "markup" not in codes(cloze("违反本法第二章、第三章规定的，由{{c1::有关主管部门}}责令改正。"))


def test_leak_a_section_line_that_states_the_rule_is_hidden_on_a_true_or_false_card():
    # judged on the test split: 试用期员工病、事假累计可以超过一个月。 under the section line
    # 一、试用期员工病、事假累计不得超过一个月，否则予以劝退 (the line says it is false)
    rule = Judge(id="s1-p1-t1-rule-false", section="一、试用期员工病、事假累计不得超过一个月，否则予以劝退",
                 source="试用期员工病、事假累计不得超过一个月，否则予以劝退。",
                 statement="试用期员工病、事假累计可以超过一个月。", answer=False)
    deck = make_deck([sample()])
    assert anki.section_field(deck, rule).startswith('<span class="qz-leak">')
    topic = Judge(id="s2-p1-t1-rule-true", section="二、病、事假期限", source="病假须提供医院证明。",
                  statement="病假须提供医院证明。", answer=True)
    assert not anki.section_field(deck, topic).startswith('<span class="qz-leak">')  # it names the topic


def _kept(text: str, title: str = "规定") -> list:
    """The items the default selection keeps of ``text``."""
    doc = process(Source(title, text))
    return rank(doc, generate(doc), Budget()).kept


def _fronts(items: list) -> list[str]:
    """What each item shows: a note's text revealed, a statement, a question."""
    return [markup.reveal(i.text) if isinstance(i, Cloze) else getattr(i, "statement", "") or i.question for i in items]


def _blanked(text: str) -> set[str]:
    """Every answer the default selection of ``text`` blanks in a cloze note."""
    return {a for i in _kept(text) if isinstance(i, Cloze) for a in i.answers()}


def test_trivial_a_stock_list_of_regulations_is_not_blanked():
    # fresh documents: [法律]、[行政法规] and [生产者]、[销售者] were discarded as boilerplate
    from quizgen.lang.stock import is_stock

    assert is_stock(["行政法规", "法律"]) and is_stock(["销售者", "生产者"]) and not is_stock(["标识", "装备"])
    blanked = _blanked("第十四条 产品质量检验机构应当依据法律、行政法规的规定取得相应资质后，方可承担检验工作。\n"
                       "第二十六条 生产者、销售者应当根据产品特性明示质量保证期限。\n"
                       "第二十七条 辅警离职时，应当交回工作证件、制式服装、标识、装备等物品。\n")
    assert not {"法律", "行政法规", "依据法律", "生产者", "销售者"} & blanked
    assert {"制式服装", "标识"} <= blanked


def test_cut_the_blanks_of_a_list_leave_out_the_verb_they_share():
    # fresh documents: c1 把“交回所配发的”动词并入空，应只挖“工作证件”
    blanked = _blanked("第十五条 辅警离职时，应当交回所配发的工作证件、制式服装、标识、装备等物品。\n")
    assert "工作证件" in blanked and not any(a.startswith("交回") for a in blanked)


def test_cut_a_closing_catch_all_item_is_no_blank_of_a_list_note():
    # fresh documents: c3 “法律、法规和志愿服务组织章程规定的其他权利” is the catch-all; keep c1 and c2 only
    text = ("第十一条 志愿者享有下列权利：\n（一）自愿加入或者退出志愿服务组织；\n（二）取得志愿服务记录证明；\n"
            "（三）对志愿服务工作提出批评和建议；\n（四）法律、法规和志愿服务组织章程规定的其他权利。\n")
    blanked = _blanked(text)
    assert "取得志愿服务记录证明" in blanked
    assert not [a for a in blanked if "其他权利" in a]


@pytest.mark.parametrize("stem", [
    "违反《洛阳市县乡公路养护管理条例》第二十三条规定的，由交通行政主管部门责令限期拆除，并处以（　　）罚款。",
    "违反《周口市淮阳龙湖保护条例》第二十八条规定的，按以下规定处罚：（一）违反第一项规定的，处（　　）罚款。",
    "请求符合本办法第五条、第六条、第七条规定的，应指定（　　）承办人员组成合议组。",
])
def test_subject_a_case_that_is_only_another_articles_rule_is_no_question(stem):
    # fresh documents: 13 of 17 such questions needed an edit (“违反第二十三条”未说明是何种违法行为)
    question = Choice(id="q", section="第三十条", question=stem, answer=[0], options=["一千元", "二千元", "三千元"])
    assert "cross-reference" in codes(question)


def test_subject_a_case_named_in_full_is_a_question():
    question = Choice(id="q", section="第三十条", answer=[0], options=["一千元", "二千元", "三千元"],
                      question="擅自在公路用地范围内设置广告牌的，由交通行政主管部门责令限期拆除，并处以（　　）罚款。")
    assert "cross-reference" not in codes(question)


def test_trivial_the_facts_of_a_case_report_are_not_asked_its_lessons_are():
    # every judged file: 10 of 65 cloze notes and 2 of 42 questions of 基本案情 / 裁判结果 were kept
    text = ("## 基本案情\n\n2019年11月，肖某向某科技公司提出离职，当日双方签署离职申请交接表，某科技公司认可其真实性。\n\n"
            "## 裁判结果\n\n二审法院判决驳回上诉，维持原判。\n\n"
            "## 典型意义\n\n劳动者与用人单位签订的离职协议违反法律、行政法规的强制性规定的，应当认定为无效。\n")
    assert {i.section for i in _kept(text, "案例")} == {"典型意义"}
    assert "case-facts" in codes(cloze("二审法院判决{{c1::驳回上诉}}。", section="裁判结果"))
    assert "case-facts" not in codes(cloze("二审法院判决{{c1::驳回上诉}}。", section="案情分析"))


def test_trivial_an_article_whose_only_blank_is_a_stock_phrase_of_regulations_is_refused():
    # every judged file: such notes were discarded 54% of the time (kept 23%), other single blanks 41% (32%)
    assert "stock-blank" in codes(cloze("监理单位给建设单位造成损失的，应当承担相应的{{c1::赔偿责任}}。",
                                        section="第三十五条"))
    assert "stock-blank" in codes(cloze("构成犯罪的，依法追究{{c1::刑事责任}}。", section="第四十条"))
    # a figure is a fact of its rule; an office article's 创新 is no stock phrase of its genre
    assert "stock-blank" not in codes(cloze("应当自收到通知之日起{{c1::十五日内}}提出意见。", section="第十条"))
    assert "stock-blank" not in codes(cloze("办公室工作要敢于{{c1::创新}}。", section="一、总体要求"))
    assert "stock-blank" not in codes(cloze("违反本条例的，由{{c1::市场监督管理部门}}、{{c2::公安机关}}处理。",
                                            section="第四十条"))


def test_cut_a_stock_phrase_loses_its_blank_in_an_article_unless_it_is_a_list_member():
    # fresh documents: c1 “赔偿责任” is predictable from 造成损失的; 侵吞、挪用、损毁 was kept as a list
    text = "第三十五条 监理单位给建设单位造成损失的，应当承担相应的赔偿责任，并处一万元以上三万元以下罚款。"
    doc = process(Source("规定", text))
    item = cloze("监理单位给建设单位造成损失的，应当承担相应的{{c1::赔偿责任}}，并处{{c2::一万元以上三万元以下}}罚款。",
                 source=doc.sentences[0].text, section="第三十五条")
    (mended,), _ = repair([item], DocumentFacts(doc))
    assert markup.reveal(mended.text) == markup.reveal(item.text)
    assert [d.answer for d in markup.deletions(mended.text)] == ["一万元以上三万元以下"]
    text = "第三十二条 公安机关应当妥为保管被盘问人随身携带的物品，不得侵吞、挪用或者损毁。"
    doc = process(Source("规定", text))
    item = cloze("公安机关应当妥为保管被盘问人随身携带的物品，不得{{c1::侵吞}}、{{c2::挪用}}或者{{c3::损毁}}。",
                 source=doc.sentences[0].text, section="第三十二条")
    (mended,), _ = repair([item], DocumentFacts(doc))
    assert [d.answer for d in markup.deletions(mended.text)] == ["侵吞", "挪用", "损毁"]


WATER_SUPPLY = ("第四十六条 因计划检修、清洗消毒或者工程施工等原因需停止供水时，二次供水设施管理单位应当提前二十四小时"
                "通知用户。因突发事故不能提前通知的，应当在抢修的同时通知用户。\n"
                "第四十七条 对申请复验的，必须自检验报告书发出之日起十五日内作出行政处理决定。\n")


def test_subject_a_rule_without_its_actor_names_the_actor_its_article_named_before():
    # fresh documents: 因突发事故不能提前通知的，应当在抢修的同时通知用户 was judged "who must?"
    mended, _ = repair(generate(doc := process(Source("供水条例", WATER_SUPPLY))), DocumentFacts(doc))
    fronts = [getattr(i, "statement", "") or getattr(i, "question", "") or i.text for i in mended
              if "突发事故" in i.source]
    assert fronts and all("不能提前通知的，二次供水设施管理单位应当" in front for front in fronts), fronts
    # an article that names no actor before its rule gets none made up
    assert not any("管理单位" in (getattr(i, "question", "") or getattr(i, "statement", "") or i.text)
                   for i in mended if "申请复验" in i.source)


@pytest.mark.parametrize(("sentence", "actor"), [
    ("所在地口岸药品监督管理局收到报告书后，应当及时作出决定。", "所在地口岸药品监督管理局"),
    ("第十七条 县（市、区）乡（镇）人民政府应对县乡公路进行整修。", "县（市、区）乡（镇）人民政府"),
    ("用人单位与劳动者应当订立书面劳动合同。", "用人单位与劳动者"),
    ("大会秘书处或者市人大常委会人代工委可以合并处理。", None),  # not …市人大常委会人 of 人代工委
    ("受托方有权获得收益。", "受托方"),
    ("乡镇人民政府组织群众参与的，应当给予补助。", "乡镇人民政府"),  # not 乡镇人民政府组织
    ("建设单位应当与河湖管理机构共同验收。", "建设单位"),  # not …应当与河湖管理机构
    ("列入会议议程的地方性法规案，应当在会议举行前印发。", None),  # a verb and its object
    ("因计划检修或者工程施工需停止供水时，应当通知用户。", None),
    # fresh11: the government names the media, the media must broadcast (a wrong actor made a wrong rule)
    ("沿海县级以上地方人民政府指定的当地广播、电视和报纸等媒体应当安排固定的时段。", None),
    ("经营者在销售商品的过程中，应当明码标价。", "经营者"),
])
def test_subject_the_actor_a_sentence_names(sentence, actor):
    from quizgen.generate.actors import actor_of

    assert actor_of(sentence) == actor


@pytest.mark.parametrize(("sentence", "lacks"), [
    ("因突发事故不能提前通知的，应当在抢修的同时通知用户。", True),
    ("组织群众参与时，应当给予适当补助。", True),
    ("经营者销售商品时，应当明码标价。", False),  # the clause opens with its actor
    ("辅警离职时，应当交回工作证件。", False),  # whoever a clause opens with may be the actor
    ("严禁任何单位和个人砍伐古树名木。", False),  # a ban binds everyone
    ("处置费用应当纳入建筑工程概预算。", False),
    ("在行业鉴定机构中从事司法鉴定工作的专业技术人员，必须符合规定的条件。", False),  # the clause is the actor
    # fresh13: the 就 of 就业 is no preposition, the clause names who (a wrong actor was carried in)
    ("就业有困难的随军配偶，应当纳入政府就业扶持范围。", False),
    ("当事人不服的，可以申请复议。", False),
])
def test_subject_a_rule_lacks_its_actor(sentence, lacks):
    from quizgen.generate.actors import lacks_actor

    assert lacks_actor(sentence) is lacks


def test_subject_a_finding_of_a_court_takes_no_partys_name():
    from quizgen.generate.actors import carried_actor

    text = ("第十八条 当事人应当提交证据。法律对物权的设立另有规定的，应当按照法律规定的时间认定权利人是否为善意。\n")
    doc = process(Source("解释", text))
    finding = next(s for s in doc.sentences if "认定权利人" in s.text)
    assert carried_actor(doc, finding) is None


def test_subject_the_actor_goes_before_the_modal_outside_the_blanks():
    from quizgen.generate.actors import with_actor

    assert with_actor("对{{c1::申请复验}}的，必须自发出之日起十五日内作出决定。", "口岸药品监督管理局") == \
        "对{{c1::申请复验}}的，口岸药品监督管理局必须自发出之日起十五日内作出决定。"
    assert with_actor("对申请复验的，{{c1::必须}}作出决定。", "局") is None
    assert with_actor("经营者销售商品时，应当明码标价。", "局") is None


def _agreed(text: str) -> str:
    from quizgen.rank.blanklists import agreed_lists

    return _cut_by(agreed_lists, text)


def _cut_by(step, text: str) -> str:
    """A note's text after one of the rank stage's cuts."""
    return markup.to_markup(step(markup.parse(text)))


def test_cut_the_blanks_of_a_list_leave_out_the_verb_that_governs_the_list():
    # fresh7: c1把动词“会同”“委托”并入空中，应只挖“自然资源”“高等院校”
    assert _agreed("应当{{c1::会同自然资源}}、{{c2::生态环境}}和{{c3::黄河河务}}等部门划定") \
        == "应当会同{{c1::自然资源}}、{{c2::生态环境}}和{{c3::黄河河务}}等部门划定"
    assert _agreed("可以根据需要{{c1::委托高等院校::6字}}、{{c2::科研机构::4字}}等第三方机构开展。") \
        == "可以根据需要委托{{c1::高等院校::4字}}、{{c2::科研机构::4字}}等第三方机构开展。"
    # members of one width are parallel as written: nothing is cut
    assert _agreed("为的是{{c1::见证历史}}、{{c2::以史鉴今}}、{{c3::启迪后人}}。") \
        == "为的是{{c1::见证历史}}、{{c2::以史鉴今}}、{{c3::启迪后人}}。"
    blanked = _blanked("第十二条 省人民政府水行政主管部门应当会同自然资源、生态环境和黄河河务等部门合理划定东平湖生态水位。\n")
    assert not any(a.startswith("会同") for a in blanked)


@pytest.mark.parametrize("text", [
    "制定相应的{{c1::预防}}、{{c2::控制措施}}，并及时向社会公布。",
    "协助实施{{c1::隐藏}}、{{c2::转移财产}}等拒不执行行为。",
    "又构成拒不执行{{c1::判决}}、{{c2::裁定罪}}的。",
    "合理安排{{c1::生活}}、{{c2::生产}}、{{c3::生态用水}}。",
])
def test_cut_a_list_whose_last_blank_holds_the_head_all_members_share_is_no_list_of_blanks(text):
    # fresh7: “Splits the phrase 预防、控制措施”, “隐藏/转移财产 splits one phrase (财产 shared)”
    assert "{{c" not in _agreed(text)


def test_cut_the_members_of_a_noun_list_stay_whole():
    from quizgen.rank.cuts import objects_alone

    # fresh20 (judged "c1 cuts 返乡创业人员 in two, leaving 返乡 outside the blank")
    text = "{{c1::退役军人}}、{{c2::返乡创业人员}}、{{c3::失业人员}}创办民营经济组织的"
    assert _cut_by(objects_alone, text) == text
    assert _agreed("退役军人、{{c1::返乡创业人员}}、{{c2::失业人员}}创办") == "退役军人、{{c1::返乡创业人员}}、{{c2::失业人员}}创办"
    # a verb and its object in a list of verbs still give the object alone
    assert _cut_by(objects_alone, "应当{{c1::出具检查通知书}}") == "应当出具{{c1::检查通知书}}"


def test_cut_a_list_of_modifiers_of_persons_is_no_list_of_blanks():
    assert "{{c" not in _agreed("为{{c1::刑满释放}}、{{c2::解除劳动教养人员}}就业创造条件。")


def test_check_a_blank_opening_on_the_particle_of_the_words_before_it_is_cut():
    from quizgen.itemchecks import blank_problems

    # fresh23: 就[地就近利用] (the words are 就地就近利用)
    parts = markup.parse("鼓励企业就{{c1::地就近利用}}或者处置建筑垃圾。")
    assert "cut-word" in blank_problems(parts, 1, False)
    parts = markup.parse("标明{{c1::地名}}和门牌号。")
    assert "cut-word" not in blank_problems(parts, 1, False)


def test_cut_an_empty_blank_in_a_list_of_blanks_is_left_to_the_checks():
    from quizgen.rank.blanklists import agreed_lists

    parts = [markup.Deletion(1, ""), "、", markup.Deletion(2, "生态环境")]
    assert agreed_lists(parts) == parts


def test_cut_a_list_of_members_of_their_own_keeps_its_blanks():
    for text in ("对{{c1::检疫证明}}、{{c2::免疫证明}}等文件进行查验。",
                 "鼓励{{c1::企业}}、{{c2::事业单位}}、{{c3::社会团体和公民}}等社会力量。",
                 "不得{{c1::哄抢}}、{{c2::私分}}、{{c3::藏匿}}。"):
        assert _agreed(text) == text


def test_leak_a_blank_that_negates_words_the_note_shows_is_refused():
    # fresh7: c1是条件分句，后文“造成严重后果的”又把它透露出来
    from quizgen.itemchecks import blank_problems

    parts = markup.parse("损毁保护标志，{{c1::未造成严重后果}}的，给予警告；造成严重后果的，依法处罚。")
    assert "leak" in blank_problems(parts, 1, False)
    parts = markup.parse("损毁保护标志，{{c1::情节轻微}}的，给予警告；造成严重后果的，依法处罚。")
    assert "leak" not in blank_problems(parts, 1, False)


def test_cut_a_body_is_blanked_without_the_verb_that_sends_a_matter_to_it():
    from quizgen.rank.cuts import bodies_alone as _bodies_alone

    def mended(text: str) -> str:
        return markup.to_markup(_bodies_alone(markup.parse(text)))

    assert mended("规划应当{{c1::报市人民政府}}批准。") == "规划应当报{{c1::市人民政府}}批准。"
    assert mended("{{c1::到公安机关}}办理登记。") == "到{{c1::公安机关}}办理登记。"
    # fresh11/12: the body, not the body and its verb (由[总参谋部统一规划], 由[海关予以处罚])
    assert mended("民兵武器装备的发展和配备，由{{c1::总参谋部统一规划}}。") == "民兵武器装备的发展和配备，由{{c1::总参谋部}}统一规划。"
    assert mended("法律、行政法规规定由{{c1::海关予以处罚}}的，从其规定。") == "法律、行政法规规定由{{c1::海关}}予以处罚的，从其规定。"
    assert mended("红色文化资源的修缮费用由{{c1::保护责任人承担}}。") == "红色文化资源的修缮费用由{{c1::保护责任人}}承担。"
    assert mended("应当{{c1::报单位和个人}}。") == "应当{{c1::报单位和个人}}。"  # no name of a body
    # fresh22/23: after 由 or 经 the doer is asked, whatever its name ends with (由[更新义务者承担] was
    # judged "the blank takes the verb"); two verbs are no doer and its act
    assert mended("所需费用由{{c1::更新义务者承担}}。") == "所需费用由{{c1::更新义务者}}承担。"
    assert mended("由{{c1::有权机关责令改正}}，通报批评。") == "由{{c1::有权机关}}责令改正，通报批评。"
    assert mended("按照章程规定或者经{{c1::成员大会决议确定}}。") == "按照章程规定或者经{{c1::成员大会决议}}确定。"
    # fresh50: a verb no list of duties names, read off the tagger (由[采矿权人缴纳] "adds the verb")
    assert mended("矿产资源补偿费由{{c1::采矿权人缴纳}}。") == "矿产资源补偿费由{{c1::采矿权人}}缴纳。"
    assert mended("依法应当向{{c1::当事人退费}}的，应当办理。") == "依法应当向{{c1::当事人退费}}的，应当办理。"  # 向: no doer
    assert mended("由{{c1::核准登记}}。") == "由{{c1::核准登记}}。"  # two verbs: no doer
    assert mended("经{{c1::核准登记}}。") == "经{{c1::核准登记}}。"
    assert mended("应当{{c1::当事人协商解决}}。") == "应当{{c1::当事人协商解决}}。"  # no 由 or 经 before it
    # fresh26: to whom a matter goes, after 向 ("the blank includes the verb phrase 提出申请")
    assert mended("应当向{{c1::人民法院提出申请}}。") == "应当向{{c1::人民法院}}提出申请。"
    assert mended("应当向{{c1::社会公布}}。") == "应当向{{c1::社会公布}}。"


def test_cut_a_list_note_of_long_items_or_of_a_case_reports_parts_is_not_made():
    # judged list notes: trainers kept 5% of those with an item of more than 20 characters
    long_items = ("第十四条 在文物保护单位的保护范围内，禁止下列行为：\n"
                  "（一）擅自设置户外广告设施、修建构筑物或者栽植移植大型乔木；\n（二）修建人造景点；\n"
                  "（三）存放易燃、易爆、有毒、有腐蚀性、有放射性等危害文物安全的物品；\n"
                  "（四）擅自进行爆破、钻探、挖掘等作业。\n")
    short_items = ("第七条 集体合同的内容包括：\n（一）劳动报酬；\n（二）工作时间与休息休假；\n（三）保险福利；\n"
                   "（四）职业技能培训。\n")
    notes = [i for i in _kept(long_items + short_items) if isinstance(i, Cloze) and "-list" in i.id]
    assert [n.answers() for n in notes] == [["劳动报酬", "工作时间与休息休假", "保险福利", "职业技能培训"]]
    case = ("吴某与某电子商务有限公司买卖合同纠纷案\n一、裁判要点\n网络购物合同的出卖人应当按照约定交付标的物。\n"
            "二、简要案情\n吴某在某电子商务有限公司的网店购买了一台冰箱，公司逾期三十日未发货。\n"
            "三、司法解释相关法条\n出卖人应当按照约定的期限交付标的物。\n")
    assert not [i for i in _kept(case, "案例") if isinstance(i, Cloze) and "-list" in i.id]


def test_subject_a_reference_after_the_opening_preposition_is_resolved_or_refused():
    from quizgen.lang.markers import opens_with_reference

    for text in ("依照前款规定发现的文物属于国家所有。", "对于前两款规定的情形，人民法院应当认定为共同侵权。",
                 "本案中，协议当事人之间对合意的事项发生争议。", "以本案为例，合同当事人应当予以尊重。"):
        assert opens_with_reference(text), text
    assert not opens_with_reference("对外开放的档案馆应当公布开放档案的目录。")
    kept = _kept("第二十六条 考古发掘中发现的文物，应当登记造册。\n"
                 "依照前款规定发现的文物属于国家所有，任何单位或者个人不得哄抢、私分、藏匿。\n")
    for item in kept:  # shown after the sentence it refers to, or not asked
        front = markup.reveal(item.text) if isinstance(item, Cloze) else getattr(item, "statement", "") or item.question
        assert not front.startswith("依照前款"), front


def test_trivial_a_list_of_blanks_that_are_all_stock_phrases_is_text():
    # fresh7: [申请复议]或者[提起诉讼] — “Boilerplate remedy”, discarded
    from quizgen.rank.repair import _good_blanks

    def mended(text: str) -> str:
        return markup.to_markup(_good_blanks(markup.parse(text), False, frozenset(), None, None, "第四十六条"))

    assert "{{c" not in mended("当事人可以依照有关规定{{c1::申请复议}}或者{{c2::提起诉讼}}。")
    assert mended("任何人不得{{c1::侵吞}}、{{c2::挪用}}或者{{c3::损毁}}。") == "任何人不得{{c1::侵吞}}、{{c2::挪用}}或者{{c3::损毁}}。"


@pytest.mark.parametrize("text", [
    "居民委员会、村民委员会应当实行{{c1::社务公开}}、{{c2::村务公开制度}}。",
    "本市实行机动车{{c1::排放检验}}与{{c2::维护制度}}。",
    "并实时{{c1::上传检验}}、{{c2::维修信息}}。",
])
def test_cut_a_list_whose_last_blank_alone_holds_a_head_noun_is_no_list_of_blanks(text):
    # fresh9: “c2 takes the shared word 制度”, “It splits the system name”, “cut 上传检验、维修信息 across words”
    assert "{{c" not in _agreed(text)
    assert _agreed("对{{c1::检疫证明}}、{{c2::免疫证明}}等文件进行查验。") == "对{{c1::检疫证明}}、{{c2::免疫证明}}等文件进行查验。"


def test_leak_a_blank_whose_affirmation_the_note_shows_is_refused():
    # fresh9: “The second half (未规定法律责任) gives away the blank”
    from quizgen.itemchecks import blank_problems

    parts = markup.parse("违反本条例规定的行为，法律、法规{{c1::已规定法律责任}}的，从其规定；法律、法规未规定法律责任的，依照本条例执行。")
    assert "leak" in blank_problems(parts, 1, False)


def test_cut_a_body_that_gives_or_bears_is_blanked_without_its_verb():
    from quizgen.rank.cuts import bodies_alone as _bodies_alone

    assert markup.to_markup(_bodies_alone(markup.parse("由{{c1::人民政府给予奖励}}。"))) == "由{{c1::人民政府}}给予奖励。"
    assert markup.to_markup(_bodies_alone(markup.parse("{{c1::单位负责人}}签字。"))) == "{{c1::单位负责人}}签字。"


def test_subject_a_reference_inside_a_sentence_brings_the_sentence_it_points_to():
    # fresh9: “上述申请书 is unresolved (name the manager's written application)”; “双方 is unresolved”
    from quizgen.lang.markers import refers_back

    assert refers_back("人民法院应当自收到上述申请书之日起十日内，确定支付管理人的报酬数额。")
    assert refers_back("双方就调整管理人报酬方案内容协商一致的，管理人应当书面提出请求。")
    assert not refers_back("双方当事人可以协商解决。") and not refers_back("管理人应当勤勉尽责。")
    text = ("第五条 管理人可以向人民法院书面申请调整报酬方案。\n"
            "人民法院应当自收到上述申请书之日起十日内，确定是否调整。\n")
    for item in _kept(text):
        front = markup.reveal(item.text) if isinstance(item, Cloze) else getattr(item, "statement", "") or item.question
        if "上述申请书" in front:
            assert "书面申请调整报酬方案" in front, front  # shown after the sentence it refers to


def test_subject_a_rule_on_a_thing_it_does_not_name_shows_the_sentence_that_names_it():
    # fresh22/23: 任何单位和个人不得[截留]、[挤占]、[挪用] ("what may not be misappropriated?", judged edit)
    from quizgen.lang.markers import refers_back

    assert refers_back("第十八条 任何单位和个人不得截留、挤占、挪用。")
    assert refers_back("有关单位、个人应当如实提供。") and refers_back("除本单位领导批准外，一律不得录制。")
    # fresh33: 核准的，发给许可凭证 — "never says who approves what" (the tagger reads 核准 as a noun)
    assert refers_back("核准的，发给许可凭证；不核准的，书面通知申请人。") and refers_back("不予受理的，应在七日内告知委托人。")
    # fresh37: 情况紧急的，驻外外交机构应当… — "lacks its situation" (情况紧急 is one word of the dictionary)
    assert refers_back("情况紧急的，驻外外交机构应当协调有关方面给予必要的临时生活照料。")
    # the thing as the topic, an act that is the whole predicate, a rule with its object: no reference
    assert not refers_back("《许可证》不得涂改或者转让。") and not refers_back("有关单位和个人应当予以配合。")
    assert not refers_back("任何单位和个人不得侵占、挪用专项资金。") and not refers_back("任何单位不得牟取暴利。")
    text = ("第十八条 残疾人就业保障金纳入财政预算管理，专项用于残疾人职业培训和就业服务。\n"
            "任何单位和个人不得截留、挤占、挪用。\n")
    fronts = _fronts(_kept(text))
    ruled = [f for f in fronts if "不得截留" in f]
    assert ruled and all("残疾人就业保障金" in f for f in ruled), fronts


def test_subject_a_deadline_from_an_unnamed_filing_shows_the_sentence_that_names_it():
    # fresh27 (held out): 市绿化管理部门应当自受理申请之日起［二十个工作日内］作出审批决定 — "受理申请 does
    # not say which application" (4 of 4 judged so); the first sentence of an article stands alone
    text = ("第二十条 因建设需要临时占用绿地的，应当向市绿化管理部门提出申请。"
            "市绿化管理部门应当自受理申请之日起二十个工作日内作出审批决定。\n"
            "第二十一条 绿化管理部门应当自受理申请之日起十五个工作日内作出决定。\n")
    fronts = _fronts(_kept(text))
    twenty = [f for f in fronts if "二十个工作日" in f or ("（　　）" in f and "临时占用" in f)]
    assert twenty and all("临时占用绿地" in f for f in twenty), fronts
    assert any(f.startswith("绿化管理部门应当自受理申请之日起") for f in fronts), fronts


def test_subject_a_filing_named_by_its_kind_alone_shows_the_sentence_that_names_it():
    # fresh31 (held out): 上一级人民法院应当自收到复议申请之日起（　　）审查 — "does not say which 复议申请";
    # 自收到初审意见之日起（　　）予以审批 — "does not say what is approved"
    text = ("第二十一条 当事人对驳回不予执行申请的裁定不服的，可以自裁定送达之日起十日内向上一级人民法院申请复议。"
            "上一级人民法院应当自收到复议申请之日起三十日内审查。\n"
            "第二十二条 人民法院应当自收到复议申请之日起十五日内作出裁定。\n")
    fronts = _fronts(_kept(text))
    thirty = [f for f in fronts if "三十日内" in f or ("（　　）审查" in f)]
    assert thirty and all("驳回不予执行申请" in f for f in thirty), fronts
    assert any(f.startswith("人民法院应当自收到复议申请之日起") for f in fronts), fronts


def test_subject_a_condition_after_a_sentence_of_its_paragraph_shows_that_sentence():
    # fresh50/51 (held out): 有效期届满需要继续注册的，应当在期满前（　　）办理注册手续 — "有效期 is unresolved";
    # of the judged questions of such sentences 45 % were kept (fresh53/54, paired: 60 % → 71 %)
    # (an actor the article names goes into the rule instead: 因突发事故不能提前通知的，…管理单位应当…)
    text = ("第五条 取水单位或者个人应当安装符合国家技术标准的计量设施，并保证计量设施正常运行。"
            "需要拆除或者更换计量设施的，应当在三日内经市水行政主管部门同意。\n"
            "第六条 设置临时性户外广告设施的，应当在设置前十五日内报区市容环卫主管部门备案。\n")
    fronts = _fronts(_kept(text))
    three = [f for f in fronts if "三日内" in f or ("应当在（　　）经" in f)]
    assert three and all(f.startswith("取水单位或者个人应当安装") for f in three), fronts
    # an article's first sentence opening with a condition speaks for itself
    assert any(f.startswith("设置临时性户外广告设施的") for f in fronts), fronts


def test_subject_a_list_whose_lead_refers_back_is_not_asked_item_by_item():
    # fresh26 (held out): "The stem opens with 实施前款规定的行为, which the learner cannot resolve"
    text = ("第二条 在药品注册申请中提供虚假证明材料的，依照刑法第二百二十九条的规定定罪处罚。\n"
            "实施前款规定的行为，具有下列情形之一的，应当认定为情节严重：\n"
            "（一）在申请注册过程中提供虚假证明材料三次以上的；\n（二）违法所得数额在三十万元以上的。\n")
    asked = [item for item in _kept(text) if "-list" not in item.id or not isinstance(item, Cloze)]  # (a list note shows its lead whole)
    fronts = _fronts(asked)
    assert not [f for f in fronts if f.startswith("实施前款")], fronts


def test_subject_a_period_that_continues_the_sentence_before_leans_on_it():
    # fresh9: 满12个月，确需继续接管的… “drops the clause before it that says which period is meant”
    from quizgen.lang.markers import opens_with_reference

    assert opens_with_reference("满12个月，确需继续接管的，国务院证券监督管理机构可以决定延长接管期限。")
    assert not opens_with_reference("满十八周岁的公民有权参加选举。")


def test_markup_a_question_on_a_list_item_shows_its_lead_without_the_items_number():
    # fresh8, fresh9: “the list marker （三） is left in the question”
    text = ("第十九条 人民防空建设项目计划按下列规定审批，并报上一级人民防空主管部门备案：\n"
            "（一）建筑面积八百平方米以上的单建式人民防空工程，由市人民防空主管部门审批；\n"
            "（二）建筑面积在八百平方米以下的单建式人民防空工程，由区县人民防空主管部门审批。\n")
    questions = [i for i in _kept(text) if isinstance(i, Choice)]
    assert questions
    for question in questions:
        assert "（一）" not in question.question and "（二）" not in question.question, question.question


def test_markup_a_note_on_a_list_item_shows_its_lead_without_the_items_number():
    # gen58 (held-out company rules): “…应予以法律上的制裁：5、利用网站空间进行［非法交易］的；: the list
    # number 5、 is left in the content”
    text = ("第七条 凡有以下行为之一者，属于严重违规，由网站管理小组予以处分：\n1、利用网站空间进行非法交易的；\n"
            "2、盗用他人账号发布虚假信息的；\n3、刻意更改网页源代码，造成网站整体崩溃的。\n")
    doc = process(Source("网站管理办法", text))
    notes = [i for i in repair(generate(doc), DocumentFacts(doc))[0] if isinstance(i, Cloze) and "-list" not in i.id]
    assert any(markup.reveal(n.text).startswith("凡有以下行为之一者") for n in notes)
    for note in notes:
        assert not re.search(r"：\s*[0-9（]", markup.reveal(note.text)), note.text


def test_cut_two_clauses_of_a_rule_are_no_motto_to_blank_whole():
    # the issue: a blank of more than 12 characters only for a whole enumerated item; a motto
    # (quoted, or of four-character members) is asked whole
    from quizgen.itemchecks import blank_problems

    rule = markup.parse("民事主体从事民事活动，{{c1::不得违反法律，不得违背公序良俗}}。")
    assert "long-blank" in blank_problems(rule, 1, False)
    quoted = markup.parse("正如人们常说的：“{{c1::不管黑猫白猫，捉到老鼠就是好猫}}”。")
    assert "long-blank" not in blank_problems(quoted, 1, False)
    motto = markup.parse("这就是我们通常说的：{{c1::上面端平，下面抹平，左右摆平}}。")
    assert "long-blank" not in blank_problems(motto, 1, False)
    motto = markup.parse("办公室人员要{{c1::守得住清贫，耐得住寂寞，经得起诱惑}}。")
    assert "long-blank" not in blank_problems(motto, 1, False)


def test_cut_a_member_that_goes_on_past_its_list_ends_where_the_list_does():
    # fresh9 (dev): ［c1: 居民委员会］、［c2: 村民委员会联系］; ［c1: 假药］、［c2: 劣药仍然销售］
    assert _agreed("可以与当事人居住地的{{c1::居民委员会}}、{{c2::村民委员会联系}}，共同采取措施。") \
        == "可以与当事人居住地的{{c1::居民委员会}}、{{c2::村民委员会}}联系，共同采取措施。"
    assert _agreed("诵读誓词完毕，{{c1::领誓人}}、{{c2::宣誓人自报姓名::7字}}。") \
        == "诵读誓词完毕，{{c1::领誓人}}、{{c2::宣誓人::3字}}自报姓名。"
    # fresh50: the last member goes on with the list's 等 and the category it names
    assert _agreed("{{c1::旅馆业}}、{{c2::饮食服务业}}、{{c3::出租汽车业等单位}}的人员") \
        == "{{c1::旅馆业}}、{{c2::饮食服务业}}、{{c3::出租汽车业}}等单位的人员"
    assert _agreed("{{c1::医院}}、{{c2::学校等}}。") == "{{c1::医院}}、{{c2::学校}}等。"
    # and ends on a word's edge, though jieba's HMM reads 出租汽车|业等|单位
    from quizgen.itemchecks import blank_problems

    assert "cut-word" not in blank_problems(markup.parse("{{c1::旅馆业}}、{{c2::出租汽车业}}等单位的人员"), 2, False)
    assert _agreed("坚持{{c1::自愿}}、{{c2::平等}}。") == "坚持{{c1::自愿}}、{{c2::平等}}。"  # 平等 is a word
    # a tail of one character is the head of a compound, a dictionary word one member: no cut
    for text in ("缴纳{{c1::保险金}}、{{c2::保险费}}。", "鼓励{{c1::企业}}、{{c2::事业单位}}、{{c3::社会团体}}等参与。"):
        assert _agreed(text) == text


def test_cut_a_blank_of_a_verb_and_its_object_asks_the_object():
    # fresh9 (dev): 应当［c1: 出具检查通知书］ discarded; ［c1: 事先拟订检查计划］ edited
    from quizgen.rank.cuts import objects_alone as _objects_alone

    def alone(text: str) -> str:
        return markup.to_markup(_objects_alone(markup.parse(text)))

    assert alone("检查时，应当{{c1::出具检查通知书}}。") == "检查时，应当出具{{c1::检查通知书}}。"
    assert alone("应当{{c1::事先拟订检查计划}}。") == "应当事先拟订{{c1::检查计划}}。"
    # an object of two characters stays with its verb, and a verb alone or a figure is left as it is
    for text in ("应当{{c1::保守秘密}}。", "应当{{c1::及时报告}}。", "{{c1::处五万元以下罚款}}。"):
        assert alone(text) == text
    # fresh25: after a preposition, what it governs and not the light verb after it
    from quizgen.rank.cuts import before_light_verbs

    assert markup.to_markup(before_light_verbs(markup.parse("根据{{c1::举报进行核查}}。"))) == "根据{{c1::举报}}进行核查。"
    assert markup.to_markup(before_light_verbs(markup.parse("应当{{c1::认真进行核查}}。"))) == "应当{{c1::认真进行核查}}。"
    # fresh26: the term a verb quotes, without the verb and the quotation marks
    from quizgen.rank.cuts import quoted_alone

    assert markup.to_markup(quoted_alone(markup.parse("行政法规的名称一般{{c1::称“条例”}}。"))) == "行政法规的名称一般称“{{c1::条例}}”。"
    # fresh27: a range's lower end blanked alone takes its upper end, written without the unit
    from quizgen.rank.cuts import whole_ranges

    assert markup.to_markup(whole_ranges(markup.parse("并处{{c1::一万元以上}}十万以下的罚款。"))) == \
        "并处{{c1::一万元以上十万以下}}的罚款。"
    assert markup.to_markup(whole_ranges(markup.parse("年满{{c1::十八周岁以上}}的公民。"))) == "年满{{c1::十八周岁以上}}的公民。"
    # fresh25 (held out): the verb governing a list of noun blanks leaves the first ("盘活 should stay
    # outside so the blanks are parallel"), though the segmenter takes 盘活 for a noun; a modifier the
    # members share the pattern of, and members of one width, stay as written
    assert alone("应当{{c1::盘活现有存量用地}}、{{c2::闲置厂房}}、{{c3::专业化市场}}等场所。") == \
        "应当盘活{{c1::现有存量用地}}、{{c2::闲置厂房}}、{{c3::专业化市场}}等场所。"
    for text in ("单位的{{c1::管理人员}}、{{c2::技术人员}}。", "{{c1::见证历史}}、{{c2::以史鉴今}}、{{c3::启迪后人}}。",
                 # one body's name (发展改革部门), and a first member that is no name in nouns
                 "{{c1::发展改革}}、{{c2::交通运输}}、{{c3::市场监督管理}}等有关部门应当提供便利。",
                 "参加{{c1::防治船舶污染等有关法律}}、{{c2::行政法规}}的培训。"):
        assert alone(text) == text


def test_cut_a_weak_blank_beside_a_strong_figure_goes_back_to_the_text():
    # fresh24/25: "The fine range is good, but c2 没收违法所得 is given away by 有违法所得的; drop c2"
    from quizgen.rank.cuts import beside_the_fact

    parts = markup.parse("处{{c1::五万元以上二十五万元以下}}罚款，有违法所得的，还应当{{c2::没收违法所得}}。")
    assert markup.to_markup(beside_the_fact(parts, {1: 0.88, 2: 0.53})) == \
        "处{{c1::五万元以上二十五万元以下}}罚款，有违法所得的，还应当没收违法所得。"
    # no strong figure, a strong blank that is no figure, a list member: as they were
    for text, scores in (("处{{c1::五万元以下}}罚款，{{c2::没收违法所得}}。", {1: 0.7, 2: 0.53}),
                         ("一次性告知{{c1::申诉人}}需要{{c2::补正的全部内容}}。", {1: 0.82, 2: 0.42}),
                         ("处{{c1::三日以下}}拘留或者{{c2::警告}}、{{c3::罚款}}。", {1: 0.9, 2: 0.5, 3: 0.5})):
        assert markup.to_markup(beside_the_fact(markup.parse(text), scores)) == text


def test_cut_two_lists_in_one_sentence_the_one_that_fits_is_kept():
    from quizgen.rank.cuts import numbered as _numbered

    parts = markup.parse("掌握{{c1::工作状况}}、{{c2::外部环境}}、{{c3::目标任务}}，"
                         "{{c4::想领导之所想}}、{{c5::想领导之应想}}、{{c6::想领导之未想}}。")
    kept = markup.to_markup(_numbered(parts, 3, 5, {1: 0.4, 2: 0.7, 3: 0.6, 4: 0.5, 5: 0.7, 6: 0.8}))
    assert kept == ("掌握工作状况、外部环境、目标任务，"
                    "{{c1::想领导之所想}}、{{c2::想领导之应想}}、{{c3::想领导之未想}}。")


def test_cut_an_idiom_that_opens_a_sentence_is_no_subject_and_may_be_blanked(sample_doc):
    facts = DocumentFacts(sample_doc)
    sentence = next(s.text for s in sample_doc.sentences if s.text.startswith("眼观六路"))
    item = cloze(sentence.replace("眼观六路", "{{c1::眼观六路}}", 1).replace("耳听八方", "{{c2::耳听八方}}", 1),
                 source=sentence, section=sample_doc.sections[2].title)
    (mended,), _ = repair([item], facts)
    assert mended.text.startswith("{{c1::眼观六路}}，{{c2::耳听八方}}")


def test_cut_a_blank_better_than_the_phrase_it_crosses_is_kept(sample_doc):
    # the clause finder's 谏言就是重点 (0.62) does not unmake the list item 掌握实情，大胆谏言 (0.8)
    facts = DocumentFacts(sample_doc)
    sentence = next(s.text for s in sample_doc.sentences if s.text.startswith("在重大决策前"))
    item = cloze(sentence.replace("掌握实情，大胆谏言", "{{c1::掌握实情，大胆谏言}}", 1), source=sentence,
                 section=sample_doc.sections[1].title)
    (mended,), _ = repair([item], facts)
    assert "{{c1::掌握实情，大胆谏言" in mended.text


def test_cut_a_list_of_members_opening_with_a_filler_word_is_no_filler():
    from quizgen.itemchecks import blank_problems

    parts = markup.parse("在落实后，{{c1::认真总结，掌握规律，及时反馈}}就是重点。")
    assert "stop-blank" not in blank_problems(parts, 1, False)
    assert "stop-blank" in blank_problems(markup.parse("要{{c1::认真研究}}。"), 1, False)


def test_subject_an_actor_inside_a_longer_name_is_not_carried_to_the_next_rule():
    text = ("第二十四条 沿海县级以上地方人民政府指定的当地广播、电视和报纸等媒体应当安排固定的时段或者版面，及时刊播海洋预报。\n"
            "广播、电视等媒体改变海洋预报播发时段的，应当事先与有关海洋主管部门协商一致。对国计民生可能产生重大影响的海洋灾害警报，"
            "应当及时增播或者插播。\n")
    fronts = [i.statement if isinstance(i, Judge) else getattr(i, "text", getattr(i, "question", "")) for i in _kept(text)]
    assert fronts and not any("人民政府应当及时增播" in f or "人民政府应当事先" in f for f in fronts)


def test_cut_a_blank_left_half_a_list_once_its_neighbour_went_becomes_text():
    # fresh11: the neighbour 测绘系统 went after 测绘基准 was judged, leaving 不使用全国统一的[测绘基准]和测绘系统
    # (half a list): the note was refused, and with it the fine 10万元以下
    parts = markup.parse("不使用全国统一的{{c1::测绘基准}}和测绘系统的，可以并处{{c2::10万元以下}}罚款。")
    from quizgen.rank.repair import _settled

    assert markup.to_markup(_settled(parts)) == "不使用全国统一的测绘基准和测绘系统的，可以并处{{c2::10万元以下}}罚款。"


def test_cut_an_item_of_a_list_of_long_items_is_asked_by_its_own_note():
    # an item of a list no list note asks (its items are long) was dropped as "asked by the list's note"
    text = ("第十八条 有关单位应当按照下列规定向档案馆移交档案：\n"
            "（一）列入综合档案馆收集范围的档案自档案形成之日起满十年向市、区（市）综合档案馆移交；\n"
            "（二）列入专门档案馆收集范围的档案自项目结束之日起一年内向专门档案馆移交。\n")
    notes = [i for i in _kept(text) if isinstance(i, Cloze)]
    assert any("一年内" in n.answers() and n.text.startswith("有关单位应当按照下列规定向档案馆移交档案：列入专门档案馆") for n in notes)


def test_cut_a_list_note_of_part_of_a_list_says_the_list_goes_on():
    # fresh11: a note of the first four of six items ended with 。 as if the list were complete
    text = ("第十二条 下列基础测绘项目，由国务院测绘行政主管部门组织实施：\n（一）建立全国统一的测绘基准；\n"
            "（二）建立国家基础地理信息系统；\n（三）组织实施国家基础航空摄影；\n"
            "（四）测制和更新全国1∶100万至1∶2.5万国家基本比例尺地图、影像图和数字化产品；\n（五）国家急需的其他基础测绘项目。\n")
    notes = [i for i in generate(process(Source("条例", text))) if isinstance(i, Cloze) and "-list" in i.id]
    assert notes and all(n.text.endswith("；……") for n in notes)
    whole = "第七条 集体合同的内容包括：\n（一）劳动报酬；\n（二）工作时间；\n（三）保险福利。\n"
    notes = [i for i in generate(process(Source("条例", whole))) if isinstance(i, Cloze) and "-list" in i.id]
    assert notes and all(n.text.endswith("。") for n in notes)


def test_trivial_a_label_the_text_gives_and_a_case_told_by_another_article_are_not_asked():
    assert "stop-blank" in codes(cloze("在上海市献血的公民（以下称{{c1::上海市献血者}}）有优先用血的权利。"))
    # fresh11: 违反…第八条规定的，…处以[五百元以上五千元以下]的罚款 — the learner cannot know what 第八条 says
    assert "cross-reference" in codes(cloze("违反本条例第八条规定的，由价格监督检查机构处以{{c1::五百元以上五千元以下}}的罚款。"))
    assert "cross-reference" not in codes(cloze("违反本条例规定，擅自收购烟叶的，处以{{c1::一千元以上五千元以下}}的罚款。"))


def test_score_a_sentence_note_is_only_as_good_as_its_weakest_blank():
    # judged notes of the fresh sets: the weakest blank told a kept note from another better than
    # the item score; of two notes of one sentence, the one without the filler blank wins
    text = "第十六条 采供血机构对献血者每次采集血液量一般为二百毫升，最多不得超过四百毫升，两次采集间隔不少于六个月。"
    doc = process(Source("献血条例", text))
    facts = DocumentFacts(doc)
    clean = cloze("采供血机构对献血者每次采集血液量一般为{{c1::二百毫升}}，最多不得超过四百毫升，两次采集间隔不少于六个月。",
                  source=doc.sentences[0].text, section="第十六条")
    padded = cloze("采供血机构对{{c2::献血者}}每次采集血液量一般为{{c1::二百毫升}}，最多不得超过四百毫升，两次采集间隔不少于六个月。",
                   source=doc.sentences[0].text, section="第十六条")
    score_items([clean, padded], facts)
    assert clean.score > padded.score
    from quizgen.rank.score import weakest_blank

    assert weakest_blank(padded, facts) < weakest_blank(clean, facts)


def test_leak_a_blank_whose_words_the_note_shows_elsewhere_is_refused():
    # fresh sets: 征收时未就房屋进行[安置补偿]，补偿安置时… — read off the note (15% of such notes kept)
    assert "leak" in codes(cloze("征收时未就房屋进行{{c1::安置补偿}}，补偿安置时房屋所在地已纳入城市规划区的，应予支持。"))
    assert "leak" not in codes(cloze("{{c1::医疗机构制剂}}是指医疗机构根据本单位临床需要而常规配制的医疗机构自用制剂。"))
    assert "leak" not in codes(cloze("行政决定以{{c1::公告方式送达}}的，起诉期限自公告确定的期限届满之日起计算。"))


def test_cut_an_adverb_of_zeal_and_its_verb_is_no_blank():
    # fresh sets: [积极开展], [充分肯定], [不断提高产品质量] were all discarded as fillers
    assert "stop-blank" in codes(cloze("新闻媒体应当{{c1::积极开展}}相关法律法规和知识的宣传。"))
    assert "stop-blank" in codes(cloze("会议{{c1::充分肯定}}了一年来的工作。"))
    assert "stop-blank" not in codes(cloze("要{{c1::积极协调，真督实查}}。"))  # a list's members
    # and the generic verbs of carrying a rule out (18 judged items with such a blank: none kept)
    assert "stop-blank" in codes(cloze("协调中围绕领导意图不折不扣地{{c1::贯彻执行}}。"))
    assert "stop-blank" in codes(cloze("本办法由市人民政府{{c1::组织实施}}。"))
    assert "stop-blank" not in codes(cloze("协调中围绕领导意图{{c1::不折不扣}}地贯彻执行。"))


def test_subject_a_sentence_opening_with_those_told_before_leans_back():
    # fresh11: 以上机构或者常设办事处的名单由香港特别行政区政府向最高人民法院提供 (which bodies?)
    assert "back-reference" in codes(cloze("以上机构或者常设办事处的名单由{{c1::香港特别行政区政府}}提供。"))
    assert "back-reference" not in codes(cloze("县级以上人民政府应当加强{{c1::防汛}}工作。"))


def test_subject_a_sentence_two_articles_share_is_shown_with_its_own_articles_lead():
    # fresh13: （四）违法所得五千元以上或者造成经济损失一万元以上的； stands in 第一条 and in 第六条; the
    # question of 第一条's item showed 第六条's lead under the section line 第一条
    text = ("第一条 非法获取计算机信息系统数据，具有下列情形之一的，应当认定为“情节严重”：\n"
            "（一）获取身份认证信息十组以上的；\n（二）违法所得五千元以上或者造成经济损失一万元以上的。\n"
            "第六条 故意制作、传播计算机病毒等破坏性程序，具有下列情形之一的，应当认定为“后果严重”：\n"
            "（一）提供计算机病毒等破坏性程序十人次以上的；\n（二）违法所得五千元以上或者造成经济损失一万元以上的。\n")
    for item in _kept(text, "解释"):
        shown = item.text if isinstance(item, Cloze) else getattr(item, "question", "") or getattr(item, "statement", "")
        if "经济损失" in shown:
            assert ("非法获取" in shown) == (item.section == "第一条"), (item.section, shown)
            assert ("计算机病毒" in shown) == (item.section == "第六条"), (item.section, shown)


def test_markup_the_line_of_a_regulations_adoption_is_no_content():
    # fresh13: 2020年8月27日 …常务委员会第三十六次会议通过并经[2020年9月25日]…批准 (discarded as metadata)
    text = ("2015年3月27日浙江省第十二届人民代表大会常务委员会第十八次会议通过　根据2020年9月24日浙江省第十三届人民代表大会"
            "常务委员会第二十四次会议《关于修改〈浙江省社会救助条例〉等六件地方性法规的决定》修正\n"
            "第一条 为了保障军人军属的合法权益，制定本条例。\n第二条 军人优待工作实行属地管理，由县级人民政府负责。\n")
    kept = _kept(text, "浙江省军人军属权益保障条例")
    assert kept and not any("会议通过" in i.source for i in kept)


def test_subject_an_item_of_a_list_that_shows_nothing_but_its_blank_is_not_asked_alone():
    # fresh15: …进行集体协商：（三）[休息休假]； — any other item of the list would fit (5 such notes discarded)
    text = ("第十条 集体协商双方应当就下列多项或者某项内容进行集体协商，签订综合性集体合同或者专项集体合同：\n"
            "（一）劳动报酬；\n（二）工作时间；\n（三）休息休假；\n（四）劳动安全与卫生；\n（五）补充保险和福利；\n"
            "（六）女职工和未成年工特殊保护；\n（七）职业技能培训；\n（八）劳动合同管理；\n（九）奖惩；\n（十）裁员；\n"
            "（十一）集体合同期限；\n（十二）变更、解除集体合同的程序以及集体合同终止后双方当事人各自的权利和义务；\n（十三）履行集体合同发生争议时的协商处理办法；\n"
            "（十四）违反集体合同的责任；\n（十五）双方认为应当协商的其他内容。\n")
    alone = [i for i in _kept(text, "集体合同条例") if isinstance(i, Cloze) and "-list" not in i.id]
    assert not [n.text for n in alone if re.search(r"：（[一二三四五六七八九十]+）\{\{c1::[^}]*\}\}；$", n.text)]


def _objects(text: str) -> str:
    from quizgen.rank.cuts import objects_alone

    return _cut_by(objects_alone, text)


def test_cut_a_blank_asks_the_object_of_a_light_verb_or_of_a_modal_predicate_not_the_verbs():
    # fresh16/17: [实行有偿使用] “the learner cannot tell what is asked”, 应当[召开全体会议审议]
    # “a whole clause repeating 审议”, [承办单位应当] “drags in the modal”
    assert _objects("泰山风景名胜资源{{c1::实行有偿使用}}，具体办法由省人民政府制定。") \
        == "泰山风景名胜资源实行{{c1::有偿使用}}，具体办法由省人民政府制定。"
    assert _objects("专门委员会审议地方性法规案时，应当{{c1::召开全体会议审议}}。") \
        == "专门委员会审议地方性法规案时，应当召开{{c1::全体会议}}审议。"
    assert _objects("在办理过程中，{{c1::承办单位应当}}与代表加强联系沟通。") \
        == "在办理过程中，{{c1::承办单位}}应当与代表加强联系沟通。"
    # a body and its verb after 由 is no verb and object: 保护 is not what governs 责任人
    assert _objects("修缮费用由{{c1::保护责任人承担}}。") == "修缮费用由{{c1::保护责任人承担}}。"
    # fresh22/23: [会同市地名办确定] “blank only 市地名办”, [注明失效时间] “blank only 失效时间”
    assert _objects("门弄号牌的样式，由市公安部门{{c1::会同市地名办确定}}。") \
        == "门弄号牌的样式，由市公安部门会同{{c1::市地名办}}确定。"
    assert _objects("限时使用的产品应{{c1::注明失效时间}}。") == "限时使用的产品应注明{{c1::失效时间}}。"


def test_cut_the_first_blank_of_a_list_loses_the_verb_its_head_shows_it_does_not_share():
    # fresh17: [建设畜禽养殖场]、[养殖小区]、[水产养殖场] “c1 includes the verb 建设, so the blanks are not parallel”
    assert _agreed("保护重点区域内禁止{{c1::建设畜禽养殖场}}、{{c2::养殖小区}}、{{c3::水产养殖场}}；") \
        == "保护重点区域内禁止建设{{c1::畜禽养殖场}}、{{c2::养殖小区}}、{{c3::水产养殖场}}；"


def test_subject_a_condition_whose_case_the_sentence_before_tells_leans_on_it():
    # fresh sets: 确需调整的，…; 经同意，可以适当延长…; 自运的，…; 拒不承担责任的，… (1 of 10 and 6 of 30 kept)
    from quizgen.lang.markers import opens_with_reference

    for text in ("确需调整的，城乡规划部门应当征求意见。", "经同意，可以适当延长。", "逾期未清除的，由河道主管机关组织清除。",
                 "有关情况应当记入评议笔录。", "自运的，应当采取密闭的方式。", "拒不承担责任的，地方工会可以发出整改意见书。",
                 "联名提出的，领衔代表应当采取适当方式。"):
        assert opens_with_reference(text), text
    for text in ("套购玉米种子的，由农业行政主管部门收缴。", "解除集体合同的，用人单位应当报送备案。",
                 "违反本条例规定的，由公安机关给予警告。", "有关部门应当予以配合。"):
        assert not opens_with_reference(text), text
    kept = _kept("第十一条 城市绿线不得擅自调整。确需调整的，城乡规划部门应当征求同级城市绿化行政主管部门的意见，"
                 "并按照原批准程序审批。\n")
    fronts = _fronts(kept)
    assert fronts and all(not f.startswith("确需调整") for f in fronts), fronts
    assert any(f.startswith("城市绿线不得擅自调整。确需调整的") for f in fronts), fronts


def test_cut_a_closing_clause_that_opens_with_a_verb_is_not_blanked():
    # judged notes of the fresh sets: a blank that is the whole last clause of its sentence and opens
    # with a verb (…不能证明自己无过错的，［承担赔偿责任］; …，［帮助其回归社会］) was kept 4 times of 44;
    # a ban there is the fact (…，［不得占用耕地］), and so is a figure
    from quizgen.rank.cuts import closing_clauses

    def cut(*parts):
        return markup.to_markup(closing_clauses([markup.Deletion(n, p[1]) if isinstance(p, tuple) else p
                                                 for n, p in enumerate(parts, 1)]))

    assert cut("认证机构不能证明自己无过错的，", (1, "承担赔偿责任"), "。") == "认证机构不能证明自己无过错的，承担赔偿责任。"
    assert cut("对社区矫正对象开展教育，", (1, "帮助其回归社会"), "。") == "对社区矫正对象开展教育，帮助其回归社会。"
    assert "{{" in cut("建设项目确需占用的，", (1, "不得占用耕地"), "。")
    assert "{{" in cut("为赌博提供条件的，", (1, "处五日以下拘留"), "。")
    assert "{{" in cut("由", (1, "县级人民政府"), "负责。")  # inside a clause: not a closing one
    text = ("第十二条 电子政务电子认证服务机构不能证明自己无过错的，承担赔偿责任。\n"
            "第十三条 社区矫正机构应当对社区矫正对象开展法治教育，帮助其回归社会。\n")
    blanked = _blanked(text)
    assert "承担赔偿责任" not in blanked and "帮助其回归社会" not in blanked, blanked


def test_cut_the_category_a_list_of_examples_names_is_not_blanked():
    # fresh35 (held out): 乘坐公共汽车、电车、轨道交通等［公共交通工具］ — "the generic category, obvious from the
    # examples shown right before it"; judged notes with one such blank: 6 of 26 kept
    from quizgen.rank.cuts import named_categories

    parts = ["被执行财产需要变价的，人民法院应当依法采取拍卖、变卖等", markup.Deletion(1, "变价措施"), "。"]
    assert markup.to_markup(named_categories(parts)) == "被执行财产需要变价的，人民法院应当依法采取拍卖、变卖等变价措施。"
    parts = ["用于", markup.Deletion(1, "工具"), "、", markup.Deletion(2, "容器"), "等物品"]
    assert "{{c2::容器}}" in markup.to_markup(named_categories(parts))  # the examples themselves are blanks


def test_cut_a_last_member_holding_two_items_becomes_two_blanks():
    # fresh37 (dev): 不得自行［销售］、［交换和留用］ — "blanks two items as one"; judged notes with such a
    # last member: 14 of 55 kept
    from quizgen.rank.cuts import conjoined_members

    parts = ["不得自行", markup.Deletion(1, "销售"), "、", markup.Deletion(2, "交换和留用"), "。"]
    assert markup.to_markup(conjoined_members(parts)) == "不得自行{{c1::销售}}、{{c2::交换}}和{{c3::留用}}。"
    parts = [markup.Deletion(1, "违法所得"), "、", markup.Deletion(2, "限期拆除或没收"), "在林地上的违法建筑物"]
    assert conjoined_members(parts) == parts  # 限期拆除 is two words: no items of one kind
    parts = ["会同", markup.Deletion(1, "农业农村"), "、", markup.Deletion(2, "住房和城乡建设"), "等部门"]
    assert conjoined_members(parts) == parts  # a body's own name (fresh39–41: "one department name split")
    text = "第八条 境内机构采炼的副产金银，一律交售给中国人民银行，不得自行销售、交换和留用。\n"
    assert {"交换", "留用"} <= _blanked(text) and "交换和留用" not in _blanked(text)
    from quizgen.rank.cuts import pronouns_outside

    # fresh37 (dev): 按照规定为［其预留采购份额］ — "the blank takes in the pronoun 其"
    assert markup.to_markup(pronouns_outside(["为", markup.Deletion(1, "其预留采购份额"), "。"])) == "为其{{c1::预留采购份额}}。"
    assert markup.to_markup(pronouns_outside(["由", markup.Deletion(1, "其他组织"), "承担。"])) == "由{{c1::其他组织}}承担。"


def test_trivial_a_stock_list_blanked_member_by_member_is_text_however_wide_its_ends():
    # fresh31 (held out): 保安服务公司派出［保安员跨省］、［自治区］、［直辖市］… — "tests nothing worth recalling";
    # judged notes with a stock list blanked member by member: 18 of 103 kept
    from quizgen.rank.cuts import stock_runs

    parts = ["派出", markup.Deletion(1, "保安员跨省"), "、", markup.Deletion(2, "自治区"), "、", markup.Deletion(3, "直辖市"),
             "为客户单位提供保安服务"]
    assert markup.to_markup(stock_runs(parts)) == "派出保安员跨省、自治区、直辖市为客户单位提供保安服务"
    parts = ["对本", markup.Deletion(1, "地区生产"), "、", markup.Deletion(2, "销售"), "的产品进行监督检查"]
    assert "{{" not in markup.to_markup(stock_runs(parts))
    parts = ["应当具备", markup.Deletion(1, "责任心"), "、", markup.Deletion(2, "细心"), "、", markup.Deletion(3, "耐心")]
    assert stock_runs(parts) == parts  # the sample's 四心 is no stock list


def test_subject_the_first_of_several_bans_of_an_unnamed_thing_shows_the_sentence_that_names_it():
    # fresh37 (dev): 任何单位或者个人不得侵占、冒领。(正确) — "the statement has no object; it must say the 侨汇收入"
    text = "第二十条 归侨、侨眷的侨汇收入，受法律保护。任何单位或者个人不得侵占、冒领，不得非法冻结、没收，不得滞付。\n"
    statements = [i.statement for i in generate(process(Source("归侨侨眷权益保护办法", text))) if isinstance(i, Judge)]
    bans = [s for s in statements if "侵占、冒领" in s]
    assert bans and all(s.startswith("归侨、侨眷的侨汇收入，受法律保护。") for s in bans), statements


# --- the note keep score ----------------------------------------------------------

CARE = ("第一条 为了规范养老服务，制定本条例。\n"
        "第二条 养老护理人员应当参加相应的职业技能培训，提高业务能力。\n"
        "第三条 托育机构违反幼儿养育保育标准和规范的，由教育部门责令改正，给予警告；拒不改正的，处五千元以上五万元以下的罚款。\n"
        "第四条 本条例自2025年1月1日起施行。\n")
FILLER_NOTE = "养老护理人员应当参加相应的职业技能培训，提高{{c1::业务能力}}。"
FINE_NOTE = "托育机构违反幼儿养育保育标准和规范的，由教育部门责令改正，给予警告；拒不改正的，处{{c1::五千元以上五万元以下}}的罚款。"


def test_trivial_a_note_trainers_are_unlikely_to_keep_is_refused_in_a_regulation_only():
    from quizgen.rank.keep import FLOOR, MODEL, keep_score, weak_notes
    from quizgen.rank.score import load

    assert load(MODEL).weights and load(MODEL) is load(MODEL)
    filler, fine = (Cloze(id=f"s{n}-p1-t1-cloze", section=f"第{'二三'[n - 2]}条", source="", text=markup.from_plain(t))
                    for n, t in ((2, FILLER_NOTE), (3, FINE_NOTE)))
    facts = DocumentFacts(process(Source("养老服务条例", CARE)))
    assert keep_score(filler, facts) < FLOOR <= keep_score(fine, facts)
    assert keep_score(filler, facts) == keep_score(filler, facts)
    assert weak_notes([filler, fine], facts) == {id(filler)}
    # an article or a speech is no regulation: the judged notes the score learned from were of regulations
    prose = DocumentFacts(process(Source("养老服务", re.sub(r"第.条 ", "", CARE))))
    assert weak_notes([filler, fine], prose) == set()


def test_trivial_the_selection_of_a_regulation_keeps_no_note_below_the_floor():
    from quizgen.rank.keep import FLOOR, keep_score

    path = next((DATA / "regulations").glob("医疗纠纷预防和处理条例*.md"))
    doc = process(read_source(path))
    chosen = rank(doc, generate(doc))
    facts = DocumentFacts(doc)
    notes = [i for i in chosen.kept if isinstance(i, Cloze)]
    assert chosen.rejected["unlikely-kept"] > 0 and notes
    assert all(keep_score(i, facts) >= FLOOR for i in notes)
    assert "unlikely-kept" in chosen.summary()["rejected"]


MARRIAGE = ("第二条 本市居民办理婚姻登记，应当在登记之日起三十日内向户籍所在地的区民政部门申报，逾期申报的，"
            "区民政部门应当责令限期改正，并依法予以处罚，具体办法由市人民政府另行制定并公布施行。")


def test_trivial_a_question_cut_short_of_its_sentence_is_refused_in_a_regulation_only():
    from quizgen.rank.questionkeep import FLOOR, MODEL, question_keep, weak_questions
    from quizgen.rank.score import load

    assert load(MODEL).weights and load(MODEL) is load(MODEL)
    options = ["三十日内", "十五日内", "六十日内", "九十日内"]
    whole = Choice(id="s2-p1-t1-figure1-choice", section="第二条", source=MARRIAGE, options=options, answer=[0],
                   question="本市居民办理婚姻登记，应当在登记之日起（　　）向户籍所在地的区民政部门申报，逾期申报的，"
                            "区民政部门应当责令限期改正，并依法予以处罚。")
    # (judged: "the stem is cut to a fragment with no subject")
    fragment = Choice(id="s2-p2-t3-figure1-choice", section="第二条", source=MARRIAGE, options=options,
                      answer=[0], question="应当在（　　）申报。")
    assert question_keep(fragment) < FLOOR <= question_keep(whole)
    assert question_keep(whole) == question_keep(whole)
    regulation = DocumentFacts(process(Source("婚姻登记规定", "第一条 为了规范婚姻登记，制定本规定。\n" + MARRIAGE
                                              + "\n第三条 本规定自2025年1月1日起施行。\n")))
    assert weak_questions([whole, fragment], regulation) == {id(fragment)}
    assert weak_questions([fragment], regulation) == set()  # the best of its kind stays: the paper asks every kind
    prose = DocumentFacts(process(Source("婚姻登记", MARRIAGE.removeprefix("第二条 "))))
    assert weak_questions([whole, fragment], prose) == set()
