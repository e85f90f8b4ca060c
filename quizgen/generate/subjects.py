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

from ..lang import segment
from ..model import Document, Enumeration, Sentence

# 其中/其他/其次/其实 are not references to what came before; 这/那 only as a pronoun
BACK_REFERENCE = re.compile(
    r"^(?:其(?![他它次实余])|该|此(?!外)|上述|前款|前述|前条|本款|上款|否则|对此"
    r"|他们|她们|它们|他(?=[们的])|它|这些|那些|这样|这种|这个|这是|这就|这也|那么|如此|由此|因此|为此"
    r"|但|且|并且|而且|同时|另外|此外|也(?!就是说)|就是因为|不但|还应)")  # a clause continued
LIST_MARKER = re.compile(r"^\s*(?:[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十]{1,3}[是要]"
                         r"|\d{1,2}[.．、](?!\d)|[①-⑳]|第[一二三四五六七八九十]{1,3}[，、,])")
ARTICLE_MARKER = re.compile(r"^\s*第[一二三四五六七八九十百零〇\d]+条\s*")
MAX_CONTEXT = 90  # characters of context a card may show before its sentence


def opens_with_reference(text: str) -> bool:
    """其职责是… / 上述材料… / 否则…: the sentence leans on one before it."""
    return bool(BACK_REFERENCE.match(strip_markers(text)))


def strip_markers(text: str) -> str:
    """The sentence without its article number and list marker (第十条 （二）…)."""
    text = ARTICLE_MARKER.sub("", text)
    return LIST_MARKER.sub("", text, count=1).lstrip()


def context_of(doc: Document, sentence: Sentence) -> str | None:
    """The text to show before ``sentence``: "" when it stands alone, the lead of the list
    it is an item of, or the sentence before it that a back-reference points to; None when
    what it is about cannot be found (or would take too long to read)."""
    lead = ""
    enumeration = list_of(doc, sentence)
    if enumeration is not None and not _holds_lead(sentence, enumeration):
        lead = _lead_text(enumeration)
        if not lead:
            return None
    elif enumeration is None and LIST_MARKER.match(ARTICLE_MARKER.sub("", sentence.text)) \
            and not _names_its_subject(strip_markers(sentence.text)):
        return None  # a numbered item of a list not recognised, and not a sentence of its own
    if opens_with_reference(sentence.text):
        if lead:
            return None  # a reference inside a list item: two hops away from its subject
        lead = _previous(doc, sentence)
        if not lead or opens_with_reference(lead):
            return None
    return lead if len(lead) <= MAX_CONTEXT else None


def _names_its_subject(text: str) -> bool:
    """28.吉林省长春市探索… opens with a name (a place, a body, a person, a thing): it stands
    alone; （一）接收和征集… opens with a verb: it continues a lead."""
    words = segment.tokens(text[:12])
    return bool(words) and words[0].tag[:1] in ("n", "r") and len(words[0].text) >= 2


def list_of(doc: Document, sentence: Sentence) -> Enumeration | None:
    """The enumeration whose item this sentence opens with (its marker starts it)."""
    head = len(sentence.text) - len(ARTICLE_MARKER.sub("", sentence.text))
    for enumeration in doc.enumerations:
        if enumeration.headings:
            continue
        for item in enumeration.items:
            if sentence.start <= item.start <= sentence.start + head + 1:
                return enumeration
    return None


def _holds_lead(sentence: Sentence, enumeration: Enumeration) -> bool:
    """The lead is inside this very sentence (做好…应该具备“四心”：一是责任心…)."""
    return bool(enumeration.intro) and enumeration.intro.strip() in sentence.text


def _lead_text(enumeration: Enumeration) -> str:
    intro = ARTICLE_MARKER.sub("", enumeration.intro.strip())
    if not intro or opens_with_reference(intro):
        return ""
    return intro if intro.endswith(("：", ":")) else intro.rstrip("，,。；;") + "："


def _previous(doc: Document, sentence: Sentence) -> str:
    """The sentence before, inside the same section (a 款 refers to the one before it)."""
    index = sentence.index - 1
    if index < 0:
        return ""
    before = doc.sentences[index]
    if before.section != sentence.section:
        return ""
    return ARTICLE_MARKER.sub("", before.text).strip()
