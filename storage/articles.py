"""Idempotent writes of sources and articles: one row per canonical URL, updated on re-extraction."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from nlp.types import Extracted
from storage.models import Article, Source, utcnow
from storage.upsert import upsert_stmt

ARTICLE_TABLE: sa.Table = Article.__table__  # type: ignore[attr-defined]
SOURCE_TABLE: sa.Table = Source.__table__  # type: ignore[attr-defined]
# Columns a re-extraction may change; story_id and ids stay.
ARTICLE_UPDATABLE = (
    "page_id", "title", "text", "published", "published_tz", "author", "outlet", "dateline",
    "language", "content_hash", "minhash", "extractor_version", "extracted_at",
)


@dataclass(frozen=True)
class ArticleRow:
    """What storage needs to write one article: the extraction plus where it came from."""

    page_id: int
    source_id: int
    extracted: Extracted
    minhash: bytes | None = None


def _offset(dt: datetime | None) -> str | None:
    if dt is None or dt.utcoffset() is None:
        return None
    minutes = int(dt.utcoffset().total_seconds() // 60)  # type: ignore[union-attr]
    sign = "+" if minutes >= 0 else "-"
    return f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def article_values(row: ArticleRow, *, now: datetime | None = None) -> dict[str, Any]:
    """Column values for one article, with the published offset kept beside the UTC instant."""
    ex = row.extracted
    return {
        "page_id": row.page_id,
        "source_id": row.source_id,
        "canonical_url": ex.canonical_url,
        "title": ex.title,
        "text": ex.text,
        "published": ex.published,
        "published_tz": _offset(ex.published),
        "author": ex.author,
        "outlet": ex.outlet,
        "dateline": ex.dateline,
        "language": ex.language,
        "content_hash": ex.content_hash,
        "minhash": row.minhash,
        "extractor_version": ex.extractor_version,
        "extracted_at": now or utcnow(),
    }


def ensure_source(session: Session, *, name: str, home: str, region: str | None = None) -> int:
    """Id of the source called ``name``, created (or its home/region refreshed) as needed."""
    dialect = session.get_bind().dialect.name
    stmt = upsert_stmt(dialect, SOURCE_TABLE, key=["name"], update=["home", "region"], returning=["id"])
    return int(session.execute(stmt, {"name": name, "home": home, "region": region, "created_at": utcnow()}).scalar_one())


def store_article(session: Session, row: ArticleRow) -> int:
    """Insert or refresh one article keyed by its canonical URL; returns its id."""
    dialect = session.get_bind().dialect.name
    stmt = upsert_stmt(dialect, ARTICLE_TABLE, key=["canonical_url"], update=ARTICLE_UPDATABLE, returning=["id"])
    return int(session.execute(stmt, article_values(row)).scalar_one())


def store_articles(session: Session, rows: Sequence[ArticleRow]) -> int:
    """Insert or refresh many articles in one executemany; returns how many rows were sent."""
    if not rows:
        return 0
    dialect = session.get_bind().dialect.name
    now = utcnow()
    stmt = upsert_stmt(dialect, ARTICLE_TABLE, key=["canonical_url"], update=ARTICLE_UPDATABLE)
    session.execute(stmt, [article_values(r, now=now) for r in rows])
    return len(rows)


def article_id_for_page(session: Session, page_id: int) -> int | None:
    """The article extracted from a page, if any."""
    return session.execute(sa.select(ARTICLE_TABLE.c.id).where(ARTICLE_TABLE.c.page_id == page_id)).scalar_one_or_none()
