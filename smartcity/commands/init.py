"""``smartcity init``: write a commented smartcity.toml from the settings table."""

from __future__ import annotations

from pathlib import Path

import click

from smartcity.config import CONFIG_FILE, render_toml


@click.command(name="init")
@click.option("--path", "path", default=CONFIG_FILE, show_default=True, type=click.Path(dir_okay=False),
              help="Where to write the file.")
@click.option("--force", is_flag=True, help="Overwrite an existing file.")
def command(path: str, force: bool) -> None:
    """Write a smartcity.toml listing every setting with its default and what it does.

    \b
    Example:
      smartcity init && $EDITOR smartcity.toml
    """
    target = Path(path)
    if target.exists() and not force:
        raise click.UsageError(f"{target} already exists: edit it, or pass --force to overwrite it")
    target.write_text(render_toml(), encoding="utf-8")
    click.echo(f"wrote {target} (every key optional; the values shown are the defaults)")
