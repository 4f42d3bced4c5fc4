"""What goes wrong with a save, said plainly: the file, where in it when known, and why."""

from __future__ import annotations

from game.printable import printable


class SaveError(Exception):
    """A save that cannot be written, read, or trusted. ``str()`` is the message to show."""

    def __init__(
        self, message: str, path: str | None = None, line: int | None = None, column: int | None = None
    ) -> None:
        self.message = printable(message)  # it quotes the file: keys, names, actions
        self.path = printable(path) if path is not None else None
        self.line = line
        self.column = column
        super().__init__(self.__str__())

    def __str__(self) -> str:
        if self.path is None:
            return self.message
        if self.line is not None:
            return f"{self.path}:{self.line}:{self.column or 1}: {self.message}"
        return f"{self.path}: {self.message}"


class ScenarioChangedError(SaveError):
    """The scenario a save was played on has changed (or is another one) since it was saved."""
