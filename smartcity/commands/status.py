"""``smartcity status``: last runs with their counts, sources failing repeatedly, database size, model.

``--format table`` prints every section; ``json`` gives one object with every section; ``csv`` gives
the runs table (the one a spreadsheet wants).
"""

from __future__ import annotations

import json
from dataclasses import asdict
from zoneinfo import ZoneInfo

import click

from smartcity.app import App
from smartcity.output import _plain, emit, format_rows, output_option, read_engine

RUN_COLUMNS = ["id", "kind", "status", "started", "minutes", "sources", "pages", "new_articles", "duplicates", "failed",
               "message"]


def _size(n: int | None) -> str:
    if n is None:
        return "unknown"
    for unit in ("B", "KB", "MB", "GB"):
        if n < 1024 or unit == "GB":
            return f"{n:,.0f} {unit}" if unit == "B" else f"{n:,.1f} {unit}"
        n = n / 1024  # type: ignore[assignment]
    return str(n)


@click.command(name="status")
@click.option("--runs", type=click.IntRange(min=1), default=10, show_default=True, help="How many recent runs to show.")
@click.option("--streak", type=click.IntRange(min=1), default=3, show_default=True,
              help="Failed crawl runs in a row that flag a source.")
@output_option
@click.pass_obj
def command(app: App, runs: int, streak: int, fmt: str) -> None:
    """Show recent runs, failing sources, database size and model version.

    \b
    Examples:
      smartcity status
      smartcity status --runs 20 --format json
    """
    from storage.queries_status import (
        database_size,
        failing_sources,
        model_info,
        recent_runs,
        totals,
    )

    zone = ZoneInfo(app.config.report.timezone)
    engine = read_engine(app)
    with engine.connect() as conn:
        run_rows = recent_runs(conn, limit=runs)
        failing = failing_sources(conn, streak=streak)
        size = database_size(conn)
        model = model_info(conn)
        counts = totals(conn)
    rows = [
        {
            "id": r.id, "kind": r.kind, "status": r.status, "started": r.started_at.astimezone(zone),
            "minutes": round((r.finished_at - r.started_at).total_seconds() / 60, 1) if r.finished_at else None,
            "sources": r.sources, "pages": r.pages, "new_articles": r.new_articles, "duplicates": r.duplicates,
            "failed": r.failed, "message": r.message or "",
        }
        for r in run_rows
    ]
    fail_rows = [{"source": f.source, "failed_runs": f.runs,
                  "errors": ", ".join(f"{k} x{v}" for k, v in sorted(f.last_errors.items())),
                  "last_ok": f.last_ok.astimezone(zone) if f.last_ok else None} for f in failing]
    if fmt == "csv":
        emit(rows, RUN_COLUMNS, fmt)
        return
    if fmt == "json":
        doc = {
            "database": {"url": app.db_label, "bytes": size},
            "model": {"version": model.version, "tagged_at": model.tagged_at, "articles": model.articles},
            "totals": asdict(counts),
            "runs": rows,
            "failing_sources": fail_rows,
        }
        click.echo(json.dumps(_plain_tree(doc), ensure_ascii=False, indent=2))
        return
    click.echo(f"database:  {app.db_label} ({_size(size)})")
    click.echo(f"articles:  {counts.articles:,} in {counts.stories:,} stories; {counts.relevant:,} about Smart City; "
               f"{counts.labelled:,} labelled")
    if counts.newest:
        click.echo(f"newest:    {counts.newest.astimezone(zone):%Y-%m-%d %H:%M}")
    if model.version:
        tagged = model.tagged_at.astimezone(zone)  # type: ignore[union-attr]  # model_info sets it whenever version is set
        click.echo(f"model:     {model.version} ({model.articles:,} articles, last tagged {tagged:%Y-%m-%d %H:%M})")
    else:
        click.echo("model:     no article tagged yet (run `smartcity process`)")
    click.echo("\nlast runs:")
    click.echo(format_rows(rows, RUN_COLUMNS, "table", widths={"message": 50}) if rows else "  none yet")
    click.echo(f"\nsources failing in their last {streak} crawl runs:")
    click.echo(format_rows(fail_rows, ["source", "failed_runs", "errors", "last_ok"], "table") if fail_rows else "  none")


def _plain_tree(value: object) -> object:
    if isinstance(value, dict):
        return {k: _plain_tree(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain_tree(v) for v in value]
    return _plain(value)
