"""Chinese ordinal markers: parse 一/十二/廿/3 into integers."""

from __future__ import annotations

CN_DIGIT = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
            "六": 6, "七": 7, "八": 8, "九": 9}
CN_UNIT = {"十": 10, "百": 100, "千": 1000}
CN_NUM_CHARS = "零〇一二两三四五六七八九十百千"


def parse_number(token: str) -> int | None:
    """'三' -> 3, '十二' -> 12, '二十一' -> 21, '一百零五' -> 105, '12' -> 12; None if not a number."""
    token = token.strip()
    if not token:
        return None
    if token.isdigit():
        return int(token)
    total, current = 0, 0
    for ch in token:
        if ch in CN_DIGIT:
            current = CN_DIGIT[ch]
        elif ch in CN_UNIT:
            total += (current or 1) * CN_UNIT[ch]
            current = 0
        else:
            return None
    return total + current
