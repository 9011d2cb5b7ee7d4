"""Facts of the demo scenario as plain data.

Everything here comes from the seed article unless it is marked `illustrative`: the article gives
no dates, utilities, confidential positions or minutes, so those are invented plausibly and
labelled as such wherever they are shown.
"""

from __future__ import annotations

from datetime import date

PROCESS = {
    "name": "Abu Dhabi talks on ending the war in Ukraine",
    "description": (
        "Trilateral talks between Russia, Ukraine and the United States hosted by the United "
        "Arab Emirates; the three delegations sit around a U-shaped table. Round dates are "
        "illustrative (the article gives weekdays only)."
    ),
    "host": "United Arab Emirates (Abu Dhabi)",
}

# code: (name, kind, also_broker)
PARTIES = {
    "RU": ("Russia", "party", False),
    "UA": ("Ukraine", "party", False),
    "US": ("United States", "party", True),
    "AE": ("United Arab Emirates", "host", False),
}

PEOPLE = [
    ("Steve Witkoff", "US Presidential Special Envoy", "US"),
    ("Marco Rubio", "US Secretary of State", "US"),
    ("Donald Trump", "President of the United States", "US"),
    ("Kirill Dmitriev", "Russian President Vladimir Putin's envoy", "RU"),
    ("Dmitry Peskov", "Kremlin spokesman", "RU"),
    ("Vladimir Putin", "President of Russia", "RU"),
    (
        "Rustem Umerov",
        "Ukraine's top negotiator; head of the National Security and Defence Council",
        "UA",
    ),
    ("Volodymyr Zelensky", "President of Ukraine", "UA"),
]

# username: (password, role, party code or None, what the seat shows)
LOGINS = {
    "mediator": ("mediator-demo", "mediator", None, "the mediation team (US envoys)"),
    "ukraine": ("ukraine-demo", "delegation", "UA", "Ukraine's delegation"),
    "russia": ("russia-demo", "delegation", "RU", "Russia's delegation"),
    "usa": ("usa-demo", "delegation", "US", "the United States delegation"),
    "observer": ("observer-demo", "observer", "AE", "the host (UAE) as observer"),
}
ADMIN_LOGIN = ("admin", "admin-demo")
# Seats the apps' demo extras create (accord/texts/demo.py: releases need a second mediator).
EXTRA_LOGINS = {
    "mediator2": ("mediator2-demo", "a second mediator, to approve releases (four eyes)"),
}

ROUNDS = [
    {
        "number": 1,
        "title": "First round (last month)",
        "place": "Abu Dhabi",
        "starts_on": date(2026, 1, 23),
        "ends_on": date(2026, 1, 24),
        "outcome": "No major breakthrough was delivered.",
    },
    {
        "number": 2,
        "title": "Second round (Wednesday–Thursday)",
        "place": "Abu Dhabi",
        "starts_on": date(2026, 2, 4),
        "ends_on": date(2026, 2, 5),
        "outcome": (
            "Russia and Ukraine agreed to exchange 314 prisoners. Talks described as detailed, "
            "productive and positive; territory remains the main sticking point; work continues "
            "in the coming weeks."
        ),
    },
]

WORKING_GROUPS = [
    (
        "US–Russia working group on the economy",
        "Restoring Russia's relations with the United States (Dmitriev).",
        ["RU", "US"],
    ),
    (
        "Military technical teams",
        "Technical military teams from Ukraine and Russia, with US experts involved (Rubio).",
        ["RU", "UA", "US"],
    ),
]

# round number, title, format, date, working group name or None, participant codes
SESSIONS = [
    (1, "Trilateral meeting", "trilateral", date(2026, 1, 23), None, ["RU", "UA", "US"]),
    (
        2,
        "Trilateral consultations, day one",
        "trilateral",
        date(2026, 2, 4),
        None,
        ["RU", "UA", "US"],
    ),
    (2, "Group discussions", "working_group", date(2026, 2, 4), None, ["RU", "UA", "US"]),
    (
        2,
        "Joint coordination of positions",
        "joint_coordination",
        date(2026, 2, 4),
        None,
        ["RU", "UA", "US"],
    ),
    (
        2,
        "Military technical teams",
        "working_group",
        date(2026, 2, 4),
        "Military technical teams",
        ["RU", "UA", "US"],
    ),
    (
        2,
        "US–Russia economic working group",
        "working_group",
        date(2026, 2, 5),
        "US–Russia working group on the economy",
        ["RU", "US"],
    ),
    (
        2,
        "Trilateral consultations, day two",
        "trilateral",
        date(2026, 2, 5),
        None,
        ["RU", "UA", "US"],
    ),
]

ISSUES = [
    (
        "Territory",
        "The main sticking point: the Donbas and the line of contact.",
        ["Ukrainian withdrawal from the Donbas", "Freeze along the current front line"],
    ),
    (
        "Prisoner exchange",
        "Exchange of prisoners of war and detained civilians.",
        ["Exchange of 314 prisoners"],
    ),
    (
        "Energy truce",
        "The US-backed truce on strikes against energy infrastructure.",
        ["Keep the energy truce with verification"],
    ),
    (
        "Sanctions and economic pressure",
        "Pressure on Moscow through sanctions and arms supplies.",
        [],
    ),
    ("US–Russia economic relations", "Restoring economic ties between the US and Russia.", []),
    ("Sovereignty", "Ukraine's sovereignty in any settlement.", []),
]
