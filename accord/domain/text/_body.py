"""Recursive-descent parser of one clause body: text, `[a {RU} | b]`, nesting, escapes, labels."""

from __future__ import annotations

import re

from .errors import NotationError
from .model import Alternative, Bracket, Segment

MAX_DEPTH = 32
ESCAPABLE = "\\[]|{}#"
_LABEL = re.compile(r"#([A-Za-z0-9_\-]+)(?:\s+|(?=\]))")
_PARTY = re.compile(r"[A-Za-z0-9_.\-]+")


class BodyParser:
    """Parses `text` (which starts at `column` of `line`) into segments.

    `links` is shared across the document: label -> (alternative count, line, column) of the
    first bracket bearing it, so linked brackets can be checked to offer as many options.
    """

    def __init__(
        self,
        text: str,
        line: int,
        column: int,
        parties: frozenset[str] | None,
        links: dict[str, tuple[int, int, int]],
    ) -> None:
        self.text = text
        self.line = line
        self.offset = column - 1
        self.parties = parties
        self.links = links
        self.pos = 0

    def error(self, message: str, pos: int | None = None) -> NotationError:
        where = self.pos if pos is None else pos
        return NotationError(message, self.line, self.offset + where + 1)

    def parse(self) -> tuple[Segment, ...]:
        segments = self._sequence(depth=0)
        if self.pos < len(self.text):
            raise self._stray(self.text[self.pos])
        return segments

    def _stray(self, char: str) -> NotationError:
        messages = {
            "]": "`]` closes no bracket (unbalanced brackets)",
            "|": "`|` separates alternatives only inside brackets",
            "{": "a proposer `{...}` may only end an alternative inside brackets",
            "}": "`}` closes no proposer tag",
        }
        return self.error(messages[char])

    def _sequence(self, depth: int) -> tuple[Segment, ...]:
        segments: list[Segment] = []
        buffer: list[str] = []
        while self.pos < len(self.text):
            char = self.text[self.pos]
            if char == "\\":
                buffer.append(self._escaped())
            elif char == "[":
                if buffer:
                    segments.append("".join(buffer))
                    buffer = []
                segments.append(self._bracket(depth + 1))
            elif char in "]|{}":
                if char == "}" or (depth == 0):
                    raise self._stray(char)
                break
            else:
                buffer.append(char)
                self.pos += 1
        if buffer:
            segments.append("".join(buffer))
        return tuple(segments)

    def _escaped(self) -> str:
        following = self.text[self.pos + 1 : self.pos + 2]
        if not following:
            raise self.error("a backslash ends the line: nothing to escape")
        if following in ESCAPABLE:
            self.pos += 2
            return following
        self.pos += 1
        return "\\"

    def _bracket(self, depth: int) -> Bracket:
        opened = self.pos
        if depth > MAX_DEPTH:
            raise self.error(f"brackets nest deeper than {MAX_DEPTH} levels")
        self.pos += 1
        label = self._label()
        alternatives = [self._alternative(depth, opened)]
        while self.text[self.pos] == "|":
            self.pos += 1
            alternatives.append(self._alternative(depth, opened))
        self.pos += 1  # the closing `]`
        if label is not None:
            self._check_link(label, len(alternatives), opened)
        return Bracket(tuple(alternatives), label)

    def _label(self) -> str | None:
        skipped = len(self.text[self.pos :]) - len(self.text[self.pos :].lstrip())
        match = _LABEL.match(self.text, self.pos + skipped)
        if match is None:
            return None
        self.pos = match.end()
        return match.group(1)

    def _alternative(self, depth: int, opened: int) -> Alternative:
        start = self.pos
        segments = self._sequence(depth)
        proposers: tuple[str, ...] = ()
        if self.pos < len(self.text) and self.text[self.pos] == "{":
            proposers = self._proposers()
        if self.pos >= len(self.text):
            raise self.error("`[` is never closed (unbalanced brackets)", opened)
        if not any(s.strip() if isinstance(s, str) else True for s in segments):
            raise self.error("empty alternative: write the option or remove the `|`", start)
        return Alternative(segments, proposers)

    def _proposers(self) -> tuple[str, ...]:
        opened = self.pos
        closing = self.text.find("}", opened)
        if closing < 0:
            raise self.error("`{` is never closed", opened)
        names = [name.strip() for name in self.text[opened + 1 : closing].split(",")]
        for name in names:
            self._check_party(name, opened)
        self.pos = closing + 1
        while self.pos < len(self.text) and self.text[self.pos].isspace():
            self.pos += 1
        if self.pos < len(self.text) and self.text[self.pos] not in "|]":
            raise self.error("a proposer `{...}` must end its alternative (before `|` or `]`)")
        return tuple(names)

    def _check_party(self, name: str, opened: int) -> None:
        if not _PARTY.fullmatch(name):
            raise self.error(
                f"bad proposer {name!r}: use party codes like {{RU}} or {{RU, US}}", opened
            )
        if self.parties is not None and name not in self.parties:
            known = ", ".join(sorted(self.parties))
            raise self.error(f"unknown proposer {name!r} (known parties: {known})", opened)

    def _check_link(self, label: str, count: int, opened: int) -> None:
        first = self.links.setdefault(label, (count, self.line, self.offset + opened + 1))
        if first[0] != count:
            raise self.error(
                f"bracket #{label} has {count} alternatives but the bracket it is linked to "
                f"(line {first[1]}, column {first[2]}) has {first[0]}",
                opened,
            )
