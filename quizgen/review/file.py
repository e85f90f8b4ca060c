"""Review file: every generated item in a YAML file that a trainer edits before building.

``quizgen extract`` writes it (:func:`extract` / :func:`write_review`), the trainer deletes,
disables or rewords items in any text editor, ``quizgen build FILE.yaml`` reads it back
(:func:`load_review`) into a :class:`~quizgen.model.Deck` for the usual exporters.

Layout (YAML 1.2, real Chinese characters, comments allowed and kept)::

    schema: 1
    deck: 办公室工作
    documents:
      - {id: 办公室工作, title: 办公室工作, source: <built-in: 办公室工作>}
    items:
      - id: s1-p1-t1-headings-ord1-choice   # never edit: Anki matches notes by it
        kind: choice                         # cloze, choice, multi or judge
        enabled: true                        # false: left out of the build, kept here
        section: 一、突出重点，分清主次
        question: …
        options:
          - 突出重点，分清主次  # 0 = A
        answer: [0]                          # 0-based option indexes; judge: true/false
        explanation: …
        source: …                            # the source sentence
        tags: [heading, sibling]
    fingerprints:                            # maintained by quizgen
      办公室工作/s1-p1-t1-headings-ord1-choice: 0c1d2e3f4a5b 9e8d7c6b5a41

Cloze ``text`` is typed as plain text with Anki deletions ``{{c1::答案}}`` /
``{{c1::答案::提示}}`` (no HTML escaping; :mod:`quizgen.markup` converts).
``document`` is written only when the deck has several documents.

Re-extracting into an existing file merges (:func:`extract`, or :func:`write_review` with
``existing``). ``fingerprints`` records, per item the file knows (deleted ones included),
a hash of the content quizgen generated for it last time and an *anchor* (document, kind
of question, source sentence). Generated items are matched to the file's items by
identical content, then by anchor, then as the same question on a reworded sentence
(:func:`quizgen.identity.match`) - positional ids shift when a sentence is inserted or
removed, and a matched item keeps the id the file gave it, so its Anki note and the
learners' progress stay. Then:

* content as generated last time: the item is left exactly as it is, edits included;
* content changed, item not edited: replaced, ``status: updated``;
* content changed and edited: the trainer's version is kept, ``status: conflict``, the
  new version under ``generated`` (resolve, then delete both keys);
* not in the file: added with ``status: new`` (under a fresh id ending ``-n2`` if the file
  uses its id for another item); but an item the trainer deleted is not re-added;
* in the file but no longer generated: kept, disabled, ``status: removed`` - nothing a
  trainer wrote is lost; delete it by hand.

``new``/``updated``/``restored`` describe the last extract and are cleared by the next one;
``conflict`` and ``removed`` stay until the trainer resolves them. Tags are not compared.
"""

from __future__ import annotations

import dataclasses
import difflib
import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import MarkedYAMLError, YAMLError

from .. import identity
from ..atomic import write_text
from ..identity import fingerprint, item_key, plain as _plain, unique_key
from .problems import Problem
from ..errors import InputError
from ..lang import markup
from ..export.jsonexport import content_fields
from ..items import KINDS, LETTERS, Choice, Cloze, Item, Judge, Multi
from ..model import Deck, Document

SCHEMA = 1
TOP_KEYS = ("schema", "deck", "documents", "items", "fingerprints")
DOCUMENT_KEYS = ("id", "title", "source")
CONTENT_KEYS = ("section", "text", "hint", "question", "statement", "options", "answer",
                "explanation", "source", "tags")
ITEM_KEYS = ("id", "kind", "status", "generated", "enabled", "document", *CONTENT_KEYS)
TEXT_KEYS = ("section", "text", "hint", "question", "statement", "explanation", "source")
REQUIRED = {
    "cloze": ("text",),
    "choice": ("question", "options", "answer"),
    "multi": ("question", "options", "answer"),
    "judge": ("statement", "answer"),
}
# Statuses that only describe the last extract: the next extract clears them.
PASSING_STATUSES = ("new", "updated", "restored")

HEADER = """\
quizgen 审阅文件 / review file
改完后运行 quizgen build 本文件 生成牌组。Edit, then run `quizgen build THIS_FILE`.

怎样修改 / How to edit:
- 删除一题：删掉从 "- id:" 开始的整段；以后重新提取也不会再加回来。
  Delete an item: remove its whole block from "- id:" on; re-extracting won't bring it back.
- 暂时不用：把 enabled 改成 false。 Keep an item out of the build but here: enabled: false.
- 改措辞：直接修改 text、question、options、statement、explanation。不要改 id，
  Anki 靠它更新卡片并保留学习记录。 Fix wording in place; never change an id: Anki
  uses it to update the card and keep the learners' progress.
- 填空题 text：{{c1::答案}} 或 {{c1::答案::提示}}，每个编号 c1、c2… 一张卡片。
  Cloze text: {{c1::answer}} or {{c1::answer::hint}}; one card per number.
- 选择题 answer：正确选项的序号，从 0 开始（见选项后的注释 "0 = A"）；判断题：true 或 false。
  answer: 0-based indexes of the correct options (see the "0 = A" comments); judge: true/false.
- status 由重新提取填写 / set by re-extracting: new 新题; updated 原文变了，已更新 source
  changed, item updated; conflict 原文变了而你改过：保留你的版本，新版本在 generated 下，
  处理后删掉 status 和 generated / your edit kept, the new version is under generated;
  removed 原文里已没有，已停用 / source gone, disabled.
- 文件末尾的 fingerprints 由 quizgen 维护，请勿修改。 Don't edit the fingerprints at the end."""

FINGERPRINTS_COMMENT = """
---- quizgen 维护，请勿修改 / maintained by quizgen, do not edit ----
每道题上次生成内容的指纹：用来区分“原文变了”和“你改过”，并记住你删掉的题。
Fingerprints of the generated content: tell source changes from your edits, remember deletions."""
FINGERPRINTS_MARKER = "---- quizgen"


# --------------------------------------------------------------------------
# merge report


@dataclass
class MergeReport:
    """What :func:`write_review` did; lists hold item labels (``id`` or ``document/id``)."""

    path: Path
    created: bool  # a fresh file: nothing was merged
    items: int = 0  # items in the file now
    unchanged: list[str] = field(default_factory=list)
    edited: list[str] = field(default_factory=list)  # trainer's edits kept, source unchanged
    new: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)  # source changed, not edited: replaced
    conflicts: list[str] = field(default_factory=list)  # source changed and edited: both kept
    removed: list[str] = field(default_factory=list)  # source gone: kept, disabled
    restored: list[str] = field(default_factory=list)  # source back: enabled again
    deleted: list[str] = field(default_factory=list)  # deleted by the trainer: not re-added

    def summary(self) -> str:
        """One line for the CLI, e.g. ``updated review.yaml (146 items): 3 new, 1 conflict``."""
        if self.created:
            return f"wrote {self.path} ({self.items} items)"
        counts = [
            (self.new, "new"), (self.updated, "updated from the changed source"),
            (self.conflicts, "conflicts (your version kept, see status: conflict)"),
            (self.removed, "removed from the source (kept, disabled)"),
            (self.restored, "back in the source (enabled again)"),
            (self.deleted, "deleted by you (not re-added)"), (self.edited, "edited by you (kept)"),
        ]
        parts = [f"{len(ids)} {what}" for ids, what in counts if ids] or ["no changes"]
        return f"updated {self.path} ({self.items} items): " + ", ".join(parts)


# --------------------------------------------------------------------------
# YAML I/O


def _yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.allow_unicode = True
    yaml.width = 4096  # never fold long Chinese lines
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


def _dump(root: CommentedMap) -> str:
    buffer = io.StringIO()
    _yaml().dump(root, buffer)
    return buffer.getvalue()


def _read_text(path: Path) -> str:
    from ..ingest.read import require_file

    require_file(path, "a review file")
    try:
        return path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError("not UTF-8 text; save the review file as UTF-8", path) from None
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}", path) from None


def parse(path: Path) -> Any:
    """Read a review file as round-trip YAML; a syntax error is an :class:`InputError`."""
    path = Path(path)
    root, problem = _parse_text(path, _read_text(path))
    if problem:
        raise InputError(problem.message, f"{path}:{problem.line}" if problem.line else path)
    return root


def _parse_text(path: Path, text: str) -> tuple[Any, Problem | None]:
    """(data, None), or (None, the syntax problem with its line)."""
    try:
        return _yaml().load(text), None
    except MarkedYAMLError as exc:
        # A construct left open (a quote, a bracket) is found only at the end of the file:
        # then where it starts is the place to look.
        runaway = "end of stream" in str(exc.problem) and exc.context_mark is not None
        mark = exc.context_mark if runaway else (exc.problem_mark or exc.context_mark)
        what = ", ".join(" ".join(str(part).split()) for part in (exc.context, exc.problem) if part)
        return None, Problem(str(path), mark.line + 1 if mark else None, "",
                             f"YAML syntax error: {what}")
    except YAMLError as exc:
        return None, Problem(str(path), None, "", f"YAML error: {' '.join(str(exc).split())}")


# --------------------------------------------------------------------------
# items <-> YAML


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


def _put(entry: CommentedMap, key: str, value: Any) -> None:
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
            _put(entry, key, _yaml_value(key, content[key]))
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
    if with_document:
        entry["document"] = item.document
    set_content(entry, item_content(deck, item))
    return entry


def _blank_line_before(seq: CommentedSeq, index: int) -> None:
    seq.yaml_set_comment_before_after_key(index, before="\n")


def _documents(deck: Deck) -> CommentedSeq:
    docs = CommentedSeq()
    for doc in deck.documents:
        entry = CommentedMap(id=doc.id, title=doc.title, source=doc.source)
        entry.fa.set_flow_style()
        docs.append(entry)
    return docs


def _fingerprints(values: dict[str, str]) -> CommentedMap:
    return CommentedMap(sorted(values.items()))


def _set_fingerprints(root: CommentedMap, values: dict[str, str]) -> None:
    root["fingerprints"] = _fingerprints(values)
    root.yaml_set_comment_before_after_key("fingerprints", before=FINGERPRINTS_COMMENT)


# --------------------------------------------------------------------------
# writing


def extract(deck: Deck, path: Path) -> MergeReport:
    """Write the review file for ``deck``, merging into ``path`` when it already exists."""
    path = Path(path)
    return write_review(deck, path, existing=path if path.exists() else None)


def write_review(deck: Deck, path: Path, existing: Path | None = None) -> MergeReport:
    """Write every item of ``deck`` to the review file ``path`` (atomically).

    With ``existing`` (a review file, often ``path`` itself) the trainer's edits,
    deletions and comments there are merged as described in the module docstring.
    """
    path = Path(path)
    if existing is None:
        root, report = fresh_review(deck), MergeReport(path, created=True)
    else:
        root = parse(Path(existing))
        _require_mergeable(root, Path(existing))
        report = MergeReport(path, created=False)
        merge(root, deck, report)
    report.items = len(root["items"])
    write_text(path, _dump(root))
    return report


def fresh_review(deck: Deck) -> CommentedMap:
    root = CommentedMap()
    root["schema"] = SCHEMA
    root["deck"] = deck.name
    root["documents"] = _documents(deck)
    items = CommentedSeq()
    with_document = len(deck.documents) > 1
    fingerprints = {}
    for item in deck.items:
        items.append(item_entry(deck, item, with_document))
        fingerprints[item_key(item.document, item.id)] = _record(
            fingerprint(item.kind, item_content(deck, item)), anchor(item))
    for index in range(1, len(items)):
        _blank_line_before(items, index)
    root["items"] = items
    _set_fingerprints(root, fingerprints)
    root.yaml_set_start_comment(HEADER)
    return root


def _require_mergeable(root: Any, path: Path) -> None:
    """Refuse to merge into a file whose items cannot be told apart (nothing is written)."""
    problems = [p for p in validate(root, path) if p.structural]
    if problems:
        first = problems[0]
        raise InputError(f"{first.where + ': ' if first.where else ''}{first.message}; "
                         "fix it before extracting again",
                         f"{path}:{first.line}" if first.line else path)


def _default_document(root: CommentedMap) -> str:
    docs = root.get("documents") or []
    return str(docs[0].get("id", "")) if len(docs) == 1 and isinstance(docs[0], dict) else ""


def _label(key: str, single_document: bool) -> str:
    return key.split("/", 1)[1] if single_document else key


@dataclass
class _Old:
    """An item the review file knows: in ``items``, or only remembered (deleted by the trainer)."""

    key: str  # document/id
    entry: CommentedMap | None  # None: the trainer deleted it
    fingerprint: str | None  # of the content generated for it last time
    anchor: str | None
    claimed: bool = False


@dataclass
class _New:
    """A freshly generated item."""

    key: str
    item: Item
    content: dict[str, Any]
    fingerprint: str
    anchor: str
    match: _Old | None = None


def merge(root: CommentedMap, deck: Deck, report: MergeReport) -> None:
    """Merge freshly generated ``deck`` into the loaded review file ``root`` (in place).

    Generated items are matched to the file's items by identical generated content, then
    by anchor (same kind of question on the same source sentence), then as the same
    question on a similar sentence (:func:`quizgen.identity.match`): positional ids shift when a sentence is inserted or removed, and a matched item keeps the id the
    file gave it (so its Anki note, and the learners' progress, stay the same).
    """
    single = len(deck.documents) == 1
    olds = _old_items(root)
    news = [_new_item(deck, item) for item in deck.items]
    _match(news, olds)
    entries: CommentedSeq = root["items"]
    taken = {old.key for old in olds}
    fingerprints: dict[str, str] = {}
    previous: CommentedMap | None = None
    for new in news:
        old = new.match
        if old is None:
            key = unique_key(new.key, taken)
            taken.add(key)
            item = dataclasses.replace(new.item, id=key.split("/", 1)[1])
            previous = _insert_new(entries, item_entry(deck, item, not single), previous)
            report.new.append(_label(key, single))
        else:
            key = old.key
            if old.entry is None:
                report.deleted.append(_label(key, single))
            else:
                previous = old.entry
                _merge_item(old.entry, new, old.fingerprint, _label(key, single), report)
        fingerprints[key] = _record(new.fingerprint, new.anchor)
    for old in olds:
        if not old.claimed and old.entry is not None:
            _mark_removed(old.entry, _label(old.key, single), report)
            fingerprints[old.key] = _record(old.fingerprint or fingerprint(
                old.entry.get("kind"), existing_content(old.entry)), old.anchor or "")
    root["documents"] = _documents(deck)
    _drop_fingerprints_comment(root)
    _set_fingerprints(root, fingerprints)


def anchor(item: Item) -> str:
    """An item's anchor (:func:`quizgen.identity.anchor`)."""
    return identity.anchor(item.document, item.id, item.source)


def _record(content_fingerprint: str, item_anchor: str) -> str:
    return f"{content_fingerprint} {item_anchor}".strip()


def _new_item(deck: Deck, item: Item) -> _New:
    content = item_content(deck, item)
    return _New(item_key(item.document, item.id), item, content,
                fingerprint(item.kind, content), anchor(item))


def _old_items(root: CommentedMap) -> list[_Old]:
    default_document = _default_document(root)
    records = {str(k): str(v).split() for k, v in (root.get("fingerprints") or {}).items()}
    olds = []
    for entry in root["items"]:
        key = item_key(str(entry.get("document", default_document)), str(entry["id"]))
        record = records.pop(key, [])
        olds.append(_Old(key, entry, *(record + [None, None])[:2]))
    olds.extend(_Old(key, None, *(record + [None, None])[:2]) for key, record in records.items())
    return olds


def _match(news: list[_New], olds: list[_Old]) -> None:
    """Pair generated and known items (:func:`quizgen.identity.match`; a deleted item is
    matched by content or anchor only)."""
    found = identity.match(news, olds, source=_source,
                           live=lambda old: getattr(old, "entry", None) is not None)
    for new, index in zip(news, found):
        if index is not None:
            new.match = olds[index]
            new.match.claimed = True


def _source(known: Any) -> str:
    """The source sentence of a generated item, or of an item in the file."""
    if isinstance(known, _New):
        return known.item.source
    return str(known.entry.get("source") or "") if known.entry is not None else ""


def _merge_item(entry: CommentedMap, new: _New, old_fp: str | None, label: str,
                report: MergeReport) -> None:
    """Bring one matched item up to date; ``old_fp``: what was generated for it last time."""
    status = entry.get("status")
    if status in PASSING_STATUSES:
        del entry["status"]
    current = fingerprint(entry.get("kind"), existing_content(entry))
    if current == new.fingerprint:  # as generated now (never edited, or edited to match)
        _clear_conflict(entry)
        report.unchanged.append(label)
    elif new.fingerprint == old_fp:  # source unchanged, edited by the trainer: keep
        (report.conflicts if status == "conflict" else report.edited).append(label)
    elif current == old_fp:  # source changed, not edited: take the new version
        set_content(entry, new.content)
        _put(entry, "kind", new.item.kind)
        _clear_conflict(entry)
        _put(entry, "status", "updated")
        report.updated.append(label)
    else:  # source changed and edited (or no record of what was generated): ask
        _put(entry, "status", "conflict")
        _put(entry, "generated", content_map(new.content))
        report.conflicts.append(label)
    if status == "removed":
        _put(entry, "enabled", True)
        if entry.get("status") in (None, "removed"):
            _put(entry, "status", "restored")
        report.restored.append(label)


def _clear_conflict(entry: CommentedMap) -> None:
    entry.pop("generated", None)
    if entry.get("status") == "conflict":
        del entry["status"]


def _mark_removed(entry: CommentedMap, label: str, report: MergeReport) -> None:
    if entry.get("status") != "removed":
        _put(entry, "status", "removed")
        _put(entry, "enabled", False)
    report.removed.append(label)


def _insert_new(entries: CommentedSeq, entry: CommentedMap,
                after: CommentedMap | None) -> CommentedMap:
    """Insert a new item after ``after`` (or first), marked ``status: new``."""
    _put(entry, "status", "new")
    index = 0 if after is None else next(i for i, e in enumerate(entries) if e is after) + 1
    entries.insert(index, entry)
    _blank_line_before(entries, index)
    return entry


def _drop_fingerprints_comment(root: CommentedMap) -> None:
    """Remove our comment above ``fingerprints`` (it is written again), keep the trainer's."""
    items = root["items"]
    end = getattr(items.ca, "end", None)
    if end:
        marker = next((i for i, token in enumerate(end)
                       if FINGERPRINTS_MARKER in getattr(token, "value", "")), None)
        if marker is not None:
            del end[marker:]
            while end and not getattr(end[-1], "value", "x").strip():
                end.pop()  # the blank line written before our comment
    root_comment = root.ca.items.get("fingerprints")
    if root_comment:
        root.ca.items.pop("fingerprints")


# --------------------------------------------------------------------------
# validation


def _line(node: Any, key: Any = None) -> int | None:
    """1-based line of ``node`` (or of its ``key``'s value) in the file, if known."""
    lc = getattr(node, "lc", None)
    if lc is None:
        return None
    try:
        if key is not None and isinstance(node, dict) and key in node:
            return lc.value(key)[0] + 1
        if key is not None and isinstance(node, list):
            return lc.item(key)[0] + 1
        return lc.line + 1
    except (KeyError, TypeError, IndexError, AttributeError):
        return lc.line + 1 if lc.line is not None else None


class _Problems:
    """Collects :class:`Problem` s for one file."""

    def __init__(self, path: Path):
        self.path = str(path)
        self.found: list[Problem] = []

    def add(self, line: int | None, where: str, message: str, structural: bool = False) -> None:
        self.found.append(Problem(self.path, line, where, message, structural))


def check_review(path: Path) -> list[Problem]:
    """Every problem in a review file (YAML syntax errors included), in file order."""
    path = Path(path)
    root, problem = _parse_text(path, _read_text(path))
    return [problem] if problem else validate(root, path)


def validate(root: Any, path: Path) -> list[Problem]:
    """Problems in a parsed review file; ``structural`` ones make a merge impossible."""
    problems = _Problems(path)
    if not isinstance(root, dict):
        problems.add(1, "", "not a quizgen review file (expected the keys deck, documents "
                     "and items)", structural=True)
        return problems.found
    _validate_top(root, problems)
    documents = _validate_documents(root, problems)
    items = root.get("items")
    if isinstance(items, list):
        _validate_items(items, documents, problems)
    return sorted(problems.found, key=lambda p: (p.line or 0))


def _unknown_key(key: Any, known: tuple[str, ...]) -> str:
    close = difflib.get_close_matches(str(key), known, n=1)
    hint = f"did you mean {close[0]!r}?" if close else "known: " + ", ".join(known)
    return f"unknown field {str(key)!r} ({hint})"


def _validate_top(root: CommentedMap, problems: _Problems) -> None:
    for key in root:
        if key not in TOP_KEYS:
            problems.add(_line(root, key), "", _unknown_key(key, TOP_KEYS))
    schema = root.get("schema", SCHEMA)
    if schema != SCHEMA:
        problems.add(_line(root, "schema"), "", f"unsupported schema {schema!r} "
                     f"(this quizgen reads schema {SCHEMA})", structural=True)
    if not isinstance(root.get("deck"), str) or not root.get("deck", "").strip():
        problems.add(_line(root, "deck"), "", "deck: missing or empty deck name")
    if "items" not in root:
        problems.add(_line(root), "", "missing field items", structural=True)
    elif not isinstance(root["items"], list):
        problems.add(_line(root, "items"), "", "items must be a list of items", structural=True)
    fingerprints = root.get("fingerprints")
    if fingerprints is not None and not isinstance(fingerprints, dict):
        problems.add(_line(root, "fingerprints"), "", "fingerprints must be a mapping "
                     "(maintained by quizgen: delete the key to reset it)", structural=True)


def _validate_documents(root: CommentedMap, problems: _Problems) -> list[str]:
    docs = root.get("documents")
    if not isinstance(docs, list) or not docs:
        problems.add(_line(root, "documents") if "documents" in root else _line(root), "",
                     "documents: missing or empty (the document ids are part of the note GUIDs)",
                     structural=True)
        return []
    ids = []
    for index, doc in enumerate(docs):
        if not isinstance(doc, dict) or not isinstance(doc.get("id"), str) or not doc["id"]:
            problems.add(_line(docs, index), f"documents[{index}]", "needs an id (text)",
                         structural=True)
            continue
        for key in doc:
            if key not in DOCUMENT_KEYS:
                problems.add(_line(doc, key), f"document {doc['id']}",
                             _unknown_key(key, DOCUMENT_KEYS))
        ids.append(doc["id"])
    return ids


def _validate_items(items: CommentedSeq, documents: list[str], problems: _Problems) -> None:
    seen: dict[str, int | None] = {}
    for index, entry in enumerate(items):
        line = _line(items, index)
        if not isinstance(entry, dict):
            problems.add(line, f"items[{index}]", "is not an item (expected id, kind, …)",
                         structural=True)
            continue
        item_id = entry.get("id")
        if not isinstance(item_id, str) or not item_id.strip():
            what = "missing field id" if item_id is None else "id must be text"
            problems.add(_line(entry, "id"), f"item #{index + 1}", what, structural=True)
            continue
        where = f"item {item_id}"
        document = _item_document(entry, documents, where, problems)
        key = item_key(document, item_id)
        if key in seen:
            problems.add(_line(entry, "id"), where,
                         f"duplicate id (also at line {seen[key]})", structural=True)
        seen.setdefault(key, _line(entry, "id"))
        _validate_item(entry, where, problems)


def _item_document(entry: CommentedMap, documents: list[str], where: str,
                   problems: _Problems) -> str:
    if "document" not in entry:
        if len(documents) > 1:
            problems.add(_line(entry), where, "missing field document (the deck has several "
                         "documents: " + ", ".join(documents) + ")", structural=True)
        return documents[0] if len(documents) == 1 else ""
    document = entry["document"]
    if documents and document not in documents:
        problems.add(_line(entry, "document"), where, f"unknown document {document!r} "
                     "(known: " + ", ".join(documents) + ")", structural=True)
    return str(document)


def _validate_item(entry: CommentedMap, where: str, problems: _Problems) -> None:
    for key in entry:
        if key not in ITEM_KEYS:
            problems.add(_line(entry, key), where, _unknown_key(key, ITEM_KEYS))
    kind = entry.get("kind")
    if kind is None:
        problems.add(_line(entry), where, "missing field kind (cloze, choice, multi or judge)")
        return
    if kind not in KINDS:
        problems.add(_line(entry, "kind"), where,
                     f"unknown kind {kind!r} (expected cloze, choice, multi or judge)")
        return
    enabled = entry.get("enabled", True)
    if not isinstance(enabled, bool):
        problems.add(_line(entry, "enabled"), where,
                     f"enabled must be true or false, not {enabled!r}")
    if enabled is False:
        return  # a disabled item is not built: its content may be unfinished
    _validate_content(entry, kind, where, problems)


def _validate_content(entry: CommentedMap, kind: str, where: str, problems: _Problems) -> None:
    """The entry's fields as YAML types, then - once it reads as an item - the item's own
    rules (:meth:`quizgen.items.Item.validate`), each reported at the line of its field."""
    typed = True
    for key in REQUIRED[kind]:
        if key not in entry:
            problems.add(_line(entry), where, f"missing field {key}")
            typed = False
    for key in TEXT_KEYS:
        if key in entry and _text(entry[key]) is None:
            problems.add(_line(entry, key), where, f"{key} must be text")
            typed = False
    tags = entry.get("tags", [])
    if not isinstance(tags, list) or any(not isinstance(t, str) for t in tags):
        problems.add(_line(entry, "tags"), where, "tags must be a list of words, e.g. [heading]")
        typed = False
    typed = _validate_types(entry, kind, where, problems) and typed
    if not typed:
        return
    for reason in entry_to_item(entry, "").validate():
        line = _line(entry[reason.field], reason.index) if reason.index is not None else None
        problems.add(line or _line(entry, reason.field or None), where, reason.message)


def _validate_types(entry: CommentedMap, kind: str, where: str, problems: _Problems) -> bool:
    """Options a list of texts, answer a list of option indexes (judge: true or false)."""
    if kind == "judge":
        if "answer" in entry and not isinstance(entry["answer"], bool):
            problems.add(_line(entry, "answer"), where,
                         f"answer must be true or false for a judge item, not {entry['answer']!r}")
            return False
        return True
    if kind == "cloze":  # the text as typed ({{c1::…}}, unescaped), before it becomes markup
        typed = Cloze(id="", section="", text=_text(entry.get("text")) or "")
        malformed = [r for r in typed.validate() if r.code == "malformed-cloze"]
        for reason in malformed:
            problems.add(_line(entry, "text"), where, reason.message)
        return not malformed
    ok = True
    options = entry.get("options")
    if "options" in entry and not isinstance(options, list):
        problems.add(_line(entry, "options"), where, "options must be a list of at least 2 options")
        ok = False
    elif isinstance(options, list):
        for index, option in enumerate(options):
            if _text(option) is None:
                problems.add(_line(options, index), where,
                             f"option {index} ({_letter(index)}) is empty or not text")
                ok = False
    answer = entry.get("answer")
    if "answer" in entry and (not isinstance(answer, list) or any(
            isinstance(a, bool) or not isinstance(a, int) for a in answer)):
        problems.add(_line(entry, "answer"), where, "answer must be a list of option indexes counted from 0 "
                     f"(0 = A, 1 = B, …), e.g. [1], not {_plain(answer)!r}")
        ok = False
    return ok


def _text(value: Any) -> str | None:
    """Text of a scalar typed by a person (numbers count as text); None if not text."""
    if value is None:
        return ""
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        return None
    return str(value)


def _letter(index: int) -> str:
    return LETTERS[index] if 0 <= index < len(LETTERS) else "?"


# --------------------------------------------------------------------------
# loading


def load_review(path: Path) -> Deck:
    """The deck described by a review file: its enabled items, ready for the exporters.

    Raises :class:`InputError` naming ``file:line`` and the item for the first problem.
    """
    path = Path(path)
    root = parse(path)
    problems = validate(root, path)
    if problems:
        first = problems[0]
        more = (f" (and {len(problems) - 1} more; `quizgen check {path}` lists them)"
                if len(problems) > 1 else "")
        where = f"{first.where}: " if first.where else ""
        raise InputError(where + first.message + more,
                         f"{path}:{first.line}" if first.line else path)
    documents = [Document(str(d["id"]), str(d.get("title") or d["id"]), "",
                          str(d.get("source") or "")) for d in root["documents"]]
    default_document = documents[0].id if len(documents) == 1 else ""
    items = [entry_to_item(entry, default_document) for entry in root["items"]
             if entry.get("enabled", True)]
    if len(documents) > 1:  # 文档::一、… as written: the deck adds the document (Deck.section_path)
        titles = {d.id: d.title for d in documents}
        for item in items:
            prefix = titles.get(item.document, item.document) + "::"
            item.section = item.section.removeprefix(prefix)
    return Deck(str(root["deck"]), documents, items,
                source=", ".join(d.source for d in documents if d.source))


def entry_to_item(entry: CommentedMap, default_document: str) -> Item:
    """A review entry whose fields have their types -> its item (cloze text back to escaped
    markup)."""
    def text(key: str) -> str:
        return _text(entry.get(key)) or ""

    common: dict[str, Any] = dict(id=str(entry["id"]), section=text("section"),
                                  document=str(entry.get("document", default_document)),
                                  source=text("source"), explanation=text("explanation"),
                                  tags=[str(t) for t in entry.get("tags") or []], enabled=True)
    kind = entry["kind"]
    if kind == Cloze.kind:
        return Cloze(**common, text=markup.from_plain(text("text")), hint=text("hint"))
    if kind == Judge.kind:
        return Judge(**common, statement=text("statement"), answer=bool(entry["answer"]))
    options = Choice if kind == Choice.kind else Multi
    return options(**common, question=text("question"), options=_option_texts(entry),
                   answer=[int(a) for a in entry["answer"]])


def _option_texts(entry: CommentedMap) -> list[str]:
    return [_text(o) or "" for o in entry["options"]]
