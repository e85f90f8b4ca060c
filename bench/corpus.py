"""Scale benchmark: build the 440 judicial interpretations of
``../shared/corpus/sifajieshi.tar.xz`` (5.2 MB) end to end.

Prints documents/s, MB/s and peak memory for ``quizgen build`` with one and two worker
processes, the ratio to plain ``jieba.lcut`` over the same text on one core (measured in
the same run), and the time for a corpus twice as large (linearity).

    python bench/corpus.py [--archive PATH] [--formats apkg,json] [--skip-double]

Targets: end-to-end throughput at least half of jieba.lcut's on one core, near-linear
gain with --jobs 2, a 2x corpus in at most 2.2x the time, peak memory under 500 MB.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_ARCHIVE = ROOT.parent / "shared" / "corpus" / "sifajieshi.tar.xz"


def unpack(archive: Path, into: Path) -> Path:
    with tarfile.open(archive) as tar:
        tar.extractall(into, filter="data")
    folders = [p for p in into.iterdir() if p.is_dir()]
    return folders[0] if len(folders) == 1 else into


def documents(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*.md") if p.is_file())


def lcut_baseline(files: list[Path]) -> float:
    """Seconds for jieba.lcut over every document, after the dictionary is loaded."""
    code = (
        "import sys, time, jieba, logging\n"
        "jieba.setLogLevel(logging.WARNING); jieba.initialize()\n"
        "texts = [open(p, encoding='utf-8').read() for p in sys.argv[1:]]\n"
        "t = time.perf_counter()\n"
        "for text in texts: jieba.lcut(text)\n"
        "print(time.perf_counter() - t)\n"
    )
    out = subprocess.run([sys.executable, "-c", code, *map(str, files)], check=True,
                         capture_output=True, text=True)
    return float(out.stdout.strip())


def timed_build(folder: Path, jobs: int, formats: str) -> tuple[float, float, int]:
    """(seconds, peak RSS in MB, exit code) of one `quizgen build`. The peak is this run's
    own (os.wait4), the largest of its processes: RUSAGE_CHILDREN would report the largest
    child of the whole benchmark so far."""
    out = Path(tempfile.mkdtemp(prefix="quizgen-bench-out-"))
    start = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-m", "quizgen", "build", str(folder), "-o", str(out),
                                "-f", formats, "--jobs", str(jobs)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    stderr = process.stderr.read()
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    shutil.rmtree(out, ignore_errors=True)
    if process.returncode not in (0, 1, 2):
        sys.exit(f"build failed:\n{stderr[-2000:]}")
    return elapsed, usage.ru_maxrss / 1024, process.returncode


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--archive", type=Path, default=DEFAULT_ARCHIVE)
    parser.add_argument("--formats", default="apkg,json")
    parser.add_argument("--skip-double", action="store_true", help="skip the 2x corpus run")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="quizgen-bench-"))
    try:
        folder = unpack(args.archive, work / "one")
        files = documents(folder)
        megabytes = sum(f.stat().st_size for f in files) / 2**20
        print(f"corpus: {len(files)} documents, {megabytes:.2f} MB ({args.archive.name}); formats {args.formats}")

        lcut = lcut_baseline(files)
        print(f"jieba.lcut, 1 core         {lcut:7.2f} s  {megabytes / lcut:6.2f} MB/s  (baseline)")

        one, peak1, code = timed_build(folder, 1, args.formats)
        print(f"quizgen build --jobs 1     {one:7.2f} s  {megabytes / one:6.2f} MB/s  "
              f"{len(files) / one:6.1f} docs/s  peak {peak1:5.0f} MB  ratio to lcut {lcut / one:4.2f}"
              f"{'' if code == 0 else f'  (exit {code}: some inputs reported)'}")

        # start-up (imports, jieba's dictionary) is paid once per run, whatever the corpus:
        # timed on the smallest document, it gives the build's steady-state throughput
        tiny = work / "tiny"
        tiny.mkdir()
        shutil.copy(min((f for f in files if f.stat().st_size > 200), key=lambda f: f.stat().st_size), tiny)
        startup, _, _ = timed_build(tiny, 1, args.formats)
        steady = one - startup
        print(f"  less start-up ({startup:4.2f} s)    {steady:7.2f} s  {megabytes / steady:6.2f} MB/s  "
              f"ratio to lcut {lcut / steady:4.2f}")

        two, peak2, _ = timed_build(folder, 2, args.formats)
        print(f"quizgen build --jobs 2     {two:7.2f} s  {megabytes / two:6.2f} MB/s  "
              f"{len(files) / two:6.1f} docs/s  peak {peak2:5.0f} MB  speed-up {one / two:4.2f}x")

        if not args.skip_double:
            double = work / "double"
            shutil.copytree(folder, double / "a")
            shutil.copytree(folder, double / "b")
            twice, peak3, _ = timed_build(double, 1, args.formats)
            print(f"2x corpus, --jobs 1        {twice:7.2f} s  time ratio {twice / one:4.2f} (target <= 2.2)"
                  f"  peak {peak3:5.0f} MB")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
