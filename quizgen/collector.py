"""Pausing Python's cycle collector while one document is worked on.

The pipeline allocates a token tuple per word, phrases, items and notes, and forms no
reference cycles worth collecting mid-document: letting the collector re-scan those
objects while they pile up costs a tenth of a build. It runs
once the document is done.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
