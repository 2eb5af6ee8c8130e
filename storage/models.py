"""Every table of the monitor, in one module (SQLModel's advice); engines are passed in elsewhere.

Unique keys make every write idempotent: a frontier row and a page per canonical URL, one article
per page, one tag row per (article, pillar|city), one analyst label per article.
"""

from __future__ import annotations

from datetime import UTC, datetime

import sqlalchemy as sa
from sqlalchemy.types import TypeDecorator
from sqlmodel import Field, SQLModel


def utcnow() -> datetime:
    """Aware UTC now; every timestamp the monitor writes goes through here."""
    return datetime.now(UTC)


class TZDateTime(TypeDecorator[datetime]):
    """Aware datetimes stored as UTC on every backend (SQLite drops offsets otherwise)."""

    impl = sa.DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: sa.Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError(f"naive datetime {value!r}: attach a time zone before storing it")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: sa.Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def _fk(target: str, *, nullable: bool = False, ondelete: str = "CASCADE") -> sa.Column[int]:
    return sa.Column(sa.Integer, sa.ForeignKey(target, ondelete=ondelete), nullable=nullable, index=True)


def _ts(*, nullable: bool = False, index: bool = False) -> sa.Column[datetime]:
    return sa.Column(TZDateTime(), nullable=nullable, index=index)


class Source(SQLModel, table=True):
    """An outlet the crawler reads (name is the registry key, e.g. "antara-banten")."""

    __tablename__ = "source"
    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(sa_column=sa.Column(sa.String(100), nullable=False, unique=True))
    home: str = Field(sa_column=sa.Column(sa.String(500), nullable=False))
    region: str | None = Field(default=None, sa_column=sa.Column(sa.String(100)))
    created_at: datetime = Field(default_factory=utcnow, sa_column=_ts())


class FrontierURL(SQLModel, table=True):
    """The crawler's ledger: every discovered article URL and what became of it."""

    __tablename__ = "frontier"
    __table_args__ = (sa.Index("ix_frontier_source_state", "source_id", "state"),)
    id: int | None = Field(default=None, primary_key=True)
    source_id: int = Field(sa_column=_fk("source.id"))
    url: str = Field(sa_column=sa.Column(sa.Text, nullable=False))  # as discovered, fetchable
    canonical_url: str = Field(sa_column=sa.Column(sa.String(1000), nullable=False, unique=True))
    state: str = Field(default="pending", sa_column=sa.Column(sa.String(16), nullable=False))
    reason: str | None = Field(default=None, sa_column=sa.Column(sa.String(200)))
    attempts: int = Field(default=0, sa_column=sa.Column(sa.Integer, nullable=False, server_default="0"))
    hinted_published: datetime | None = Field(default=None, sa_column=_ts(nullable=True))
    discovered_at: datetime = Field(default_factory=utcnow, sa_column=_ts())
    updated_at: datetime = Field(default_factory=utcnow, sa_column=_ts())


FRONTIER_STATES = ("pending", "stored", "gone", "failed")


class Page(SQLModel, table=True):
    """A fetched page, raw HTML kept zlib-compressed so it can be re-extracted without re-crawling."""

    __tablename__ = "page"
    id: int | None = Field(default=None, primary_key=True)
    source_id: int = Field(sa_column=_fk("source.id"))
    url: str = Field(sa_column=sa.Column(sa.Text, nullable=False))
    canonical_url: str = Field(sa_column=sa.Column(sa.String(1000), nullable=False, unique=True))
    status: int = Field(sa_column=sa.Column(sa.Integer, nullable=False))
    fetched_at: datetime = Field(default_factory=utcnow, sa_column=_ts())
    content_type: str | None = Field(default=None, sa_column=sa.Column(sa.String(200)))
    encoding: str | None = Field(default=None, sa_column=sa.Column(sa.String(40)))
    body_z: bytes = Field(sa_column=sa.Column(sa.LargeBinary, nullable=False))
    body_sha1: str = Field(sa_column=sa.Column(sa.String(40), nullable=False))
    processed_at: datetime | None = Field(default=None, sa_column=_ts(nullable=True, index=True))
    process_reason: str | None = Field(default=None, sa_column=sa.Column(sa.String(200)))


class PagePart(SQLModel, table=True):
    """A continuation page ("halaman 2", "Selanjutnya") of a multi-page article, joined at extraction."""

    __tablename__ = "page_part"
    page_id: int = Field(sa_column=sa.Column(sa.Integer, sa.ForeignKey("page.id", ondelete="CASCADE"), primary_key=True))
    seq: int = Field(sa_column=sa.Column(sa.Integer, primary_key=True, autoincrement=False))  # 2, 3, ...
    url: str = Field(sa_column=sa.Column(sa.Text, nullable=False))
    body_z: bytes = Field(sa_column=sa.Column(sa.LargeBinary, nullable=False))


class Story(SQLModel, table=True):
    """A cluster of near-duplicate articles: one piece and its syndicated copies."""

    __tablename__ = "story"
    id: int | None = Field(default=None, primary_key=True)
    first_article_id: int | None = Field(default=None, sa_column=sa.Column(sa.Integer, nullable=True))
    first_seen: datetime = Field(default_factory=utcnow, sa_column=_ts(index=True))


class Article(SQLModel, table=True):
    """Clean text and metadata extracted from one page."""

    __tablename__ = "article"
    # covers the analyst queries' date scan without reading the text (migration 0003)
    __table_args__ = (sa.Index("ix_article_coverage", "published", "story_id", "source_id", "outlet"),)
    id: int | None = Field(default=None, primary_key=True)
    page_id: int = Field(sa_column=sa.Column(sa.Integer, sa.ForeignKey("page.id", ondelete="CASCADE"), nullable=False,
                                             unique=True))
    source_id: int = Field(sa_column=_fk("source.id"))
    story_id: int | None = Field(default=None, sa_column=_fk("story.id", nullable=True, ondelete="SET NULL"))
    canonical_url: str = Field(sa_column=sa.Column(sa.String(1000), nullable=False, unique=True))
    title: str = Field(sa_column=sa.Column(sa.Text, nullable=False))
    text: str = Field(sa_column=sa.Column(sa.Text, nullable=False))
    published: datetime | None = Field(default=None, sa_column=_ts(nullable=True, index=True))
    published_tz: str | None = Field(default=None, sa_column=sa.Column(sa.String(8)))  # "+07:00"
    author: str | None = Field(default=None, sa_column=sa.Column(sa.String(300)))
    outlet: str | None = Field(default=None, sa_column=sa.Column(sa.String(200)))
    dateline: str | None = Field(default=None, sa_column=sa.Column(sa.String(200)))
    language: str | None = Field(default=None, sa_column=sa.Column(sa.String(8)))
    content_hash: str = Field(sa_column=sa.Column(sa.String(64), nullable=False, index=True))
    minhash: bytes | None = Field(default=None, sa_column=sa.Column(sa.LargeBinary, nullable=True))  # dedup signature
    extractor_version: str = Field(default="", sa_column=sa.Column(sa.String(40), nullable=False, server_default=""))
    extracted_at: datetime = Field(default_factory=utcnow, sa_column=_ts())


class ArticleBand(SQLModel, table=True):
    """MinHash LSH band keys of an article, so near-duplicate lookup is an indexed query."""

    __tablename__ = "article_band"
    __table_args__ = (sa.Index("ix_article_band_key", "band", "key"),)
    article_id: int = Field(sa_column=sa.Column(sa.Integer, sa.ForeignKey("article.id", ondelete="CASCADE"), primary_key=True))
    band: int = Field(sa_column=sa.Column(sa.Integer, primary_key=True, autoincrement=False))
    key: int = Field(sa_column=sa.Column(sa.BigInteger, nullable=False))


class ArticleTag(SQLModel, table=True):
    """The machine's verdict on an article as a whole (relevance, main pillar, main city)."""

    __tablename__ = "article_tag"
    article_id: int = Field(sa_column=sa.Column(sa.Integer, sa.ForeignKey("article.id", ondelete="CASCADE"), primary_key=True))
    relevant: bool = Field(sa_column=sa.Column(sa.Boolean, nullable=False, index=True))
    relevance: float = Field(sa_column=sa.Column(sa.Float, nullable=False))
    main_pillar: str | None = Field(default=None, sa_column=sa.Column(sa.String(20)))
    main_city: str | None = Field(default=None, sa_column=sa.Column(sa.String(100), index=True))
    province: str | None = Field(default=None, sa_column=sa.Column(sa.String(100)))
    model_version: str = Field(sa_column=sa.Column(sa.String(80), nullable=False))
    tagged_at: datetime = Field(default_factory=utcnow, sa_column=_ts())


class ArticlePillar(SQLModel, table=True):
    """A pillar the tagger assigned to an article (score above threshold), with its model version."""

    __tablename__ = "article_pillar"
    article_id: int = Field(sa_column=sa.Column(sa.Integer, sa.ForeignKey("article.id", ondelete="CASCADE"), primary_key=True))
    pillar: str = Field(sa_column=sa.Column(sa.String(20), primary_key=True))
    score: float = Field(sa_column=sa.Column(sa.Float, nullable=False))
    is_main: bool = Field(default=False, sa_column=sa.Column(sa.Boolean, nullable=False, server_default=sa.false()))
    model_version: str = Field(sa_column=sa.Column(sa.String(80), nullable=False))


class ArticleCity(SQLModel, table=True):
    """One kabupaten/kota an article is about, with the tagger version that produced it."""

    __tablename__ = "article_city"
    __table_args__ = (sa.Index("ix_article_city_city", "city"), sa.Index("ix_article_city_province", "province"))
    article_id: int = Field(sa_column=sa.Column(sa.Integer, sa.ForeignKey("article.id", ondelete="CASCADE"), primary_key=True))
    city: str = Field(sa_column=sa.Column(sa.String(100), primary_key=True))
    province: str = Field(sa_column=sa.Column(sa.String(100), nullable=False))
    mentions: int = Field(sa_column=sa.Column(sa.Integer, nullable=False))
    confidence: float = Field(sa_column=sa.Column(sa.Float, nullable=False))
    is_main: bool = Field(default=False, sa_column=sa.Column(sa.Boolean, nullable=False, server_default=sa.false()))
    model_version: str = Field(sa_column=sa.Column(sa.String(80), nullable=False))


class Label(SQLModel, table=True):
    """An analyst's correction; kept apart from machine tags and always wins over them.

    ``relevant`` None leaves the machine's relevance; ``pillars_set``/``cities_set`` say whether the
    analyst replaced the pillar/city lists (with the rows in label_pillar / label_city, possibly none).
    """

    __tablename__ = "label"
    article_id: int = Field(sa_column=sa.Column(sa.Integer, sa.ForeignKey("article.id", ondelete="CASCADE"), primary_key=True))
    relevant: bool | None = Field(default=None, sa_column=sa.Column(sa.Boolean, nullable=True))
    pillars_set: bool = Field(default=False, sa_column=sa.Column(sa.Boolean, nullable=False, server_default=sa.false()))
    cities_set: bool = Field(default=False, sa_column=sa.Column(sa.Boolean, nullable=False, server_default=sa.false()))
    analyst: str | None = Field(default=None, sa_column=sa.Column(sa.String(100)))
    note: str | None = Field(default=None, sa_column=sa.Column(sa.Text))
    labelled_at: datetime = Field(default_factory=utcnow, sa_column=_ts())


class LabelPillar(SQLModel, table=True):
    """A pillar an analyst assigned (replaces the machine's pillars when label.pillars_set)."""

    __tablename__ = "label_pillar"
    article_id: int = Field(sa_column=sa.Column(sa.Integer, sa.ForeignKey("label.article_id", ondelete="CASCADE"),
                                                primary_key=True))
    pillar: str = Field(sa_column=sa.Column(sa.String(20), primary_key=True))
    is_main: bool = Field(default=False, sa_column=sa.Column(sa.Boolean, nullable=False, server_default=sa.false()))


class LabelCity(SQLModel, table=True):
    """A kabupaten/kota an analyst assigned (replaces the machine's cities when label.cities_set)."""

    __tablename__ = "label_city"
    article_id: int = Field(sa_column=sa.Column(sa.Integer, sa.ForeignKey("label.article_id", ondelete="CASCADE"),
                                                primary_key=True))
    city: str = Field(sa_column=sa.Column(sa.String(100), primary_key=True))
    province: str = Field(sa_column=sa.Column(sa.String(100), nullable=False))
    is_main: bool = Field(default=False, sa_column=sa.Column(sa.Boolean, nullable=False, server_default=sa.false()))


class CrawlRun(SQLModel, table=True):
    """One crawl (or process/digest) run: when, how it ended, and the options it ran with."""

    __tablename__ = "crawl_run"
    id: int | None = Field(default=None, primary_key=True)
    kind: str = Field(default="crawl", sa_column=sa.Column(sa.String(20), nullable=False, server_default="crawl"))
    started_at: datetime = Field(default_factory=utcnow, sa_column=_ts(index=True))
    finished_at: datetime | None = Field(default=None, sa_column=_ts(nullable=True))
    status: str = Field(default="running", sa_column=sa.Column(sa.String(20), nullable=False))  # running|ok|partial|failed|killed
    pid: int | None = Field(default=None, sa_column=sa.Column(sa.Integer))
    options: str | None = Field(default=None, sa_column=sa.Column(sa.Text))  # JSON
    message: str | None = Field(default=None, sa_column=sa.Column(sa.Text))


class CrawlRunSource(SQLModel, table=True):
    """Per-source counts of one crawl run; errors is a JSON object reason -> count."""

    __tablename__ = "crawl_run_source"
    run_id: int = Field(sa_column=sa.Column(sa.Integer, sa.ForeignKey("crawl_run.id", ondelete="CASCADE"), primary_key=True))
    source_id: int = Field(sa_column=sa.Column(sa.Integer, sa.ForeignKey("source.id", ondelete="CASCADE"), primary_key=True))
    pages_fetched: int = Field(default=0, sa_column=sa.Column(sa.Integer, nullable=False, server_default="0"))
    new_articles: int = Field(default=0, sa_column=sa.Column(sa.Integer, nullable=False, server_default="0"))
    known: int = Field(default=0, sa_column=sa.Column(sa.Integer, nullable=False, server_default="0"))
    duplicates: int = Field(default=0, sa_column=sa.Column(sa.Integer, nullable=False, server_default="0"))
    failed: int = Field(default=0, sa_column=sa.Column(sa.Integer, nullable=False, server_default="0"))
    errors: str = Field(default="{}", sa_column=sa.Column(sa.Text, nullable=False, server_default="{}"))
