"""Printable exam papers: selection, versions, HTML and the PDF as a reader gets it
(text via pdftotext, fonts via pypdf, pixels via pdftoppm)."""

from __future__ import annotations

import math
import re
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from quizgen.export.paper import fonts, layout as paper, pdf
from quizgen.errors import InputError, QuizgenError
from factory import make_item
from quizgen.model import Deck

SECTIONS = ["一、突出重点，分清主次", "二、着眼全局，当好参谋", "三、积极协调，促进和谐",
            "四、注重细节，避免失误", "五、善于学习，精通业务"]
NEEDS_POPPLER = pytest.mark.skipif(not shutil.which("pdftotext") or not shutil.which("pdftoppm"),
                                   reason="poppler-utils (pdftotext, pdftoppm) not installed: run .ci/system-packages")


# --------------------------------------------------------------------------- test data


def synthetic_items() -> list[Item]:
    """Items of every kind in every section, with answers that are easy to check."""
    items = []
    for s, section in enumerate(SECTIONS, 1):
        for k in range(2):
            options = [f"第{s}{k}题选项{name}" for name in "甲乙丙丁"]
            items.append(make_item(f"s{s}-c{k}", "choice", section, "测试", source=f"第{s}节单选原句{k}。",
                              question=f"第{s}节第{k}道单选题，正确的是？", options=options, answer=[2],
                              explanation=f"单选解析{s}{k}。"))
        items.append(make_item(f"s{s}-m0", "multi", section, "测试", source=f"第{s}节多选原句。",
                          question=f"第{s}节的多选题，正确的有哪些？",
                          options=[f"多选{s}甲", f"多选{s}乙", f"多选{s}丙", f"多选{s}丁"], answer=[0, 3],
                          explanation=f"多选解析{s}。"))
        for k, truth in enumerate((True, False)):
            items.append(make_item(f"s{s}-j{k}", "judge", section, "测试", source=f"第{s}节判断原句{k}。",
                              statement=f"第{s}节判断题{k}的说法。", answer=truth, explanation=f"判断解析{s}{k}。"))
        items.append(make_item(f"s{s}-z0", "cloze", section, "测试", source=f"第{s}节填空原句。",
                          text=f"第{s}节要做到{{{{c1::独有答案{s}甲::6字}}}}和{{{{c2::独有答案{s}乙乙乙乙}}}}。"))
        items.append(make_item(f"s{s}-z1", "cloze", section, "测试", source=f"第{s}节另一填空原句。",
                          text=f"第{s}节还要{{{{c1::专有词{s}}}}}。"))
    return items


def synthetic_deck(items: list[Item] | None = None, name: str = "测试培训") -> Deck:
    return Deck(name, [], synthetic_items() if items is None else items)


def nasty_deck() -> Deck:
    """Text that must display literally: markup, script, cloze syntax (cloze text is
    HTML-escaped with braces as &#123;, as the cloze stage writes it)."""
    items = [
        make_item("x-c", "choice", "一、<b>标签</b>", "测试", source="<script>alert('source')</script>",
             question="<script>alert(1)</script>哪个是{{c1::答案}}？",
             options=["<i>甲</i>", "乙 & 丙", "{{c2::丁}}", "</script>"], answer=[1],
             explanation="<img src=x onerror=alert(2)>"),
        make_item("x-j", "judge", "一、<b>标签</b>", "测试", source="判断<script>", statement="a<b 且 b>c。",
             answer=True),
        make_item("x-z", "cloze", "二、填空", "测试", source="原句含&lt;",
             text="&lt;script&gt;alert(3)&lt;/script&gt;写作&#123;&#123;c1::字面&#125;&#125;，"
                  "答案是{{c1::&lt;/script&gt;标记::4字}}。"),
    ]
    return Deck("转义<测试>", [], items)


@pytest.fixture(scope="module")
def sample_deck():
    from quizgen.build import make_deck
    from quizgen.ingest.read import sample

    return make_deck([sample()])


@pytest.fixture(scope="module")
def sample_papers(sample_deck, tmp_path_factory):
    """The built-in sample as HTML and PDF, written the way the CLI writes it (the answer
    key in a PDF of its own)."""
    out = tmp_path_factory.mktemp("papers")
    paths = paper.write_papers(sample_deck, out, formats=("html", "pdf"), seed=0)
    return out, paths, paper.make_paper(sample_deck, seed=0)


@pytest.fixture(scope="module")
def appendix_paper(sample_deck, tmp_path_factory):
    """The sample's PDF with the answer key at its end (--key appendix)."""
    out = tmp_path_factory.mktemp("appendix")
    paths = paper.write_papers(sample_deck, out, formats=("pdf",), seed=0, key="appendix")
    assert [x.name for x in paths] == ["办公室工作-试卷.pdf"]
    return paths[0], paper.make_paper(sample_deck, seed=0)


def pdf_pages_text(path: Path) -> list[str]:
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True,
                          text=True, check=True, timeout=60).stdout
    return text.split("\f")[:-1] if text.endswith("\f") else text.split("\f")


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def ink(png: Path) -> tuple[float, float]:
    """(share of inked pixels, share of pixel rows with ink) of a rendered page."""
    from PIL import Image

    with Image.open(png) as image:
        gray = image.convert("L")
    inked = sum(gray.histogram()[:200]) / (gray.width * gray.height)
    pixels = gray.load()
    rows = sum(1 for y in range(gray.height) if any(pixels[x, y] < 160 for x in range(gray.width)))
    return inked, rows / gray.height


# --------------------------------------------------------------------------- selection


def test_select_without_limits_takes_every_usable_item_in_deck_order():
    items = synthetic_items()
    items.append(make_item("off", "judge", SECTIONS[0], statement="停用。", answer=True, enabled=False))
    chosen = paper.select(items, seed=3)
    assert [i.id for i in chosen] == [i.id for i in items if i.enabled]


def test_a_sentence_a_question_asks_is_not_asked_again_as_a_fill_in():
    source = "严禁在空白纸张上加盖印章。"
    items = [make_item("q", "judge", SECTIONS[0], statement="允许在空白纸张上加盖印章。", answer=False, source=source),
             make_item("c", "cloze", SECTIONS[0], text="严禁在{{c1::空白纸张}}上加盖印章。", source=source),
             make_item("other", "cloze", SECTIONS[0], text="印章由{{c1::办公室}}管理。", source="印章由办公室管理。")]
    assert [i.id for i in paper.select(items, seed=0)] == ["q", "other"]


def test_count_is_spread_round_robin_over_sections_and_deterministic():
    items = synthetic_items()
    for seed in range(6):
        chosen = paper.select(items, seed, count=len(SECTIONS))
        assert len(chosen) == len(SECTIONS)
        assert sorted(i.section for i in chosen) == sorted(SECTIONS), "one question per section"
        twice = paper.select(items, seed, count=2 * len(SECTIONS))
        assert Counter(i.section for i in twice) == Counter({s: 2 for s in SECTIONS})
        assert [i.id for i in paper.select(items, seed, count=5)] == [i.id for i in chosen]
    picks = {tuple(i.id for i in paper.select(items, seed, count=5)) for seed in range(10)}
    assert len(picks) > 1, "the seed changes which questions are picked"
    first_n = [i.id for i in items[:5]]
    assert any(list(p) != first_n for p in picks)


def test_count_is_split_over_the_question_types():
    chosen = paper.select(synthetic_items(), seed=1, count=8)
    kinds = Counter(paper.paper_kind(i) for i in chosen)
    assert sum(kinds.values()) == 8 and set(kinds) == set(paper.PAPER_KINDS)
    assert len({i.section for i in chosen}) == len(SECTIONS)


def test_per_type_counts_pick_each_type_across_sections():
    chosen = paper.select(synthetic_items(), seed=7, per_type={"choice": 4, "judge": 3, "cloze": 5})
    kinds = Counter(paper.paper_kind(i) for i in chosen)
    assert kinds == Counter({"choice": 4, "judge": 3, "fill": 5})  # types not named: none
    for kind, quota in (("choice", 4), ("judge", 3), ("fill", 5)):
        sections = [i.section for i in chosen if paper.paper_kind(i) == kind]
        assert len(set(sections)) == min(quota, len(SECTIONS)), (kind, sections)
    # more than there is: capped; with a total as well: the total wins
    assert len(paper.select(synthetic_items(), 0, per_type={"multi": 99})) == len(SECTIONS)
    capped = paper.select(synthetic_items(), 0, count=6, per_type={"single": 10, "fill": 10})
    assert len(capped) == 6 and {paper.paper_kind(i) for i in capped} == {"choice", "fill"}


def test_sample_deck_count_covers_its_sections(sample_deck):
    sections = {i.section for i in sample_deck.items}
    chosen = paper.select(sample_deck.items, seed=0, count=len(sections))
    assert {i.section for i in chosen} == sections
    assert [i.id for i in chosen] != [i.id for i in sample_deck.items[:len(sections)]]


@pytest.mark.parametrize("kwargs", [{"count": 0}, {"count": -3}, {"per_type": {"essay": 2}},
                                    {"per_type": {"judge": -1}}, {"per_type": {"choice": 0}}])
def test_bad_selection_options_are_input_errors(kwargs):
    with pytest.raises(InputError):
        paper.select(synthetic_items(), 0, **kwargs)


def test_items_with_impossible_answers_are_refused():
    bad = make_item("bad", "choice", "一", question="？", options=["甲", "乙"], answer=[5])
    with pytest.raises(QuizgenError, match="bad"):
        paper.make_paper(synthetic_deck([bad]))
    with pytest.raises(InputError, match="no questions"):
        paper.make_paper(synthetic_deck([]))


# --------------------------------------------------------------------------- the paper


def test_sections_titles_points_and_numbering():
    p = paper.make_paper(synthetic_deck(), points={"judge": 2, "single": 1.5}, minutes=45)
    assert p.title == "测试培训 培训测验" and p.label == ""
    assert [s.title for s in p.sections] == ["一、单项选择题", "二、多项选择题", "三、判断题", "四、填空题"]
    assert [s.summary for s in p.sections] == [
        "（共10题，每题1.5分，共15分）", "（共5题，每题3分，共15分；全部选对得满分，少选得一半分，错选不得分）",
        "（共10题，每题2分，共20分）", "（共10题，每空1分，共15分）"]  # 5 fill questions have 2 blanks
    assert p.total_points == 65 and p.info == "满分65分，考试时间45分钟。"
    assert [q.number for q in p.questions] == list(range(1, 36))
    judge = p.sections[2].questions[0]
    assert judge.marked_stem.endswith("。（　　）")
    assert p.sections[0].questions[0].marked_stem.endswith("？（　　）")
    # empty sections are left out and the rest renumbered
    no_multi = [i for i in synthetic_items() if i.kind in ("judge", "cloze")]
    p2 = paper.make_paper(synthetic_deck(no_multi))
    assert [s.title for s in p2.sections] == ["一、判断题", "二、填空题"]
    assert p2.sections[0].summary == "（共10题，每题1分，共10分）"
    html = paper.render_html(p2, fonts="system")
    assert "二、填空题" in html and "单项选择题" not in html


def test_cloze_items_become_questions_with_one_blank_per_deletion():
    parts = paper.parse_cloze("协调包括{{c1::对上协调::4字}}、{{c2::平级协调}}和"
                              "{{c1::横向协调的长长长长长长答案}}。&lt;b&gt;")
    blanks = [p for p in parts if isinstance(p, paper.Blank)]
    assert [b.answer for b in blanks] == ["对上协调", "平级协调", "横向协调的长长长长长长答案"]
    assert blanks[0].hint == "4字" and parts[-1] == "。<b>"
    assert blanks[0].width_em == blanks[1].width_em < blanks[2].width_em
    assert paper.Blank("一").width_em >= 4  # room to write by hand
    p = paper.make_paper(synthetic_deck(), per_type={"fill": 10})
    q = next(q for q in p.questions if len(q.blanks) == 2)
    assert q.answer == [b.answer for b in q.blanks] and q.answer_short.startswith("①")
    html = paper.render_html(p, interactive=False, fonts="system")
    body, key = html.split('<section class="key"')
    assert body.count('class="blank"') == sum(len(q.blanks) for q in p.questions)
    for s in range(1, 6):  # answers only in the key, never on the paper
        assert f"独有答案{s}甲" not in body and f"独有答案{s}甲" in key
    interactive = paper.render_html(p, fonts="system")
    assert interactive.count('<input type="text" class="blank"') == sum(len(q.blanks) for q in p.questions)


def test_versions_have_the_same_content_in_a_different_order():
    deck = synthetic_deck()
    a = paper.make_paper(deck, seed=5, version=0, count=20)
    b = paper.make_paper(deck, seed=5, version=1, count=20)
    assert b.label == "B" and b.full_title == "测试培训 培训测验（B卷）"
    for sa, sb in zip(a.sections, b.sections, strict=True):
        assert sa.kind == sb.kind
        assert sorted(q.item_id for q in sa.questions) == sorted(q.item_id for q in sb.questions)
    assert [q.item_id for q in a.questions] != [q.item_id for q in b.questions]
    assert [q.options for q in a.questions] != [q.options for q in b.questions]
    originals = {i.id: i for i in deck.items}
    for p in (a, b):
        for q in p.questions:
            item = originals[q.item_id]
            if q.kind in ("choice", "multi"):  # remapped answers still name the right options
                assert sorted(q.options) == sorted(item.options)
                assert sorted(q.options[i] for i in q.answer) == sorted(item.options[i] for i in item.answer)
                assert q.answer_letters == "".join(paper.LETTERS[i] for i in q.answer)
            elif q.kind == "judge":
                assert q.answer is item.answer
    versions = [paper.make_paper(deck, seed=5, version=v, count=20) for v in range(6)]
    orders = {tuple((q.item_id, tuple(q.options)) for q in p.questions) for p in versions}
    assert len(orders) == 6, "every version has its own order"


def test_same_seed_same_paper_and_no_global_random():
    import random

    deck = synthetic_deck()
    random.seed(1)
    first = paper.render_html(paper.make_paper(deck, seed=11, version=1, count=12), fonts="system")
    random.seed(2)
    again = paper.render_html(paper.make_paper(deck, seed=11, version=1, count=12), fonts="system")
    assert first == again
    other = paper.render_html(paper.make_paper(deck, seed=12, version=1, count=12), fonts="system")
    assert other != first


def test_the_same_paper_embeds_the_same_font_bytes(monkeypatch):
    """The HTML file a trainer gets is byte-identical on a rebuild, embedded font subsets
    included (fontTools would otherwise stamp each subset with the time it was made)."""
    import itertools

    from fontTools.ttLib.tables import _h_e_a_d

    clock = itertools.count(3_000_000_000, 1000)
    monkeypatch.setattr(_h_e_a_d, "timestampNow", lambda: next(clock))
    made = paper.make_paper(synthetic_deck(), seed=3, count=8)
    first = paper.render_html(made)
    fonts._subset.cache_clear()
    assert paper.render_html(made) == first


def test_options_that_refer_to_others_keep_their_place():
    item = make_item("fixed", "choice", "一", question="哪个对？", options=["甲", "乙", "丙", "以上都对"], answer=[3])
    for v in range(5):
        q = paper.make_paper(synthetic_deck([item]), seed=0, version=v).questions[0]
        assert q.options[3] == "以上都对" and q.answer == [3]


def test_html_is_self_contained_and_escapes_everything():
    deck = nasty_deck()
    page = paper.render_html(paper.make_paper(deck))
    assert "<script>alert" not in page and "<img" not in page and "<i>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;哪个是{{c1::答案}}？" in page
    assert "&lt;script&gt;alert(3)&lt;/script&gt;写作{{c1::字面}}，" in page  # literal, not a blank
    assert page.count("<script") == 2 and page.count("</script>") == 2  # our JSON and our script
    assert "转义&lt;测试&gt; 培训测验" in page
    # one file: nothing fetched from anywhere
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:|//|file:)""", page)
    assert "<link" not in page and "@import" not in page
    assert all(u.startswith("data:") for u in re.findall(r"url\(([^)]*)\)", page))
    assert page.count("@font-face {") == 2 and "data:font/otf;base64," in page
    # the title inside CSS is a CSS string that cannot break out of <style>
    assert re.search(r'@top-right \{ content: "[^"<>]*"; \}', page)


def test_bundled_fonts_cover_every_character_of_the_papers(sample_deck):
    text = "".join([paper.render_html(paper.make_paper(sample_deck), fonts="system"), fonts.ALWAYS,
                    paper.render_html(paper.make_paper(synthetic_deck(), version=1), fonts="system"),
                    (Path(paper.templates_dir()) / "paper" / "paper.js").read_text(encoding="utf-8")])
    assert fonts.uncovered(text) == set()
    assert fonts.uncovered("办公😀") == {"😀"}


# --------------------------------------------------------------------------- PDF


@NEEDS_POPPLER
def test_sample_pdfs_have_the_paper_and_the_answer_key_in_chinese(sample_papers):
    """The candidates' PDF has every question and no answer; the trainer's PDF every answer."""
    out, paths, p = sample_papers
    assert [x.name for x in paths] == ["办公室工作-试卷.html", "办公室工作-试卷.pdf", "办公室工作-答案.pdf"]
    assert not [x for x in out.iterdir() if x.name.endswith(".part")]
    pages = pdf_pages_text(out / "办公室工作-试卷.pdf")
    text = squash("".join(pages))
    for needed in ("办公室工作培训测验", "姓名", "部门", "日期", "得分", "第1页共"):
        assert needed in text, needed
    for section in p.sections:
        assert squash(section.title + section.summary) in text
    assert squash(f"第 {len(pages)} 页 共 {len(pages)} 页") in squash(pages[-1])
    key_pages = pdf_pages_text(out / "办公室工作-答案.pdf")
    key = squash("".join(key_pages))
    assert key.startswith(squash("参考答案与解析" + p.full_title)) and "姓名" not in key
    for q in p.questions:  # every question on the paper, its answer in the key only
        if q.kind == "fill":
            first = next(part for part in q.parts if isinstance(part, str) and part.strip())
            assert squash(first)[:6] in text
            assert all(squash(b.answer) in key for b in q.blanks)
        else:
            assert squash(q.stem)[:12] in text
        assert squash(q.answer_long)[:8] in key
        assert squash(q.source)[:10] in key
    for leak in ("参考答案", "答案：", "解析：", "出处："):
        assert leak not in text, leak


@NEEDS_POPPLER
def test_key_none_writes_no_key_anywhere(sample_deck, tmp_path):
    paths = paper.write_papers(sample_deck, tmp_path, seed=0, key="none")
    assert [x.name for x in paths] == ["办公室工作-试卷.html", "办公室工作-试卷.pdf"]
    text = squash("".join(pdf_pages_text(tmp_path / "办公室工作-试卷.pdf")))
    assert "参考答案" not in text and "答案：" not in text
    assert 'id="key"' not in paths[0].read_text(encoding="utf-8")
    with pytest.raises(InputError, match="key"):
        paper.write_papers(sample_deck, tmp_path, key="inside")


@NEEDS_POPPLER
def test_answer_key_starts_on_a_new_page(appendix_paper):
    path, p = appendix_paper
    pages = pdf_pages_text(path)
    key = [n for n, page in enumerate(pages) if "参考答案与解析" in page]
    assert len(key) == 1 and key[0] > 0
    before = squash(pages[key[0]].split("参考答案与解析")[0])
    assert before in ("", squash(p.full_title)), "only the running head above the key's title"
    assert "答案：" not in pages[key[0] - 1]


def test_pdf_embeds_the_chinese_fonts(sample_papers):
    from pypdf import PdfReader

    out, _, _ = sample_papers
    reader = PdfReader(out / "办公室工作-试卷.pdf")
    fonts = {}
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descendant = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
            descriptor = descendant["/FontDescriptor"].get_object()
            fonts[str(font["/BaseFont"])] = any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
    assert fonts and all(fonts.values()), f"every font embedded: {fonts}"
    names = " ".join(fonts)
    assert "Noto-Serif-SC" in names and "Noto-Sans-SC" in names, names
    assert all("Noto" in name for name in fonts), names  # no fallback font used anywhere


@NEEDS_POPPLER
def test_rendered_pages_are_not_blank(appendix_paper, tmp_path):
    source, _ = appendix_paper
    pages = pdf_pages_text(source)
    key_page = next(n for n, page in enumerate(pages, 1) if "参考答案与解析" in page)
    for number in (1, key_page):
        prefix = tmp_path / f"page{number}"
        subprocess.run(["pdftoppm", "-r", "50", "-png", "-singlefile", "-f", str(number), "-l", str(number),
                        str(source), str(prefix)], check=True, timeout=60)
        png = prefix.with_suffix(".png")
        assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        inked, rows = ink(png)
        assert 0.02 < inked < 0.5, f"page {number}: {inked:.1%} of the pixels inked"
        assert rows > 0.25, f"page {number}: text on only {rows:.0%} of the page height"


def test_escaping_in_the_pdf(tmp_path):
    pytest.importorskip("pypdf")
    from pypdf import PdfReader

    path = paper.write_pdf(nasty_deck(), tmp_path / "x.pdf")
    text = squash("".join(page.extract_text() for page in PdfReader(path).pages))
    assert "<script>alert(1)</script>哪个是{{c1::答案}}？" in text
    assert "写作{{c1::字面}}" in text and "</script>标记" in text


def test_write_papers_versions_and_names(tmp_path):
    paths = paper.write_papers(synthetic_deck(name="办公室工作"), tmp_path, versions=2, seed=3, count=12)
    assert [p.name for p in paths] == ["办公室工作-试卷-A.html", "办公室工作-试卷-B.html",
                                       "办公室工作-试卷-A.pdf", "办公室工作-试卷-B.pdf",
                                       "办公室工作-答案-A.pdf", "办公室工作-答案-B.pdf"]
    a, b = (p.read_text(encoding="utf-8") for p in paths[:2])
    assert "（A卷）" in a and "（B卷）" in b and a != b
    assert all(p.read_bytes().startswith(b"%PDF") for p in paths[2:])
    assert sorted(x.name for x in tmp_path.iterdir()) == sorted(p.name for p in paths)
    with pytest.raises(InputError):
        paper.write_papers(synthetic_deck(), tmp_path, formats=("docx",))
    with pytest.raises(InputError):
        paper.write_papers(synthetic_deck(), tmp_path, versions=27)


class _NoPango:
    """Makes `import weasyprint` fail the way it does without Pango on the system."""

    def find_spec(self, name, path=None, target=None):
        if name == "weasyprint" or name.startswith("weasyprint."):
            raise OSError("cannot load library 'libpango-1.0-0': libpango-1.0-0: cannot open shared object file")
        return None


@pytest.mark.parametrize("breakage", ["not installed", "no system libraries"])
def test_pdf_impossible_is_a_clear_error_and_the_html_is_still_written(tmp_path, monkeypatch, breakage):
    for name in [m for m in sys.modules if m == "weasyprint" or m.startswith("weasyprint.")]:
        monkeypatch.delitem(sys.modules, name)
    if breakage == "not installed":
        monkeypatch.setitem(sys.modules, "weasyprint", None)
    else:
        monkeypatch.setattr(sys, "meta_path", [_NoPango(), *sys.meta_path])
    pdf._weasyprint.cache_clear()
    try:
        with pytest.raises(QuizgenError) as error:
            paper.write_papers(synthetic_deck(), tmp_path, formats=("html", "pdf"))
    finally:
        pdf._weasyprint.cache_clear()
    message = str(error.value)
    assert "WeasyPrint" in message and "测试培训-试卷.html" in message
    if breakage == "no system libraries":
        assert "libpango-1.0-0" in message and "apt-get install" in message
    assert [p.name for p in tmp_path.iterdir()] == ["测试培训-试卷.html"]


def test_a_failed_write_leaves_the_old_file(tmp_path, monkeypatch):
    target = tmp_path / "p.pdf"
    target.write_bytes(b"old")

    def broken(_paper, *_contents):
        raise QuizgenError("PDF rendering failed: boom")

    monkeypatch.setattr(pdf, "render_pdf", broken)
    with pytest.raises(QuizgenError):
        paper.write_pdf(synthetic_deck(), target)
    assert target.read_bytes() == b"old" and [p.name for p in tmp_path.iterdir()] == ["p.pdf"]


def test_command_line_type_numbers():
    assert paper.parse_kind_numbers("single=10,judge=5 fill=2.5") == {"choice": 10, "judge": 5, "fill": 2.5}
    assert paper.parse_kind_numbers("单选=10，判断：5") == {"choice": 10, "judge": 5}
    for bad in ("single", "essay=3", "judge=abc", "judge=-1"):
        with pytest.raises(InputError):
            paper.parse_kind_numbers(bad)


def test_items_without_section_or_source():
    item = make_item("bare", "judge", "", statement="无来源的说法。", answer=True)
    page = paper.render_html(paper.make_paper(synthetic_deck([item])), fonts="system")
    assert "出处" not in page and "无来源的说法。（　　）" in page


def test_judge_items_on_a_paper_are_not_mostly_one_answer():
    from quizgen.export.paper.layout import select
    from quizgen.build import make_deck
    from quizgen.ingest.read import sample

    deck = make_deck([sample()])
    for seed in range(4):
        judges = [i.answer for i in select(deck.items, seed=seed, count=30) if i.kind == "judge"]
        assert len(judges) >= 2
        assert abs(judges.count(True) - judges.count(False)) <= 1, judges
    # the sample's false statements are members of one frame: however many true ones there
    # are, the one false statement a paper may take is taken
    items = [make_item(f"s1-p1-t{n}-rule-true", "judge", SECTIONS[0], "测试", source=f"第{n}条真命题。",
                       statement=f"第{n}条真命题。", answer=True) for n in range(1, 5)]
    items += [make_item(f"s2-p1-t1-frame1-m{n}-judge-false", "judge", SECTIONS[1], "测试", source=f"框架{n}。",
                        statement=f"框架假命题{n}。", answer=False) for n in range(1, 3)]
    for seed in range(6):
        judges = [i.answer for i in select(items, seed=seed, count=4)]
        assert judges.count(False) == 1 and judges.count(True) == 3


def _visible(item) -> str:
    """What a paper prints of a question, answers left out, without punctuation."""
    from quizgen.itemchecks import bare
    from quizgen.lang import markup

    if item.kind == "cloze":
        return "|".join(bare(s) for s in markup.parse(item.text) if isinstance(s, str))
    if item.kind == "judge":
        return bare(item.statement)
    return bare(item.question) + "|" + "|".join(bare(o) for o in item.options)


def test_no_question_on_a_paper_answers_another_or_asks_its_sentence_again(sample_deck):
    import re as regex
    from quizgen.itemchecks import bare

    for seed in range(5):
        chosen = paper.select(sample_deck.items, seed=seed, count=30)
        located = [regex.match(r"s\d+-p\d+-t\d+", i.id) for i in chosen]
        sentences = [m.group() for m in located if m]
        assert len(sentences) == len(set(sentences)), "a sentence asked twice"
        for fill in (i for i in chosen if i.kind == "cloze"):
            for other in chosen:
                if other is not fill:
                    shown = [a for a in fill.answers() if len(bare(a)) >= 2 and bare(a) in _visible(other)]
                    assert not shown, (seed, fill.id, other.id, shown)
        ids = {i.id for i in chosen}
        # the five aspects: asked as a list fill-in or as the multi-select question, not both
        assert not {"s0-list1-cloze", "s1-p1-t1-headings1-multi"} <= ids
        # 四心: the fill-in of the list or 不包括下列哪一项 (whose options are the list), not both
        assert not {"s4-list1-cloze", "s4-p2-t5-list1-not-choice"} <= ids


def test_clashing_questions_are_left_out_and_other_types_fill_the_count():
    fill = make_item("s1-p1-t1-cloze", "cloze", SECTIONS[0], "测试", source="协调包括对上协调和平级协调。",
                     text="协调包括{{c1::对上协调}}和{{c2::平级协调}}。")
    options = make_item("s1-p1-t2-choice", "choice", SECTIONS[0], "测试", source="另一句。",
                        question="下列哪一项属于协调？", options=["对上协调", "对外宣传", "财务审计", "档案管理"],
                        answer=[0])
    same_option = make_item("s2-p1-t1-choice", "choice", SECTIONS[1], "测试", source="第三句。",
                            question="哪一项是协调的方式？", options=["平级协调", "对上协调", "对外宣传", "审计"],
                            answer=[0])
    judged = make_item("s2-p1-t2-judge-true", "judge", SECTIONS[1], "测试", source="印章由办公室管理。",
                       statement="印章由办公室管理。", answer=True)
    context = make_item("s2-p1-t3-cloze", "cloze", SECTIONS[1], "测试", source="用印须登记。",
                        text="印章由办公室管理。用印须{{c1::登记}}。")
    spare = make_item("s3-p1-t1-choice", "choice", SECTIONS[2], "测试", source="第四句。",
                      question="档案保管期限分为几种？", options=["两种", "三种", "四种", "五种"], answer=[1])
    items = [fill, options, same_option, judged, context, spare]
    for seed in range(8):
        ids = {i.id for i in paper.select(items, seed=seed)}
        assert not {fill.id, options.id} <= ids, "the options fill the blanks"
        assert not {fill.id, same_option.id} <= ids
        assert not {judged.id, context.id} <= ids, "the fill-in prints the statement"
        assert {options.id, same_option.id} <= ids or fill.id in ids, "a right option among another's options is fine"
    # a total: what the fill-ins lose to clashes goes to the other types
    for seed in range(8):
        assert len(paper.select(items, seed=seed, count=4)) == 4


def test_a_failed_pdf_reports_exactly_the_files_written(tmp_path, monkeypatch):
    """The batch reports the deck, the JSON and this run's HTML paper as written, never a
    paper left in the folder by an earlier run, and the error says what failed."""
    from quizgen.build import BuildOptions, build_batch

    stale = tmp_path / "办公室工作-试卷-B.html"
    stale.write_text("an earlier run's paper B", encoding="utf-8")

    def broken(_paper, *_contents):
        raise QuizgenError("PDF rendering failed: boom")

    monkeypatch.setattr(pdf, "render_pdf", broken)
    result = build_batch(None, tmp_path, BuildOptions(formats=("apkg", "json", "html", "pdf"), jobs=1))
    assert result.exit_code == 1 and "boom" in str(result.failures[0].error)
    assert sorted(o.path.name for o in result.outputs) == ["办公室工作-试卷.html", "办公室工作.apkg", "办公室工作.json"]


# --------------------------------------------------------------------------- scoring rules


def blank_item(n: int = 3) -> Item:
    text = "，".join(f"第{k}项是{{{{c{k}::答案{k}}}}}" for k in range(1, n + 1)) + "。"
    return make_item("blanks", "cloze", "一", text=text, source="原句。")


@pytest.mark.parametrize("points", [None, {"multi": 5, "fill": 1.5}, {"single": 2.5, "multi": 2.5, "judge": 0.5},
                                    {"multi": 1, "fill": 0.5}, {"multi": 3.5, "fill": 2}])
@pytest.mark.parametrize("multi_scoring", paper.MULTI_SCORING)
def test_scores_are_whole_or_half_points_and_the_rules_are_printed(points, multi_scoring):
    deck = synthetic_deck(synthetic_items() + [blank_item(3)])
    p = paper.make_paper(deck, points=points, multi_scoring=multi_scoring)
    half_points = [p.total_points] + [x for q in p.questions for x in (q.points, q.partial_points, q.blank_points)]
    assert all(float(x * 2).is_integer() for x in half_points), half_points
    multi = next(s for s in p.sections if s.kind == "multi")
    fill = next(s for s in p.sections if s.kind == "fill")
    per = paper.fmt_points(fill.points)
    assert f"每空{per}分" in fill.summary and all(q.points == fill.points * len(q.blanks) for q in fill.questions)
    assert fill.total == fill.points * sum(len(q.blanks) for q in fill.questions)
    if multi_scoring == "half":
        assert all(q.partial_points == math.floor(multi.points) / 2 for q in multi.questions)
        half = "一半分" if multi.points % 1 == 0 else f"{paper.fmt_points(math.floor(multi.points) / 2)}分"
        assert f"全部选对得满分，少选得{half}，错选不得分" in multi.summary
    else:
        assert all(q.partial_points == 0 for q in multi.questions)
        assert "全部选对得满分，少选、错选均不得分" in multi.summary
    html = paper.render_html(p, fonts="system")
    heading = re.search(r'<h2 class="part-title">二、多项选择题<span class="summary">([^<]*)</span>', html)
    assert heading and heading.group(1) == multi.summary


def test_points_must_be_whole_or_half_points():
    for points in ({"multi": 1.25}, {"fill": 0.3}):
        with pytest.raises(InputError, match="half points"):
            paper.make_paper(synthetic_deck(), points=points)
    with pytest.raises(InputError, match="scoring"):
        paper.make_paper(synthetic_deck(), multi_scoring="all")


def test_blanks_are_numbered_for_screen_readers_and_keep_their_punctuation():
    html = paper.render_html(paper.make_paper(synthetic_deck([blank_item(3)])), fonts="system")
    assert re.findall(r'aria-label="([^"]*)"', html) == ["第1题 第1空", "第1题 第2空", "第1题 第3空"]
    # the punctuation after a blank is on the blank's line: inside the same no-wrap box
    glued = re.findall(r'<span class="nobr"><input [^>]*>([^<]*)</span>', html)
    assert glued == ["，", "，", "。"]


# --------------------------------------------------------------------------- page filling


def questions_per_page(path: Path, count: int) -> list[list[int]]:
    """The question numbers that open a line on each page of the PDF, as a reader sees them."""
    pages = []
    for text in pdf_pages_text(path):
        if "参考答案与解析" in text:
            break
        pages.append([int(n) for n in re.findall(r"(?m)^\s*(\d+)\.(?!\d)", text) if 1 <= int(n) <= count])
    assert sorted(n for page in pages for n in page) == list(range(1, count + 1))
    return pages


@NEEDS_POPPLER
@pytest.mark.parametrize("seed,count", [(0, 30), (1, 30), (0, 12)])
def test_no_page_carries_a_lone_question(sample_deck, tmp_path, seed, count):
    """The sample paper used to end with a page holding question 30 alone."""
    paper.write_papers(sample_deck, tmp_path, formats=("pdf",), seed=seed, count=count, key="appendix")
    asked = len(paper.select(sample_deck.items, seed, count))
    pages = questions_per_page(tmp_path / "办公室工作-试卷.pdf", asked)
    assert all(len(page) != 1 for page in pages), pages


class _FakePage:
    def __init__(self, numbers):
        self.anchors = {f"q{n}": (0, 0) for n in numbers}


class _FakeDocument:
    def __init__(self, pages):
        self.pages = [_FakePage(p) for p in pages]


def test_a_lone_question_that_tight_spacing_cannot_fix_takes_one_from_the_page_before():
    from quizgen.export.paper.layout import Layout

    seen = []

    def render(layout):
        seen.append(layout)
        if layout.breaks == {5}:
            return _FakeDocument([[1, 2, 3, 4], [5, 6]])
        return _FakeDocument([[1, 2, 3, 4, 5], [6]])

    result = pdf.fill_pages(render)
    assert seen == [Layout(), Layout(tight=True), Layout(breaks=frozenset({5}))]
    assert [sorted(int(a[1:]) for a in page.anchors) for page in result.pages] == [[1, 2, 3, 4], [5, 6]]
    assert pdf.lone_pages([[1, 2], [3, 4]]) == [] and pdf.lone_pages([[1]]) == []


# --------------------------------------------------------------------------- script


def traditional_deck() -> Deck:
    from quizgen.build import convert_items

    return synthetic_deck(convert_items(synthetic_items() + [blank_item(2)], "traditional"), name="測試培訓")


def test_a_traditional_paper_is_traditional_throughout():
    from quizgen.build import convert_script

    p = paper.make_paper(traditional_deck(), script="traditional", minutes=30)
    html = paper.render_html(p, fonts="system")
    for label in ("參考答案與解析", "單項選擇題", "多項選擇題", "判斷題", "填空題", "正確（√）", "錯誤（×）",
                  "培訓測驗", "姓名", "部門", "題號", "總分", "全部選對得滿分", "每空1分", "剩餘時間", "交卷",
                  "重做", "列印" if "列印" in convert_script("打印", "traditional") else "打印"):
        assert label in html, label
    for simplified in ("参考答案与解析", "单项选择题", "判断题", "正确", "错误", "培训测验", "部门", "时间到"):
        assert simplified not in html, simplified
    # nothing simplified left: converting the page again changes nothing, script and CSS included
    assert convert_script(html, "traditional") == html
    assert 'lang="zh-Hant"' in html
    assert fonts.uncovered(html) == set()
    # the simplified paper is untouched
    assert "参考答案与解析" in paper.render_html(paper.make_paper(synthetic_deck()), fonts="system")


@NEEDS_POPPLER
def test_a_traditional_build_writes_traditional_papers(tmp_path):
    from quizgen.build import BuildOptions, PaperOptions, build_batch

    options = BuildOptions(formats=("html", "pdf"), script="traditional", jobs=1,
                           paper=PaperOptions(count=8, key="separate"))
    result = build_batch(None, tmp_path, options)
    assert result.exit_code == 0
    names = sorted(o.path.name for o in result.outputs)
    # the file names keep their fixed suffixes (scripts look for them)
    assert names == ["辦公室工作-答案.pdf", "辦公室工作-试卷.html", "辦公室工作-试卷.pdf"]
    text = squash("".join(pdf_pages_text(tmp_path / "辦公室工作-试卷.pdf")))
    assert "辦公室工作培訓測驗" in text and "第1頁共" in text and "單項選擇題" in text
    key = squash("".join(pdf_pages_text(tmp_path / "辦公室工作-答案.pdf")))
    assert key.startswith("參考答案與解析")
