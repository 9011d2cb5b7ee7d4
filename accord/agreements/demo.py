"""Demo: the 314-prisoner exchange from the seed as an agreement with provisions.

From the article: Witkoff said Russia and Ukraine agreed to exchange 314 prisoners. The split,
deadline, verifier and status are invented and marked illustrative.
"""

from __future__ import annotations

from datetime import date

from accord.agreements import services
from accord.demo.load import demo_seat
from accord.domain.visibility import Visibility
from accord.talks.models import Party, Process


def load_demo_extras(process: Process) -> None:
    mediator = demo_seat(process, None)
    parties = {p.code: p for p in Party.objects.filter(process=process)}
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
            clause_reference="Exchange list, illustrative",
        )
        for code, action in [
            ("RU", "Release 157 Ukrainian prisoners (illustrative split)."),
            ("UA", "Release 157 Russian prisoners (illustrative split)."),
        ]
    ]
    for provision, level, as_of, evidence in [
        (provisions[0], 1, date(2026, 2, 10), "Lists exchanged; names being reconciled."),
        (provisions[1], 1, date(2026, 2, 10), "Lists exchanged; names being reconciled."),
        (provisions[0], 2, date(2026, 2, 14), "First group released at the border."),
    ]:
        services.status_record(
            seat=mediator,
            provision=provision,
            level=level,
            as_of=as_of,
            evidence=f"{evidence} (illustrative)",
            visibility=Visibility.PUBLIC,
            illustrative=True,
        )
