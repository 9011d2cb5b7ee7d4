"""The ACLED event coding (event types and their sub-event types) and its validation.

Source: the ACLED codebook's event-type table (6 event types, 25 sub-event types). Matching is
case-insensitive and tolerant of surrounding whitespace; the canonical spelling is returned.
"""

from __future__ import annotations

EVENT_TYPES: dict[str, tuple[str, ...]] = {
    "Battles": (
        "Armed clash",
        "Government regains territory",
        "Non-state actor overtakes territory",
    ),
    "Explosions/Remote violence": (
        "Chemical weapon",
        "Air/drone strike",
        "Suicide bomb",
        "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED",
        "Grenade",
    ),
    "Violence against civilians": (
        "Sexual violence",
        "Attack",
        "Abduction/forced disappearance",
    ),
    "Protests": (
        "Peaceful protest",
        "Protest with intervention",
        "Excessive force against protesters",
    ),
    "Riots": ("Violent demonstration", "Mob violence"),
    "Strategic developments": (
        "Agreement",
        "Arrests",
        "Change to group/activity",
        "Disrupted weapons use",
        "Headquarters or base established",
        "Looting/property destruction",
        "Non-violent transfer of territory",
        "Other",
    ),
}

_TYPES = {name.casefold(): name for name in EVENT_TYPES}


def canonical_event_type(value: str) -> str | None:
    """The canonical ACLED event type for `value`, or None when it is not one."""
    return _TYPES.get(value.strip().casefold())


def canonical_sub_event_type(event_type: str, value: str) -> str | None:
    """The canonical sub-event type of `event_type` matching `value`, or None."""
    canonical = canonical_event_type(event_type)
    if canonical is None:
        return None
    wanted = value.strip().casefold()
    return next((s for s in EVENT_TYPES[canonical] if s.casefold() == wanted), None)


def category_errors(event_type: str, sub_event_type: str) -> dict[str, str]:
    """Field -> message for an unknown event type or a sub-event type outside its type."""
    if canonical_event_type(event_type) is None:
        return {"event_type": f"Unknown ACLED event type {event_type!r}."}
    if canonical_sub_event_type(event_type, sub_event_type) is None:
        return {
            "sub_event_type": (
                f"{sub_event_type!r} is not an ACLED sub-event type of "
                f"{canonical_event_type(event_type)!r}."
            )
        }
    return {}


def event_type_choices() -> list[tuple[str, str]]:
    return [(name, name) for name in EVENT_TYPES]


def sub_event_type_choices() -> list[tuple[str, list[tuple[str, str]]]]:
    """Grouped choices (event type -> its sub-event types), as form widgets take them."""
    return [(name, [(s, s) for s in subs]) for name, subs in EVENT_TYPES.items()]
