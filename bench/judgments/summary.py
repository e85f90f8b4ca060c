"""Print the results table of a judgments file (one JSON line per item, as bench/sample_items.py writes it).

Per kind (cloze, choice, multi, judge) and overall: items judged, keep / edit / discard counts, the
keep rate (keep / judged) and the usable rate ((keep + edit) / judged); then how often each defect code
was given (an item can carry several codes), overall and per kind; and per document. Lines with an empty verdict are not
judged yet: they are skipped and counted. Output is Markdown, to paste into README.md.

    python bench/judgments/summary.py bench/judgments/baseline-test.jsonl [more.jsonl ...]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

KINDS = ("cloze", "choice", "multi", "judge")
VERDICTS = ("keep", "edit", "discard")
CODES = ("subject", "leak", "cut", "markup", "repeat", "distractor", "position", "trivial", "wrong", "other")


def load(path: Path) -> tuple[list[dict], int]:
    """The judged rows of one file, and how many rows had no verdict yet."""
    judged, skipped = [], 0
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        row = json.loads(line)
        verdict = (row.get("verdict") or "").strip()
        if not verdict:
            skipped += 1
            continue
        if verdict not in VERDICTS:
            sys.exit(f"{path}:{number}: unknown verdict {verdict!r}")
        judged.append(row)
    return judged, skipped


def rate(part: int, whole: int) -> str:
    return f"{100 * part / whole:.0f}%" if whole else "–"


def table(rows: list[dict]) -> list[str]:
    kinds = [k for k in KINDS if any(r["kind"] == k for r in rows)]
    kinds += sorted({r["kind"] for r in rows} - set(KINDS))
    out = ["| kind | items | keep | edit | discard | keep rate | usable (keep+edit) |",
           "|---|---:|---:|---:|---:|---:|---:|"]
    for kind, group in [(k, [r for r in rows if r["kind"] == k]) for k in kinds] + [("**all**", rows)]:
        count = Counter(r["verdict"] for r in group)
        out.append(f"| {kind} | {len(group)} | {count['keep']} | {count['edit']} | {count['discard']} "
                   f"| {rate(count['keep'], len(group))} | {rate(count['keep'] + count['edit'], len(group))} |")
    return out


def documents(rows: list[dict]) -> list[str]:
    out = ["| document | items | keep | edit | discard | keep rate |", "|---|---:|---:|---:|---:|---:|"]
    for doc in sorted({r.get("doc", "?") for r in rows}):
        group = [r for r in rows if r.get("doc", "?") == doc]
        count = Counter(r["verdict"] for r in group)
        out.append(f"| {doc} | {len(group)} | {count['keep']} | {count['edit']} | {count['discard']} "
                   f"| {rate(count['keep'], len(group))} |")
    return out


def defects(rows: list[dict]) -> list[str]:
    kinds = [k for k in KINDS if any(r["kind"] == k for r in rows)]
    total = Counter(code for r in rows for code in r.get("defects") or [])
    codes = [c for c in CODES if total[c]] + sorted(set(total) - set(CODES))
    codes.sort(key=lambda c: -total[c])
    out = ["| defect | items | share of items | " + " | ".join(kinds) + " | of which discarded |",
           "|---|---:|---:|" + "---:|" * len(kinds) + "---:|"]
    for code in codes:
        per_kind = [sum(code in (r.get("defects") or []) for r in rows if r["kind"] == k) for k in kinds]
        discarded = sum(code in (r.get("defects") or []) and r["verdict"] == "discard" for r in rows)
        out.append(f"| {code} | {total[code]} | {rate(total[code], len(rows))} | "
                   + " | ".join(map(str, per_kind)) + f" | {discarded} |")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="+", type=Path)
    args = parser.parse_args()
    for path in args.files:
        rows, skipped = load(path)
        generators = sorted({r.get("generator", "?") for r in rows})
        docs = len({r.get("doc") for r in rows})
        print(f"### {path.name}\n")
        print(f"{len(rows)} items judged from {docs} documents (generator {', '.join(generators) or '?'})"
              + (f"; {skipped} lines without a verdict skipped" if skipped else "; none skipped") + ".\n")
        print("\n".join(table(rows)) + "\n")
        print("\n".join(defects(rows)) + "\n")
        print("\n".join(documents(rows)) + "\n")


if __name__ == "__main__":
    main()
