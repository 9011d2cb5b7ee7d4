"""Pages: every seat of the process sees the public monitor, outsiders get 404s."""

from __future__ import annotations

import html

import pytest
from django.test import Client

from accord.domain.visibility import Visibility
from accord.talks import services as talks_services
from accord.talks.models import Person
from tests.table import Table
from tests.web.monitor.helpers import ingest, statement_by

SEATS = ["ua", "ru", "us", "mediator", "observer"]


def _client(table: Table, user: str) -> Client:
    client = Client()
    client.force_login(table.users[user])
    return client


def _urls(table: Table) -> list[str]:
    document = ingest(table)
    statement = statement_by(table, "Rustem Umerov")
    pid = table.process.pk
    umerov = Person.objects.get(name="Rustem Umerov")
    base = f"/p/{pid}/monitor/"
    return [
        base,
        f"{base}parties/{table.parties['UA'].pk}/",
        f"{base}issues/{table.issue.pk}/",
        f"{base}people/{umerov.pk}/",
        f"{base}statements/{statement.pk}/",
        f"{base}documents/",
        f"{base}documents/{document.pk}/",
    ]


@pytest.mark.parametrize("user", SEATS)
def test_every_seat_reads_the_public_monitor(table: Table, user: str) -> None:
    client = _client(table, user)
    for url in _urls(table):
        response = client.get(url)
        assert response.status_code == 200, url
        expected = "A test article" if url.endswith("/documents/") else "Umerov"
        assert expected in response.content.decode(), url


def test_outsiders_get_404_everywhere(table: Table) -> None:
    urls = _urls(table)
    client = _client(table, "outsider")
    for url in [*urls, f"/p/{table.process.pk}/monitor/review/"]:
        assert client.get(url).status_code == 404, url


def test_a_statement_from_another_process_is_404(table: Table) -> None:
    from tests.table import build_table

    other = build_table("Other talks")
    ingest(other)
    foreign = statement_by(other, "Rustem Umerov")
    url = f"/p/{table.process.pk}/monitor/statements/{foreign.pk}/"
    assert _client(table, "mediator").get(url).status_code == 404


def test_the_highlighted_span_is_the_quote_in_its_source(table: Table) -> None:
    text = ingest(
        table, 'Intro <b>not bold</b>.\nRustem Umerov said "the talks & the <b> tags" went well.\n'
    ).text
    statement = statement_by(table, "Rustem Umerov")
    assert text[statement.start : statement.end] == statement.quote
    body = (
        _client(table, "ua")
        .get(f"/p/{table.process.pk}/monitor/statements/{statement.pk}/")
        .content.decode()
    )
    start = body.index('<mark id="quote">') + len('<mark id="quote">')
    marked = body[start : body.index("</mark>", start)]
    assert html.unescape(marked) == statement.quote
    assert "<b>" not in body.split('class="source-text">', 1)[1].split("</div>", 1)[0]


def _position(table: Table, code: str, label: str) -> None:
    option = table.issue.options.get(label=label)
    talks_services.position_submit(
        seat=table.seat(code.lower()),
        issue=table.issue,
        stance=f"{code} stance",
        option=option,
        visibility=Visibility.PARTIES,
    )


def _statement_page(table: Table, user: str) -> str:
    statement = statement_by(table, "Rustem Umerov")
    assert statement.claim == "agreed"
    url = f"/p/{table.process.pk}/monitor/statements/{statement.pk}/"
    return _client(table, user).get(url).content.decode()


def test_a_claim_of_agreement_on_a_conflicting_issue_is_flagged(table: Table) -> None:
    ingest(table)
    _position(table, "UA", "Freeze")
    _position(table, "RU", "Withdrawal")
    flag = "claims agreement on Territory, but positions on the record still conflict"
    assert flag in _statement_page(table, "mediator")
    timeline = _client(table, "mediator").get(f"/p/{table.process.pk}/monitor/").content
    assert flag in timeline.decode()


def test_no_flag_when_the_record_converges(table: Table) -> None:
    ingest(table)
    _position(table, "UA", "Freeze")
    _position(table, "RU", "Freeze")
    assert "claims agreement" not in _statement_page(table, "mediator")


def test_the_flag_uses_only_positions_the_seat_can_see(table: Table) -> None:
    ingest(table)
    _position(table, "UA", "Freeze")
    _position(table, "RU", "Withdrawal")
    # the observer sees no party-level positions: for it the record shows nothing converging
    page = _statement_page(table, "observer")
    assert "still conflict" not in page
    assert "the record shows no converging positions" in page


def test_filters_narrow_the_timeline(table: Table) -> None:
    ingest(table)
    client = _client(table, "mediator")
    base = f"/p/{table.process.pk}/monitor/"
    ru = client.get(base, {"party": table.parties["RU"].pk}).content.decode()
    assert "Peskov" in ru and "Umerov" not in ru.split("<tbody>")[1]
    agreed = client.get(base, {"claim": "agreed"}).content.decode()
    assert "have agreed" in agreed and "cede land" not in agreed
    bad = client.get(base, {"party": "abc", "tone": "angry"})
    assert bad.status_code == 200


def test_the_timeline_query_count_does_not_grow_with_statements(
    table: Table, django_assert_max_num_queries
) -> None:
    for n in range(6):
        ingest(
            table,
            f"Rustem Umerov said on day {n} that the territory talks were good.\n"
            f"Dmitry Peskov said on day {n} the prisoner exchange was agreed.\n",
            doc_id=f"d{n}",
        )
    client = _client(table, "mediator")
    for url in ("", f"issues/{table.issue.pk}/", f"parties/{table.parties['UA'].pk}/"):
        with django_assert_max_num_queries(14):
            response = client.get(f"/p/{table.process.pk}/monitor/{url}")
        assert response.status_code == 200
    umerov = Person.objects.get(name="Rustem Umerov")
    with django_assert_max_num_queries(14):
        client.get(f"/p/{table.process.pk}/monitor/people/{umerov.pk}/")
