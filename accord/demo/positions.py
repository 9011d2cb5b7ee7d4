"""Positions and notes of the demo: public ones from the article, confidential ones illustrative."""

from __future__ import annotations

# party code, issue, option label or None, round, stance, red lines, visibility, illustrative
POSITIONS = [
    (
        "RU",
        "Territory",
        "Ukrainian withdrawal from the Donbas",
        2,
        "Moscow demands that Kyiv pull its troops out of swaths of the Donbas before any deal.",
        "",
        "public",
        False,
    ),
    (
        "UA",
        "Territory",
        "Freeze along the current front line",
        2,
        "The conflict should be frozen along the current front line; a pullback of forces is "
        "rejected.",
        "No withdrawal from territory Ukraine controls.",
        "public",
        False,
    ),
    (
        "UA",
        "Territory",
        "Freeze along the current front line",
        2,
        "Internal assessment: a freeze is acceptable only with binding security guarantees and "
        "international monitoring of the line.",
        "No recognition of occupied territory; guarantees before any ceasefire line is fixed.",
        "own",
        True,
    ),
    (
        "UA",
        "Territory",
        "Freeze along the current front line",
        2,
        "Shared with the mediators: Ukraine could discuss a demilitarised strip on both sides of "
        "the line if monitoring is international.",
        "",
        "mediator",
        True,
    ),
    (
        "RU",
        "Territory",
        "Ukrainian withdrawal from the Donbas",
        2,
        "Internal line: withdrawal from the remaining parts of Donetsk oblast is the precondition "
        "for any ceasefire.",
        "No freeze along the current line.",
        "own",
        True,
    ),
    (
        "RU",
        "Territory",
        "Ukrainian withdrawal from the Donbas",
        2,
        "Shared with the mediators: a phased withdrawal schedule could be discussed.",
        "",
        "mediator",
        True,
    ),
    (
        "RU",
        "Prisoner exchange",
        "Exchange of 314 prisoners",
        2,
        "Agreed to exchange 314 prisoners.",
        "",
        "public",
        False,
    ),
    (
        "UA",
        "Prisoner exchange",
        "Exchange of 314 prisoners",
        2,
        "Agreed to exchange 314 prisoners.",
        "",
        "public",
        False,
    ),
    (
        "US",
        "Prisoner exchange",
        "Exchange of 314 prisoners",
        2,
        "Witkoff announced that Russia and Ukraine agreed to exchange 314 prisoners.",
        "",
        "public",
        False,
    ),
    (
        "UA",
        "Energy truce",
        "Keep the energy truce with verification",
        2,
        "Russia exploited the US-backed energy truce last week to stockpile munitions, then "
        "attacked Ukraine with a record number of ballistic missiles on Tuesday.",
        "",
        "public",
        False,
    ),
    (
        "UA",
        "Sanctions and economic pressure",
        None,
        2,
        "Partners must exert more pressure on Moscow; Trump could use economic sanctions or "
        "transfer weapons to Ukraine to maintain pressure on Putin.",
        "",
        "public",
        False,
    ),
    (
        "RU",
        "US–Russia economic relations",
        None,
        2,
        "Active work is under way to restore Russia's relations with the United States, including "
        "in the US–Russia working group on the economy.",
        "",
        "public",
        False,
    ),
    ("UA", "Sovereignty", None, 2, "Kyiv will not compromise on sovereignty.", "", "public", False),
]

# owner code (None = mediators), issue or None, title, body, source, visibility, illustrative
NOTES = [
    (
        None,
        "Territory",
        "Polling: most Ukrainians oppose ceding territory",
        "Polls show that the majority of Ukrainians oppose a deal that would hand Moscow more "
        "territory. Kyiv residents told Reuters they were skeptical that new talks would bring a "
        "major breakthrough.",
        "Seed article (Reuters, via Xinhua)",
        "public",
        False,
    ),
    (
        None,
        "Territory",
        "Kremlin: fighting will persist",
        'Dmitry Peskov told reporters that fighting would persist "until the Kyiv regime makes the '
        'appropriate decisions".',
        "Seed article",
        "public",
        False,
    ),
    (
        None,
        "Energy truce",
        "Dispute over the energy truce",
        "Zelensky said Russia exploited the US-backed energy truce to stockpile munitions and "
        "attacked with a record number of ballistic missiles on Tuesday. No shared register of "
        "violations exists yet.",
        "Seed article",
        "public",
        False,
    ),
    (
        None,
        None,
        "Military teams at the table",
        'Rubio: "for the first time in a very long time, we have technical military teams from '
        "both Ukraine and Russia meeting in a forum that we'll also be involved in with our "
        'experts."',
        "Seed article",
        "public",
        False,
    ),
    (
        None,
        None,
        "Mediators' read-out (illustrative)",
        "Both delegations signalled flexibility on sequencing only in private; keep the territory "
        "discussion in the military technical format.",
        "",
        "mediator",
        True,
    ),
    (
        "UA",
        None,
        "Delegation briefing (illustrative)",
        "Coordinate the prisoner lists with the coordination headquarters before the next round.",
        "",
        "own",
        True,
    ),
]
