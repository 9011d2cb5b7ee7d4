"""The exchanges API records statuses and takes list uploads under the web pages' rules.

Status logs: a delegation on records of its own submission only (never "exchanged"), mediators
on links and records; another party's record is 404. Uploads: a delegation's side or the
mediators' own list, the same streaming size limit, the engine's messages naming the file,
row and column; a refused file stores nothing. Every write is audited.
"""

from __future__ import annotations

import io
import json

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from accord.accounts.tokens import token_create
from accord.audit.models import AuditEntry
from accord.domain.visibility import Visibility
from accord.exchanges import services
from accord.exchanges.models import CandidateLink, ExchangeList, ListRecord, PersonStatusEvent
from tests.table import Table
from tests.web.exchanges.helpers import (
    LATIN_HEADER,
    LATIN_ROWS,
    UA_HEADER,
    UA_ROWS,
    csv_bytes,
    make_exchange,
    reconciled,
)

OTHERS = ("ru", "us", "observer", "outsider")  # for a UA record


def token_client(table: Table, name: str) -> Client:
    _token, plain = token_create(user=table.users[name], name="api tests")
    return Client(HTTP_AUTHORIZATION=f"Bearer {plain}")


def base(table: Table) -> str:
    return f"/api/exchanges/{table.process.pk}"


def _record(side: str, key: str) -> ListRecord:
    return ListRecord.objects.get(exchange_list__owner_party__code=side, record_key=key)


def _record_url(table: Table, record: ListRecord) -> str:
    return f"{base(table)}/records/{record.pk}/statuses"


def _link_url(table: Table, link: CandidateLink) -> str:
    return f"{base(table)}/links/{link.pk}/statuses"


def _post_json(client: Client, url: str, body: object):
    return client.post(url, json.dumps(body), content_type="application/json")


def _fields(response) -> set[str]:
    """The field names the error detail points at (its `loc` entries)."""
    return {str(part) for problem in response.json()["detail"] for part in problem["loc"]}


def _messages(response) -> str:
    return " ".join(problem["msg"] for problem in response.json()["detail"])


def _status_audits() -> list[AuditEntry]:
    return list(AuditEntry.objects.filter(action="exchange.status.record"))


@pytest.fixture
def exchange(table: Table):
    return reconciled(table)


def _accepted_link(ua: ListRecord, ru: ListRecord) -> CandidateLink:
    link = CandidateLink.objects.get(left__in=[ua, ru], right__in=[ua, ru])
    assert link.final == "accept"
    return link


# Statuses on records


def test_delegation_records_on_its_own_record_and_reads_its_log(table: Table, exchange) -> None:
    record = _record("RU", "RU-1")
    client = token_client(table, "ru")
    response = _post_json(client, _record_url(table, record), {"status": "confirmed", "note": "x"})
    assert response.status_code == 201, response.content
    body = response.json()
    event = PersonStatusEvent.objects.get()
    assert body["id"] == event.pk and body["record_id"] == record.pk and body["link_id"] is None
    assert body["status"] == "confirmed" and body["note"] == "x"
    assert body["party_id"] == table.parties["RU"].pk and body["visibility"] == "mediator"
    entry = AuditEntry.objects.get(action="exchange.status.record")
    assert entry.object_id == str(event.pk) and entry.actor == f"user:{table.users['ru'].pk}"
    assert entry.process_id == table.process.pk
    log = client.get(_record_url(table, record))
    assert log.status_code == 200
    assert [(e["id"], e["status"]) for e in log.json()] == [(event.pk, "confirmed")]


@pytest.mark.parametrize("who", OTHERS)
def test_another_party_observer_or_outsider_gets_404_on_a_record(
    table: Table, exchange, who: str
) -> None:
    record = _record("UA", "UA-1")
    services.status_record(
        seat=table.seat("ua"), exchange=exchange, record=record, status="requested"
    )
    client = token_client(table, who)
    assert client.get(_record_url(table, record)).status_code == 404
    response = _post_json(client, _record_url(table, record), {"status": "disputed"})
    assert response.status_code == 404
    assert list(PersonStatusEvent.objects.values_list("status", flat=True)) == ["requested"]
    assert len(_status_audits()) == 1


def test_delegation_cannot_record_exchanged(table: Table, exchange) -> None:
    record = _record("UA", "UA-1")
    response = _post_json(
        token_client(table, "ua"), _record_url(table, record), {"status": "exchanged"}
    )
    assert response.status_code == 400
    assert "status" in _fields(response) and "mediator" in _messages(response)
    assert not PersonStatusEvent.objects.exists() and not _status_audits()


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"status": "freed"}, "status"),
        ({"note": "no status"}, "status"),
        ({"status": 3}, "status"),
        ({"status": "requested", "note": "n" * 401}, "note"),
    ],
)
def test_bad_status_input_is_422_naming_the_field(
    table: Table, exchange, payload: dict, field: str
) -> None:
    record = _record("UA", "UA-1")
    response = _post_json(token_client(table, "ua"), _record_url(table, record), payload)
    assert response.status_code == 422
    assert field in _fields(response)
    assert not PersonStatusEvent.objects.exists() and not _status_audits()


def test_a_record_log_shows_each_seat_only_the_events_it_may_see(table: Table, exchange) -> None:
    ua, ru = _record("UA", "UA-1"), _record("RU", "RU-1")
    ua_client, mediator = token_client(table, "ua"), token_client(table, "mediator")
    assert _post_json(ua_client, _record_url(table, ua), {"status": "requested"}).status_code == 201
    response = _post_json(mediator, _record_url(table, ua), {"status": "disputed", "note": "m"})
    assert response.status_code == 201
    assert response.json()["party_id"] is None and response.json()["visibility"] == "own"
    services.status_record(seat=table.seat("ru"), exchange=exchange, record=ru, status="confirmed")
    assert [e["status"] for e in ua_client.get(_record_url(table, ua)).json()] == ["requested"]
    assert [e["status"] for e in mediator.get(_record_url(table, ua)).json()] == [
        "requested",
        "disputed",
    ]
    assert [e["status"] for e in mediator.get(_record_url(table, ru)).json()] == ["confirmed"]
    assert ua_client.get(_record_url(table, ru)).status_code == 404


def test_mediators_own_list_records_are_404_to_a_delegation(table: Table) -> None:
    exchange = make_exchange(table)
    own = services.list_upload(
        seat=table.seat("mediator"), exchange=exchange, file_name="icrc.csv",
        data=csv_bytes(LATIN_HEADER, LATIN_ROWS),
    )  # fmt: skip
    record = own.records.first()
    for who in ("ua", "ru"):
        client = token_client(table, who)
        assert client.get(_record_url(table, record)).status_code == 404
        assert (
            _post_json(client, _record_url(table, record), {"status": "requested"}).status_code
            == 404
        )
    response = _post_json(
        token_client(table, "mediator"), _record_url(table, record), {"status": "requested"}
    )
    assert response.status_code == 201
    assert PersonStatusEvent.objects.get().record_id == record.pk


# Statuses on links


def test_mediator_records_on_an_accepted_link_and_reads_the_persons_log(
    table: Table, exchange
) -> None:
    ua, ru = _record("UA", "UA-1"), _record("RU", "RU-1")
    link = _accepted_link(ua, ru)
    services.status_record(seat=table.seat("ua"), exchange=exchange, record=ua, status="requested")
    client = token_client(table, "mediator")
    response = _post_json(client, _link_url(table, link), {"status": "exchanged", "note": "done"})
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["link_id"] == link.pk and body["record_id"] is None
    assert body["party_id"] is None and body["visibility"] == "own"
    entry = AuditEntry.objects.filter(action="exchange.status.record").order_by("seq").last()
    assert (
        entry.object_id == str(body["id"]) and entry.actor == f"user:{table.users['mediator'].pk}"
    )
    log = client.get(_link_url(table, link)).json()
    assert [(e["status"], e["record_id"], e["link_id"]) for e in log] == [
        ("requested", ua.pk, None),
        ("exchanged", None, link.pk),
    ]


@pytest.mark.parametrize("who", ["ua", "ru", "us", "observer", "outsider"])
def test_only_mediators_reach_a_link_log(table: Table, exchange, who: str) -> None:
    link = _accepted_link(_record("UA", "UA-1"), _record("RU", "RU-1"))
    client = token_client(table, who)
    assert client.get(_link_url(table, link)).status_code == 404
    assert _post_json(client, _link_url(table, link), {"status": "requested"}).status_code == 404
    assert not PersonStatusEvent.objects.exists() and not _status_audits()


def test_a_link_not_accepted_is_400_naming_the_field(table: Table, exchange) -> None:
    link = services.link_propose(
        seat=table.seat("mediator"), left=_record("UA", "UA-5"), right=_record("RU", "RU-9")
    )
    assert link.final == "review"
    response = _post_json(
        token_client(table, "mediator"), _link_url(table, link), {"status": "exchanged"}
    )
    assert response.status_code == 400
    assert "status" in _fields(response) and "Accept the link" in _messages(response)
    assert not PersonStatusEvent.objects.exists() and not _status_audits()


def test_session_posts_need_csrf(table: Table, exchange) -> None:
    record = _record("UA", "UA-1")
    client = Client(enforce_csrf_checks=True)
    client.force_login(table.users["ua"])
    assert client.get(_record_url(table, record)).status_code == 200
    response = _post_json(client, _record_url(table, record), {"status": "requested"})
    assert response.status_code == 403
    upload = client.post(
        f"{base(table)}/{exchange.pk}/lists",
        {"file": SimpleUploadedFile("ua.csv", csv_bytes(UA_HEADER, UA_ROWS))},
    )
    assert upload.status_code == 403
    assert not PersonStatusEvent.objects.exists() and ExchangeList.objects.count() == 2


# Uploads


def _upload(client: Client, table: Table, exchange, name: str, data: bytes, **fields: str):
    url = f"{base(table)}/{exchange.pk}/lists"
    return client.post(url, {"file": SimpleUploadedFile(name, data), **fields})


def _upload_audits() -> list[AuditEntry]:
    return list(AuditEntry.objects.filter(action="exchange.list.upload"))


def _nothing_stored() -> bool:
    nothing = not ExchangeList.objects.exists() and not ListRecord.objects.exists()
    return nothing and not _upload_audits()


def test_delegation_uploads_its_side(table: Table) -> None:
    exchange = make_exchange(table)
    data = csv_bytes(UA_HEADER, UA_ROWS)
    response = _upload(token_client(table, "ua"), table, exchange, "ua.csv", data)
    assert response.status_code == 201, response.content
    body = response.json()
    stored = ExchangeList.objects.get()
    assert body["id"] == stored.pk and body["exchange_id"] == exchange.pk
    assert body["party_id"] == table.parties["UA"].pk and body["record_count"] == len(UA_ROWS)
    assert body["file_name"] == "ua.csv" and body["columns"]["surname"] == "Прізвище"
    assert bytes(stored.content) == data and stored.visibility == "mediator"
    assert [e.object_id for e in _upload_audits()] == [str(stored.pk)]
    assert _upload_audits()[0].actor == f"user:{table.users['ua'].pk}"
    ru_lists = token_client(table, "ru").get(f"{base(table)}/lists").json()
    assert stored.pk not in [item["id"] for item in ru_lists]


def test_upload_names_the_id_column(table: Table) -> None:
    exchange = make_exchange(table)
    response = _upload(
        token_client(table, "ua"), table, exchange, "ua.csv", csv_bytes(UA_HEADER, UA_ROWS),
        id_column="Прізвище",
    )  # fmt: skip
    assert response.status_code == 201
    assert response.json()["id_column"] == "Прізвище"
    assert ListRecord.objects.get(row=2).record_key == "Шевченко"


def test_mediator_uploads_the_mediators_own_list(table: Table) -> None:
    exchange = make_exchange(table)
    client = token_client(table, "mediator")
    data = csv_bytes(LATIN_HEADER, LATIN_ROWS)
    response = _upload(client, table, exchange, "icrc.csv", data)
    assert response.status_code == 201, response.content
    assert response.json()["party_id"] is None
    stored = ExchangeList.objects.get()
    assert stored.owner_party is None and stored.visibility == Visibility.OWN.value
    assert token_client(table, "ua").get(f"{base(table)}/lists").json() == []


@pytest.mark.parametrize("who", ["observer", "outsider"])
def test_observer_and_outsider_cannot_upload(table: Table, who: str) -> None:
    exchange = make_exchange(table)
    data = csv_bytes(UA_HEADER, UA_ROWS)
    assert _upload(token_client(table, who), table, exchange, "ua.csv", data).status_code == 404
    assert _nothing_stored()


def test_an_exchange_the_seat_cannot_see_is_404(table: Table) -> None:
    exchange = services.exchange_create(
        seat=table.seat("mediator"), title="Mediators only", agreed_number=3,
        visibility=Visibility.MEDIATOR,
    )  # fmt: skip
    data = csv_bytes(UA_HEADER, UA_ROWS)
    assert _upload(token_client(table, "ua"), table, exchange, "ua.csv", data).status_code == 404
    assert _nothing_stored()


def _big_csv(size: int) -> bytes:
    row = "UA-{n},Шевченко,Олексій,Петрович,12.03.1990,військовополонений\n"
    lines, total, n = [UA_HEADER + "\n"], 0, 0
    while total < size:
        lines.append(row.format(n=n))
        total += len(lines[-1].encode())
        n += 1
    return "".join(lines).encode()


def test_oversized_upload_is_413_naming_the_file(
    table: Table, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(services, "MAX_UPLOAD_BYTES", 50_000)
    exchange = make_exchange(table)
    response = _upload(token_client(table, "ua"), table, exchange, "huge.csv", _big_csv(200_000))
    assert response.status_code == 413
    assert "file" in _fields(response)
    assert "huge.csv: over the upload limit of 50,000 bytes; nothing was stored" in _messages(
        response
    )
    assert _nothing_stored()
    small = _upload(token_client(table, "ua"), table, exchange, "ua.csv", _big_csv(40_000))
    assert small.status_code == 201


def test_the_limit_holds_with_session_auth_and_a_csrf_token(
    table: Table, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The CSRF check reads the body during authentication: the limit must already be there."""
    monkeypatch.setattr(services, "MAX_UPLOAD_BYTES", 50_000)
    exchange = make_exchange(table)
    secret = "a" * 32
    client = Client(enforce_csrf_checks=True, HTTP_X_CSRFTOKEN=secret)
    client.cookies["csrftoken"] = secret
    client.force_login(table.users["ua"])
    response = _upload(client, table, exchange, "huge.csv", _big_csv(200_000))
    assert response.status_code == 413, response.content
    assert "huge.csv: over the upload limit" in _messages(response)
    assert _nothing_stored()
    response = _upload(client, table, exchange, "ua.csv", csv_bytes(UA_HEADER, UA_ROWS))
    assert response.status_code == 201, response.content


def test_the_real_limit_refuses_a_21_mib_file(table: Table) -> None:
    exchange = make_exchange(table)
    data = b"ID,Surname\n" + b"x" * (21 * 1024 * 1024)
    response = _upload(token_client(table, "ua"), table, exchange, "list.csv", data)
    assert response.status_code == 413
    assert f"over the upload limit of {services.MAX_UPLOAD_BYTES:,} bytes" in _messages(response)
    assert _nothing_stored()


def _xlsx(rows: list[tuple[str, ...]]) -> bytes:
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(list(row))
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("bad.xlsx", b"PK\x03\x04 not a workbook", "bad.xlsx: not a readable XLSX workbook"),
        ("bad.csv", b"ID,Colour\n1,red\n", "bad.csv: no name column found"),
        ("empty.csv", b"", "empty.csv: the file is empty"),
        ("ua.csv", csv_bytes(UA_HEADER, UA_ROWS), "ua.csv: id column 'Nope' not found"),
    ],
)
def test_a_file_the_engine_refuses_is_400_naming_it_and_stores_nothing(
    table: Table, name: str, data: bytes, message: str
) -> None:
    exchange = make_exchange(table)
    extra = {"id_column": "Nope"} if "Nope" in message else {}
    response = _upload(token_client(table, "ua"), table, exchange, name, data, **extra)
    assert response.status_code == 400, response.content
    assert "file" in _fields(response) and message in _messages(response)
    assert _nothing_stored()


def test_a_request_without_a_file_is_400_naming_the_field(table: Table) -> None:
    exchange = make_exchange(table)
    response = token_client(table, "ua").post(f"{base(table)}/{exchange.pk}/lists", {})
    assert response.status_code == 400
    assert "file" in _fields(response)
    assert _nothing_stored()


BAD_DATE = ("UA-2", "Коваленко", "Андрій", "Іванович", "не знаю", "")


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_row_problems_come_back_with_row_and_column(table: Table, kind: str) -> None:
    exchange = make_exchange(table)
    rows = [UA_ROWS[0], BAD_DATE, UA_ROWS[2]]
    if kind == "csv":
        data = csv_bytes(UA_HEADER, rows)
    else:
        data = _xlsx([tuple(UA_HEADER.split(",")), *rows])
    response = _upload(token_client(table, "ua"), table, exchange, f"ua.{kind}", data)
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["record_count"] == 3  # never a silent drop
    assert any(w["row"] == 3 and w["column"] == "Дата народження" for w in body["warnings"]), body[
        "warnings"
    ]
