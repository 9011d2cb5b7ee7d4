"""Safe reading of GENIUS XML files: defusedxml, and errors that name the file and element."""

from __future__ import annotations

import math
import xml.etree.ElementTree as ET
from pathlib import Path

import defusedxml
import defusedxml.ElementTree as SafeET

from accord.domain.analysis.errors import ScenarioError

MAX_XML_BYTES = 20_000_000


def parse_xml(path: Path) -> ET.Element:
    """The root element of a GENIUS file; DTDs, entities and external references are refused."""
    try:
        if path.stat().st_size > MAX_XML_BYTES:
            raise ScenarioError(f"{path}: larger than {MAX_XML_BYTES} bytes")
        return SafeET.parse(path, forbid_dtd=True).getroot()
    except ET.ParseError as error:
        line, column = error.position
        raise ScenarioError(f"{path}: line {line}, column {column}: malformed XML") from error
    except defusedxml.DefusedXmlException as error:
        raise ScenarioError(f"{path}: refused unsafe XML ({error})") from error
    except OSError as error:
        raise ScenarioError(f"{path}: cannot be read ({error.strerror})") from error


def describe(element: ET.Element) -> str:
    """`<issue name="Price" index="1">`-style label of an element for error messages."""
    shown = {
        key: element.attrib[key] for key in ("name", "index", "value") if key in element.attrib
    }
    attributes = "".join(f' {key}="{value}"' for key, value in shown.items())
    return f"<{element.tag}{attributes}>"


def number(path: Path, element: ET.Element, attribute: str, default: float | None = None) -> float:
    """A finite float attribute, or a ScenarioError naming file, element and attribute."""
    raw = element.attrib.get(attribute)
    if raw is None:
        if default is not None:
            return default
        raise ScenarioError(f"{path}: {describe(element)} has no {attribute!r} attribute")
    try:
        value = float(raw)
    except ValueError as error:
        raise ScenarioError(
            f"{path}: {describe(element)} {attribute}={raw!r} is not a number"
        ) from error
    if not math.isfinite(value):
        raise ScenarioError(f"{path}: {describe(element)} {attribute}={raw!r} is not finite")
    return value


def text_attribute(path: Path, element: ET.Element, attribute: str) -> str:
    value = element.attrib.get(attribute)
    if value is None or not value.strip():
        raise ScenarioError(f"{path}: {describe(element)} has no {attribute!r} attribute")
    return value
