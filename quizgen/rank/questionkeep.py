"""Would a trainer hand this question out as it is? (issue 12; Heilman & Smith 2010): a
logistic regression trained on the choice, multiple-answer and true/false questions trainers
judged keep / edit / discard on held-out LawRefBook documents (``bench/judgments/fresh*.jsonl``;
``bench/score/train_question_keep.py``), shipped as ``quizgen/data/question_keep.json``.

It reads what the learner reads: the generator that made the question, how long the stem is
against the sentence it came from (a stem cut short of its sentence, or one that carries the
sentence before, is weaker), the options, where the sentence sits in its paragraph and whether
it opens with a condition or names no actor. In a regulation a question below :data:`FLOOR` is
not kept by the default selection."""

from __future__ import annotations

import math
import re

from ..generate.actors import lacks_actor
from ..generate.subjects import CONDITION
from ..items import Choice, Item, Judge, Multi
from ..generate.ids import later_sentence
from ..lang.markers import ARTICLE_MARKER, strip_markers
from ..resources import DATA_DIR
from .features import DocumentFacts
from .keep import is_regulation
from .logistic import load

MODEL = DATA_DIR / "question_keep.json"
# documents held out (train_question_keep.py prints it): a floor of 0.4 refuses one question
# in seven, of which the judges had kept 22 %, against 71 % of the rest
FLOOR = 0.4
_MADE_BY = re.compile(r"^s\d+-p\d+-t\d+-(.*)$")  # the generator's part of an id (…-figure1-choice)
_UNIVERSAL = re.compile(r"^(?:禁止|严禁)|任何(?:单位|组织|人|个人)")


def question_features(item_id: str, kind: str, stem: str, options: list[str], source: str,
                      true: bool, section_line: str) -> dict[str, float] | None:
    """The features of a question as its card shows it (``section_line``: the section line
    on its front, empty when hidden); None for an id that names no location."""
    made = _MADE_BY.match(item_id)
    if made is None:
        return None
    return {
        f"gen={re.sub(r'[0-9]+', 'N', made.group(1))}": 1.0, f"kind={kind}": 1.0,
        "later": float(later_sentence(item_id)), "cond": float(bool(CONDITION.match(strip_markers(source)))),
        "lacks": float(lacks_actor(source)), "univ": float(bool(_UNIVERSAL.search(stem))),
        "stemlen": math.log(1 + len(stem)), "srclen": math.log(1 + len(source)),
        "lead": float(len(stem) > len(strip_markers(source)) + 5),
        "nopts": float(len(options)), "optlen": math.log(1 + sum(map(len, options)) / max(1, len(options))),
        "true": float(true), "hidden": float(not section_line),
        "article": float(bool(ARTICLE_MARKER.match(section_line))),
    }


def question_keep(item: Item) -> float | None:
    """How likely a trainer keeps the question ``item`` unedited (0–1); None for a cloze note."""
    if isinstance(item, Judge):
        stem, options, true = item.statement, [], item.answer
    elif isinstance(item, (Choice, Multi)):
        stem, options, true = item.question, item.options, False
    else:
        return None
    section = "" if item.hides_section(item.section) else item.section
    row = question_features(item.id, item.kind, stem, options, item.source, true, section)
    return None if row is None else load(MODEL).score(row)


def weak_questions(items: list[Item], facts: DocumentFacts) -> set[int]:
    """The ``id()`` of every question of ``items`` whose keep score is below :data:`FLOOR`, in
    a document that is articles of a regulation (the kind the judged questions are of); the
    best of each kind of question stays, so that a paper asks every kind its text gives."""
    if not is_regulation(facts):
        return set()
    scored = [(item, score) for item in items if (score := question_keep(item)) is not None]
    best: dict[str, tuple[Item, float]] = {}
    for item, score in scored:  # the first of the best scored, in the generators' order
        if item.kind not in best or score > best[item.kind][1]:
            best[item.kind] = (item, score)
    kept = {id(item) for item, _ in best.values()}
    return {id(item) for item, score in scored if score < FLOOR and id(item) not in kept}
