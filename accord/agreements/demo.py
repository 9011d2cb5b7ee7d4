"""Demo: the 314-prisoner exchange and the energy truce from the seed as agreements.

From the article: Witkoff said Russia and Ukraine agreed to exchange 314 prisoners; Russia was
accused of exploiting a US-backed energy truce, and the record ballistic-missile attack came on
Tuesday. The split, deadlines, verifiers and statuses are invented and marked illustrative.

The exchanges, truces and texts demos load first (app order), so the provisions link to the
demo exchange (its aggregate counts are the evidence), the energy truce, and clause 1.1 of the
released framework text; a second agreement is built from that text's agreed clauses. The
first release carries a handover record (a DOCX, invented) as its evidence document.
"""

from __future__ import annotations

import io
from datetime import date

import docx
from django.core.files.uploadedfile import SimpleUploadedFile

from accord.agreements import links, services
from accord.agreements.models import ImplementationStatus, Provision
from accord.demo.load import demo_seat
from accord.domain.visibility import Visibility
from accord.exchanges import selectors as exchange_selectors
from accord.talks.access import Seat
from accord.talks.models import Party, Process
from accord.truces import selectors as truce_selectors

ILLUSTRATIVE = " (illustrative)"


def _statuses(
    seat: Seat, entries: list[tuple[Provision, int, date, str]]
) -> list[ImplementationStatus]:
    return [
        services.status_record(
            seat=seat,
            provision=provision,
            level=level,
            as_of=as_of,
            evidence=evidence + ILLUSTRATIVE,
            visibility=Visibility.PUBLIC,
            illustrative=True,
        )
        for provision, level, as_of, evidence in entries
    ]


def _handover_record() -> bytes:
    """A one-page DOCX, as a verifier's handover record would arrive (invented)."""
    document = docx.Document()
    document.add_heading("Handover record: first group (illustrative)", level=1)
    for line in (
        "Place: border crossing point (illustrative). Date: 14 February 2026.",
        "Persons handed over: first group under provision 1.1 of the exchange agreement.",
        "Witnessed by the mediators' liaison and the ICRC (illustrative).",
        "Names are held in the reconciled exchange list, not in this record.",
    ):
        document.add_paragraph(line)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _exchange_agreement(mediator: Seat, parties: dict[str, Party], version) -> None:
    exchange = exchange_selectors.exchange_list(seat=mediator).filter(agreed_number=314).first()
    agreement = services.agreement_create(
        seat=mediator,
        title="Prisoner exchange (314)",
        summary="Russia and Ukraine agreed to exchange 314 prisoners (Witkoff, Thursday). "
        "The split and deadline below are illustrative.",
        source_reference="Second round, Abu Dhabi; statement by Steve Witkoff",
        concluded_on=date(2026, 2, 5),
        visibility=Visibility.PUBLIC,
        illustrative=True,
    )
    provisions = [
        services.provision_add(
            seat=mediator,
            agreement=agreement,
            obligor=parties[code],
            action=action,
            due_on=date(2026, 2, 20),
            verifier="Mediators (US) with the ICRC (illustrative)",
            clause_reference="clause 1.1",
            text_version=version,
            clause_number="1.1" if version is not None else "",
            exchange=exchange,
        )
        for code, action in [
            ("RU", "Release 157 Ukrainian prisoners (illustrative split)."),
            ("UA", "Release 157 Russian prisoners (illustrative split)."),
        ]
    ]
    *_, released = _statuses(
        mediator,
        [
            (provisions[0], 1, date(2026, 2, 10), "Lists exchanged; names being reconciled."),
            (provisions[1], 1, date(2026, 2, 10), "Lists exchanged; names being reconciled."),
            (provisions[0], 2, date(2026, 2, 14), "First group released at the border."),
        ],
    )
    services.document_add(
        seat=mediator,
        status=released,
        upload=SimpleUploadedFile("handover-record-2026-02-14.docx", _handover_record()),
        description="Handover record of the first group (illustrative)",
        illustrative=True,
    )


def _truce_agreement(mediator: Seat, parties: dict[str, Party]) -> None:
    truce = truce_selectors.truce_list(seat=mediator).filter(name="Energy truce").first()
    agreement = services.agreement_create(
        seat=mediator,
        title="Energy truce (US-backed)",
        summary="Both sides to refrain from strikes on energy infrastructure; the start date "
        "itself is disputed (see the truce's claimed dates). Details illustrative.",
        source_reference="US announcement; parties' statements",
        visibility=Visibility.PUBLIC,
        illustrative=True,
    )
    provisions = [
        services.provision_add(
            seat=mediator,
            agreement=agreement,
            obligor=parties[code],
            action=action,
            verifier="Mediators (US), from the shared violation register (illustrative)",
            truce=truce,
        )
        for code, action in [
            ("RU", "No strikes on Ukrainian energy infrastructure."),
            ("UA", "No strikes on Russian energy infrastructure."),
        ]
    ]
    _statuses(
        mediator,
        [
            (provisions[0], 2, date(2026, 1, 31), "Strikes on energy sites paused."),
            (provisions[1], 2, date(2026, 1, 31), "Strikes on energy sites paused."),
            (provisions[0], 1, date(2026, 2, 3), "Record ballistic-missile attack reported "
             "on Tuesday; verification disputed."),
        ],
    )  # fmt: skip


def load_demo_extras(process: Process) -> None:
    mediator = demo_seat(process, None)
    parties = {p.code: p for p in Party.objects.filter(process=process)}
    version = links.released_versions(seat=mediator).filter(text__illustrative=True).last()
    _exchange_agreement(mediator, parties, version)
    _truce_agreement(mediator, parties)
    if version is not None and links.agreed_clauses(seat=mediator, version=version):
        services.agreement_from_text(
            seat=mediator,
            version=version,
            title="Round two: clauses agreed in the framework text",
            summary="Every clause all three delegations accepted in the released text "
            "(illustrative text).",
            visibility=Visibility.PARTIES,
            illustrative=True,
        )
