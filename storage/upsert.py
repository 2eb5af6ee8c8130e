"""Portable INSERT … ON CONFLICT for SQLite and PostgreSQL: how every idempotent write is made."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session


def _insert(dialect: str, table: sa.Table) -> Any:
    if dialect == "sqlite":
        return sqlite.insert(table)
    if dialect == "postgresql":
        return postgresql.insert(table)
    raise NotImplementedError(f"upserts on {dialect!r} are not supported: use SQLite or PostgreSQL")


def upsert_stmt(
    dialect: str,
    table: sa.Table,
    *,
    key: Sequence[str],
    update: Iterable[str] = (),
    returning: Sequence[str] = (),
) -> Any:
    """INSERT that updates ``update`` columns (or does nothing) when ``key`` already exists."""
    stmt = _insert(dialect, table)
    cols = list(update)
    if cols:
        stmt = stmt.on_conflict_do_update(index_elements=list(key), set_={c: stmt.excluded[c] for c in cols})
    else:
        stmt = stmt.on_conflict_do_nothing(index_elements=list(key))
    if returning:
        stmt = stmt.returning(*(table.c[c] for c in returning))
    return stmt


def upsert(
    session: Session,
    table: sa.Table,
    rows: Sequence[Mapping[str, Any]],
    *,
    key: Sequence[str],
    update: Iterable[str] = (),
) -> None:
    """Insert-or-update many rows in one executemany round trip."""
    if not rows:
        return
    stmt = upsert_stmt(session.get_bind().dialect.name, table, key=key, update=update)
    session.execute(stmt, list(rows))
