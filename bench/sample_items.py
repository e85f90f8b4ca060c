"""Draw a reproducible sample of generated items for human judging (keep / edit / discard).

Builds each document with the quizgen in this checkout (default options), then draws up to
``--cloze`` cloze notes and ``--questions`` choice/multi/judge items per document with a fixed
seed, and writes one JSON line per item, as the learner sees it, with empty verdict fields:

    python bench/sample_items.py ../shared/devset/05-*.txt ... -o bench/judgments/test.jsonl

Fill ``verdict`` (keep | edit | discard), ``defects`` (codes below) and ``why`` by reading each
item with ../shared/quality/rubric.md. Defect codes (issue "Items a trainer keeps"):
subject (stem lacks its subject / unresolved back-reference), leak (answer visible on the front
or in another item), cut (blank cut through a word, number without unit, filler blank, too long,
too many blanks), markup (heading, article number or page metadata as content), repeat (the same
fact asked again), distractor (absurd, wrong kind, equal value or true), position (false only by
list position), trivial (not worth asking), wrong (the marked answer is wrong), other.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from quizgen.build import document_items  # noqa: E402
from quizgen.errors import InputError  # noqa: E402
from quizgen.ingest.read import read_source  # noqa: E402

CLOZE = re.compile(r"\{\{c(\d+)::(.*?)(?:::(.*?))?\}\}")


def front_of(item: dict) -> str:
    """The item as a learner meets it: section line, then the stem (blanks shown as ［…］)."""
    section = "（章节行仅在背面显示）" if item.get("section_hidden") else item["section"]
    if item["kind"] == "cloze":
        return f"{section}\n" + CLOZE.sub(lambda m: f"［c{m.group(1)}: {m.group(2)}］", item["text"])
    lines = [section, item.get("question") or item.get("statement") or ""]
    for letter, option in zip("ABCDEF", item.get("options") or []):
        lines.append(f"{letter}. {option}")
    return "\n".join(lines)


def answer_of(item: dict) -> str:
    if item["kind"] == "judge":
        return "正确" if item.get("answer") is True else "错误"
    if item["kind"] == "cloze":
        return "、".join(m.group(2) for m in CLOZE.finditer(item["text"]))
    return "".join("ABCDEF"[i] for i in item.get("answer") or [])


def sample(path: Path, clozes: int, questions: int, seed: int) -> list[dict]:
    _, items = document_items(read_source(path), seed=0)
    # as the cards show it: a section line that gives the answer away is on the back only
    rows = [{"kind": item.kind, **item.__dict__, "section_hidden": item.hides_section(item.section)}
            for item in items]
    rng = random.Random(f"{seed}:{path.name}")
    cloze = [r for r in rows if r["kind"] == "cloze"]
    other = [r for r in rows if r["kind"] != "cloze"]
    picked = rng.sample(cloze, min(clozes, len(cloze))) + rng.sample(other, min(questions, len(other)))
    return [{"doc": path.stem, "item": r["id"], "kind": r["kind"], "front": front_of(r),
             "answer": answer_of(r), "source": r.get("source", ""), "explanation": r.get("explanation", ""),
             "verdict": "", "defects": [], "why": ""} for r in picked]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("documents", nargs="+", type=Path)
    parser.add_argument("-o", "--out", type=Path, required=True)
    parser.add_argument("--cloze", type=int, default=12)
    parser.add_argument("--questions", type=int, default=13)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    commit = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True,
                            text=True).stdout.strip()
    with args.out.open("w", encoding="utf-8") as out:
        for path in args.documents:
            try:
                rows = sample(path, args.cloze, args.questions, args.seed)
            except InputError as exc:  # a document that gives nothing (or cannot be read) has no items
                print(f"skipped: {exc}", file=sys.stderr)
                continue
            for row in rows:
                out.write(json.dumps({"generator": commit, **row}, ensure_ascii=False) + "\n")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
