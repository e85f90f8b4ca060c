"""Review files: every generated item in a YAML file that a trainer edits before building.

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

Modules: :mod:`~quizgen.review.file` writes, :mod:`~quizgen.review.merge` merges,
:mod:`~quizgen.review.load` reads back, :mod:`~quizgen.review.validation` checks,
:mod:`~quizgen.review.entries` converts items and entries, :mod:`~quizgen.review.yamlio`
parses (aliases bounded), :mod:`~quizgen.review.schema` names the keys.
"""

from __future__ import annotations

from ..identity import fingerprint, item_key
from .entries import entry_to_item, item_content
from .file import extract, fresh_review, write_review
from .load import check_review, load_review
from .merge import GeneratedItem, KnownItem, MergeReport, anchor, generated_item, known_items, match_items, merge_deck
from .problems import Problem
from .schema import SCHEMA
from .validation import validate
from .yamlio import MAX_ALIAS_EXPANSION, parse

__all__ = ["MAX_ALIAS_EXPANSION", "SCHEMA", "GeneratedItem", "KnownItem", "MergeReport", "Problem", "anchor",
           "check_review", "entry_to_item", "extract", "fingerprint", "fresh_review", "generated_item",
           "item_content", "item_key", "known_items", "load_review", "match_items", "merge_deck", "parse",
           "validate", "write_review"]
