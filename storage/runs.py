"""Crawl-run records: one ``crawl_run`` per crawl, one ``crawl_run_source`` row of counts per source.

Counts are written as running totals inside the same transactions as the pages they count, so a
run killed with SIGKILL still says exactly what it stored. A run left "running" by a dead process
is marked "killed" by the next start.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from storage.models import CrawlRun, CrawlRunSource, Source, utcnow
from storage.upsert import upsert_stmt

RUN: sa.Table = CrawlRun.__table__  # type: ignore[attr-defined]
RUN_SOURCE: sa.Table = CrawlRunSource.__table__  # type: ignore[attr-defined]
SOURCE: sa.Table = Source.__table__  # type: ignore[attr-defined]
FINISHED = ("ok", "partial", "failed")  # statuses of a run that ran to its end


@dataclass
class SourceCounts:
    """Running totals of one source in one run; ``errors`` maps reason -> count."""

    pages_fetched: int = 0
    new_articles: int = 0
    known: int = 0
    duplicates: int = 0
    failed: int = 0
    errors: dict[str, int] = field(default_factory=dict)

    def error(self, reason: str, n: int = 1) -> None:
        """Count one more ``reason``."""
        self.errors[reason] = self.errors.get(reason, 0) + n

    def copy(self) -> SourceCounts:
        """An independent copy (the ledger writes tentative totals, then keeps them on commit)."""
        return SourceCounts(self.pages_fetched, self.new_articles, self.known, self.duplicates, self.failed, dict(self.errors))


@dataclass(frozen=True)
class RunSourceRow:
    """One source's line of a run's summary."""

    source: str
    counts: SourceCounts


@dataclass(frozen=True)
class RunRecord:
    """A crawl run as stored."""

    id: int
    status: str
    started_at: datetime
    finished_at: datetime | None
    pid: int | None
    message: str | None
    sources: tuple[RunSourceRow, ...] = ()


def pid_alive(pid: int) -> bool:
    """Whether a process with this id exists on this machine."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def mark_stale(session: Session, *, kind: str = "crawl", alive: Callable[[int], bool] = pid_alive) -> list[int]:
    """Mark runs left "running" by a process that no longer exists as "killed"; returns their ids."""
    c = RUN.c
    stale = [
        (run_id, pid)
        for run_id, pid in session.execute(sa.select(c.id, c.pid).where(c.status == "running").where(c.kind == kind))
        if pid is None or pid == os.getpid() or not alive(pid)  # our own pid: a dead run's, reused
    ]
    for run_id, pid in stale:
        session.execute(
            sa.update(RUN).where(c.id == run_id).values(status="killed",
                                                        message=f"process {pid} ended without finishing the run (killed)")
        )
    return [run_id for run_id, _ in stale]


def start_run(session: Session, *, options: Mapping[str, Any], kind: str = "crawl", pid: int | None = None) -> int:
    """A new run in state "running"; returns its id."""
    stmt = (
        sa.insert(RUN)
        .values(kind=kind, started_at=utcnow(), status="running", pid=pid if pid is not None else os.getpid(),
                options=json.dumps(dict(options), default=str, sort_keys=True))
        .returning(RUN.c.id)
    )
    return int(session.execute(stmt).scalar_one())


def write_counts(session: Session, run_id: int, counts: Mapping[int, SourceCounts]) -> None:
    """Upsert the running totals of each source (by source id) for this run."""
    if not counts:
        return
    stmt = upsert_stmt(
        session.get_bind().dialect.name, RUN_SOURCE, key=["run_id", "source_id"],
        update=["pages_fetched", "new_articles", "known", "duplicates", "failed", "errors"],
    )
    session.execute(
        stmt,
        [
            {"run_id": run_id, "source_id": sid, "pages_fetched": c.pages_fetched, "new_articles": c.new_articles,
             "known": c.known, "duplicates": c.duplicates, "failed": c.failed, "errors": json.dumps(c.errors, sort_keys=True)}
            for sid, c in counts.items()
        ],
    )


def finish_run(session: Session, run_id: int, *, status: str, message: str | None = None) -> None:
    """Close a run with its final status (ok, partial, failed or killed)."""
    session.execute(sa.update(RUN).where(RUN.c.id == run_id).values(status=status, finished_at=utcnow(), message=message))


def last_complete(session: Session, source_id: int, *, kind: str = "crawl") -> datetime | None:
    """When the last run that walked this source's listings to their end finished (None: never).

    Articles discovered up to then were reached by a listing walk that was not cut short (the run
    ended, and no listing page failed), so meeting them again means older pages were read before.
    """
    c, rs = RUN.c, RUN_SOURCE.c
    stmt = (
        sa.select(sa.func.max(c.finished_at))
        .select_from(RUN.join(RUN_SOURCE, rs.run_id == c.id))
        .where(rs.source_id == source_id, c.kind == kind, c.status.in_(FINISHED))
        .where(~rs.errors.like('%"listing:%'))
    )
    value: datetime | None = session.execute(stmt).scalar_one_or_none()
    return value


def get_run(session: Session, run_id: int) -> RunRecord:
    """A run with its per-source rows, ordered by source name."""
    row = session.execute(sa.select(RUN).where(RUN.c.id == run_id)).one()
    return RunRecord(row.id, row.status, row.started_at, row.finished_at, row.pid, row.message,
                     _source_rows(session, [run_id]).get(run_id, ()))


def list_runs(session: Session, *, kind: str = "crawl", limit: int = 50) -> list[RunRecord]:
    """The newest runs first, with their per-source rows."""
    rows = session.execute(sa.select(RUN).where(RUN.c.kind == kind).order_by(RUN.c.id.desc()).limit(limit)).all()
    by_run = _source_rows(session, [r.id for r in rows])
    return [RunRecord(r.id, r.status, r.started_at, r.finished_at, r.pid, r.message, by_run.get(r.id, ())) for r in rows]


def _source_rows(session: Session, run_ids: Sequence[int]) -> dict[int, tuple[RunSourceRow, ...]]:
    if not run_ids:
        return {}
    rs = RUN_SOURCE.c
    stmt = (
        sa.select(rs.run_id, SOURCE.c.name, rs.pages_fetched, rs.new_articles, rs.known, rs.duplicates, rs.failed, rs.errors)
        .select_from(RUN_SOURCE.join(SOURCE, SOURCE.c.id == rs.source_id))
        .where(rs.run_id.in_(list(run_ids)))
        .order_by(rs.run_id, SOURCE.c.name)
    )
    out: dict[int, list[RunSourceRow]] = {}
    for r in session.execute(stmt):
        counts = SourceCounts(r.pages_fetched, r.new_articles, r.known, r.duplicates, r.failed, json.loads(r.errors or "{}"))
        out.setdefault(r.run_id, []).append(RunSourceRow(r.name, counts))
    return {k: tuple(v) for k, v in out.items()}
