"""Figures: the clause around a number or a length with the figure blanked, and figures of
the same unit as options (……（　　）。 A. 3天 B. 5天 …)."""

from __future__ import annotations

import re

from . import distractors
from .context import OPTIONS, GeneratorContext, tiers


def figure_questions(b: GeneratorContext) -> None:
    for phrase in b.doc.phrases:
        if phrase.kind != "figure" or not re.search(r"\d|[一二三四五六七八九十百千]", phrase.text):
            continue
        sentence = b.doc.sentences[phrase.sentence]
        clause_start = max(sentence.text.rfind(p, 0, phrase.start - sentence.start) for p in "，；：。") + 1
        clause_end = min([i for i in (sentence.text.find(p, phrase.end - sentence.start) for p in "，；。")
                          if i >= 0] or [len(sentence.text)])
        clause = sentence.text[clause_start:clause_end]
        marker = re.match(r"第[一二三四五六七八九十百千零〇\d]+条\s*", clause)
        if marker and marker.end() <= phrase.start - sentence.start - clause_start:
            clause_start += marker.end()
            clause = clause[marker.end():]
        local = phrase.start - sentence.start - clause_start
        stem = clause[:local] + "（　　）" + clause[local + len(phrase.text):]
        if len(clause) < len(phrase.text) + 4:
            continue
        key = b.phrase_key(phrase)
        picks = distractors.choose(phrase.text, b.doc, None, "figure", OPTIONS - 1, b.rng(key),
                                   near=phrase.start)
        b.add_choice(f"{key}-choice", stem + "。", phrase.text, [p.text for p in picks], phrase,
                     b.explain(phrase), ["figure", *tiers(picks)])
