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
    folder: Path | None = None  # the folder it was found in (not named itself): skipped if it has no text


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
        if isinstance(path, Input):
            out.append(path)
        else:
            folder = Path(path) if Path(path).is_dir() else None
            out.extend(Input(file, folder=folder) for file in collect_inputs([path]))
    return out
