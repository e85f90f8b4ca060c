"""Train the blank score (issue 13, "Mind the Gap"): a logistic regression over the features of
quizgen.rank.blanks, on every blank of the sentence notes the generators propose for the TRAIN
documents of bench/corpus and the built-in sample, labelled from the annotations (a blank is
wanted when its text is an annotated key phrase, an accepted spelling or a sibling-set member);
writes quizgen/data/blank_score.json, read by pure-Python inference.

    python bench/score/train_blanks.py [--check] [-C 0.3]     (scikit-learn: development only)

--check reports the fit on the test split without writing. It prints, for the shipped
threshold (quizgen.rank.blanks.THRESHOLD) and a few others, the share of blanks kept and how
many of them are wanted, on the train and the test split.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT), str(ROOT / "bench"), str(ROOT / "bench" / "corpus"), str(ROOT / "bench" / "score")]

from logreg import apply, standardise, write_model  # noqa: E402  (bench/score/logreg.py)
from train import corpus, wanted_of  # noqa: E402  (bench/score/train.py)
from quality import bare  # noqa: E402

from quizgen.build import process  # noqa: E402
from quizgen.generate import generate  # noqa: E402
from quizgen.items import Cloze  # noqa: E402
from quizgen.lang import markup  # noqa: E402
from quizgen.model import Source  # noqa: E402
from quizgen.rank.blanks import MODEL, THRESHOLD, blank_features, note_blanks  # noqa: E402
from quizgen.rank.features import DocumentFacts  # noqa: E402
from quizgen.rank.cuts import split_lists as _split_lists, whole_compounds as _whole_compounds  # noqa: E402
from quizgen.rank.repair import _whole_items  # noqa: E402


def blanks(note: Cloze):
    """(before, answer, after) of each blank of a sentence note, as repair sees them."""
    return note_blanks(_whole_compounds(_split_lists(markup.parse(note.text))))


def rows(annotations: list[tuple[str, str, dict]]):
    for title, text, annotation in annotations:
        doc = process(Source(title, text))
        facts = DocumentFacts(doc)
        _, wanted = wanted_of(annotation)
        seen: set[tuple[str, str]] = set()
        for note in generate(doc, 0):
            if not isinstance(note, Cloze) or _whole_items(note):
                continue
            for before, answer, after in blanks(note):
                if (before + answer, answer) in seen or not bare(answer):
                    continue
                seen.add((before + answer, answer))
                yield blank_features(before, answer, after, facts), int(bare(answer) in wanted)


def main() -> None:
    from sklearn.linear_model import LogisticRegression  # noqa: PLC0415
    from sklearn.metrics import roc_auc_score  # noqa: PLC0415

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="measure on the test split, write nothing")
    parser.add_argument("-C", type=float, default=0.3, help="inverse regularisation strength")
    args = parser.parse_args()
    train = list(rows(corpus("train")))
    names = sorted({name for row, _ in train for name in row})
    X = [[row.get(n, 0.0) for n in names] for row, _ in train]
    y = [label for _, label in train]
    means, scales, Z = standardise(X)
    fit = LogisticRegression(C=args.C, max_iter=5000, class_weight="balanced").fit(Z, y)
    test = list(rows(corpus("test")))
    Zt = apply([row for row, _ in test], names, means, scales)
    yt = [label for _, label in test]
    print(f"trained on {len(y)} blanks ({sum(y)} wanted), {len(names)} features; "
          f"AUC train {roc_auc_score(y, fit.decision_function(Z)):.3f} test {roc_auc_score(yt, fit.decision_function(Zt)):.3f}")
    for name, Zs, ys in (("train", Z, y), ("test", Zt, yt)):
        probs = fit.predict_proba(Zs)[:, 1]
        for t in sorted({0.3, 0.4, 0.5, 0.6, THRESHOLD}):
            kept = [lab for p, lab in zip(probs, ys) if p >= t]
            print(f"  {name:5} threshold {t:.2f}: keeps {len(kept) / len(ys):.0%} of blanks, "
                  f"{sum(kept) / max(1, len(kept)):.0%} of them wanted, {sum(kept) / max(1, sum(ys)):.0%} of the wanted")
    if not args.check:
        write_model(MODEL, fit, names, means, scales, "blank score", "train_blanks.py", f"{len(y)} blanks", ROOT)


if __name__ == "__main__":
    main()
