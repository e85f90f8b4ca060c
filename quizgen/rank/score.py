"""The item score (0–1): how likely a trainer is to want this item, from a logistic
regression trained on the annotated corpus (``bench/score/train.py``) and shipped as
``quizgen/data/item_score.json``. Inference is a dot product: no dependency, deterministic."""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from ..items import Item
from ..resources import DATA_DIR
from .features import DocumentFacts, features

MODEL = DATA_DIR / "item_score.json"


@dataclass(frozen=True)
class Model:
    """Weights by feature name, applied to standardised features."""

    bias: float
    weights: dict[str, float]
    means: dict[str, float]
    scales: dict[str, float]

    def score(self, row: dict[str, float]) -> float:
        z = self.bias + sum(w * (row.get(name, 0.0) - self.means[name]) / self.scales[name]
                            for name, w in self.weights.items())
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def model() -> Model:
    return load(MODEL)


@cache
def load(path: Path) -> Model:
    """A model file written by ``bench/score/train.py`` (or ``train_blanks.py``)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    names = data["features"]
    return Model(data["bias"], dict(zip(names, data["weights"])), dict(zip(names, data["means"])),
                 {n: s or 1.0 for n, s in zip(names, data["scales"])})


def score_items(items: list[Item], facts: DocumentFacts) -> None:
    """Set every item's ``score`` (rounded to 3 places, so that it reads and compares
    the same everywhere)."""
    scorer = model()
    for item in items:
        item.score = round(scorer.score(features(item, facts)), 3)
