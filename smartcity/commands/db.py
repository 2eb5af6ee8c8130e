"""``smartcity db``: schema migrations and database facts."""

from __future__ import annotations

import click

from smartcity.app import App


@click.group(name="db")
def command() -> None:
    """Manage the database schema (SQLite file or PostgreSQL URL)."""


@command.command(name="upgrade")
@click.option("--revision", default="head", show_default=True, help="Target schema revision.")
@click.pass_obj
def upgrade(app: App, revision: str) -> None:
    """Bring the database up to date with this version's schema (creates it when missing).

    \b
    Example:
      smartcity --db ~/monitor.db db upgrade
    """
    from storage import migrate
    from storage.db import make_engine

    cfg = app.config
    engine = make_engine(cfg.db_url, busy_timeout_ms=cfg.database.busy_timeout_ms)
    before = migrate.current(engine)
    after = migrate.upgrade(engine, revision)
    click.echo(f"{app.db_label}: schema {before or 'empty'} -> {after}")


@command.command(name="info")
@click.pass_obj
def info(app: App) -> None:
    """Print the database location, schema revision and row counts.

    \b
    Example:
      smartcity db info
    """
    from storage import migrate
    from storage.db import make_engine
    from storage.stats import table_counts

    cfg = app.config
    engine = make_engine(cfg.db_url, busy_timeout_ms=cfg.database.busy_timeout_ms, write=False)
    click.echo(f"database: {app.db_label}")
    click.echo(f"schema:   {migrate.current(engine) or 'empty'} (code: {migrate.head()})")
    if migrate.current(engine):
        for table, count in table_counts(engine).items():
            click.echo(f"  {table:<18} {count:>10,}")
