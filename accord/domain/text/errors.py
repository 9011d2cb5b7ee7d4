"""Errors of the text engine: every one says where (line and column) the input went wrong."""

from __future__ import annotations


class TextError(ValueError):
    """Bad input for the text engine, located at a 1-based line and column of the source.

    `line` and `column` are None only when the input has no position (e.g. an empty file name).
    """

    def __init__(self, message: str, line: int | None = None, column: int | None = None) -> None:
        self.message = message
        self.line = line
        self.column = column
        super().__init__(self.located())

    def located(self, source: str = "") -> str:
        """The message prefixed with `source:line:column:` as compilers print it."""
        where = [part for part in (source, self.line, self.column) if part not in ("", None)]
        prefix = ":".join(str(part) for part in where)
        return f"{prefix}: {self.message}" if prefix else self.message


class NotationError(TextError):
    """The plain-text bracket notation is malformed (unbalanced brackets, empty option, ...)."""


class InputTooLargeError(TextError):
    """The input is over the size the engine accepts; the position is where the limit is crossed."""


class AcceptanceFormatError(TextError):
    """An acceptance file (ACC.json) is malformed; `line` points into the JSON when known."""


class DocxError(TextError):
    """A DOCX file cannot be read as a draft (not a DOCX, or a paragraph with bad notation)."""
