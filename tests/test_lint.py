"""Lint stays clean: ruff, and mypy (--strict on nlp/ and storage/), exactly as pyproject.toml configures them."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
UNTYPED = "def double(x):\n    return x * 2\n"


def _tool(module: str) -> list[str]:
    """``python -m <module>`` of this interpreter; skips locally when it is missing, fails under CI=true."""
    if importlib.util.find_spec(module) is None:
        msg = f"{module} is not installed: pip install -e '.[test]' (it is in the test and dev extras)"
        if os.environ.get("CI") == "true":
            pytest.fail(msg)
        pytest.skip(msg)
    return [sys.executable, "-m", module]


def _run(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=cwd, capture_output=True, text=True, timeout=600)


def test_ruff_finds_nothing() -> None:
    proc = _run([*_tool("ruff"), "check", "--output-format", "concise", "."], ROOT)
    assert proc.returncode == 0, proc.stdout[-5000:] + proc.stderr[-2000:]


@pytest.mark.slow  # about 10 s with a cold .mypy_cache, under 1 s warm
def test_mypy_as_configured_finds_nothing() -> None:
    proc = _run(_tool("mypy"), ROOT)
    assert proc.returncode == 0, proc.stdout[-5000:] + proc.stderr[-2000:]
    assert "Success: no issues found" in proc.stdout


def test_mypy_config_is_strict_on_nlp_and_storage_only(tmp_path: Path) -> None:
    # the same unannotated function in three packages: only the two the style guide names may be refused
    for pkg in ("nlp", "storage", "smartcity"):
        (tmp_path / pkg).mkdir()
        (tmp_path / pkg / "__init__.py").write_text("", encoding="utf-8")
        (tmp_path / pkg / "probe.py").write_text(UNTYPED, encoding="utf-8")
    args = [*_tool("mypy"), "--config-file", str(ROOT / "pyproject.toml"), "--cache-dir", str(tmp_path / "cache"),
            "nlp", "storage", "smartcity"]
    proc = _run(args, tmp_path)
    refused = sorted({line.split(":")[0] for line in proc.stdout.splitlines() if "[no-untyped-def]" in line})
    assert refused == ["nlp/probe.py", "storage/probe.py"], proc.stdout + proc.stderr
