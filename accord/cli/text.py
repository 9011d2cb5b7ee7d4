"""`accord text ...` and `accord trace`: the negotiating-text engine from the command line.

Engines are imported inside the commands so that `accord --help` stays fast.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import asdict
from pathlib import Path
from typing import Annotated

import typer

text_app = typer.Typer(
    help="The single negotiating text: bracket notation, acceptance, diffs, exports.",
    no_args_is_help=True,
)

FileArg = Annotated[Path, typer.Argument(exists=True, dir_okay=False, readable=True)]
PartiesOpt = Annotated[
    str | None, typer.Option(help="Known parties, comma-separated (e.g. RU,UA,US).")
]
KeyOpt = Annotated[
    str | None,
    typer.Option(envvar="ACCORD_WATERMARK_KEY", help="Watermark key (default: built-in)."),
]


def _fail(path: Path | str, error: Exception) -> typer.Exit:
    located = error.located(str(path)) if hasattr(error, "located") else f"{path}: {error}"
    typer.echo(f"error: {located}", err=True)
    return typer.Exit(1)


def _split(parties: str | None) -> list[str] | None:
    return [p.strip() for p in parties.split(",") if p.strip()] if parties else None


def _read_source(path: Path) -> str:
    """The file's text; undecodable bytes are reported at their line and column."""
    from accord.domain.text import TextError

    data = path.read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        line_start = data.rfind(b"\n", 0, error.start) + 1
        column = len(data[line_start : error.start].decode("utf-8", "replace")) + 1
        raise TextError("not UTF-8 text (save the file as UTF-8)", line, column) from None


def _load(path: Path, parties: list[str] | None = None):
    """A Document from notation or from a DOCX draft; exits with a located error."""
    from accord.domain.text import TextError, parse
    from accord.domain.text.docx_import import import_docx

    try:
        if path.read_bytes()[:4] == b"PK\x03\x04":
            return import_docx(path.read_bytes(), parties)
        return parse(_read_source(path), parties)
    except TextError as error:
        raise _fail(path, error) from None


def _acceptance(document, acceptance: Path | None, parties: list[str] | None):
    from accord.domain.text import TextError
    from accord.domain.text.acceptance import Acceptance
    from accord.domain.text.acceptance_file import load_acceptance

    if acceptance is None:
        return Acceptance(tuple(parties or document.proposers()))
    try:
        return load_acceptance(_read_source(acceptance), document)
    except TextError as error:
        raise _fail(acceptance, error) from None


@text_app.command("render")
def render_command(file: FileArg, parties: PartiesOpt = None) -> None:
    """Print the normalised text (render(parse(x)) is stable)."""
    from accord.domain.text import render

    typer.echo(render(_load(file, _split(parties))), nl=False)


@text_app.command("status")
def status_command(
    file: FileArg,
    acceptance: Annotated[Path | None, typer.Option(exists=True, dir_okay=False)] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Machine-readable output.")] = False,
    parties: PartiesOpt = None,
) -> None:
    """Per clause: options, proposers, each party's marks, and whether it is agreed."""
    from accord.domain.text.status import status_json, text_status

    document = _load(file)
    acc = _acceptance(document, acceptance, _split(parties))
    if acceptance is not None:
        document = _load(file, list(acc.parties))  # proposers must be known parties
    status = text_status(document, acc)
    if as_json:
        typer.echo(json.dumps(status_json(status), indent=2, ensure_ascii=False))
        return
    for clause in status.clauses:
        typer.echo(f"{clause.number:<8} {clause.state.value:<22} {clause.text}")
    typer.echo(f"text: {status.state.value} ({status.open_brackets} brackets in the text)")


@text_app.command("diff")
def diff_command(
    old: FileArg,
    new: FileArg,
    as_json: Annotated[bool, typer.Option("--json", help="Machine-readable output.")] = False,
    all_clauses: Annotated[bool, typer.Option("--all", help="Show unchanged clauses.")] = False,
) -> None:
    """Clause- and word-level differences from OLD to NEW."""
    from accord.domain.text.diff import clause_diff, format_diff

    changes = clause_diff(_load(old), _load(new))
    if as_json:
        typer.echo(json.dumps([asdict(c) for c in changes], indent=2, ensure_ascii=False))
    else:
        typer.echo(format_diff(changes, context=all_clauses), nl=False)


def _write_all(outputs: dict[Path, bytes]) -> None:
    """Write every output or none: each goes to a temporary file first, then is renamed."""
    staged: list[tuple[str, Path]] = []
    try:
        for path, data in outputs.items():
            handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
            with os.fdopen(handle, "wb") as stream:
                stream.write(data)
            staged.append((temporary, path))
        for temporary, path in staged:
            os.replace(temporary, path)
    finally:
        for temporary, _ in staged:
            if os.path.exists(temporary):
                os.unlink(temporary)


@text_app.command("export")
def export_command(
    file: FileArg,
    docx: Annotated[Path | None, typer.Option(help="Write a DOCX here.")] = None,
    pdf: Annotated[Path | None, typer.Option(help="Write a PDF here.")] = None,
    txt: Annotated[Path | None, typer.Option(help="Write the plain-text notation here.")] = None,
    recipient: Annotated[str | None, typer.Option(help="Watermark the copy for them.")] = None,
    acceptance: Annotated[Path | None, typer.Option(exists=True, dir_okay=False)] = None,
    title: Annotated[str, typer.Option(help="Title on the first page.")] = "Draft negotiating text",
    key: KeyOpt = None,
) -> None:
    """Export to DOCX / PDF / text; a recipient's copy carries their invisible watermark."""
    from accord.domain.text import render
    from accord.domain.text.docx_export import docx_bytes
    from accord.domain.text.pdf_export import pdf_bytes
    from accord.domain.text.watermark import DEFAULT_KEY, watermark_lines

    if not (docx or pdf or txt):
        raise typer.BadParameter("give at least one of --docx, --pdf, --txt")
    document = _load(file)
    acc = _acceptance(document, acceptance, None) if acceptance else None
    options = {"title": title, "acceptance": acc, "recipient": recipient, "key": key or DEFAULT_KEY}
    outputs: dict[Path, bytes] = {}
    if docx:
        outputs[docx] = docx_bytes(document, **options)
    if pdf:
        outputs[pdf] = pdf_bytes(document, **options)
    if txt:
        plain = render(document)
        if recipient:
            plain = watermark_lines(plain, recipient, key or DEFAULT_KEY)
        outputs[txt] = plain.encode("utf-8")
    _write_all(outputs)
    for path in outputs:
        typer.echo(f"wrote {path}")


@text_app.command("import")
def import_command(file: FileArg, parties: PartiesOpt = None) -> None:
    """Print the notation of a DOCX draft that uses brackets."""
    from accord.domain.text import render

    if file.read_bytes()[:4] != b"PK\x03\x04":
        typer.echo(f"error: {file}: not a DOCX file (a DOCX is a ZIP package)", err=True)
        raise typer.Exit(1)
    typer.echo(render(_load(file, _split(parties))), nl=False)


def trace_command(
    leaked_file: Annotated[Path, typer.Argument(exists=True, dir_okay=False, readable=True)],
    key: KeyOpt = None,
    as_json: Annotated[bool, typer.Option("--json", help="Machine-readable output.")] = False,
) -> None:
    """Name the recipient whose watermarked copy (DOCX, PDF or pasted text) this is."""
    from accord.domain.text.trace import trace_bytes
    from accord.domain.text.watermark import DEFAULT_KEY

    result = trace_bytes(leaked_file.read_bytes(), key or DEFAULT_KEY)
    if as_json:
        typer.echo(json.dumps(asdict(result), ensure_ascii=False))
    elif result.recipients:
        typer.echo("\n".join(result.recipients))
    if not result.recipients:
        hint = (
            f"{result.unverified} mark(s) did not verify: wrong key, or altered"
            if result.unverified
            else "no watermark found"
        )
        typer.echo(f"error: {leaked_file}: {hint}", err=True)
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    """Add `accord text ...` and `accord trace` to the main CLI."""
    app.add_typer(text_app, name="text")
    app.command("trace")(trace_command)
