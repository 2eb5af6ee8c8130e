"""What ``smartcity status`` reports: recent runs with their counts, failing sources, size, model.

A source is failing in a run when it fetched nothing and recorded failures or errors; it is
"failing repeatedly" when that holds for each of its last ``streak`` finished crawl runs.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from storage.models import Article, ArticleTag, CrawlRun, CrawlRunSource, Label, Source

RUN: sa.Table = CrawlRun.__table__  # type: ignore[attr-defined]
RUN_SOURCE: sa.Table = CrawlRunSource.__table__  # type: ignore[attr-defined]
SOURCE: sa.Table = Source.__table__  # type: ignore[attr-defined]
TAG: sa.Table = ArticleTag.__table__  # type: ignore[attr-defined]
ARTICLE: sa.Table = Article.__table__  # type: ignore[attr-defined]
LABEL: sa.Table = Label.__table__  # type: ignore[attr-defined]
FINISHED = ("ok", "partial", "failed")

Runner = Any


@dataclass(frozen=True)
class RunSummary:
    """One run (crawl, process, schedule or digest) with its summed per-source counts."""

    id: int
    kind: str
    status: str
    started_at: datetime
    finished_at: datetime | None
    sources: int
    pages: int
    new_articles: int
    duplicates: int
    failed: int
    message: str | None


@dataclass(frozen=True)
class FailingSource:
    """A source that fetched nothing in each of its last ``runs`` crawl runs."""

    source: str
    runs: int
    last_errors: dict[str, int]
    last_ok: datetime | None  # end of the last run in which it fetched something


@dataclass(frozen=True)
class ModelInfo:
    """The newest tagging model in use and how many articles carry its tags."""

    version: str | None
    tagged_at: datetime | None
    articles: int


@dataclass(frozen=True)
class Totals:
    articles: int
    stories: int
    relevant: int
    labelled: int
    newest: datetime | None


def recent_runs(runner: Runner, *, limit: int = 10) -> list[RunSummary]:
    """The newest runs of every kind, newest first."""
    rs = RUN_SOURCE.c
    sums = (
        sa.select(rs.run_id, sa.func.count().label("n"), sa.func.sum(rs.pages_fetched).label("pages"),
                  sa.func.sum(rs.new_articles).label("new"), sa.func.sum(rs.duplicates).label("dup"),
                  sa.func.sum(rs.failed).label("failed"))
        .group_by(rs.run_id)
        .subquery()
    )
    c = RUN.c
    q = (
        sa.select(c.id, c.kind, c.status, c.started_at, c.finished_at, c.message, sums.c.n, sums.c.pages, sums.c.new, sums.c.dup,
                  sums.c.failed)
        .select_from(RUN.outerjoin(sums, sums.c.run_id == c.id))
        .order_by(c.started_at.desc(), c.id.desc())
        .limit(limit)
    )
    return [RunSummary(r.id, r.kind, r.status, r.started_at, r.finished_at, int(r.n or 0), int(r.pages or 0), int(r.new or 0),
                       int(r.dup or 0), int(r.failed or 0), r.message) for r in runner.execute(q)]


def failing_sources(runner: Runner, *, streak: int = 3) -> list[FailingSource]:
    """Sources whose last ``streak`` finished crawl runs all fetched nothing and recorded a failure."""
    rs, c = RUN_SOURCE.c, RUN.c
    q = (
        sa.select(SOURCE.c.name, rs.pages_fetched, rs.failed, rs.errors, c.finished_at)
        .select_from(RUN_SOURCE.join(RUN, c.id == rs.run_id).join(SOURCE, SOURCE.c.id == rs.source_id))
        .where(c.kind == "crawl", c.status.in_(FINISHED))
        .order_by(SOURCE.c.name, c.finished_at.desc(), c.id.desc())
    )
    history: dict[str, list[tuple[int, int, dict[str, int], datetime | None]]] = {}
    for name, pages, failed, errors, finished in runner.execute(q):
        history.setdefault(name, []).append((int(pages), int(failed), json.loads(errors or "{}"), finished))
    out = []
    for name, runs in history.items():
        bad = 0
        for pages, failed, errors, _ in runs:
            if pages == 0 and (failed > 0 or errors):
                bad += 1
            else:
                break
        if bad >= streak:
            last_ok = next((f for p, _, _, f in runs if p > 0), None)
            out.append(FailingSource(name, bad, runs[0][2], last_ok))
    return sorted(out, key=lambda f: (-f.runs, f.source))


def database_size(runner: Runner) -> int | None:
    """Bytes the database takes (SQLite file plus its WAL; PostgreSQL's pg_database_size)."""
    bind = runner.get_bind() if hasattr(runner, "get_bind") else runner
    name = bind.dialect.name
    if name == "sqlite":
        path = bind.engine.url.database if hasattr(bind, "engine") else bind.url.database
        if not path or path == ":memory:":
            return None
        files = [Path(path), Path(f"{path}-wal")]
        return sum(f.stat().st_size for f in files if f.exists())
    if name == "postgresql":
        return int(runner.execute(sa.text("SELECT pg_database_size(current_database())")).scalar_one())
    return None


def model_info(runner: Runner) -> ModelInfo:
    """The model version of the most recently tagged article, and how many articles it tagged."""
    row = runner.execute(sa.select(TAG.c.model_version, TAG.c.tagged_at).order_by(TAG.c.tagged_at.desc()).limit(1)).first()
    if row is None:
        return ModelInfo(None, None, 0)
    n = runner.execute(sa.select(sa.func.count()).select_from(TAG).where(TAG.c.model_version == row[0])).scalar_one()
    return ModelInfo(row[0], row[1], int(n))


def totals(runner: Runner) -> Totals:
    """Articles, stories, relevant (machine) and labelled articles, newest publication date."""
    a = ARTICLE.c
    articles, stories, newest = runner.execute(
        sa.select(sa.func.count(), sa.func.count(sa.distinct(sa.func.coalesce(a.story_id, -a.id))), sa.func.max(a.published))
    ).one()
    relevant = runner.execute(sa.select(sa.func.count()).select_from(TAG).where(TAG.c.relevant == sa.true())).scalar_one()
    labelled = runner.execute(sa.select(sa.func.count()).select_from(LABEL)).scalar_one()
    return Totals(int(articles), int(stories), int(relevant), int(labelled), newest)
