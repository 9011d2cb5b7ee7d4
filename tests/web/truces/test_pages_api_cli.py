"""Pages, API, CSV import/export and CLI of the truce register, per seat."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.utils import timezone
from typer.testing import CliRunner

from accord.cli import app
from accord.domain.visibility import Visibility
from accord.truces import services
from accord.truces.models import Incident, IncidentReport, Verification
from tests.table import Table
from tests.web.truces.helpers import fields, file, make_truce

HEADER = (
    "event_date,event_type,sub_event_type,actor1,admin1,location,latitude,longitude,"
    "fatalities,source,notes\n"
)
ROW = (
    "2026-02-03,Explosions/Remote violence,Shelling/artillery/missile attack,"
    "Military Forces of Russia (2000-),Kyiv,Kyiv,50.45,30.52,2,Air Force; Media,Strike\n"
)


def client_for(table: Table, name: str) -> Client:
    client = Client()
    client.force_login(table.users[name])
    return client


def test_pages_for_members_and_404_for_outsiders(table: Table) -> None:
    truce = make_truce(table)
    report = file(table, "ua", truce, alleged="RU")
    pid = table.process.pk
    urls = [
        f"/p/{pid}/truces/",
        f"/p/{pid}/truces/{truce.pk}/",
        f"/p/{pid}/truces/{truce.pk}/incidents/",
        f"/p/{pid}/truces/{truce.pk}/report",
        f"/p/{pid}/truces/{truce.pk}/export.csv",
        f"/p/{pid}/incidents/{report.incident_id}/",
        f"/api/truces/{pid}/truces",
        f"/api/truces/{pid}/truces/{truce.pk}",
        f"/api/truces/{pid}/truces/{truce.pk}/incidents",
        f"/api/truces/{pid}/incidents/{report.incident_id}",
    ]
    for url in urls:
        assert client_for(table, "ru").get(url).status_code == 200, url
        assert client_for(table, "outsider").get(url).status_code == 404, url
    truce_page = client_for(table, "observer").get(urls[1]).content.decode()
    assert "The claims you can see disagree" in truce_page and "<svg" in truce_page
    assert "<script" not in truce_page.split("</head>")[1]


def test_incident_list_filters_and_query_count(table: Table, django_assert_max_num_queries):
    truce = make_truce(table)
    for day in range(1, 6):
        file(
            table,
            "ua",
            truce,
            alleged="RU",
            event_date=date(2026, 2, day),
            location=f"Village-{day}",
        )
    file(table, "ru", truce, alleged="UA", event_type="Battles", sub_event_type="Armed clash")
    client = client_for(table, "mediator")
    url = f"/p/{table.process.pk}/truces/{truce.pk}/incidents/"
    with django_assert_max_num_queries(12):
        page = client.get(url)
    assert page.content.decode().count("/incidents/") >= 6
    battles = client.get(url, {"event_type": "Battles"}).content.decode()
    assert "Armed clash" in battles and "Village-3" not in battles
    ranged = client.get(url, {"date_from": "2026-02-02", "date_to": "2026-02-03"}).content.decode()
    assert "Village-2" in ranged and "Village-3" in ranged and "Village-4" not in ranged
    party = client.get(url, {"alleged_party": table.parties["UA"].pk}).content.decode()
    assert "Armed clash" in party and "Village-1" not in party
    partial = client.get(url, {"status": "reported"}, HTTP_HX_REQUEST="true")
    assert b"<html" not in partial.content
    with django_assert_max_num_queries(12):
        client.get(f"/api/truces/{table.process.pk}/truces/{truce.pk}/incidents")


def test_report_form_files_and_shows_errors(table: Table) -> None:
    truce = make_truce(table)
    client = client_for(table, "ua")
    url = f"/p/{table.process.pk}/truces/{truce.pk}/report"
    form = {
        "event_date": "2026-02-03",
        "time_precision": "1",
        "event_type": "Explosions/Remote violence",
        "sub_event_type": "Armed clash",
        "fatalities": "0",
        "injuries": "0",
        "visibility": "own",
    }
    bad = client.post(url, form)
    assert bad.status_code == 400 and b"not an ACLED sub-event type" in bad.content
    assert not Incident.objects.exists()
    form["sub_event_type"] = "Air/drone strike"
    assert client.post(url, form).status_code == 302
    assert IncidentReport.objects.get().owner_party == table.parties["UA"]


def test_verification_form_is_mediator_only(table: Table) -> None:
    truce = make_truce(table)
    report = file(table, "ua", truce)
    url = f"/p/{table.process.pk}/incidents/{report.incident_id}/"
    data = {"status": "verified", "reasoning": "Seen", "visibility": "parties"}
    assert client_for(table, "ua").post(url, data).status_code == 404
    assert client_for(table, "mediator").post(url, data).status_code == 302
    assert Verification.objects.get().status == "verified"
    assert b"Seen" in client_for(table, "ru").get(url).content


def test_api_files_a_report_and_validates(table: Table) -> None:
    truce = make_truce(table)
    client = client_for(table, "ru")
    url = f"/api/truces/{table.process.pk}/truces/{truce.pk}/reports"
    body = {
        "event_date": "2026-02-03",
        "event_type": "Explosions/Remote violence",
        "sub_event_type": "Air/drone strike",
        "alleged_party_id": table.parties["UA"].pk,
        "visibility": "parties",
    }
    created = client.post(url, body, content_type="application/json")
    assert created.status_code == 201 and created.json()["party_id"] == table.parties["RU"].pk
    future = dict(body, event_date=(timezone.localdate() + timedelta(days=2)).isoformat())
    assert client.post(url, future, content_type="application/json").status_code == 400
    wrong = dict(body, event_type="Sabotage")
    assert client.post(url, wrong, content_type="application/json").status_code == 400
    outsider = client_for(table, "outsider").post(url, body, content_type="application/json")
    assert outsider.status_code == 404
    verify = (
        f"/api/truces/{table.process.pk}/incidents/{created.json()['incident_id']}/verifications"
    )
    assert (
        client.post(
            verify, {"status": "verified", "reasoning": "x"}, content_type="application/json"
        ).status_code
        == 404
    )


def _import(table: Table, truce, text: str, seat: str = "ua"):
    return services.reports_import(seat=table.seat(seat), truce=truce, text=text)


def test_import_is_idempotent_and_maps_actors(table: Table) -> None:
    truce = make_truce(table)
    first = _import(table, truce, HEADER + ROW)
    again = _import(table, truce, HEADER + ROW + ROW)
    assert (first.added, again.added, again.already_imported, again.duplicates_in_file) == (
        1,
        0,
        1,
        1,
    )
    report = IncidentReport.objects.get()
    assert report.alleged_party == table.parties["RU"] and report.source_list == [
        "Air Force",
        "Media",
    ]
    assert _import(table, truce, HEADER + ROW, seat="ru").added == 1  # another owner's copy


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        (ROW.replace("2026-02-03", "2026-01-01"), "row 3, event_date"),
        (
            ROW.replace("2026-02-03", (date.today() + timedelta(days=3)).isoformat()),
            "row 3, event_date",
        ),
        (ROW.replace("50.45", "91"), "row 3, latitude"),
        (
            ROW.replace("Shelling/artillery/missile attack", "Teleportation"),
            "row 3, sub_event_type",
        ),
        ("2026-02-03,Battles\n", "row 3: Expected 11 fields"),
        (ROW.replace(",2,", ",-4,"), "row 3, fatalities"),
    ],
)
def test_bad_rows_import_nothing(table: Table, row: str, expected: str) -> None:
    truce = make_truce(table)
    with pytest.raises(ValidationError) as error:
        _import(table, truce, HEADER + ROW + row)
    assert any(m.startswith(expected) for m in error.value.messages), error.value.messages
    assert not IncidentReport.objects.exists() and not Incident.objects.exists()


def test_cli_list_import_export_round_trip(table: Table, tmp_path) -> None:
    truce = make_truce(table)
    file(table, "ru", truce, visibility=Visibility.OWN, notes="RU private")
    runner = CliRunner()
    listed = runner.invoke(app, ["truce", "list", "--json"])
    assert listed.exit_code == 0, listed.output
    assert json.loads(listed.output) == [
        {"id": truce.pk, "name": "Energy truce", "process": table.process.name}
    ]
    source = tmp_path / "in.csv"
    source.write_text(HEADER + ROW, encoding="utf-8")
    args = ["truce", "import", str(source), "--truce", str(truce.pk), "--visibility", "parties"]
    assert "Imported 1 report(s)" in runner.invoke(app, args).output
    assert "Imported 0 report(s)" in runner.invoke(app, args).output
    out = tmp_path / "out.csv"
    exported = runner.invoke(app, ["truce", "export", "--truce", str(truce.pk), "-o", str(out)])
    assert exported.exit_code == 0, exported.output
    text = out.read_text(encoding="utf-8")
    assert text.startswith("event_id_cnty,event_date") and "verification_status" in text
    assert "RU private" not in text and "reported" in text
    ru = runner.invoke(
        app, ["truce", "export", "--truce", str(truce.pk), "-o", str(out), "--as", "ru"]
    )
    assert ru.exit_code == 0 and "RU private" in out.read_text(encoding="utf-8")
    bad = tmp_path / "bad.csv"
    bad.write_text(HEADER + ROW.replace("50.45", "100"), encoding="utf-8")
    failed = runner.invoke(app, ["truce", "import", str(bad), "--truce", str(truce.pk)])
    assert failed.exit_code == 1 and "row 2, latitude" in failed.output


def test_register_pages_newest_first_with_filters_kept(table: Table, monkeypatch) -> None:
    """The register lists a page of incidents at a time; the pager keeps the filters."""
    monkeypatch.setattr("accord.truces.views.INCIDENTS_PER_PAGE", 2)
    truce = make_truce(table)
    for day in range(1, 6):
        file(table, "ua", truce, alleged="RU", event_date=date(2026, 2, day), location=f"V-{day}x")
    file(table, "ru", truce, alleged="UA", event_type="Battles", sub_event_type="Armed clash")
    client = client_for(table, "mediator")
    url = f"/p/{table.process.pk}/truces/{truce.pk}/incidents/"
    shown = [
        [day for day in range(1, 6) if f"V-{day}x" in client.get(url, params).content.decode()]
        for params in (
            {"event_type": "Explosions/Remote violence"},
            {"event_type": "Explosions/Remote violence", "page": "2"},
            {"event_type": "Explosions/Remote violence", "page": "3"},
        )
    ]
    assert shown == [[4, 5], [2, 3], [1]]
    first = client.get(url, {"event_type": "Explosions/Remote violence"}).content.decode()
    assert "5 incidents, newest first: page 1 of 3" in first
    assert "event_type=Explosions%2FRemote+violence&amp;page=2" in first
    assert "Newer</a>" not in first
    last = client.get(url, {"event_type": "Explosions/Remote violence", "page": "3"})
    assert "Older</a>" not in last.content.decode() and "Newer</a>" in last.content.decode()
    for junk in ("0", "-1", "x", "9" * 12):
        assert client.get(url, {"page": junk}).status_code == 200


def test_truce_chart_counts_each_incident_once_on_its_first_visible_report(table: Table) -> None:
    from accord.truces import selectors

    truce = make_truce(table)
    first = file(table, "ua", truce, alleged="RU", event_date=date(2026, 2, 2))
    services.report_file(
        seat=table.seat("ru"),
        truce=truce,
        incident=first.incident,
        fields=fields(
            event_date=date(2026, 2, 3),
            event_type="Battles",
            sub_event_type="Armed clash",
            alleged_actor="UA unit",
        ),
        visibility=Visibility.PUBLIC,
    )
    file(table, "ua", truce, Visibility.OWN, event_date=date(2026, 2, 4), alleged_actor="")
    mediator = selectors.incident_counts(seat=table.seat("mediator"), truce=truce)
    assert mediator[0].series == {"Explosions/Remote violence": [1]}  # not Battles, not twice
    assert mediator[1].series == {"RU": [1]} and mediator[1].days == [date(2026, 2, 2)]
    ukraine = selectors.incident_counts(seat=table.seat("ua"), truce=truce)
    assert ukraine[1].series == {"RU": [1, 0, 0], "unknown": [0, 0, 1]}
