"""An experimental keep score (issue 12; Heilman & Smith 2010): a logistic regression over
the features of bench/score/keep_features.py, on the items of the TRAIN documents that
trainers judged (every ``bench/judgments/*train*.jsonl``: keep is 1, edit and discard 0),
measured by leave-documents-out cross-validation:

    python bench/score/train_keep.py [-C 0.1]     (scikit-learn: development only)

A judged item is used when the checkout still makes it exactly as it was judged (same item id,
same front); the later of two judgments of one item counts. It prints the held-out AUC, the
share of items each threshold would keep and how many of those the judges kept, and the
weights of a fit on all of them. At 41abcea: 300 items, AUC 0.70; a floor of 0.3 keeps 69 %
of the items and lifts their keep rate from 45 % to 53 %, but in the build it took the sample
from 72 to 43 cards and from 37 to 22 of its 48 phrases, so the package does not use it.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT), str(ROOT / "bench"), str(ROOT / "bench" / "corpus"), str(ROOT / "bench" / "score")]

from check import read_text  # noqa: E402
from keep_features import keep_features  # noqa: E402  (bench/score/keep_features.py)
from logreg import apply, standardise  # noqa: E402  (bench/score/logreg.py)
from sample_items import front_of  # noqa: E402
from selection import documents  # noqa: E402

from quizgen.build import process  # noqa: E402
from quizgen.generate import generate  # noqa: E402
from quizgen.ingest.read import read_source  # noqa: E402
from quizgen.rank.features import DocumentFacts, features  # noqa: E402
from quizgen.rank.repair import repair  # noqa: E402
from quizgen.rank.score import model  # noqa: E402

JUDGMENTS = ROOT / "bench" / "judgments"


def judged() -> dict[tuple[str, str, str], str]:
    """(document id, item id, front) -> verdict, the later file's verdict winning (files by name)."""
    verdicts: dict[tuple[str, str, str], str] = {}
    for path in sorted(JUDGMENTS.glob("*train*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            if row.get("verdict"):
                verdicts[(row["doc"], row["item"], row["front"])] = row["verdict"]
    return verdicts


def rows():
    """(document id, features, 1 if kept) of every judged item the checkout still makes."""
    verdicts = judged()
    wanted = {doc for doc, _, _ in verdicts}
    with tempfile.TemporaryDirectory() as tmp:
        for annotation in documents("train"):
            if annotation["id"] not in wanted:
                continue
            path = Path(tmp) / f"{annotation['id']}.txt"  # judged as built from such a file (title = id)
            path.write_text(read_text(annotation["text"]), encoding="utf-8")
            doc = process(read_source(path))
            facts = DocumentFacts(doc)
            mended, _ = repair(generate(doc, 0), facts)
            for item in mended:
                if item.quality():
                    continue
                shown = {"kind": item.kind, **item.__dict__, "section_hidden": item.hides_section(item.section)}
                verdict = verdicts.get((annotation["id"], item.id, front_of(shown)))
                if verdict:
                    worth = model().score(features(item, facts))
                    yield annotation["id"], keep_features(item, facts, worth), int(verdict == "keep")


def main() -> None:
    from sklearn.linear_model import LogisticRegression  # noqa: PLC0415
    from sklearn.metrics import roc_auc_score  # noqa: PLC0415

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-C", type=float, default=0.1, help="inverse regularisation strength")
    args = parser.parse_args()
    data = list(rows())
    names = sorted({name for _, row, _ in data for name in row})
    docs = sorted({doc for doc, _, _ in data})
    y = [label for _, _, label in data]
    print(f"{len(data)} judged items of {len(docs)} documents ({sum(y)} kept), {len(names)} features")
    # leave a quarter of the documents out in turn: how well it ranks items of unseen documents
    held: list[float] = [0.0] * len(data)
    for fold in range(4):
        out = set(docs[fold::4])
        fit_rows = [(row, lab) for doc, row, lab in data if doc not in out]
        means, scales, Z = standardise([[row.get(n, 0.0) for n in names] for row, _ in fit_rows])
        fit = LogisticRegression(C=args.C, max_iter=5000).fit(Z, [lab for _, lab in fit_rows])
        at = [i for i, (doc, _, _) in enumerate(data) if doc in out]
        for i, p in zip(at, fit.predict_proba(apply([data[i][1] for i in at], names, means, scales))[:, 1]):
            held[i] = float(p)
    print(f"AUC, documents held out: {roc_auc_score(y, held):.3f}")
    for t in (0.3, 0.4, 0.5, 0.6):
        kept = [lab for p, lab in zip(held, y) if p >= t]
        print(f"  threshold {t:.1f}: keeps {len(kept) / len(y):.0%} of the items, {sum(kept) / max(1, len(kept)):.0%} "
              f"of them kept by the judges (all: {sum(y) / len(y):.0%})")
    means, scales, Z = standardise([[row.get(n, 0.0) for n in names] for _, row, _ in data])
    fit = LogisticRegression(C=args.C, max_iter=5000).fit(Z, y)
    print("weights of a fit on all of them (standardised features):")
    for name, w in sorted(zip(names, fit.coef_[0]), key=lambda nw: -abs(nw[1]))[:12]:
        print(f"  {w:+.3f}  {name}")


if __name__ == "__main__":
    main()
