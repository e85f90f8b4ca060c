"""Key-phrase quality benchmark: quizgen against generic keyword extractors.

For the reference article and every annotated document in tests/data/annotated/, prints
- recall: share of annotated key phrases found among quizgen's answers (cloze deletions
  and the correct options of choice/multi questions);
- junk: share of answers that must never be asked (the annotation's junk list, ordinal
  markers, function words, anything with noise characters, and cloze deletions that cut
  through a word as jieba segments the sentence);
- cloze notes per sentence and answers per 1000 characters, to keep the deck humane;
- sibling sets: annotated sibling sets that quizgen found complete, as one set;
- the same recall and junk figures for jieba TF-IDF, TextRank and (if installed)
  jionlp, each taking its top 50, measured in the same run;
- per question type: count, share of distractors drawn from a sibling set, and rule
  violations (duplicate options, an option inside another, the key in the stem,
  option lengths that give the answer away).
Punctuation and its width are ignored when comparing.

    python bench/quality.py [--no-jionlp] [--verbose]
"""

from __future__ import annotations

import argparse
import html
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from quizgen.ingest.clean import clean_text  # noqa: E402
from quizgen.lang.measure import answers_of, cut_through_words  # noqa: E402
from quizgen.model import Source  # noqa: E402
from quizgen.analyse.junk import is_junk  # noqa: E402
from quizgen.build import make_items, process  # noqa: E402
from quizgen.ingest.read import read_source  # noqa: E402

DATA = ROOT / "tests" / "data"
_PUNCT = re.compile(r"[\s，。、；：！？“”‘’（）《》,.;:!?\"'()]")


def bare(text: str) -> str:
    return _PUNCT.sub("", html.unescape(text))


def corpus() -> list[tuple[str, Source, dict]]:
    docs = []
    seed = DATA / "office-work.raw.txt"
    docs.append(("office-work (reference)", Source("办公室工作", seed.read_text(encoding="utf-8")),
                 json.loads((DATA / "office-work.keyphrases.json").read_text(encoding="utf-8"))))
    for ann in sorted((DATA / "annotated").glob("*.keyphrases.json")):
        doc = ann.with_name(ann.name.replace(".keyphrases.json", ".md"))
        docs.append((doc.stem, read_source(doc), json.loads(ann.read_text(encoding="utf-8"))))
    return docs


_MEMBER_SEPARATOR = re.compile(r"[、,，;；]")


def groups_of(items: list) -> list[set[str]]:
    """The answers of each item, bare."""
    return [{bare(a) for a in item.answers()} for item in items]


def asked(phrase: dict, got: set[str], groups: list[set[str]] = ()) -> bool:
    """An annotated key phrase is asked when an answer is one of its accepted spellings, or
    when a spelling is a list (准确捕捉、冷静思索、科学把握) whose members are all answers of
    one item: a note that blanks the list member by member asks the whole list."""
    for spelling in phrase["accept"]:
        if bare(spelling) in got:
            return True
        members = [m for m in map(bare, _MEMBER_SEPARATOR.split(spelling)) if m]
        if len(members) >= 2 and any(all(m in group for m in members) for group in groups):
            return True
    return False


def score(answers: list[str], annotation: dict, broken: list[str] = (),
          groups: list[set[str]] = ()) -> tuple[float, float, int, int]:
    got = {bare(a) for a in answers}
    found = sum(1 for kp in annotation["key_phrases"] if asked(kp, got, groups))
    junk_list = {bare(j) for j in annotation.get("junk", [])}
    junk = sum(1 for a in answers if bare(a) in junk_list or is_junk(a)) + len(broken)
    total = len(annotation["key_phrases"])
    return found / total, (junk / len(answers) if answers else 0.0), found, total


def sets_complete(doc, annotation: dict) -> tuple[int, int, list]:
    ours = [{bare(t) for t in s.texts} for s in doc.sibling_sets]
    missing = []
    for wanted in annotation.get("sibling_sets", []):
        want = {bare(w) for w in wanted}
        if not any(want <= mine for mine in ours):
            missing.append(wanted)
    n = len(annotation.get("sibling_sets", []))
    return n - len(missing), n, missing


def baselines(text: str, use_jionlp: bool, top: int = 50) -> dict[str, list[str]]:
    """Generic keyword extractors' ``top`` phrases for ``text``."""
    import jieba.analyse

    result = {
        "jieba TF-IDF": jieba.analyse.extract_tags(text, topK=top),
        "jieba TextRank": jieba.analyse.textrank(text, topK=top),
    }
    if use_jionlp:
        try:
            import jionlp
        except ImportError:
            pass
        else:
            result["jionlp"] = jionlp.keyphrase.extract_keyphrase(text, top_k=top)
    return result


def question_stats(items, doc) -> dict[str, dict]:
    sibling_texts = {bare(m.text) for s in doc.sibling_sets for m in s.members}
    stats: dict[str, dict] = {}
    for item in items:
        if item.kind == "cloze":
            continue
        entry = stats.setdefault(item.kind, {"count": 0, "distractors": 0, "sibling": 0, "violations": 0})
        entry["count"] += 1
        if item.kind == "judge":
            continue
        options = [bare(o) for o in item.options]
        correct = {options[i] for i in item.answer}
        wrong = [o for o in options if o not in correct]
        entry["distractors"] += len(wrong)
        entry["sibling"] += sum(1 for o in wrong if o in sibling_texts)
        if violations(item, options):
            entry["violations"] += 1
    return stats


def violations(item, options: list[str]) -> list[str]:
    found = []
    if len(set(options)) != len(options):
        found.append("duplicate options")
    for i, a in enumerate(options):
        for j, b in enumerate(options):
            if i != j and a and a in b:
                found.append(f"option inside another: {a} / {b}")
    stem = bare(item.question or "")
    if item.kind == "choice" and any(options[i] in stem for i in item.answer):
        found.append("key in stem")
    if item.kind == "choice":
        key = options[item.answer[0]]
        others = [len(o) for k, o in enumerate(options) if k not in item.answer]
        if others and (len(key) > 2 * max(others) or 2 * len(key) < min(others)):
            found.append("key stands out by length")
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--no-jionlp", action="store_true", help="skip the jionlp baseline (slow to load)")
    parser.add_argument("--verbose", "-v", action="store_true", help="list missed phrases and junk answers")
    args = parser.parse_args()

    totals: dict[str, list[float]] = {}
    qtotals: Counter = Counter()
    for name, source, annotation in corpus():
        start = time.perf_counter()
        doc = process(source)
        items = make_items(doc)
        elapsed = time.perf_counter() - start
        answers = answers_of(items)
        broken = cut_through_words(items)
        recall, junk, found, total = score(answers, annotation, broken, groups_of(items))
        complete, nsets, missing = sets_complete(doc, annotation)
        cloze_notes = sum(1 for i in items if i.kind == "cloze")
        print(f"\n== {name}  ({len(doc.text)} chars, {elapsed:.2f} s)")
        print(f"  {'quizgen':<16} recall {recall:5.2f} ({found}/{total})  junk {junk:5.1%} "
              f"of {len(answers)} answers ({len(broken)} cut through a word)  "
              f"sibling sets complete {complete}/{nsets}")
        print(f"  {'':<16} {cloze_notes} cloze notes for {len(doc.sentences)} sentences, "
              f"{1000 * len(answers) / max(1, len(doc.text)):.0f} answers per 1000 characters")
        totals.setdefault("quizgen", []).append(recall)
        if args.verbose:
            got = {bare(a) for a in answers}
            missed = [kp["accept"][0] for kp in annotation["key_phrases"] if not asked(kp, got, groups_of(items))]
            junk_answers = sorted({a for a in answers if is_junk(a) or bare(a) in
                                   {bare(j) for j in annotation.get("junk", [])}})
            print(f"    missed: {missed}")
            print(f"    junk answers: {junk_answers}")
            print(f"    cut through a word: {broken}")
            print(f"    incomplete sets: {missing}")
        text = clean_text(source.text)
        for base, words in baselines(text, not args.no_jionlp).items():
            r, j, f, t = score(words, annotation)
            print(f"  {base:<16} recall {r:5.2f} ({f}/{t})  junk {j:5.1%} of {len(words)} answers")
            totals.setdefault(base, []).append(r)
        for kind, s in sorted(question_stats(items, doc).items()):
            share = s["sibling"] / s["distractors"] if s["distractors"] else 0.0
            print(f"  {kind:<7} {s['count']:3d} questions  distractors from sibling sets {share:5.1%}"
                  f"  rule violations {s['violations']}")
            qtotals[(kind, "violations")] += s["violations"]
    print("\n== mean recall over all documents")
    for name, values in totals.items():
        print(f"  {name:<16} {sum(values) / len(values):5.2f}  (annotated others: "
              f"{sum(values[1:]) / max(1, len(values) - 1):5.2f})")


if __name__ == "__main__":
    main()
