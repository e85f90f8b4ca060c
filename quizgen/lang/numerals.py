"""Chinese numbers: ordinal markers (一/十二/3 -> integers) and figures with their units
(三日内, 百分之十五以上, 每平方米每月10元, 7日或9日, 2014年3月1日)."""

from __future__ import annotations

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
UNITS = ("个工作日|工作日|个月|个百分点|个小时|周岁|小时|分钟|平方米|立方米|公里|千米|厘米|毫米|公斤|千克"
         "|万元|亿元|元|年|日|天|周|岁|人次|次|人|名|件|份|页|套|间|期|倍|项|种|户|辆|台|克|吨|米|%|％|‰")
QUALIFIER = "(?:以上|以下|以内|之内|内|左右)?"
_AMOUNT = rf"{NUMBER}(?:{UNITS})"
_DAYTIME = "(?:凌晨|清晨|早上|上午|中午|下午|傍晚|晚上|夜间)"

DATE_RE = re.compile(r"\d{4}年\d{1,2}月(?:\d{1,2}日)?")  # 2014年3月1日, 2021年4月
FIGURE_RE = re.compile(
    "(?=[\\d零〇一二两三四五六七八九十百千万亿每凌清早上中下傍晚夜])"  # fail fast where no figure can start
    rf"(?:{DATE_RE.pattern}"  # a date is one figure, not 2014年 and 1日
    rf"|每[\u4e00-\u9fff]{{0,3}}?(?:每[\u4e00-\u9fff]{{1,2}}?)?{_AMOUNT}{QUALIFIER}"  # 每逾期一日, 每平方米每月10元
    rf"|百分之{_CN_NUMBER}{QUALIFIER}"  # 百分之十五以上
    rf"|{_DAYTIME}?\d{{1,2}}点(?:[到至]\d{{1,2}}点)|{_DAYTIME}\d{{1,2}}点"  # 凌晨2点到8点
    rf"|{_AMOUNT}(?:[或至到～~\-—]{_AMOUNT})?{QUALIFIER})"  # 7日或9日, 三日内, 82小时
)
_LEADING_NUMBER = re.compile(rf"^(?:每[\u4e00-\u9fff]*?)?{NUMBER}|^百分之{_CN_NUMBER}")


def figure_unit(figure: str) -> str:
    """What a figure counts, with its qualifier: 十五日内 -> 日内, 一千元以上 -> 元以上,
    百分之十五以上 -> %以上."""
    if figure.startswith("百分之"):
        return "%" + re.sub(rf"^百分之{_CN_NUMBER}", "", figure)
    return re.sub(r"[或至到～~\-—].*$", "", _LEADING_NUMBER.sub("", figure)) or figure


def is_trivial_figure(figure: str) -> bool:
    """一人, 两次, 一日: a bare one or two of something says nothing worth asking."""
    return bool(re.fullmatch(rf"[一两1]?(?:{UNITS})", figure) or re.fullmatch(rf"[一两](?:{UNITS})", figure))
