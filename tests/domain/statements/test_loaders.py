"""Loaders: each format gives documents; each kind of bad file gives one clear message."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from accord.domain.statements import extract, load_file

ARTICLE = 'Kremlin spokesman Pavel Orlov said the talks were useful.\n"We are ready," Orlov said.\n'
HTML = (
    "<!doctype html><html><head><title>Talks</title>"
    '<meta property="article:published_time" content="2026-02-05"></head><body>'
    "<nav>Home | World | Sport</nav><article><h1>Talks go on</h1>"
    "<p>Kremlin spokesman Pavel Orlov said the talks were useful and would continue.</p>"
    "<p>&ldquo;We are ready,&rdquo; Orlov said.</p></article>"
    "<footer>Copyright</footer></body></html>"
)
RSS = (
    '<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>'
    "<item><title>Talks resume</title><description>&lt;p&gt;US envoy Mark Ellison said the "
    "talks had been useful.&lt;/p&gt;</description>"
    "<pubDate>Thu, 05 Feb 2026 10:00:00 GMT</pubDate></item>"
    "<item><title>Second</title><description>Anna Berg said the draft was ready."
    "</description></item></channel></rss>"
)
ATOM = (
    '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
    "<title>Wire</title><entry><title>Update</title><updated>2026-02-06T08:00:00Z</updated>"
    '<content type="html">&lt;p&gt;Peter Holm said the round had ended.&lt;/p&gt;</content>'
    "</entry></feed>"
)


def _write(tmp_path, name, data):
    path = tmp_path / name
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return path


def _speakers(report):
    return [s.speaker for d in report.documents for s in extract(d.text, doc_id=d.doc_id)]


def test_plain_text(tmp_path):
    report = load_file(_write(tmp_path, "story.txt", ARTICLE))
    assert report.error is None
    assert [d.doc_id for d in report.documents] == ["story"]
    assert _speakers(report) == ["Pavel Orlov", "Pavel Orlov"]


def test_windows_line_endings_are_normalised(tmp_path):
    report = load_file(_write(tmp_path, "crlf.txt", ARTICLE.replace("\n", "\r\n")))
    assert "\r" not in report.documents[0].text


def test_html_main_text_and_date(tmp_path):
    report = load_file(_write(tmp_path, "page.html", HTML))
    assert report.error is None
    document = report.documents[0]
    assert "Copyright" not in document.text and "Sport" not in document.text
    assert document.published == "2026-02-05"
    assert _speakers(report) == ["Pavel Orlov", "Pavel Orlov"]


def test_html_fallback_without_trafilatura_result():
    from accord.domain.statements._loaders import html_to_text

    text = html_to_text("<div><p>Anna Berg said yes.</p><script>x()</script><p>Two</p></div>")
    assert text == "Anna Berg said yes.\nTwo"


def test_rss_gives_one_document_per_entry(tmp_path):
    report = load_file(_write(tmp_path, "wire.rss", RSS))
    assert [d.doc_id for d in report.documents] == ["wire#1", "wire#2"]
    assert report.documents[0].published == "2026-02-05"
    assert _speakers(report) == ["Mark Ellison", "Anna Berg"]


def test_atom_feed(tmp_path):
    report = load_file(_write(tmp_path, "wire.atom", ATOM))
    assert report.documents[0].published == "2026-02-06"
    assert _speakers(report) == ["Peter Holm"]


@pytest.mark.parametrize("encoding", ["cp1251", "latin-1"])
def test_legacy_encodings_are_detected(tmp_path, encoding):
    text = {
        "cp1251": "Министр заявил, что переговоры продолжатся в Абу-Даби на следующей неделе. " * 3,
        "latin-1": "Le ministre a déclaré que les négociations reprendront à Genève. " * 3,
    }[encoding] + '\n"We will continue," Anna Berg said.'
    report = load_file(_write(tmp_path, f"{encoding}.txt", text.encode(encoding)))
    assert report.error is None
    assert report.documents[0].text == text
    assert _speakers(report) == ["Anna Berg"]


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary"),
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"  \n\n  ", "empty"),
        ("broken.rss", b"<rss><channel><item><title>", "malformed feed"),
        ("nothing.html", b"<html><body><script>x()</script></body></html>", "no article text"),
    ],
)
def test_bad_files_get_a_clear_message(tmp_path, name, data, message):
    report = load_file(_write(tmp_path, name, data))
    assert report.documents == []
    assert message in report.error


def test_ten_megabyte_html_is_refused_with_its_size(tmp_path):
    page = "<html><body>" + "<p>filler text</p>" * 600_000 + "</body></html>"
    report = load_file(_write(tmp_path, "huge.html", page))
    assert report.documents == []
    assert "too large" in report.error and "10.8 MB" in report.error


def test_missing_file(tmp_path):
    report = load_file(tmp_path / "absent.txt")
    assert "cannot read file" in report.error


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.binary(max_size=2000), suffix=st.sampled_from([".txt", ".html", ".rss", ".bin"]))
def test_any_bytes_give_documents_or_one_message(tmp_path, data, suffix):
    report = load_file(_write(tmp_path, f"random{suffix}", data))
    assert (report.error is None) != (report.documents == [])
    for document in report.documents:
        for statement in extract(document.text, doc_id=document.doc_id):
            assert document.text[statement.start : statement.end] == statement.quote
