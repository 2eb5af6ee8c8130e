"""Stories: each new article joins the story of its closest stored near-duplicate, or starts one.

Incremental: an article is matched against the stored index and nothing is recomputed. Exact
copies are found by ``article.content_hash``; near copies by an indexed lookup of the article's
LSH band keys in ``article_band`` (so the work per article does not grow with the number stored),
then by comparing the stored MinHash signatures (``article.minhash``) of the few candidates.
Settings: ``StoryOptions`` (``[dedup]`` threshold and window_days in smartcity.toml).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

import sqlalchemy as sa
from sqlalchemy.orm import Session

from nlp.types import Fingerprint
from storage.models import Article, ArticleBand, Story, utcnow

logger = logging.getLogger(__name__)

ARTICLE: sa.Table = Article.__table__  # type: ignore[attr-defined]
BAND: sa.Table = ArticleBand.__table__  # type: ignore[attr-defined]
STORY: sa.Table = Story.__table__  # type: ignore[attr-defined]


class StoryError(ValueError):
    """An article that cannot be assigned (not stored yet); the message names it and the fix."""


@dataclass(frozen=True)
class StoryOptions:
    """When two articles are one story."""

    threshold: float = 0.5  # estimated Jaccard of word 3-gram shingles at or above which they match
    window_days: int = 14  # publication dates further apart never match (0 = no limit)
    max_candidates: int = 50  # band-sharing candidates whose signatures are compared

    def __post_init__(self) -> None:
        if not 0 < self.threshold <= 1:
            raise ValueError(f"threshold={self.threshold} must be in (0, 1]: set [dedup] threshold")
        if self.window_days < 0 or self.max_candidates < 1:
            raise ValueError("window_days must be >= 0 and max_candidates >= 1")


DEFAULT = StoryOptions()


@dataclass(frozen=True)
class _Candidate:
    id: int
    story_id: int
    published: datetime | None
    minhash: bytes | None


def _within(a: datetime | None, b: datetime | None, days: int) -> bool:
    return days == 0 or a is None or b is None or abs(a - b) <= timedelta(days=days)


def _exact(session: Session, article_id: int, fp: Fingerprint) -> list[_Candidate]:
    c = ARTICLE.c
    rows = session.execute(
        sa.select(c.id, c.story_id, c.published, c.minhash)
        .where(c.content_hash == fp.content_hash, c.id != article_id, c.story_id.is_not(None))
        .order_by(c.id)
        .limit(20)
    )
    return [_Candidate(r.id, r.story_id, r.published, r.minhash) for r in rows]


def _near(session: Session, article_id: int, fp: Fingerprint, limit: int) -> list[_Candidate]:
    if not fp.bands:
        return []
    b = BAND.c
    hits = sa.func.count().label("hits")
    match = sa.or_(*(sa.and_(b.band == i, b.key == key) for i, key in enumerate(fp.bands)))
    ranked = (
        sa.select(b.article_id, hits)
        .where(match, b.article_id != article_id)
        .group_by(b.article_id)
        .order_by(hits.desc(), b.article_id)
        .limit(limit)
    ).subquery()
    c = ARTICLE.c
    rows = session.execute(
        sa.select(c.id, c.story_id, c.published, c.minhash)
        .join(ranked, ranked.c.article_id == c.id)
        .where(c.story_id.is_not(None), c.minhash.is_not(None))
    )
    return [_Candidate(r.id, r.story_id, r.published, r.minhash) for r in rows]


def _stored_bands(session: Session, article_id: int) -> tuple[int, ...]:
    b = BAND.c
    rows = session.execute(sa.select(b.key).where(b.article_id == article_id).order_by(b.band))
    return tuple(int(k) for (k,) in rows)


def find_story(
    session: Session,
    article_id: int,
    fingerprint: Fingerprint,
    published: datetime | None,
    *,
    options: StoryOptions = DEFAULT,
) -> tuple[int, float] | None:
    """The stored story (and similarity) an article belongs to, or None for a new story."""
    for cand in _exact(session, article_id, fingerprint):
        if _within(published, cand.published, options.window_days):
            return cand.story_id, 1.0
    cands = [
        c
        for c in _near(session, article_id, fingerprint, options.max_candidates)
        if c.minhash and _within(published, c.published, options.window_days)
    ]
    if not cands:
        return None
    sims = fingerprint.agreement([c.minhash for c in cands if c.minhash])
    best_sim, best = max(zip(sims, cands, strict=True), key=lambda pair: (pair[0], -pair[1].id))
    return (best.story_id, best_sim) if best_sim >= options.threshold else None


def assign_story(session: Session, article_id: int, fingerprint: Fingerprint, *, options: StoryOptions = DEFAULT) -> int:
    """Put a stored article into a story (an existing one or a new one) and index its fingerprint.

    Idempotent: the same fingerprint again returns the same story (and restores ``minhash`` if an
    article upsert reset it). A changed fingerprint re-indexes the article and may move it.
    """
    c = ARTICLE.c
    row = session.execute(sa.select(c.story_id, c.published, c.minhash).where(c.id == article_id)).one_or_none()
    if row is None:
        raise StoryError(f"article {article_id} is not stored: store it (storage.articles.store_article) first")
    if row.story_id is not None and fingerprint.bands and _stored_bands(session, article_id) == fingerprint.bands:
        if row.minhash != (fingerprint.signature or None):  # an upsert of the article reset it
            session.execute(sa.update(ARTICLE).where(c.id == article_id).values(minhash=fingerprint.signature or None))
        return int(row.story_id)
    found = find_story(session, article_id, fingerprint, row.published, options=options)
    if found is not None:
        story_id = found[0]
    else:
        story_id = int(
            session.execute(
                sa.insert(STORY).values(first_article_id=article_id, first_seen=row.published or utcnow()).returning(STORY.c.id)
            ).scalar_one()
        )
    session.execute(sa.delete(BAND).where(BAND.c.article_id == article_id))
    if fingerprint.bands:
        session.execute(
            sa.insert(BAND),
            [{"article_id": article_id, "band": i, "key": key} for i, key in enumerate(fingerprint.bands)],
        )
    session.execute(sa.update(ARTICLE).where(c.id == article_id).values(story_id=story_id, minhash=fingerprint.signature or None))
    if row.story_id is not None and row.story_id != story_id:
        _drop_if_empty(session, int(row.story_id))
    logger.debug("article %(a)s -> story %(s)s", {"a": article_id, "s": story_id})
    return story_id


def assign_stories(session: Session, items: Iterable[tuple[int, Fingerprint]], *, options: StoryOptions = DEFAULT) -> list[int]:
    """Assign several stored articles in order (each sees those assigned before it)."""
    return [assign_story(session, article_id, fp, options=options) for article_id, fp in items]


def _drop_if_empty(session: Session, story_id: int) -> None:
    left = session.execute(sa.select(sa.func.count()).select_from(ARTICLE).where(ARTICLE.c.story_id == story_id)).scalar_one()
    if not left:
        session.execute(sa.delete(STORY).where(STORY.c.id == story_id))


def story_reach(session: Session, story_id: int) -> int:
    """How many outlets (sources) carried a story."""
    c = ARTICLE.c
    return int(session.execute(sa.select(sa.func.count(sa.distinct(c.source_id))).where(c.story_id == story_id)).scalar_one())


def story_articles(session: Session, story_id: int) -> list[int]:
    """Ids of a story's articles, oldest id first."""
    c = ARTICLE.c
    return [int(i) for (i,) in session.execute(sa.select(c.id).where(c.story_id == story_id).order_by(c.id))]
