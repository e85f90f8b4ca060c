"""Items and review-file entries, both ways: an item as the YAML mapping the trainer edits
(:func:`item_entry`), a checked entry back as an item (:func:`entry_to_item`), and the
fingerprints that tell what quizgen generated from what the trainer changed (hashed by
:mod:`quizgen.identity`)."""

from __future__ import annotations

from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from ..export.jsonexport import content_fields
from ..items import LETTERS, Choice, Cloze, Item, Judge, Multi
from ..lang import markup
from ..model import Deck
from .schema import CONTENT_KEYS, FINGERPRINTS_COMMENT, ITEM_KEYS


def item_content(deck: Deck, item: Item) -> dict[str, Any]:
    """The reviewable content of an item, as written in the file (plain Python values)."""
    data: dict[str, Any] = {"section": deck.section_label(item)}
    data |= content_fields(item, markup.to_plain(item.text) if isinstance(item, Cloze) else None)
    for key in ("question", "statement"):
        if key in data and data[key] is None:
            data[key] = ""
    return data


def existing_content(entry: CommentedMap) -> dict[str, Any]:
    return {key: entry[key] for key in CONTENT_KEYS if key in entry}


def _flow(values: list) -> CommentedSeq:
    seq = CommentedSeq(values)
    seq.fa.set_flow_style()
    return seq


def _options(options: list[str]) -> CommentedSeq:
    seq = CommentedSeq(options)
    for index in range(len(options)):
        letter = LETTERS[index] if index < len(LETTERS) else "?"
        seq.yaml_add_eol_comment(f"{index} = {letter}", index)
    return seq


def _yaml_value(key: str, value: Any) -> Any:
    if key == "options":
        return _options(value)
    if key in ("answer", "tags") and isinstance(value, list):
        return _flow(value)
    return value


def put(entry: CommentedMap, key: str, value: Any) -> None:
    """Set ``key``, inserting a missing key at its place in :data:`ITEM_KEYS`."""
    if key in entry:
        entry[key] = value
        return
    rank = ITEM_KEYS.index(key)
    position = sum(1 for k in entry if k in ITEM_KEYS and ITEM_KEYS.index(k) < rank)
    entry.insert(position, key, value)


def set_content(entry: CommentedMap, content: dict[str, Any]) -> None:
    """Replace the content keys of ``entry`` (comments on other keys stay where they are)."""
    for key in CONTENT_KEYS:
        if key in content:
            put(entry, key, _yaml_value(key, content[key]))
        elif key in entry:
            del entry[key]


def content_map(content: dict[str, Any]) -> CommentedMap:
    entry = CommentedMap()
    for key in CONTENT_KEYS:
        if key in content:
            entry[key] = _yaml_value(key, content[key])
    return entry


def item_entry(deck: Deck, item: Item, with_document: bool) -> CommentedMap:
    entry = CommentedMap()
    entry["id"] = item.id
    entry["kind"] = item.kind
    entry["enabled"] = item.enabled
    if item.score is not None:
        entry["score"] = item.score  # how likely a trainer wants it (0–1): informative, not content
    if with_document:
        entry["document"] = item.document
    set_content(entry, item_content(deck, item))
    return entry


def blank_line_before(seq: CommentedSeq, index: int) -> None:
    seq.yaml_set_comment_before_after_key(index, before="\n")


def document_entries(deck: Deck) -> CommentedSeq:
    docs = CommentedSeq()
    for doc in deck.documents:
        entry = CommentedMap(id=doc.id, title=doc.title, source=doc.source)
        entry.fa.set_flow_style()
        docs.append(entry)
    return docs


def _fingerprints(values: dict[str, str]) -> CommentedMap:
    return CommentedMap(sorted(values.items()))


def set_fingerprints(root: CommentedMap, values: dict[str, str]) -> None:
    root["fingerprints"] = _fingerprints(values)
    root.yaml_set_comment_before_after_key("fingerprints", before=FINGERPRINTS_COMMENT)


def scalar_text(value: Any) -> str | None:
    """Text of a scalar typed by a person (numbers count as text); None if not text."""
    if value is None:
        return ""
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        return None
    return str(value)


def letter(index: int) -> str:
    return LETTERS[index] if 0 <= index < len(LETTERS) else "?"


def entry_to_item(entry: dict, default_document: str) -> Item:
    """A review entry whose fields have their types -> its item (cloze text back to escaped
    markup)."""
    def text(key: str) -> str:
        return scalar_text(entry.get(key)) or ""

    common: dict[str, Any] = dict(id=str(entry["id"]), section=text("section"),
                                  document=str(entry.get("document", default_document)),
                                  source=text("source"), explanation=text("explanation"),
                                  tags=[str(t) for t in entry.get("tags") or []], enabled=True,
                                  score=_score(entry.get("score")))
    kind = entry["kind"]
    if kind == Cloze.kind:
        return Cloze(**common, text=markup.from_plain(text("text")), hint=text("hint"))
    if kind == Judge.kind:
        return Judge(**common, statement=text("statement"), answer=bool(entry["answer"]))
    options = Choice if kind == Choice.kind else Multi
    return options(**common, question=text("question"), options=_option_texts(entry),
                   answer=[int(a) for a in entry["answer"]])


def _score(value: Any) -> float | None:
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


def _option_texts(entry: dict) -> list[str]:
    return [scalar_text(o) or "" for o in entry["options"]]
