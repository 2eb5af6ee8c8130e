"""Shared fixtures: a migrated SQLite file per test, and a fresh PostgreSQL database per test.

PostgreSQL is the machine's server at 127.0.0.1:5432 (trust auth). Locally a missing server skips
the PostgreSQL tests with the reason; under CI=true it fails them, so a green CI run proves both.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine

PG_ADMIN_URL = os.environ.get("SMARTCITY_TEST_PG", "postgresql://postgres@127.0.0.1:5432/test")
DEVSET = Path(
    os.environ.get("SMARTCITY_DEVSET") or Path(__file__).resolve().parents[1].parent / "shared" / "devset" / "articles.jsonl"
)


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    """URL of a new, empty SQLite file."""
    return f"sqlite:///{tmp_path / 'smartcity.db'}"


@pytest.fixture
def engine(sqlite_url: str) -> Iterator[Engine]:
    """A SQLite engine on a file migrated to head."""
    from storage.db import make_engine
    from storage.migrate import upgrade

    eng = make_engine(sqlite_url)
    upgrade(eng)
    yield eng
    eng.dispose()


def _pg_admin() -> Engine:
    import sqlalchemy as sa

    return sa.create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT", connect_args={"connect_timeout": 3})


@pytest.fixture
def pg_url() -> Iterator[str]:
    """URL of a new PostgreSQL database, dropped afterwards."""
    import sqlalchemy as sa

    try:
        admin = _pg_admin()
        with admin.connect() as conn:
            conn.execute(sa.text("SELECT 1"))
    except Exception as exc:  # noqa: BLE001 - any failure means "no server here"
        msg = f"PostgreSQL not reachable at {PG_ADMIN_URL}: {exc.__class__.__name__}: {exc}"
        if os.environ.get("CI") == "true":
            pytest.fail(msg + " (CI=true: start it with `pg_ctlcluster 15 main start`)")
        pytest.skip(msg)
    name = f"smartcity_t_{uuid.uuid4().hex[:10]}"
    with admin.connect() as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    url = PG_ADMIN_URL.rsplit("/", 1)[0] + "/" + name
    try:
        yield url
    finally:
        with admin.connect() as conn:
            conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def any_engine(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Engine]:
    """A migrated engine on SQLite and, as a second run, on PostgreSQL."""
    from storage.db import make_engine
    from storage.migrate import upgrade

    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'any.db'}"
    else:
        url = request.getfixturevalue("pg_url")
    eng = make_engine(url)
    upgrade(eng)
    yield eng
    eng.dispose()


@pytest.fixture(scope="session")
def devset_path() -> Path:
    """The shared 60-article dev set; tests that read it skip when it is absent."""
    if not DEVSET.exists():
        pytest.skip(f"dev set not found at {DEVSET}")
    return DEVSET


@pytest.fixture(scope="session")
def require_tool():
    """Path of a system tool; skips locally when it is missing, fails under CI=true (.ci/run installs it)."""
    import shutil

    def need(name: str, package: str) -> str:
        path = shutil.which(name)
        if path:
            return path
        msg = f"{name} is not installed (Debian package {package}); .ci/run installs it"
        if os.environ.get("CI") == "true":
            pytest.fail(msg)
        pytest.skip(msg)

    return need
