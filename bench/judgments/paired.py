"""Compare two generator versions on the items that differ between them, judged blind.

Two draws of the same documents can differ by chance (the sample is drawn from a pool that
changed), so the keep rates of two samples say little about a change that touches a few
items in twenty. This compares what the change itself did: every item of both versions is
drawn (``--cloze 1000 --questions 1000``), the items found in one version only are judged
blind in one shuffled file (``diff``), and the verdicts are counted per side: what the
change removed, and what it added.

    python bench/sample_items.py DOCS --cloze 1000 --questions 1000 -o base.jsonl   # at the base commit
    python bench/sample_items.py DOCS --cloze 1000 --questions 1000 -o new.jsonl    # at the new one
    python bench/judgments/paired.py diff base.jsonl new.jsonl -o diff.jsonl         # to judge
    python bench/judgments/paired.py count base.jsonl new.jsonl diff.judged.jsonl   # the table

An item is the same item in both versions when its document, kind, front and answer are.
"""

from __future__ import annotations

import argparse
import json
import random
from collections import Counter
from pathlib import Path

KINDS = ("cloze", "choice", "multi", "judge")
VERDICTS = ("keep", "edit", "discard")


def key(row: dict) -> tuple[str, str, str, str]:
    return row["doc"], row["kind"], row["front"], str(row["answer"])


def rows_of(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def sides(base: list[dict], new: list[dict]) -> tuple[list[dict], list[dict]]:
    """The items of ``base`` only (removed by the change) and of ``new`` only (added)."""
    old_keys, new_keys = {key(r) for r in base}, {key(r) for r in new}
    return [r for r in base if key(r) not in new_keys], [r for r in new if key(r) not in old_keys]


def blind(removed: list[dict], added: list[dict], seed: int = 0) -> list[dict]:
    """Both sides in one file, shuffled within each document, with no trace of the side."""
    rows = [{**r, "generator": "blind", "verdict": "", "defects": [], "why": ""} for r in removed + added]
    random.Random(seed).shuffle(rows)
    return sorted(rows, key=lambda r: r["doc"])  # a stable sort: shuffled within a document


def table(removed: list[dict], added: list[dict], judged: list[dict]) -> str:
    verdicts = {key(r): r["verdict"] for r in judged if r.get("verdict")}
    lines = ["| side | kind | items | judged | keep | edit | discard |", "|---|---|---:|---:|---:|---:|---:|"]
    for name, rows in (("removed", removed), ("added", added)):
        for kind in (*KINDS, "all"):
            mine = [r for r in rows if kind in ("all", r["kind"])]
            if not mine:
                continue
            counts = Counter(verdicts[key(r)] for r in mine if key(r) in verdicts)
            lines.append(f"| {name} | {kind} | {len(mine)} | {sum(counts.values())} | "
                         + " | ".join(str(counts[v]) for v in VERDICTS) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    diff = commands.add_parser("diff", help="write the items of one version only, blind, to judge")
    diff.add_argument("base", type=Path)
    diff.add_argument("new", type=Path)
    diff.add_argument("-o", "--output", type=Path, required=True)
    diff.add_argument("--seed", type=int, default=0)
    count = commands.add_parser("count", help="print the verdicts of what the change removed and added")
    count.add_argument("base", type=Path)
    count.add_argument("new", type=Path)
    count.add_argument("judged", type=Path, nargs="+")
    args = parser.parse_args(argv)
    removed, added = sides(rows_of(args.base), rows_of(args.new))
    if args.command == "diff":
        rows = blind(removed, added, args.seed)
        args.output.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
        print(f"{len(removed)} items removed, {len(added)} added: {args.output}")
    else:
        print(table(removed, added, [r for path in args.judged for r in rows_of(path)]))


if __name__ == "__main__":
    main()
