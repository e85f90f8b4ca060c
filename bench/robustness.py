"""Robustness run: build every document of ``../shared/corpus`` (both archives) and
``../shared/devset`` (and of any folder given) end to end, in one process, and fail on
any exception. A document refused as bad input (one-line error, exit 2 in the CLI) is
listed, not counted as a failure; anything else that goes wrong is, with its traceback.

    python bench/robustness.py [--shared DIR] [--formats json,apkg,csv,gift,moodle] [FOLDER…]

Prints documents/s and the slowest documents; exits 1 if any document raised. The exam
paper (html, pdf) is left out by default: it embeds a subset of its fonts, about 3 s a
document, whatever the document.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tarfile
import tempfile
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from quizgen.errors import InputError, QuizgenError  # noqa: E402
from quizgen.build import deck_from, document_items, export  # noqa: E402
from quizgen.ingest.read import SUPPORTED_SUFFIXES, read_source  # noqa: E402


def documents(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES - {""})


def corpus_documents(shared: Path, into: Path) -> list[Path]:
    """The documents of every archive of ``shared/corpus`` (unpacked into ``into``) and of
    ``shared/devset``."""
    archives = sorted((shared / "corpus").glob("*.tar.xz"))
    found: list[Path] = []
    for archive in archives:
        target = into / archive.name.split(".")[0]
        with tarfile.open(archive) as tar:
            tar.extractall(target, filter="data")
        found += documents(target)
    found += documents(shared / "devset")
    if not archives or not found:
        sys.exit(f"no corpus in {shared} (use --shared)")
    return found


def build_one(path: Path, out: Path, formats: tuple[str, ...]) -> tuple[str, str]:
    """('ok' | 'refused' | 'exception', detail) for one document, built and exported."""
    try:
        doc, items = document_items(read_source(path))
        export(deck_from([(doc, items)]), out, formats)
        return "ok", f"{len(items)} items"
    except InputError as exc:
        return "refused", exc.message
    except QuizgenError as exc:  # an export that failed: a failure all the same
        return "exception", f"{type(exc).__name__}: {exc}"
    except Exception:  # noqa: BLE001 - what this run is here to find
        return "exception", traceback.format_exc()
    finally:
        shutil.rmtree(out, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folders", nargs="*", type=Path, help="more folders of documents to build")
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--formats", default="json,apkg,csv,gift,moodle")
    parser.add_argument("--slowest", type=int, default=5)
    args = parser.parse_args()
    formats = tuple(f.strip() for f in args.formats.split(",") if f.strip())

    work = Path(tempfile.mkdtemp(prefix="quizgen-robustness-"))
    try:
        paths = corpus_documents(args.shared, work / "corpus")
        for folder in args.folders:
            paths += documents(folder)
        megabytes = sum(p.stat().st_size for p in paths) / 2**20
        print(f"{len(paths)} documents, {megabytes:.1f} MB; formats {','.join(formats)}", flush=True)
        timings: list[tuple[float, Path, int]] = []
        outcomes: dict[str, list[tuple[Path, str]]] = {"ok": [], "refused": [], "exception": []}
        start = time.perf_counter()
        for path in paths:
            began = time.perf_counter()
            outcome, detail = build_one(path, work / "out", formats)
            timings.append((time.perf_counter() - began, path, path.stat().st_size))
            outcomes[outcome].append((path, detail))
            if outcome == "exception":
                print(f"EXCEPTION {path}\n{detail}", flush=True)
        elapsed = time.perf_counter() - start
    finally:
        shutil.rmtree(work, ignore_errors=True)

    print(f"built {len(outcomes['ok'])}, refused as bad input {len(outcomes['refused'])}, "
          f"exceptions {len(outcomes['exception'])}")
    for path, reason in outcomes["refused"]:
        print(f"  refused {path.name}: {reason}")
    print(f"{elapsed:.1f} s, {len(paths) / elapsed:.1f} docs/s, {megabytes / elapsed:.2f} MB/s (one process)")
    print("slowest:")
    for seconds, path, size in sorted(timings, reverse=True)[: args.slowest]:
        print(f"  {seconds:6.2f} s  {size / 1024:7.1f} KB  {path.name}")
    sys.exit(1 if outcomes["exception"] else 0)


if __name__ == "__main__":
    main()
