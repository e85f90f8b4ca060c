"""A problem found in a deck or review file, where it is and what it is."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One problem: ``file:line: where: message`` (line and where when known)."""

    file: str
    line: int | None
    where: str  # e.g. "item s3-p2-t4-choice" or "note G4tdwyoQR9"
    message: str
    structural: bool = False  # review files: items cannot be told apart (blocks a merge)
    warning: bool = False  # a quality reason (Item.quality): reported, not an error

    @property
    def is_error(self) -> bool:
        return not self.warning

    def __str__(self) -> str:
        location = f"{self.file}:{self.line}" if self.line else self.file
        return ": ".join(part for part in (location, self.where, self.message) if part)
