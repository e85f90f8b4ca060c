"""The cleaner on the real seed, on hand-made cases and on Discuz-style noise (hypothesis)."""

from __future__ import annotations

import random
import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from quizgen.ingest.clean import clean_text, is_han

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
    rng = random.Random(seed)
    noisy = inject(lines, rng)
    expected = [line for line in lines if line]
    assert loose(clean_text(noisy)) == loose("\n".join(expected))


@settings(max_examples=int(__import__("os").environ.get("QUIZGEN_HYPOTHESIS_EXAMPLES", 300)), deadline=None)
@given(st.text(alphabet=st.one_of(st.characters(codec="utf-8"), CJK, st.sampled_from(" \n,:;?!()\u3000\u00a0"))))
def test_cleaning_never_drops_adds_or_reorders_han(text):
    han = [c for c in unicodedata.normalize("NFC", text) if is_han(c)]
    assert [c for c in clean_text(text) if is_han(c)] == han

