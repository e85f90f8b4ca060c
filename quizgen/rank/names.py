"""Who and what a card names when it is taken out of its document: the document a rule speaks
of (本办法 → 《印章管理办法》), the place of a local rule (本市 → 重庆市) and the organisation a
text speaks for (我校 → 华中师范大学, 我们公司 → 娲石集团), named as the title or the opening
sentence names them. An organisation left unnamed is refused by the item checks
(:func:`quizgen.itemchecks.speaks_for_oneself`)."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace

from ..items import Choice, Cloze, Item, Judge, Multi
from ..lang import markup, segment
from ..lang.markers import OWN_BODY

# 本法, 本条例, 本办法…: the document a rule speaks of, named by its title on a card
# (本法律, 本法院, 本法定… are other words; 本条例规定 is the rule named: the look-ahead is 法's only)
_THIS_RULE = re.compile(r"本(办法|条例|规定|法(?![律规则院官定案])|细则|准则|决定|制度|规则|解释|意见|须知|方案|安排|通知|章程"
                        r"|守则|规程|批复|纲要)")


# 本市, 本省…: the place a local rule is made for; its title opens with it (重庆市宪法宣誓实施办法)
_THIS_PLACE = re.compile(r"本(自治区|自治州|省|市|县)(?![场长委级])")
_TITLE_PLACE = re.compile(r"^[\u4e00-\u9fff]{2,5}?(?:自治区|自治州|省|市|县)")


# what a title may end with: a date or 节选, no part of the document's name; or the number of a series
# or 试行, which is (…的解释（二） is not …的解释, whose date differs: fresh31, fresh37)
_TRAILING = re.compile(r"[（(][^）)]*[）)]$")
_SERIES = re.compile(r"[（(](?:[一二三四五六七八九十]{1,3}|试行|暂行)[）)]$")

# the names an organisation of each kind (我校, 我局…) goes by
_KIND_NAMES = {"校": "大学|学院|学校|中学|小学", "学校": "大学|学院|学校|中学|小学", "院": "学院|医院|法院|检察院|研究院|院",
               "局": "局", "司": "公司|集团", "公司": "公司|集团", "集团": "集团", "段": "段", "厂": "厂", "中心": "中心",
               "委": "委员会|委", "站": "站", "队": "队", "医院": "医院", "学院": "学院"}
# where a name may begin: the title's start, or a sentence's after its date (7月26日，华中师范大学…)
_NO_NAME = frozenset("vpcdrfmtu")  # what no name opens with: 要求学院…, 在市…, 对该局…, 今年…
_NAME_START = r"(?:^|(?<=[，。：；、\s“”《》（）]))"


def named(item: Item, title: str, opening: Sequence[str] = ()) -> Item:
    """本办法自（　　）起施行 → 《企业职工带薪年休假实施办法》自（　　）起施行: a card or a
    question taken out of its document names the document a rule speaks of, the place of a
    local rule (本市各级人民政府 → 重庆市各级人民政府, title 重庆市宪法宣誓实施办法) and the
    organisation the text speaks for as the title or the ``opening`` sentences name it (我校 →
    华中师范大学: office59, "我校 should be named as 华中师范大学")."""
    name = title.strip() if _SERIES.search(title.strip()) else _TRAILING.sub("", title.strip())
    name = name.strip("《》 ")
    kind = _SERIES.sub("", name)  # …的解释（二） is a 解释
    place = _TITLE_PLACE.match(name)
    openings = [name, *opening]

    def rename(text: str, escape: bool) -> str:
        def shown(value: str) -> str:
            return markup.escape(value) if escape else value  # a cloze note's text is HTML
        text = _THIS_RULE.sub(lambda m: f"《{shown(name)}》" if kind.endswith(m.group(1)) else m.group(0), text)
        if place is not None:
            text = _THIS_PLACE.sub(lambda m: place.group() if place.group().endswith(m.group(1)) else m.group(0), text)
        return OWN_BODY.sub(lambda m: shown(organisation(m.group("body"), openings, place) or m.group(0)), text)

    return rewritten(item, rename)


def organisation(body: str, openings: list[str], place: re.Match[str] | None = None) -> str | None:
    """The name of the organisation of kind ``body`` (校, 局, 公司…; 市 and 县 are the title's
    place) the first of ``openings`` names, or None."""
    if body in ("市", "县", "区", "省"):
        return place.group() if place is not None and place.group().endswith(body) else None
    if body not in _KIND_NAMES:
        return None  # 我单位, 我班组: no name says which
    pattern = re.compile(rf"{_NAME_START}(?P<name>[\u4e00-\u9fff]{{2,12}}?(?:{_KIND_NAMES[body]}))")
    for text in openings:
        for m in pattern.finditer(text):
            first = segment.tokens(m.group("name"))[0]
            if first.tag[:1] not in _NO_NAME and not OWN_BODY.search(m.group("name")):
                return m.group("name")
    return None


def rewritten(item: Item, rewrite: Callable[[str, bool], str | None]) -> Item:
    """The item with its front (a note's text, a stem, a statement) rewritten; as it was where
    ``rewrite`` returns None. ``rewrite`` is told whether the text is a cloze note's (HTML)."""
    match item:
        case Cloze():
            text = rewrite(item.text, True)
            return item if text is None else replace(item, text=text)
        case Choice() | Multi():
            question = rewrite(item.question, False)
            return item if question is None else replace(item, question=question)
        case Judge():
            statement = rewrite(item.statement, False)
            return item if statement is None else replace(item, statement=statement)
    return item
