"""Choice, multi-select and true/false questions: the rules a trainer would check."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from quizgen.generate.distractors import bare
from quizgen.rank import Budget
from quizgen.build import make_items, process
from quizgen.generate import GENERATORS, generate
from quizgen.generate.cloze import sentence_notes
from quizgen.generate.listnotes import list_notes
from quizgen.ingest.read import read_source, sample
from quizgen.model import Source
from quizgen.lang.numerals import parse_number, upper_bound


@pytest.fixture(scope="module")
def seed():
    doc = process(sample())
    return doc, make_items(doc, budget=Budget(keep_all=True))


def by_kind(items, kind):
    return [i for i in items if i.kind == kind]


def test_the_reference_article_yields_enough_questions(seed):
    _, items = seed
    counts = Counter(i.kind for i in items)
    assert counts["choice"] >= 20 and counts["multi"] >= 5 and counts["judge"] >= 10


def test_text_frames_give_the_expected_questions(seed):
    _, items = seed
    q = next(i for i in by_kind(items, "choice") if i.question == "对下协调要在什么上下功夫？")
    assert sorted(q.options) == sorted(["关爱", "创新", "落实", "沟通"])
    assert q.options[q.answer[0]] == "关爱"
    name = next(i for i in by_kind(items, "choice") if i.question == "办公室的另一个名称叫什么？")
    assert name.options[name.answer[0]] == "不管部"
    multi = next(i for i in by_kind(items, "multi") if i.question == "协调包括哪些？")
    assert {multi.options[k] for k in multi.answer} == {"对上协调", "平级协调", "对下协调", "横向协调"}
    assert len(multi.options) > 4
    negative = next(i for i in by_kind(items, "choice") if "四心" in i.question and "不包括" in i.question)
    assert negative.options[negative.answer[0]] not in {"责任心", "细心", "耐心", "平常心"}
    judges = {i.statement: i.answer for i in by_kind(items, "judge")}
    assert judges["对上协调要在创新上下功夫。"] is True
    assert any(s.startswith("对上协调要在") and v is False for s, v in judges.items())


@pytest.mark.parametrize("document", ["seed", "annotated"])
def test_every_question_follows_the_rules(seed, document):
    if document == "seed":
        doc, items = seed
    else:
        from pathlib import Path

        path = Path(__file__).parent / "data" / "annotated" / "sfjs-xunxin-zishi.md"
        doc = process(read_source(path))
        items = make_items(doc, budget=Budget(keep_all=True))
    flat_text = bare(doc.text)
    for item in items:
        if item.kind == "judge":
            statement = bare(item.statement)
            if item.answer is False:
                # false by construction: never a sentence that the text itself says
                assert statement not in flat_text, item.statement
            assert item.explanation
            continue
        if item.kind not in ("choice", "multi"):
            continue
        options = [bare(o) for o in item.options]
        assert len(set(options)) == len(options), item
        assert all(0 <= k < len(options) for k in item.answer)
        correct = [options[k] for k in item.answer]
        for key in correct:
            for other in options:
                if other != key:
                    assert key not in other and other not in key, (item.question, item.options)
        if item.kind == "choice":
            assert len(item.answer) == 1 and len(options) == 4
            assert correct[0] not in bare(item.question), item.question
        else:
            assert len(item.answer) >= 2 and len(options) > len(item.answer)
        assert item.section and item.source


def test_correct_position_is_balanced(seed):
    _, items = seed
    positions = Counter(i.answer[0] for i in by_kind(items, "choice"))
    assert set(positions) == {0, 1, 2, 3}
    assert max(positions.values()) - min(positions.values()) <= 3


def test_same_seed_same_questions_other_seed_other_order(seed):
    doc, _ = seed
    questions = tuple(g for g in GENERATORS if g not in (list_notes, sentence_notes))
    a = generate(doc, 7, questions)
    b = generate(doc, 7, questions)
    c = generate(doc, 8, questions)
    assert [(i.id, getattr(i, "options", None), i.answer) for i in a] == \
        [(i.id, getattr(i, "options", None), i.answer) for i in b]
    assert [i.id for i in a] == [i.id for i in c]
    assert [getattr(i, "options", None) for i in a] != [getattr(i, "options", None) for i in c]


def test_distractors_come_from_siblings_first(seed):
    _, items = seed
    choices = by_kind(items, "choice")
    with_sibling = [i for i in choices if "sibling" in " ".join(i.tags)]
    assert len(with_sibling) >= len(choices) // 2


def test_outsiders_share_the_siblings_suffix(seed):
    _, items = seed
    multi = next(i for i in by_kind(items, "multi") if "四心" in i.question)
    outsiders = [o for k, o in enumerate(multi.options) if k not in multi.answer]
    assert outsiders and all(o.endswith("心") for o in outsiders)
    assert not any(re.search(r"中心|市中心", o) for o in outsiders)


def test_dictionary_neighbours_are_frequent_words_of_the_same_shape():
    """The third distractor tier: jieba dictionary words of the key's length sharing its
    last character, most frequent first (the ranked list is cached on disk)."""
    from quizgen.lang import segment
    from quizgen.generate.distractors import dictionary_neighbours

    words = dictionary_neighbours("责任心")
    assert "自信心" in words and "责任心" not in words
    assert all(len(w) == 3 and w.endswith("心") for w in words)
    freq = [segment.word_frequency(w) for w in words]
    assert freq == sorted(freq, reverse=True) and min(freq) >= 20
    suffixed = dictionary_neighbours("细心", suffix="心")
    assert {"耐心", "信心"} <= set(suffixed) and all(w.endswith("心") for w in suffixed)


def test_a_new_kind_of_question_is_one_generator_in_the_registry(seed, monkeypatch):
    """Adding a generator: a module with ``generate(ctx)`` and one line in GENERATORS."""
    import quizgen.generate as generate_stage
    from quizgen.build import make_items
    from quizgen.generate.context import GeneratorContext
    from quizgen.items import Judge

    def heading_count(ctx: GeneratorContext) -> None:
        count = sum(1 for s in ctx.doc.sections if s.heading)
        ctx.items.append(Judge(id="s0-headings-count-judge", section="引言", statement=f"本文共有{count}个部分。",
                               answer=True))

    monkeypatch.setattr(generate_stage, "GENERATORS", (*generate_stage.GENERATORS, heading_count))
    doc, _ = seed
    items = make_items(doc, budget=Budget(keep_all=True))
    assert items[-1].id == "s0-headings-count-judge" and items[-1].statement == "本文共有5个部分。"


def choices(text: str) -> dict[str, str]:
    """The choice questions the generators make of ``text``: {right option: question}."""
    return {i.options[i.answer[0]]: i.question for i in generate(process(Source("文件", text))) if i.kind == "choice"}


def test_a_section_is_asked_of_its_own_formula_not_of_a_quoted_term():
    # judged on the test split: “请假申请单”出自下列哪一部分？ (a form named in several sections)
    # and “XX 政策” were discarded, “背景 — 内容 — 意义” kept
    text = ("一、明确工作职责\n按照“谁开设、谁主办”的原则，明确网站的主办单位。各单位填写“备案登记表”后报送。\n"
            "二、规范运维管理\n运维单位应当定期检查网站，发现问题及时处理。\n"
            "三、强化保障措施\n各单位应当落实经费，保障网站正常运行。\n"
            "四、总体要求\n各单位要高度重视网站建设，按照“备案登记表”的要求做好工作。\n")
    asked = {q: a for a, q in choices(text).items() if q.endswith("出自下列哪一部分？")}
    assert asked == {"“谁开设、谁主办”出自下列哪一部分？": "明确工作职责"}


def test_a_sentence_is_asked_by_a_choice_on_its_first_figure_only():
    # fresh sets: trainers kept 33 % of 69 judged questions on a sentence's second or later figure
    # (对直接负责的主管人员和其他直接责任人员处（　　）罚款: for which tier?), 67 % of those on its first
    text = ("第四十五条 开展数据处理活动的组织、个人不履行本法规定的数据安全保护义务的，由有关主管部门责令改正，给予警告，"
            "可以并处五万元以上五十万元以下罚款，对直接负责的主管人员和其他直接责任人员可以处一万元以上十万元以下罚款；"
            "拒不改正或者造成大量数据泄露等严重后果的，处五十万元以上二百万元以下罚款，并可以责令暂停相关业务、停业整顿，"
            "对直接负责的主管人员和其他直接责任人员处五万元以上二十万元以下罚款。\n")
    asked = choices(text)
    assert list(asked) == ["五万元以上五十万元以下"]
    assert asked["五万元以上五十万元以下"].startswith("开展数据处理活动的组织、个人不履行本法规定的数据安全保护义务的，")


@pytest.mark.parametrize("text", [
    "第十六条 国家和本市档案行政管理部门规定应当归档的材料，不得拒绝归档或者据为己有。\n",
    "第五条 公示的行政处罚信息不得泄露国家秘密。\n",
    "第二十条 职工代表依法行使权利，任何组织和个人不得压制、阻挠和打击报复。\n",
    # harm done to a thing or to others' work: 1 of 8 such bans turned round was kept (fresh files)
    "第十八条 任何单位和个人不得阻挠公路绿化工作、毁坏行道树和绿化带。\n",
    "第三十二条 在公路两侧控制区边缘进行开发和建设，不得堵塞公路排水系统。\n",
    # an act named by its wrong: fresh11–16 (dev), 7 such bans turned round judged, all discarded
    "第九条 经营者不得牟取暴利。\n",
    "第二十九条 任何单位和个人不得制造、散布地震谣言。\n",
    # breaking a rule, anything of a kind: 3 of 20 such bans turned round were kept (judged files)
    "第十条 用人单位不得违反本法规定延长劳动者的工作时间。\n",
    "第十一条 禁止使用国家明令淘汰的工艺、设备和器具。\n",
    "第十二条 检查人员不得接受被检查企业的任何馈赠、报酬、福利待遇。\n",
    "第三条 地方性法规不得与宪法、法律、行政法规相抵触。\n",
    "第十九条 禁止随意倾倒、抛撒、堆放餐厨垃圾。\n",
])
def test_a_ban_on_an_act_wrong_on_its_face_is_not_turned_round(text):
    # judged on the test split and fresh documents: 公示的行政处罚信息可以泄露国家秘密。 is false to
    # anyone (discarded as trivial); the rule as written is kept
    doc = process(Source("规定", text))
    judges = [i for i in generate(doc) if i.kind == "judge" and "-rule-" in i.id]
    assert [j.answer for j in judges] == [True]


def test_a_figure_condition_is_asked_whole_and_with_its_consequence():
    # fresh documents: 擅自收购烟叶的，擅自收购烟叶（　　）的。 (the case twice, no consequence) and
    # 或者留滞…车辆的，处以（　　）罚款。 (the last of the clauses of a case) were discarded
    from quizgen.generate.figures import figure_stem

    sentence = ("违反本办法规定，擅自收购烟叶的，由烟草专卖行政主管部门处以违法收购的烟叶价值百分之二十以上百分之五十"
                "以下的罚款，并按照查获地省级烟草专卖行政主管部门出具的上年度烟叶平均收购价格的百分之七十收购违法收购的"
                "烟叶；擅自收购烟叶一千千克以上的，依法没收其违法所得。")
    assert figure_stem(sentence, sentence.index("一千千克以上"), "一千千克以上") == "擅自收购烟叶（　　）的，依法没收其违法所得"
    asked = choices("第四十四条 违反本条例规定，阻碍院前医疗急救车辆通行，或者强行扣留、留滞院前医疗急救车辆以及车载"
                    "设备、设施的，由公安机关依照《中华人民共和国治安管理处罚法》的规定处罚，情节严重的，处以五千元以上"
                    "二万元以下罚款。\n")
    assert not [q for q in asked.values() if q.startswith("或者")]


def test_options_equal_in_value_whatever_their_width_are_refused():
    from quizgen.items import Choice

    same = Choice(id="q", section="", question="逾期不拆除的，处（　　）的罚款。", answer=[0],
                  options=["5万元以上10万元以下", "１万元以上10万元以下", "2万元以上10万元以下", "1万元以上10万元以下"])
    assert "same-value-options" in [r.code for r in same.quality()]


def test_a_year_of_the_text_long_before_is_no_wrong_year():
    # gen57 (held-out company report): 阳新娲石于（　　）度被阳新县政府授予第二届“县长质量奖” offered the
    # plant's founding year 1975年 against 2016年: judged absurd
    text = "社会责任报告\n公司始建于1975年。公司于2016年度被阳新县政府授予第二届“县长质量奖”，2019年通过质量管理体系认证。\n"
    choices = [i for i in generate(process(Source("报告", text))) if i.kind == "choice" and "县长质量奖" in i.question]
    assert choices
    for choice in choices:
        assert all(abs(int(o[:4]) - 2016) <= 5 for o in choice.options), choice.options  # YEAR_SPAN


def test_figure_options_are_written_in_the_digits_of_the_text():
    # fresh documents: only the right option was in full-width digits (１５日内 against 12日内, 18日内)
    asked = [i for i in generate(process(Source("办法", "第十条 权利人应当自收到通知之日起１５日内提出书面意见。\n")))
             if i.kind == "choice" and "１５日内" in i.options]
    assert asked
    for question in asked:
        assert all(not re.search(r"[0-9]", option) for option in question.options), question.options


_THREE_LISTS = ("第五条 公安机关负责下列工作：\n（一）负责辅警的招聘；\n（二）负责辅警的培训；\n（三）负责辅警的考核。\n"
                "第十条 辅警有下列情形之一的，公安机关可以解除劳动合同：\n（一）严重违反公安机关纪律要求的；\n"
                "（二）严重失职的；\n（三）不能胜任工作的；\n（四）被依法追究刑事责任的。\n"
                "第十二条 应聘人员有下列情形之一的，不得招聘为辅警：\n（一）受过刑事处罚的；\n（二）曾被开除公职的；\n"
                "（三）有严重个人不良信用记录的。\n")


def test_the_wrong_options_of_a_list_question_are_items_of_a_list_of_the_same_kind():
    # fresh documents: 负责辅警的招聘、使用、管理 (a duty) offered among the conditions of 辅警应当具备哪些条件
    # and 居民住宅 among the acts a rule forbids; judged wrong kind in 12 of 13 multi questions
    duties = {"负责辅警的招聘", "负责辅警的培训", "负责辅警的考核"}
    questions = [i for i in generate(process(Source("规定", _THREE_LISTS))) if i.kind in ("multi", "choice")
                 and "情形" in i.question]
    assert questions
    for question in questions:
        assert not duties & set(question.options), question.options
        wrong = [o for k, o in enumerate(question.options) if k not in question.answer]
        assert wrong and all(o in _THREE_LISTS for o in wrong)


def test_an_article_number_is_no_count_a_list_announces():
    from quizgen.analyse.structure import _announced

    assert _announced("第十二条 应聘人员有下列情形之一的，不得招聘为辅警：") == (None, "")
    assert _announced("主要有以下十二个方面：") == (12, "十二个方面")
    assert _announced("做好办公室工作，应该具备“四心”：") == (4, "四心")


def test_a_body_is_swapped_only_for_a_body_of_its_kind():
    # fresh7: 报医疗机构批准, 由动物诊疗机构负责 行政执法, 报建设单位核准公布 were judged absurd wrong answers
    from quizgen.lang.bodies import body_kind

    assert {body_kind(b) for b in ("市人民政府", "区农业农村部门", "海事管理机构", "保卫处")} == {"authority"}
    assert {body_kind(b) for b in ("建设单位", "医疗机构", "动物诊疗机构", "工会")} == {"unit"}
    assert body_kind("分管领导") == "person"
    text = ("第五条 血站设置规划由市卫生健康部门编制，报市人民政府批准。\n"
            "第六条 医疗机构应当向市卫生健康部门报告临床用血情况。\n"
            "第七条 建设单位应当向区住房城乡建设部门报告工程进度。\n"
            "第八条 施工单位应当经区生态环境部门批准后夜间施工。\n"
            "第九条 供血单位应当向区市场监督管理部门报告。\n"
            "第十条 用血单位应当向区应急管理部门报告事故。\n")
    doc = process(Source("血站管理条例", text))
    for item in generate(doc):
        if "-body" not in item.id:
            continue
        right = item.options[item.answer[0]] if item.kind == "choice" else None
        wrong = [o for i, o in enumerate(item.options) if i not in item.answer] if item.kind == "choice" else []
        if right is not None:
            assert {body_kind(o) for o in wrong} <= {body_kind(right)}, (right, wrong)
        if item.kind == "judge":
            assert "批准" not in item.statement or "单位批准" not in item.statement, item.statement


def test_a_figure_under_a_condition_that_only_qualifies_an_earlier_case_is_not_asked():
    # fresh files: 未造成严重后果的，可以并处（　　）罚款。 / 没有违法所得的，处（　　）的罚款。 — the stem
    # does not say which violation; trainers kept none of them
    text = ("第三十九条 违反本条例规定，攀爬、踩踏、刻划、涂污、损坏不可移动文物情节轻微的，或者损毁、擅自移动文物保护单位"
            "保护标志和保护界桩，未造成严重后果的，由公安机关或者文物所在单位责令恢复原状，给予警告，可以并处二百元以下罚款。\n"
            "第四十条 违反本条例规定，擅自收购烟叶的，由烟草专卖行政主管部门没收违法所得，可以并处一千元以上五千元以下的罚款。\n")
    doc = process(Source("条例", text))
    stems = {i.options[i.answer[0]]: i.question for i in generate(doc) if i.kind == "choice" and "-figure" in i.id}
    assert "二百元以下" not in stems
    # fresh9: 尚不构成犯罪的，可以根据情节轻重处以（　　）罚款 “without saying who”
    doc = process(Source("条例", "第二十九条 被申请人违反人身安全保护令，构成犯罪的，依法追究刑事责任；尚不构成犯罪的，"
                                 "人民法院可以根据情节轻重处以一千元以下罚款、十五日以下拘留。\n"))
    assert not [i for i in generate(doc) if i.kind == "choice" and i.question.startswith("尚不构成犯罪")]
    assert "擅自收购烟叶的" in stems["一千元以上五千元以下"]  # a case told in full is asked


@pytest.mark.parametrize("figure, believable, absurd", [
    ("12个月", {"6个月", "18个月", "24个月"}, {"11个月", "13个月"}),
    ("90日内", {"60日内", "120日内"}, {"99日内", "63日内"}),
    ("15日内", {"10日内", "20日内", "30日内"}, {"22日内", "11日内"}),
    ("七十二小时内", {"四十八小时内", "二十四小时内"}, {"九十小时内", "四十五小时内"}),
    ("十二个月", {"六个月", "十八个月"}, {"十一个月", "十三个月"}),
    # fresh20 (held out): 对一百周岁以上的老年人… offered 四百周岁以上 and 五百周岁以上
    ("一百周岁以上", {"九十周岁以上", "八十周岁以上"}, {"二百周岁以上", "四百周岁以上", "五百周岁以上"}),
])
def test_a_figures_wrong_options_are_counts_rules_set_for_its_unit(figure, believable, absurd):
    # fresh9: “11个月 and 13个月 are not plausible legal periods”, “99日内 and 63日内 are absurd”,
    # “四十五/九十小时 are unnatural periods”
    from quizgen.generate.distractors import perturbed_figures

    wrong = set(perturbed_figures(figure))
    assert believable <= wrong and not absurd & wrong, wrong
    values = [int(w.removesuffix("日内")) for w in perturbed_figures("90日内")[:3]]
    assert min(values) < 90 < max(values)  # the right value is no extreme of the options


def test_a_ranges_wrong_options_keep_its_bounds_in_order_and_a_time_of_day_moves_by_hours():
    # fresh8: “5倍以上5倍以下” and “7万元以上5万元以下” were judged absurd options
    from quizgen.generate.distractors import perturbed_figures
    from quizgen.lang.numerals import scaled_chinese_figures

    for figure in ("2倍以上5倍以下", "2万元以上5万元以下", "10万元以上50万元以下"):
        for wrong in perturbed_figures(figure):
            low, high = (int(n) for n in re.findall(r"\d+", wrong))
            assert low < high, wrong
    assert "四倍以上十倍以下" in scaled_chinese_figures("二倍以上五倍以下")
    assert "五倍以上五倍以下" not in scaled_chinese_figures("二倍以上五倍以下")
    assert set(perturbed_figures("22时至次日6时")) >= {"21时至次日5时", "23时至次日7时"}
    # a compound count is no range: its first count moves (fresh8: “七年十二个月/十八个月 is absurd”)
    assert "八年零六个月" in scaled_chinese_figures("七年零六个月")
    assert not [w for w in scaled_chinese_figures("七年零六个月") if not w.endswith("零六个月")]
    assert "9时30分" in perturbed_figures("8时30分")


def test_a_ban_that_binds_no_one_is_not_turned_round():
    # fresh11: 允许牟取暴利。/ 允许歪曲、丑化、亵渎、否定红色文化资源。 — trainers kept 5 of the 18 judged
    # statements that open with 允许: false on their face
    doc = process(Source("条例", "第九条 禁止牟取暴利。\n第十条 经营者不得将印章转借他人。\n"))
    statements = {i.statement: i.answer for i in generate(doc) if i.kind == "judge" and "-rule-" in i.id}
    assert "允许牟取暴利。" not in statements
    assert statements["禁止牟取暴利。"] is True
    assert statements["经营者可以将印章转借他人。"] is False  # a ban on someone is still turned round


def test_a_figure_stem_shows_what_is_done_and_for_which_case():
    text = ("第十一条 市、县（市、区）文化和旅游行政主管部门、退役军人工作主管部门应当在红色文化资源保护名录公布之日起三个月内，"
            "按照各自职责，为列入保护名录的不可移动红色文化资源设立保护标志。\n"
            "第三十四条 从事海洋观测活动的单位未按照规定汇交海洋观测资料的，由负责接收海洋观测资料的海洋主管部门责令限期汇交；"
            "逾期不汇交的，责令停止海洋观测活动，处2万元以上10万元以下的罚款。\n"
            "第三十八条 违反本条例规定，有下列行为之一的，由市或者区、县卫生行政部门予以取缔，没收违法所得，可以并处"
            "一万元以上五万元以下的罚款：\n（一）非法采集血液的；\n（二）出售无偿献血的血液的。\n"
            "第三十六条 违反本条例规定，擅自迁移、拆除不可移动红色文化资源的，由文化和旅游行政主管部门责令改正，"
            "造成严重后果的，处五万元以上五十万元以下的罚款。\n")
    asked = choices(text)
    # fresh11: a stem that stops at the deadline (…公布之日起（　　）。) does not say what is due
    assert asked["三个月内"].endswith("公布之日起（　　），按照各自职责，为列入保护名录的不可移动红色文化资源设立保护标志。")
    # a fine under 逾期不汇交的 is not the fine of the first case; 有下列行为之一的 without its list and
    # 造成严重后果的 alone do not say what the fine is for
    assert "2万元以上10万元以下" not in asked
    assert "一万元以上五万元以下" not in asked
    assert "五万元以上五十万元以下" not in asked


def test_a_figure_stem_that_opens_on_the_sequel_of_a_case_told_before_is_not_asked():
    text = ("第三十九条 违反本条例规定，在海岸带范围内新增畜禽养殖专业户的，由农业农村主管部门责令停止违法行为；"
            "拒不停止违法行为的，处一万元以上十万元以下的罚款。\n"
            "第四十条 擅自关闭建筑垃圾消纳场的，由环境卫生主管部门责令改正，处三万元以上十万元以下的罚款。\n")
    asked = choices(text)
    # fresh20: 拒不停止违法行为的，处（　　）的罚款 (judged "does not say which violation it refers to")
    assert "一万元以上十万元以下" not in asked
    assert asked["三万元以上十万元以下"].startswith("擅自关闭建筑垃圾消纳场的")
    # fresh26: a stem of the penalty alone (责令…暂停…（　　）) says neither who is punished nor why
    text = ("第三十八条 定点医药机构以骗取医疗保障基金为目的，实施了本条例第十五条规定行为之一的，由医疗保障行政部门责令退回，"
            "处骗取金额二倍以上五倍以下的罚款。\n责令定点医药机构暂停相关责任部门六个月以上一年以下涉及医疗保障基金使用的医药服务。\n")
    assert "六个月以上一年以下" not in choices(text)


def test_a_ban_turned_round_reads_as_a_rule():
    # fresh22/23 (dev): 不属于鼓励类、限制类和可以类的外商投资项目, 限制使用或者可以使用能源消耗高的技术,
    # …，可以其他方式的采伐: a class taken for a ban, one of two predicates turned, 可以 before a noun
    text = ("第四条 不属于鼓励类、限制类和禁止类的外商投资项目，为允许类外商投资项目。\n"
            "第五条 鼓励使用节能新技术，限制使用或者禁止使用能源消耗高的技术。\n"
            "第六条 对其林地范围内的林木除进行抚育和更新性质的采伐外，禁止其他方式的采伐。\n"
            "第七条 采购人员禁止接受供应商的礼品。\n")
    statements = {i.statement: i.answer for i in generate(process(Source("条例", text))) if i.kind == "judge"}
    assert not any("可以类" in s or "或者可以使用" in s or "可以其他方式" in s for s in statements), statements
    assert statements.get("对其林地范围内的林木除进行抚育和更新性质的采伐外，允许其他方式的采伐。") is False
    assert statements.get("采购人员可以接受供应商的礼品。") is False


def test_a_ban_named_in_a_title_or_as_a_task_is_no_rule_to_turn_round():
    # fresh12: 《青岛市市区可以焚烧抛撒丧葬祭奠物品规定》同时废止 / 支持将可以焚烧…纳入居民公约 (discarded)
    text = ("第十五条 1997年4月4日公布的《青岛市市区禁止焚烧抛撒丧葬祭奠物品规定》同时废止。\n"
            "第十条 支持将禁止焚烧、抛撒丧葬祭奠物品纳入居民公约、村规民约。\n")
    statements = [i.statement for i in generate(process(Source("规定", text))) if i.kind == "judge"]
    assert not any("可以焚烧" in s for s in statements)


def test_a_figure_stem_keeps_whom_a_fine_is_for_and_the_clause_between_case_and_figure():
    # fresh12: 境内机构违反外汇管理规定的，处（　　）的罚款 — the fine is on the bank's directors (judged wrong);
    # 需要进一步研究处理的，遇有特殊情况至迟不超过（　　） — who must answer, and by when normally?
    text = ("第四十九条 境内机构违反外汇管理规定的，除依照本条例给予处罚外，对直接负责的主管人员和其他直接责任人员，应当给予处分；"
            "对金融机构负有直接责任的董事、监事、高级管理人员和其他直接责任人员给予警告，处5万元以上50万元以下的罚款；"
            "构成犯罪的，依法追究刑事责任。\n"
            "第十五条 乡镇人民代表大会代表向本级人民代表大会提出的对各方面工作的建议、批评和意见，由本级人民代表大会主席团交有关"
            "机关和组织研究处理，能够在会议期间答复的，应及时答复；需要进一步研究处理的，有关机关和组织应负责在大会闭会之日起"
            "两个月内，遇有特殊情况至迟不超过四个月，予以答复。\n")
    asked = choices(text)
    assert asked["5万元以上50万元以下"] == ("境内机构违反外汇管理规定的，对金融机构负有直接责任的董事、监事、高级管理人员和其他"
                                          "直接责任人员给予警告，处（　　）的罚款。")
    assert asked["四个月"] == ("需要进一步研究处理的，有关机关和组织应负责在大会闭会之日起两个月内，遇有特殊情况至迟不超过（　　），"
                             "予以答复。")


def test_a_placeholder_for_bodies_is_no_body_to_ask_or_swap():
    # fresh13: 人力资源社会保障部门会同人民法院组织开展随军配偶职业培训 (for 会同有关部门) was discarded as absurd
    text = ("第十三条 人力资源社会保障部门会同有关部门组织开展随军配偶职业培训。\n"
            "第十四条 随军配偶的安置由县级人民政府负责。\n第十五条 军人子女入学由教育行政部门负责。\n"
            "第十六条 军人军属的法律援助由司法行政部门负责。\n第十七条 本条例由省人民政府负责解释。\n")
    items = generate(process(Source("条例", text)))
    assert not any("有关部门" in a for i in items for a in i.answers())
    assert not any(i.kind == "judge" and "会同有关部门" not in i.statement and "职业培训" in i.statement for i in items)


def test_the_texts_own_unit_and_a_role_are_no_bodies_to_swap():
    # fresh16: 书面报实行单位办理… and 由实行单位负责人组织实施 (实行单位 read out of 实行单位负责人和工作人员分级
    # 负责制, 告本单位 cut out of 报告本单位) were discarded
    from quizgen.generate.provisions import bodies

    text = ("第十六条 承办单位应当建立和健全办理工作制度，实行单位负责人和工作人员分级负责制。\n"
            "第二十条 承办单位对代表的书面答复应当由本单位负责人审核签发，并加盖本单位公章。\n"
            "第二十四条 承办单位应当向市人民政府办公厅书面报告本单位办理代表建议的情况。\n"
            "第二十五条 自查工作应当由承办单位负责人组织实施。\n第二十六条 督办工作由大会秘书处负责。\n")
    doc = process(Source("规定", text))
    found = bodies(doc)
    assert "承办单位" in found and "大会秘书处" in found
    assert not {"实行单位", "本单位", "告本单位"} & set(found), found
    swapped = [i.statement for i in generate(doc) if i.kind == "judge" and not i.answer]
    assert not any("实行单位" in s or "告本单位" in s for s in swapped), swapped


def test_a_figure_the_stem_shows_is_no_wrong_option():
    # fresh13: …建筑面积超过五万平方米不足十万平方米的住宅区，…不少于（　　）。 offered 五万平方米 (judged absurd)
    text = ("第十五条 新建住宅区应当配套建设体育健身设施，其中，室内体育健身用房按照下列标准配建：\n"
            "（一）建筑面积不足五万平方米的住宅区，室内体育健身用房建筑面积不少于二百五十平方米；\n"
            "（二）建筑面积超过五万平方米不足十万平方米的住宅区，室内体育健身用房建筑面积不少于三百五十平方米；\n"
            "（三）建筑面积超过十万平方米的住宅区，室内体育健身用房建筑面积不少于五百平方米。\n")
    asked = [i for i in generate(process(Source("条例", text))) if i.kind == "choice" and "-figure" in i.id]
    assert asked
    for item in asked:
        wrong = [o for n, o in enumerate(item.options) if n not in item.answer]
        assert not any(o in item.question for o in wrong), (item.question, item.options)


def test_a_figure_stem_says_what_the_figure_allows():
    # fresh13: 市人民代表大会代表（　　）联名。 did not say what the joint motion is for
    text = ("第九条 市人民代表大会代表十人以上联名，可以向市人民代表大会提出地方性法规案，由主席团决定是否列入会议议程，"
            "或者先交有关的专门委员会审议，提出是否列入会议议程的意见，再决定是否列入会议议程。\n")
    assert choices(text)["十人以上"] == "市人民代表大会代表（　　）联名，可以向市人民代表大会提出地方性法规案。"


def test_figure_options_are_of_the_answers_scale_and_unit():
    # fresh sets: 百分之一以上 offered with 三分之一以上 and 四分之三以上, 二百千瓦 with 六百瓦 and 一百二十瓦,
    # the base year 一九八六年 with 十五年: judged absurd
    text = ("第八条 科技企业的研究开发费用应占年产品销售收入的百分之一以上，重点企业不低于三分之一以上的增长。\n"
            "第九条 总发射功率大于二百千瓦的广播电视发射塔，应当进行评价；功率在一百二十瓦以下的除外。\n"
            "第十条 基数以一九八六年为准，期限为十五年。\n")
    options = {i.options[i.answer[0]]: i.options for i in generate(process(Source("文件", text))) if i.kind == "choice"}
    assert "百分之一以上" in options and "二百千瓦" in options
    assert not {"三分之一以上"} & set(options["百分之一以上"])
    assert all(o.endswith("千瓦") for o in options["二百千瓦"]), options["二百千瓦"]
    if "一九八六年" in options:
        assert "十五年" not in options["一九八六年"]


def test_a_body_is_never_swapped_for_another_name_the_text_gives_it():
    # fresh18: 应当经市规划行政主管部门审核 marked false for 市测绘行政主管部门, which 第四条 names so
    # (市规划行政主管部门主管本市测绘工作（以下统称市测绘行政主管部门）): judged wrong
    text = ("第四条 市规划行政主管部门主管本市测绘工作（以下统称市测绘行政主管部门），负责测绘工作的统一监督和管理。\n"
            "第五条 基础测绘成果由市测绘行政主管部门负责保管。\n"
            "第六条 测绘资料由市档案行政管理部门负责接收。\n"
            "第七条 测绘标志由区县人民政府负责保护。\n"
            "第八条 测绘计划由市发展改革部门负责审批。\n"
            "第九条 需要对外提供测绘成果的，应当经市测绘行政主管部门审核。\n")
    items = generate(process(Source("北京市测绘条例", text)))
    for item in items:
        if "-body" in item.id and item.kind == "judge":
            assert "市规划行政主管部门审核" not in item.statement and "市规划行政主管部门负责保管" not in item.statement
        if "-body" in item.id and item.kind == "choice":  # two names of one body are never two options
            assert not {"市测绘行政主管部门", "市规划行政主管部门"} <= set(item.options), item.options
    assert any("-body" in i.id for i in items)


def test_a_body_is_never_swapped_for_the_same_body_placed_in_other_words():
    # fresh22/23 (held out): 应当…向县级以上地方人民政府国土资源主管部门报告 marked false with
    # 县级以上人民政府国土资源主管部门 in its place: "the same in practice", judged discard
    text = ("第五条 县级以上地方人民政府国土资源主管部门负责本行政区域土地复垦的监督管理工作。\n"
            "第六条 复垦方案由县级以上人民政府国土资源主管部门负责审查。\n"
            "第七条 复垦费用由县级以上地方人民政府财政部门负责监督。\n"
            "第八条 土地复垦标准由国务院标准化主管部门负责制定。\n"
            "第九条 复垦验收由当地乡镇人民政府负责组织。\n"
            "第十条 土地复垦义务人应当每年向县级以上地方人民政府国土资源主管部门报告土地损毁情况。\n")
    items = generate(process(Source("土地复垦条例", text)))
    same = {"县级以上地方人民政府国土资源主管部门", "县级以上人民政府国土资源主管部门"}
    for item in items:
        if "-body" in item.id and item.kind == "choice":
            assert not same <= set(item.options), item.options
        if "-body" in item.id and item.kind == "judge":
            assert "向县级以上人民政府国土资源主管部门报告" not in item.statement, item.statement
    assert any("-body" in i.id and i.kind == "choice" for i in items)
    from quizgen.generate.provisions import _same_body

    assert _same_body("本级人民代表大会常务委员会", "市人民代表大会常务委员会")
    assert not _same_body("市人民政府", "县人民政府") and not _same_body("本级人民政府", "市公安机关")


def test_the_upper_end_of_a_range_is_offered_only_above_its_lower_end():
    # fresh18: 推举二至（　　）代表 offered 一名 and 两名; 每人100元以上（　　） offered 100元以下: impossible
    text = ("第五条 各代表团推举二至三名代表作为本届预算审查监督联络员。\n"
            "第六条 用人单位违反本条例规定的，可以按照受侵害的劳动者每人100元以上500元以下的标准计算罚款。\n")
    for item in generate(process(Source("条例", text))):
        if item.kind == "choice" and "二至（　　）" in item.question:
            assert all(o[0] not in "一二两" for o in item.options), item.options
        if item.kind == "choice" and "100元以上（　　）" in item.question:
            assert all(int(o[:-3]) > 100 for o in item.options), item.options


def test_the_lower_end_of_a_range_is_offered_only_below_its_upper_end():
    # fresh31 (held out): 对已满（　　）不满十六周岁的人… offered 二十周岁 and 十八周岁: "impossible"
    text = ("第十三条 未成年人犯罪只有罪行极其严重的，才可以适用无期徒刑。"
            "对已满十四周岁不满十六周岁的人犯罪一般不判处无期徒刑。\n"
            "第十四条 已满十六周岁不满十八周岁的人盗窃未遂的，可不认为是犯罪。\n")
    asked = [i for i in generate(process(Source("最高人民法院关于审理未成年人刑事案件具体应用法律若干问题的解释", text)))
             if i.kind == "choice" and "已满（　　）不满" in i.question]
    assert len(asked) == 2, [i.question for i in asked]
    for item in asked:
        ceiling = 16 if "不满十六周岁" in item.question else 18
        values = [parse_number(o.removesuffix("周岁")) for o in item.options]
        assert len(values) == 4 and all(v is not None and v < ceiling for v in values), item.options
    assert upper_bound("至五年的", "三年") == 5 and upper_bound("不满十六周岁", "五年") is None
    # fresh33 (held out): …自收到审议意见之日起（　　），遇有特殊情况的至迟不超过六个月… offered 九个月内
    assert upper_bound("，遇有特殊情况的至迟不超过六个月向常务委员会报告", "三个月内") == 6
    assert upper_bound("，一万元以下", "五千元以上") == 10000


def test_a_figure_in_the_subject_of_a_long_sentence_is_asked_with_what_is_said_of_it():
    # fresh35 (held out): 年满（　　）的村民。 — "the stem is a fragment; it must say this age gives the right
    # to vote and stand"
    text = ("第十二条 年满十八周岁的村民，不分民族、种族、性别、职业、家庭出身、宗教信仰、教育程度、财产状况、居住期限，"
            "都有选举权和被选举权；但是，依照法律被剥夺政治权利的人除外。\n第十三条 选举委员会由五至九人组成。\n")
    stems = [i.question for i in generate(process(Source("村民委员会选举办法", text))) if i.kind == "choice"]
    aged = [s for s in stems if s.startswith("年满（　　）的村民")]
    assert aged and all(s.endswith("都有选举权和被选举权。") for s in aged), stems
    # fresh46 (held out): 日供水规模在（　　）的农村饮用水水源。 — the subject's head of seven characters
    text = ("第二十四条 日供水规模在二百吨以上的农村饮用水水源，由县（市、区）人民政府水行政主管部门会同生态环境等部门、"
            "所在地乡镇人民政府组织划定保护范围，报县（市、区）人民政府批准，并设立警示标志。\n")
    stems = [i.question for i in generate(process(Source("饮用水水源保护条例", text))) if i.kind == "choice"]
    sized = [s for s in stems if s.startswith("日供水规模在（　　）的农村饮用水水源")]
    assert sized and all(s.endswith("并设立警示标志。") for s in sized), stems


def test_the_number_of_a_numbered_provision_is_no_part_of_its_lead():
    # held-out fresh18: 四、扩大高等学校管理权限，…其主要内容是：（一）… under the section line 四、 (the
    # number shown twice, as content) was marked for an edit on each of its list's notes
    text = ("高等教育管理规定\n一、 国家教育委员会在国务院的领导下，主管全国高等教育工作，其主要职责是：\n"
            "（一）贯彻执行党和国家有关高等教育的方针政策。\n（二）编制全国高等教育事业发展规划。\n（三）制订高等学校的设置标准。\n"
            "二、 国务院有关部门管理其直属高等学校，其主要职责是：\n（一）贯彻执行有关方针政策。\n"
            "（二）负责高等学校的基建投资、统配物资设备和事业经费。\n")
    items = make_items(process(Source("规定", text)))
    shown = [getattr(i, "text", "") or getattr(i, "question", "") or getattr(i, "statement", "") for i in items]
    assert any(s.startswith("国家教育委员会在国务院的领导下，主管全国高等教育工作，其主要职责是：") for s in shown)
    assert any(s.startswith("国务院有关部门管理其直属高等学校，其主要职责是：") for s in shown)
    assert not [s for s in shown if s.startswith(("一、", "二、"))]


def test_a_list_of_wrongs_takes_its_wrong_options_from_lists_of_wrongs_only():
    # held-out fresh18: 在交通出行方面，重点治理哪些不文明行为？ offered norms (爱护景区景点公共设施) and a
    # list of norms offered 遛犬不牵引 (an uncivil act): the wrong kind, easy to rule out (edit)
    text = ("文明行为促进条例\n"
            "第十八条 在公共场所方面，应当遵守下列文明行为规范：\n（一）衣着得体，言行举止文明；\n（二）自觉排队，礼让他人；\n"
            "（三）爱护公共设施；\n（四）维护公共场所干净、整洁；\n"
            "第十九条 在文明旅游方面，应当遵守下列文明行为规范：\n（一）尊重当地风俗习惯；\n（二）遵守景区景点秩序；\n"
            "（三）爱护文物古迹；\n（四）爱护景区花草树木；\n"
            "第二十条 在公共场所方面，重点治理下列不文明行为：\n（一）随地吐痰、便溺；\n（二）在禁止吸烟的场所吸烟；\n"
            "（三）遛犬不牵引，犬便不清理；\n（四）乱丢烟头、纸屑；\n"
            "第二十一条 在交通出行方面，重点治理下列不文明行为：\n（一）驾驶机动车乱停靠、乱鸣笛；\n（二）行人闯红灯；\n"
            "（三）乘坐公共交通工具抢占座位；\n（四）驾驶非机动车逆行；\n")
    doc = process(Source("条例", text))
    norms = {"衣着得体，言行举止文明", "自觉排队，礼让他人", "爱护公共设施", "维护公共场所干净、整洁",
             "尊重当地风俗习惯", "遵守景区景点秩序", "爱护文物古迹", "爱护景区花草树木"}
    multis = {i.question: [o for n, o in enumerate(i.options) if n not in i.answer]
              for i in generate(doc) if i.kind == "multi"}
    wrongs_asked = {q: wrong for q, wrong in multis.items() if "不文明行为" in q}
    norms_asked = {q: wrong for q, wrong in multis.items() if "文明行为规范" in q}
    assert wrongs_asked and norms_asked
    assert all(not norms & set(wrong) for wrong in wrongs_asked.values())
    assert all(set(wrong) <= norms for wrong in norms_asked.values())


def test_a_figure_in_a_clause_that_offers_another_way_is_not_asked_from_that_clause():
    # held-out fresh20: 或者由省、自治区、直辖市人民政府在（　　）依照…直接调查、处理完毕。 lacks who is told
    # of what (edit): a clause opening with 或者 goes on from the one before it
    asked = choices("第二十条 有关省、自治区、直辖市人民政府或者其经济贸易管理部门接到检举后，应当自接到检举之日起"
                    "5个工作日内，由省、自治区、直辖市人民政府责成有关地方人民政府在30个工作日内调查、处理完毕，"
                    "或者由省、自治区、直辖市人民政府在30个工作日内依照本规定直接调查、处理完毕；特殊情况下，"
                    "调查、处理时间可以适当延长，但延长的时间不得超过30个工作日。\n")
    assert not [q for q in asked.values() if q.startswith("或")]


def test_a_body_the_text_only_describes_is_neither_asked_nor_offered():
    # judged files: of 8 true/false statements that swapped 有关行政管理部门 (or 有关部门) for a body the
    # text names, none was kept: 市场监督管理部门 may be one of the 有关行政管理部门, the statement true
    text = ("市场管理条例\n第十九条 市场经营管理者发现场内经营者有违法行为的，应当予以劝阻，并及时向有关行政管理部门报告。\n"
            "第二十条 场内经营者变更经营范围的，应当向市场监督管理部门报告。\n"
            "第二十一条 市场开办者调整市场布局的，应当报商务主管部门批准。\n"
            "第二十二条 场内经营者排放油烟的，应当向生态环境主管部门报告。\n"
            "第二十三条 场内经营者销售进口商品的，应当向海关报告。\n"
            "第二十四条 场内经营者销售预包装食品的，应当向卫生健康主管部门报告。\n")
    items = generate(process(Source("条例", text)))
    bodies = [i for i in items if "-body" in i.id]
    assert bodies  # the bodies the text names are asked
    shown = [getattr(i, "question", "") or getattr(i, "statement", "") for i in bodies]
    assert not [s for s in shown if "劝阻" in s]
    assert not [i for i in bodies if i.kind == "choice" and any("有关" in o for o in i.options)]


def test_a_figures_distractors_are_values_it_could_take():
    # gen60 (held out): 使矛盾转化率达到（　　） A. 100% B. 120% C. 90% D. 180% — "impossible rates";
    # 改革开放（　　） A. 三十年 … C. 08年 — "a wrong-kind option"
    from quizgen.model import Source

    doc = process(Source("后勤安全制度", "一、安全保卫工作\n做好矛盾纠纷排查，使矛盾转化率达到100%，信访办结率达到95%。"
                                      "改革开放三十年来，学校在08年建成新校区。\n"))
    choices = [i for i in generate(doc) if i.kind == "choice"]
    rate = next(i for i in choices if "100%" in i.options)
    assert all(float(o.rstrip("%")) <= 100 for o in rate.options), rate.options
    span = next((i for i in choices if "三十年" in i.options), None)
    assert span is None or "08年" not in span.options
