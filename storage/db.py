"""Engines and sessions: SQLite tuned for one writer and many readers, or any SQLAlchemy URL.

SQLite gets WAL, a busy timeout, foreign keys, and ``BEGIN IMMEDIATE`` for write engines so two
writers queue instead of failing with "database is locked" halfway through a transaction.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError
from sqlmodel import Session

logger = logging.getLogger(__name__)


class DatabaseError(Exception):
    """A database URL or file the monitor cannot use; the message names it and the fix."""


def sqlite_url(path: str | Path) -> str:
    """SQLAlchemy URL for a SQLite file path."""
    return f"sqlite:///{Path(path).expanduser()}"


def make_engine(url: str, *, busy_timeout_ms: int = 30_000, write: bool = True, echo: bool = False) -> Engine:
    """Engine for ``url``; a plain path is taken as a SQLite file and its folder is created."""
    if "://" not in url:
        url = sqlite_url(url)
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise DatabaseError(
            f"database URL {url!r} is not valid: use a path, sqlite:///FILE or postgresql://HOST/DB"
        ) from exc
    if parsed.get_backend_name() == "sqlite":
        return _sqlite_engine(parsed, busy_timeout_ms=busy_timeout_ms, write=write, echo=echo)
    kwargs: dict[str, Any] = {"echo": echo, "pool_pre_ping": True}
    try:
        return sa.create_engine(parsed, **kwargs)
    except NoSuchModuleError as exc:
        raise DatabaseError(
            f"database URL {url!r}: unknown database kind {parsed.drivername!r}: use a SQLite path or postgresql://HOST/DB"
        ) from exc
    except ModuleNotFoundError as exc:
        raise DatabaseError(
            f"database URL {url!r} needs the driver {exc.name!r}: pip install 'smartcity-monitor[postgres]'"
        ) from exc


def _sqlite_engine(url: sa.URL, *, busy_timeout_ms: int, write: bool, echo: bool) -> Engine:
    db = url.database or ""
    if db and db != ":memory:":
        path = Path(db).expanduser()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise DatabaseError(f"cannot create the folder for database {str(path)!r}: {exc.strerror}") from exc
        if path.exists() and not path.is_file():
            raise DatabaseError(f"database path {str(path)!r} is not a file: pass a file path to --db")
    engine = sa.create_engine(url, echo=echo, connect_args={"timeout": busy_timeout_ms / 1000})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.isolation_level = None  # let SQLAlchemy's BEGIN below own transactions
        cur = dbapi_conn.cursor()
        cur.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
        cur.execute("PRAGMA foreign_keys = ON")
        if db and db != ":memory:":
            cur.execute("PRAGMA journal_mode = WAL")
        cur.execute("PRAGMA synchronous = NORMAL")
        cur.close()

    begin = "BEGIN IMMEDIATE" if write else "BEGIN"

    @event.listens_for(engine, "begin")
    def _on_begin(conn: sa.Connection) -> None:
        conn.exec_driver_sql(begin)

    return engine


@contextlib.contextmanager
def session_scope(engine: Engine) -> Iterator[Session]:
    """One transaction: commit on success, roll back on any error."""
    with Session(engine, expire_on_commit=False) as session:
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise


def is_sqlite(engine: Engine) -> bool:
    """Whether the engine talks to SQLite (FTS5, pragmas) rather than a server."""
    return engine.dialect.name == "sqlite"
