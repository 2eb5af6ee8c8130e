"""Analyst queries and the weekly digest on a generated 1,000,000-article database (bench/gen_db.py).

Each figure stands beside a bare ``sqlite3`` GROUP BY over the same rows, timed in the same run:
relevant articles in the period joined with their machine city rows, counting distinct stories,
articles and outlets per city. The library additionally applies analyst labels (2,000 in the
generated database) and syndication, so its numbers differ from the bare query by those labels.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from bench.gen_db import ensure
from bench.harness import Figure, best_of

TZ = "Asia/Jakarta"
BARE = """
SELECT ac.city, COUNT(DISTINCT a.story_id), COUNT(DISTINCT a.id), COUNT(DISTINCT a.outlet)
FROM article a
JOIN article_tag t ON t.article_id = a.id
JOIN article_city ac ON ac.article_id = a.id
WHERE t.relevant = 1 AND a.published >= ? AND a.published < ?
GROUP BY ac.city ORDER BY 2 DESC
"""
ROOT = Path(__file__).resolve().parents[1]


def _utc_text(dt: datetime) -> str:
    return dt.astimezone(UTC).replace(tzinfo=None).isoformat(" ", timespec="microseconds")


def _bare(path: Path, since: datetime, until: datetime) -> tuple[float, int]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    rows: list[tuple[object, ...]] = []

    def go() -> None:
        rows[:] = conn.execute(BARE, (_utc_text(since), _utc_text(until))).fetchall()

    go()  # warm the page cache like the library runs below
    t = best_of(go, repeat=3)
    conn.close()
    return t, len(rows)


def _library(path: Path, since: datetime, until: datetime) -> tuple[float, int]:
    from storage.db import make_engine
    from storage.queries import Filters, count_stories

    engine = make_engine(str(path), write=False)
    out: list[object] = []
    with engine.connect() as conn:
        def go() -> None:
            out[:] = count_stories(conn, Filters(since=since, until=until), group_by=["city"], tz=TZ)

        go()
        t = best_of(go, repeat=3)
    engine.dispose()
    return t, len(out)


def _cli(path: Path, since: str, until: str) -> float:
    """Wall time of `smartcity query ... --group-by city` as a user runs it (interpreter start included)."""
    argv = [sys.executable, "-m", "smartcity", "--db", str(path), "query", "--since", since, "--until", until,
            "--group-by", "city", "--format", "csv", "--limit", "1000"]
    env = {**os.environ, "SMARTCITY_LOG_LEVEL": "WARNING"}

    def go() -> None:
        proc = subprocess.run(argv, capture_output=True, text=True, cwd=ROOT, env=env, timeout=600)
        if proc.returncode != 0:
            raise RuntimeError(f"smartcity query failed: {proc.stderr[-500:]}")

    return best_of(go, repeat=3)


def _digest(path: Path, week: str) -> float:
    """Build the digest of one week (with a focus city and the export rows) and write every format."""
    from reports.render import FORMATS, RenderOptions, render
    from reports.weekly import IsoWeek, WeeklyOptions, build_weekly
    from storage.db import make_engine

    engine = make_engine(str(path), write=False)
    with tempfile.TemporaryDirectory() as tmp:
        def go() -> None:
            with engine.connect() as conn:
                digest = build_weekly(conn, IsoWeek.parse(week), options=WeeklyOptions(timezone=TZ), city="Kota Bandung",
                                      include_rows=True)
            render(digest, FORMATS, Path(tmp), RenderOptions())

        t = best_of(go, repeat=2)
    engine.dispose()
    return t


def run(quick: bool) -> list[Figure]:
    """Grouped query (library and CLI) and the weekly digest against a bare sqlite3 GROUP BY."""
    n = 50_000 if quick else 1_000_000
    path, generated = ensure(n)
    zone = ZoneInfo(TZ)
    figures = []
    note_gen = f"database generated in {generated:.0f} s" if generated else "cached database"
    for label, since, until in (
        ("one quarter", datetime(2026, 1, 1, tzinfo=zone), datetime(2026, 4, 1, tzinfo=zone)),
        ("two years", datetime(2024, 11, 1, tzinfo=zone), datetime(2026, 11, 1, tzinfo=zone)),
    ):
        bare, n_bare = _bare(path, since, until)
        lib, n_lib = _library(path, since, until)
        figures.append(Figure("query", f"stories per city, {label}, {n:,} articles (storage.queries.count_stories)", lib * 1000,
                              "ms",
                              "bare sqlite3 GROUP BY", bare * 1000, higher_is_better=False, target="ratio ≤ 3×",
                              note=f"{n_lib} vs {n_bare} cities; labels applied; {note_gen}"))
    since, until = datetime(2024, 11, 1, tzinfo=zone), datetime(2026, 11, 1, tzinfo=zone)
    bare, _ = _bare(path, since, until)
    cli = _cli(path, "2024-11-01", "2026-10-31")
    figures.append(Figure("query", f"`smartcity query --group-by city`, two years, end to end (new process), {n:,} articles",
                          cli * 1000, "ms",
                          "bare sqlite3 GROUP BY", bare * 1000, higher_is_better=False, target="ratio ≤ 3×",
                          note="includes interpreter start and imports"))
    week = "2026-W40"
    monday = datetime.fromisocalendar(2026, 40, 1).replace(tzinfo=zone)
    bare_week, _ = _bare(path, monday, datetime.fromisocalendar(2026, 41, 1).replace(tzinfo=zone))
    t0 = time.perf_counter()
    digest = _digest(path, week)
    figures.append(Figure("query", f"weekly digest {week} (all 5 formats, focus city, rows), {n:,} articles", digest * 1000, "ms",
                          "bare sqlite3 GROUP BY of that week", bare_week * 1000, higher_is_better=False, target="< 10,000 ms",
                          note=f"best of 2; total bench step {time.perf_counter() - t0:.0f} s"))
    return figures
