"""The finder registry: FINDERS lists every finder in the order they run, and a new finder
is one function (in a module of its own under quizgen/analyse/finders/) and one line in it."""

from __future__ import annotations

import json
import re

from typer.testing import CliRunner

from quizgen.analyse import finders
from quizgen.analyse.context import FinderContext
from quizgen.analyse.phrases import analyze
from quizgen.cli import app

TEXT = "工作要【抓落实】，更要【重实效】，不能流于形式。\n"


def test_finders_run_in_a_fixed_order():
    """The order is part of the output: a finder sees what the earlier ones found."""
    assert [f.__name__ for f in finders.FINDERS] == [
        "find_headings", "find_enumerations", "find_lists", "find_frames", "find_parallel_clauses",
        "find_quotes", "find_definitions", "find_idioms", "find_compound_terms", "find_law_references",
        "find_contrasts", "find_objects", "find_patterns", "find_emphasis", "find_exceptions",
        "find_clause_phrases", "find_figures", "find_bodies"]


def find_bracketed(ctx: FinderContext) -> None:
    """A toy finder: what a sentence puts in 【】 is a term, and those of one sentence a set."""
    for sentence in ctx.sentences():
        members = [ctx.add(m.group(1), "term", sentence.start + m.start(1))
                   for m in re.finditer("【([^】]+)】", sentence.text)]
        ctx.group("brackets", members, label="【】")


def test_a_new_finder_is_one_function_and_one_line_in_finders(monkeypatch, tmp_path):
    assert "抓落实" not in {p.text for p in analyze(TEXT, "t").phrases}
    monkeypatch.setattr(finders, "FINDERS", (*finders.FINDERS, find_bracketed))
    path = tmp_path / "t.txt"
    path.write_text(TEXT, encoding="utf-8")
    result = CliRunner().invoke(app, ["phrases", "--json", "--top", "0", str(path)])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert {"抓落实", "重实效"} <= {p["text"] for p in data["phrases"] if p["kind"] == "term"}
    assert ["抓落实", "重实效"] in [s["members"] for s in data["sibling_sets"] if s["kind"] == "brackets"]
