"""What a learner must read before a sentence to know what it is about.

A card or question shows one sentence of the text, and a sentence does not always stand
alone: a list item (（二）罪犯犯罪时不满十八周岁的；) needs the lead that announces its
list (有下列情形之一的，可以不适用：), and a sentence that opens with a back-reference
(其、该、此、上述、前款、否则、他们…) needs the sentence it refers to. :func:`context_of`
finds that context, in this order: the sentence itself, the list's lead, the sentence
before; it returns ``None`` when the subject cannot be resolved, and then no item is made
of the sentence.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from ..lang import segment
from .actors import carried_actor, lacks_actor
from ..lang.markers import (
    ARTICLE_MARKER,
    BACK_REFERENCE,
    LIST_MARKER,
    opens_with_reference,
    refers_back,
    strip_markers,
    unnumbered,
)
from ..model import Document, Enumeration, Sentence

__all__ = ["BACK_REFERENCE", "LIST_MARKER", "context_of", "list_of", "opens_with_reference", "previous_sentence",
           "strip_markers"]

MAX_CONTEXT = 90  # characters of context a card may show before its sentence


def context_of(doc: Document, sentence: Sentence, index: ListIndex | None = None) -> str | None:
    """The text to show before ``sentence``: "" when it stands alone, the lead of the list
    it is an item of, or the sentence before it that a back-reference points to; None when
    what it is about cannot be found (or would take too long to read)."""
    lead = ""
    enumeration = list_of(doc, sentence, index)
    if enumeration is not None and not _holds_lead(sentence, enumeration):
        lead = _lead_text(enumeration)
        if not lead:
            return None
    elif enumeration is None and LIST_MARKER.match(ARTICLE_MARKER.sub("", sentence.text)) \
            and not _names_its_subject(strip_markers(sentence.text)):
        return None  # a numbered item of a list not recognised, and not a sentence of its own
    if refers_back(sentence.text):
        if lead:
            return None  # a reference inside a list item: two hops away from its subject
        lead = previous_sentence(doc, sentence)
        if not lead or opens_with_reference(lead):
            return None
    elif not lead and (UNNAMED_FILING.search(sentence.text) or _open_condition(doc, sentence)):
        # 自受理申请之日起…: the application the sentence before names, if there is one (the
        # first sentence of an article speaks of any application under the rule); and the case
        # of a condition that follows a sentence of its paragraph (…，应当报批。需要变更的，应当…:
        # of the judged questions of such sentences, 47 % lacked their subject, 45 % were kept)
        before = doc.sentences[sentence.index - 1] if sentence.index else None
        lead = previous_sentence(doc, sentence) if before is not None and before.paragraph == sentence.paragraph else ""
        if opens_with_reference(lead) or len(lead) > MAX_CONTEXT:
            lead = ""
    return lead if len(lead) <= MAX_CONTEXT else None


# a filing the sentence does not name: 自受理申请之日起 (fresh27: "受理申请 does not say which
# application", 4 of 4 judged deadline notes so; the deadline differs by application); a filing
# named by its kind alone is as unnamed (fresh31: 自收到复议申请之日起, 自收到初审意见之日起, 在交办之日起:
# "does not say which 复议申请", "does not say what is approved")
CONDITION = re.compile(r"^[^，。；：]{1,30}的[，,]")  # a sentence opening with a condition (…的，)
UNNAMED_FILING = re.compile(r"(?:(?:受理|收到|接到)[^，。；、]{0,4}?(?:申请|材料|报告|举报|投诉|意见|请求|申诉|复议|建议)书?"
                            r"|交办)之日起")


def _open_condition(doc: Document, sentence: Sentence) -> bool:
    """The sentence opens with a condition and names no actor, and none is carried from its
    article (因突发事故不能提前通知的，应当…: the actor the article named goes in, :mod:`.actors`).
    fresh53/54, paired: of such items 6 of 16 had been kept, shown after the sentence before 8 of
    11; a sentence that names its actor (…的，人民法院应当…) gained nothing (22 of 31 either way)."""
    return bool(CONDITION.match(strip_markers(sentence.text))) and lacks_actor(sentence.text) \
        and carried_actor(doc, sentence) is None


def _names_its_subject(text: str) -> bool:
    """28.吉林省长春市探索… opens with a name (a place, a body, a person, a thing): it stands
    alone; （一）接收和征集… opens with a verb: it continues a lead."""
    words = segment.tokens(text[:12])
    return bool(words) and words[0].tag[:1] in ("n", "r") and len(words[0].text) >= 2


ListIndex = tuple[list[int], list[tuple[int, Enumeration]]]


def list_index(doc: Document) -> ListIndex:
    """The starts of every list item (headings aside), sorted, each with its enumeration and
    that enumeration's place in the document: :func:`list_of` in a bisection, not a scan."""
    found = sorted((item.start, n, enumeration) for n, enumeration in enumerate(doc.enumerations)
                   if not enumeration.headings for item in enumeration.items)
    return [start for start, _, _ in found], [(n, enumeration) for _, n, enumeration in found]


def list_of(doc: Document, sentence: Sentence, index: ListIndex | None = None) -> Enumeration | None:
    """The enumeration whose item this sentence opens with (its marker starts it); the first
    such enumeration of the document when lists nest."""
    starts, owners = index or list_index(doc)
    head = len(sentence.text) - len(ARTICLE_MARKER.sub("", sentence.text))
    limit = sentence.start + head + 1
    at = bisect_left(starts, sentence.start)
    candidates = [owners[k] for k in range(at, bisect_right(starts, limit))]
    return min(candidates, key=lambda owner: owner[0])[1] if candidates else None


def _holds_lead(sentence: Sentence, enumeration: Enumeration) -> bool:
    """The lead is inside this very sentence (做好…应该具备“四心”：一是责任心…)."""
    return bool(enumeration.intro) and enumeration.intro.strip() in sentence.text


def _lead_text(enumeration: Enumeration) -> str:
    intro = unnumbered(ARTICLE_MARKER.sub("", enumeration.intro.strip()))  # 一、国家教育委员会…其主要职责是：
    # (a lead that refers back itself, 实施前款规定的行为，具有下列情形之一的: two hops from the subject)
    if not intro or refers_back(intro):
        return ""
    return intro if intro.endswith(("：", ":")) else intro.rstrip("，,。；;") + "："


def previous_sentence(doc: Document, sentence: Sentence) -> str:
    """The sentence before, inside the same section (a 款 refers to the one before it)."""
    index = sentence.index - 1
    if index < 0:
        return ""
    before = doc.sentences[index]
    if before.section != sentence.section:
        return ""
    text = ARTICLE_MARKER.sub("", before.text).strip()
    # the last item of a list: a reference after it (前款规定的信息) points to the whole list
    return "" if LIST_MARKER.match(text) else text
