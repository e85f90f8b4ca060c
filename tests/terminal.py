"""Start quizgen as a user at a terminal would have it."""

from __future__ import annotations

import signal


def as_at_a_terminal() -> None:
    """``preexec_fn`` for a quizgen a test interrupts: Ctrl-C as a user at a terminal has it.
    A shell ignores SIGINT in what it starts in the background (``pytest &``); quizgen rightly
    keeps an ignored SIGINT ignored, and the test would wait in vain for it to stop."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)
