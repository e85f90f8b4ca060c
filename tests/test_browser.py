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

from quizgen import paper
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
    """Answer question ``q`` right, wrong, partly right (fill-ins with several blanks) or not
    at all; returns the points it should earn."""
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
        return q.points * right / len(q.answer)
    if q.kind == "judge":
        value = int(q.answer) if how == "right" else 1 - int(q.answer)
        page.check(f"{box} input[value='{value}']")
    elif q.kind == "choice":
        value = q.answer[0] if how == "right" else (q.answer[0] + 1) % len(q.options)
        page.check(f"{box} input[value='{value}']")
    else:  # multi: all of the answers, or only one of them (少选: no points)
        for value in (q.answer if how == "right" else q.answer[:1]):
            page.check(f"{box} input[value='{value}']")
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
    for n, q in enumerate(p.questions):
        how = "partial" if q is multi_blank else ("right", "wrong", "right", "skip")[n % 4]
        plan[q.number] = how
        expected += answer(page, q, how)
    assert 0 < expected < p.total_points
    page.click("#qz-submit")

    assert page.is_visible("#qz-result")
    score = float(page.inner_text("#qz-score"))
    assert score == pytest.approx(round(expected, 1))
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


def test_prints_to_a_sane_number_of_a4_pages(page, tmp_path):
    from pypdf import PdfReader

    deck = synthetic_deck()
    path = paper.write_html(deck, tmp_path / "paper.html", seed=1)
    page.goto(path.as_uri())
    data = page.pdf(format="A4", print_background=True)
    reader = PdfReader(io.BytesIO(data))
    pages = [re.sub(r"\s+", "", p.extract_text()) for p in reader.pages]
    weasy = len(PdfReader(paper.write_pdf(deck, tmp_path / "paper.pdf", seed=1)).pages)
    assert 2 <= len(pages) <= weasy + 3, (len(pages), weasy)
    width, height = (float(x) for x in reader.pages[0].mediabox[2:])
    assert abs(width - 595) < 3 and abs(height - 842) < 3, "A4"
    key = [n for n, text in enumerate(pages) if "参考答案与解析" in text]
    assert len(key) == 1 and key[0] > 0 and "答案：" not in pages[key[0] - 1], "the key on a new page"
    assert "交卷" not in "".join(pages), "no self-test controls on paper"
    assert "测试培训培训测验" in pages[0] and "姓名" in pages[0]
