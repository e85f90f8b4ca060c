"""Which section is a phrase about? “…”说的是哪一方面的内容？ with the headings as options.

Only formulas of parts are asked (背景 — 内容 — 意义, “谁开设、谁主办”): a section's own. A single
quoted term (“请假申请单”, 《中华人民共和国劳动法》, “XX 政策”) is used across sections, so its
section is ambiguous, a placeholder or not worth knowing. Judged on the test split
(bench/judgments/rank-test-v7.jsonl, rank-test-v8.jsonl), trainers kept every question on a
parallel phrase (4 of 4) and 1 of the 9 on a quoted term."""

from __future__ import annotations

import re

from ..itemchecks import bare, shared_run
from .context import OPTIONS, GeneratorContext

GIVEAWAY = 3  # characters a quoted phrase may share with its heading before the heading gives it away


def section_questions(b: GeneratorContext) -> None:
    headings = next((s for s in b.doc.sibling_sets if s.kind == "headings"), None)
    if headings is None or len(headings.members) < OPTIONS:
        return
    by_section = {m.section: m for m in headings.members}
    asked = "说的是哪一方面的内容？" if "方面" in headings.label else "出自下列哪一部分？"
    listed = {m.text for s in b.doc.sibling_sets if s.kind in ("enumeration", "frame") for m in s.members}
    seen_sentences: set[int] = set()
    for phrase in b.doc.phrases:
        if not _formula(phrase) or phrase.set_id is not None and phrase.kind == "parallel" \
                and b.sets[phrase.set_id].label != phrase.text:
            continue
        if phrase.section not in by_section or phrase.sentence in seen_sentences or len(phrase.text) < 4:
            continue
        if phrase.set_id is not None and b.sets[phrase.set_id].kind == "frame":
            continue
        parts = [m.text for m in b.sets[phrase.set_id].members] if phrase.set_id is not None else []
        if parts and all(p in listed for p in parts):
            continue
        heading = by_section[phrase.section]
        if _shares_words(phrase.text, heading.text):
            continue  # “一窗办理” under 三、推行“一窗办理”: the right option repeats the stem
        seen_sentences.add(phrase.sentence)
        wrong = [m.text for m in headings.members if m is not heading]
        b.rng(f"sec{phrase.start}").shuffle(wrong)
        stem = f"“{phrase.text}”{asked}"
        b.add_choice(f"{b.loc(phrase)}-section-choice", stem, heading.text, wrong, phrase,
                     b.explain(phrase), ["heading", "sibling"])


_PARTS = re.compile(r"[、—，,／/]")


def _formula(phrase) -> bool:
    """A parallel phrase, or a quote of parts (谁开设、谁主办); not one quoted term."""
    return phrase.kind == "parallel" or phrase.kind == "quote" and bool(_PARTS.search(phrase.text))


def _shares_words(phrase: str, heading: str) -> bool:
    return shared_run(phrase, heading) >= min(GIVEAWAY, len(bare(phrase)))
