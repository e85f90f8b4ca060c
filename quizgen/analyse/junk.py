"""What a flashcard must never ask for: ordinal markers, function words, noise, list
announcements and the catch-all that closes a legal list."""

from __future__ import annotations

import re
from functools import lru_cache

from ..ingest.clean import is_han
from .structure import is_catch_all

STOPWORDS = frozenset(
    """工作 做好 哪些 一个 就是 没人 事情 应该 单位 问题 办公室 这样 那么 当然 所以 即便 围绕 注重
    我们 你们 他们 她们 它们 自己 这个 那个 这些 那些 什么 怎么 怎样 如何 为什么 因为 但是 而且 并且
    或者 以及 如果 虽然 可以 需要 必须 应当 能够 进行 通过 对于 关于 其中 其他 有关 相关 方面 情况 时候
    一些 一切 各种 各项 有的 所有 任何 已经 正在 还是 只是 不是 没有 这里 那里 如此 因此 于是 然后 同时
    规定 本规定 本条 本法 人民法院 法院 当事人 案件 依法 依照 根据 按照 有关部门 下列 以下 以上 之一
    一是 二是 三是 四是 五是 六是 七是 八是 九是 十是 一要 二要 三要 四要 五要 首先 其次 最后""".split()
)
_ORDINAL_RE = re.compile(r"^(?:第?[一二三四五六七八九十百\d]+[是要条章节款项、.．]?|其[一二三四五六七八九十]|[（(][一二三四五六七八九十\d]+[）)])$")
# 具有下列情形之一, 采取以下措施: announces a list and says nothing (三年以下, 三分之一 do)
_ANNOUNCING = re.compile(r"下列|如下|(?<!分)之一|以下(?=[：:]|[一二两三四五六七八九十几]?[个种项条点类]?"
                         r"(?:情形|措施|规定|条件|内容|方面|事项|材料|程序|要求|原则|情况|问题|标准|方式|工作"
                         r"|行为|职责|权利|义务|意见|文件|证据|因素))")
_SELF_REFERENCE = re.compile("本(?:解释|规定|批复|办法|决定|条例|细则|意见|通知|条|款|法)")  # 适用本解释
_JUNK_CHARS_RE = re.compile(r"[\x21-\x2f\x3a-\x40\x5b-\x60\x7b-\x7e]{2}|[{}<>|\\]")
_PUNCT = "，。、；：！？“”‘’（）《》【】,.;:!?\"'()"


@lru_cache(maxsize=65536)
def is_junk(text: str) -> bool:
    """Answers a flashcard must never ask for: ordinal markers, function words, noise,
    and the catch-all that closes a legal list (其他情节严重的情形; a heading such as
    其他规定 is fine)."""
    core = text.strip(_PUNCT + " ")
    if len(core) < 2 or not any(is_han(c) or c.isdigit() for c in core):
        return True
    if core in STOPWORDS or _ORDINAL_RE.match(core) or (is_catch_all(core) and "的" in core):
        return True
    if _ANNOUNCING.search(core) or _SELF_REFERENCE.search(core):
        return True
    return bool(_JUNK_CHARS_RE.search(core))
