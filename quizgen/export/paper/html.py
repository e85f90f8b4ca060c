"""The paper as one self-contained HTML page: :func:`render_html` (Jinja2 templates in
``templates/paper/``, inline CSS and JS, fonts embedded)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from markupsafe import Markup

from ...errors import QuizgenError
from ...resources import templates_dir
from .fonts import font_face_css
from .model import BLANK_MARK, LETTERS, Paper, Question, circled, fmt_points, localize


def css_string(text: str) -> Markup:
    """A quoted CSS string with every character outside [A-Za-z0-9 CJK] hex-escaped, safe
    inside <style> (no quote, backslash or "</style>" can break out)."""
    def esc(c: str) -> str:
        return c if c.isalnum() and (c.isascii() or ord(c) > 0x2E7F) else f"\\{ord(c):x} "

    return Markup('"' + "".join(esc(c) for c in text) + '"')


@dataclass(frozen=True)
class Layout:
    """Adjustments :mod:`.pdf` makes to fill the pages: ``tight`` spacing, and the
    questions that start a new page (``breaks``, question numbers)."""

    tight: bool = False
    breaks: frozenset[int] = frozenset()


CONTENTS = ("both", "paper", "key")  # what a rendering holds: the paper and its key, or one of them


@cache
def _environment(script: str | None = None):
    """The templates' environment; with ``script`` the templates' own labels are converted."""
    try:
        import jinja2  # lazy: Jinja2 takes a while to import; only papers need it
    except ImportError as exc:  # pragma: no cover - jinja2 is a dependency
        raise QuizgenError(f"paper output needs Jinja2 ({exc})") from None

    class Loader(jinja2.FileSystemLoader):
        def get_source(self, environment, template):
            source, filename, uptodate = super().get_source(environment, template)
            return localize(source, script), filename, uptodate

    env = jinja2.Environment(
        loader=Loader(str(templates_dir() / "paper")),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters["points"] = fmt_points
    env.filters["circled"] = circled
    env.filters["css_string"] = css_string
    env.globals["letters"] = LETTERS
    env.globals["blank_mark"] = BLANK_MARK
    return env


@cache
def _asset(name: str, script: str | None = None) -> str:
    return localize((templates_dir() / "paper" / name).read_text(encoding="utf-8"), script)


def _answer_data(paper: Paper) -> dict:
    """What the self-test script needs to mark the paper (also readable in the page source,
    which is fine for a self-test). ``partial``: a multi-select question's points for some
    of its answers; ``blank``: a fill question's points per blank."""
    def entry(q: Question) -> dict:
        data = {"n": q.number, "kind": q.kind, "points": q.points, "answer": q.answer}
        if q.kind == "multi":
            data["partial"] = q.partial_points
        if q.kind == "fill":
            data["blank"] = q.blank_points
        return data

    return {"total": paper.total_points, "minutes": paper.minutes,
            "questions": [entry(q) for q in paper.questions]}


def render_html(paper: Paper, interactive: bool = True, fonts: str = "embed", contents: str = "both",
                layout: Layout = Layout()) -> str:
    """The paper as one self-contained HTML page (inline CSS and JS, no network).

    ``interactive``: the on-screen self-test (inputs, 交卷, score and explanations); the
    PDF uses ``interactive=False``. ``fonts``: "embed" puts a subset of the bundled Noto
    fonts into the page as data URIs (identical look everywhere, no missing glyphs);
    "file" points @font-face at the font files (for WeasyPrint); "system" uses none.
    ``contents``: "both" (the paper, then its answer key on a new page; the self-test shows
    the key only after 交卷, on screen and in print), "paper" (no key) or "key" (only the key).
    """
    if contents not in CONTENTS:
        raise ValueError(f"contents must be one of {', '.join(CONTENTS)}, not {contents!r}")
    script = paper.script
    template = _environment(script).get_template("paper.html")

    def render(font_css: str) -> str:
        return template.render(
            paper=paper,
            interactive=interactive,
            show_paper=contents != "key",
            show_key=contents != "paper",
            layout=layout,
            css=Markup(font_css + "\n" + _asset("paper.css", script)),
            script=Markup(_asset("paper.js", script)) if interactive else "",
            data=_answer_data(paper),
        )

    if fonts == "file":
        return render(font_face_css("file"))
    if fonts == "system":
        return render("")
    if fonts != "embed":
        raise ValueError(f"fonts must be 'embed', 'file' or 'system', not {fonts!r}")
    page = render("")
    # the sans face only sets headings, labels and the script's messages: a small subset
    sans = "".join([paper.full_title, paper.version_name, *(s.title for s in paper.sections),
                    _asset("paper.html", script), _asset("paper.js", script)])
    return render(font_face_css("embed", text=page + _asset("paper.js", script), heading_text=sans))

