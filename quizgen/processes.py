"""Signals and worker processes: nothing is left behind when quizgen is stopped.

* SIGTERM to quizgen is an interrupt like Ctrl-C (:func:`interrupt_on_signals`):
  the file being written is removed, the workers are stopped, what was written is
  reported, and the exit code is 128 + the signal's number.
* A worker process dies with its parent, even one killed outright (SIGKILL): on Linux
  the kernel sends it SIGTERM (``PR_SET_PDEATHSIG``), elsewhere a thread notices that
  its parent is gone. On SIGTERM a worker removes the files it was writing and exits.
  Ctrl-C reaches the workers too (the terminal signals the whole process group); they
  leave it to the parent, which stops them.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
import time
from types import FrameType
from typing import Any

from .atomic import remove_in_progress

_PR_SET_PDEATHSIG = 1
_raised: list[Interrupted] = []
_STOP_TIMEOUT = 10.0  # seconds a worker has to remove its files and exit
_WATCH_INTERVAL = 0.5  # seconds between two looks at the parent, where the kernel cannot tell


class Interrupted(KeyboardInterrupt):
    """Raised in the main process by SIGTERM and SIGINT: a KeyboardInterrupt that knows its signal."""

    def __init__(self, signum: int = signal.SIGINT):
        super().__init__(signal.Signals(signum).name)
        self.signum = signum


def exit_code(exc: BaseException | None) -> int:
    """128 + the signal that interrupted: 130 for Ctrl-C, 143 for SIGTERM."""
    return 128 + (exc.signum if isinstance(exc, Interrupted) else signal.SIGINT)


def interrupt_on_signals() -> None:
    """From now on SIGTERM, and SIGINT unless it is ignored, raise :class:`Interrupted`
    in the main thread; :func:`last_interrupt` keeps it for whoever reports on it (typer
    turns an interrupt of a command into a plain exit code)."""
    def interrupt(signum: int, _frame: FrameType | None) -> None:
        exc = Interrupted(signum)
        _raised[:] = [exc]
        raise exc

    signal.signal(signal.SIGTERM, interrupt)
    if signal.getsignal(signal.SIGINT) is signal.default_int_handler:
        signal.signal(signal.SIGINT, interrupt)


def last_interrupt() -> Interrupted | None:
    return _raised[-1] if _raised else None


def worker_started(parent: int) -> None:
    """Pool initializer: make this worker process die (cleanly) with ``parent``."""
    signal.signal(signal.SIGTERM, _worker_stop)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent stops the workers on Ctrl-C
    if not _die_with_parent():
        threading.Thread(target=_watch_parent, args=(parent,), name="quizgen-watchdog", daemon=True).start()
    if os.getppid() != parent:  # the parent died before the kernel was told
        _worker_stop(signal.SIGTERM, None)


def _die_with_parent() -> bool:
    if not sys.platform.startswith("linux"):
        return False
    try:
        import ctypes  # lazy: only worker processes on Linux need it

        libc = ctypes.CDLL(None, use_errno=True)
        return libc.prctl(_PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0) == 0
    except (OSError, AttributeError):
        return False


def _watch_parent(parent: int) -> None:
    if hasattr(signal, "pthread_sigmask"):
        # the stop signals go to the main thread, where a file being created holds them
        # (quizgen.atomic): one taken by this thread would run the handler mid-creation
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})
    while os.getppid() == parent:
        time.sleep(_WATCH_INTERVAL)
    remove_in_progress()
    os._exit(128 + signal.SIGTERM)


def _worker_stop(signum: int, _frame: FrameType | None) -> None:
    remove_in_progress()
    os._exit(128 + signum)


def stop_workers(pool: Any) -> None:
    """Stop a ProcessPoolExecutor's workers now (each removes its partial files) and
    wait for them: nothing of the pool outlives the call."""
    workers = list((getattr(pool, "_processes", None) or {}).values())
    for worker in workers:
        if worker.is_alive():
            worker.terminate()
    for worker in workers:
        worker.join(_STOP_TIMEOUT)
        if worker.is_alive():  # stuck in a long call that does not return to Python
            worker.kill()
            worker.join()
    pool.shutdown(wait=True, cancel_futures=True)
