"""``smartcity demo``: the whole monitor, offline, on three sample outlets served on 127.0.0.1."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import click

from smartcity.app import App

if TYPE_CHECKING:
    from collections.abc import Callable

    from sqlalchemy.engine import Engine

    from nlp.model_io import TaggerModel
    from reports.weekly import IsoWeek

DEFAULT_DIR = "smartcity-demo"


def _model_loader(app: App, workdir: Path, say: Callable[[str], None]) -> Callable[[Path], tuple[TaggerModel, bool]]:
    def load_or_train(models_dir: Path) -> tuple[TaggerModel, bool]:
        from nlp.model_io import ModelError, load_model, save_model

        try:
            return load_model(models_dir), False
        except ModelError as exc:
            say(f"no usable model ({exc}); training one on the bundled corpus …")
        from nlp.corpus import builtin_corpus
        from nlp.train import fit

        model = fit(builtin_corpus())
        save_model(model, workdir / "models")
        return model, True

    return load_or_train


@click.command(name="demo")
@click.option("--dir", "workdir", default=DEFAULT_DIR, show_default=True, type=click.Path(file_okay=False),
              help="Folder for the demo database and digest (reused: a second run adds nothing twice).")
@click.option("--port", default=8471, show_default=True, type=click.IntRange(1024, 65533),
              help="First of three loopback ports for the sample outlets.")
@click.option("--lang", type=click.Choice(["id", "en"]), default="id", show_default=True, help="Digest language.")
@click.pass_obj
def command(app: App, workdir: str, port: int, lang: str) -> None:
    """Run the whole pipeline offline on bundled sample outlets and write a weekly digest.

    Serves a news agency, a regional portal and a city government portal (our own Bahasa
    Indonesia articles, with RSS feeds, a news sitemap and a paged listing) on 127.0.0.1, crawls
    them, extracts, clusters syndicated copies into stories, tags relevance, pillars and cities, and
    writes the digest of the last complete week. The database is DIR/demo.db unless --db is given.

    \b
    Example:
      smartcity demo && xdg-open smartcity-demo/reports/*.html
    """
    from smartcity.commands.report import write_digest
    from smartcity.demo.run import run_demo
    from smartcity.wiring import process_options
    from storage.db import make_engine
    from storage.schema import ensure_schema

    root = Path(workdir).expanduser()
    cfg = app.config
    db_url = cfg.database.url or str(root / "demo.db")  # --db / SMARTCITY_DB / [database] url win
    engine = make_engine(db_url, busy_timeout_ms=cfg.database.busy_timeout_ms)
    ensure_schema(engine)
    models_dir = cfg.models_dir if cfg.paths.models_dir else root / "models"
    reports_dir = root / "reports"

    def report(engine: Engine, out: Path, today: date) -> tuple[str, list[Path]]:
        week = _last_week(today)
        _, files = write_digest(cfg, engine, week=week, formats=("html", "md", "csv"), lang=lang, out_dir=out,
                                source="smartcity demo")
        return str(week), files

    say = lambda msg: click.echo(msg, err=True)  # noqa: E731
    result = run_demo(
        engine, db_url=db_url, models_dir=models_dir, reports_dir=reports_dir,
        process_options=process_options(cfg), load_or_train=_model_loader(app, root, say),
        write_report=report, port=port, say=say,
    )
    p = result.processed
    click.echo(f"crawl: {result.crawl_status}, {result.pages_fetched} pages fetched, {result.new_articles} new articles")
    if p is not None:
        click.echo(f"process: {p.articles} articles extracted, {p.new_stories} new stories, "
                   f"{p.joined_stories} syndicated copies joined")
    click.echo(f"database: {result.db_url}  ({result.articles} articles in {result.stories} stories, "
               f"{result.relevant} about Smart City)")
    click.echo(f"model: {result.model_version}{' (trained now)' if result.trained else ''}")
    click.echo(f"digest for {result.week}:")
    for f in result.reports:
        click.echo(f"  {f}")


def _last_week(today: date) -> IsoWeek:
    """The last complete ISO week before ``today``: the one the demo's stories are anchored on."""
    from datetime import datetime, time

    from reports.weekly import IsoWeek
    from smartcity.demo.site import JAKARTA

    return IsoWeek.containing(datetime.combine(today, time(12), JAKARTA), "Asia/Jakarta").shift(-1)
