"""The item score (0–1): how likely a trainer is to want this item, from a logistic
regression trained on the annotated corpus (``bench/score/train.py``) and shipped as
``quizgen/data/item_score.json``. A sentence note's score is blended with the blank score of
its weakest blank (:mod:`.blanks`, learned from trainers' verdicts on blanks): a note is only
as good as its worst blank. Inference is a dot product: no dependency, deterministic."""

from __future__ import annotations

from ..items import Cloze, Item
from ..lang import markup
from ..resources import DATA_DIR
from .blanks import blank_score, note_blanks
from .features import DocumentFacts, features
from .logistic import Model, load
from .repair import LIST_NOTE

MODEL = DATA_DIR / "item_score.json"
# the item score's weight against the weakest blank's in a sentence note's score (geometric):
# of the judged notes of the fresh sets, the weakest blank told a kept note from another better
# (AUC 0.65) than the item score (0.59), and the blend best (0.64); the sample asks 42 of its
# 48 phrases with it, 40 without
ITEM_WEIGHT = 0.25

__all__ = ["MODEL", "Model", "load", "model", "score_items", "weakest_blank"]


def model() -> Model:
    return load(MODEL)


def score_items(items: list[Item], facts: DocumentFacts) -> None:
    """Set every item's ``score`` (rounded to 3 places, so that it reads and compares
    the same everywhere)."""
    scorer = model()
    for item in items:
        score = scorer.score(features(item, facts))
        weakest = weakest_blank(item, facts) if isinstance(item, Cloze) else None
        if weakest is not None:
            score = score ** ITEM_WEIGHT * weakest ** (1 - ITEM_WEIGHT)
        item.score = round(score, 3)


def weakest_blank(item: Cloze, facts: DocumentFacts) -> float | None:
    """The blank score of a sentence note's weakest blank (None for a list note, whose blanks
    are a list's whole items)."""
    if LIST_NOTE.search(item.id):
        return None
    scores = [blank_score(before, answer, after, facts) for before, answer, after in note_blanks(markup.parse(item.text))]
    return min(scores) if scores else None
