"""Byte-identical outputs across a refactoring: record, then check.

Builds, with default options and through the command line (so that it keeps working
whatever the package's inside looks like), the JSON export of the built-in sample and of
every document of ``../shared/corpus/*.tar.xz``, and the review file (``quizgen extract``)
of the sample and of each archive; for the sample also every other text format (the HTML
paper and its key, Anki text, GIFT, Moodle XML, the question bank's text), a traditional
build and a merged deck of three documents; and compares the SHA-256 of every output with
the digests recorded in ``bench/golden/digests.json``. (The .apkg and .xlsx files carry the
time they were written, and the PDF takes 100 times as long as the HTML it is made from.)

    python bench/golden.py record   # before a refactoring: write the digests
    python bench/golden.py check    # after it: exit 1 and name every file that changed

A behaviour change that is meant to change outputs is recorded again in the same commit.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("QUIZGEN_SHARED", ROOT.parent / "shared"))  # a worktree: set QUIZGEN_SHARED
DIGESTS = ROOT / "bench" / "golden" / "digests.json"


def quizgen(*args: str, cwd: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run([sys.executable, "-m", "quizgen", *args], cwd=cwd, env=env,
                            capture_output=True, text=True)
    if result.returncode not in (0, 2):  # 2: an input that is refused is an output too
        sys.exit(f"quizgen {' '.join(args)} failed:\n{result.stderr}")


def unpack(archive: Path, into: Path) -> list[Path]:
    with tarfile.open(archive) as tar:
        tar.extractall(into, filter="data")
    return sorted(p for p in into.rglob("*.md") if p.is_file())


def digests_of(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file() and p.suffix != ".xlsx"}


def build_all(work: Path, jobs: int) -> dict[str, str]:
    out = work / "out"
    (out / "sample").mkdir(parents=True)
    quizgen("build", "-f", "json", "-o", str(out / "sample"), cwd=work)
    quizgen("extract", "-o", str(out / "sample" / "review.yaml"), cwd=work)
    quizgen("build", "-f", "html,csv,gift,moodle,tiku", "-o", str(out / "sample-formats"), cwd=work)
    quizgen("build", "-f", "json,html", "--script", "traditional", "-o", str(out / "sample-traditional"), cwd=work)
    (work / "src" / "merged").mkdir(parents=True)
    merged = []
    for path in [ROOT / "quizgen" / "data" / "office-work.raw.txt",
                 *sorted((ROOT / "tests" / "data" / "annotated").glob("*.md"))[:2]]:
        merged.append(f"src/merged/{path.name}")
        shutil.copyfile(path, work / merged[-1])
    quizgen("build", *merged, "--merge", "--name", "合集", "-f", "json,html,gift", "-o", str(out / "merged"),
            cwd=work)
    quizgen("extract", *merged, "-o", str(out / "merged" / "review.yaml"), cwd=work)
    for archive in sorted((SHARED / "corpus").glob("*.tar.xz")):
        name = archive.name.removesuffix(".tar.xz")
        # relative paths: the outputs name their source, which must not be the temporary folder
        documents = [str(p.relative_to(work)) for p in unpack(archive, work / "src" / name)]
        target = out / name
        quizgen("build", *documents, "-f", "json", "-o", str(target), "--jobs", str(jobs), cwd=work)
        quizgen("extract", *documents, "-o", str(target / "review.yaml"), cwd=work)
    return digests_of(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("mode", choices=("record", "check"))
    # one job: two archive documents share a title, and so an output file; with several
    # workers, which of the two is written last would vary from run to run
    parser.add_argument("--jobs", type=int, default=1)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="quizgen-golden-") as tmp:
        digests = build_all(Path(tmp), args.jobs)
    if args.mode == "record":
        DIGESTS.parent.mkdir(parents=True, exist_ok=True)
        DIGESTS.write_text(json.dumps(digests, ensure_ascii=False, indent=1, sort_keys=True) + "\n",
                           encoding="utf-8")
        print(f"recorded {len(digests)} outputs in {DIGESTS.relative_to(ROOT)}")
        return
    recorded = json.loads(DIGESTS.read_text(encoding="utf-8"))
    changed = sorted(k for k in recorded.keys() & digests.keys() if recorded[k] != digests[k])
    missing, new = sorted(recorded.keys() - digests.keys()), sorted(digests.keys() - recorded.keys())
    for label, names in (("changed", changed), ("missing", missing), ("new", new)):
        for name in names:
            print(f"{label}: {name}")
    same = len(recorded) - len(changed) - len(missing)
    print(f"{same} of {len(recorded)} outputs byte-identical; {len(changed)} changed, "
          f"{len(missing)} missing, {len(new)} new")
    sys.exit(1 if changed or missing or new else 0)


if __name__ == "__main__":
    main()
