"""Demo: illustrative preferences for Russia, Ukraine and the US, one computed run, one release.

Everything here is invented (the article gives no utilities) and marked illustrative. Three
issues with options are added to the agenda (ceasefire line, sanctions relief, security
guarantees) beside the base demo's territory, prisoner exchange and energy truce.
"""

from __future__ import annotations

from accord.analysis import services
from accord.analysis.engine import agenda
from accord.demo.load import demo_seat
from accord.talks.models import Option, Process
from accord.talks.services import issue_add

EXTRA_ISSUES = [
    (
        "Ceasefire line",
        "Where a ceasefire would hold (illustrative options).",
        [
            "Current line of contact",
            "Line after Donbas withdrawal",
            "Demilitarised zone with monitors",
        ],
    ),
    (
        "Sanctions relief",
        "Whether and how sanctions on Russia are eased (illustrative options).",
        ["No relief", "Phased relief tied to compliance", "Immediate broad relief"],
    ),
    (
        "Security guarantees",
        "What protects Ukraine after a settlement (illustrative options).",
        ["Collective defence guarantees", "Bilateral assurances", "Neutrality without guarantees"],
    ),
]

# party code -> (reservation, notes, {issue: (weight 0..100, [score per option, in order])})
PREFERENCES = {
    "RU": (0.35, "(Illustrative) Territory and sanctions first; guarantees must not bind us.", {
        "Territory": (35, [1.0, 0.2]),
        "Ceasefire line": (15, [0.3, 1.0, 0.4]),
        "Sanctions relief": (25, [0.0, 0.6, 1.0]),
        "Security guarantees": (15, [0.0, 0.5, 1.0]),
        "Energy truce": (5, [0.6]),
        "Prisoner exchange": (5, [1.0]),
    }),
    "UA": (0.35, "(Illustrative) No ceding of territory; real guarantees are the price of peace.", {
        "Territory": (30, [0.0, 0.8]),
        "Ceasefire line": (15, [0.9, 0.0, 0.7]),
        "Sanctions relief": (10, [1.0, 0.6, 0.0]),
        "Security guarantees": (30, [1.0, 0.5, 0.0]),
        "Energy truce": (10, [0.9]),
        "Prisoner exchange": (5, [1.0]),
    }),
    "US": (0.4, "(Illustrative) A durable ceasefire with phased economic normalisation.", {
        "Territory": (10, [0.5, 0.7]),
        "Ceasefire line": (20, [0.7, 0.5, 1.0]),
        "Sanctions relief": (25, [0.2, 1.0, 0.6]),
        "Security guarantees": (20, [0.3, 1.0, 0.5]),
        "Energy truce": (15, [1.0]),
        "Prisoner exchange": (10, [1.0]),
    }),
}  # fmt: skip


def load_demo_extras(process: Process) -> None:
    start = max((i.order for i in process.issues.all()), default=0) + 1
    for order, (title, description, options) in enumerate(EXTRA_ISSUES, start=start):
        if not process.issues.filter(title=title).exists():
            issue_add(
                actor=None, process=process, title=title, description=description,
                order=order, options=options,
            )  # fmt: skip
    issues = {issue.title: issue for issue in agenda(process)}
    for code, (reservation, notes, spec) in PREFERENCES.items():
        present = {title: spec[title] for title in spec if title in issues}
        services.preference_save(
            seat=demo_seat(process, code),
            weights={issues[t]: float(w) for t, (w, _s) in present.items()},
            scores={
                option: score
                for t, (_w, scores) in present.items()
                for option, score in zip(issues[t].options.all(), scores, strict=True)
            },
            reservation=reservation,
            notes=notes,
            illustrative=True,
        )
    _run_and_release(process)


def _run_and_release(process: Process) -> None:
    mediator = demo_seat(process, None)
    run = services.run_create(seat=mediator, label="Illustrative first look", illustrative=True)
    run = services.run_compute(run=run)  # small enough to compute at load, without a job
    point = run.result.get("nash") or (run.result.get("frontier") or [None])[0]
    if point is None:
        return
    options = [
        Option.objects.select_related("issue").get(
            issue__process=process, issue__title=issue, label=label
        )
        for issue, label in point["outcome"].items()
    ]
    services.package_release(
        seat=mediator,
        options=options,
        run=run,
        illustrative=True,
        note="(Illustrative) The Nash bargaining package from the first analysis, for discussion.",
    )
