"""Row counts and sizes for ``smartcity db info`` and ``smartcity status``."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.engine import Engine
from sqlmodel import SQLModel

import storage.models  # noqa: F401  (registers the tables)

COUNTED = ("source", "frontier", "page", "article", "story", "article_tag", "label", "crawl_run")


def table_counts(engine: Engine) -> dict[str, int]:
    """Rows per main table."""
    tables = SQLModel.metadata.tables
    with engine.connect() as conn:
        return {name: int(conn.execute(select(func.count()).select_from(tables[name])).scalar_one()) for name in COUNTED}
