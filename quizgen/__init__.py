"""quizgen: turn Chinese training texts into Anki decks and printable quizzes."""

__version__ = "0.1.0"
