"""Prisoner-exchange list reconciliation: read lists, link them across scripts, flag duplicates.

Typical use::

    left = read_list("ua.xlsx"); right = read_list("ru.csv")
    links = link(left.records, right.records)        # one-to-one, accept / review
    groups = dedupe(left.records)                     # flagged, never merged

Raw submissions are never modified: each Record keeps its cells as submitted in `raw`.
"""

from accord.domain.exchange._dates import DateParseError, DateValue, parse_date
from accord.domain.exchange._dedupe import dedupe
from accord.domain.exchange._errors import ExchangeInputError
from accord.domain.exchange._key import name_key
from accord.domain.exchange._link import link
from accord.domain.exchange._names import given_canonical, patronymic_canonical
from accord.domain.exchange._reading import (
    MAX_BYTES,
    ExchangeList,
    InputWarning,
    read_list,
    read_list_bytes,
    read_rows,
)
from accord.domain.exchange._records import FIELDS, Record, make_record, split_full_name
from accord.domain.exchange._script import (
    detect_language,
    detect_script,
    fold_document_number,
    fold_mixed_text,
)
from accord.domain.exchange._translit import SYSTEMS, to_latin, transliterate
from accord.domain.exchange._types import (
    DuplicateGroup,
    FieldComparison,
    Link,
    Thresholds,
)

__all__ = [
    "FIELDS",
    "MAX_BYTES",
    "SYSTEMS",
    "DateParseError",
    "DateValue",
    "DuplicateGroup",
    "ExchangeInputError",
    "ExchangeList",
    "FieldComparison",
    "InputWarning",
    "Link",
    "Record",
    "Thresholds",
    "dedupe",
    "detect_language",
    "detect_script",
    "fold_document_number",
    "fold_mixed_text",
    "given_canonical",
    "link",
    "make_record",
    "name_key",
    "parse_date",
    "patronymic_canonical",
    "read_list",
    "read_list_bytes",
    "read_rows",
    "split_full_name",
    "to_latin",
    "transliterate",
]
