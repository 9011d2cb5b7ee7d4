"""Plain data the statement engine takes and returns: no behaviour beyond (de)serialisation."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

CLI_KEYS = (
    "doc",
    "speaker",
    "speaker_mention",
    "role",
    "party",
    "quote",
    "start",
    "end",
    "kind",
    "cue",
    "issue",
    "tone",
)


@dataclass(frozen=True)
class KnownPerson:
    """A Person record of the process: resolved before any gazetteer guess."""

    name: str
    party: str | None = None
    role: str | None = None
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Issue:
    """An agenda issue and the keywords that tie a statement to it (case-insensitive)."""

    name: str
    keywords: tuple[str, ...]


@dataclass(frozen=True)
class Statement:
    """One attributed statement; `quote == source_text[start:end]` always holds (provenance).

    `speaker_type` is person, organisation or group ("Ukrainian officials"); `proposed_person`
    marks a person speaker that is not among the known persons, to be reviewed as a new Person.
    `claim` is "agreed" / "not agreed" when the quote claims that, for checking against the
    agreement register.
    """

    doc: str
    speaker: str
    speaker_mention: str
    role: str | None
    party: str | None
    quote: str
    start: int
    end: int
    kind: str
    cue: str
    issue: tuple[str, ...] = ()
    tone: str = "neutral"
    date: str | None = None
    speaker_type: str = "person"
    proposed_person: bool = False
    mention_start: int = -1
    claim: str | None = None

    def to_dict(self) -> dict[str, object]:
        """Every field, JSON-ready."""
        data = asdict(self)
        data["issue"] = list(self.issue)
        return data

    def to_cli_dict(self) -> dict[str, object]:
        """Exactly the keys of the CLI contract, in contract order."""
        data = self.to_dict()
        return {key: data[key] for key in CLI_KEYS}


@dataclass(frozen=True)
class Document:
    """A loaded source: its text (offsets refer to it), an id and an optional publication date."""

    doc_id: str
    text: str
    published: str | None = None
    title: str | None = None
    source: str | None = None


@dataclass
class LoadReport:
    """What a loader produced from one file: documents, or one clear error message."""

    path: str
    documents: list[Document] = field(default_factory=list)
    error: str | None = None
