"""Chinese numbers: ordinal markers (一/十二/3 -> integers) and figures with their units
(三日内, 百分之十五以上, 每平方米每月10元, 7日或9日, 2014年3月1日)."""

from __future__ import annotations

import math
import re

CN_DIGIT = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
            "六": 6, "七": 7, "八": 8, "九": 9}
CN_UNIT = {"十": 10, "百": 100, "千": 1000}
CN_SECTION_UNIT = {"万": 10_000, "亿": 100_000_000}
CN_NUM_CHARS = "零〇一二两三四五六七八九十百千"


def parse_number(token: str) -> int | None:
    """'三' -> 3, '十二' -> 12, '二十一' -> 21, '一百零五' -> 105, '一万五千' -> 15000,
    '12' -> 12; None if not a number."""
    token = token.strip()
    if not token:
        return None
    if token.isdigit():
        return int(token)
    total, section, current = 0, 0, 0
    for ch in token:
        if ch in CN_DIGIT:
            current = CN_DIGIT[ch]
        elif ch in CN_UNIT:
            section += (current or 1) * CN_UNIT[ch]
            current = 0
        elif ch in CN_SECTION_UNIT:
            total += ((section + current) or 1) * CN_SECTION_UNIT[ch]
            section = current = 0
        else:
            return None
    return total + section + current


_CN_NUMBER = "[零〇一二两三四五六七八九十百千万亿]+(?:点[零〇一二三四五六七八九]+)?"
NUMBER = rf"(?:\d+(?:\.\d+)?|{_CN_NUMBER})"
UNITS = ("个工作日|工作日|个月|个百分点|个小时|周岁|小时|分钟|平方公里|平方米|立方米|公里|千米|厘米|毫米|公斤|千克"
         "|毫升|毫克|微克|公顷|海里|千瓦|亩"
         "|万元|亿元|元|年|日|天|周|岁|人次|次|人|名|件|份|页|套|间|期|倍|项|种|户|辆|台|克|吨|米|%|％|‰")
QUALIFIER = "(?:以上|以下|以内|之内|内|左右)?"
_AMOUNT = rf"{NUMBER}(?:{UNITS})"
_DAYTIME = "(?:凌晨|清晨|早上|上午|中午|下午|傍晚|晚上|夜间)"

DATE_RE = re.compile(r"\d{4}年\d{1,2}月(?:\d{1,2}日)?")  # 2014年3月1日, 2021年4月
FIGURE_RE = re.compile(
    "(?=[\\d零〇一二两三四五六七八九十百千万亿每凌清早上中下傍晚夜])"  # fail fast where no figure can start
    rf"(?:{DATE_RE.pattern}"  # a date is one figure, not 2014年 and 1日
    rf"|每[\u4e00-\u9fff]{{0,3}}?(?:每[\u4e00-\u9fff]{{1,2}}?)?{_AMOUNT}{QUALIFIER}"  # 每逾期一日, 每平方米每月10元
    rf"|百分之{_CN_NUMBER}(?:[至到](?:百分之)?{_CN_NUMBER})?{QUALIFIER}"  # 百分之十五以上, 百分之十五至十
    rf"|{_DAYTIME}?\d{{1,2}}点(?:[到至]\d{{1,2}}点)|{_DAYTIME}\d{{1,2}}点"  # 凌晨2点到8点
    rf"|{_AMOUNT}以上{_AMOUNT}以下"  # 五百元以上五千元以下: a range is one figure
    rf"|{NUMBER}分之{NUMBER}{QUALIFIER}"  # 三分之二以上
    rf"|{_AMOUNT}(?:[或至到～~\-—]{_AMOUNT})?{QUALIFIER})"  # 7日或9日, 三日内, 82小时
)
_RANGE = re.compile(rf"{_AMOUNT}以上{_AMOUNT}以下")
_FRACTION = re.compile(rf"{NUMBER}分之{NUMBER}{QUALIFIER}")
_LEADING_NUMBER = re.compile(rf"^(?:每[\u4e00-\u9fff]*?)?{NUMBER}|^百分之{_CN_NUMBER}")


def figure_unit(figure: str) -> str:
    """What a figure counts, with its qualifier: 十五日内 -> 日内, 一千元以上 -> 元以上,
    百分之十五以上 -> %以上, 五百元以上五千元以下 -> 元以上以下, 三分之二以上 -> 分之以上."""
    if figure.startswith("百分之"):
        return "%" + re.sub(rf"^百分之{_CN_NUMBER}", "", figure)
    if figure.startswith(("千分之", "万分之")):  # a share of another scale than 三分之一 (万分之三 ≠ 三分之一)
        return {"千": "‰", "万": "‱"}[figure[0]] + re.sub(rf"^[千万]分之{_CN_NUMBER}", "", figure)
    if _RANGE.fullmatch(figure) or _FRACTION.fullmatch(figure):
        return re.sub(NUMBER, "", figure)
    return re.sub(r"[或至到～~\-—].*$", "", _LEADING_NUMBER.sub("", figure)) or figure


_LOWER_BOUND = re.compile(rf"({NUMBER})((?:{UNITS})?)(?:以上|至|到|～|~|—|-)$")
_MAGNITUDE = {"万": 10_000, "亿": 100_000_000}


def figure_value(figure: str) -> float | None:
    """The value of a figure's first number in the units it counts (三万元 -> 30000,
    2.5小时 -> 2.5, 百分之十五 -> 15); None when it has none."""
    figure = re.sub(r"^[百千万]分之", "", figure)  # a share's value is its numerator
    m = re.search(NUMBER, figure)
    if m is None:
        return None
    text = m.group()
    value: float | None = float(text) if re.fullmatch(r"\d+(?:\.\d+)?", text) else parse_number(text.split("点")[0])
    if value is None:
        return None
    after = figure[m.end():m.end() + 1]
    return value * _MAGNITUDE.get(after, 1)


def lower_bound(before: str) -> float | None:
    """The bound a blank's figure must exceed, when the text just before it is the lower end of
    its range (二至（　　）名, 每人100元以上（　　）): its value; else None."""
    m = _LOWER_BOUND.search(before)
    return figure_value(m.group(1) + m.group(2)) if m else None


_UPPER_BOUND = re.compile(rf"^(?:(?:至|到|～|~|—|-|不满|不足|未满|不超过)({NUMBER})({UNITS})|[，,]?({NUMBER})({UNITS})以下)")
# the longest a time may be that the sentence goes on to allow (…（　　），遇有特殊情况的至迟不超过六个月)
_LONGEST = re.compile(rf"(?:至迟|最迟|最长|最多)(?:不得|不)?超过({NUMBER})({UNITS})")
_QUALIFIED = re.compile(rf"{QUALIFIER}$")  # 三个月内 counts in 个月


def upper_bound(after: str, figure: str) -> float | None:
    """The bound a blank's figure must stay under, when the text just after it is the upper
    end of its range in the figure's unit (已满（　　）不满十六周岁, （　　）至五年, 是指（　　），一万元以下), or the
    longest the sentence goes on to allow (（　　）…，遇有特殊情况的至迟不超过六个月): its value;
    else None."""
    m = _UPPER_BOUND.search(after) or _LONGEST.search(after)
    if m is None:
        return None
    number, unit = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
    return figure_value(number + unit) if _QUALIFIED.sub("", figure).endswith(unit) else None


def is_trivial_figure(figure: str) -> bool:
    """一人, 两次, 一日: a bare one or two of something says nothing worth asking."""
    return bool(re.fullmatch(rf"[一两1]?(?:{UNITS})", figure) or re.fullmatch(rf"[一两](?:{UNITS})", figure))


_CN_DIGITS = "零一二三四五六七八九"


def chinese_number(value: int) -> str:
    """3 -> '三', 15 -> '十五', 105 -> '一百零五', 20000 -> '二万', 15000 -> '一万五千'
    (0 < value < 10**8), as parse_number reads them back."""
    if not 0 < value < 10 ** 8:
        raise ValueError(f"no Chinese numeral for {value}")
    high, low = divmod(value, 10_000)
    if high:
        rest = _below_10k(low) if low else ""
        return _below_10k(high) + "万" + ("零" if low and low < 1000 else "") + rest
    return _below_10k(low)


def _below_10k(value: int) -> str:
    out, zero = "", False
    for unit, name in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit, value = divmod(value, unit)
        if digit:
            out += ("零" if zero and out else "") + _CN_DIGITS[digit] + name
            zero = False
        else:
            zero = bool(out)
    return out[1:] if out.startswith("一十") else out


_CN_RUN = re.compile(_CN_NUMBER)
UNIT_PREFIX = re.compile(r"[千兆](?=瓦|米|克|伏|赫|帕|焦|字节)")  # 千瓦 is a unit of its own, not 千 瓦
_DENOMINATOR = re.compile(rf"({NUMBER})分之")
_CALENDAR_YEAR = re.compile(r"(?:\d{4}|[零〇一二三四五六七八九]{4})年")  # 一九八六年 is no 十五年


def figure_scale(figure: str) -> str:
    """What a figure's unit leaves out of its scale: the denominator of a share (百 of 百分之一 and
    of 1%, a small one for 三分之一), the prefix of a unit (千 of 千瓦) and whether it is a calendar
    year; "" for none of them."""
    scale = "".join(f"/{d if d in ('百', '千', '万') else 'n'}" for d in _DENOMINATOR.findall(figure))
    scale += "/百" * figure.count("%") + "/千" * figure.count("‰")
    scale += "".join(f"/{p}" for p in UNIT_PREFIX.findall(figure))
    return scale + ("/年份" if _CALENDAR_YEAR.search(figure) else "")
_FRACTIONS = ("二分之一", "三分之一", "三分之二", "四分之一", "四分之三", "五分之一", "五分之四")
_SMALL_STEPS = (1, 2, 3, 5, 7, 10, 15, 20, 30, 45, 60, 90, 120, 180)  # the counts rules set: 三日, 七个工作日, 十五日


def nudged_figures(figure: str) -> list[str]:
    """十四周岁 -> 十三周岁, 十五周岁, 十二周岁 …, 14日 -> 13日 …: the figure's first number moved by
    one, two or three, in its own numerals: wrong values for a blank between two bounds, where
    moving by a factor leaves the range (已满（　　）不满十六周岁)."""
    digits = re.search(r"\d+", figure)
    run = digits or next((m for m in _CN_RUN.finditer(figure) if parse_number(m.group())), None)
    if run is None:
        return []
    value = int(run.group()) if digits else (parse_number(run.group()) or 0)
    out = []
    for delta in (-1, 1, -2, 2, -3, 3):
        new = value + delta
        if 0 < new < 10 ** 8:
            out.append(figure[:run.start()] + (str(new) if digits else chinese_number(new)) + figure[run.end():])
    return out


def scaled_chinese_figures(figure: str) -> list[str]:
    """Wrong values of a figure written in Chinese numerals, in the same form: 七个工作日内 ->
    五个工作日内, 十个工作日内 …; 五百元以上五千元以下 -> 一千元以上一万元以下 …; 三分之二以上 ->
    二分之一以上 …. Every number of the figure moves by one factor; [] when it has none."""
    prefix = UNIT_PREFIX.search(figure)
    if prefix:  # 二百千瓦 -> 一百千瓦, 四百千瓦 …: the 千 of 千瓦 is the unit's, not the number's
        held = figure[:prefix.start()] + "\0" + figure[prefix.end():]
        return [value.replace("\0", prefix.group()) for value in scaled_chinese_figures(held)]
    if figure.startswith(("百分之", "千分之", "万分之")):  # a rate moves as a rate (万分之三 -> 万分之五), not to 三分之一
        rest = figure[3:]
        return [] if "分之" in rest else [figure[:3] + value for value in scaled_chinese_figures(rest)]
    fraction = re.match(rf"({_CN_NUMBER}分之{_CN_NUMBER})", figure)
    if fraction:
        return [f + figure[fraction.end():] for f in _FRACTIONS if f != fraction.group(1)]
    runs = [m for m in _CN_RUN.finditer(figure) if parse_number(m.group())]
    values = [parse_number(m.group()) or 0 for m in runs]
    if not runs or any(v >= 10 ** 7 for v in values):
        return []
    out: list[str] = []
    ranged = len(values) > 1 and RANGE.search(figure) is not None
    if len(values) > 1 and not ranged:  # 七年零六个月: the first count moves, the rest stays
        runs, values = runs[:1], values[:1]
    steps = steps_for(figure[runs[0].end():])
    factors = RANGE_FACTORS if ranged else count_factors(values[0], figure[runs[0].end():])
    for factor in factors:
        if ranged and any(v * factor != round(v * factor) for v in values):
            continue  # a range moves whole, by a factor that keeps its bounds whole (二倍至五倍 -> 四倍至十倍)
        new = [round(v * factor) for v in values]
        if any(n <= 0 or n >= 10 ** 8 or (n > 90 and not round_figure(n) and n not in steps) for n in new) or new == values:
            continue
        text, at = "", 0
        for m, n in zip(runs, new):
            counted = n == 2 and _COUNTED.match(figure, m.end())
            text += figure[at:m.start()] + ("两" if counted else chinese_number(n))
            at = m.end()
        if text + figure[at:] not in out:
            out.append(text + figure[at:])
    return out


_COUNTED = re.compile("个|名|年|天|周|次|人|倍|件|份|项|种|小时")  # 两个工作日, 两名, but 二日


def round_figure(value: int) -> bool:
    """One significant digit: 500, 2000, 30000 (not 250 or 2500)."""
    while value % 10 == 0:
        value //= 10
    return value < 10


# the counts rules set for a unit: 二十四小时, 七十二小时 (not 四十五小时); 六个月, 十八个月 (not
# 十一个月); trainers judged 11个月, 99日内 and 四十五小时内 no wrong answer anyone would believe
_STEPS_BY_UNIT = (
    (re.compile(r"^\s*(?:个)?(?:小时|钟头)"), (1, 2, 3, 4, 6, 8, 12, 24, 36, 48, 72, 96)),
    (re.compile(r"^\s*(?:个)?(?:月|自然月)"), (1, 2, 3, 6, 9, 12, 18, 24, 36, 48, 60)),
    (re.compile(r"^\s*(?:周)?年"), (1, 2, 3, 5, 8, 10, 15, 20, 30, 50)),
    # (an age stays a human one: 一百周岁以上 -> 八十、九十周岁以上, never 五百周岁以上)
    (re.compile(r"^\s*(?:周岁|岁)"), (3, 6, 8, 12, 14, 16, 18, 20, 22, 25, 28, 30, 35, 40, 45, 50, 55, 60, 65, 70, 80,
                                      90, 100)),
)


def steps_for(unit: str) -> tuple[int, ...]:
    """The counts rules set for what follows a number (小时, 个月, 日 …)."""
    return next((steps for pattern, steps in _STEPS_BY_UNIT if pattern.match(unit)), _SMALL_STEPS)


# a figure of two bounds (十日至三十日, 二千元以上二万元以下), not a compound count (七年零六个月)
RANGE = re.compile(r"至|到|－|-|—|~|～|以上.*(?:以下|不满|不足|未满)")
# the factors a range of figures (2倍以上5倍以下, 一万元以上五万元以下) moves by, all its bounds at once
RANGE_FACTORS = (2.0, 0.5, 3.0, 5.0, 0.2, 10.0, 4.0, 0.1, 20.0)


def count_factors(value: int, unit: str = "") -> list[float]:
    """Counts move along the steps rules use for their unit (三日 -> 五日, 七日 …; 十二个月 ->
    六个月, 十八个月 …), amounts by round factors."""
    steps = steps_for(unit)
    if value <= steps[-1]:
        # the nearest steps on both sides (90日 -> 60日, 120日 …), so the right one is no extreme
        near = sorted((s for s in steps if s != value), key=lambda s: (abs(math.log(s / value)), s))
        return [s / value for s in near[:6]]
    return [2.0, 0.5, 0.2, 5.0, 3.0, 10.0, 4.0, 0.4, 0.1, 20.0]


# a party a judgment names anonymised (宁某某, 某停车公司, 原告李某): a sentence about one tells
# the facts of a case, whose dates and sums are no rule a learner needs
CASE_PARTY = re.compile(r"[\u4e00-\u9fff]某某?(?![种些项类])|某(?:某|[\u4e00-\u9fff]{0,8}(?:公司|单位|企业|局|委|厂|店))")


# the sections of a case report that tell the facts and the judgment, not the rule it teaches
CASE_FACTS = re.compile(r"案情|裁判结果|判决结果|审理结果|处理结果|案件事实")


def case_figure(sentence: str, answer: str, section: str = "") -> bool:
    """A date, sum or party of the case told in ``sentence`` (not a rule's figure): the
    sentence names an anonymised party, or stands in the facts of a case report."""
    told = CASE_PARTY.search(sentence) is not None or CASE_FACTS.search(section) is not None
    return told and (FIGURE_RE.fullmatch(answer) is not None or DATE_RE.search(answer) is not None
                     or "某" in answer)


_DAY = re.compile(r"[零〇一二两三四五六七八九十\d]+日")


def day_of_date(before: str, answer: str) -> bool:
    """The day of a date written out (二〇〇四年六月[十五日], 去年六月[二十二日]): a date line or an
    aside, not a figure a learner needs."""
    return before.endswith("月") and _DAY.fullmatch(answer) is not None
