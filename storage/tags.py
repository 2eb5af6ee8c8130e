"""Machine tags: replaced wholesale on every re-tag, stamped with the model version; labels untouched."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from nlp.types import Tags
from storage.models import ArticleCity, ArticlePillar, ArticleTag, utcnow
from storage.upsert import upsert_stmt

TAG: sa.Table = ArticleTag.__table__  # type: ignore[attr-defined]
PILLAR: sa.Table = ArticlePillar.__table__  # type: ignore[attr-defined]
CITY: sa.Table = ArticleCity.__table__  # type: ignore[attr-defined]
TAG_UPDATABLE = ("relevant", "relevance", "main_pillar", "main_city", "province", "model_version", "tagged_at")


def write_tags(session: Session, items: Sequence[tuple[int, Tags]]) -> int:
    """Replace the machine tags of each (article id, Tags); analyst labels live elsewhere and survive."""
    if not items:
        return 0
    items = list({article_id: tags for article_id, tags in items}.items())  # one verdict per article, last wins
    ids = [article_id for article_id, _ in items]
    now = utcnow()
    dialect = session.get_bind().dialect.name
    session.execute(sa.delete(PILLAR).where(PILLAR.c.article_id.in_(ids)))
    session.execute(sa.delete(CITY).where(CITY.c.article_id.in_(ids)))
    tag_rows: list[dict[str, Any]] = []
    pillar_rows: list[dict[str, Any]] = []
    city_rows: list[dict[str, Any]] = []
    for article_id, tags in items:
        tag_rows.append(
            {
                "article_id": article_id,
                "relevant": tags.relevant,
                "relevance": float(tags.relevance),
                "main_pillar": tags.main_pillar,
                "main_city": tags.places.main_city,
                "province": tags.places.province,
                "model_version": tags.model_version,
                "tagged_at": now,
            }
        )
        pillar_rows.extend(
            {
                "article_id": article_id,
                "pillar": p.pillar,
                "score": float(p.score),
                "is_main": p.pillar == tags.main_pillar,
                "model_version": tags.model_version,
            }
            for p in tags.pillars
        )
        city_rows.extend(
            {
                "article_id": article_id,
                "city": c.name,
                "province": c.province,
                "mentions": c.mentions,
                "confidence": float(c.confidence),
                "is_main": c.name == tags.places.main_city,
                "model_version": tags.model_version,
            }
            for c in tags.places.cities
        )
    session.execute(upsert_stmt(dialect, TAG, key=["article_id"], update=TAG_UPDATABLE), tag_rows)
    if pillar_rows:
        session.execute(sa.insert(PILLAR), pillar_rows)
    if city_rows:
        session.execute(sa.insert(CITY), city_rows)
    return len(items)
