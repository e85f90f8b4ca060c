"""Would a trainer hand this item out as it is? (issue 12; Heilman & Smith 2010, "Good
Question!"): the features of an experimental keep model, a logistic regression trained on
items of the TRAIN documents that trainers judged keep / edit / discard
(``bench/judgments/*train*.jsonl``, ``bench/score/train_keep.py``). Not shipped: as a filter it
cost the sample more of its annotated phrases than it gained in keep rate (see train_keep.py).

Its inputs are the item score's features (:mod:`.features`), the item score itself (how much
of what it asks the annotations want), how well its blanks are chosen (:mod:`.blanks`), and
what the learner reads: how long the stem is, whether it states a rule or names who is
responsible, how much of the document is articles of a regulation."""

from __future__ import annotations

import math
import re

from quizgen.itemchecks import bare
from quizgen.items import Choice, Cloze, Item, Judge, Multi
from quizgen.lang import markup
from quizgen.lang.bodies import ROLE, SUBJECT
from quizgen.rank.blanks import blank_score, note_blanks
from quizgen.rank.features import DocumentFacts, features

RULE = re.compile(r"应当|必须|不得|严禁|禁止|不准|有权|可以|负责|是指")
DEADLINE = re.compile(r"[日天月年]内|之日起|以前|以内|期限")
BACK_REFERENCE = re.compile(r"^(其|该|此|上述|前款|本款|否则|他们|这些|这)")


def keep_features(item: Item, facts: DocumentFacts, worth: float) -> dict[str, float]:
    """The keep model's features by name; ``worth`` is the item score."""
    row = features(item, facts)
    row["worth"] = worth
    stem = _stem(item)
    row["stem-length"] = math.log(1 + len(bare(stem)))
    row["rule"] = float(bool(RULE.search(item.source)))
    row["deadline"] = float(bool(DEADLINE.search(item.source)))
    row["role"] = float(bool(ROLE.search(item.source) or SUBJECT.search(item.source)))
    row["back-reference"] = float(bool(BACK_REFERENCE.match(bare(item.source))))
    row["section-hidden"] = float(item.hides_section(item.section))
    sections = facts.doc.sections
    row["articles"] = sum(s.style == "tiao" for s in sections) / max(1, len(sections))
    if isinstance(item, Cloze):
        scores = [blank_score(before, answer, after, facts) for before, answer, after
                  in note_blanks(markup.parse(item.text))]
        if scores:
            row["blank-min"], row["blank-max"] = min(scores), max(scores)
        shown = "".join(p for p in markup.parse(item.text) if not isinstance(p, markup.Deletion))
        row["shown"] = math.log(1 + len(bare(shown)))
    if isinstance(item, (Choice, Multi)):
        lengths = [len(bare(o)) for o in item.options] or [0]
        row["option-spread"] = (max(lengths) - min(lengths)) / max(1, max(lengths))
        row["options-long"] = float(max(lengths) > 12)
    if isinstance(item, Judge):
        row["judge-true"] = float(item.answer)
    return row


def _stem(item: Item) -> str:
    if isinstance(item, Cloze):
        return item.text
    if isinstance(item, Judge):
        return item.statement
    return getattr(item, "question", "")
