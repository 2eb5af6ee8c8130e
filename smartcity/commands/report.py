"""``smartcity report weekly``: the weekly digest for Diskominfo readers, in Bahasa Indonesia by default.

Writes self-contained HTML (charts inside, can be mailed as is), Markdown for chat, PDF, and the
figures and article rows as CSV/XLSX into ``--out`` (default ``[report] out_dir``). Weeks are ISO
weeks in ``[report] timezone``; without ``--week`` the last complete week is reported.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import click

from smartcity import names
from smartcity.app import App, UsageError

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

    from reports.weekly import Digest, IsoWeek
    from smartcity.config import Config


def last_complete_week(tz: str, now: datetime | None = None) -> IsoWeek:
    """The ISO week before the one ``now`` falls in (the week a Monday digest reports)."""
    from reports.weekly import IsoWeek

    return IsoWeek.containing(now or datetime.now(UTC), tz).shift(-1)


def write_digest(cfg: Config, engine: Engine, *, week: IsoWeek, formats: tuple[str, ...], lang: str, out_dir: Path,
                 city: str | None = None, source: str = "") -> tuple[Digest, list[Path]]:
    """Build the digest of ``week`` from the database and write it in ``formats``; shared with the scheduler."""
    from reports.render import RenderOptions, render
    from reports.weekly import WeeklyOptions, build_weekly

    options = WeeklyOptions(timezone=cfg.report.timezone, top_stories=cfg.report.top_stories)
    with engine.connect() as conn:
        digest = build_weekly(conn, week, options=options, city=city, include_rows=bool({"csv", "xlsx"} & set(formats)))
    files = render(digest, formats, out_dir, RenderOptions(lang=lang, source=source))
    return digest, files


@click.group(name="report")
def command() -> None:
    """Write reports from the database (the weekly digest)."""


@command.command(name="weekly")
@click.option("--week", metavar="YYYY-Www", help="ISO week, e.g. 2022-W40 (default: last complete week).")
@click.option("--city", metavar="NAME", help="Add a focus section for this kabupaten/kota.")
@click.option("--format", "formats", metavar="LIST", help="Comma-separated: html,md,pdf,csv,xlsx (default [report] formats).")
@click.option("--lang", type=click.Choice(["id", "en"]), help="Bahasa Indonesia (id, default) or English (en).")
@click.option("--out", "out_dir", metavar="DIR", type=click.Path(file_okay=False),
              help="Folder for the files (default [report] out_dir).")
@click.pass_obj
def weekly(app: App, week: str | None, city: str | None, formats: str | None, lang: str | None, out_dir: str | None) -> None:
    """Write the weekly digest: totals, pillars, places, trend, top stories, outlets.

    \b
    Examples:
      smartcity report weekly
      smartcity report weekly --week 2022-W40 --city "Kota Tangerang" --format html,pdf
      smartcity report weekly --format md,csv --lang en --out ./laporan
    """
    from reports.render import RenderError, parse_formats
    from reports.weekly import IsoWeek, WeekError
    from smartcity.output import read_engine
    from storage.queries import known_values

    cfg = app.config
    try:
        chosen = IsoWeek.parse(week) if week else last_complete_week(cfg.report.timezone)
        fmts = parse_formats(formats) if formats else tuple(cfg.report.formats)
    except (WeekError, RenderError) as exc:
        raise UsageError(str(exc)) from None
    engine = read_engine(app)
    if city:
        with engine.connect() as conn:
            city = names.city(city, known=lambda: known_values(conn, "city"))
    target = Path(out_dir).expanduser() if out_dir else cfg.reports_dir
    try:
        digest, files = write_digest(cfg, engine, week=chosen, formats=fmts, lang=lang or cfg.report.lang, out_dir=target,
                                     city=city, source=Path(app.db_label).name)
    except RenderError as exc:
        raise UsageError(str(exc)) from None
    from reports import labels

    click.echo(labels.headline(digest.stories, digest.previous_stories, lang or cfg.report.lang))
    for path in files:
        click.echo(f"  {path}")
