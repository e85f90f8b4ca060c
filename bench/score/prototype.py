"""Prototype of a learned "worth asking" score for key-phrase candidates (issue 13).

Trains a logistic regression on the candidates the finders propose for the TRAIN documents of
bench/corpus (label: the candidate's text is an annotated key phrase or sibling-set member) and
reports, on the TEST documents, recall and precision of the top candidates under a budget of
N distinct answers per 1,000 characters, for the learned score against the finders' own score.

    python bench/score/prototype.py [--per-1k 20]     (needs scikit-learn: a development tool)
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT), str(ROOT / "bench"), str(ROOT / "bench" / "corpus")]

from check import read_text  # noqa: E402
from quality import bare  # noqa: E402

from quizgen.build import process  # noqa: E402
from quizgen.lang import segment  # noqa: E402
from quizgen.model import Source  # noqa: E402

KINDS = ("heading", "enumeration", "parallel", "quote", "definition", "idiom", "term", "figure", "clause")
DIGIT = re.compile(r"[0-9０-９零一二三四五六七八九十百千万两]")
UNIT = re.compile(r"[年月日天时分秒元米克条款项次人名个%％]")
FUNCTION_START = re.compile(r"^[的了在和与或及对将把被由从向于以为等]")


def word_frequency():
    import jieba

    tok = jieba.dt
    tok.check_initialized()
    return tok.FREQ, math.log(tok.total)


def features(doc, phrase, freq, log_total, counts, sets) -> list[float]:
    text = phrase.text
    words = [w for w in segment.cut(text) if w.strip()] or [text]
    logs = [math.log(freq.get(w) or 1) - log_total for w in words]
    sentence = doc.sentences[phrase.sentence] if phrase.sentence >= 0 else None
    sibling = sets.get(phrase.set_id)
    row = [1.0 if phrase.kind == k else 0.0 for k in KINDS]
    row += [
        phrase.score,
        math.log(len(text)), float(len(text) <= 4), float(len(text) > 12), float(len(words)),
        min(logs) / 20, sum(logs) / len(logs) / 20,
        float(bool(DIGIT.search(text))), float(bool(DIGIT.search(text) and UNIT.search(text))),
        float(phrase.set_id is not None), math.log(len(sibling.members)) if sibling else 0.0,
        float(sibling is not None and sibling.kind == "enumeration"),
        float(sibling is not None and sibling.kind in ("parallel", "frame")),
        math.log(counts[text]), phrase.sentence / max(1, len(doc.sentences)),
        len(text) / max(1, len(sentence.text)) if sentence else 1.0,
        float(bool(FUNCTION_START.search(text))), float("“" in text or "”" in text),
        float(text.endswith(("的", "了", "等"))), float("，" in text or "、" in text),
    ]
    return row


def candidates(annotation: dict):
    text = read_text(annotation["text"])
    doc = process(Source(annotation["title"], text))
    wanted = {bare(s) for kp in annotation["key_phrases"] for s in kp["accept"]}
    wanted |= {bare(m) for group in annotation.get("sibling_sets", []) for m in group}
    return doc, wanted


def table(split: str, freq, log_total):
    rows = []
    for path in sorted((ROOT / "bench" / "corpus").glob("*.json")):
        annotation = json.loads(path.read_text(encoding="utf-8"))
        if annotation["split"] != split:
            continue
        doc, wanted = candidates(annotation)
        counts = Counter(p.text for p in doc.phrases)
        sets = {s.id: s for s in doc.sibling_sets}
        X = [features(doc, p, freq, log_total, counts, sets) for p in doc.phrases]
        y = [int(bare(p.text) in wanted) for p in doc.phrases]
        rows.append((annotation, doc, X, y))
    return rows


def at_budget(annotation, doc, scores, per_1k: float) -> tuple[float, float, int]:
    budget = max(1, round(per_1k * len(doc.text) / 1000))
    chosen, seen = [], set()
    for score, phrase in sorted(zip(scores, doc.phrases), key=lambda sp: -sp[0]):
        key = bare(phrase.text)
        if key not in seen:
            seen.add(key)
            chosen.append(key)
        if len(chosen) == budget:
            break
    got = set(chosen)
    found = sum(1 for kp in annotation["key_phrases"] if any(bare(s) in got for s in kp["accept"]))
    wanted = {bare(s) for kp in annotation["key_phrases"] for s in kp["accept"]}
    wanted |= {bare(m) for group in annotation.get("sibling_sets", []) for m in group}
    return found / len(annotation["key_phrases"]), sum(c in wanted for c in chosen) / len(chosen), budget


def main() -> None:
    from sklearn.linear_model import LogisticRegression

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--per-1k", type=float, default=20)
    args = parser.parse_args()
    freq, log_total = word_frequency()
    train, test = table("train", freq, log_total), table("test", freq, log_total)
    X = [x for _, _, xs, _ in train for x in xs]
    y = [v for _, _, _, ys in train for v in ys]
    model = LogisticRegression(max_iter=2000, C=1.0, class_weight="balanced").fit(X, y)
    print(f"trained on {len(train)} documents, {len(y)} candidates ({sum(y)} positive)")
    totals = {"finder score": [], "learned": []}
    for annotation, doc, xs, ys in test:
        learned = model.predict_proba(xs)[:, 1] if xs else []
        own = [p.score for p in doc.phrases]
        cand_recall = sum(1 for kp in annotation["key_phrases"]
                          if any(bare(s) in {bare(p.text) for p in doc.phrases} for s in kp["accept"]))
        line = [f"{annotation['id'][:40]:<40} candidates {len(ys):5d} (recall {cand_recall / len(annotation['key_phrases']):.2f})"]
        for name, scores in (("finder score", own), ("learned", learned)):
            r, p, budget = at_budget(annotation, doc, list(scores), args.per_1k)
            totals[name].append((r, p))
            line.append(f"{name} {r:.2f}/{p:.2f}")
        print("  ".join(line) + f"  budget {budget}")
    for name, values in totals.items():
        print(f"mean {name:<13} recall {sum(r for r, _ in values) / len(values):.2f}  "
              f"precision {sum(p for _, p in values) / len(values):.2f}  (test split, {args.per_1k:g} answers/1k chars)")


if __name__ == "__main__":
    main()
