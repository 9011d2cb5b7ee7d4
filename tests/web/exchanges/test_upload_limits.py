"""Oversized uploads are refused while they stream in, with a clear message; CSRF still holds."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from accord.exchanges import services
from accord.exchanges.models import ExchangeList, ListRecord
from tests.table import Table
from tests.web.exchanges.helpers import UA_HEADER, UA_ROWS, csv_bytes, make_exchange


def client_for(table: Table, name: str, **kwargs: bool) -> Client:
    client = Client(**kwargs)
    client.force_login(table.users[name])
    return client


def _post(client: Client, table: Table, exchange, data: bytes, name: str = "big.csv"):
    url = reverse("exchange_upload", args=[table.process.pk, exchange.pk])
    return client.post(url, {"file": SimpleUploadedFile(name, data)})


def _big_csv(size: int) -> bytes:
    row = "UA-{n},Шевченко,Олексій,Петрович,12.03.1990,військовополонений\n"
    lines = [UA_HEADER + "\n"]
    total, n = 0, 0
    while total < size:
        line = row.format(n=n)
        lines.append(line)
        total += len(line.encode())
        n += 1
    return "".join(lines).encode()


def test_a_file_over_the_limit_gets_a_clear_error_and_nothing_is_stored(
    table: Table, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(services, "MAX_UPLOAD_BYTES", 50_000)
    exchange = make_exchange(table)
    response = _post(client_for(table, "ua"), table, exchange, _big_csv(200_000), "huge.csv")
    assert response.status_code == 400
    body = response.content.decode()
    assert "huge.csv: over the upload limit of 50,000 bytes" in body
    assert not ExchangeList.objects.exists() and not ListRecord.objects.exists()


def test_a_file_under_the_limit_still_uploads(
    table: Table, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(services, "MAX_UPLOAD_BYTES", 50_000)
    exchange = make_exchange(table)
    response = _post(client_for(table, "ua"), table, exchange, csv_bytes(UA_HEADER, UA_ROWS))
    assert response.status_code == 302
    assert ExchangeList.objects.get().records.count() == len(UA_ROWS)


def test_the_real_limit_refuses_a_21_mib_file(table: Table) -> None:
    exchange = make_exchange(table)
    data = b"ID,Surname\n" + b"x" * (21 * 1024 * 1024)
    response = _post(client_for(table, "ua"), table, exchange, data, "list.csv")
    assert response.status_code == 400
    assert f"over the upload limit of {services.MAX_UPLOAD_BYTES:,} bytes" in (
        response.content.decode()
    )
    assert not ExchangeList.objects.exists()


def test_upload_still_requires_the_csrf_token(table: Table) -> None:
    exchange = make_exchange(table)
    client = client_for(table, "ua", enforce_csrf_checks=True)
    response = _post(client, table, exchange, csv_bytes(UA_HEADER, UA_ROWS))
    assert response.status_code == 403
    assert not ExchangeList.objects.exists()
