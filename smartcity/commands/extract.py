"""``smartcity extract``: a saved HTML page in, its article out as JSON (for debugging a page)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from smartcity.app import App


def _read(path: str, what: str) -> bytes:
    try:
        return Path(path).read_bytes()
    except FileNotFoundError:
        raise click.ClickException(
            f"{what} {path!r} does not exist: pass the path of a saved HTML page"
        ) from None
    except IsADirectoryError:
        raise click.ClickException(
            f"{what} {path!r} is a folder: pass one saved HTML page"
        ) from None
    except OSError as exc:
        raise click.ClickException(f"cannot read {what} {path!r}: {exc.strerror}") from None


@click.command(name="extract")
@click.argument("file", metavar="FILE.html")
@click.option(
    "--url",
    metavar="URL",
    help="The page's address (canonical URL, outlet); default: the file's file:// URI.",
)
@click.option(
    "--encoding",
    metavar="CHARSET",
    help="Charset the server declared (Content-Type), e.g. iso-8859-1.",
)
@click.option(
    "--part",
    "parts",
    metavar="FILE.html",
    multiple=True,
    help="A continuation page (halaman 2, 3, …), repeatable.",
)
@click.pass_obj
def command(
    app: App, file: str, url: str | None, encoding: str | None, parts: tuple[str, ...]
) -> int:
    """Print the article extracted from a saved page as JSON.

    Keys: title, date (ISO 8601 with offset), author, outlet, dateline, language, text, plus url
    and canonical_url. A page with no article prints one line with the reason and exits 1.

    \b
    Examples:
      smartcity extract tests/sites/extraction/pages/antara-01.html
      smartcity extract halaman1.html --part halaman2.html --url https://jateng.tribunnews.com/2025/06/16/x
    """
    from nlp.extract import ExtractOptions, extract
    from nlp.types import Rejected

    html = _read(file, "page")
    more = tuple(_read(p, "part") for p in parts)
    cfg = app.config
    options = ExtractOptions(min_chars=cfg.extract.min_chars, timeout_s=cfg.extract.timeout_s)
    result = extract(
        html,
        url or Path(file).resolve().as_uri(),
        options=options,
        parts=more,
        http_encoding=encoding,
    )
    if isinstance(result, Rejected):
        click.echo(f"Error: {file}: no article ({result.reason}: {result.detail})", err=True)
        return 1
    record = {
        "title": result.title,
        "date": result.published.isoformat() if result.published else None,
        "author": result.author,
        "outlet": result.outlet,
        "dateline": result.dateline,
        "language": result.language,
        "text": result.text,
        "url": result.url,
        "canonical_url": result.canonical_url,
    }
    sys.stdout.write(json.dumps(record, ensure_ascii=False, indent=2) + "\n")
    return 0
