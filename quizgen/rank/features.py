"""What the item score looks at: features of an item and its document that carry across
genres (its kind and the generator that made it, how many blanks and how long, whether its
answers are key phrases the finders found and of which kind, sibling sets, rarity of the
answer's words in jieba's dictionary, numbers, where it sits in the text)."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable

from ..generate.ids import location, sentence_location
from ..generate.subjects import list_index
from ..itemchecks import bare
from ..items import Cloze, Item
from ..lang import markup, segment
from ..model import Document, Phrase, Sentence

TAGS = ("enumeration", "clause", "heading", "frame", "sibling", "swap", "parallel", "term", "idiom",
        "quote", "negative", "definition", "figure", "section", "name", "obligation", "prohibition",
        "turned", "body")
PHRASE_KINDS = ("heading", "enumeration", "parallel", "quote", "definition", "idiom", "term", "figure", "clause",
                "body")
MAX_PHRASE = 12  # characters of the word-like key phrases a blank must not cut
OPENING_SENTENCES = 2  # of a body, besides its title, that may name the organisation it speaks for (我校)
DIGIT = re.compile(r"[0-9０-９零一二三四五六七八九十百千万两]")



class DocumentFacts:
    """What the features need of a document, computed once: its phrases by text, word
    frequencies, how often a text occurs."""

    def __init__(self, doc: Document):
        self.doc = doc
        self.phrases: dict[str, list[Phrase]] = {}  # by text without punctuation
        for phrase in doc.phrases:
            self.phrases.setdefault(bare(phrase.text), []).append(phrase)
        self.sets = {s.id: s for s in doc.sibling_sets}
        tokenizer = segment.tokenizer()
        tokenizer.check_initialized()
        self.freq, self.log_total = tokenizer.FREQ, math.log(tokenizer.total)
        self.sentence_of = {s.text: s for s in doc.sentences}
        # by location (s3-p2-t4): a sentence a text repeats word for word (（四）违法所得五千元以上…的；
        # in two articles) is the one the item's id names, with its own article and list
        self.sentence_at = {location(doc, s.index): s for s in doc.sentences}
        self.bare_text = bare(doc.text)  # for "is it in the text?"
        self.titles = {section.title for section in doc.sections}
        self.doc_title = bare(doc.title)  # the deck's and the paper's name: a learner reads it
        self.opening = [s.text for s in doc.sentences[:OPENING_SENTENCES]]  # which may name who speaks (我校)
        self.lists = list_index(doc)
        self._counts: dict[str, int] = {}
        self.blank_scores: dict[tuple[str, str, str], float] = {}  # (before, answer, after): quizgen.rank.blanks
        # word-like key phrases (no punctuation inside): a blank must not cut one in two
        self.phrase_texts = frozenset(p.text for p in doc.phrases if 2 <= len(p.text) <= MAX_PHRASE
                                      and not re.search(r"[，、；：。“”《》（）]", p.text))

    def sentence_for(self, item: Item) -> Sentence | None:
        """The sentence ``item`` was made from: the one at the location its id starts with when
        that sentence says the item's source, else the first that does."""
        at = sentence_location(item.id)
        sentence = self.sentence_at.get(at) if at else None
        if sentence is not None and sentence.text == item.source:
            return sentence
        return self.sentence_of.get(item.source)

    def in_title(self, text: str) -> bool:
        """``text`` (two characters or more) is in the document's title: the deck's name shows it;
        so is the title's topic with a generic head (节约用水[措施] in 威海市节约用水条例, 文物保护[工作]:
        fresh22/23, fresh28/29, judged "guessable from the regulation's topic")."""
        flat = bare(text)
        topic = _GENERIC_HEAD.sub("", flat)
        return (len(flat) >= 2 and flat in self.doc_title) or (len(topic) >= 4 and topic != flat and topic in self.doc_title)

    def count(self, text: str) -> int:
        """How often ``text`` occurs in the document (counted once per distinct text)."""
        found = self._counts.get(text)
        if found is None:
            found = self._counts[text] = self.doc.text.count(text)
        return found

    def rarity(self, text: str) -> float:
        """How rare the rarest word of ``text`` is in jieba's dictionary (0 common … 1 rare)."""
        words = [w for w in segment.cut(text) if w.strip()] or [text]
        logs = [math.log(self.freq.get(w) or 1) - self.log_total for w in words]
        return min(1.0, -min(logs) / 20)


_GENERIC_HEAD = re.compile(r"(?:措施|工作|制度|活动|事项|情况|管理|行为)$")


def features(item: Item, facts: DocumentFacts) -> dict[str, float]:
    """The item's features by name (missing names count as 0)."""
    said = item.answers()
    row: dict[str, float] = {f"kind={item.kind}": 1.0}
    tags = {t.removeprefix("quizgen::") for t in item.tags}
    row.update({f"tag={t}": 1.0 for t in TAGS if t in tags})
    row.update(_answer_features(said, facts))
    row.update(_place_features(item, facts))
    if isinstance(item, Cloze):
        row["blanks"] = math.log(len(markup.numbers(item.text)) or 1)
    return row


def _answer_features(said: Iterable[str], facts: DocumentFacts) -> dict[str, float]:
    said = [a for a in said if a.strip()]
    if not said:
        return {"no-answer": 1.0}
    lengths = [len(bare(a)) for a in said]
    matched = [facts.phrases.get(bare(a), []) for a in said]
    row = {
        "answer-length": math.log(1 + sum(lengths) / len(lengths)),
        "answer-short": sum(n <= 4 for n in lengths) / len(lengths),
        "answer-long": sum(n > 12 for n in lengths) / len(lengths),
        "rarity": max(facts.rarity(a) for a in said),
        "number": sum(bool(DIGIT.search(a)) for a in said) / len(said),
        "phrase-share": sum(bool(m) for m in matched) / len(said),
        "phrase-score": max((p.score for m in matched for p in m), default=0.0),
        "in-set": sum(any(p.set_id is not None for p in m) for m in matched) / len(said),
        "all-phrases": float(all(matched)),
        "set-members": math.log(1 + sum(any(p.set_id is not None for p in m) for m in matched)),
        "answers": math.log(len(said)),
        "repeated": math.log(1 + max(facts.count(a) for a in said)),
    }
    kinds = {p.kind for m in matched for p in m}
    row.update({f"phrase={k}": 1.0 for k in PHRASE_KINDS if k in kinds})
    return row


def _place_features(item: Item, facts: DocumentFacts) -> dict[str, float]:
    sentence = facts.sentence_for(item)
    count = max(1, len(facts.doc.sentences))
    return {
        "position": (sentence.index / count) if sentence else 0.5,
        "source-length": math.log(1 + len(item.source)),
        "heading-source": float(item.source in facts.titles),
    }

