"""Problems in a file, as values with a location, reported together like a compiler does."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from pydantic import BaseModel

from game.printable import Printable

Severity = Literal["error", "warning"]


@dataclass(frozen=True, slots=True)
class Position:
    """Where something is in a file: 1-based line and column.

    A plain dataclass, not a pydantic model: a load keeps one for every key and every value
    of the file (``SourceMap``), and a model costs about seven times the memory and four
    times the time to make.
    """

    path: str
    line: int = 1
    column: int = 1

    def shifted(self, columns: int) -> Position:
        return Position(path=self.path, line=self.line, column=self.column + columns)


class Diagnostic(BaseModel, frozen=True):
    """One problem: printed as ``path:line:column: severity: message``."""

    path: Printable  # a message quotes the file (keys, values, paths): controls are shown, not sent
    line: int
    column: int
    severity: Severity = "error"
    code: str
    message: Printable

    @classmethod
    def at(cls, position: Position, code: str, message: str, severity: Severity = "error") -> Diagnostic:
        return cls(
            path=position.path,
            line=position.line,
            column=position.column,
            severity=severity,
            code=code,
            message=message,
        )

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.severity}: {self.message}"


class ScenarioError(Exception):
    """Raised by helpers that need a valid scenario; carries every diagnostic."""

    def __init__(self, diagnostics: list[Diagnostic]) -> None:
        super().__init__("\n".join(str(d) for d in diagnostics))
        self.diagnostics = diagnostics
