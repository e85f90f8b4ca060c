"""A logistic regression read from a model file (``bench/score/train.py``, ``train_blanks.py``):
weights by feature name, applied to standardised features. Inference is a dot product: no
dependency, deterministic."""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import cache
from pathlib import Path


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


@cache
def load(path: Path) -> Model:
    """A model file written by ``bench/score/train.py`` (or ``train_blanks.py``)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    names = data["features"]
    return Model(data["bias"], dict(zip(names, data["weights"])), dict(zip(names, data["means"])),
                 {n: s or 1.0 for n, s in zip(names, data["scales"])})
