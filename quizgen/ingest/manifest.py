"""Course manifests: a TOML file (e.g. ``decks/入职培训.toml``) that builds a whole
onboarding course in one command::

    title = "入职培训"              # deck name
    formats = ["apkg", "json"]     # optional; default: quizgen build's default
    merge = true                   # optional; one deck with a subdeck per source (default)
    seed = 0                       # optional
    script = "simplified"          # optional: simplified | traditional

    [[source]]
    path = "../docs/办公室工作.txt"  # relative to the manifest
    title = "办公室工作"             # optional: the subdeck's name
    encoding = "gbk"                # optional: force the encoding
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..errors import InputError, quoted, shorten
from ..export import FORMATS
from ..options import BuildOptions
from .inputs import Input, collect_inputs


@dataclass
class ManifestSource:
    path: Path
    title: str | None = None
    encoding: str | None = None


@dataclass
class Manifest:
    path: Path
    title: str
    sources: list[ManifestSource]
    formats: tuple[str, ...] | None = None
    merge: bool = True
    seed: int | None = None
    script: str | None = None
    extra: dict = field(default_factory=dict)


def load_manifest(path: Path) -> Manifest:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError("no such file", path) from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise InputError(f"not a valid TOML manifest: {exc}", path) from None
    entries = data.get("source") or data.get("sources")
    if not isinstance(entries, list) or not entries:
        raise InputError("manifest lists no [[source]] entries", path)
    sources = []
    for number, entry in enumerate(entries, 1):
        if isinstance(entry, str):
            entry = {"path": entry}
        if not isinstance(entry, dict) or "path" not in entry:
            raise InputError(f"source #{number} has no path", path)
        sources.append(ManifestSource((path.parent / entry["path"]).resolve(), entry.get("title"),
                                      entry.get("encoding")))
    seed = data.get("seed")
    if seed is not None and (isinstance(seed, bool) or not isinstance(seed, int)):
        raise InputError(f"seed must be a whole number, not {quoted(seed)}", path)
    return Manifest(path, str(data.get("title") or path.stem), sources, _formats(data.get("formats"), path),
                    bool(data.get("merge", True)), seed, data.get("script"))


def _formats(formats: object, path: Path) -> tuple[str, ...] | None:
    """The manifest's ``formats`` (None: not given), each a name :data:`FORMATS` knows."""
    if formats is not None and (not isinstance(formats, list) or not all(isinstance(f, str) for f in formats)):
        raise InputError('formats must be a list of names, e.g. formats = ["apkg", "pdf"]', path)
    names = tuple(f.strip().lower() for f in formats or () if f.strip())
    unknown = [f for f in names if f not in FORMATS]
    if unknown:
        raise InputError(f"unknown format {shorten(', '.join(unknown))}; choose from {', '.join(FORMATS)}", path)
    return names or None


def manifest_options(manifest: Manifest, options: BuildOptions, seed_given: bool,
                     formats_given: bool) -> BuildOptions:
    """The options of a manifest's build: what the command line gave (``options``) wins
    over the manifest, whose title names a merged deck. ``seed_given``/``formats_given``:
    ``options`` holds a seed or formats from the command line, not the defaults."""
    merged = options.merge or manifest.merge
    return replace(options, name=options.name or (manifest.title if merged else None), merge=merged,
                   seed=options.seed if seed_given else manifest.seed or 0,
                   script=options.script or manifest.script,
                   formats=options.formats if formats_given or not manifest.formats else manifest.formats)


def manifest_inputs(manifest: Manifest) -> list[Input]:
    """The documents the manifest lists (folders expanded), each with its own options."""
    inputs: list[Input] = []
    for entry in manifest.sources:
        folder = entry.path if entry.path.is_dir() else None
        inputs.extend(Input(path, entry.encoding, None if folder else entry.title, folder)
                      for path in collect_inputs([entry.path]))
    return inputs
