"""The output folder of a run: created if need be, checked, locked, tidied.

:func:`output_folder` creates the folder (and its missing parents), makes sure a file
can be created in it (``os.access`` says yes to root on a read-only file system or in
``/sys``), and takes an exclusive lock on it for the run, so that two builds into one
folder take turns instead of mixing their outputs; a build that finds the folder locked
says so and waits. On the way out, the folders the run created and left empty (a run
that failed) are removed.
"""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

from .atomic import forget_listings
from .errors import InputError

try:
    import fcntl
except ImportError:  # not POSIX: runs are not kept from sharing a folder
    fcntl = None  # type: ignore[assignment]

_held: dict[Path, int] = {}  # folder -> how many output_folder blocks of this process hold it


def _say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def ensure_writable(out_dir: Path) -> list[Path]:
    """Create ``out_dir`` if need be and fail, with a clear message, when it cannot be
    written. Returns the folders created, deepest first."""
    created = _missing_folders(out_dir)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        _remove_empty(created)
        raise InputError(f"cannot create output folder: {exc.strerror}", out_dir) from None
    if not os.access(out_dir, os.W_OK | os.X_OK):
        _remove_empty(created)
        raise InputError("output folder is not writable", out_dir)
    return created


def _probe(out_dir: Path) -> None:
    try:
        fd, name = tempfile.mkstemp(prefix=".quizgen-", suffix=".probe", dir=out_dir)
    except OSError as exc:
        raise InputError(f"output folder is not writable ({exc.strerror})", out_dir) from None
    os.close(fd)
    os.unlink(name)


@contextlib.contextmanager
def output_folder(out_dir: Path, say: Callable[[str], None] = _say) -> Iterator[Path]:
    """The block runs with ``out_dir`` created, writable and locked against other runs."""
    out_dir = Path(out_dir)
    key = out_dir.resolve()
    if key in _held:  # this process holds it already
        _held[key] += 1
        try:
            yield out_dir
        finally:
            _held[key] -= 1
        return
    created = ensure_writable(out_dir)
    try:
        _probe(out_dir)
        fd = _lock(out_dir, say)
    except BaseException:
        _remove_empty(created)
        raise
    _held[key] = 1
    forget_listings(out_dir)
    try:
        yield out_dir
    finally:
        del _held[key]
        _remove_empty(created)  # before the lock goes: the next run waiting makes it again
        if fd is not None:
            os.close(fd)


def _lock(out_dir: Path, say: Callable[[str], None]) -> int | None:
    """An open descriptor of ``out_dir`` holding its lock (None where there are no locks)."""
    if fcntl is None:
        return None
    while True:
        fd = os.open(out_dir, os.O_RDONLY)
        try:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                say(f"quizgen: {out_dir}: another quizgen run is writing to this folder; "
                    "waiting for it to finish")
                fcntl.flock(fd, fcntl.LOCK_EX)
        except BaseException:
            os.close(fd)
            raise
        if _same_folder(fd, out_dir):
            return fd
        os.close(fd)  # the run before removed the folder (it left it empty): make it again
        out_dir.mkdir(parents=True, exist_ok=True)


def _same_folder(fd: int, out_dir: Path) -> bool:
    try:
        here, there = os.fstat(fd), os.stat(out_dir)
    except OSError:
        return False
    return (here.st_dev, here.st_ino) == (there.st_dev, there.st_ino)


def _missing_folders(out_dir: Path) -> list[Path]:
    missing = []
    folder = out_dir.absolute()
    while not folder.exists() and folder != folder.parent:
        missing.append(folder)
        folder = folder.parent
    return missing


def _remove_empty(created: list[Path]) -> None:
    for folder in created:
        try:
            folder.rmdir()
        except OSError:  # not empty (or not ours to remove any more): so are its parents
            return
