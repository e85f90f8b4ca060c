"""Automatic counts of the item defects a trainer deletes (issue "Items a trainer keeps").

Builds every document of a corpus split (bench/corpus/, default: test) and the built-in sample
through the command line (JSON export, default options), then counts per defect class:

1 subject     a stem or cloze text that opens with a back-reference (其、该、此、上述、前款、本款、否则、
              他们…) or with the blank itself, or whose text outside the blanks is only a list marker
2 leak        an answer inside the section line shown on the front, a correct option inside the
              stem, a cloze answer visible elsewhere in its own note
3 cut         a deletion that cuts through a word (jieba), a number blanked without its unit, a
              function word / filler / generic verb as the whole blank, a blank over 12 characters
              (outside list notes), more than 5 deletions in a note
4 markup      Markdown, page metadata or an article number as the text, stem or answer
5 repeat      a sentence with more than one cloze note; the same front twice in a deck; a fact
              (source sentence) asked by more than one question
6 distractor  two options equal in value (8年 / 八年), duplicate options, an option of words that are
              not in the text (numbers and figures excepted)
7 position    a true/false statement made false only by swapping list positions

    python bench/defects.py [--split test|train|all] [--show N]

Prints counts per class and kind, per 100 items, and N examples of each class.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench"), str(ROOT / "bench" / "corpus")]

from check import read_text  # noqa: E402
from quality import bare  # noqa: E402

from quizgen import itemchecks  # noqa: E402
from quizgen.lang import markup, segment  # noqa: E402
from quizgen.lang.numerals import parse_number  # noqa: E402

CLASSES = ("subject", "leak", "cut", "markup", "repeat", "distractor", "position")
BACK_REFERENCE = re.compile(r"^(?:[（(]?[一二三四五六七八九十\d]+[)）、.．]|[一二三四五六七八九十]是)?"
                            r"(其|该|此|上述|前款|本款|前述|否则|他们|她们|它们|这些|那些|这样|这种|此外|对此)")
MARKER_ONLY = re.compile(r"^[\s（(]*(第?[一二三四五六七八九十百\d]+[是条款项章节、.．)）]?|[一二三四五六七八九十]是)?[\s：:，,。；;]*$")
BLANK = "（　　）"
STOP = {"其实", "众所周知", "制定", "组织", "进行", "开展", "加强", "做好", "工作", "有关", "相关", "一定", "应当",
        "可以", "必须", "不得", "以及", "或者", "并且", "同时", "因此", "所以", "但是", "而且", "如果", "这样",
        "那么", "我们", "他们", "一些", "各种", "方面", "情况", "问题", "要求", "规定", "实施", "落实"}
UNIT_AFTER = re.compile(r"^(个|年|月|日|天|小时|分钟|周|元|万元|米|厘米|毫米|公里|%|％|人|次|条|项|倍|岁|名|家)")
NUMBER = re.compile(r"^[0-9０-９.．零〇一二三四五六七八九十百千万亿两]+$")
MARKUP = re.compile(r"(^#|##|^title:|责任编辑|<div|</?p>|^第[一二三四五六七八九十百零\d]+条$)")
ORDINAL = re.compile(r"([一二三四五六七八九十]是|（[一二三四五六七八九十]+）|第[一二三四五六七八九十]+[，、])")


def build(paths: list[Path], out: Path) -> list[dict]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    subprocess.run([sys.executable, "-m", "quizgen", "build", *map(str, paths), "-f", "json", "-o", str(out)],
                   env=env, capture_output=True, check=False)
    items = []
    for path in sorted(out.glob("*.json")):
        deck = json.loads(path.read_text(encoding="utf-8"))
        items.extend(dict(item, deck=path.stem) for item in deck["items"])
    return items


def front(item: dict) -> str:
    return item.get("text") or item.get("question") or item.get("statement") or ""


def answers(item: dict) -> list[str]:
    if item["kind"] == "cloze":
        return [d.answer for d in markup.deletions(item.get("text") or "")]
    if item["kind"] in ("choice", "multi"):
        return [item["options"][i] for i in item["answer"]]
    return []


def subject_defect(item: dict) -> bool:
    text = front(item)
    visible = markup.reveal(text) if item["kind"] == "cloze" else text
    if BACK_REFERENCE.match(visible.lstrip("“\"")):
        return True
    if item["kind"] == "cloze":
        parts = markup.parse(text)
        outside = "".join(p for p in parts if not isinstance(p, markup.Deletion))
        first = parts[0] if parts else ""
        return isinstance(first, markup.Deletion) and len(parts) <= 2 or bool(MARKER_ONLY.match(outside))
    return text.startswith(BLANK)


def leak_defect(item: dict) -> bool:
    section = "" if item.get("section_hidden") else bare(item.get("section") or "")  # cards hide it
    said = [bare(a) for a in answers(item) if len(bare(a)) >= 2]
    if any(a in section for a in said):
        return True
    if item["kind"] in ("choice", "multi"):
        return any(a in bare(item.get("question") or "") for a in said)
    if item["kind"] == "cloze":
        parts = markup.parse(item.get("text") or "")
        for i, part in enumerate(parts):
            if isinstance(part, markup.Deletion) and len(bare(part.answer)) >= 2:
                rest = "".join(p.answer if isinstance(p, markup.Deletion) else p for j, p in enumerate(parts) if j != i)
                if bare(part.answer) in bare(rest):
                    return True
    return False


def cut_defect(item: dict) -> bool:
    if item["kind"] != "cloze":
        return False
    text = item.get("text") or ""
    parts = markup.parse(text)
    deletions = [p for p in parts if isinstance(p, markup.Deletion)]
    if len({d.number for d in deletions}) > 5:
        return True
    list_note = "enumeration" in item.get("tags", []) or "quizgen::enumeration" in item.get("tags", [])
    edges, pos = {0}, 0
    for word in segment.cut(markup.reveal(text)):
        pos += len(word)
        edges.add(pos)
    pos = 0
    for i, part in enumerate(parts):
        piece = part.answer if isinstance(part, markup.Deletion) else part
        if isinstance(part, markup.Deletion):
            after = "".join(p.answer if isinstance(p, markup.Deletion) else p for p in parts[i + 1:])
            before = "".join(p.answer if isinstance(p, markup.Deletion) else p for p in parts[:i])
            # a motto asked whole (“不管黑猫白猫，捉到老鼠就是好猫”, 上面端平，下面抹平，左右摆平) is
            # what the mission names worth remembering, as a whole enumerated item is
            motto = itemchecks.motto(before, piece, after)
            if (pos not in edges or pos + len(piece) not in edges or bare(piece) in STOP
                    or (NUMBER.match(piece) and UNIT_AFTER.match(after))
                    or (len(piece) > 12 and not list_note and not motto)):
                return True
        pos += len(piece)
    return False


def markup_defect(item: dict) -> bool:
    return any(MARKUP.search(t.strip()) for t in [front(item), *answers(item)] if t)


def distractor_defect(item: dict, text: str) -> bool:
    options = item.get("options") or []
    if not options:
        return False
    if len({bare(o) for o in options}) < len(options):
        return True
    values = [parse_number(o) for o in options]
    known = [v for v in values if v is not None]
    if len(set(known)) < len(known):
        units = [re.sub(r"[0-9０-９.．零〇一二三四五六七八九十百千万亿两]", "", o) for o in options]
        if len(set(units)) < len(units):
            return True
    correct = set(item["answer"]) if item["kind"] in ("choice", "multi") else set()
    return any(i not in correct and not re.search(r"[0-9零一二三四五六七八九十百千万两]", o)
               and bare(o) not in bare(text) for i, o in enumerate(options))


def position_defect(item: dict) -> bool:
    tags = " ".join(item.get("tags", []))
    return item["kind"] == "judge" and "swap" in tags and bool(ORDINAL.search(item.get("statement") or ""))


def repeats(items: list[dict]) -> set[int]:
    bad: set[int] = set()
    by_sentence: dict[tuple, list[int]] = defaultdict(list)
    by_front: dict[tuple, list[int]] = defaultdict(list)
    questions: dict[tuple, list[int]] = defaultdict(list)
    for i, item in enumerate(items):
        key = (item["deck"], item.get("source") or "")
        if item["kind"] == "cloze":
            by_sentence[key].append(i)
        elif item.get("source"):
            questions[key].append(i)
        by_front[(item["deck"], front(item), tuple(item.get("options") or ()))].append(i)
    for group in [*by_sentence.values(), *questions.values(), *by_front.values()]:
        bad.update(group[1:])
    return bad


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("test", "train", "all"), default="test")
    parser.add_argument("--show", type=int, default=3, help="examples per class")
    args = parser.parse_args()
    annotations = [json.loads(p.read_text(encoding="utf-8")) for p in sorted((ROOT / "bench" / "corpus").glob("*.json"))]
    annotations = [a for a in annotations if args.split == "all" or a["split"] == args.split]
    with tempfile.TemporaryDirectory() as tmp:
        texts, paths = {}, []
        for a in annotations:
            text = read_text(a["text"])
            path = Path(tmp) / "src" / f"{a['id']}.txt"
            path.parent.mkdir(exist_ok=True)
            path.write_text(text, encoding="utf-8")
            texts[a["id"]] = text
            paths.append(path)
        items = build(paths, Path(tmp) / "out")
    found: dict[str, list[int]] = {c: [] for c in CLASSES}
    repeated = repeats(items)
    for i, item in enumerate(items):
        text = texts.get(item["deck"], "")
        checks = {"subject": subject_defect(item), "leak": leak_defect(item), "cut": cut_defect(item),
                  "markup": markup_defect(item), "repeat": i in repeated,
                  "distractor": distractor_defect(item, text), "position": position_defect(item)}
        for name, hit in checks.items():
            if hit:
                found[name].append(i)
    kinds = Counter(item["kind"] for item in items)
    print(f"{len(items)} items from {len(annotations)} documents ({args.split} split): "
          + ", ".join(f"{k} {n}" for k, n in sorted(kinds.items())))
    any_defect = set().union(*found.values())
    print(f"items with any defect: {len(any_defect)} ({100 * len(any_defect) / max(1, len(items)):.0f} per 100)")
    for name in CLASSES:
        per_kind = Counter(items[i]["kind"] for i in found[name])
        print(f"  {name:<10} {len(found[name]):5d}  ({100 * len(found[name]) / max(1, len(items)):4.1f} per 100)  "
              + ", ".join(f"{k} {n}" for k, n in sorted(per_kind.items())))
        for i in found[name][: args.show]:
            shown = front(items[i]).replace("\n", " ")[:90]
            print(f"      [{items[i]['kind']}] {shown}  | {items[i].get('section', '')[:30]}")


if __name__ == "__main__":
    main()
