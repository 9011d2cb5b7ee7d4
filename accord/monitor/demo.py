"""The demo's news monitor: the seed article (Accord's founding story), ingested at load time.

The article ships with the app (demo_article.txt), so the demo needs no shared folder. Its
publication date is illustrative (the article says "Thursday", the demo's second round ends on
Thursday 5 February 2026), and so are the two annotations.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from accord.domain.statements import load_file
from accord.monitor import services
from accord.monitor.models import Statement
from accord.talks.models import Process

ARTICLE = Path(__file__).with_name("demo_article.txt")
PUBLISHED = date(2026, 2, 5)  # illustrative
SOURCE = "Seed article: Abu Dhabi peace talks (wire report), built into Accord's demo"

ANNOTATIONS = [
    (
        "UA",
        "Volodymyr Zelensky",
        "Keep this line in every briefing: the truce breach is documented in our incident "
        "reports; cite them when the energy truce is next discussed.",
    ),
    (
        "RU",
        "Dmitry Peskov",
        "Consistent with the agreed press line; avoid repeating 'regime' in joint formats.",
    ),
]


def load_demo_extras(process: Process) -> None:
    """Ingest the seed article synchronously and add one own annotation each for UA and RU."""
    from accord.demo.load import demo_seat

    mediator = demo_seat(process, None)
    report = load_file(ARTICLE)
    if report.error:
        raise RuntimeError(f"demo article: {report.error}")
    context = services.IngestContext.of(process)
    for document in report.documents:
        services.document_ingest(
            actor=mediator.membership.user,
            context=context,
            document=document,
            source=SOURCE,
            published=PUBLISHED,
            illustrative=True,
        )
    for code, speaker, body in ANNOTATIONS:
        statement = (
            Statement.objects.filter(process=process, speaker_name=speaker)
            .order_by("start")
            .first()
        )
        if statement is not None:
            services.annotation_add(
                seat=demo_seat(process, code), statement=statement, body=body, illustrative=True
            )
