"""What a review file holds, key by key: the schema version, the keys of the file, of a
document and of an item, which fields each kind of item needs, and the comments quizgen
writes into the file for the trainer."""

from __future__ import annotations

SCHEMA = 1
TOP_KEYS = ("schema", "deck", "documents", "items", "fingerprints")
DOCUMENT_KEYS = ("id", "title", "source")
CONTENT_KEYS = ("section", "text", "hint", "question", "statement", "options", "answer",
                "explanation", "source", "tags")
ITEM_KEYS = ("id", "kind", "status", "generated", "enabled", "score", "document", *CONTENT_KEYS)
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
