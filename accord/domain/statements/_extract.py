"""From text to statements: quotations, units, attributions, resolution, then the labels."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from ._attribution import PREVIOUS, Attribution, find_attributions
from ._claims import agreement_claim
from ._gazetteer import Gazetteer, default_gazetteer
from ._lexicon import DEFAULT_ISSUES, issues_of, tone_of
from ._model import Issue, KnownPerson, Statement
from ._quotes import QuoteIndex, find_quotations, headline_cues_lowered, masked, sentence_units
from ._resolve import Resolver, Speaker


def extract(
    text: str,
    *,
    doc_id: str,
    known_persons: Iterable[KnownPerson] = (),
    issues: Iterable[Issue] = DEFAULT_ISSUES,
    published: str | None = None,
    gazetteer: Gazetteer | None = None,
) -> list[Statement]:
    """Attributed statements of one document, in text order.

    Every statement's `quote` is `text[start:end]`. Known persons are matched before the
    gazetteer; person speakers not among them come back with `proposed_person=True`.
    """
    gaz = gazetteer or default_gazetteer()
    issue_list = tuple(issues)
    found_quotes = find_quotations(text)
    blanked = headline_cues_lowered(masked(text, found_quotes))
    quotes = QuoteIndex(found_quotes)
    resolver = Resolver(blanked, gaz, tuple(known_persons))
    found: list[Statement] = []
    previous_unit: tuple[int, int] | None = None
    last_unit = (0, 0)
    for unit in sentence_units(text, found_quotes):
        made = []
        for found_attribution in find_attributions(blanked, unit, gaz):
            attribution = found_attribution
            if attribution.start == PREVIOUS:
                attribution = _onto_previous_quote(text, quotes, attribution, last_unit)
                if attribution is None:
                    continue
                span = _span_and_kind(text, quotes, attribution.start, attribution.end)[:2]
                found = [s for s in found if (s.start, s.end) != span]
            role = attribution.role
            speaker = resolver.resolve(attribution.mention, attribution.mention.start, role)
            if speaker is not None:
                made.append(
                    _statement(text, quotes, attribution, speaker, doc_id, published, issue_list)
                )
        if not made and found and previous_unit is not None:
            made = _continued(text, quotes, unit, previous_unit, found[-1], issue_list)
        if made:
            previous_unit = unit
        found.extend(made)
        last_unit = unit
    return _deduplicated(found)


def _statement(
    text, quotes, attribution: Attribution, speaker: Speaker, doc_id, published, issues
) -> Statement:
    start, end, kind = _span_and_kind(text, quotes, attribution.start, attribution.end)
    quote = text[start:end]
    mention = attribution.mention
    return Statement(
        doc=doc_id,
        speaker=speaker.name,
        speaker_mention=text[mention.start : mention.end],
        role=speaker.role,
        party=speaker.party,
        quote=quote,
        start=start,
        end=end,
        kind=kind,
        cue=attribution.cue.lower(),
        issue=issues_of(quote, issues),
        tone=tone_of(quote),
        date=published,
        speaker_type=speaker.type,
        proposed_person=speaker.proposed,
        mention_start=mention.start,
        claim=agreement_claim(quote),
    )


def _onto_previous_quote(text, quotes, attribution: Attribution, unit) -> Attribution | None:
    """'Bondar said later.' after a paragraph that is only a quotation: that quotation."""
    start, end = unit
    while end > start and text[end - 1] in " .,":
        end -= 1
    if end <= start or _span_and_kind(text, quotes, start, end)[2] != "direct":
        return None
    return replace(attribution, start=start, end=end)


def _span_and_kind(text: str, quotes: QuoteIndex, start: int, end: int):
    """A content that is exactly one quotation becomes its inner words (direct speech)."""
    quote = quotes.starting_at(start)
    if quote is not None and quote.balanced and quote.close in (end, end + 1):
        inner_end = quote.inner_end
        while inner_end > quote.inner_start and text[inner_end - 1] in " ,\n":
            inner_end -= 1
        return quote.inner_start, inner_end, "direct"
    if quote is not None and not quote.balanced and quote.close >= end:
        return quote.inner_start, end, "direct"
    return start, end, "mixed" if quotes.overlaps(start, end) else "indirect"


def _continued(text, quotes, unit, previous_unit, last: Statement, issues) -> list[Statement]:
    """A unit that is nothing but a quotation, right after a statement in the same paragraph or
    the next (one blank line), continues it: the guideline's rule after a direct statement; a
    newscast's 'X said Friday major powers have agreed ...' then a paragraph of X's actuality
    extends it to an indirect one."""
    if text.count("\n", previous_unit[1], unit[0]) > 2:
        return []
    start, end = unit
    while end > start and text[end - 1] in " .,":
        end -= 1
    span = _span_and_kind(text, quotes, start, end)
    if span[2] != "direct":
        return []
    quote = text[span[0] : span[1]]
    return [
        Statement(
            doc=last.doc,
            speaker=last.speaker,
            speaker_mention=last.speaker_mention,
            role=last.role,
            party=last.party,
            quote=quote,
            start=span[0],
            end=span[1],
            kind="direct",
            cue=last.cue,
            issue=issues_of(quote, issues),
            tone=tone_of(quote),
            date=last.date,
            speaker_type=last.speaker_type,
            proposed_person=last.proposed_person,
            mention_start=last.mention_start,
            claim=agreement_claim(quote),
        )
    ]


def _deduplicated(statements: list[Statement]) -> list[Statement]:
    seen: set[tuple[int, int]] = set()
    kept = []
    for statement in statements:
        if (statement.start, statement.end) not in seen and statement.end > statement.start:
            seen.add((statement.start, statement.end))
            kept.append(statement)
    return kept
