"""A multipart POST whose file name reaches the server exactly as written.

Django's test client (through SimpleUploadedFile) strips directories from a file name before
sending it, so a test of path traversal built that way never sends `../`. This writes the
body by hand, as a hostile client would.
"""

from __future__ import annotations

from django.test import Client

BOUNDARY = "AccordTestBoundary"


def post_raw_file(
    client: Client,
    url: str,
    filename: str,
    body: bytes,
    *,
    fields: dict[str, str] | None = None,
    content_type: str = "application/octet-stream",
    **extra: str,
):
    """POST `body` as the form field `file` named `filename`, with any plain `fields`."""
    parts = [
        f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode()
        for name, value in (fields or {}).items()
    ]
    parts.append(
        f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="{filename}"\r\n'
        f"Content-Type: {content_type}\r\n\r\n".encode()
        + body
        + f"\r\n--{BOUNDARY}--\r\n".encode()
    )
    multipart = f"multipart/form-data; boundary={BOUNDARY}"
    return client.post(url, b"".join(parts), content_type=multipart, **extra)
