"""The demo's consultation on territory: invented statements and synthetic votes (illustrative).

The votes come from three invented opinion profiles with a fixed seed, so the report shows the
same groups on every load. The analysis runs here, synchronously, through the engine.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import numpy as np

from accord.consultations import services
from accord.consultations.analysis import analysis_run
from accord.consultations.models import Consultation, Participant, Vote
from accord.domain.visibility import Visibility
from accord.talks.models import Issue, Process

SEED = 8
START = datetime(2026, 1, 26, 9, 0, tzinfo=UTC)

#: Statement and the chance of "agree" in each invented profile (hold firm, freeze, pragmatic).
STATEMENTS: list[tuple[str, tuple[float, float, float]]] = [
    ("Ukraine should not cede any territory it currently controls.", (0.95, 0.75, 0.25)),
    (
        "A ceasefire along the current front line is better than continued fighting.",
        (0.25, 0.9, 0.9),
    ),
    (
        "Any agreement must include binding security guarantees from Western states.",
        (0.9, 0.95, 0.5),
    ),
    ("Territorial questions can be postponed while a ceasefire holds.", (0.15, 0.85, 0.7)),
    ("Prisoner exchanges should continue whatever happens in the talks.", (0.92, 0.93, 0.9)),
    ("People in occupied areas must be able to leave safely.", (0.95, 0.95, 0.9)),
    ("Sanctions on Russia should stay until all troops withdraw.", (0.95, 0.6, 0.15)),
    ("A referendum in Ukraine should approve any territorial arrangement.", (0.75, 0.85, 0.6)),
    (
        "Withdrawal from the Donbas would be acceptable in exchange for a lasting peace.",
        (0.05, 0.2, 0.8),
    ),
    ("The energy truce should be restored and independently monitored.", (0.85, 0.9, 0.88)),
    ("The United States is a fair broker in these talks.", (0.25, 0.5, 0.65)),
    ("Elections should be held soon after a ceasefire.", (0.3, 0.5, 0.75)),
    ("Frozen Russian assets should pay for reconstruction.", (0.95, 0.85, 0.4)),
    ("Negotiations should continue even while attacks go on.", (0.2, 0.7, 0.9)),
]
PROFILE_SHARES = (0.45, 0.35, 0.20)
PASS_CHANCE = 0.1


def synthetic_votes(consultation: Consultation, *, participants: int = 240, seed: int = SEED):
    """Invented participants voting by profile, spread over ten days (bulk, for demo and tests).

    Statements are the consultation's accepted ones in id order, matched to `STATEMENTS`.
    """
    rng = np.random.default_rng(seed)
    statements = list(consultation.statements.filter(status="accepted").order_by("pk"))
    chances = np.array([STATEMENTS[i % len(STATEMENTS)][1] for i in range(len(statements))])
    profiles = rng.choice(3, size=participants, p=PROFILE_SHARES)
    joined = [
        START + timedelta(minutes=int(m)) for m in rng.integers(0, 10 * 24 * 60, participants)
    ]
    people = Participant.objects.bulk_create(
        Participant(consultation=consultation, imported=True) for _ in range(participants)
    )
    votes = []
    for person, profile, when in zip(people, profiles, joined, strict=True):
        seen = rng.random(len(statements)) < 0.85
        for index in np.flatnonzero(seen):
            roll = rng.random()
            value = (
                0 if roll < PASS_CHANCE else (1 if rng.random() < chances[index, profile] else -1)
            )
            at = when + timedelta(seconds=int(20 * index))
            votes.append(
                Vote(
                    participant=person,
                    statement=statements[index],
                    value=value,
                    created_at=at,
                    updated_at=at,
                )
            )
    Vote.objects.bulk_create(votes, batch_size=2000)
    return len(votes)


def load_demo_extras(process: Process) -> None:
    from accord.demo.load import demo_seat

    mediator = demo_seat(process, None)
    issue = Issue.objects.filter(process=process, title="Territory").first()
    consultation = services.consultation_create(
        seat=mediator,
        title="Citizens on territory and a ceasefire (illustrative)",
        question="What should a settlement on territory look like? Vote on each statement.",
        issue=issue,
        illustrative=True,
    )
    services.statement_seed(
        seat=mediator, consultation=consultation, texts=[text for text, _ in STATEMENTS]
    )
    synthetic_votes(consultation)
    result = analysis_run(actor=mediator.membership.user, consultation=consultation)
    services.result_release(
        seat=mediator,
        result=result,
        visibility=Visibility.PARTIES,
        title="Public consultation on territory: opinion groups (illustrative)",
        summary="Illustrative: the statements and the 240 participants' votes are invented for "
        "the demo (three synthetic opinion profiles, fixed seed).",
    )
