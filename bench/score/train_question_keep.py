"""Train the question keep score (issue 12; Heilman & Smith 2010): a logistic regression over
the features of quizgen.rank.questionkeep, on every choice, multiple-answer and true/false
question trainers judged keep / edit / discard in ``bench/judgments/fresh*.jsonl`` (keep is 1,
edit and discard 0); writes quizgen/data/question_keep.json, read by pure-Python inference.

    python bench/score/train_question_keep.py [--check] [-C 0.1]     (scikit-learn: development only)

It prints the AUC with documents held out (five folds by document) and, for a few floors, the
share of questions kept and how many of them the judges kept. --check writes nothing.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT), str(ROOT / "bench"), str(ROOT / "bench" / "score")]

from train_note_keep import fit_and_write, held_out, print_floors  # noqa: E402  (bench/score/train_note_keep.py)

from quizgen.rank.questionkeep import FLOOR, MODEL, question_features  # noqa: E402

JUDGMENTS = ROOT / "bench" / "judgments"
HIDDEN = "（章节行仅在背面显示）"  # the section line of a front that hides it (bench/sample_items.py)
OPTION = re.compile(r"^[A-F]\. ")


def rows() -> list[tuple[dict, dict[str, float], int]]:
    data = []
    for path in sorted(JUDGMENTS.glob("fresh*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            if row.get("kind") not in ("choice", "multi", "judge") or not row.get("verdict") or "\n" not in row["front"]:
                continue
            section, stem, *options = row["front"].split("\n")
            features = question_features(row["item"], row["kind"], stem, [OPTION.sub("", o) for o in options],
                                         row.get("source") or "", row["answer"] == "正确",
                                         "" if section == HIDDEN else section)
            if features is not None:
                data.append((row, features, int(row["verdict"] == "keep")))
    print(f"{len(data)} judged questions of {len({row['doc'] for row, _, _ in data})} documents")
    return data


def main() -> None:
    from sklearn.metrics import roc_auc_score  # noqa: PLC0415

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="measure only, write nothing")
    parser.add_argument("-C", type=float, default=0.1, help="inverse regularisation strength")
    args = parser.parse_args()
    data = rows()
    names = sorted({name for _, row, _ in data for name in row})
    y = [label for _, _, label in data]
    held = held_out(data, names, args.C)
    print(f"AUC, documents held out: {roc_auc_score(y, held):.3f}; judges kept {sum(y) / len(y):.0%}")
    print_floors(held, y, {0.3, 0.4, 0.5, FLOOR}, "questions")
    if not args.check:
        fit_and_write(data, names, args.C, MODEL, "question keep score", "train_question_keep.py", "judged questions")


if __name__ == "__main__":
    main()
