"""The ``smartcity`` command line: a lazy click group; each command lives in ``smartcity/commands/``.

Exit codes: 0 ok, 1 partial failure (some source or record failed), 2 usage or configuration error.
Only this module and ``smartcity/commands`` print; libraries log and raise domain errors.
"""

from __future__ import annotations

import importlib
import logging
import sys
from typing import Any

import click

from smartcity import __version__
from smartcity.app import App, is_user_error

EXIT_OK, EXIT_PARTIAL, EXIT_USAGE = 0, 1, 2

# command name -> module in smartcity.commands; imported only when the command runs or --help lists it
COMMANDS: dict[str, str] = {
    "init": "init",
    "db": "db",
    "crawl": "crawl",
    "process": "process",
    "extract": "extract",
    "tag": "tag",
    "train": "train",
    "evaluate": "evaluate",
    "label": "label",
    "query": "query",
    "report": "report",
    "schedule": "schedule",
    "status": "status",
    "demo": "demo",
}


class LazyGroup(click.Group):
    """Imports a command's module only when it is needed, so ``--help`` and startup stay fast."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        module = COMMANDS.get(cmd_name)
        if module is None:
            return None
        mod = importlib.import_module(f"smartcity.commands.{module}")
        command: click.Command = mod.command
        return command


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.option("--config", "config_path", metavar="FILE", help="Settings file (default ./smartcity.toml or $SMARTCITY_CONFIG).")
@click.option("--db", "db_url", metavar="URL", help="Database: a SQLite path or SQLAlchemy URL (overrides SMARTCITY_DB).")
@click.option("--set", "overrides", metavar="SECTION.KEY=VALUE", multiple=True,
              help="Override one setting, e.g. --set crawl.timeout=10.")
@click.option("-v", "--verbose", count=True, help="More log output (-vv for debug).")
@click.option("-q", "--quiet", is_flag=True, help="Only warnings and errors.")
@click.version_option(__version__, prog_name="smartcity")
@click.pass_context
def cli(ctx: click.Context, config_path: str | None, db_url: str | None, overrides: tuple[str, ...], verbose: int,
        quiet: bool) -> None:
    """Monitor Smart City coverage in Indonesian news: crawl, extract, tag, report.

    \b
    Start here:   smartcity demo          (offline sample run, prints where the digest is)
    Then:         smartcity init          (writes a commented smartcity.toml)
                  smartcity crawl && smartcity process && smartcity report weekly

    Exit codes: 0 ok, 1 partial failure, 2 usage or configuration error.
    """
    ctx.obj = App(config_path=config_path, db_url=db_url, overrides=overrides, verbosity=verbose - (1 if quiet else 0))


def main(argv: list[str] | None = None) -> None:
    """Console-script entry point: turns domain errors into one line and exit code 2."""
    try:
        rv: Any = cli.main(args=argv, prog_name="smartcity", standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("Aborted.", err=True)
        sys.exit(130)
    except click.ClickException as exc:
        exc.show()
        sys.exit(EXIT_USAGE if exc.exit_code in (1, 2) else exc.exit_code)
    except KeyboardInterrupt:
        click.echo("Interrupted.", err=True)
        sys.exit(130)
    except Exception as exc:
        if not is_user_error(exc):
            raise
        click.echo(f"Error: {exc}", err=True)
        sys.exit(EXIT_USAGE)
    finally:
        logging.shutdown()
    sys.exit(rv if isinstance(rv, int) else EXIT_OK)
