"""Readings of a clause: one alternative chosen in every bracket that is in force.

Brackets are numbered 1, 2, ... in the order of their opening `[` (pre-order). A bracket nested
inside an alternative is in force only when that alternative is chosen, so a reading assigns an
alternative to exactly the brackets in force. Linked brackets (same label) in force together
take the same alternative number.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from .model import Alternative, Bracket, Clause, Segment
from .normalise import normalise_segments

type Reading = dict[int, int]  # bracket number -> alternative number (both 1-based)


@dataclass(frozen=True)
class BracketSite:
    """A bracket of a clause with its number and the alternative that contains it (if any)."""

    number: int
    bracket: Bracket
    parent: tuple[int, int] | None  # (bracket number, alternative number)


def bracket_sites(clause: Clause) -> tuple[BracketSite, ...]:
    """Every bracket of `clause`, numbered in pre-order."""
    sites: list[BracketSite] = []

    def visit(segments: tuple[Segment, ...], parent: tuple[int, int] | None) -> None:
        for segment in segments:
            if isinstance(segment, Bracket):
                site = BracketSite(len(sites) + 1, segment, parent)
                sites.append(site)
                for index, alternative in enumerate(segment.alternatives, start=1):
                    visit(alternative.segments, (site.number, index))

    visit(clause.segments, None)
    return tuple(sites)


def readings(
    sites: tuple[BracketSite, ...],
    allowed: Callable[[int, int], bool],
    *,
    one_per_labelling: bool = False,
) -> Iterator[Reading]:
    """Readings whose chosen alternatives are all `allowed(bracket, alternative)`.

    Disallowed alternatives are pruned as the search goes. With `one_per_labelling`, brackets
    that neither carry a label nor hold a labelled one take their first workable alternative
    only: every distinct choice of linked alternatives still appears, without enumerating the
    (possibly huge) product of the unlinked ones.
    """
    children: dict[tuple[int, int] | None, list[BracketSite]] = {}
    for site in sites:
        children.setdefault(site.parent, []).append(site)
    search = _Search(children, allowed, _label_free(sites) if one_per_labelling else set())
    yield from search.extend(list(children.get(None, [])), {}, {})


def _label_free(sites: tuple[BracketSite, ...]) -> set[int]:
    """Brackets with no label in themselves or anywhere inside them."""
    labelled = {site.number for site in sites if site.bracket.label is not None}
    parent_of = {site.number: site.parent[0] for site in sites if site.parent}
    tainted = set()
    for number in labelled:
        while number is not None:
            tainted.add(number)
            number = parent_of.get(number)
    return {site.number for site in sites} - tainted


class _Search:
    """Depth-first search over readings, pruning by `allowed` and by link labels."""

    def __init__(self, children, allowed: Callable[[int, int], bool], collapse: set[int]):
        self.children = children
        self.allowed = allowed
        self.collapse = collapse

    def extend(
        self, pending: list[BracketSite], chosen: Reading, labels: dict[str, int]
    ) -> Iterator[Reading]:
        if not pending:
            yield dict(chosen)
            return
        site, rest = pending[0], pending[1:]
        label = site.bracket.label
        for index in range(1, len(site.bracket.alternatives) + 1):
            if label in labels and labels[label] != index:
                continue
            if not self.allowed(site.number, index):
                continue
            opened = self.children.get((site.number, index), [])
            unworkable = (
                site.number in self.collapse
                and next(self.extend(list(opened), {}, {}), None) is None
            )
            if unworkable:
                continue
            chosen[site.number] = index
            fresh_label = label is not None and label not in labels
            if fresh_label:
                labels[label] = index
            yield from self.extend(opened + rest, chosen, labels)
            if fresh_label:
                del labels[label]
            del chosen[site.number]
            if site.number in self.collapse:
                return  # the rest cannot depend on which workable alternative this takes


def label_choices(sites: tuple[BracketSite, ...], reading: Reading) -> dict[str, int]:
    """The alternative number a reading gives each label in force."""
    return {
        site.bracket.label: reading[site.number]
        for site in sites
        if site.bracket.label is not None and site.number in reading
    }


def resolve(clause: Clause, reading: Reading) -> Clause:
    """The clause with every bracket replaced by its chosen alternative: no brackets remain."""
    counter = iter(range(1, 1_000_000))

    def flatten(segments: tuple[Segment, ...], active: bool) -> list[Segment]:
        out: list[Segment] = []
        for segment in segments:
            if isinstance(segment, str):
                out.append(segment)
                continue
            number = next(counter)
            if active and number not in reading:
                raise ValueError(f"the reading chooses nothing for bracket {number}")
            for index, alternative in enumerate(segment.alternatives, start=1):
                kept = flatten(alternative.segments, active and reading.get(number) == index)
                if active and reading.get(number) == index:
                    out.extend(kept)
        return out

    return Clause(clause.number, normalise_segments(tuple(flatten(clause.segments, True))))


def alternative_at(site: BracketSite, index: int) -> Alternative:
    """The `index`-th (1-based) alternative of a bracket."""
    return site.bracket.alternatives[index - 1]
