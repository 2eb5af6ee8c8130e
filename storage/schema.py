"""Keep a database at the code's schema: create new ones, refuse silently outdated ones."""

from __future__ import annotations

import logging

from sqlalchemy import inspect
from sqlalchemy.engine import Engine

from storage import migrate

logger = logging.getLogger(__name__)


class SchemaOutdated(Exception):
    """The database was made by an older version; the message says to run ``smartcity db upgrade``."""


def ensure_schema(engine: Engine) -> str:
    """Create the schema in an empty database; raise SchemaOutdated when it lags behind the code."""
    rev = migrate.current(engine)
    head = migrate.head()
    if rev == head:
        return rev
    if rev is None:
        if inspect(engine).get_table_names():
            raise SchemaOutdated(
                f"database {engine.url.render_as_string(hide_password=True)} has tables but no schema "
                "revision: it was not made by smartcity; point --db at a new file"
            )
        logger.info("creating a new database at %s", engine.url.render_as_string(hide_password=True))
        return migrate.upgrade(engine) or head
    if rev not in migrate.revisions():
        raise SchemaOutdated(
            f"database is at revision {rev!r}, newer than this smartcity ({head!r}): upgrade smartcity-monitor"
        )
    raise SchemaOutdated(
        f"database is at schema revision {rev}, this version needs {head}: run `smartcity db upgrade` (back up the file first)"
    )
