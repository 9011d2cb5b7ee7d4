"""Joint speakers written as a name and a counterpart: "President X and his French
counterpart say ..." is both of them, the second named by the title the text gives him."""

from __future__ import annotations

import re

from ._gazetteer import Gazetteer
from ._mention import Mention
from ._speakers import subject_before

#: "French counterpart" found as the subject, with "and his" right before it.
_COUNTERPART = re.compile(r"([A-Z][\w'’\-]+)\s+counterparts?")
_AND_POSSESSIVE = re.compile(r"\s+and\s+(?:his|her)\s+$")


def with_counterpart(masked: str, mention: Mention, floor: int, gaz: Gazetteer) -> Mention:
    """The found subject "French counterpart" after "Name and his": a group of the named
    person and the counterpart (resolved later to whoever holds that title), because the
    plural verb has both for its subject, not the counterpart alone."""
    counterpart = _COUNTERPART.fullmatch(mention.text)
    joined = _AND_POSSESSIVE.search(masked, floor, mention.start) if counterpart else None
    if counterpart is None or joined is None:
        return mention
    first = subject_before(masked, joined.start(), floor, gaz)
    if first is None or first.kind != "person" or not first.role:
        return mention
    name = f"{first.name} and {counterpart.group(1)} counterpart"
    text = masked[first.start : mention.end]
    return Mention(text, first.start, mention.end, "group", name=name, role=first.role)
