"""The final reconciled list as CSV: one row per resolved person, spreadsheet-safe cells."""

from __future__ import annotations

import csv
import io

from accord.exchanges.selectors import Person, Summary

HEADER = [
    "person", "reconciled", "category", "status", "score",
    "left_party", "left_id", "left_row", "left_name", "left_birth_date",
    "right_party", "right_id", "right_row", "right_name", "right_birth_date", "mediator_id",
]  # fmt: skip
_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def safe(value: object) -> str:
    """A cell a spreadsheet program will not run as a formula."""
    text = str(value)
    return "'" + text if text.startswith(_FORMULA) else text


def _side(record) -> list[object]:
    if record is None:
        return ["", "", "", "", ""]
    party = record.exchange_list.owner_party.code if record.exchange_list.owner_party else ""
    return [party, record.record_key, record.row, record.full_name, record.birth_date]


def _row(number: int, person: Person, mediator_of: dict[int, str]) -> list[object]:
    """One person; `mediator_id` is the id in the mediators' own list an accepted link gives."""
    left = person.records[0]
    right = person.records[1] if len(person.records) > 1 else None
    score = f"{person.link.score:.4f}" if person.link else ""
    return [
        number, "yes" if person.link else "no", person.category, person.status, score,
        *_side(left), *_side(right),
        next((mediator_of[r.pk] for r in person.records if r.pk in mediator_of), ""),
    ]  # fmt: skip


def export_csv(summary: Summary) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(HEADER)
    for number, person in enumerate(summary.persons, start=1):
        writer.writerow([safe(cell) for cell in _row(number, person, summary.mediator_of)])
    return out.getvalue()
