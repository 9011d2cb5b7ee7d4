"""Documents from files: plain text, HTML (main text via trafilatura) and RSS/Atom feeds.

Each file gives a LoadReport: its documents, or one clear error, so a batch can go on past a
bad file. Offsets of extracted statements refer to `Document.text`, the text after extraction.
"""

from __future__ import annotations

import re
from pathlib import Path

from ._decode import LoadError, decode
from ._model import Document, LoadReport

#: Files above this size are refused rather than parsed (a 10 MB page is not an article).
MAX_BYTES = 5_000_000
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
FEED_SUFFIXES = frozenset({".rss", ".atom", ".xml"})


def load_file(path: str | Path, *, max_bytes: int = MAX_BYTES) -> LoadReport:
    """Read one file into documents; never raises for bad content, reports it instead."""
    path = Path(path)
    report = LoadReport(path=str(path))
    try:
        report.documents = _load(path, max_bytes)
    except LoadError as error:
        report.error = str(error)
    except OSError as error:
        report.error = f"cannot read file: {error.strerror or error}"
    return report


def _load(path: Path, max_bytes: int) -> list[Document]:
    size = path.stat().st_size
    if size > max_bytes:
        raise LoadError(f"file too large: {size / 1e6:.1f} MB (limit {max_bytes / 1e6:.1f} MB)")
    data = path.read_bytes()
    if not data.strip():
        raise LoadError("empty document")
    text, _encoding = decode(data)
    kind = sniff(path, text)
    if kind == "feed":
        return documents_from_feed(text, path.stem)
    if kind == "html":
        return [document_from_html(text, path.stem)]
    return [document_from_text(text, path.stem)]


def sniff(path: Path, text: str) -> str:
    """'feed', 'html' or 'text', by suffix first and then by the first tags."""
    head = text[:2048].lstrip().lower()
    if path.suffix.lower() in FEED_SUFFIXES or re.search(r"<(rss|feed|rdf:rdf)\b", head):
        return "feed"
    if path.suffix.lower() in HTML_SUFFIXES or head.startswith(("<!doctype html", "<html")):
        return "html"
    return "text"


def document_from_text(text: str, doc_id: str) -> Document:
    """A plain-text document; line endings normalised so offsets are stable."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise LoadError("empty document (only whitespace)")
    return Document(doc_id=doc_id, text=text)


def document_from_html(html: str, doc_id: str) -> Document:
    """The main text of a page (trafilatura), falling back to all paragraph text (lxml)."""
    import trafilatura

    text = trafilatura.extract(html, include_comments=False, include_tables=False)
    metadata = trafilatura.extract_metadata(html)
    if not text:
        text = html_to_text(html)
    if not text or not text.strip():
        raise LoadError("no article text found in the HTML")
    published = metadata.date if metadata is not None else None
    title = metadata.title if metadata is not None else None
    return Document(doc_id=doc_id, text=text, published=published, title=title)


def html_to_text(html: str) -> str:
    """Text of block elements, one per line; empty when the markup cannot be parsed."""
    from lxml import etree
    from lxml import html as lxml_html

    try:
        root = lxml_html.fromstring(html)
    except (etree.ParserError, ValueError):
        return ""
    for bad in root.xpath("//script|//style|//noscript"):
        bad.drop_tree()
    blocks = root.xpath("//p|//h1|//h2|//h3|//li|//blockquote")
    lines = [" ".join(block.text_content().split()) for block in blocks] or [
        " ".join(root.text_content().split())
    ]
    return "\n".join(line for line in lines if line)


def documents_from_feed(text: str, stem: str) -> list[Document]:
    """One document per entry (`doc_id` is `stem#n`), title then summary or content."""
    import feedparser

    feed = feedparser.parse(text)
    if not feed.entries:
        reason = getattr(feed, "bozo_exception", None)
        detail = f": {reason}" if reason else ""
        raise LoadError(f"malformed or empty feed, no entries{detail}")
    documents = []
    for number, entry in enumerate(feed.entries, start=1):
        body = _entry_body(entry)
        title = entry.get("title", "").strip()
        combined = "\n".join(part for part in (title, body) if part)
        if combined.strip():
            documents.append(
                Document(
                    doc_id=f"{stem}#{number}",
                    text=combined,
                    published=_entry_date(entry),
                    title=title or None,
                    source=entry.get("link"),
                )
            )
    if not documents:
        reason = getattr(feed, "bozo_exception", None)
        raise LoadError(f"malformed feed: {reason}" if reason else "feed entries carry no text")
    return documents


def _entry_body(entry) -> str:
    contents = entry.get("content") or []
    raw = contents[0].get("value", "") if contents else entry.get("summary", "")
    return html_to_text(raw) if "<" in raw else raw.strip()


def _entry_date(entry) -> str | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    if parsed:
        return f"{parsed.tm_year:04d}-{parsed.tm_mon:02d}-{parsed.tm_mday:02d}"
    return None
