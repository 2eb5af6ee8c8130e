"""The README stays true: every command has --help and an example, every setting is documented."""

from __future__ import annotations

import re
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from smartcity.cli import COMMANDS, cli
from smartcity.config import config_keys

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
CODE = "\n".join(re.findall(r"```(?:[a-z]*)\n(.*?)```", README, flags=re.S))


def _all_commands() -> list[tuple[str, ...]]:
    out: list[tuple[str, ...]] = []
    ctx = click.Context(cli)
    for name in COMMANDS:
        cmd = cli.get_command(ctx, name)
        assert cmd is not None
        out.append((name,))
        if isinstance(cmd, click.Group):
            out.extend((name, sub) for sub in cmd.list_commands(ctx))
    return out


@pytest.mark.parametrize("path", _all_commands(), ids=" ".join)
def test_every_command_has_help(path: tuple[str, ...]) -> None:
    result = CliRunner().invoke(cli, [*path, "--help"])
    assert result.exit_code == 0, result.output
    assert "Usage:" in result.output


@pytest.mark.parametrize("path", _all_commands(), ids=" ".join)
def test_every_command_has_an_example_in_the_readme(path: tuple[str, ...]) -> None:
    pattern = r"smartcity(?: --?[\w-]+(?:[ =]\S+)?)* " + r"\s+".join(map(re.escape, path)) + r"\b"
    assert re.search(pattern, CODE), f"README has no example of `smartcity {' '.join(path)}` in a code block"


@pytest.mark.parametrize("key", [f"{s}.{k}" for s, k, _, _ in config_keys()])
def test_every_setting_is_documented(key: str) -> None:
    section, name = key.split(".")
    assert re.search(rf"`\[{section}\]`[^\n]*`{name}`|`{section}\.{name}`", README), f"README does not document {key}"


@pytest.mark.parametrize("path", _all_commands(), ids=" ".join)
def test_help_examples_keep_their_layout(path: tuple[str, ...]) -> None:
    # click keeps an example block unwrapped only after a real backspace; a raw docstring prints "\b" instead
    result = CliRunner().invoke(cli, [*path, "--help"])
    assert "\\b" not in result.output, result.output
