"""Coordinates and incident dates: the checks every report and imported row passes."""

from __future__ import annotations

from datetime import date


def coordinate_errors(latitude: float | None, longitude: float | None) -> dict[str, str]:
    """Field -> message when coordinates are out of range or only one of the pair is given."""
    errors: dict[str, str] = {}
    if (latitude is None) != (longitude is None):
        missing = "longitude" if longitude is None else "latitude"
        errors[missing] = "Give both latitude and longitude, or neither."
    if latitude is not None and not -90.0 <= latitude <= 90.0:
        errors["latitude"] = f"Latitude {latitude} is outside -90..90."
    if longitude is not None and not -180.0 <= longitude <= 180.0:
        errors["longitude"] = f"Longitude {longitude} is outside -180..180."
    return errors


def date_errors(day: date, *, today: date, earliest: date | None) -> dict[str, str]:
    """Field -> message for a date in the future or before the truce's earliest claimed start."""
    if day > today:
        return {"event_date": f"{day.isoformat()} is in the future."}
    if earliest is not None and day < earliest:
        return {
            "event_date": (
                f"{day.isoformat()} is before the truce started (earliest claimed start "
                f"{earliest.isoformat()})."
            )
        }
    return {}
