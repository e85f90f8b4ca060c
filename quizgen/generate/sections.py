"""Which section is a phrase about? “…”说的是哪一方面的内容？ with the headings as options."""

from __future__ import annotations

from difflib import SequenceMatcher

from ..itemchecks import bare
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
        if phrase.kind not in ("parallel", "quote") or phrase.set_id is not None and phrase.kind == "parallel" \
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


def _shares_words(phrase: str, heading: str) -> bool:
    a, b = bare(phrase), bare(heading)
    return SequenceMatcher(None, a, b, autojunk=False).find_longest_match(0, len(a), 0, len(b)).size >= min(
        GIVEAWAY, len(a))
