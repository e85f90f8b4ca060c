"""Mine the stock wording of Chinese regulations (issue 12: filler blanks), read by
quizgen.lang.stock. A learner already knows it from any other rule; blanking it asks nothing
of this text.

- stock lists: the lists (A、B和C, A或者B, as quizgen's list finder reads them) in at least
  ``--list-share`` of a broad corpus of public regulations — 法律、法规, 单位和个人, 滥用职权、
  玩忽职守、徇私舞弊, 查封、扣押、冻结 (quizgen/data/stock_lists.txt: one list a line, its
  items sorted, joined by 、);
- stock phrases: the words and two-word phrases in at least ``--phrase-share`` of them —
  构成犯罪, 情节严重, 赔偿责任, 主管部门 (quizgen/data/stock_phrases.txt). Trainers discarded
  56% of the judged cloze notes whose only blank was one (keep 21%), against 40% (keep 33%)
  of those with another word as their only blank.

    python bench/score/stock.py /path/to/LawRefBook+Laws/repo [--exclude DIR ...]

The repository is github LawRefBook/Laws (the tool library's ``fetch`` brings a snapshot);
its statutes, administrative and local regulations are public documents. Documents named
like one of ``--exclude`` (the fresh measuring sets of bench/judgments) are left out, so
that a measure on them stays one on text the tool has not learnt from; so are the documents
of bench/corpus.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from quizgen.lang import segment  # noqa: E402
from quizgen.lang.chunks import find_lists, find_pair, split_clauses  # noqa: E402
from quizgen.lang.stock import STOCK_LISTS, STOCK_PHRASES, key  # noqa: E402

FOLDERS = ("司法解释", "行政法规", "行政法", "经济法", "社会法", "民法商法", "宪法相关法", "诉讼与非诉讼程序法", "DLC")
_SENTENCE = re.compile(r"[。；;！？!?\n]")
_DATE = re.compile(r"\(\d{4}-\d\d-\d\d\)$")
_HAN_ITEM = re.compile(r"[\u4e00-\u9fff]{1,12}")
_HAN_PHRASE = re.compile(r"[\u4e00-\u9fff]{2,8}")


def titles(folder: Path) -> set[str]:
    return {_DATE.sub("", p.stem) for p in folder.glob("*.md")}


def corpus_titles() -> set[str]:
    """The documents of bench/corpus (train and test): no measure learns from them here."""
    return {json.loads(p.read_text(encoding="utf-8")).get("title", "").replace("（节选）", "")
            for p in (ROOT / "bench" / "corpus").glob("*.json")}


def documents(repo: Path, exclude: set[str]) -> list[str]:
    names = subprocess.run(["git", "-C", str(repo), "-c", "core.quotepath=off", "ls-tree", "-r", "--name-only",
                            "HEAD"], capture_output=True, text=True, check=True).stdout.splitlines()
    return sorted(n for n in names if n.endswith(".md") and not n.endswith("_index.md")
                  and n.split("/")[0] in FOLDERS and not _excluded(_DATE.sub("", Path(n).stem), exclude))


def _excluded(title: str, exclude: set[str]) -> bool:
    """One of ``exclude`` is this document, maybe under a longer or shorter title (关于审理… and
    最高人民法院关于审理…, 北京市保守国家秘密条例（节选）)."""
    return any(t in title or title in t for t in exclude if len(t) >= 6)


def lists_of(text: str) -> set[str]:
    """The keys of every list the finder reads in ``text``."""
    found = set()
    for sentence in _SENTENCE.split(text):
        if "、" not in sentence and not re.search("[和与及或]", sentence):
            continue
        for clause in split_clauses(segment.tokens(sentence)):
            matches = find_lists(clause) if any(t.text == "、" for t in clause) else []
            pair = find_pair(clause)
            found.update(key(i.text for i in m.items) for m in matches + ([pair] if pair else []))
    return found


def phrases_of(text: str) -> set[str]:
    """Every word and two-word phrase of ``text`` (Han characters only, 2 to 8 of them)."""
    words = segment.cut(text)
    grams = set(words) | {a + b for a, b in zip(words, words[1:])}
    return {g for g in grams if _HAN_PHRASE.fullmatch(g)}


def write(path: Path, lines: list[str], what: str, floor: int, total: int) -> None:
    header = (f"# {what}: in at least {floor} of {total} public regulations (LawRefBook/Laws);\n"
              f"# made by bench/score/stock.py.\n")
    path.write_text(header + "".join(line + "\n" for line in lines), encoding="utf-8")
    print(f"{len(lines)} {what.lower()} (in {floor}+ of {total} documents) -> {path}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("repo", type=Path, help="a git directory of LawRefBook/Laws")
    parser.add_argument("--list-share", type=float, default=0.01, help="share of documents a stock list is in")
    parser.add_argument("--phrase-share", type=float, default=0.05, help="share of documents a stock phrase is in")
    parser.add_argument("--exclude", type=Path, nargs="*", default=[], help="folders of documents to leave out")
    args = parser.parse_args()
    exclude = corpus_titles().union(*(titles(f) for f in args.exclude))
    names = documents(args.repo, exclude)
    lists: Counter[str] = Counter()
    phrases: Counter[str] = Counter()
    for n, name in enumerate(names, 1):
        text = subprocess.run(["git", "-C", str(args.repo), "show", f"HEAD:{name}"], capture_output=True,
                              text=True, check=True).stdout
        lists.update(lists_of(text))
        phrases.update(phrases_of(text))
        if n % 500 == 0:
            print(f"{n} of {len(names)} documents", file=sys.stderr)
    floor = max(2, round(args.list_share * len(names)))
    write(STOCK_LISTS, sorted(k for k, c in lists.items() if c >= floor and all(
        _HAN_ITEM.fullmatch(i) for i in k.split("、"))), "Stock lists", floor, len(names))
    floor = max(2, round(args.phrase_share * len(names)))
    write(STOCK_PHRASES, sorted(k for k, c in phrases.items() if c >= floor), "Stock phrases", floor, len(names))

if __name__ == "__main__":
    main()
