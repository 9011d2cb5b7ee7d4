"""The participant's pages: one statement at a time, no account, rate-limited, anonymous."""

from __future__ import annotations

import pytest
from django.test import Client

from accord.consultations.models import ConsultationStatement, Participant, Vote
from accord.consultations.public import COOKIE

pytestmark = pytest.mark.django_db


def first_statement(consultation) -> ConsultationStatement:
    return consultation.statements.order_by("pk").first()


def test_page_shows_question_and_a_statement_without_login(consultation, token) -> None:
    response = Client().get(f"/c/{token}/")
    body = response.content.decode()
    assert response.status_code == 200
    assert consultation.question in body
    assert first_statement(consultation).text in body
    assert not Participant.objects.exists()  # looking creates nobody


def test_plain_form_vote_records_and_moves_on(consultation, token) -> None:
    client = Client()
    statement = first_statement(consultation)
    response = client.post(f"/c/{token}/vote", {"statement": statement.pk, "value": "1"})
    assert response.status_code == 302
    assert COOKIE in response.cookies
    assert Vote.objects.get().value == 1
    page = client.get(f"/c/{token}/").content.decode()
    assert statement.text not in page
    assert "Statement 2 of" in page


def test_htmx_vote_swaps_in_the_next_statement(consultation, token) -> None:
    client = Client()
    statement = first_statement(consultation)
    response = client.post(
        f"/c/{token}/vote", {"statement": statement.pk, "value": "-1"}, HTTP_HX_REQUEST="true"
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert body.lstrip().startswith('<section id="card"')
    assert statement.text not in body
    assert "Statement 2 of" in body


def test_duplicate_votes_count_once_and_the_latest_wins(consultation, token) -> None:
    client = Client()
    statement = first_statement(consultation)
    for value in ("1", "-1", "0", "-1"):
        client.post(f"/c/{token}/vote", {"statement": statement.pk, "value": value})
    vote = Vote.objects.get()
    assert vote.value == -1
    assert Participant.objects.count() == 1


def test_two_devices_are_two_participants(consultation, token) -> None:
    statement = first_statement(consultation)
    for _ in range(2):
        Client().post(f"/c/{token}/vote", {"statement": statement.pk, "value": "1"})
    assert Participant.objects.count() == 2
    assert Vote.objects.count() == 2


@pytest.mark.parametrize("value", ["2", "", "agree", "1.5"])
def test_bad_vote_values_are_refused(consultation, token, value) -> None:
    response = Client().post(
        f"/c/{token}/vote", {"statement": first_statement(consultation).pk, "value": value}
    )
    assert response.status_code == 400
    assert not Vote.objects.exists()


def test_votes_on_pending_or_foreign_statements_are_refused(consultation, token, table) -> None:
    pending = ConsultationStatement.objects.create(
        consultation=consultation, text="Not yet moderated"
    )
    response = Client().post(f"/c/{token}/vote", {"statement": pending.pk, "value": "1"})
    assert response.status_code == 400
    assert "not open for votes" in response.content.decode()
    response = Client().post(f"/c/{token}/vote", {"statement": 999999, "value": "1"})
    assert response.status_code == 400
    assert not Vote.objects.exists()


def test_rate_limit_stops_a_fast_voter_with_a_clear_message(consultation, token, settings) -> None:
    settings.ACCORD_CONSULT_VOTES_PER_MINUTE = 3
    client = Client()
    statements = list(consultation.statements.order_by("pk"))
    codes = [
        client.post(f"/c/{token}/vote", {"statement": s.pk, "value": "1"}).status_code
        for s in statements[:4]
    ]
    assert codes == [302, 302, 302, 429]
    assert Vote.objects.count() == 3
    response = client.post(
        f"/c/{token}/vote", {"statement": statements[5].pk, "value": "1"}, HTTP_HX_REQUEST="true"
    )
    assert "voting very fast" in response.content.decode()
    assert Vote.objects.count() == 3


def test_csrf_applies(consultation, token) -> None:
    client = Client(enforce_csrf_checks=True)
    response = client.post(
        f"/c/{token}/vote", {"statement": first_statement(consultation).pk, "value": "1"}
    )
    assert response.status_code == 403
    assert not Vote.objects.exists()


def test_submitted_statement_waits_for_moderation(consultation, token) -> None:
    client = Client()
    response = client.post(f"/c/{token}/statements", {"text": "Let displaced families return."})
    assert response.status_code == 200
    assert "once a moderator accepts it" in response.content.decode()
    statement = ConsultationStatement.objects.get(text="Let displaced families return.")
    assert statement.status == "pending" and statement.author is not None
    page = client.get(f"/c/{token}/").content.decode()
    assert "Let displaced families return." not in page


def test_statement_submissions_are_validated_and_rate_limited(
    consultation, token, settings
) -> None:
    settings.ACCORD_CONSULT_STATEMENTS_PER_HOUR = 1
    client = Client()
    assert client.post(f"/c/{token}/statements", {"text": "x"}).status_code == 400
    assert client.post(f"/c/{token}/statements", {"text": "First idea"}).status_code == 200
    response = client.post(f"/c/{token}/statements", {"text": "Second idea"})
    assert response.status_code == 429
    assert ConsultationStatement.objects.filter(status="pending").count() == 1


def test_closed_consultation_takes_no_votes(consultation, token, table) -> None:
    from accord.consultations import services

    services.consultation_set_status(
        seat=table.seat("mediator"), consultation=consultation, status="closed"
    )
    assert "closed" in Client().get(f"/c/{token}/").content.decode()
    response = Client().post(
        f"/c/{token}/vote", {"statement": first_statement(consultation).pk, "value": "1"}
    )
    assert response.status_code == 400
    assert not Vote.objects.exists()


def test_unknown_or_withdrawn_links_are_404(consultation, token, table) -> None:
    from accord.consultations import services

    assert Client().get("/c/not-a-real-token-at-all/").status_code == 404
    services.invite_set_active(
        seat=table.seat("mediator"), invite=consultation.invites.get(), active=False
    )
    assert Client().get(f"/c/{token}/").status_code == 404


def test_behind_the_proxy_new_participants_count_per_client_network(
    consultation, token, settings
) -> None:
    """Every request reaches Accord from the proxy; the join limit must count real clients."""
    settings.ACCORD_CONSULT_NEW_PARTICIPANTS_PER_HOUR = 1
    settings.BEHIND_TLS = True
    statement = first_statement(consultation)

    def join(network: str) -> int:
        client = Client(REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR=network)
        return client.post(
            f"/c/{token}/vote", {"statement": statement.pk, "value": "1"}
        ).status_code

    assert [join("192.0.2.1"), join("198.51.100.7")] == [302, 302]
    assert join("192.0.2.1") == 429
    assert Participant.objects.count() == 2
