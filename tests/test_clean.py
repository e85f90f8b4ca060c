"""The cleaner on the real seed, on hand-made cases and on Discuz-style noise (hypothesis)."""

from __future__ import annotations

import random
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quizgen.ingest.clean import clean_text, is_han, join_broken_lines, page_width, strip_emoji, without_contents

WIDTH = str.maketrans("，：；？！（）", ",:;?!()")


def loose(text: str) -> list[str]:
    text = unicodedata.normalize("NFKC", text).translate(WIDTH)
    return [line.strip() for line in text.splitlines() if line.strip()]


def test_seed_matches_hand_cleaned_text(seed_raw, seed_clean):
    assert loose(clean_text(seed_raw)) == loose(seed_clean)


def test_seed_output_has_no_noise_and_full_width_punctuation(seed_raw):
    out = clean_text(seed_raw)
    assert "C8 r;" not in out and "|" not in out
    assert "一是突出重点，分清主次。" in out
    assert "一位现代学者这样说：“细节决定成败”。" in out
    import re

    assert not re.search(r"[\u4e00-\u9fff][,:;?!()]|[,:;?!()][\u4e00-\u9fff]", out)


def test_forum_debris_is_removed():
    raw = ("\ufeff[i=s] 本帖最后由 张三 于 2012-3-4 10:20 编辑 [/i]\n\n"
           "第一段\u200b文字,很重要。  |\n\u3000\u3000第二段文字。\n\n\n\n第三段。")
    assert clean_text(raw) == "第一段文字，很重要。\n第二段文字。\n第三段。\n"
    assert clean_text("本帖最后由 admin 于 2019-12-01 08:05 编辑\n正文。") == "正文。\n"


def test_legitimate_characters_are_kept():
    raw = ("印章直径4.5厘米,占70%(图一)。文号为〔1993〕21号。\n"
           "用Word, Excel排版,通过ISO 9001认证。\n"
           "网址 https://example.com/a?b=1&c=2 可以访问。\n"
           "时间是10:30,金额1,000元。")
    out = clean_text(raw)
    assert "印章直径4.5厘米，占70%（图一）。" in out
    assert "〔1993〕21号" in out
    assert "Word, Excel排版，通过ISO 9001认证。" in out
    assert "https://example.com/a?b=1&c=2" in out
    assert "10:30" in out and "1,000元" in out


def test_ascii_list_is_not_mistaken_for_noise():
    assert clean_text("选项有A, B, C, D, E, F几种。") == "选项有A, B, C, D, E, F几种。\n"
    assert clean_text("编号 1 a 2 b 3 c 4 d 5 e 6 f") == "编号 1 a 2 b 3 c 4 d 5 e 6 f\n"


# --- Discuz! jammer, the way the forum makes it ------------------------------------


def jammer(rng: random.Random) -> str:
    triples = "".join(chr(rng.randint(32, 59)) + " " + chr(rng.randint(63, 126))
                      for _ in range(rng.randint(5, 15)))
    return triples


def render_html(text: str, rng: random.Random) -> str:
    """What a browser shows: runs of spaces collapse, a double space may become U+00A0."""
    out = []
    for line in text.split("\n"):
        chars: list[str] = []
        for ch in line:
            if ch == " " and chars and chars[-1] in " \u00a0":
                if rng.random() < 0.3:
                    chars[-1] = "\u00a0"
                    chars.append(" ")
                continue
            chars.append(ch)
        out.append("".join(chars).strip(" "))
    return "\n".join(out)


def inject(lines: list[str], rng: random.Random) -> str:
    """Every line break gets noise glued to the end of the previous line or the start
    of the next; a blank line becomes a noise-only line."""
    out = [lines[0]]
    for line in lines[1:]:
        noise = jammer(rng)
        if rng.random() < 0.5:
            out[-1] = f"{out[-1]} {noise}"
            out.append(line)
        else:
            out.append(f"{noise} {line}")
    return render_html("\n".join(out), rng)


CJK = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5)
CJK_PUNCT = st.sampled_from("，。；：！？、“”")
ASCII_WORD = st.sampled_from(["Word", "ISO 9001", "4.5厘米", "70%", "2012年", "Excel", "PDF"])
LINE = st.lists(st.one_of(CJK, CJK, CJK, CJK_PUNCT, ASCII_WORD), min_size=1, max_size=40).map("".join).filter(
    lambda s: any(is_han(c) for c in s[:1] + s[-1:]))


@settings(max_examples=int(__import__("os").environ.get("QUIZGEN_HYPOTHESIS_EXAMPLES", 300)), deadline=None)
@given(st.lists(st.one_of(LINE, st.just("")), min_size=1, max_size=8).filter(lambda ls: ls[0] != ""),
       st.integers(0, 2**32 - 1))
def test_injected_noise_is_removed(lines, seed):
    # whole paragraphs (one that ends inside a sentence, or a line that opens on a comma, is joined)
    lines = [("一" if line[:1] in "，。；：、！？”" else "") + f"{line}。" if line else line for line in lines]
    rng = random.Random(seed)
    noisy = inject(lines, rng)
    expected = [line for line in lines if line]
    assert loose(clean_text(noisy)) == loose("\n".join(expected))


@settings(max_examples=int(__import__("os").environ.get("QUIZGEN_HYPOTHESIS_EXAMPLES", 300)), deadline=None)
@given(st.text(alphabet=st.one_of(st.characters(codec="utf-8"), CJK, st.sampled_from(" \n,:;?!()\u3000\u00a0"))))
def test_cleaning_never_drops_adds_or_reorders_han(text):
    han = [c for c in unicodedata.normalize("NFC", text) if is_han(c)]
    assert [c for c in clean_text(text) if is_han(c)] == han



# --- paragraphs broken where a page's line ended -----------------------------------


def test_a_paragraph_broken_inside_a_sentence_is_joined():
    # a held-out regulation converted from a PDF: every article broken where the page's line
    # ended, so blanks cut 事故 (防止车辆发生事) and fines lost their case (处（　　）的罚款)
    raw = ("商丘市市区饮用水水源保护条例\n\n"
           "第二十六条 违反本条例第十三条第一款规定的，按照下列\n\n规定予以处罚：\n\n"
           "（二）违反第二项规定的，由市环境保护主管部门或者县（区）环境保护主管部门责令停止违法行为，\n\n"
           "处二万元以上十万元以下的罚款；\n\n"
           "（三）个人游泳、垂钓等可能污染饮用水水体活动的，由市环境保护主管部门责令停止违法行为，可以处三百\n\n"
           "元以上五百元以下的罚款；\n\n"
           "第十条 县（区）人民政府应当在公路和桥梁设置限速、限高、电子监控等必要的防护措施，防止车辆发生事\n"
           "故污染市区饮用水地表水源。\n")
    assert clean_text(raw).splitlines() == [
        "商丘市市区饮用水水源保护条例",
        "第二十六条 违反本条例第十三条第一款规定的，按照下列规定予以处罚：",
        "（二）违反第二项规定的，由市环境保护主管部门或者县（区）环境保护主管部门责令停止违法行为，"
        "处二万元以上十万元以下的罚款；",
        "（三）个人游泳、垂钓等可能污染饮用水水体活动的，由市环境保护主管部门责令停止违法行为，"
        "可以处三百元以上五百元以下的罚款；",
        "第十条 县（区）人民政府应当在公路和桥梁设置限速、限高、电子监控等必要的防护措施，"
        "防止车辆发生事故污染市区饮用水地表水源。",
    ]


@pytest.mark.parametrize("lines", [
    # a title, then a salutation
    ["关于进一步加强和改进机关办公室工作，提高服务水平的意见", "各区、县人民政府，市政府各委、办、局："],
    # a heading before its text; an article after a line that ends inside a sentence
    ["## 第二章 工作报告的审议", "第五条 常务委员会听取和审议工作报告。"],
    ["各区县人民政府应当按照本条例的规定，做好本行政区域内的", "第六条 市人民政府统一领导全市工作。"],
    # labelled lines, each one point of a list
    ["导语", "政治准确：严格遵循宣传口径，确保政策表述、术语使用符合官方规范", "逻辑清晰：遵循基本叙事结构"],
    # members of a list set out a line each
    ["全国人民代表大会常务委员会由下列人员组成：", "委员长，", "副委员长若干人，", "秘书长，", "委员若干人。"],
    # a record line under the title
    ["标题", "2021年4月7日 最高人民法院审判委员会第1835次会议修正，该修正自2021年4月15日施行",
     "为依法惩治犯罪活动，根据刑法有关规定，制定本解释。"],
])
def test_a_line_that_ends_a_paragraph_is_not_joined(lines):
    assert join_broken_lines(lines) == lines


# common characters of prose: none of them opens a heading, a list item or an article
PROSE = st.sampled_from("的是在和有对行为应当按照规定部门单位管理工作保护责任制度监督检查处理组织实施")


CLAUSE = st.tuples(st.lists(PROSE, min_size=2, max_size=8).map("".join), st.sampled_from(["，", "、", ""]))


@settings(max_examples=int(__import__("os").environ.get("QUIZGEN_HYPOTHESIS_EXAMPLES", 300)), deadline=None)
@given(st.lists(st.lists(CLAUSE, min_size=80, max_size=120)
                .map(lambda parts: "".join(c + sep for c, sep in parts).rstrip("，、") + "。"), min_size=1, max_size=4),
       st.integers(20, 40))
def test_paragraphs_wrapped_at_a_page_width_come_back_whole(paragraphs, width):
    # a PDF copied as text: every line as wide as the page, whether it ends on a comma, inside
    # a word or between two clauses without punctuation
    wrapped = [p[i:i + width] for p in paragraphs for i in range(0, len(p), width)]
    assert clean_text("\n".join(["标题", *wrapped])).splitlines() == ["标题", *paragraphs]


def test_a_page_width_is_found_only_where_many_lines_share_it():
    prose = ["第一条 为了规范机关公文处理工作，根据有关规定，制定本办法。",
             "第二条 本办法适用于本市各级行政机关。",
             "第三条 公文处理应当坚持实事求是、准确规范、精简高效、安全保密的原则。"]
    assert page_width(prose * 2) is None
    page = ["第一条 为了规范机关公文处理工作，根据有关规定，", "制定本办法。本办法适用于本市各级行政机关和乡镇"] * 4
    assert page_width(page) == 24


# --- decoration and page furniture ----------------------------------------------------


def test_markup_emoji_and_their_shortcodes_are_removed_list_marks_stay():
    """fresh office texts: a section line 4.1 报账是一场修行 :bike: :bike:, a note ✨ 把"要求"化为"请求"."""
    assert clean_text("## 4.1 报账是一场修行 :bike: :bike:\n✨ 把“要求”化为“请求”\n📅 时间：9月1日\n") == (
        "## 4.1 报账是一场修行\n把“要求”化为“请求”\n时间：9月1日\n")
    assert strip_emoji("1️⃣ 报到 2️⃣ 培训") == "1 报到 2 培训"  # a keycap keeps its number
    kept = "① 一是 ★ 重点 ● 要点 ■ ※ 注意 → 下一步 √ 对 时间10:30:00 比例1:2:3"
    assert strip_emoji(kept) == kept


EMOJIS = ("✅", "❌", "📅", "🔥", "✨", "😀", "👍🏻", " :tada: ", " :arrow_right: ")  # a shortcode between spaces
EMOJI = st.sampled_from(EMOJIS)


@settings(max_examples=int(__import__("os").environ.get("QUIZGEN_HYPOTHESIS_EXAMPLES", 300)), deadline=None)
@given(st.lists(st.one_of(CJK, CJK_PUNCT, ASCII_WORD, EMOJI), max_size=40))
def test_stripping_emoji_keeps_every_other_character_in_order(parts):
    plain = "".join(p for p in parts if p not in EMOJIS)
    assert strip_emoji("".join(parts)).replace(" ", "") == plain.replace(" ", "")


def test_a_table_of_contents_is_no_part_of_the_text():
    lines = ["学生会成长通关秘籍", "## 目录", "1. 新人破冰篇", "2. 任务协作篇", "---",
             "## 1. 新人破冰篇", "精准自我介绍。", "## 2. 任务协作篇", "分工协调。"]
    assert without_contents(lines) == ["学生会成长通关秘籍", "---", "## 1. 新人破冰篇", "精准自我介绍。",
                                       "## 2. 任务协作篇", "分工协调。"]
    # a heading 目录 over text that is not the document's headings stays
    alone = ["## 目录", "档案目录应当按年度编制。", "## 一、总则"]
    assert without_contents(alone) == alone

