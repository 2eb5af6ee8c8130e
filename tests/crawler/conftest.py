"""Fixtures for crawler tests: our outlet sites on 127.0.0.x servers, sources files, CLI crawls."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from smartcity.demo.server import SiteServer, serve
from tests.crawler.sites import FIXTURE_ROOT, source_entry

ROOT = Path(__file__).resolve().parents[2]
HOSTS = {"rss": "127.0.0.2", "sitemap": "127.0.0.3", "listing": "127.0.0.4", "portal": "127.0.0.5"}
SINCE = "2026-11-01"  # the committed fixtures are dated mid-November 2026


def toml_value(value: Any) -> str:
    """A TOML literal for the plain values a sources entry holds."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, str):
        return json.dumps(value)  # JSON string escapes are valid TOML basic-string escapes
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k} = {toml_value(v)}" for k, v in value.items()) + "}"
    raise TypeError(f"no TOML form for {value!r}")


def write_sources(path: Path, entries: Sequence[Mapping[str, Any]]) -> Path:
    """A sources TOML file with one [[sources]] table per entry."""
    blocks = ["[[sources]]\n" + "\n".join(f"{k} = {toml_value(v)}" for k, v in e.items()) for e in entries]
    path.write_text("\n\n".join(blocks) + "\n", encoding="utf-8")
    return path


@dataclass
class CrawlResult:
    """A finished ``smartcity crawl`` subprocess."""

    returncode: int
    summary: dict[str, Any]
    stdout: str
    stderr: str


def crawl_args(db: Path, sources_file: Path, names: Sequence[str], *, settings: Sequence[str] = (),
               since: str = SINCE) -> list[str]:
    """argv of a quiet, fast, JSON-reporting ``smartcity crawl`` over loopback outlets."""
    sets = ["crawl.download_delay=0", "crawl.autothrottle=false", "crawl.concurrent_per_domain=4", *settings]
    args = [sys.executable, "-m", "smartcity", "-q", "--db", str(db)]
    for s in sets:
        args += ["--set", s]
    args += ["crawl", "--sources", str(sources_file), "--since", since, "--json"]
    for name in names:
        args += ["--source", name]
    return args


def child_env() -> dict[str, str]:
    """Environment of a crawl subprocess: this checkout importable, no user config."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("SMARTCITY_")}
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    return env


def run_crawl(db: Path, sources_file: Path, names: Sequence[str], *, settings: Sequence[str] = (), since: str = SINCE,
              timeout: float = 120) -> CrawlResult:
    """Run one crawl in a subprocess (one reactor per process) and parse its JSON summary."""
    proc = subprocess.run(
        crawl_args(db, sources_file, names, settings=settings, since=since),
        capture_output=True, text=True, timeout=timeout, cwd=db.parent, env=child_env(),
    )
    try:
        summary = json.loads(proc.stdout) if proc.stdout.strip() else {}
    except json.JSONDecodeError:
        summary = {}
    return CrawlResult(proc.returncode, summary, proc.stdout, proc.stderr)


def query(db: Path, sql: str, **params: Any) -> list[sa.Row[Any]]:
    """Rows of a read-only query on the crawl's SQLite file."""
    engine = sa.create_engine(f"sqlite:///{db}")
    try:
        with engine.connect() as conn:
            return list(conn.execute(sa.text(sql), params))
    finally:
        engine.dispose()


@pytest.fixture
def outlets() -> Iterator[dict[str, SiteServer]]:
    """The four committed fixture outlets, each on its own loopback address."""
    servers = {t: serve(FIXTURE_ROOT / t, host=h) for t, h in HOSTS.items()}
    try:
        yield servers
    finally:
        for s in servers.values():
            s.stop()


@pytest.fixture
def outlet_sources(tmp_path: Path, outlets: dict[str, SiteServer]) -> Path:
    """A sources file naming the four outlets site-rss, site-sitemap, site-listing, site-portal."""
    return write_sources(tmp_path / "sources.toml", [source_entry(t, f"site-{t}", s.url) for t, s in outlets.items()])
