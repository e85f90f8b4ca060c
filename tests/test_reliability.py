"""Stopping quizgen and failing runs leave nothing behind: no worker processes, no
``.part`` files, no empty folders; interrupts and a full disk say what was written; two
runs into one folder take turns; the dependencies imported are the ones declared."""

from __future__ import annotations

import ast
import errno
import os
import re
import signal
import subprocess
import sys
import time
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

import pytest
from terminal import as_at_a_terminal

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).parent / "data"
WROTE = re.compile(r"^wrote (.+?)(?:  \((?:\d+ notes, \d+ cards|\d+ questions)\))?$", re.M)


def run(*args, cwd=None, timeout=300):
    return subprocess.run([sys.executable, "-m", "quizgen", *args], capture_output=True, text=True,
                          cwd=cwd, timeout=timeout)


def start(tmp_path: Path, *args: str) -> tuple[subprocess.Popen, Path, Path]:
    """quizgen in its own process group; its output goes to files (a pipe would keep a
    test waiting on any process that inherited it)."""
    stdout, stderr = tmp_path / "stdout.txt", tmp_path / "stderr.txt"
    with open(stdout, "wb") as out, open(stderr, "wb") as err:
        proc = subprocess.Popen([sys.executable, "-m", "quizgen", *args], stdout=out, stderr=err,
                                start_new_session=True, preexec_fn=as_at_a_terminal)
    return proc, stdout, stderr


def wait_for(condition, what: str, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.02)


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return False
    return state not in ("Z", "X")  # a zombie has exited; only its parent's wait is missing


def children(pid: int) -> list[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(c) for c in path.read_text().split()] if path.exists() else []


def outputs(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if not p.name.startswith("."))


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(".") or p.suffix == ".part")


def listed(stdout: str) -> list[str]:
    return sorted(Path(line).name for line in WROTE.findall(stdout))


@pytest.fixture(scope="module")
def many(tmp_path_factory) -> Path:
    """A batch that takes a while: 120 copies of a training text."""
    folder = tmp_path_factory.mktemp("many")
    text = (DATA / "office-work.clean.txt").read_text(encoding="utf-8")
    for n in range(120):
        (folder / f"doc{n:03d}.txt").write_text(text, encoding="utf-8")
    return folder


# --- stopping a run -------------------------------------------------------------------------

linux_only = pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="reads /proc")


@linux_only
@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGKILL], ids=["SIGTERM", "SIGKILL"])
def test_the_workers_die_with_quizgen_and_leave_no_partial_files(tmp_path, many, sig):
    out = tmp_path / "out"
    proc, _, stderr = start(tmp_path, "build", str(many), "-o", str(out), "-f", "json,apkg,html", "--jobs", "2")
    wait_for(lambda: out.exists() and len(outputs(out)) >= 2 and len(children(proc.pid)) >= 2,
             "the first outputs")
    workers = children(proc.pid)
    os.kill(proc.pid, sig)  # to quizgen only, not its process group
    code = proc.wait(timeout=60)
    wait_for(lambda: not any(alive(pid) for pid in workers), "the workers to exit", timeout=30)
    assert leftovers(out) == []
    if sig == signal.SIGTERM:
        assert code == 128 + signal.SIGTERM
        assert stderr.read_text(encoding="utf-8").strip().endswith("quizgen: interrupted")


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_an_interrupt_says_so_and_lists_what_was_written(tmp_path, many, sig):
    out = tmp_path / "out"
    proc, stdout, stderr = start(tmp_path, "build", str(many), "-o", str(out), "-f", "json,apkg,html",
                                 "--jobs", "1")
    wait_for(lambda: out.exists() and len(outputs(out)) >= 4, "the first outputs")
    os.killpg(proc.pid, sig)  # Ctrl-C reaches the whole process group
    assert proc.wait(timeout=60) == 128 + sig
    assert stderr.read_text(encoding="utf-8").splitlines()[-1] == "quizgen: interrupted"
    assert "Traceback" not in stderr.read_text(encoding="utf-8")
    assert leftovers(out) == []
    assert listed(stdout.read_text(encoding="utf-8")) == outputs(out)


def test_a_run_removes_the_stale_part_files_of_its_outputs(tmp_path, seed_raw):
    src = tmp_path / "x.txt"
    src.write_text(seed_raw, encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    dead, living = gone.pid, os.getpid()
    stale = [out / f".x.json.{dead}.abc123_z.part", out / ".x.json.k2j4h5g6.part"]  # the second: older quizgen
    kept = [out / f".x.json.{living}.abc123_z.part", out / f".other.json.{dead}.abc123_z.part",
            out / "notes.part"]
    for part in stale + kept:
        part.write_bytes(b"\0" * 1000)
    os.utime(stale[1], (time.time() - 86400,) * 2)
    result = run("build", str(src), "-o", str(out), "-f", "json")
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in out.iterdir()) == sorted([p.name for p in kept] + ["x.json"])


# --- failing runs -------------------------------------------------------------------------


@pytest.fixture
def signals_restored():
    """cli.main installs its signal handlers: the test process gets its own back."""
    saved = {sig: signal.getsignal(sig) for sig in (signal.SIGINT, signal.SIGTERM)}
    yield
    for sig, handler in saved.items():
        signal.signal(sig, handler)


def test_a_full_disk_lists_the_files_written_before(tmp_path, seed_raw, monkeypatch, capsys, signals_restored):
    from quizgen import atomic, cli

    src = tmp_path / "x.txt"
    src.write_text(seed_raw, encoding="utf-8")
    out = tmp_path / "out"
    replace = os.replace
    calls = []

    def full_after_the_first(source, target):
        calls.append(target)
        if len(calls) > 1:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        replace(source, target)

    monkeypatch.setattr(atomic.os, "replace", full_after_the_first)
    monkeypatch.setattr(sys, "argv", ["quizgen", "build", str(src), "-o", str(out), "-f", "json,csv,gift"])
    with pytest.raises(SystemExit) as exit:
        cli.main()
    captured = capsys.readouterr()
    assert exit.value.code == 1
    assert "No space left on device" in captured.err
    assert listed(captured.out) == outputs(out) == ["x.json"]
    assert leftovers(out) == []


@pytest.mark.skipif(not Path("/sys/kernel").is_dir(), reason="no /sys")
def test_a_folder_where_no_file_can_be_made_is_bad_input():
    result = run("build", "-o", "/sys/kernel", "-f", "json")
    assert result.returncode == 2, result.stderr
    assert result.stderr.strip().splitlines() == [
        "quizgen: error: /sys/kernel: output folder is not writable (Permission denied)"]


def test_a_failed_run_removes_the_empty_folders_it_made(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    existing = tmp_path / "existing"
    existing.mkdir()
    for out in (tmp_path / "new" / "decks", existing / "decks", existing):
        result = run("build", str(bad), "-o", str(out), "-f", "json")
        assert result.returncode == 2 and "binary" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.txt", "existing"]
    assert list(existing.iterdir()) == []


def test_a_file_name_that_starts_with_a_dash_is_explained(tmp_path):
    result = run("build", "-dash.txt", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.strip() == ("quizgen: error: No such option: -d (to name the file -dash.txt, "
                                     "write '-- -dash.txt' or './-dash.txt')")
    assert "see 'quizgen build --help'" in run("build", "-x", cwd=tmp_path).stderr


@pytest.mark.skipif(os.name != "posix", reason="folder locks are POSIX")
def test_two_runs_into_one_folder_take_turns(tmp_path, seed_raw):
    from quizgen.outdir import output_folder

    src = tmp_path / "x.txt"
    src.write_text(seed_raw, encoding="utf-8")
    out = tmp_path / "out"
    with output_folder(out):  # another run is writing there
        proc = subprocess.Popen([sys.executable, "-m", "quizgen", "build", str(src), "-o", str(out), "-f", "json"],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        line = proc.stderr.readline()
        assert line.strip() == (f"quizgen: {out}: another quizgen run is writing to this folder; "
                                "waiting for it to finish")
        assert proc.poll() is None and outputs(out) == []
    stdout, _ = proc.communicate(timeout=120)
    assert proc.returncode == 0
    assert listed(stdout) == outputs(out) == ["x.json"]


# --- packaging ------------------------------------------------------------------------------


def test_every_third_party_module_the_package_imports_is_declared():
    declared = {re.split(r"[<>=!~ \[;]", d, maxsplit=1)[0].lower().replace("_", "-")
                for d in tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]}
    imported = set()
    for path in (ROOT / "quizgen").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                imported |= {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                imported.add(node.module.split(".")[0])
    providers = packages_distributions()
    undeclared = sorted(module for module in imported - set(sys.stdlib_module_names) - {"quizgen"}
                        if not {d.lower().replace("_", "-") for d in providers.get(module, [])} & declared)
    assert undeclared == []


def test_an_interrupt_between_writing_a_file_and_naming_it_leaves_no_part_file(tmp_path, seed_raw, monkeypatch):
    """Ctrl-C can land in the ``with`` statement's own code, after the file is written and
    before the context manager renames it (CI saw ``.doc001.apkg.PID.XXXXXXXX.part`` left
    behind): the temporary file is still removed."""
    import contextlib

    from quizgen import atomic, build
    from quizgen.export import anki
    from quizgen.options import BuildOptions

    @contextlib.contextmanager
    def interrupted_before_the_rename(target):
        manager = atomic.atomic_path(target)
        yield manager.__enter__()  # the real temporary file, written by the exporter
        raise KeyboardInterrupt  # ... and the manager's exit never runs

    monkeypatch.setattr(anki, "atomic_path", interrupted_before_the_rename)
    listed_outputs, out = interrupted_build(tmp_path, seed_raw)
    assert [o.path.name for o in listed_outputs] == ["x.json"]
    assert leftovers(out) == []
    assert outputs(out) == ["x.json"]


def interrupted_build(tmp_path: Path, text: str) -> tuple[list, Path]:
    """Build ``text`` as x.json and x.apkg with the library, expecting an interrupt: what the
    interrupt lists as written, and the output folder."""
    from quizgen import build
    from quizgen.options import BuildOptions

    src = tmp_path / "x.txt"
    src.write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    with pytest.raises(KeyboardInterrupt) as interrupt:
        build.build_batch([src], out, BuildOptions(formats=("json", "apkg")))
    return interrupt.value.outputs, out


def test_an_interrupt_after_a_document_is_exported_still_lists_its_files(tmp_path, seed_raw, monkeypatch):
    """Ctrl-C can land after a document's files are written and before the batch records
    them (CI saw doc001's three files written and not listed): they are listed all the same."""
    from quizgen import build

    real_rebuild = build.rebuild

    def interrupted_after_the_export(*args, **kwargs):
        real_rebuild(*args, **kwargs)  # every file of the document written ...
        raise KeyboardInterrupt  # ... and the outputs never handed back

    monkeypatch.setattr(build, "rebuild", interrupted_after_the_export)
    listed_outputs, out = interrupted_build(tmp_path, seed_raw)
    assert sorted(o.path.name for o in listed_outputs) == outputs(out) == ["x.apkg", "x.json"]
    apkg = next(o for o in listed_outputs if o.format == "apkg")
    assert apkg.notes > 0 and apkg.cards >= apkg.notes  # the line says what the deck holds
