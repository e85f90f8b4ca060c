"""Draw a set of documents quizgen has never been run on, for an honest level measurement.

Picks documents at random (seeded) from a local snapshot of github ``LawRefBook/Laws`` (fetch it
with the library's ``fetch github:LawRefBook/Laws``), leaving out every document whose title is
already in ``bench/corpus/`` or in a judged file of ``bench/judgments/``, and writes them as
``<title>.md`` into the output folder:

    python bench/draw_fresh.py /work/.mirror/LawRefBook+Laws/repo --seed 20261206 -o /tmp/fresh8
    python bench/draw_fresh.py /work/.mirror/LawRefBook+Laws/repo --seed 20261207 -o /tmp/fresh9 --exclude /tmp/fresh8
    python bench/draw_fresh.py /work/.mirror/LawRefBook+Laws/repo --seed 20261208 -o /tmp/fresh10 --exclude /tmp/fresh8 --exclude /tmp/fresh9 \
        --mix "DLC=6,行政法规=3,部门规章=2,司法解释=2,案例=1"

Once a set is judged, its titles are in ``bench/judgments/`` and a second draw leaves them out: a judged set is
found again by the ``doc`` names of its judged file (the snapshot's ``<title>.md`` files).

The mix (``--mix``) says how many documents to draw from each top-level folder of the snapshot
(local regulations, administrative regulations, departmental rules, judicial interpretations,
cases); a document qualifies when its text has ``--min`` to ``--max`` characters.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_MIX = "DLC=5,行政法规=3,部门规章=2,司法解释=2,案例=2"


def title_of(path: str) -> str:
    """上海市档案条例(2017-12-28).md → 上海市档案条例."""
    return re.sub(r"[（(]\d{4}-\d{2}-\d{2}[）)]$", "", Path(path).stem).strip()


def seen_titles() -> tuple[set[str], str]:
    """Titles of every document already annotated or judged, and the text naming the others."""
    seen = {json.loads(p.read_text(encoding="utf-8"))["title"] for p in (ROOT / "bench/corpus").glob("*.json")}
    for path in (ROOT / "bench/judgments").glob("*.jsonl"):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                seen.add(json.loads(line).get("doc", ""))
    # the judgments' README names the documents of every fresh set, some by title only
    named = (ROOT / "bench/judgments/README.md").read_text(encoding="utf-8")
    return {re.sub(r"\s+", "", title_of(t + ".md")) for t in seen}, re.sub(r"\s+", "", named)


def git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", f"--git-dir={repo}", "-c", "core.quotepath=off", *args],
                          check=True, capture_output=True, text=True).stdout


def draw(repo: Path, mix: dict[str, int], seed: int, low: int, high: int,
         exclude: tuple[Path, ...] = ()) -> dict[str, str]:
    """Title → text of the documents drawn, folder by folder in the order of ``mix``, none of
    them among the ``<title>.md`` files of the folders ``exclude`` (sets drawn before)."""
    paths = [p for p in git(repo, "ls-tree", "-r", "--name-only", "HEAD").splitlines() if p.endswith(".md")]
    seen, named = seen_titles()
    seen |= {re.sub(r"\s+", "", p.stem) for folder in exclude for p in folder.glob("*.md")}
    rng = random.Random(seed)
    drawn: dict[str, str] = {}
    for folder, count in mix.items():
        pool = sorted(p for p in paths if p.split("/", 1)[0] == folder and not p.endswith("README.md"))
        rng.shuffle(pool)
        taken = 0
        for path in pool:
            title = title_of(path)
            if taken == count:
                break
            bare = re.sub(r"\s+", "", title)
            if bare in seen or bare in named or title in drawn:
                continue
            text = git(repo, "show", f"HEAD:{path}")
            if low <= len(text) <= high:
                drawn[title] = text
                taken += 1
    return drawn


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("repo", type=Path, help="git directory of the LawRefBook/Laws snapshot")
    parser.add_argument("-o", "--out", type=Path, required=True)
    parser.add_argument("--seed", type=int, required=True)
    parser.add_argument("--mix", default=DEFAULT_MIX, help=f"folder=count,… (default {DEFAULT_MIX})")
    parser.add_argument("--min", type=int, default=1500, dest="low")
    parser.add_argument("--max", type=int, default=9000, dest="high")
    parser.add_argument("--exclude", type=Path, nargs="*", default=[], help="folders of sets drawn before")
    args = parser.parse_args()
    mix = {k: int(v) for k, v in (part.split("=") for part in args.mix.split(","))}
    args.out.mkdir(parents=True, exist_ok=True)
    for title, text in draw(args.repo, mix, args.seed, args.low, args.high, tuple(args.exclude)).items():
        (args.out / f"{title}.md").write_text(text, encoding="utf-8")
        print(f"{len(text):6d}  {title}")


if __name__ == "__main__":
    main()
