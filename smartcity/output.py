"""What read-only commands share: one ``--format table|csv|json`` option and a read-only engine.

``smartcity query`` and ``smartcity status`` print through ``emit``; ``smartcity report`` writes its
CSV with the same column names. Reads use an engine that begins plain (deferred) transactions, so a
long query never holds SQLite's write lock while a crawl is storing pages.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Mapping, Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, TypeVar

import click

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

    from smartcity.app import App

OUTPUT_FORMATS = ("table", "csv", "json")
F = TypeVar("F", bound=Callable[..., Any])


def output_option(func: F) -> F:
    """The shared ``--format table|csv|json`` option (value passed as ``fmt``)."""
    return click.option(
        "--format", "fmt", type=click.Choice(OUTPUT_FORMATS), default="table", show_default=True,
        help="table for people, csv for spreadsheets, json for scripts.",
    )(func)


def read_engine(app: App) -> Engine:
    """A read-only engine on the configured database (created or checked by ``app.engine`` first)."""
    from storage.db import make_engine

    app.engine  # noqa: B018 - creates a new database or refuses an outdated one
    cfg = app.config
    return make_engine(cfg.db_url, busy_timeout_ms=cfg.database.busy_timeout_ms, write=False)


def _plain(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    return value


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, tuple | list):
        return ", ".join(_cell(v) for v in value)
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    return str(value)


def format_table(rows: Sequence[Mapping[str, Any]], columns: Sequence[str], *, widths: Mapping[str, int] | None = None) -> str:
    """Aligned plain-text columns; numbers right-aligned, long cells cut at ``widths``."""
    widths = widths or {}
    cells = [[_cell(r.get(c)) for c in columns] for r in rows]
    for row in cells:
        for i, c in enumerate(columns):
            limit = widths.get(c)
            if limit and len(row[i]) > limit:
                row[i] = row[i][: limit - 1] + "\u2026"
    sizes = [max([len(c)] + [len(row[i]) for row in cells]) for i, c in enumerate(columns)]
    numeric = [bool(rows) and all(isinstance(r.get(c), int | float) and not isinstance(r.get(c), bool) for r in rows)
               for c in columns]
    lines = ["  ".join(c.rjust(sizes[i]) if numeric[i] else c.ljust(sizes[i]) for i, c in enumerate(columns)).rstrip()]
    lines.append("  ".join("-" * s for s in sizes))
    for row in cells:
        lines.append("  ".join(v.rjust(sizes[i]) if numeric[i] else v.ljust(sizes[i]) for i, v in enumerate(row)).rstrip())
    return "\n".join(lines)


def format_rows(rows: Sequence[Mapping[str, Any]], columns: Sequence[str], fmt: str, *,
                widths: Mapping[str, int] | None = None) -> str:
    """The rows as a table, CSV or a JSON list of objects."""
    if fmt == "json":
        return json.dumps([{c: _plain(r.get(c)) for c in columns} for r in rows], ensure_ascii=False, indent=2)
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(columns)
        for r in rows:
            writer.writerow([_cell(r.get(c)) if not isinstance(r.get(c), datetime) else r[c].isoformat() for c in columns])
        return buf.getvalue().rstrip("\n")
    return format_table(rows, columns, widths=widths)


def emit(rows: Sequence[Mapping[str, Any]], columns: Sequence[str], fmt: str, *, widths: Mapping[str, int] | None = None) -> None:
    """Print rows in the chosen format."""
    click.echo(format_rows(rows, columns, fmt, widths=widths))
