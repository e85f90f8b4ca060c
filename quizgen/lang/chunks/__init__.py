"""Clause-level chunking of Chinese regulations and prose, on tagged tokens.

The finders in :mod:`quizgen.analyse.finders` ask questions of one clause (a run of text
between ，；：。！？): what is its predicate once the subject, the modal (应当, 可以) and
the connective (但, 并) are gone; which lists (A、B和C, A或者B) does it hold, and where
does each item begin and end. Everything here works on :class:`~quizgen.lang.segment.Token`
lists and closed word classes; part-of-speech tags come from jieba's dictionary and are
only a tie-breaker, since they are noisy.

Modules: :mod:`~quizgen.lang.chunks.words` (word classes, single tokens, :class:`Span`),
:mod:`~quizgen.lang.chunks.clauses` (predicate, actor, scene; :func:`split_clauses`),
:mod:`~quizgen.lang.chunks.lists` (:func:`find_lists`), :mod:`~quizgen.lang.chunks.pairs`
(:func:`find_pair`).
"""

from __future__ import annotations

from .clauses import (ACTOR_ENDINGS, ASPECT, CLAUSE_STOPS, SCENE_ENDINGS, SCENE_PREPOSITIONS, is_circumstance,
                      is_topic, predicate, sets_scene, split_clauses, strip_actor, strip_leading,
                      strip_trailing_de, subject_end)
from .lists import ListMatch, find_lists, item_extent, item_start
from .pairs import find_pair
from .words import (CATCH_ALL, CONNECTIVES, COPULAS, DETERMINERS, ETC, GOVERNING_VERBS, LIST_CONJUNCTIONS,
                    MODALS, PREPOSITIONS, QUESTION_WORDS, RESULT_VERBS, STRONG_CONJUNCTIONS, TOPIC_MARKERS, Span,
                    is_de, is_nominalised, is_noun_phrase, is_nounish, is_verbish, length, text_of)

__all__ = ["ACTOR_ENDINGS", "ASPECT", "CATCH_ALL", "CLAUSE_STOPS", "CONNECTIVES", "COPULAS", "DETERMINERS", "ETC",
           "GOVERNING_VERBS", "LIST_CONJUNCTIONS", "MODALS", "PREPOSITIONS", "QUESTION_WORDS", "RESULT_VERBS",
           "SCENE_ENDINGS", "SCENE_PREPOSITIONS", "STRONG_CONJUNCTIONS", "TOPIC_MARKERS", "ListMatch", "Span",
           "find_lists", "find_pair", "is_circumstance", "is_de", "is_nominalised", "is_noun_phrase",
           "is_nounish", "is_topic", "is_verbish", "item_extent", "item_start", "length", "predicate",
           "sets_scene", "split_clauses", "strip_actor", "strip_leading", "strip_trailing_de", "subject_end",
           "text_of"]
