"""What makes an item one a trainer would delete, as checks on its text: each returns the
reason codes it finds (see :meth:`quizgen.items.Cloze.quality` and friends).

A stem must name its subject (no opening back-reference, not only a list marker, not a
blank first), a blank must sit on word boundaries and keep a number with its unit, must
not be a function word or a generic verb, and must be short unless it is a whole list
item; markup and page metadata are never content; the answer is never visible elsewhere
on the front.
"""

from __future__ import annotations

import re
import unicodedata
from difflib import SequenceMatcher

from .lang import markers, markup, segment
from .lang.numerals import CASE_FACTS, FIGURE_RE, parse_number
from .lang.stock import is_stock_phrase

MAX_DELETIONS = 5  # cloze numbers in one note
MAX_BLANK = 12  # characters of one deletion, except a whole enumerated item
# and of one that is no figure (10万元以上50万元以下 is one): trainers kept 14% of the sentence
# notes of the fresh documents whose longest such blank had 9 to 12 characters, 34% below
MAX_PLAIN_BLANK = 8

# besides a back-reference (lang.markers), a stem that is the tail of a clause: 最长不超过（　　）
CLAUSE_TAIL = re.compile(r"^(?:而|最长|最短|最多|最少)")
MARKER = re.compile(r"[（(]?(?:第[一二三四五六七八九十百零\d]+[条款项章节]|[一二三四五六七八九十百\d]+[)）、.．]?"
                         r"|[一二三四五六七八九十]是|[①-⑳])")
MARKER_ONLY = re.compile(rf"^[\s（(]*(?:{MARKER.pattern})?[\s：:，,。；;、]*$")
MARKUP = re.compile(r"(^#|##|^\s*title\s*:|责任编辑|<[a-zA-Z/][^>]*>|^第[一二三四五六七八九十百零\d]+条$|&[a-z]+;"
                    # a table of contents: 第五章 政务数据安全与开放；第六章 法律责任
                    r"|第[一二三四五六七八九十百零\d]+[章节编][^；;。，,]{1,20}[；;]\s*第[一二三四五六七八九十百零\d]+[章节编])")
# function words, fillers and generic verbs: never the whole answer
STOP_WORDS = frozenset(
    ["其实", "众所周知", "制定", "组织", "进行", "开展", "加强", "做好", "工作", "下功夫", "任何人", "以下", "之日起", "有关部门", "请示", "通知", "决定", "办法", "本法", "本办法", "本条例", "有关", "相关", "一定", "应当", "应该", "可以", "必须", "不得", "以及", "或者", "并且", "同时", "因此", "所以", "但是", "而且", "如果", "这样", "那么", "我们", "他们", "一些", "各种", "方面", "情况", "问题", "要求", "规定", "实施", "重要", "主要", "做到", "就是", "还是", "已经", "能够", "通过", "按照", "根据", "依照", "对于", "关于", "以上", "以下", "其中", "之一", "一是", "二是", "三是", "下列", "如下", "等等",
     # the generic verbs of carrying a rule out (all judged sets: of 18 items with such a blank 12 discarded, 6
     # edited to drop it as filler, none kept)
     "贯彻执行", "贯彻落实", "贯彻实施", "组织实施", "严格执行", "认真执行", "认真贯彻", "结合实际"])
# (积极…, 充分…, 不断…: adverbs of zeal, judged fresh blanks [积极开展], [充分肯定], [不断提高产品质量] all discarded)
FILLER = re.compile(r"^(?:这就是|这是|就是|也就是|我们|大家|通常|所谓|任何|依法|予以|给予|认真|建立健全|加以|提出|列出|做起|有关"
                    r"|积极|充分|不断|大力|切实|努力|带头)"
                    # a rule's scope said of itself: [亦适用本安排], [仍适用该安排], [适用《…》] (fresh25)
                    r"|^(?:亦|仍|均|也)?适用(?:本|该)[\u4e00-\u9fff]{1,3}$|^(?:亦|仍|均|也)?适用《[^》]*》$"
                    r"|(?:之日起|以下准则|予以支持|的规定|的要求|[适从]用?其规定)$")  # (…已经规定法律责任的，[适用其规定])
# a duty's manner (应当[及时补缴], [如实提供], [妥善保管]): obvious in a sentence (fresh24, held out: of 8 judged
# blanks opening with 及时, 2 kept); a list's whole item is the text's own (三要[及时反馈])
# …and its purpose ([防止损失扩大], [防止疲劳驾驶]: fresh26, both judged guessable)
MANNER = re.compile(r"^(?:及时|立即|尽快|按时|如实|妥善|严格|防止|以免|以便)")
_MEMBERS_INSIDE = re.compile(r"[，、；]")
# rules the text refers to and does not state: 依照[国家有关规定处理], 应当[明确规定]施行日期, [另行规定]. Like
# 有关部门 for bodies, a placeholder (of 26 judged notes with such a blank, trainers kept 1 and discarded 10);
# a whole item of a list is asked whole ((一)[企业规模达到国家规定的要求]: fresh17, kept)
UNSTATED_RULES = re.compile(r"(?:有关|相关|国家|另行|明确)规定")
NUMBER_RUN = re.compile(r"[0-9０-９.．零〇一二三四五六七八九十百千万亿两]+$")
UNIT_AFTER = re.compile(r"^(?:个|年|月|日|天|小时|分钟|周|元|万元|米|厘米|毫米|公里|%|％|人|次|条|项|倍|岁|名|家|级|份|页)")
UNIT_ONLY = re.compile(r"^(?:个|年|月|日|天|小时|分钟|周|元|万元|米|厘米|毫米|公里|%|％|人|次|倍|岁|名)$")
# a list's lead without its items (下列事项应当向工会报告：。), an aside alone (（国家发展改革部门转报）。)
LEAD_ONLY = re.compile(r"[：:][\s。．.]*$")
ASIDE_ONLY = re.compile(r"^[（(][^（）()]*[）)][\s。．.；;？?]*$")
_PUNCT = re.compile(r"[\s，。、；：！？“”‘’（）《》,.;:!?\"'()]")


def bare(text: str) -> str:
    """Text without punctuation and spaces, for comparing what a learner reads."""
    return _PUNCT.sub("", text)


RESTATES = 8  # characters a heading may share with a sentence before it states the sentence's fact


def shared_run(a: str, b: str) -> int:
    """The length of the longest run of characters ``a`` and ``b`` share, punctuation aside."""
    a, b = bare(a), bare(b)
    return SequenceMatcher(None, a, b, autojunk=False).find_longest_match(0, len(a), 0, len(b)).size


def restates(heading: str, sentence: str) -> bool:
    """``heading`` says what ``sentence`` says: they share a run of :data:`RESTATES`
    characters (or the whole of a shorter sentence)."""
    return bool(bare(sentence)) and shared_run(heading, sentence) >= min(RESTATES, len(bare(sentence)))


def stem_problems(text: str) -> list[str]:
    """Reason codes of a question stem or statement (plain text)."""
    codes = []
    visible = text.strip().lstrip("“\"")
    if _leans_back(visible):
        codes.append("back-reference")
    if visible.startswith("（　　）") or visible.startswith("＿"):
        codes.append("blank-first")
    if MARKUP.search(visible):
        codes.append("markup")
    if LEAD_ONLY.search(visible) or ASIDE_ONLY.match(visible):
        codes.append("fragment")
    if CROSS_REFERENCE.search(visible):
        codes.append("cross-reference")
    return codes


# A case that is only another article's rule: 违反《…条例》第二十三条规定的, 违反第一项规定的,
# 符合本办法第五条、第六条规定的. The learner cannot know what that article says.
_LABEL_BEFORE = re.compile(r"(?:以下简称|以下称|以下统称|下称|简称)[“‘\"]?$")
CROSS_REFERENCE = re.compile(r"(?:违反|不符合|符合)(?:《[^》]{1,40}》|本(?:条例|办法|规定|细则|法|决定|规则))?"
                             r"第[一二三四五六七八九十百零〇\d]+[条款项][^，,；;。（）]{0,40}?规定(?:的|之一的|情形)")


# the sections of a case report that tell its facts and its judgment (基本案情, 裁判结果), not
# those that draw the rule from them (案情分析, 典型意义, 裁判理由)
_ANALYSIS = re.compile(r"分析|评析|解读|意义|理由|要旨|启示|提示|要点")


def tells_case_facts(section: str) -> bool:
    """``section`` is where a case report tells what happened and what was decided: trainers
    kept 15% of the cloze notes and 1 in 20 of the questions made there."""
    return CASE_FACTS.search(section) is not None and _ANALYSIS.search(section) is None


# an example told to illustrate (例如，三年前一位考上研究生的同学…): what it shows is the fact, not it
# (all 6 judged items made of one were discarded: fresh office texts, a speech, a writing guide)
_EXAMPLE = re.compile(r"^(?:例如|比如|譬如|举例来说|举个例子)")


def tells_an_example(sentence: str) -> bool:
    """``sentence`` opens as an example of what the text says before it."""
    return _EXAMPLE.match(markers.strip_markers(sentence).strip()) is not None


def shows_answer(line: str, answer: str, front: str = "") -> bool:
    """``line`` (a section line) holds ``answer``, or words of it that make up half of it or
    more and that the rest of the ``front`` does not show anyway: under 三、保密要求,
    ［保密协议］ is half given (office58, judged leak); 协调包括［对上协调］ is not."""
    line, answer, front = bare(line), bare(answer), bare(front)
    if len(answer) < 2:
        return False
    if answer in line:
        return True
    given = sum(len(w.text) for w in segment.tokens(answer) if len(w.text) >= 2 and w.text in line and w.text not in front)
    return 2 * given >= len(answer)


# the speaker's own voice: 我在参加了段党代会…, 我会以身作则… (office57–59: 1 of 22 judged items made of a
# sentence in the first person singular kept, most "a personal pledge or feeling, nothing to recall"),
# and an organisation it speaks for that no title names (我班组, 我单位: "unresolved"). 我们 (we all,
# 我们党) is the audience's and stays; a quoted “我” is a word spoken of
# (自我, 忘我, 敌我, 你我 are words of their own; 我方 is a party to an agreement)
_I = re.compile(r"(?<![自忘敌你无唯“‘\"'「])我(?![们国党军方”’\"'」])")


def speaks_for_oneself(text: str) -> bool:
    """``text`` (a front) is told in the first person singular or names its organisation as 我X."""
    return markers.OWN_BODY.search(text) is not None or _I.search(text) is not None


def _leans_back(text: str) -> bool:
    return markers.opens_with_reference(text) or bool(CLAUSE_TAIL.match(markers.strip_markers(text)))


def cloze_problems(text: str, whole_items: bool, section: str = "") -> list[str]:
    """Reason codes of a cloze note's text (markup). ``whole_items``: a list note whose
    deletions are whole enumerated items (which may be long); ``section``: the title of the
    section it is in (an article of a regulation, 第二十三条, is held to the stock phrases of
    regulations)."""
    parts = markup.parse(text)
    deletions = [p for p in parts if isinstance(p, markup.Deletion)]
    outside = "".join(p for p in parts if isinstance(p, str))
    codes = []
    plain = markup.reveal(text)
    if _leans_back(plain.strip().lstrip("“\"")):
        codes.append("back-reference")
    if MARKER_ONLY.match(outside) or (isinstance(parts[0], markup.Deletion) and len(parts) <= 2):
        codes.append("no-context")
    if len({d.number for d in deletions}) > MAX_DELETIONS:
        codes.append("too-many-blanks")
    if MARKUP.search(plain.strip()):
        codes.append("markup")
    if LEAD_ONLY.search(plain.strip()):
        codes.append("fragment")  # a list's lead alone (a list note holds its items after it)
    if CROSS_REFERENCE.search(plain):
        codes.append("cross-reference")  # 违反第八条规定的，处以[…]罚款: whose fine, for what?
    answers = {d.answer for d in deletions}
    if len(answers) == 1 and stock_in_article(next(iter(answers)), section):
        codes.append("stock-blank")  # 应当承担相应的[赔偿责任]: asks nothing of this text
    codes += _blank_problems(parts, whole_items)
    return sorted(set(codes), key=codes.index)


ARTICLE = re.compile(r"第[一二三四五六七八九十百零〇\d]+条")


def stock_in_article(answer: str, section: str) -> bool:
    """A stock phrase of regulations blanked in an article (第三十五条): it asks nothing of
    the text; a figure (十五日内) is a fact of its rule, and a text of another genre (an
    office article's 创新) is not held to the stock of regulations."""
    return ARTICLE.match(section) is not None and is_stock_phrase(answer) and not FIGURE_RE.search(answer)


def _blank_problems(parts: list[markup.Segment], whole_items: bool) -> list[str]:
    codes: list[str] = []
    for i, part in enumerate(parts):
        if isinstance(part, markup.Deletion):
            codes += blank_problems(parts, i, whole_items)
    return codes


def blank_problems(parts: list[markup.Segment], index: int, whole_items: bool) -> list[str]:
    """Reason codes of the deletion ``parts[index]`` of a note."""
    deletion = parts[index]
    assert isinstance(deletion, markup.Deletion)
    answer, before, after = deletion.answer, _text(parts[:index]), _text(parts[index + 1:])
    codes = []
    flat = bare(answer)
    if flat in STOP_WORDS or (FILLER.match(answer) and not _MEMBERS_INSIDE.search(answer)) or _LABEL_BEFORE.search(before) \
            or ((UNSTATED_RULES.search(answer) or MANNER.match(answer)) and not whole_items):
        codes.append("stop-blank")  # (认真总结，掌握规律，及时反馈 is a list's members, no filler)
        # (…的公民（以下称[上海市献血者]）: the label a text gives, read off the words before it)
    if NUMBER_RUN.match(answer) and UNIT_AFTER.match(after):
        codes.append("number-without-unit")
    if UNIT_ONLY.match(answer):
        codes.append("unit-without-number")
    if len(answer) > max_blank(answer) and not whole_items and not motto(before, answer, after):
        codes.append("long-blank")
    if len(flat) >= 2 and flat in bare(before + after) or _negation_shown(flat, bare(before + after)) \
            or _words_shown(answer, before, after):
        codes.append("leak")
    if not _on_word_edges(before, answer, after) or not _balanced(answer) or bad_edge(answer) \
            or _touches_blank(parts, index) or _modifier_left_out(before, answer, after) \
            or _particle_start(before, answer, after):
        codes.append("cut-word")
    if _half_list(parts, index):
        codes.append("half-list")
    elif _in_compound(before, answer, after):
        codes.append("cut-compound")
    if before.count("《") > before.count("》") or ARTICLE_REF.search(answer):
        codes.append("markup")  # a blank inside a title: 《…（2015—（　　））》; an article number: 第十一条
    return codes


_POLARITY = re.compile(r"^(?:不|未|没有|无|已)")  # what negates or affirms the words after it


def _negation_shown(flat: str, shown: str) -> bool:
    """The blank negates (or affirms) words the note shows: [未造成严重后果]的，…；造成严重后果
    的，…; [已规定法律责任]的，从其规定；未规定法律责任的，…"""
    rest = _POLARITY.sub("", flat)
    return rest != flat and len(rest) >= 3 and rest in shown


SHOWN_SHARE = 0.8  # of a blank's characters, in words the note shows elsewhere: the blank is read off the note
_DEFINED = re.compile(r"^[”’\"]?(?:是指|是|系指|指)")


def _words_shown(answer: str, before: str, after: str) -> bool:
    """Most of the blank is words the note shows elsewhere: [安置补偿]…补偿安置时 (judged notes of
    the fresh sets with such a blank were kept 15 %, others 40 %; with 60 % of it shown, 28 %, but
    the key terms a text repeats go with them); a defined term is no leak of its definition
    (［医疗机构制剂］是指医疗机构…)."""
    flat = bare(answer)
    if len(flat) < 3 or _DEFINED.match(after):
        return False
    shown = bare(before) + "|" + bare(after)
    words = [w.text for w in segment.tokens(answer) if len(w.text) >= 2]
    return sum(len(w) for w in words if w in shown) >= SHOWN_SHARE * len(flat)


def max_blank(answer: str) -> int:
    """The characters a deletion of a sentence note may have: a figure with its operator and
    unit (10万元以上50万元以下) may be longer than a phrase."""
    return MAX_BLANK if FIGURE_RE.match(answer) else MAX_PLAIN_BLANK


ARTICLE_REF = re.compile(r"第[一二三四五六七八九十百零〇\d]+[条款项章节]")
# a blank that opens with a preposition or a light verb, or ends with a particle: its
# edge is not the phrase's (在{紧急情况}下, 由{县级以上档案主管部门}, 对{此事进行妥善处理})
# (the words come before the single characters in each alternation: the longest edge is the one read)
BAD_EDGE = re.compile(r"^(?:对此|对于|进行|予以|给予|按照|根据|依照|通过|关于|由于|或者|以及|及其|从而|于是|为了|除了"
                      r"|[就由在将把被从向于给与和或及的])(?=..)"
                      r"|(?<=..)(?:进行|以及|及其|或者|等等|为了|[的地得了和或与及等时])$")


def bad_edge(answer: str) -> bool:
    """The blank opens with a preposition or a light verb, or ends with a particle, as a word of
    its own: [由县级以上档案主管部门], [对此事进行妥善处理]; not the first or last characters of a
    longer word of the dictionary ([及时反馈], [被告人], [从事经营活动], [集体土地], [男女平等])."""
    edges = list(BAD_EDGE.finditer(answer))
    words = [t.text for t in segment.tokens(answer)] if edges else []  # (most blanks have no such edge: no cut)
    for m in edges:
        edge = m.group()
        word = words[0] if m.start() == 0 else words[-1]
        inside = word.startswith(edge) if m.start() == 0 else word.endswith(edge)
        # (a word of the dictionary: 由村 in 由[村党组织] is the segmenter's guess, no word)
        if not (inside and len(word) > len(edge) and segment.word_frequency(word)):
            return True
    return False


_PAIRS = (("《", "》"), ("“", "”"), ("（", "）"), ("(", ")"), ("‘", "’"), ("【", "】"))


JOINERS = ("、", "和", "及", "与", "或者", "或")  # what joins the members of a list
_NUMERAL = re.compile(r"[一二三四五六七八九十百0-9０-９]")  # 二、 is a list marker, not a list
_NOUN_BEFORE = frozenset({"n", "nz", "ng", "vn", "b", "an", "nt"})
_NOUN_AFTER = frozenset({"n", "nz", "ng", "vn", "nt"})


def _half_list(parts: list[markup.Segment], index: int) -> bool:
    """One member of a pair or list blanked and its neighbour left as text: [机关]、单位,
    [保障]和改善民生 (a list is blanked whole, member by member, or not at all)."""
    after = parts[index + 1] if index + 1 < len(parts) else ""
    before = parts[index - 1] if index > 0 else ""
    if isinstance(after, str) and after.startswith(JOINERS):
        joiner = next(j for j in JOINERS if after.startswith(j))
        if len(after) > len(joiner) and not _PUNCT.match(after[len(joiner)]):
            return True
    if isinstance(before, str) and before.endswith(JOINERS):
        joiner = next(j for j in JOINERS if before.endswith(j))
        rest = before[:-len(joiner)]
        if rest and not _PUNCT.match(rest[-1]) and not (joiner == "、" and _NUMERAL.match(rest[-1])):
            return True
    return False


def _in_compound(before: str, answer: str, after: str) -> bool:
    return compound_around(before, answer, after) != (0, 0)


def compound_around(before: str, answer: str, after: str) -> tuple[int, int]:
    """How many characters of the words before and after a blank belong to one compound of
    nouns with it (生产[安全事故]: 2 before; [档案]工作: 2 after): the word a learner would
    recall is the whole compound. (0, 0) when the blank is a word of its own."""
    words = segment.tokens(before + answer + after)
    start, end = len(before), len(before) + len(answer)
    inside = [w for w in words if start <= w.start and w.end <= end]
    if not inside:
        return 0, 0
    if common_idiom(answer) or inside[-1].tag[:1] in ("a", "v", "i", "l", "d"):
        return 0, 0  # a predicate (安置协议[合法有效], 办公室工作[千头万绪]), not a noun
    prev = next((w for w in reversed(words) if w.end == start), None)
    nxt = next((w for w in words if w.start == end), None)
    wider = (len(prev.text) if prev is not None and prev.tag in _NOUN_BEFORE and inside[0].tag.startswith("n") else 0,
             len(nxt.text) if nxt is not None and nxt.tag in _NOUN_AFTER and inside[-1].tag.startswith("n") else 0)
    return wider


IDIOM_FREQUENCY = 20  # jieba counts: 千头万绪 60 is an idiom, 安全事故 3 a compound it files as one


def common_idiom(text: str) -> bool:
    """An idiom of jieba's dictionary that is in common use (千头万绪, 眼观六路)."""
    return text in segment.idioms() and segment.tokenizer().FREQ.get(text, 0) >= IDIOM_FREQUENCY


def _touches_blank(parts: list[markup.Segment], index: int) -> bool:
    """Two blanks with no text between them: the cut is wrong somewhere."""
    return any(0 <= j < len(parts) and isinstance(parts[j], markup.Deletion) for j in (index - 1, index + 1))


_MODIFIER_TAGS = ("a", "d", "z", "b", "h")  # adjectives, adverbs, states, attributes, prefixes


def _modifier_left_out(before: str, answer: str, after: str) -> bool:
    """The blank starts just after a one-character modifier of its first word: 较[低数额罚款],
    重[特大事故], 不[超过三年] (the phrase to recall is 较低数额罚款, 重特大事故, 三年)."""
    if not before or _PUNCT.match(before[-1]) or _NUMERAL.match(answer):
        return False  # 满[十二个月], 超[三十日]: the word before a figure is its operator
    start = len(before)  # the note as a whole, as the other checks cut it (memoised)
    prev = next((w for w in segment.tokens(before + answer + after) if w.end == start), None)
    return prev is not None and len(prev.text) == 1 and prev.tag.startswith(_MODIFIER_TAGS) \
        and prev.text not in _CLAUSE_ADVERBS


def _particle_start(before: str, answer: str, after: str) -> bool:
    """The blank opens on the particle 地 or 得 of the words before it: 就[地就近利用] (the
    words are 就地就近利用); 地 that begins a word (地名, 地方志) is no particle."""
    first = next((w for w in segment.tokens(before + answer + after) if w.start == len(before)), None)
    return first is not None and first.tag in ("uv", "ud")


# adverbs of the clause, not of the word after them: 须[当即归还], 均[视为机密], 都[有权举报]
_CLAUSE_ADVERBS = frozenset("须应需可均都则即亦也还就才又再已并且仍皆另")


def _balanced(answer: str) -> bool:
    return all(answer.count(a) == answer.count(b) for a, b in _PAIRS)


def _on_word_edges(before: str, answer: str, after: str) -> bool:
    """The deletion starts and ends where jieba cuts the sentence it sits in (and at a list's
    等 inside a word jieba's HMM made up: 出租汽车|业等|单位)."""
    edges, pos = {0}, 0
    for word in segment.cut(before + answer + after):
        etc = word.find("等", 1)
        if etc > 0 and not segment.word_frequency(word):
            edges.update((pos + etc, pos + etc + 1))
        pos += len(word)
        edges.add(pos)
    return len(before) in edges and len(before) + len(answer) in edges and not _in_a_clock_time(before, answer, after)


_CLOCK_BEFORE = re.compile(r"\d[:：]$")
_CLOCK_AFTER = re.compile(r"^[:：]\d")


def _in_a_clock_time(before: str, answer: str, after: str) -> bool:
    """The deletion starts or ends inside a time of day: 10：[30期]间 (gen60, judged cut)."""
    return bool((answer[:1].isdigit() and _CLOCK_BEFORE.search(before))
                or (answer[-1:].isdigit() and _CLOCK_AFTER.match(after)))


MOTTO_MEMBER = 5  # characters of a member of an unquoted motto: 想领导之所想，想领导之应想


def motto(before: str, answer: str, after: str) -> bool:
    """A motto a long blank may ask whole: quoted (“不管黑猫白猫，捉到老鼠就是好猫”) or of short
    members (上面端平，下面抹平，左右摆平; 想领导之所想，想领导之应想，想领导之未想); not two clauses
    of a rule (不得违反法律，不得违背公序良俗), which trainers judged a blank too long."""
    if not parallel(answer):
        return False
    quoted = before.endswith(("“", "「")) and after.startswith(("”", "」"))
    return quoted or all(len(m) <= MOTTO_MEMBER for m in re.split(r"[、，,；]", answer))


def parallel(answer: str) -> bool:
    """A motto or a list of short parallel members (上面端平，下面抹平，左右摆平)."""
    members = re.split(r"[、，,；]", answer)
    return len(members) >= 2 and all(2 <= len(m) <= 8 for m in members)


def _text(parts: list[markup.Segment]) -> str:
    return "".join(p.answer if isinstance(p, markup.Deletion) else p for p in parts)


def option_problems(options: list[str], correct: list[int], stem: str) -> list[str]:
    """Reason codes of a question's options: two options equal in value (8年 / 八年), an
    answer visible in the stem."""
    codes = []
    written = [unicodedata.normalize("NFKC", o) for o in options]  # １万元 is 1万元
    values = [(parse_number(m.group(0)) if (m := NUMBER_PREFIX.match(o)) else None, NUMBER_PREFIX.sub("", o))
              for o in written]
    known = [v for v in values if v[0] is not None]
    if len(set(known)) < len(known) or len(set(written)) < len(written):
        codes.append("same-value-options")
    flat = bare(stem)
    if any(len(bare(options[i])) >= 2 and bare(options[i]) in flat for i in correct if 0 <= i < len(options)):
        codes.append("leak")
    return codes


NUMBER_PREFIX = re.compile(r"^[0-9０-９.．零〇一二三四五六七八九十百千万亿两]+")
# a list position named in a statement (二是细心, 一要熟悉情况): true or false by order alone
ORDINAL = re.compile(r"([：:，,]|^)([一二三四五六七八九十][是要]|（[一二三四五六七八九十]+）|第[一二三四五六七八九十]+[，、])")
ORDINAL_BLANK = re.compile(r"[一二三四五六七八九十][是要]（　　）")
PROCEDURE = re.compile(r"步骤|第[一二三四五六七八九十]步|程序|流程|先后|顺序")
