"""Whether a statement claims that something was agreed, or that it was not.

The monitor app compares these claims with the agreement register ("said a deal was agreed"
while the register says it is not). Negated forms are tested first, so "have not agreed" is
never read as "agreed".
"""

from __future__ import annotations

import re

_NOT_AGREED = re.compile(
    r"\b(?:(?:have|has|had|did|do|does|was|were|is|are)\s*(?:not|n't)\s+(?:yet\s+)?"
    r"(?:agreed|agree|reached|signed|accepted)|no\s+(?:deal|agreement|accord|breakthrough|"
    r"consensus)|not\s+(?:been\s+)?(?:agreed|reached|signed)|never\s+(?:agreed|accepted|signed)|"
    r"(?:rejected|refused)\b)",
    re.IGNORECASE,
)
_AGREED = re.compile(
    r"\b(?:agreed|reached\s+(?:an?\s+|the\s+)?(?:deal|agreement|accord|understanding|consensus)|"
    r"(?:deal|agreement|accord)\s+(?:is|was|has\s+been)\s+(?:done|reached|agreed|signed)|"
    r"signed\s+(?:an?\s+|the\s+)?(?:deal|agreement|accord|memorandum))\b",
    re.IGNORECASE,
)


def agreement_claim(quote: str) -> str | None:
    """'not agreed', 'agreed', or None when the quote claims neither."""
    if _NOT_AGREED.search(quote):
        return "not agreed"
    if _AGREED.search(quote):
        return "agreed"
    return None
