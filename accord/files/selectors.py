"""Integrity reads: which stored files are missing or altered, and who references them.

References are found from the models themselves: every ForeignKey to Blob in any app counts,
so a new referencing model joins the report without registering. A reference is named by model
label and primary key only (never by its user-facing file name, which may be confidential:
this report goes to operators and logs).
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field

from django.apps import apps

from accord.files import storage
from accord.files.models import Blob

BATCH = 500
# Uploads kept in the database next to their hash (model, bytes field, hash field): checked too.
INLINE_UPLOADS = [("exchanges.ExchangeList", "content", "sha256")]


@dataclass
class Problem:
    sha256: str
    kind: str  # "missing" | "altered"
    references: list[str] = field(default_factory=list)

    def describe(self) -> str:
        used = ", ".join(self.references) if self.references else "no record"
        return f"{self.kind}: blob {self.sha256} (referenced by {used})"

    def as_dict(self) -> dict[str, object]:
        return {"sha256": self.sha256, "kind": self.kind, "references": self.references}


@dataclass
class Report:
    checked: int = 0
    problems: list[Problem] = field(default_factory=list)
    unreferenced: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems


def _blobs() -> Iterator[Blob]:
    yield from Blob.objects.order_by("id").only("id", "sha256", "size").iterator(BATCH)


def blob_references(blob_ids: list[int]) -> dict[int, list[str]]:
    """For each blob id, the records pointing at it ("truces.IncidentAttachment #12")."""
    found: dict[int, list[str]] = defaultdict(list)
    relations = [
        f for f in Blob._meta.get_fields(include_hidden=True) if f.one_to_many or f.one_to_one
    ]
    for relation in relations:
        model, name = relation.related_model, relation.field.name
        rows = model._base_manager.filter(**{f"{name}_id__in": blob_ids})
        for pk, blob_id in rows.values_list("pk", f"{name}_id").order_by("pk"):
            found[blob_id].append(f"{model._meta.label} #{pk}")
    return found


def blobs_verify() -> Report:
    """Check every Blob row's file (size and SHA-256); name each missing or altered one."""
    report = Report()
    broken: dict[int, Problem] = {}
    for blob in _blobs():
        report.checked += 1
        kind = storage.check(blob.sha256, blob.size)
        if kind:
            broken[blob.pk] = Problem(blob.sha256, kind)
    for blob_id, references in blob_references(list(broken)).items():
        broken[blob_id].references = references
    report.problems = list(broken.values()) + list(_inline_problems(report))
    known = set(Blob.objects.values_list("sha256", flat=True))
    report.unreferenced = sum(1 for sha, _path in storage.stored_hashes() if sha not in known)
    return report


def _inline_problems(report: Report) -> Iterator[Problem]:
    """Uploads held in a database column beside their SHA-256 (e.g. exchange lists)."""
    for label, content, sha in INLINE_UPLOADS:
        try:
            model = apps.get_model(label)
        except LookupError:
            continue
        rows = model._base_manager.order_by("pk").values_list("pk", content, sha)
        for pk, body, expected in rows.iterator(50):
            report.checked += 1
            if hashlib.sha256(bytes(body or b"")).hexdigest() != expected:
                yield Problem(expected, "altered", [f"{label} #{pk}"])
