"""``smartcity extract FILE.html``: JSON for a page, one-line errors and exit codes otherwise."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest

from tests.sites.extraction.scoring import PAGES, load_cases

CASE = next(c for c in load_cases() if c.id == "tribun-jatim-multi")


def _run(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SMARTCITY_")}
    env["SMARTCITY_PATHS_DATA_DIR"] = str(tmp_path / "data")
    return subprocess.run(
        [sys.executable, "-m", "smartcity", "extract", *args],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_prints_the_article_as_json(tmp_path: Path) -> None:
    parts = [str(PAGES / p) for p in CASE.expected["parts"]]
    args = [str(PAGES / CASE.expected["file"]), "--url", CASE.url]
    for part in parts:
        args += ["--part", part]
    proc = _run(tmp_path, *args)
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    exp = CASE.expected
    assert {k: out[k] for k in ("title", "author", "dateline", "language", "text")} == {
        "title": exp["title"],
        "author": exp["author"],
        "dateline": exp["dateline"],
        "language": "id",
        "text": exp["text"],
    }
    assert datetime.fromisoformat(out["date"]) == datetime.fromisoformat(exp["date"])
    assert out["outlet"]
    assert not (tmp_path / "data").exists()  # debugging a page touches no database


@pytest.mark.parametrize(
    ("make", "code", "message"),
    [
        (lambda p: str(p / "missing.html"), 2, "does not exist"),
        (lambda p: str(p), 2, "is a folder"),
        (
            lambda p: _write(p / "short.html", "<html><body><p>Terlalu pendek.</p></body></html>"),
            1,
            "no article (too_short",
        ),
        (lambda p: _write(p / "data.json", '{"a": 1}'), 1, "no article (not_html"),
    ],
    ids=["missing", "folder", "too-short", "not-html"],
)
def test_bad_input_gives_one_line_and_a_non_zero_exit(
    tmp_path: Path, make, code: int, message: str
) -> None:  # type: ignore[no-untyped-def]
    proc = _run(tmp_path, make(tmp_path))
    assert proc.returncode == code
    assert proc.stdout == ""
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert lines[0].startswith("Error: ")
    assert message in lines[0]


def _write(path: Path, text: str) -> str:
    path.write_text(text, encoding="utf-8")
    return str(path)
