"""What a sentence opens with that is not its content, and what makes it lean on the one
before: article numbers (第十条), list markers (（二）, 一是, 1.), heading numbers (2.2, 五十、,
第五章) and back-references (其、该、上述、但…). One definition for the generators (which
resolve a sentence's subject), the item checks and the rank stage's repairs."""

from __future__ import annotations

import re

from .segment import tokens

# 其次/其实 are not references to what came before (其他, 其中, 其余 are); 这/那 only as a pronoun
BACK_REFERENCE = re.compile(
    r"^(?:其(?![次实])|该|此(?!外)|上述|前款|前述|前条|前项|本款|上款|否则|对此"
    r"|他们|她们|它们|[他她](?![人方乡国日者])|它|这些|那些|这样|这种|这个|这是|这就|这也|那么|如此|由此|因此|为此"
    r"|但|且|并且|而且|同时|另外|此外|也(?!就是说)|就是因为|不但|还应"  # a clause continued
    # a reference after the preposition that opens the sentence (依照前款规定…, 对于前两款规定的情形,
    # 从上述条款可知), and the case a case report speaks of (本案中, 以本案为例)
    r"|(?:依照|按照|根据|依据|对于|对|除|从|以|违反|有)?(?:前[两二三四五六七八九]?款|上述|前述|前条|前项|本款|本案)"
    r"|双方(?!当事人)"
    r"|以上(?=[\u4e00-\u9fff]{0,6}(?:机构|单位|行为|情形|人员|规定|部门|事项|材料|措施|各项|所列|所述))"  # 以上机构…: those told before
    r"|满[\d０-９一二三四五六七八九十百两]+个?(?:年|月|日|天|周|小时|工作日)[，,]"  # 满12个月，确需继续接管的: the period of the sentence before
    # a condition whose case or party is the sentence before's (确需调整的，…; 经同意，可以适当延长…;
    # 逾期未清除的，…; 有关情况应当记入…: fresh sets, 1 of 10 judged items opening so kept)
    r"|确需[\u4e00-\u9fff]{0,8}的[，,]|经(?:批准|同意|审查|审核|核准|查证|查实|核实)[，,后]|逾期(?:仍|拒|不|未)"
    r"|情节(?:严重|较重|特别严重|轻微|恶劣)的[，,]|有关(?:情况|事项|材料|问题|内容)(?=[应由须])"
    r"|达到(?:规定|上述)标准|拒不(?:改正|执行|履行)的|需要(?:延长|变更|调整)的[，,])")
# the organisation a text speaks for, in its own voice: 我校, 我局, 我们公司, 我班组 (我站在…, 我委托…,
# 我区分… are the speaker's acts)
OWN_BODY = re.compile(r"(?:我们|我)(?P<body>学校|学院|医院|公司|集团|中心|单位|班组|车间|部门|校|院|局|司|段|厂|队"
                      r"|委(?![托屈])|市(?!场)|县|区(?![分别])|省(?![得去略]))")
# a list item's number: （二）, 2., ②, B. (the ordinal words 二是, 第二， are the text's own words)
_NUMBER_MARK = r"[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,3}[.．、](?!\d)|[①-⑳]|[A-H][.．、](?![A-Za-z\d])"
LIST_MARKER = re.compile(rf"^\s*(?:{_NUMBER_MARK}|[一二三四五六七八九十]{{1,3}}[是要]|第[一二三四五六七八九十]{{1,3}}[，、,])")
# that number opening an item (5、利用网站空间…), and after the lead a question shows before its item
# (…审批：（二）建筑面积…)
NUMBER_MARKER = re.compile(rf"^\s*(?:{_NUMBER_MARK})\s*")
MARKER_AFTER_LEAD = re.compile(rf"(?<=[：:])\s*(?:{_NUMBER_MARK})")
ARTICLE_MARKER = re.compile(r"^\s*第[一二三四五六七八九十百零〇\d]+条\s*")
# an article number that heads its article (第十条 …, 第十条（一）), not one referred to (第八条规定…)
ARTICLE_HEAD = re.compile(r"^\s*第[一二三四五六七八九十百零〇\d]+条(?:\s+|(?=[（(]))")
# a heading's numbering: 2.2 / 1.1.2 / 26. / 五十、 / 二、 / 第五章
HEADING_MARKER = re.compile(r"^\s*(?:\d+(?:[.．]\d+)+\s*|\d+[.．、]?\s+|\d{1,3}[.．、](?!\d)|[一二三四五六七八九十百]{1,4}、"
                            r"|第[一二三四五六七八九十百零〇\d]+[章节编]\s*)")
CHAPTER = re.compile(r"^\s*第[一二三四五六七八九十百零〇\d]+[章节编]\s*[^。；，]{1,24}$")  # 第五章 档案信息化建设


def strip_markers(text: str) -> str:
    """The sentence without its article number and list marker (第十条 （二）…)."""
    text = ARTICLE_MARKER.sub("", text)
    return LIST_MARKER.sub("", text, count=1).lstrip()


def unnumbered(text: str) -> str:
    """``text`` without the heading number that opens it (一、国家教育委员会…, 57.被执行人…)."""
    return HEADING_MARKER.sub("", text, count=1)


# a connective that opens a sentence and only says how it follows the one before (其次，所以，总之，):
# taken out of its text, the sentence reads without it (office59: "the stem opens with an unresolved 其次")
OPENING_CONNECTIVE = re.compile(r"^(?:首先|其次|再次|再者|最后|总之|总的来说|总而言之|当然|事实上|实际上|可见|综上所述)[，,]\s*|^所以(?:说)?[，,]?\s*"
                                r"|^[他她](?:说|指出|强调|表示|认为|介绍|要求)[，,：:]\s*")  # 她说，…: a speaker never named


def unmarked(text: str) -> str:
    """What a learner should read of a line: without the article number that heads it, its
    list marker, its heading number or the connective that ties it to the line before."""
    text = ARTICLE_HEAD.sub("", text)
    return OPENING_CONNECTIVE.sub("", unnumbered(LIST_MARKER.sub("", text, count=1)).lstrip(), count=1)


# a reference inside a sentence to what the text said before it: 人民法院应当自收到上述申请书之日起…
INNER_REFERENCE = re.compile(r"(?<!以)上述|前款|前[两二三四五]款|前述")


def refers_back(text: str) -> bool:
    """The sentence opens with a back-reference or holds one (…收到上述申请书…), or is a rule
    on a thing it does not name (任何单位和个人不得截留、挤占、挪用)."""
    text = strip_markers(text)
    return opens_with_reference(text) or INNER_REFERENCE.search(text) is not None or lacks_object(text)


# whoever a rule binds, named as anyone (任何单位和个人, 有关单位、个人), or no one
_PARTY = r"(?:任何|有关|相关|其他)?(?:单位|个人|组织|人员|机关|部门)(?:(?:和|或者|或|、)(?:单位|个人|组织|人员|机关|部门))*"
# …不得截留、挤占、挪用。 / …应当如实提供。 / 除本单位领导批准外，一律不得录制。: the verbs and nothing they act on
_OBJECTLESS_RULE = re.compile(rf"^(?:除[^，。]{{1,20}}外[，,](?:{_PARTY})?|{_PARTY})(?:均|都|一律)?(?:不得|禁止|严禁|应当|必须)"
                              r"(?:擅自|随意|如实|及时)?(?P<acts>(?:[\u4e00-\u9fff]{2}(?:、|或者|或|和))*[\u4e00-\u9fff]{2,4})[。；;]?$")
_COMPLETE = re.compile(r"(?:予以|加以|给予)[\u4e00-\u9fff]{2}[。；;]?$")  # 应当予以配合: the act is the whole predicate


def lacks_object(text: str) -> bool:
    """A rule that says what is forbidden or required of a thing the sentence before names:
    任何单位和个人不得截留、挤占、挪用 (fresh22/23: "what may not be misappropriated?"),
    有关单位、个人应当如实提供; a thing named as its topic (《许可证》不得涂改或者转让) is no such rule."""
    m = _OBJECTLESS_RULE.match(text)
    if m is None or _COMPLETE.search(text):
        return False
    # verbs only (挤占挪用), not a verb and what it acts on (任何单位不得牟取暴利)
    return all(t.tag.startswith("v") or t.text in "、或者或和" for t in tokens(m.group("acts")))


def opens_with_reference(text: str) -> bool:
    """其职责是… / 上述材料… / 但最长不超过… / 自运的，…: the sentence leans on one before it."""
    text = strip_markers(text)
    return bool(BACK_REFERENCE.match(text)) or _bare_condition(text)


# a short condition that opens a sentence: 自运的，应当采取密闭的方式; 同意的，由…核发…
_SHORT_CONDITION = re.compile(r"^(?:对|凡)?([\u4e00-\u9fff]{1,6})的[，,]")
# (and the decisions on a filing, which the tagger may read as nouns: 核准的，发给许可凭证 — fresh33, "never
# says who approves what")
_GENERIC_NOUNS = frozenset("规定 责任 要求 条件 情况 情形 程序 理由 期限 结果 决定 处理 意见 承担责任 符合规定"
                           " 核准 批准 审批 许可 审核 审查 认定 备案 登记 受理 同意"
                           " 情况紧急 情节严重 情节轻微 情节较轻 情节特别严重".split())


def _bare_condition(text: str) -> bool:
    """The sentence opens with a condition of a few words that names no thing or party of its
    own (自运的，拒不承担责任的，需要鉴定的，联名提出的): its case is the sentence before's.
    One that does (套购玉米种子的，解除集体合同的) stands alone (fresh sets: trainers kept 6 of 30
    judged items opening with a short condition, most of those that named their thing)."""
    m = _SHORT_CONDITION.match(text)
    if m is None:
        return False
    return not any(t.tag[:1] == "n" and len(t.text) >= 2 and t.text not in _GENERIC_NOUNS
                   for t in tokens(m.group(1)))
