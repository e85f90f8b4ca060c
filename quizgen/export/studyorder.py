"""The order in which Anki shows a deck's new cards, and subdeck names that sort like the text.

Anki shows new cards by their position (a new card's ``due``) and lists subdecks by name. So:

* every subdeck name gets a zero-padded number (``01 一、突出重点，分清主次``; ``00 引言`` for
  the text before the first heading; documents of a merged deck are numbered too), so that
  Anki's name order is the document order;
* within the deck, cards take positions in document order, subdeck after subdeck;
* the cards of one *fact* (a source sentence: a cloze note's cards and the choice and
  true/false items asked about that sentence) are spread apart: a subdeck first gets one card
  of each fact, in document order, then the second card of each fact that has two, and so on.
  (Anki's "bury siblings" only keeps apart the cards of one note.)

Where an item sits in its document comes from its id (``s3-p2-t4-…``: section 3, paragraph 2,
sentence 4; ``s3-list1-…``: a list of section 3, after the section's sentences), so a deck
loaded from a review file orders the same as a fresh build. An item whose id has no location
(written by hand) stays after the item before it.
"""

from __future__ import annotations

import heapq
import re
from collections import deque
from dataclasses import dataclass, field

from ..items import Cloze, Item
from ..lang.markup import numbers
from ..generate import ids
from ..model import Deck

_LOCATION = re.compile(r"s(\d+)(?:-p(\d+)-t(\d+)|-list(\d+))?(?:-|$)")
_SENTENCE_NOTE = re.compile(r"s\d+-p\d+-t\d+-cloze\d*$")
AFTER_SENTENCES = 1 << 30  # paragraph number of a list note: after its section's sentences

Location = tuple[int, int, int]


def location(item_id: str) -> Location | None:
    """``s3-p2-t4-cloze`` -> (3, 2, 4); ``s3-list1-cloze`` -> (3, AFTER_SENTENCES, 1);
    ``s3-…`` -> (3, 0, 0); an id of another form -> None."""
    match = _LOCATION.match(item_id)
    if not match:
        return None
    section, paragraph, sentence, listed = match.groups()
    if listed:
        return int(section), AFTER_SENTENCES, int(listed)
    return int(section), int(paragraph or 0), int(sentence or 0)


def fact_key(item: Item) -> tuple[str, str]:
    return item.document, "".join(item.source.split())


def section_parts(path: tuple[str, ...]) -> list[str]:
    """(文档, 第三条) -> [文档]: the subdeck path of a section below the deck. A section
    known only by its number (第三条, 三、, （三）) gets no subdeck of its own: a regulation of
    140 articles should not become 140 decks; its cards stay in the parent."""
    parts = [p for p in path if p]
    if parts and _NUMBER_ONLY.match(parts[-1]):
        parts.pop()
    return parts


_NUMBER_ONLY = re.compile(r"^(?:第[一二三四五六七八九十百千零〇\d]+[条款项]|[一二三四五六七八九十百\d]+[、.．]"
                          r"|[（(][一二三四五六七八九十\d]+[）)])$")


@dataclass
class StudyPlan:
    """Subdeck names and new-card positions for a deck's enabled items."""

    decks: dict[tuple[str, str], str] = field(default_factory=dict)  # (document, section) -> deck name
    positions: dict[tuple[int, int], int] = field(default_factory=dict)  # (id(item), card ord) -> due
    items: list[Item] = field(default_factory=list)  # the enabled items in study order

    def deck_name(self, item: Item) -> str:
        return self.decks[item.document, item.section]

    def due(self, item: Item, ord_: int) -> int:
        return self.positions[id(item), ord_]


def plan(deck: Deck) -> StudyPlan:
    enabled = [i for i in deck.items if i.enabled]
    where = item_locations(deck, enabled)
    ordered = sorted(enabled, key=lambda item: where[id(item)])
    result = StudyPlan(items=ordered)
    result.decks = deck_names(deck, ordered, where)
    result.positions = card_positions(ordered, result.decks)
    return result


def item_locations(deck: Deck, items: list[Item]) -> dict[int, tuple]:
    """Per item, its sort key: (document number, location of its fact, place in the deck).
    A fact sits where the cloze note of its sentence sits, else at its first item."""
    documents = {d.id: n for n, d in enumerate(deck.documents)}
    own: dict[int, Location] = {}
    last: Location = (0, 0, 0)
    at = {(d.id, s.text): ids.location(d, s.index) for d in deck.documents for s in d.sentences}
    for item in items:
        here = location(item.id)
        if here is not None and here[1] != AFTER_SENTENCES and (item.document, item.source) in at:
            here = location(at[item.document, item.source])  # where its sentence is, not its anchor
        last = own[id(item)] = here or last
    facts: dict[tuple[str, str], Location] = {}
    sentences: dict[tuple[str, str], Location] = {}
    for item in items:
        key, here = fact_key(item), own[id(item)]
        facts[key] = min(facts.get(key, here), here)
        if _SENTENCE_NOTE.match(item.id):
            sentences[key] = min(sentences.get(key, here), here)
    facts.update(sentences)
    return {id(item): (documents.setdefault(item.document, len(documents)), facts[fact_key(item)], n)
            for n, item in enumerate(items)}


def deck_names(deck: Deck, ordered: list[Item], where: dict[int, tuple]) -> dict[tuple[str, str], str]:
    """(document, section) -> ``deck::NN part::NN part``, numbered 01, 02, … in order of
    appearance under each parent (the text before the first heading, section 0, is 00)."""
    merged = len(deck.documents) > 1
    taken: dict[tuple[str, ...], int] = {}  # subdeck path -> number
    last: dict[tuple[str, ...], int] = {}  # parent path -> its last child's number
    paths: dict[tuple[str, str], list[str]] = {}
    # subdecks in the order of the document's sections (an item can sit elsewhere: a
    # question about a heading is asked where the headings are listed)
    index = {(d.id, s.title): s.index for d in deck.documents for s in d.sections}
    for item in sorted(ordered, key=lambda i: (where[id(i)][0], index.get((i.document, i.section), 1 << 30))):
        key = item.document, item.section
        if key in paths:
            continue
        paths[key] = parts = section_parts(deck.section_path(item))
        section = index.get(key, where[id(item)][1][0])
        for level in range(len(parts)):
            path = tuple(parts[:level + 1])
            if path not in taken:
                first = 0 if section == 0 and not (merged and level == 0) else 1
                taken[path] = last[path[:-1]] = max(first, last.get(path[:-1], -1) + 1)
    width = max([2, *(len(str(n)) for n in taken.values())])
    return {key: "::".join([deck.name, *(f"{taken[tuple(parts[:k + 1])]:0{width}d} {part}"
                                         for k, part in enumerate(parts))])
            for key, parts in paths.items()}


def card_ords(item: Item) -> list[int]:
    return [n - 1 for n in numbers(item.text)] if isinstance(item, Cloze) else [0]


def card_positions(ordered: list[Item], decks: dict[tuple[str, str], str]) -> dict[tuple[int, int], int]:
    """(id(item), card ord) -> new-card position: decks in Anki's order (parent before
    subdecks, subdecks by name), in each deck the cards as :func:`spread` orders them."""
    by_deck: dict[str, list[tuple[int, Item]]] = {}
    for index, item in enumerate(ordered):
        by_deck.setdefault(decks[item.document, item.section], []).append((index, item))
    positions: dict[tuple[int, int], int] = {}
    for name in sorted(by_deck, key=lambda name: name.split("::")):
        for item, ord_ in spread(by_deck[name]):
            positions[id(item), ord_] = len(positions) + 1
    return positions


def spread(items: list[tuple[int, Item]]) -> list[tuple[Item, int]]:
    """One deck's cards: one card of each fact in document order, then the second card of
    each fact that has two, and so on. Two cards of one fact are never next to each other
    while the deck has a card of another fact left, and a fact with many cards is brought
    forward (once it has begun) so that the others can keep its cards apart."""
    seen: dict[tuple[str, str], int] = {}
    preferred = []
    for index, item in items:
        fact = fact_key(item)
        for ord_ in card_ords(item):
            seen[fact] = round_ = seen.get(fact, -1) + 1
            preferred.append((round_, index, fact, item, ord_))
    preferred.sort(key=lambda card: card[:2])
    facts = [card[2] for card in preferred]
    queue = deque(range(len(preferred)))  # card numbers in order of preference
    of_fact: dict[tuple[str, str], deque[int]] = {}
    for number, fact in enumerate(facts):
        of_fact.setdefault(fact, deque()).append(number)
    crowded = _Crowded()
    taken = bytearray(len(preferred))
    out: list[tuple[Item, int]] = []
    last = None
    for remaining in range(len(preferred), 0, -1):
        while taken[queue[0]]:
            queue.popleft()
        most = crowded.top(of_fact, excluding=last)
        if most is not None and 2 * len(of_fact[most]) > remaining:
            number = of_fact[most][0]
        else:
            number = next((n for n in queue if not taken[n] and facts[n] != last), queue[0])
        last = facts[number]
        taken[number] = 1
        of_fact[last].popleft()
        crowded.push(last, len(of_fact[last]))
        out.append(preferred[number][3:])
    return out


class _Crowded:
    """The begun fact with the most cards left (a heap with stale entries skipped)."""

    def __init__(self) -> None:
        self.heap: list[tuple[int, int, tuple[str, str]]] = []
        self.count = 0

    def push(self, fact: tuple[str, str], left: int) -> None:
        if left:
            self.count += 1
            heapq.heappush(self.heap, (-left, self.count, fact))

    def top(self, of_fact: dict, excluding) -> tuple[str, str] | None:
        held = []
        found = None
        while self.heap:
            left, _, fact = self.heap[0]
            if -left != len(of_fact[fact]):
                heapq.heappop(self.heap)  # stale
            elif fact == excluding:
                held.append(heapq.heappop(self.heap))
            else:
                found = fact
                break
        for entry in held:
            heapq.heappush(self.heap, entry)
        return found
