"""Which span of a sentence is worth blanking (issue 13; Becker, Basu & Vanderwende 2012,
"Mind the Gap"): a logistic regression over features of a blank and the words around it,
trained on the annotated corpus (``bench/score/train_blanks.py``: a blank is wanted when it is
an annotated key phrase or sibling) and shipped as ``quizgen/data/blank_score.json``.

A sentence note keeps a blank only when its score reaches :data:`THRESHOLD`; the items of a
list note are whole items and are not scored here."""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..itemchecks import bare
from ..lang import markup, segment
from ..lang.numerals import FIGURE_RE
from ..resources import DATA_DIR
from .logistic import load

if TYPE_CHECKING:
    from .features import DocumentFacts

MODEL = DATA_DIR / "blank_score.json"
# 0.3 kept 72 % of the train blanks and 90 % of the annotated ones (train_blanks.py prints it); of
# the judged notes of the fresh sets, those whose weakest blank scores 0.30-0.35 were kept 29 %
# (75 notes), 0.35-0.40 34 %, 0.40-0.50 45 %
THRESHOLD = 0.35
KINDS = ("heading", "enumeration", "parallel", "quote", "definition", "idiom", "term", "figure", "clause",
        "body")
TAGS = ("n", "nz", "nt", "ns", "nr", "vn", "v", "a", "ad", "d", "p", "m", "q", "r", "b", "c", "u", "l", "i", "t", "f")
# what the words just before a blank say it is: a duty or a ban, who, a definition, a name
BEFORE = {
    "modal": re.compile(r"(应当|应该|必须|须|应|不得|严禁|禁止|不准|不应|可以|有权|不予|予以)$"),
    "who": re.compile(r"(由|经|向|报|报请|提请|会同)$"),
    "is": re.compile(r"(是|为|称为|是指|即|叫做|简称)$"),
    "principle": re.compile(r"(坚持|遵循|实行|贯彻|按照|依照|根据)$"),
    "open-quote": re.compile(r"[“《「]$"),
    "list": re.compile(r"[、和及与或]$"),
    "clause-start": re.compile(r"(^|[，；：。])$"),
}
AFTER = {
    "close-quote": re.compile(r"^[”》」]"),
    "list": re.compile(r"^(、|和|及|与|或)"),
    "de": re.compile(r"^的"),
    "clause-end": re.compile(r"^($|[，；：。])"),
    "etc": re.compile(r"^等"),
}


def blank_features(before: str, answer: str, after: str, facts: DocumentFacts) -> dict[str, float]:
    """Features of blanking ``answer`` between ``before`` and ``after`` (plain text of its note)."""
    flat = bare(answer)
    words = segment.tokens(answer)
    found = facts.phrases.get(flat, [])
    row: dict[str, float] = {
        "length": math.log(1 + len(flat)),
        "short": float(len(flat) <= 2),
        "long": float(len(flat) > 8),
        "words": math.log(1 + len(words)),
        "rarity": facts.rarity(answer),
        "repeated": math.log(1 + facts.count(answer)),
        "figure": float(bool(FIGURE_RE.fullmatch(answer))),
        "digit": float(bool(re.search(r"\d|[一二三四五六七八九十百千万]", answer))),
        "phrase": float(bool(found)),
        "in-set": float(any(p.set_id is not None for p in found)),
        "phrase-score": max((p.score for p in found), default=0.0),
        "set-size": math.log(1 + max((len(facts.sets[p.set_id].members) for p in found if p.set_id in facts.sets),
                                     default=0)),
        "clause": float(bool(AFTER["clause-end"].search(after) and BEFORE["clause-start"].search(before))),
        "opening": float(not before.strip()),
        "title-word": float(len(flat) >= 2 and any(flat in bare(t) for t in facts.titles)),
    }
    row.update({f"kind={k}": 1.0 for k in {p.kind for p in found} if k in KINDS})
    if words:
        row.update({f"first={words[0].tag}": 1.0} if words[0].tag in TAGS else {})
        row.update({f"last={words[-1].tag}": 1.0} if words[-1].tag in TAGS else {})
    row.update({f"before={name}": 1.0 for name, pattern in BEFORE.items() if pattern.search(before)})
    row.update({f"after={name}": 1.0 for name, pattern in AFTER.items() if pattern.search(after)})
    return row


def note_blanks(parts: list[markup.Segment]) -> Iterator[tuple[str, str, str]]:
    """(before, answer, after) of each blank of a note's parts, in plain text."""
    plain = ["".join(p.answer if isinstance(p, markup.Deletion) else p for p in parts[:i]) for i in range(len(parts) + 1)]
    for i, part in enumerate(parts):
        if isinstance(part, markup.Deletion):
            yield plain[i], part.answer, plain[-1][len(plain[i + 1]):]


def blank_score(before: str, answer: str, after: str, facts: DocumentFacts) -> float:
    """How likely a trainer wants ``answer`` blanked here (0–1); computed once per blank of a
    document (the repair and the item score both ask)."""
    key = (before, answer, after)
    found = facts.blank_scores.get(key)
    if found is None:
        found = facts.blank_scores[key] = load(MODEL).score(blank_features(before, answer, after, facts))
    return found
