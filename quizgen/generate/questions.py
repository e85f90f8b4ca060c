"""Items stage, questions: 单项选择题 (choice), 多项选择题 (multi) and 判断题 (judge),
built from the document's structure and sibling sets.

Stems come from the text's own frames (对下协调要在什么上下功夫？), enumerations
(协调包括哪些？ / ……不包括下列哪一项？ / 第三个是？), section headings (“…”说的是哪一方面
的内容？), names (办公室的另一个名称叫什么？) and figures. False statements are made by
swapping a slot with a sibling, so they are false by construction.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

from . import distractors
from .cloze import _location
from ..items import Choice, Item, Judge, Multi
from ..model import Document, Phrase, SiblingSet, to_chinese_numeral

OPTIONS = 4


@dataclass
class _Builder:
    doc: Document
    seed: int

    def __post_init__(self) -> None:
        self.items: list[Item] = []
        self.positions = _Balancer(self.seed)
        self.sets = {s.id: s for s in self.doc.sibling_sets}
        self.set_keys = self._keys((s.id, s.members[0], _SET_TAG.get(s.kind, s.kind))
                                   for s in self.doc.sibling_sets)
        self.phrase_keys = self._keys((id(p), p, p.kind) for p in self.doc.phrases)

    def _keys(self, entries) -> dict:
        """Stable keys from location: '<sentence location>-<tag><n>', n counting the
        entries of that tag that start in the same sentence."""
        keys, seen = {}, {}
        for ident, anchor, tag in entries:
            prefix = f"{self.loc(anchor)}-{tag}"
            seen[prefix] = seen.get(prefix, 0) + 1
            keys[ident] = f"{prefix}{seen[prefix]}"
        return keys

    def set_key(self, sibling: SiblingSet) -> str:
        return self.set_keys[sibling.id]

    def phrase_key(self, phrase: Phrase) -> str:
        return self.phrase_keys[id(phrase)]

    def rng(self, key: str) -> random.Random:
        return random.Random(f"{self.seed}:{self.doc.id}:{key}")

    # -- helpers ------------------------------------------------------------------
    def section_title(self, phrase: Phrase) -> str:
        return self.doc.sections[phrase.section].title

    def sentence(self, phrase: Phrase) -> str:
        return self.doc.sentences[phrase.sentence].text if phrase.sentence >= 0 else phrase.text

    def explain(self, phrase: Phrase | None, extra: str = "") -> str:
        parts = []
        if extra:
            parts.append(extra)
        if phrase is not None:
            parts.append(f"原文：“{self.sentence(phrase)}”（{self.section_title(phrase)}）")
        return "".join(parts)

    def loc(self, phrase: Phrase) -> str:
        if phrase.sentence < 0:
            return f"s{phrase.section}"
        return _location(self.doc, phrase.sentence)

    def add_choice(self, key: str, stem: str, correct: str, wrong: list[str], anchor: Phrase,
                   explanation: str, tags: list[str]) -> None:
        if len(wrong) < OPTIONS - 1 or _leaks(stem, [correct]):
            return
        options = wrong[: OPTIONS - 1]
        rng = self.rng(key)
        rng.shuffle(options)
        position = self.positions.next()
        options.insert(position, correct)
        self.items.append(Choice(id=key, section=self.section_title(anchor),
                               source=self.sentence(anchor), question=stem, options=options,
                               answer=[position], explanation=explanation, tags=tags))

    def add_multi(self, key: str, stem: str, correct: list[str], wrong: list[str], anchor: Phrase,
                  explanation: str, tags: list[str]) -> None:
        if len(correct) < 2 or not wrong or _leaks(stem, correct):
            return
        options = correct + wrong
        self.rng(key).shuffle(options)
        answer = sorted(options.index(c) for c in correct)
        self.items.append(Multi(id=key, section=self.section_title(anchor),
                               source=self.sentence(anchor), question=stem, options=options,
                               answer=answer, explanation=explanation, tags=tags))

    def add_judge(self, key: str, statement: str, truth: bool, anchor: Phrase, explanation: str,
                  tags: list[str]) -> None:
        self.items.append(Judge(id=key, section=self.section_title(anchor),
                               source=self.sentence(anchor), statement=statement, answer=truth,
                               explanation=explanation, tags=tags))


_SET_TAG = {"headings": "headings", "enumeration": "list", "frame": "frame", "parallel": "parallel"}


class _Balancer:
    """Spreads the correct option's position evenly over A–D across a quiz, in an order
    that depends on the seed."""

    def __init__(self, seed: int):
        self.rng = random.Random(f"positions:{seed}")
        self.queue: list[int] = []

    def next(self) -> int:
        if not self.queue:
            self.queue = list(range(OPTIONS))
            self.rng.shuffle(self.queue)
        return self.queue.pop()


def _leaks(stem: str, answers: list[str]) -> bool:
    """The key must never appear verbatim in the stem."""
    flat = distractors.bare(stem)
    return any(distractors.bare(a) and distractors.bare(a) in flat for a in answers)


def _q(text: str) -> str:
    """Tidy a stem: no doubled punctuation, ends with ？ unless it has a blank."""
    text = re.sub(r"[，。；：]+(?=[？])", "", text.strip())
    return text


def _stripped(text: str) -> str:
    return text.rstrip("：:，,。；; ")


# ---------------------------------------------------------------------------------
# Frames: 对上协调要在创新上下功夫 …


def frame_questions(b: _Builder) -> None:
    for sibling in b.doc.sibling_sets:
        if sibling.kind != "frame" or not sibling.subjects or len(sibling.members) < 2:
            continue
        slots = sibling.frame.count("{}")
        for i, member in enumerate(sibling.members):
            subject = sibling.subjects[i]
            stem_frame = sibling.frame
            if slots == 2:
                stem = stem_frame.replace("{}", _bare_subject(subject, stem_frame), 1).replace("{}", "什么", 1)
                statement_for = lambda value, s=subject, f=stem_frame: (  # noqa: E731
                    f.replace("{}", _bare_subject(s, f), 1).replace("{}", value, 1))
            else:
                stem = f"{subject}，什么{stem_frame.replace('{}', '')}" if subject else ""
                statement_for = lambda value, s=subject, f=stem_frame: f"{s}，{f.replace('{}', value)}"  # noqa: E731
            if not stem:
                continue
            key = f"{b.set_key(sibling)}-m{i + 1}"
            others = [m.text for m in sibling.members if m is not member]
            picks = distractors.choose(member.text, b.doc, sibling, "parallel", OPTIONS - 1,
                                       b.rng(key), forbidden=[], near=member.start)
            b.add_choice(f"{key}-choice", _q(stem + "？"), member.text, [p.text for p in picks],
                         member, b.explain(member), ["frame", *_tiers(picks)])
            b.add_judge(f"{key}-judge-true", statement_for(member.text) + "。", True, member,
                        b.explain(member), ["frame"])
            if others:
                wrong = others[(i + 1) % len(others)] if len(others) > 1 else others[0]
                b.add_judge(f"{key}-judge-false", statement_for(wrong) + "。", False, member,
                            b.explain(member, f"应为“{member.text}”。"), ["frame", "swap"])


def frame_statement_questions(b: _Builder) -> None:
    """多选: 下列说法中，正确的有？ — true statements of a frame mixed with swapped ones."""
    for sibling in b.doc.sibling_sets:
        if sibling.kind != "frame" or not sibling.subjects or len(sibling.members) < 3:
            continue
        frame = sibling.frame
        two_slots = frame.count("{}") == 2

        def statement(subject: str, value: str) -> str:
            if two_slots:
                return frame.replace("{}", _bare_subject(subject, frame), 1).replace("{}", value, 1)
            return f"{subject}，{frame.replace('{}', value)}"

        values = [m.text for m in sibling.members]
        n = len(values)
        rng = b.rng(f"frame-multi-{sibling.members[0].start}")
        true_idx = sorted(rng.sample(range(n), min(n - 1, 3)))
        false_idx = [i for i in range(n) if i not in true_idx][:1] or [true_idx.pop()]
        options = [(statement(sibling.subjects[i], values[i]), True) for i in true_idx]
        for i in false_idx:
            options.append((statement(sibling.subjects[i], values[(i + 1) % n]), False))
        rng.shuffle(options)
        texts = [o for o, _ in options]
        answer = [k for k, (_, ok) in enumerate(options) if ok]
        first = sibling.members[0]
        wrong_note = "；".join(f"{statement(sibling.subjects[i], values[i])}" for i in false_idx)
        b.items.append(Multi(id=f"{b.set_key(sibling)}-multi", section=b.section_title(first),
                            source=b.sentence(first), question="下列说法中，正确的有？", options=texts,
                            answer=answer, explanation=f"原文为：{wrong_note}。", tags=["frame", "swap"]))


def _bare_subject(subject: str, frame: str) -> str:
    """对上协调 in a frame '{}协调要在{}上下功夫' fills the slot with 对上."""
    fixed = frame.split("{}")
    after = fixed[1] if len(fixed) > 1 else ""
    for n in range(len(after), 0, -1):
        if subject.endswith(after[:n]) and len(subject) > n:
            return subject[:-n]
    return subject


# ---------------------------------------------------------------------------------
# Enumerations: 协调包括哪些？ 第三个是？ 不包括下列哪一项？


def enumeration_questions(b: _Builder) -> None:
    for sibling in b.doc.sibling_sets:
        if sibling.kind not in ("enumeration", "headings") or len(sibling.members) < 3:
            continue
        lead = _lead(b, sibling)
        if not lead or not _askable(b, sibling, lead):
            continue
        first = sibling.members[0]
        base = b.set_key(sibling)
        members = [m.text for m in sibling.members]
        kind = "heading" if sibling.kind == "headings" else "enumeration"
        rng = b.rng(base)
        outsiders = [p.text for p in distractors.choose(members[0], b.doc, sibling, kind, 3, rng,
                                                        forbidden=members, exclude_siblings=True,
                                                        near=first.start)]
        markers = _markers(b, sibling)
        # position matters in 一是…二是… and among headings; in （一）（二） lists of a
        # regulation it does not, and a swapped position would still read as true
        if markers and (sibling.kind == "headings" or all(m.endswith(("是", "要")) for m in markers)):
            for i, member in enumerate(sibling.members):
                stem = f"{lead}：{markers[i]}（　　）。"
                wrong = [m for m in members if m != member.text]
                b.rng(f"{base}{i}").shuffle(wrong)
                b.add_choice(f"{base}-ord{i + 1}-choice", stem, member.text, wrong, member,
                             b.explain(member), [kind, "sibling"])
                other = members[(i + 1) % len(members)]
                b.add_judge(f"{base}-ord{i + 1}-judge-true", f"{lead}：{markers[i]}{_quoted(member.text)}。",
                            True, member, b.explain(member), [kind])
                b.add_judge(f"{base}-ord{i + 1}-judge-false", f"{lead}：{markers[i]}{_quoted(other)}。",
                            False, member, b.explain(member, f"{markers[i]}“{member.text}”。"), [kind, "swap"])
        if outsiders:
            shown = members if len(members) <= 5 else sorted(rng.sample(members, 4), key=members.index)
            wrong = outsiders[: max(1, 6 - len(shown))][:2]
            stem = _which(lead, "哪些") or (f"{lead}，包括下列哪些？" if not lead.endswith(_LIST_VERBS)
                                           else f"{lead}哪些？")
            b.add_multi(f"{base}-multi", _q(stem), shown, wrong, first,
                        b.explain(first, "正确选项：" + "、".join(shown) + "。"), [kind])
            if lead.startswith("除"):
                continue  # 除下列情形外…: a negative form or a membership statement would not read
            kept = sorted(rng.sample(members, 3), key=members.index)
            stem = (f"{lead}，不包括下列哪一项？" if not lead.endswith(_LIST_VERBS)
                    else f"{lead[:-2]}不{lead[-2:]}下列哪一项？")
            b.add_choice(f"{base}-not-choice", _q(stem), outsiders[0], kept, first,
                         b.explain(first, f"“{outsiders[0]}”不在其中。"), [kind, "negative"])
            if not markers or not all(m.endswith(("是", "要")) for m in markers):
                # judge: a true membership statement and a false one with an outsider
                false_members = list(members)
                swap = len(members) // 2
                false_members[swap] = outsiders[0]
                b.add_judge(f"{base}-judge-true", _membership(lead, members), True, first,
                            b.explain(first), [kind])
                b.add_judge(f"{base}-judge-false", _membership(lead, false_members), False, first,
                            b.explain(first, f"应为“{members[swap]}”，而不是“{outsiders[0]}”。"),
                            [kind, "swap"])


_LIST_VERBS = ("包括", "包含", "分为")
_UNBALANCED = re.compile(r"[“”‘’《》（）()「」]")


_LIST_WORD = re.compile(r"下列(?=[\u4e00-\u9fff])")


def _which(lead: str, word: str) -> str:
    """A lead that says 下列材料 asks 哪些材料 (word='哪些')."""
    if not _LIST_WORD.search(lead):
        return ""
    return _LIST_WORD.sub(word, lead, count=1) + "？"


def _askable(b: _Builder, sibling: SiblingSet, lead: str) -> bool:
    """Only lists a stem can be made of: items that are clean phrases, announced by a
    short lead (做好办公室工作，应该具备“四心”; 协调包括). A list inside a long sentence
    stays a cloze note."""
    if any(len(m.text) > 20 or _UNBALANCED.search(m.text) or m.text.endswith("等")
           for m in sibling.members):
        return False
    if sibling.kind == "headings" or len({m.sentence for m in sibling.members}) > 1:
        return len(lead) <= 90
    return lead.endswith(_LIST_VERBS) and len(lead) <= 20 and not _UNBALANCED.search(lead)


def _quoted(text: str) -> str:
    return f"“{text}”" if "，" in text else text


def _membership(lead: str, members: list[str]) -> str:
    listed = "、".join(_quoted(m) for m in members[:-1]) + "和" + _quoted(members[-1])
    if lead.endswith(_LIST_VERBS):
        return f"{lead}{listed}。"
    return f"{lead}，包括{listed}。"


def _markers(b: _Builder, sibling: SiblingSet) -> list[str]:
    """The ordinal markers written before the items (一是, 二要, （三）…), if all have one."""
    from .cloze import member_markers

    markers = member_markers(b.doc, sibling)
    return markers if all(markers) else []


def _lead(b: _Builder, sibling: SiblingSet) -> str:
    from .cloze import _lead as cloze_lead

    lead = _stripped(cloze_lead(b.doc, sibling))
    lead = re.sub(r"^(?:第[一二三四五六七八九十百零〇\d]+条\s*|[一二三四五六七八九十]+、)", "", lead)
    lead = lead.replace("以下", "")
    if not lead and sibling.kind == "headings" and sibling.count:
        lead = f"本文的{to_chinese_numeral(sibling.count)}个部分"
    return lead


# ---------------------------------------------------------------------------------
# Which section is a phrase about? Names and figures.


def section_questions(b: _Builder) -> None:
    headings = next((s for s in b.doc.sibling_sets if s.kind == "headings"), None)
    if headings is None or len(headings.members) < OPTIONS:
        return
    by_section = {m.section: m for m in headings.members}
    asked = "说的是哪一方面的内容？" if "方面" in headings.label else "出自下列哪一部分？"
    listed = {m.text for s in b.doc.sibling_sets if s.kind in ("enumeration", "frame") for m in s.members}
    seen_sentences: set[int] = set()
    for phrase in b.doc.phrases:
        if phrase.kind not in ("parallel", "quote") or phrase.set_id is not None and phrase.kind == "parallel" \
                and b.sets[phrase.set_id].label != phrase.text:
            continue
        if phrase.section not in by_section or phrase.sentence in seen_sentences or len(phrase.text) < 4:
            continue
        if phrase.set_id is not None and b.sets[phrase.set_id].kind == "frame":
            continue
        parts = [m.text for m in b.sets[phrase.set_id].members] if phrase.set_id is not None else []
        if parts and all(p in listed for p in parts):
            continue
        seen_sentences.add(phrase.sentence)
        heading = by_section[phrase.section]
        wrong = [m.text for m in headings.members if m is not heading]
        b.rng(f"sec{phrase.start}").shuffle(wrong)
        stem = f"“{phrase.text}”{asked}"
        b.add_choice(f"{b.loc(phrase)}-section-choice", stem, heading.text, wrong, phrase,
                     b.explain(phrase), ["heading", "sibling"])


_NAMING = re.compile(r"(?:叫|叫做|称为|称作|名为|简称|又称|俗称)“$")


def naming_questions(b: _Builder) -> None:
    for phrase in b.doc.phrases:
        if phrase.kind != "quote":
            continue
        before = b.doc.text[max(0, phrase.start - 4): phrase.start]
        if not _NAMING.search(before):
            continue
        sentence = b.doc.sentences[phrase.sentence]
        stem_head = b.doc.text[sentence.start: phrase.start - 1]
        stem_head = re.split(r"[。；！？]", stem_head)[-1]
        key = f"{b.phrase_key(phrase)}-name"
        picks = distractors.choose(phrase.text, b.doc, None, "quote", OPTIONS - 1, b.rng(key),
                                   near=phrase.start)
        b.add_choice(f"{key}-choice", _q(f"{stem_head}什么？"), phrase.text, [p.text for p in picks], phrase,
                     b.explain(phrase), ["quote", *_tiers(picks)])


def figure_questions(b: _Builder) -> None:
    for phrase in b.doc.phrases:
        if phrase.kind != "figure" or not re.search(r"\d|[一二三四五六七八九十百千]", phrase.text):
            continue
        sentence = b.doc.sentences[phrase.sentence]
        clause_start = max(sentence.text.rfind(p, 0, phrase.start - sentence.start) for p in "，；：。") + 1
        clause_end = min([i for i in (sentence.text.find(p, phrase.end - sentence.start) for p in "，；。")
                          if i >= 0] or [len(sentence.text)])
        clause = sentence.text[clause_start:clause_end]
        marker = re.match(r"第[一二三四五六七八九十百千零〇\d]+条\s*", clause)
        if marker and marker.end() <= phrase.start - sentence.start - clause_start:
            clause_start += marker.end()
            clause = clause[marker.end():]
        local = phrase.start - sentence.start - clause_start
        stem = clause[:local] + "（　　）" + clause[local + len(phrase.text):]
        if len(clause) < len(phrase.text) + 4:
            continue
        key = b.phrase_key(phrase)
        picks = distractors.choose(phrase.text, b.doc, None, "figure", OPTIONS - 1, b.rng(key),
                                   near=phrase.start)
        b.add_choice(f"{key}-choice", stem + "。", phrase.text, [p.text for p in picks], phrase,
                     b.explain(phrase), ["figure", *_tiers(picks)])


def _tiers(picks: list[distractors.Pick]) -> list[str]:
    return sorted({f"distractor::{ {1: 'sibling', 2: 'document', 3: 'dictionary'}[p.tier] }".replace(" ", "")
                   for p in picks})


def question_items(doc: Document, seed: int = 0) -> list[Item]:
    """All choice, multi and judge items of a document, deterministic for ``seed``."""
    builder = _Builder(doc, seed)
    enumeration_questions(builder)
    frame_questions(builder)
    frame_statement_questions(builder)
    section_questions(builder)
    naming_questions(builder)
    figure_questions(builder)
    return builder.items
