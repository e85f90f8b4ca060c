"""What is it called? 办公室的另一个名称叫什么？ from a name introduced by 叫/称为/简称 “…”."""

from __future__ import annotations

import re

from . import distractors
from .context import OPTIONS, GeneratorContext, tidy, tiers


_NAMING = re.compile(r"(?:叫|叫做|称为|称作|名为|简称|又称|俗称)“$")


def naming_questions(b: GeneratorContext) -> None:
    for phrase in b.doc.phrases:
        if phrase.kind != "quote":
            continue
        before = b.doc.text[max(0, phrase.start - 4): phrase.start]
        if not _NAMING.search(before):
            continue
        sentence = b.doc.sentences[phrase.sentence]
        stem_head = b.doc.text[sentence.start: phrase.start - 1]
        stem_head = re.split(r"[。；！？]", stem_head)[-1]
        key = f"{b.phrase_key(phrase)}-name"
        picks = distractors.choose(phrase.text, b.doc, None, "quote", OPTIONS - 1, b.rng(key),
                                   near=phrase.start)
        b.add_choice(f"{key}-choice", tidy(f"{stem_head}什么？"), phrase.text, [p.text for p in picks], phrase,
                     b.explain(phrase), ["quote", *tiers(picks)])
