"""Validate the annotated corpus in bench/corpus/*.json.

For every document file: the required fields are present, genre and split have allowed
values, the text can be read (from the repo, from ../shared next to the repo root, or from a
member of a shared .tar.xz; ../shared is the folder next to the repo root, or next to the
main checkout when this is a git worktree), "chars" matches the text, and every key-phrase accept string
and every sibling item occurs in the text (whitespace ignored, full- and half-width
punctuation treated alike); a junk string missing from the text is only a warning. Prints one row per document and totals per genre and
per split; exits 1 if anything is wrong.

    python bench/corpus/check.py [--quiet] [FILE.json ...]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import tarfile
import unicodedata
from collections import defaultdict
from functools import lru_cache
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent


def _shared_dirs() -> list[Path]:
    """Where ../shared may be: next to this checkout, or, in a git worktree, next to the
    main checkout (QUIZGEN_SHARED or --shared overrides both)."""
    dirs = [ROOT.parent / "shared"]
    dotgit = ROOT / ".git"
    if dotgit.is_file():  # a worktree: "gitdir: <main>/.git/worktrees/<name>"
        text = dotgit.read_text(encoding="utf-8").strip()
        if text.startswith("gitdir:"):
            gitdir = (ROOT / text[len("gitdir:"):].strip()).resolve()
            common = gitdir / "commondir"
            main_git = (gitdir / common.read_text().strip()).resolve() if common.is_file() else gitdir.parent.parent
            dirs.append(main_git.parent.parent / "shared")
    return dirs


SHARED = Path(os.environ["QUIZGEN_SHARED"]) if os.environ.get("QUIZGEN_SHARED") else next(
    (d for d in _shared_dirs() if d.is_dir()), ROOT.parent / "shared")

GENRES = ("office", "handbook", "safety", "rules", "court", "news")
SPLITS = ("train", "test")
KINDS = ("heading", "enumeration", "parallel", "quote", "term", "definition", "figure",
         "deadline", "body", "obligation", "prohibition", "principle", "idiom", "name")
REQUIRED = {"id": str, "title": str, "genre": str, "split": str, "source": str,
            "text": dict, "chars": int, "key_phrases": list, "sibling_sets": list,
            "junk": list, "annotator_notes": str}
ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
# quotes and dashes that NFKC leaves alone but that differ only in width or style
_SAME = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "「": '"', "」": '"',
                       "。": ".", "、": ",", "—": "-", "－": "-", "～": "~", "·": ".",
                       "・": "."})
_SPACE = re.compile(r"\s+")


def norm(text: str) -> str:
    """Text for comparison: NFKC (，；：！？（） become half-width), quotes unified, no spaces."""
    return _SPACE.sub("", unicodedata.normalize("NFKC", text).translate(_SAME))


@lru_cache(maxsize=None)
def _archive(path: Path) -> dict[str, str]:
    with tarfile.open(path) as tar:
        return {m.name: tar.extractfile(m).read().decode("utf-8")
                for m in tar.getmembers() if m.isfile()}


def read_text(spec: dict) -> str:
    """The document's text from its "text" field; raises ValueError if it cannot be read."""
    if set(spec) == {"repo"}:
        path = ROOT / spec["repo"]
    elif set(spec) == {"shared"}:
        path = SHARED / spec["shared"]
    elif set(spec) == {"shared", "member"}:
        archive = SHARED / spec["shared"]
        if not archive.is_file():
            raise ValueError(f"archive not found: {archive}")
        members = _archive(archive)
        member = spec["member"]
        hits = [name for name in members if name == member or name.endswith("/" + member)]
        if len(hits) != 1:
            raise ValueError(f"member {member!r} found {len(hits)} times in {archive.name}")
        return members[hits[0]]
    else:
        raise ValueError(f"text must be {{repo}}, {{shared}} or {{shared, member}}: {spec}")
    if not path.is_file():
        raise ValueError(f"text file not found: {path}")
    return path.read_text(encoding="utf-8")


def sibling_items(entry) -> list:
    """A sibling set is a plain list of items, as in tests/data/annotated and the seed."""
    if not isinstance(entry, list):
        raise ValueError("a sibling set is a list of items")
    return entry


def check(path: Path) -> tuple[dict | None, list[str], list[str]]:
    """(the document or None, problems, warnings) for one annotation file."""
    problems: list[str] = []
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        return None, [f"not readable JSON: {exc}"], []
    if not isinstance(doc, dict):
        return None, ["not a JSON object"], []
    for key, typ in REQUIRED.items():
        if key not in doc:
            problems.append(f"missing field {key!r}")
        elif not isinstance(doc[key], typ) or (typ is str and not doc[key].strip()):
            problems.append(f"field {key!r} should be a non-empty {typ.__name__}")
    if problems:
        return None, problems, []
    if doc["id"] != path.stem:
        problems.append(f"id {doc['id']!r} differs from the file name {path.stem!r}")
    if not ID.match(doc["id"]):
        problems.append(f"id {doc['id']!r} is not lower-case ascii")
    if doc["genre"] not in GENRES:
        problems.append(f"genre {doc['genre']!r} not one of {GENRES}")
    if doc["split"] not in SPLITS:
        problems.append(f"split {doc['split']!r} not one of {SPLITS}")
    try:
        text = read_text(doc["text"])
    except (ValueError, OSError, tarfile.TarError, UnicodeDecodeError) as exc:
        return doc, problems + [str(exc)], []
    if doc["chars"] != len(text):
        problems.append(f"chars {doc['chars']} but the text has {len(text)}")
    plain = norm(text)

    def where(label: str, s) -> None:
        if not isinstance(s, str) or not s.strip():
            problems.append(f"{label}: not a non-empty string: {s!r}")
        elif norm(s) not in plain:
            problems.append(f"{label}: not in the text: {s!r}")

    seen: dict[str, int] = {}
    for i, kp in enumerate(doc["key_phrases"]):
        if not isinstance(kp, dict) or set(kp) != {"kind", "accept"}:
            problems.append(f"key_phrases[{i}] must have exactly 'kind' and 'accept'")
            continue
        if kp["kind"] not in KINDS:
            problems.append(f"key_phrases[{i}]: kind {kp['kind']!r} not one of {KINDS}")
        if not isinstance(kp["accept"], list) or not kp["accept"]:
            problems.append(f"key_phrases[{i}]: accept must be a non-empty list")
            continue
        for s in kp["accept"]:
            where(f"key_phrases[{i}]", s)
        first = norm(kp["accept"][0]) if isinstance(kp["accept"][0], str) else ""
        if first in seen:
            problems.append(f"key_phrases[{i}] repeats key_phrases[{seen[first]}]: {kp['accept'][0]!r}")
        seen.setdefault(first, i)
    for i, entry in enumerate(doc["sibling_sets"]):
        items = sibling_items(entry)
        if not isinstance(items, list) or len(items) < 2:
            problems.append(f"sibling_sets[{i}] needs at least two items")
            continue
        for s in items:
            where(f"sibling_sets[{i}]", s)
    warnings = []
    for s in doc["junk"]:
        if not isinstance(s, str) or not s.strip():
            problems.append(f"junk: not a non-empty string: {s!r}")
        elif norm(s) not in plain:
            warnings.append(f"junk not in the text (allowed): {s!r}")
    return doc, problems, warnings


def main(argv: list[str] | None = None) -> int:
    global SHARED
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path, help="default: bench/corpus/*.json")
    parser.add_argument("--quiet", "-q", action="store_true", help="print problems only")
    parser.add_argument("--shared", type=Path, help=f"the shared folder (default {SHARED})")
    args = parser.parse_args(argv)
    if args.shared:
        SHARED = args.shared.resolve()
    files = args.files or sorted(HERE.glob("*.json"))
    if not files:
        print("no bench/corpus/*.json files", file=sys.stderr)
        return 1
    rows, bad = [], 0
    ids: dict[str, str] = {}
    for path in files:
        doc, problems, warnings = check(path)
        if doc and isinstance(doc.get("id"), str):
            if doc["id"] in ids:
                problems.append(f"id {doc['id']!r} also used by {ids[doc['id']]}")
            ids.setdefault(doc["id"], path.name)
        for p in problems:
            print(f"{path.name}: {p}", file=sys.stderr)
        for w in warnings:
            print(f"{path.name}: warning: {w}", file=sys.stderr)
        bad += bool(problems)
        if doc and all(isinstance(doc.get(k), t) for k, t in REQUIRED.items()):
            rows.append((doc["id"], doc["genre"], doc["split"], doc["chars"], len(doc["key_phrases"])))
    if not args.quiet:
        width = max([len(r[0]) for r in rows] + [2])
        print(f"{'id':<{width}}  {'genre':<8}  {'split':<5}  {'chars':>6}  {'phrases':>7}  {'/1000':>5}")
        for ident, genre, split, chars, n in rows:
            print(f"{ident:<{width}}  {genre:<8}  {split:<5}  {chars:>6}  {n:>7}  {1000 * n / max(chars, 1):5.1f}")
        for label, col in (("genre", 1), ("split", 2)):
            totals: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
            for row in rows:
                t = totals[row[col]]
                t[0] += 1
                t[1] += row[3]
                t[2] += row[4]
            print(f"\nper {label}:")
            for key in sorted(totals):
                docs, chars, n = totals[key]
                print(f"  {key:<8}  {docs:>3} docs  {chars:>7} chars  {n:>5} phrases  "
                      f"{1000 * n / max(chars, 1):5.1f} /1000")
        docs, chars, n = len(rows), sum(r[3] for r in rows), sum(r[4] for r in rows)
        print(f"\ntotal: {docs} docs, {len({r[1] for r in rows})} genres, {chars} chars, {n} phrases")
    if bad:
        print(f"{bad} of {len(files)} files have problems", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
