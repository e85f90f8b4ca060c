"""The Anki cards as a phone shows them: rendered by the `anki` package, laid out by Debian's
headless Chromium (Playwright) at 400 px, day and night, with and without JavaScript."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from ankiclient import cards, import_apkg, open_collection

from quizgen.export import anki
from quizgen.build import make_deck
from quizgen.ingest.read import sample

CHROMIUM = Path(os.environ.get("QUIZGEN_CHROMIUM", "/usr/bin/chromium"))
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--allow-file-access-from-files",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
NO_LINE_START = "。，、；：？！）》」』”’…"

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason=f"Chromium not installed at {CHROMIUM}")


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    folder = tmp_path_factory.mktemp("cards")
    anki.write_apkg(make_deck([sample()]), folder / "deck.apkg")
    col = open_collection(folder / "col")
    try:
        import_apkg(col, folder / "deck.apkg")
        return cards(col)
    finally:
        col.close()


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    manager = sync_api.sync_playwright().start()
    chromium = manager.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, timeout=60_000)
    yield chromium
    chromium.close()
    manager.stop()


def font_face() -> str:
    """The Chinese font the papers bundle, so that lines break as they do with real glyphs."""
    try:
        import pylopdf_fonts_zh_cn as fonts
    except ImportError:
        return ""
    path = Path(fonts.__file__).parent / "NotoSansSC-Regular.otf"
    return f'@font-face {{ font-family: "Noto Sans CJK SC"; src: url("{path.as_uri()}"); }}'


def card_page(folder: Path, name: str, html: str, css: str, night: bool = False) -> str:
    """A card as Anki desktop shows it (AnkiDroid puts the same classes on <body>)."""
    classes = "card card1" + (" nightMode night_mode" if night else "")
    path = folder / f"{name}.html"
    path.write_text(f'<!doctype html><html><head><meta charset="utf-8">'
                    f'<meta name="viewport" content="width=device-width, initial-scale=1">'
                    f"<style>{font_face()} html, body {{ margin: 0; }} {css}</style></head>"
                    f'<body class="{classes}">{html}</body></html>', encoding="utf-8")
    return path.as_uri()


def open_page(browser, javascript: bool = True, width: int = 400):
    context = browser.new_context(viewport={"width": width, "height": 800}, java_script_enabled=javascript)
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    return page


def choice_card(rendered, kind_label: str):
    return next(c for c in rendered if kind_label in c.question)


def test_tap_an_option_then_the_back_marks_it(rendered, browser, tmp_path):
    card = choice_card(rendered, "单项选择题")
    right = re.findall(r'<li( class="qz-right")?>', card.question).index(' class="qz-right"')
    wrong = (right + 1) % 4
    page = open_page(browser)
    try:
        page.goto(card_page(tmp_path, "front", card.question, card.css))
        options = page.locator(".qz-options li")
        options.nth(right).click()
        options.nth(wrong).click()  # single choice: the second tap moves the choice
        picked = [k for k in range(4) if "qz-picked" in (options.nth(k).get_attribute("class") or "")]
        assert picked == [wrong]
        page.goto(card_page(tmp_path, "back", card.answer, card.css))  # AnkiDroid loads a new page
        back = page.locator(".qz-back .qz-options li")
        assert "qz-wrong" in back.nth(wrong).get_attribute("class")
        assert "qz-right" in back.nth(right).get_attribute("class")
        marks = [back.nth(k).evaluate("li => getComputedStyle(li, '::after').content") for k in range(4)]
        assert marks[right] == '" ✓"' and marks[wrong] == '" ✗"'
        assert sorted(marks).count("none") == 2
        assert not page.errors
    finally:
        page.context.close()


def test_without_javascript_the_back_still_marks_the_right_option(rendered, browser, tmp_path):
    card = choice_card(rendered, "多项选择题")
    page = open_page(browser, javascript=False)
    try:
        page.goto(card_page(tmp_path, "front", card.question, card.css))
        front = [page.locator(".qz-options li").nth(k).evaluate("li => getComputedStyle(li, '::after').content")
                 for k in range(page.locator(".qz-options li").count())]
        assert set(front) == {"none"}  # nothing gives the answer away
        page.goto(card_page(tmp_path, "back", card.answer, card.css))
        back = page.locator(".qz-back .qz-options li")
        marks = [back.nth(k).evaluate("li => getComputedStyle(li, '::after').content") for k in range(back.count())]
        assert marks.count('" ✓"') == card.question.count('class="qz-right"') >= 2
    finally:
        page.context.close()


CONTRAST = """() => {
  const luminance = (rgb) => {
    const c = rgb.match(/[\\d.]+/g).slice(0, 3).map(Number).map(v => v / 255)
      .map(v => v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4));
    return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
  };
  const background = (el) => {
    for (; el; el = el.parentElement) {
      const bg = getComputedStyle(el).backgroundColor;
      if (bg && !/rgba\\(.*, 0\\)$/.test(bg) && bg !== "transparent") return bg;
    }
    return "rgb(255, 255, 255)";
  };
  const out = [];
  for (const el of document.querySelectorAll("body *")) {
    const own = [...el.childNodes].some(n => n.nodeType === 3 && n.data.trim());
    if (!own) continue;
    const a = luminance(getComputedStyle(el).color), b = luminance(background(el));
    out.push([el.className || el.tagName, (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05)]);
  }
  return out;
}"""


@pytest.mark.parametrize("night", [False, True], ids=["day", "night"])
def test_every_text_has_aa_contrast(rendered, browser, tmp_path, night):
    samples = [next(c for c in rendered if c.notetype.startswith("quizgen 填空")),
               choice_card(rendered, "单项选择题"), choice_card(rendered, "判断题")]
    page = open_page(browser)
    try:
        seen = set()
        for n, card in enumerate(samples):
            for side, html in (("q", card.question), ("a", card.answer)):
                page.goto(card_page(tmp_path, f"{n}{side}", html, card.css, night))
                for name, ratio in page.evaluate(CONTRAST):
                    assert ratio >= 4.5, (name, round(ratio, 2), "night" if night else "day")
                    seen.add(name)
        assert {"qz-meta", "qz-label", "qz-kind", "qz-answer", "cloze"} <= seen
    finally:
        page.context.close()


LINE_STARTS = """(chars) => {
  const bad = [], range = document.createRange();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let previous = null;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const block = node.parentElement.closest("div, li");
    for (let i = 0; i < node.data.length; i++) {
      range.setStart(node, i); range.setEnd(node, i + 1);
      const rect = range.getClientRects()[0];
      if (!rect) continue;
      if (previous && previous.block === block && rect.top > previous.top + 5 && chars.includes(node.data[i]))
        bad.push(node.data.slice(Math.max(0, i - 4), i + 1));
      previous = {block, top: rect.top};
    }
  }
  return bad;
}"""


def test_punctuation_never_opens_a_line(rendered, browser, tmp_path):
    page = open_page(browser, width=360)
    try:
        for n, card in enumerate(rendered[::3]):
            page.goto(card_page(tmp_path, f"c{n}", card.answer, card.css))
            assert page.evaluate(LINE_STARTS, NO_LINE_START) == [], card.answer
            styles = page.evaluate("() => [...document.querySelectorAll('.card, .card *')]"
                                   ".map(el => getComputedStyle(el).lineBreak)")
            assert set(styles) == {"strict"}  # CJK rules (kinsoku) in every WebView, not just Chromium's
    finally:
        page.context.close()
