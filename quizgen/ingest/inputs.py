"""The documents a build is given: files, folders (the usable files inside) and the
sources of a course manifest, each with what the manifest says about it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError
from .read import SUPPORTED_SUFFIXES


@dataclass
class Input:
    """One document to build: a file, and what a course manifest says about it."""

    path: Path
    encoding: str | None = None  # forced encoding (else the build's, else detected)
    title: str | None = None  # deck or subdeck name instead of the document's title


def collect_inputs(paths: list[Path]) -> list[Path]:
    """Expand folders into the supported files inside them (sorted, hidden ones skipped)."""
    files: list[Path] = []
    for path in paths:
        path = Path(path)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file()
                           and p.suffix.lower() in SUPPORTED_SUFFIXES - {""}
                           and not any(part.startswith(".") for part in p.relative_to(path).parts))
            if not found:
                raise InputError("folder has no usable files (.txt, .md, .html, .docx)", path)
            files.extend(found)
        else:
            files.append(path)
    return files


def expand_inputs(paths: list[Path | Input]) -> list[Input]:
    """Files and folders (expanded to the usable files inside) as inputs; a manifest's
    inputs as they are."""
    out: list[Input] = []
    for path in paths:
        out.extend([path] if isinstance(path, Input) else map(Input, collect_inputs([path])))
    return out
