"""Object ids in URLs and API paths: bounded so that no database sees an out-of-range integer."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

MAX_ID = 2**63 - 1

#: An id as the API accepts it (path, query or body): a positive 64-bit integer.
Id = Annotated[int, Field(ge=1, le=MAX_ID)]


class IdConverter:
    """URL converter `<id:name>`: at most 18 digits, so always inside a 64-bit integer."""

    regex = "[0-9]{1,18}"

    def to_python(self, value: str) -> int:
        return int(value)

    def to_url(self, value: int) -> str:
        return str(value)
