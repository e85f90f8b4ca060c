"""The HTML paper in a real browser: Debian's headless Chromium driven by Playwright.

A learner answers some questions right and some wrong, presses 交卷 and must see the right
score; the page prints to a sane number of A4 pages. Playwright only drives the browser
that Debian installs (never `playwright install`); .ci/system-packages installs it in CI.
"""

from __future__ import annotations

import io
import os
import re
from pathlib import Path

import pytest

from quizgen.export.paper import layout as paper
from test_paper import nasty_deck, synthetic_deck

CHROMIUM = Path(os.environ.get("QUIZGEN_CHROMIUM", "/usr/bin/chromium"))
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(),
    reason=f"Chromium not installed at {CHROMIUM} (Debian package 'chromium'; .ci/system-packages installs it)")


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install playwright)")
    manager = sync_api.sync_playwright().start()
    try:
        chromium = manager.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, timeout=60_000)
    except Exception:
        manager.stop()
        raise
    yield chromium
    chromium.close()
    manager.stop()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1000, "height": 1300}, offline=True)
    page = context.new_page()
    page.set_default_timeout(20_000)
    page.errors = []
    page.dialogs = []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    page.on("console", lambda message: page.errors.append(message.text) if message.type == "error" else None)

    def on_dialog(dialog):
        page.dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    yield page
    context.close()


OPTIONS = {"seed": 2, "version": 1, "count": 20, "minutes": 30}


def answer(page, q: paper.Question, how: str) -> float:
    """Answer question ``q`` right, wrong, partly right (fill-ins with several blanks: one
    blank right; multi-select: some of the answers, no wrong one) or not at all; returns the
    points it should earn."""
    box = f"#q{q.number}"
    if how == "skip":
        return 0
    if q.kind == "fill":
        blanks = page.locator(f"{box} input.blank")
        right = 0
        for k, text in enumerate(q.answer):
            if how == "right" or (how == "partial" and k == 0):
                # spaces and half-width punctuation do not matter
                blanks.nth(k).fill(f" {text.replace('，', ',')} ")
                right += 1
            else:
                blanks.nth(k).fill("不知道")
        return q.blank_points * right
    if q.kind == "judge":
        value = int(q.answer) if how == "right" else 1 - int(q.answer)
        page.check(f"{box} input[value='{value}']")
    elif q.kind == "choice":
        value = q.answer[0] if how == "right" else (q.answer[0] + 1) % len(q.options)
        page.check(f"{box} input[value='{value}']")
    else:  # multi: all of the answers, only one of them (少选) or a wrong one with them (错选)
        wrong = [i for i in range(len(q.options)) if i not in q.answer][:1]
        picks = {"right": q.answer, "partial": q.answer[:1], "wrong": q.answer[:1] + wrong}[how]
        for value in picks:
            page.check(f"{box} input[value='{value}']")
        if how == "partial":
            return q.partial_points
    return q.points if how == "right" else 0


def test_self_test_marks_the_answers_and_shows_the_score(page, tmp_path):
    deck = synthetic_deck()
    path = paper.write_html(deck, tmp_path / "paper.html", **OPTIONS)
    p = paper.make_paper(deck, **OPTIONS)
    page.goto(path.as_uri())
    assert page.title() == p.full_title
    assert page.is_visible("text=一、单项选择题") and page.is_visible("#qz-submit")
    assert not page.is_visible("#key"), "the answer key stays hidden until 交卷"
    assert re.fullmatch(r"(30:00|29:5\d)", page.inner_text("#qz-timer"))

    plan, expected = {}, 0.0
    multi_blank = next(q for q in p.questions if q.kind == "fill" and len(q.blanks) > 1)
    some_of_multi = next(q for q in p.questions if q.kind == "multi")
    for n, q in enumerate(p.questions):
        how = "partial" if q in (multi_blank, some_of_multi) else ("right", "wrong", "right", "skip")[n % 4]
        plan[q.number] = how
        expected += answer(page, q, how)
    assert 0 < expected < p.total_points
    page.click("#qz-submit")

    assert page.is_visible("#qz-result")
    score = float(page.inner_text("#qz-score"))
    assert score == expected and (score * 2).is_integer(), "whole or half points"
    assert page.evaluate("document.activeElement.id") == "qz-result", "focus on the score after 交卷"
    assert f"/ {paper.fmt_points(p.total_points)} 分" in page.inner_text("#qz-result")
    assert page.inner_text("#qz-score-line") == page.inner_text("#qz-score")
    for q in p.questions:
        state = {"right": "right", "wrong": "wrong", "skip": "unanswered", "partial": "partial"}[plan[q.number]]
        classes = page.get_attribute(f"#q{q.number}", "class").split()
        assert state in classes, (q.number, q.kind, plan[q.number], classes)
        verdict = page.inner_text(f"#q{q.number} .verdict")
        assert verdict.startswith({"right": "回答正确", "wrong": "回答错误", "unanswered": "未作答",
                                   "partial": "部分正确"}[state]), verdict
        # the explanation block shows the correct answer
        assert page.is_visible(f"#q{q.number} .fb") and q.answer_long in page.inner_text(f"#q{q.number} .fb")
    assert page.is_visible("#key") and page.is_visible("text=参考答案与解析")
    assert page.locator(".q input:enabled").count() == 0
    page.screenshot(path=str(tmp_path / "after-submit.png"), full_page=False)

    page.click("#qz-reset")
    assert not page.is_visible("#qz-result") and not page.is_visible("#key")
    assert page.locator(".q.right, .q.wrong, .q.partial, .q.unanswered").count() == 0
    assert page.locator(".q input:checked").count() == 0
    assert page.locator(".q input:disabled").count() == 0
    page.click("#qz-submit")
    assert float(page.inner_text("#qz-score")) == 0
    assert page.errors == [] and page.dialogs == []


def test_item_text_is_shown_literally_and_never_runs(page, tmp_path):
    path = paper.write_html(nasty_deck(), tmp_path / "nasty.html")
    page.goto(path.as_uri())
    text = page.inner_text("body")
    assert "<script>alert(1)</script>哪个是{{c1::答案}}？" in text
    assert "<script>alert(3)</script>写作{{c1::字面}}，答案是" in text
    assert "<i>甲</i>" in text and "a<b 且 b>c。" in text
    page.fill("input.blank", "</script>标记")
    page.click("#qz-submit")
    assert page.inner_text("#qz-score") != "0"
    assert "<img src=x onerror=alert(2)>" in page.inner_text("body")
    assert page.dialogs == [] and page.errors == []


def printed(page) -> list[str]:
    """The page as Chromium prints it (Ctrl+P): the text of each A4 page."""
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(page.pdf(format="A4", print_background=True)))
    width, height = (float(x) for x in reader.pages[0].mediabox[2:])
    assert abs(width - 595) < 3 and abs(height - 842) < 3, "A4"
    return [re.sub(r"\s+", "", p.extract_text()) for p in reader.pages]


def test_prints_without_the_key_before_submitting(page, tmp_path):
    from pypdf import PdfReader

    deck = synthetic_deck()
    path = paper.write_html(deck, tmp_path / "paper.html", seed=1)
    p = paper.make_paper(deck, seed=1)
    page.goto(path.as_uri())
    pages = printed(page)
    weasy = len(PdfReader(paper.write_pdf(deck, tmp_path / "paper.pdf", seed=1)).pages)
    assert 1 <= len(pages) <= weasy + 3, (len(pages), weasy)
    text = "".join(pages)
    assert "测试培训培训测验" in pages[0] and "姓名" in pages[0]
    assert "交卷" not in text, "no self-test controls on paper"
    for leak in ("参考答案与解析", "答案：", "解析：", "出处："):
        assert leak not in text, leak
    assert not any(b.answer in text for q in p.questions for b in q.blanks)
    page.emulate_media(media="print")
    assert not page.is_visible("#key") and not page.is_visible("text=参考答案与解析")
    assert page.locator("#key").count() == 1  # in the page, shown after 交卷

    # after 交卷 the marked paper prints with its key, on a new page
    page.emulate_media(media="null")  # back to what the browser does
    page.click("#qz-submit")
    pages = printed(page)
    key = [n for n, text in enumerate(pages) if "参考答案与解析" in text]
    assert len(key) == 1 and key[0] > 0 and "答案：" not in pages[key[0] - 1], "the key on a new page"


def test_time_up_submits_the_paper(page, tmp_path):
    deck = synthetic_deck()
    path = paper.write_html(deck, tmp_path / "paper.html", seed=1, count=10, minutes=1)
    p = paper.make_paper(deck, seed=1, count=10, minutes=1)
    page.clock.install()
    page.goto(path.as_uri())
    expected = answer(page, p.questions[0], "right")
    page.clock.run_for("00:30")
    assert page.inner_text("#qz-timer") == "0:30"
    assert not page.is_visible("#qz-result") and page.locator(".q input:disabled").count() == 0
    page.clock.run_for("00:31")
    assert page.inner_text("#qz-timer") == "时间到"
    assert page.is_visible("#qz-result") and "时间到，已自动交卷" in page.inner_text("#qz-result")
    assert float(page.inner_text("#qz-score")) == expected > 0
    assert page.locator(".q input:enabled").count() == 0, "no answering after the time"
    assert page.evaluate("document.activeElement.id") == "qz-result"
    assert page.is_visible("#key")
    assert page.errors == [] and page.dialogs == []


LINE_STARTS = r"""() => {
  // characters that open a line in the visible text of the paper: [question id, text]
  const closing = "。，、；：？！）》」』】”’";
  const bad = [];
  document.querySelectorAll(".stem, .opt, .instruction, .part-title, .info").forEach(block => {
    if (!block.offsetParent) return;
    let last = null;
    const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.nodeType === 1) {
        if (node.matches("input.blank")) { const r = node.getBoundingClientRect(); last = r.top + r.height / 2; }
        continue;
      }
      for (let i = 0; i < node.data.length; i++) {
        if (/\s/.test(node.data[i])) continue;
        const range = document.createRange();
        range.setStart(node, i); range.setEnd(node, i + 1);
        const rect = range.getClientRects()[0];
        if (!rect) continue;
        const middle = rect.top + rect.height / 2;
        if (last !== null && middle > last + 10 && closing.includes(node.data[i]))
          bad.push([(block.closest("[id]") || block).id, node.data.slice(Math.max(0, i - 6), i + 1)]);
        last = middle;
      }
    }
  });
  return bad;
}"""


def test_punctuation_never_opens_a_line_on_a_phone(browser, tmp_path):
    from quizgen.build import make_deck
    from quizgen.ingest.read import sample

    context = browser.new_context(viewport={"width": 400, "height": 800}, offline=True)
    try:
        phone = context.new_page()
        for seed in (0, 1):
            path = paper.write_html(make_deck([sample()]), tmp_path / f"sample{seed}.html", seed=seed)
            phone.goto(path.as_uri())
            assert phone.evaluate("document.documentElement.scrollWidth") <= 400, "no sideways scrolling"
            assert phone.evaluate(LINE_STARTS) == []
            phone.screenshot(path=str(tmp_path / f"phone{seed}.png"), full_page=True)
    finally:
        context.close()
