"""Reading and writing a review file as round-trip YAML (comments kept, real Chinese
characters, long lines never folded).

YAML aliases (``*name``) are read, but what they add to the parts of the file quizgen
reads is bounded: a few lines of nested aliases (a "billion laughs" file) would otherwise
expand to gigabytes as soon as anything walks the data. Such a file is refused, at the
line of the alias (in the item that uses it).
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap
from ruamel.yaml.composer import Composer, ComposerError, MaxDepthExceededError
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.events import AliasEvent
from ruamel.yaml.nodes import MappingNode, SequenceNode

from ..errors import InputError, shorten
from ..ingest.read import require_file
from .problems import Problem
from .schema import TOP_KEYS

# What aliases may add to a review file: values plus characters of text they repeat
# (a file that uses an anchor for a shared explanation stays far below it).
MAX_ALIAS_EXPANSION = 100_000
# How deeply values may nest (a review file quizgen writes nests 4 deep)
MAX_DEPTH = 50


class AliasExpansionError(ComposerError):
    """An alias that refers to the value it is in, or aliases that expand too much."""


class BoundedComposer(Composer):
    """ruamel's composer, counting the values and characters each alias repeats."""

    def __init__(self, loader: Any = None) -> None:
        super().__init__(loader)
        self.sizes: dict[int, int] = {}  # id(node) -> its size with aliases expanded
        self.expanded = 0
        self.section: Any = None  # the top-level key whose value is being composed

    def compose_document(self: Any) -> Any:
        self.sizes, self.expanded, self.section = {}, 0, None
        return super().compose_document()

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.depth == 1 and index is not None:  # a value of the file's top-level mapping
            self.section = getattr(index, "value", None)
        if self.parser.check_event(AliasEvent):
            if self.section in TOP_KEYS:  # what quizgen reads (a key it does not know is not)
                self._count_alias(self.parser.peek_event())
            return super().compose_node(parent, index)
        node = super().compose_node(parent, index)
        self.sizes[id(node)] = 1 + self._content_size(node)
        return node

    def _content_size(self, node: Any) -> int:
        if isinstance(node, SequenceNode):
            return sum(self.sizes[id(child)] for child in node.value)
        if isinstance(node, MappingNode):
            return sum(self.sizes[id(key)] + self.sizes[id(value)] for key, value in node.value)
        return len(str(node.value))

    def _count_alias(self, event: Any) -> None:
        target = self.anchors.get(event.anchor)
        if target is None:
            return  # ruamel reports the undefined alias
        name = shorten(str(event.anchor), 30)
        size = self.sizes.get(id(target))
        if size is None:
            raise AliasExpansionError(None, None, f"YAML alias *{name} refers to the value it is in",
                                      event.start_mark)
        self.expanded += size
        if self.expanded > MAX_ALIAS_EXPANSION:
            raise AliasExpansionError(
                None, None, f"YAML aliases expand to more than {MAX_ALIAS_EXPANSION:,} values "
                f"and characters (at *{name}); write the value out instead", event.start_mark)


def review_yaml() -> YAML:
    """The YAML reader and writer of review files."""
    yaml = YAML(typ="rt")
    yaml.Composer = BoundedComposer
    yaml.max_depth = MAX_DEPTH
    yaml.allow_unicode = True
    yaml.width = 4096  # never fold long Chinese lines
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


def dump(root: CommentedMap) -> str:
    buffer = io.StringIO()
    review_yaml().dump(root, buffer)
    return buffer.getvalue()


def read_text(path: Path) -> str:
    require_file(path, "a review file")
    try:
        return path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError("not UTF-8 text; save the review file as UTF-8", path) from None
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}", path) from None


def parse(path: Path) -> Any:
    """Read a review file as round-trip YAML; a syntax error is an :class:`InputError`."""
    path = Path(path)
    root, problem = parse_text(path, read_text(path))
    if problem:
        raise InputError(problem.message, f"{path}:{problem.line}" if problem.line else path)
    return root


def parse_text(path: Path, text: str) -> tuple[Any, Problem | None]:
    """(data, None), or (None, the syntax problem with its line). Aliases that expand too
    much and values nested too deep are no problem to list but a file to refuse:
    :class:`InputError`."""
    try:
        return review_yaml().load(text), None
    except (AliasExpansionError, MaxDepthExceededError) as exc:
        mark = exc.problem_mark
        message = str(exc.problem) if isinstance(exc, AliasExpansionError) else \
            f"YAML values nested more than {MAX_DEPTH} deep"
        raise InputError(message, f"{path}:{mark.line + 1}" if mark else path) from None
    except MarkedYAMLError as exc:
        # A construct left open (a quote, a bracket) is found only at the end of the file:
        # then where it starts is the place to look.
        runaway = "end of stream" in str(exc.problem) and exc.context_mark is not None
        mark = exc.context_mark if runaway else (exc.problem_mark or exc.context_mark)
        what = ", ".join(" ".join(str(part).split()) for part in (exc.context, exc.problem) if part)
        return None, Problem(str(path), mark.line + 1 if mark else None, "",
                             f"YAML syntax error: {what}")
    except YAMLError as exc:
        return None, Problem(str(path), None, "", f"YAML error: {' '.join(str(exc).split())}")
