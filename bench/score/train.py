"""Train the item score (issue 13): a logistic regression over the features of
quizgen.rank.features, on the candidate items of the TRAIN documents of bench/corpus and the
built-in sample, labelled from the annotations (an item is wanted when its answers are
annotated key phrases or sibling-set members); writes quizgen/data/item_score.json, which the
package reads with pure-Python inference.

    python bench/score/train.py [--check]      (scikit-learn: a development dependency)

--check reports the fit on the test split without writing the model. Retrain after changing
a finder, a generator or a feature; the test split is only measured, never trained on.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT), str(ROOT / "bench"), str(ROOT / "bench" / "corpus"), str(ROOT / "bench" / "score")]

from check import read_text  # noqa: E402
from logreg import apply, standardise, write_model  # noqa: E402  (bench/score/logreg.py)
from quality import bare  # noqa: E402
from selection import documents  # noqa: E402

from quizgen.build import process  # noqa: E402
from quizgen.generate import generate  # noqa: E402
from quizgen.model import Source  # noqa: E402
from quizgen.rank.repair import repair  # noqa: E402
from quizgen.rank.features import DocumentFacts, features  # noqa: E402
from quizgen.rank.score import MODEL  # noqa: E402

SAMPLE = ROOT / "tests" / "data"


def wanted_of(annotation: dict) -> tuple[set[str], set[str]]:
    exact = {bare(s) for kp in annotation["key_phrases"] for s in kp["accept"]}
    return exact, exact | {bare(m) for group in annotation.get("sibling_sets", []) for m in group}


# what a true/false statement asks, by its tags: a rule its modal, a body who answers for it
_STATEMENT_KINDS = (("body", {"body"}), ("prohibition", {"prohibition", "obligation"}),
                    ("obligation", {"prohibition", "obligation"}))


def label(item, exact: set[str], wanted: set[str], annotation: dict | None = None) -> float:
    """How much of what the item asks is annotated (0–1): the share of its answers that are
    annotated spellings or sibling-set members exactly; for a true/false statement on a rule
    or a body, whether its source sentence holds an annotated phrase of that kind (a rule, a
    body); for another statement, an annotated phrase of four characters or more."""
    said = [bare(a) for a in item.answers() if bare(a)]
    if not said:
        source = bare(item.source)
        tags = {t.removeprefix("quizgen::") for t in item.tags}
        for tag, kinds in _STATEMENT_KINDS:
            if tag in tags and annotation is not None:
                return float(any(bare(s) in source for kp in annotation["key_phrases"] if kp["kind"] in kinds
                                 for s in kp["accept"] if len(bare(s)) >= 2))
        return float(any(len(w) >= 4 and w in source for w in exact))
    return sum(a in wanted for a in said) / len(said)


def rows(annotations: list[tuple[str, str, dict]]):
    for title, text, annotation in annotations:
        doc = process(Source(title, text))
        facts = DocumentFacts(doc)
        exact, wanted = wanted_of(annotation)
        mended, _ = repair(generate(doc, 0), facts)
        for item in mended:
            if item.quality():
                continue  # rejected before the score decides
            yield annotation.get("id", title), features(item, facts), label(item, exact, wanted, annotation)


def corpus(split: str) -> list[tuple[str, str, dict]]:
    found = [(a["title"], read_text(a["text"]), a) for a in documents(split)]
    if split == "train":
        sample = json.loads((SAMPLE / "office-work.keyphrases.json").read_text(encoding="utf-8"))
        found.append(("办公室工作", (SAMPLE / "office-work.raw.txt").read_text(encoding="utf-8"), sample))
    return found


def main() -> None:
    from sklearn.linear_model import LogisticRegression  # noqa: PLC0415
    from sklearn.metrics import roc_auc_score  # noqa: PLC0415

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="measure on the test split, write nothing")
    parser.add_argument("-C", type=float, default=0.3, help="inverse regularisation strength")
    args = parser.parse_args()
    train = list(rows(corpus("train")))
    names = sorted({name for _, row, _ in train for name in row})
    # soft labels: each item twice, as wanted and as not, weighted by its label
    X = [[row.get(n, 0.0) for n in names] for _, row, _ in train] * 2
    y = [1] * len(train) + [0] * len(train)
    weight = [lab for _, _, lab in train] + [1 - lab for _, _, lab in train]
    means, scales, Z = standardise(X)
    fit = LogisticRegression(C=args.C, max_iter=5000).fit(Z, y, sample_weight=weight)
    print(f"trained on {len(train)} candidate items ({sum(weight[:len(train)]):.0f} wanted), {len(names)} features")
    test = list(rows(corpus("test")))
    Zt = apply([row for _, row, _ in test], names, means, scales)
    yt = [int(lab >= 0.5) for _, _, lab in test]
    print(f"AUC train {roc_auc_score(y, fit.decision_function(Z), sample_weight=weight):.3f}  "
          f"test {roc_auc_score(yt, fit.decision_function(Zt)):.3f}  ({len(yt)} test items, {sum(yt)} wanted)")
    if not args.check:
        write_model(MODEL, fit, names, means, scales, "item score", "train.py", f"{len(y)} items", ROOT)


if __name__ == "__main__":
    main()
