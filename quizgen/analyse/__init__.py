"""Analysis: the structure stage, then the finder stage.

:func:`quizgen.analyse.structure.structure` turns cleaned text into a :class:`Document`
(sections, paragraphs, sentences, ordinal enumerations); :func:`quizgen.analyse.phrases.find_phrases`
runs every finder of :data:`quizgen.analyse.finders.FINDERS` over a
:class:`~quizgen.analyse.context.FinderContext` and attaches key phrases and sibling sets.
:func:`quizgen.analyse.phrases.analyze` does both.
"""
