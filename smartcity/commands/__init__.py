"""One module per ``smartcity`` command, each exposing ``command`` (a click.Command)."""

from __future__ import annotations

import click


def not_built(name: str, issue: int) -> click.Command:
    """A placeholder command that says plainly it is not built yet (exit 2)."""

    @click.command(name=name, help=f"(Not built yet: arrives with issue #{issue}.)",
                   context_settings={"ignore_unknown_options": True})
    @click.argument("args", nargs=-1, type=click.UNPROCESSED)
    def _cmd(args: tuple[str, ...]) -> None:
        raise click.UsageError(f"`smartcity {name}` is not built yet (issue #{issue})")

    return _cmd
