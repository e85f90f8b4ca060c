"""`quizgen phrases` and `quizgen build -f json` on the reference article against the floor:
loading jieba's dictionary.

Runs each command several times in fresh processes, in the same run, and prints the best
wall times and their ratio (targets: phrases under 1.3×, a build of the sample under 1.5×).

    python bench/phrases_speed.py [--runs 7]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time


def best_of(cmd: list[str], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    # warm both caches (jieba's dictionary cache, quizgen's idiom list)
    subprocess.run([sys.executable, "-m", "quizgen", "phrases"], check=True, stdout=subprocess.DEVNULL)
    floor = best_of([sys.executable, "-c", "import jieba; jieba.initialize()"], args.runs)
    ours = best_of([sys.executable, "-m", "quizgen", "phrases"], args.runs)
    ours_json = best_of([sys.executable, "-m", "quizgen", "phrases", "--json"], args.runs)
    print(f"jieba.initialize()        {floor:6.3f} s  (baseline)")
    print(f"quizgen phrases           {ours:6.3f} s  ratio {ours / floor:4.2f}")
    print(f"quizgen phrases --json    {ours_json:6.3f} s  ratio {ours_json / floor:4.2f}")
    with tempfile.TemporaryDirectory() as out:
        build = best_of([sys.executable, "-m", "quizgen", "build", "-f", "json", "-o", out], args.runs)
    print(f"quizgen build -f json     {build:6.3f} s  ratio {build / floor:4.2f}")


if __name__ == "__main__":
    main()
