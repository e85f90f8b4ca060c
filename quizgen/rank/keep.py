"""Would a trainer hand this cloze note out as it is? (issue 12; Heilman & Smith 2010, "Good
Question!"): a logistic regression trained on the cloze notes trainers judged keep / edit /
discard on documents drawn at random from LawRefBook and never tuned on
(``bench/judgments/fresh*.jsonl``; ``bench/score/train_note_keep.py``), shipped as
``quizgen/data/note_keep.json``.

It reads what the learner reads: the note's weakest blank (its blank features and score), how
many blanks and how long, whether they are figures, whether the rest of the note or the rest
of the document already shows the answer, and whether the document is articles of a
regulation. In such a document a note below :data:`FLOOR` is not kept by the default selection."""

from __future__ import annotations

import math
import re

from ..itemchecks import bare
from ..generate.ids import later_sentence
from ..generate.subjects import CONDITION
from ..items import Cloze, Item
from ..lang import markup, segment
from ..lang.markers import ARTICLE_MARKER
from ..lang.numerals import FIGURE_RE
from ..resources import DATA_DIR
from .blanks import blank_features, blank_score, note_blanks
from .features import DocumentFacts
from .logistic import load
from .repair import LIST_NOTE

MODEL = DATA_DIR / "note_keep.json"
# of the judged notes, documents held out (train_note_keep.py prints it), a floor of 0.3 keeps
# three quarters; on fresh49 (held out) the notes below it were kept 40 % (106), those above 59 %
# (64 drawn); a floor of 0.4 would refuse notes kept 42 % (fresh51, 191): too many good ones
FLOOR = 0.3
# the judged notes are of regulations and judicial interpretations (a mean of 82 % of their
# documents' sections are articles): the floor applies only to documents of that kind
MIN_ARTICLES = 0.5
ENUMERATION = re.compile(r"[（(][一二三四五六七八九十]+[）)]")


def note_features(item_id: str, text: str, facts: DocumentFacts) -> dict[str, float] | None:
    """The features of the cloze note ``item_id`` of ``text`` (cloze markup), None when it has no blank."""
    blanks = list(note_blanks(markup.parse(text)))
    if not blanks:
        return None
    scores = [blank_score(before, answer, after, facts) for before, answer, after in blanks]
    weakest = min(range(len(blanks)), key=scores.__getitem__)
    row = {f"w:{name}": value for name, value in blank_features(*blanks[weakest], facts).items()}
    answers = [answer for _, answer, _ in blanks]
    figures = sum(bool(FIGURE_RE.search(a)) for a in answers)
    row.update({
        "n1": float(len(blanks) == 1), "n2": float(len(blanks) == 2), "n3+": float(len(blanks) >= 3),
        "nlog": math.log(len(blanks)),
        "weakest": scores[weakest], "mean": sum(scores) / len(scores),
        "figshare": figures / len(blanks), "anyfig": float(figures > 0),
        "echo": max(_echo(*blank) for blank in blanks),
        "otherocc": math.log(1 + max(max(0, facts.bare_text.count(bare(a)) - 1) for a in answers)),
        "intitle": float(any(facts.in_title(a) for a in answers)),
        "len": math.log(1 + len(bare(markup.reveal(text)))),
        "ansmax": math.log(1 + max(len(bare(a)) for a in answers)),
        "list": float(bool(ENUMERATION.search(text))),
        "articles": _articles(facts),
        "list-note": float(bool(LIST_NOTE.search(item_id))),
    })
    row.update(_placement(item_id, markup.reveal(text)))
    return row


def _placement(item_id: str, sentence: str) -> dict[str, float]:
    """Whether the note's sentence follows another in its paragraph (of the judged items of such
    sentences, 30 % lacked their subject, of first sentences 5–9 %) and opens with a condition."""
    later = later_sentence(item_id)
    condition = bool(CONDITION.match(sentence))
    return {"later-sentence": float(later), "condition-open": float(condition),
            "later-condition": float(later and condition)}


def keep_score(item: Cloze, facts: DocumentFacts) -> float | None:
    """How likely a trainer keeps the cloze note ``item`` unedited (0–1)."""
    row = note_features(item.id, item.text, facts)
    return None if row is None else load(MODEL).score(row)


def _echo(before: str, answer: str, after: str) -> float:
    """The share of the answer's words (two characters or more) the rest of the note shows."""
    flat = bare(answer)
    if len(flat) < 2:
        return 0.0
    shown = bare(before) + "|" + bare(after)
    words = [w.text for w in segment.tokens(answer) if len(w.text) >= 2]
    return sum(len(w) for w in words if w in shown) / len(flat)


def _articles(facts: DocumentFacts) -> float:
    """The share of the document's sections that are articles (第X条) of a regulation."""
    sections = facts.doc.sections
    return sum(bool(ARTICLE_MARKER.match(s.title)) for s in sections) / len(sections) if sections else 0.0


def weak_notes(items: list[Item], facts: DocumentFacts) -> set[int]:
    """The ``id()`` of every cloze note of ``items`` whose keep score is below :data:`FLOOR`,
    in a document that is articles of a regulation (:data:`MIN_ARTICLES`)."""
    weak: set[int] = set()
    if not is_regulation(facts):
        return weak
    for item in items:
        if isinstance(item, Cloze):
            score = keep_score(item, facts)
            if score is not None and score < FLOOR:
                weak.add(id(item))
    return weak


def is_regulation(facts: DocumentFacts) -> bool:
    """The document is articles of a regulation (:data:`MIN_ARTICLES` of its sections are)."""
    return _articles(facts) >= MIN_ARTICLES
