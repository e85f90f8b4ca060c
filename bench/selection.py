"""What a build selects, measured on the annotated corpus (bench/corpus/), per genre.

For every document of a split (default: test) prints
- recall: share of the annotated key phrases that are answers of the build (cloze deletions and the
  correct options of choice and multi questions; a list phrase also when one item has each of its
  members as an answer, ``quality.asked``);
- precision: share of the build's answers that are annotated key phrases or members of an
  annotated sibling set (punctuation and its width ignored; an answer counts when it equals, or
  contains or is contained in, an accepted spelling of at least two characters);
- cards per 1,000 characters (Anki cards: one per cloze number, one per question);
and the same recall and precision for jieba TF-IDF, jieba TextRank and (if installed) jionlp, each
given the same budget: as many answers as quizgen's build has. Means per genre and overall.

    python bench/selection.py [--split test|train|all] [--no-jionlp] [-v]

Test documents are looked at only to measure: report the test split.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench"), str(ROOT / "bench" / "corpus")]

from check import read_text  # noqa: E402  (bench/corpus/check.py: reads a document's text)
from quality import asked, bare, baselines, groups_of  # noqa: E402

from quizgen.build import document_items  # noqa: E402
from quizgen.ingest.clean import clean_text  # noqa: E402
from quizgen.lang.measure import answers_of  # noqa: E402
from quizgen.model import Source  # noqa: E402

CORPUS = ROOT / "bench" / "corpus"


def documents(split: str) -> list[dict]:
    docs = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(CORPUS.glob("*.json"))]
    return [d for d in docs if split == "all" or d["split"] == split]


def matches(answer: str, wanted: set[str]) -> bool:
    a = bare(answer)
    if not a:
        return False
    return a in wanted or any(len(w) >= 2 and len(a) >= 2 and (w in a or a in w) for w in wanted)


def measure(answers: list[str], annotation: dict, groups: list[set[str]] = ()) -> tuple[float, float]:
    got = {bare(a) for a in answers}
    phrases = annotation["key_phrases"]
    found = sum(1 for kp in phrases if asked(kp, got, groups))
    wanted = {bare(s) for kp in phrases for s in kp["accept"]}
    wanted |= {bare(m) for group in annotation.get("sibling_sets", []) for m in group}
    good = sum(1 for a in answers if matches(a, wanted))
    return found / max(1, len(phrases)), good / max(1, len(answers))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("test", "train", "all"), default="test")
    parser.add_argument("--no-jionlp", action="store_true")
    parser.add_argument("-v", "--verbose", action="store_true", help="list each document's missed phrases")
    args = parser.parse_args()
    rows: dict[str, dict[str, list[tuple[float, float]]]] = defaultdict(lambda: defaultdict(list))
    density: dict[str, list[float]] = defaultdict(list)
    print(f"{'document':<44} {'genre':<9} {'chars':>6} {'cards/1k':>8} {'recall':>6} {'prec':>5}  baselines (recall/prec)")
    for annotation in documents(args.split):
        text = read_text(annotation["text"])
        _, items = document_items(Source(annotation["title"], text))
        answers = answers_of(items)
        cards = sum(i.cards for i in items)
        chars = len(clean_text(text))
        recall, precision = measure(answers, annotation, groups_of(items))
        genre = annotation["genre"]
        for key in (genre, "all"):
            rows[key]["quizgen"].append((recall, precision))
            density[key].append(1000 * cards / max(1, chars))
        shown = []
        for name, words in baselines(clean_text(text), not args.no_jionlp, len(answers)).items():
            r, p = measure(words, annotation)
            shown.append(f"{name} {r:.2f}/{p:.2f}")
            for key in (genre, "all"):
                rows[key][name].append((r, p))
        print(f"{annotation['id'][:44]:<44} {genre:<9} {chars:>6} {1000 * cards / max(1, chars):>8.1f} "
              f"{recall:>6.2f} {precision:>5.2f}  {'; '.join(shown)}")
        if args.verbose:
            got = {bare(a) for a in answers}
            print("   missed:", [kp["accept"][0] for kp in annotation["key_phrases"]
                                  if not asked(kp, got, groups_of(items))])
    print(f"\nmeans ({args.split} split): recall / precision; cards per 1,000 characters")
    for key in sorted(rows, key=lambda k: (k == "all", k)):
        cells = [f"{name} {sum(r for r, _ in v) / len(v):.2f}/{sum(p for _, p in v) / len(v):.2f}"
                 for name, v in rows[key].items()]
        print(f"  {key:<9} n={len(rows[key]['quizgen']):<3} cards/1k {sum(density[key]) / len(density[key]):5.1f}  "
              + "  ".join(cells))


if __name__ == "__main__":
    main()
