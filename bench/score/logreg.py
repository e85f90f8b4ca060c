"""What the two trainers share (train.py: the item score; train_blanks.py: the blank score):
features standardised by their train means and scales, and a fitted logistic regression
written as the model file quizgen.rank.score.Model reads."""

from __future__ import annotations

import json
from pathlib import Path


def standardise(X: list[list[float]]) -> tuple[list[float], list[float], list[list[float]]]:
    """The columns' means and scales, and ``X`` standardised by them."""
    means = [sum(col) / len(col) for col in zip(*X)]
    scales = [(sum((v - m) ** 2 for v in col) / len(col)) ** 0.5 or 1.0 for col, m in zip(zip(*X), means)]
    return means, scales, [[(v - m) / s for v, m, s in zip(x, means, scales)] for x in X]


def apply(rows: list[dict[str, float]], names: list[str], means: list[float], scales: list[float]) -> list[list[float]]:
    """Feature rows (by name) standardised as the train rows were."""
    return [[(row.get(n, 0.0) - m) / s for n, m, s in zip(names, means, scales)] for row in rows]


def write_model(path: Path, fit, names: list[str], means: list[float], scales: list[float],
                what: str, script: str, rows: str, root: Path,
                origin: str = "of the train split of bench/corpus and the built-in sample") -> None:
    """The model file (``what``: "item score"; ``script``: the trainer; ``rows``: "1474 items"),
    and the weights that count most."""
    weights = [round(float(w), 4) for w in fit.coef_[0]]
    model = {"about": f"quizgen {what}: logistic regression on standardised features (bench/score/{script}); "
                      "score = sigmoid(bias + sum(w * (x - mean) / scale))",
             "trained_on": f"{rows} {origin}",
             "bias": round(float(fit.intercept_[0]), 4), "features": names, "weights": weights,
             "means": [round(m, 4) for m in means], "scales": [round(s, 4) for s in scales]}
    path.write_text(json.dumps(model, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {path.relative_to(root)}")
    for name, w in sorted(zip(names, weights), key=lambda nw: -abs(nw[1]))[:12]:
        print(f"  {w:+.3f}  {name}")
