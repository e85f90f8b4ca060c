"""Train the note keep score (issue 12; Heilman & Smith 2010): a logistic regression over the
features of quizgen.rank.keep, on every cloze note trainers judged keep / edit / discard in the
held-out level and paired files ``bench/judgments/fresh*.jsonl`` (keep is 1, edit and discard
0; the documents are found by title in a LawRefBook/Laws snapshot, as ``bench/draw_fresh.py``
drew them); writes quizgen/data/note_keep.json, read by pure-Python inference.

    python bench/score/train_note_keep.py /work/.mirror/LawRefBook+Laws/repo [--check] [-C 0.1]

(scikit-learn: development only.) It prints the AUC with documents held out (five folds by
document), the AUC on the judged files of the newest sets when trained on the older ones only,
and for a few floors the share of notes kept and how many of them the judges kept.
--check writes nothing.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT), str(ROOT / "bench"), str(ROOT / "bench" / "score")]

from draw_fresh import title_of  # noqa: E402  (bench/draw_fresh.py)
from logreg import apply, standardise, write_model  # noqa: E402  (bench/score/logreg.py)

from quizgen.build import process  # noqa: E402
from quizgen.ingest.read import read_source  # noqa: E402
from quizgen.lang import markup  # noqa: E402
from quizgen.rank.features import DocumentFacts  # noqa: E402
from quizgen.rank.keep import FLOOR, MODEL, note_features  # noqa: E402

JUDGMENTS = ROOT / "bench" / "judgments"
SHOWN = re.compile(r"［c(\d+): ([^］]*)］")  # a blank as a judged front shows it (bench/sample_items.py)
NEWEST = 40  # sets fresh40 and later are the held-out newest ones


def judged_notes() -> list[dict]:
    """Every judged cloze note of the fresh sets, with its set number."""
    notes = []
    for path in sorted(JUDGMENTS.glob("fresh*.jsonl")):
        number = re.match(r"fresh(\d*)", path.name).group(1)
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            if row.get("kind") == "cloze" and row.get("verdict") and "\n" in row["front"]:
                notes.append({**row, "set": int(number or 0)})
    return notes


def snapshot_texts(repo: Path, titles: set[str]) -> dict[str, str]:
    """The text of each title found in the snapshot."""
    listing = subprocess.run(["git", "-c", "core.quotepath=off", "-C", str(repo), "ls-tree", "-r", "--name-only", "HEAD"],
                             capture_output=True, text=True, check=True).stdout.splitlines()
    found: dict[str, str] = {}
    for path in listing:
        title = title_of(path)
        if path.endswith(".md") and title in titles and title not in found:
            found[title] = subprocess.run(["git", "-C", str(repo), "show", f"HEAD:{path}"],
                                          capture_output=True, text=True, check=True).stdout
    return found


def note_text(front: str) -> str:
    """The note's cloze markup, from the judged front (its stem line)."""
    stem = front.split("\n", 1)[1]
    return markup.from_plain(SHOWN.sub(lambda m: f"{{{{c{m.group(1)}::{m.group(2)}}}}}", stem))


def rows(repo: Path) -> list[tuple[dict, dict[str, float], int]]:
    notes = judged_notes()
    texts = snapshot_texts(repo, {n["doc"] for n in notes})
    data = []
    with tempfile.TemporaryDirectory() as tmp:
        for title in sorted(texts):
            path = Path(tmp) / f"{title}.md"
            path.write_text(texts[title], encoding="utf-8")
            facts = DocumentFacts(process(read_source(path)))
            for note in (n for n in notes if n["doc"] == title):
                row = note_features(note["item"], note_text(note["front"]), facts)
                if row is not None:
                    data.append((note, row, int(note["verdict"] == "keep")))
    missing = len({n["doc"] for n in notes} - set(texts))
    print(f"{len(data)} judged notes of {len(texts)} documents ({missing} documents not in the snapshot)")
    return data


def held_out(data, names: list[str], C: float, folds: int = 5) -> list[float]:
    """Each note's score from a fit on the other folds' documents."""
    from sklearn.linear_model import LogisticRegression  # noqa: PLC0415

    docs = sorted({note["doc"] for note, _, _ in data})
    random.Random(0).shuffle(docs)
    fold_of = {doc: i % folds for i, doc in enumerate(docs)}
    scores = [0.0] * len(data)
    for fold in range(folds):
        fit_rows = [(row, y) for note, row, y in data if fold_of[note["doc"]] != fold]
        means, scales, Z = standardise([[row.get(n, 0.0) for n in names] for row, _ in fit_rows])
        fit = LogisticRegression(C=C, max_iter=5000).fit(Z, [y for _, y in fit_rows])
        at = [i for i, (note, _, _) in enumerate(data) if fold_of[note["doc"]] == fold]
        for i, p in zip(at, fit.predict_proba(apply([data[i][1] for i in at], names, means, scales))[:, 1]):
            scores[i] = float(p)
    return scores


def print_floors(held: list[float], y: list[int], floors: set[float], noun: str) -> None:
    """For each floor, the share of the items it keeps and how many of them the judges kept."""
    for floor in sorted(floors):
        kept = [label for p, label in zip(held, y) if p >= floor]
        gone = [label for p, label in zip(held, y) if p < floor]
        print(f"  floor {floor:.2f}: keeps {len(kept) / len(y):.0%} of the {noun}, {sum(kept) / max(1, len(kept)):.0%} "
              f"of them kept by the judges ({sum(gone) / max(1, len(gone)):.0%} of those it drops)")


def fit_and_write(data, names: list[str], C: float, model: Path, what: str, script: str, noun: str) -> None:
    """Fit on every judged item and write the model file."""
    from sklearn.linear_model import LogisticRegression  # noqa: PLC0415

    means, scales, Z = standardise([[row.get(n, 0.0) for n in names] for _, row, _ in data])
    fit = LogisticRegression(C=C, max_iter=5000).fit(Z, [label for _, _, label in data])
    write_model(model, fit, names, means, scales, what, script, f"{len(data)} {noun}", ROOT,
                origin="of the held-out fresh sets (bench/judgments/fresh*.jsonl)")


def main() -> None:
    from sklearn.linear_model import LogisticRegression  # noqa: PLC0415
    from sklearn.metrics import roc_auc_score  # noqa: PLC0415

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("snapshot", type=Path, help="a LawRefBook/Laws git directory")
    parser.add_argument("--check", action="store_true", help="measure only, write nothing")
    parser.add_argument("-C", type=float, default=0.1, help="inverse regularisation strength")
    args = parser.parse_args()
    data = rows(args.snapshot)
    names = sorted({name for _, row, _ in data for name in row})
    y = [label for _, _, label in data]
    held = held_out(data, names, args.C)
    print(f"AUC, documents held out: {roc_auc_score(y, held):.3f} (the weakest blank's score alone: "
          f"{roc_auc_score(y, [row['weakest'] for _, row, _ in data]):.3f}); judges kept {sum(y) / len(y):.0%}")
    print_floors(held, y, {0.2, 0.25, 0.3, 0.35, 0.4, FLOOR}, "notes")
    old = [(row, label) for note, row, label in data if note["set"] < NEWEST]
    new = [(row, label) for note, row, label in data if note["set"] >= NEWEST]
    means, scales, Z = standardise([[row.get(n, 0.0) for n in names] for row, _ in old])
    fit = LogisticRegression(C=args.C, max_iter=5000).fit(Z, [label for _, label in old])
    newest = fit.decision_function(apply([row for row, _ in new], names, means, scales))
    print(f"AUC on fresh{NEWEST} and later ({len(new)} notes) when trained on the older sets: "
          f"{roc_auc_score([label for _, label in new], newest):.3f}")
    if not args.check:
        fit_and_write(data, names, args.C, MODEL, "note keep score", "train_note_keep.py", "judged cloze notes")


if __name__ == "__main__":
    main()
