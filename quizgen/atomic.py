"""Write output files so that an interrupted or failed run never leaves a partial file.

A file is written under a temporary name, ``.NAME.PID.XXXXXXXX.part`` next to it, and
renamed over ``NAME`` when complete. The temporary files being written are registered,
so that a worker process told to stop (:func:`remove_in_progress`) removes them before it
exits; and a ``.NAME…part`` left by a process that no longer runs (a run killed outright)
is removed by the next run that writes ``NAME``.
"""

from __future__ import annotations

import contextlib
import os
import re
import signal
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

_in_progress: set[Path] = set()
_recorders: list[list[Path]] = []
# folder -> {output name: its .part files}, listed once per folder and process
_stale: dict[Path, dict[str, list[Path]]] = {}
_PART_RE = re.compile(r"\A\.(?P<name>.+?)\.(?:(?P<pid>\d+)\.)?[A-Za-z0-9_]{8}\.part\Z")
_LEGACY_AGE = 3600.0  # seconds: where a writer's pid cannot be asked after


@contextlib.contextmanager
def atomic_path(target: Path) -> Iterator[Path]:
    """Yield a temporary path next to ``target``; rename it over ``target`` on success.

    On any exception (KeyboardInterrupt included) the temporary file is removed and
    ``target`` is left as it was.
    """
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    remove_stale_parts(target)
    tmp: Path | None = None
    try:
        with _interrupts_held():  # a Ctrl-C between creating the file and naming it would leak it
            fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.{os.getpid()}.", suffix=".part",
                                            dir=target.parent)
            tmp = Path(tmp_name)
            _in_progress.add(tmp)
        os.close(fd)
        os.chmod(tmp, 0o666 & ~_umask())
        yield tmp
        with _interrupts_held():  # a file in place is a file recorded as written
            os.replace(tmp, target)
            for written in _recorders:
                written.append(target)
    except BaseException:
        if tmp is not None:
            with contextlib.suppress(FileNotFoundError):
                tmp.unlink()
        raise
    finally:
        if tmp is not None:
            _in_progress.discard(tmp)


@contextlib.contextmanager
def recording() -> Iterator[list[Path]]:
    """The files written (complete) in the block, so far: a block that fails can say what
    it wrote before it did."""
    written: list[Path] = []
    _recorders.append(written)
    try:
        yield written
    finally:
        _recorders.remove(written)


def remove_in_progress() -> None:
    """Remove the temporary files being written (a process about to exit on a signal)."""
    for tmp in list(_in_progress):
        with contextlib.suppress(OSError):
            tmp.unlink()
    _in_progress.clear()


def forget_listings(folder: Path) -> None:
    """List ``folder`` again for stale ``.part`` files at the next write into it."""
    _stale.pop(Path(folder), None)


def remove_stale_parts(target: Path) -> None:
    """Remove the ``.part`` files of ``target`` whose writer is no longer running."""
    folder = target.parent
    parts = _stale.get(folder)
    if parts is None:
        parts = _stale[folder] = _list_parts(folder)
    for part in parts.pop(target.name, ()):
        match = _PART_RE.match(part.name)
        if match and not _writer_alive(part, match.group("pid")):
            with contextlib.suppress(OSError):
                part.unlink()


def _list_parts(folder: Path) -> dict[str, list[Path]]:
    parts: dict[str, list[Path]] = {}
    with contextlib.suppress(OSError), os.scandir(folder) as entries:
        for entry in entries:
            match = _PART_RE.match(entry.name) if entry.name.endswith(".part") else None
            if match:
                parts.setdefault(match.group("name"), []).append(folder / entry.name)
    return parts


def _writer_alive(part: Path, pid: str | None) -> bool:
    if pid is None or os.name != "posix":  # an older quizgen's, or a pid we cannot ask after
        with contextlib.suppress(OSError):
            return time.time() - part.stat().st_mtime < _LEGACY_AGE
        return False
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError):
        return True
    return True


@contextlib.contextmanager
def _interrupts_held() -> Iterator[None]:
    """SIGINT and SIGTERM wait (where the platform can hold signals) until the block is done."""
    held = {signal.SIGINT, signal.SIGTERM}
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, held)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_text(target: Path, text: str) -> None:
    with atomic_path(target) as tmp:
        tmp.write_text(text, encoding="utf-8")


def write_bytes(target: Path, data: bytes) -> None:
    with atomic_path(target) as tmp:
        tmp.write_bytes(data)
