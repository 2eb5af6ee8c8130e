"""Stored raw pages → articles → stories → tags: the NLP half of the pipeline, batch or inline.

Each batch of pages is one transaction: articles upserted by canonical URL, story assigned,
machine tags replaced, pages stamped ``processed_at``. A process killed mid-batch leaves those
pages unstamped and the next run redoes them; the upserts make that safe (nothing twice).
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa

from nlp.dedup import DedupOptions, fingerprint
from nlp.extract import ExtractOptions, extract
from nlp.tagger import TagOptions, tag_articles
from nlp.types import Extracted
from storage.articles import ArticleRow, store_article
from storage.db import session_scope
from storage.models import Article, ArticleTag, Page, Story, utcnow
from storage.pages import decompress, page_parts
from storage.stories import StoryOptions, assign_story
from storage.tags import write_tags

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine
    from sqlalchemy.orm import Session

    from nlp.model_io import TaggerModel

logger = logging.getLogger(__name__)
PAGE: sa.Table = Page.__table__  # type: ignore[attr-defined]
ARTICLE: sa.Table = Article.__table__  # type: ignore[attr-defined]
TAG: sa.Table = ArticleTag.__table__  # type: ignore[attr-defined]
STORY: sa.Table = Story.__table__  # type: ignore[attr-defined]


@dataclass(frozen=True)
class ProcessOptions:
    """What to (re)do and with which stage options."""

    extract: ExtractOptions = field(default_factory=ExtractOptions)
    dedup: DedupOptions = field(default_factory=DedupOptions)
    stories: StoryOptions = field(default_factory=StoryOptions)
    tag: TagOptions = field(default_factory=TagOptions)
    batch_size: int = 50
    reextract: bool = False  # extract pages already processed again (after an extractor upgrade)
    retag: bool = False  # re-tag articles whose tags came from another model version


@dataclass
class ProcessSummary:
    """Counts of one ``smartcity process`` run."""

    pages: int = 0
    articles: int = 0
    new_stories: int = 0
    joined_stories: int = 0
    tagged: int = 0
    relevant: int = 0
    rejected: Counter[str] = field(default_factory=Counter)
    model_version: str = ""

    def add(self, other: ProcessSummary) -> None:
        for name in ("pages", "articles", "new_stories", "joined_stories", "tagged", "relevant"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.rejected.update(other.rejected)


def _pending_pages(session: Session, *, after: int, limit: int, reextract: bool, ids: Sequence[int] | None) -> list[Any]:
    c = PAGE.c
    q = sa.select(c.id, c.source_id, c.url, c.body_z, c.encoding).where(c.id > after).order_by(c.id).limit(limit)
    if ids is not None:
        q = q.where(c.id.in_(list(ids)))
    elif not reextract:
        q = q.where(c.processed_at.is_(None))
    return list(session.execute(q))


def _process_batch(session: Session, pages: Sequence[Any], model: TaggerModel, options: ProcessOptions) -> ProcessSummary:
    out = ProcessSummary(model_version=model.version)
    now = utcnow()
    to_tag: dict[int, Extracted] = {}  # two pages of one article (AMP and desktop, say) tag it once
    for page in pages:
        out.pages += 1
        parts = [p.body for p in page_parts(session, page.id)]
        result = extract(decompress(page.body_z), page.url, options=options.extract, parts=parts, http_encoding=page.encoding)
        if not isinstance(result, Extracted):
            out.rejected[result.reason] += 1
            reason = f"{result.reason}: {result.detail}"[:200]
            session.execute(sa.update(PAGE).where(PAGE.c.id == page.id).values(processed_at=now, process_reason=reason))
            continue
        fp = fingerprint(result.title, result.text, options=options.dedup)
        article_id = store_article(session, ArticleRow(page.id, page.source_id, result))
        story_id = assign_story(session, article_id, fp, options=options.stories)
        first = session.execute(sa.select(STORY.c.first_article_id).where(STORY.c.id == story_id)).scalar_one()
        if first == article_id:
            out.new_stories += 1
        else:
            out.joined_stories += 1
        out.articles += 1
        if result.language in (None, "id"):
            to_tag[article_id] = result
        session.execute(sa.update(PAGE).where(PAGE.c.id == page.id).values(processed_at=now, process_reason=None))
    if to_tag:
        tags = tag_articles(model, [(ex.title, ex.text) for ex in to_tag.values()], options=options.tag)
        write_tags(session, list(zip(to_tag, tags, strict=True)))
        out.tagged += len(tags)
        out.relevant += sum(t.relevant for t in tags)
    return out


def process_pages(
    engine: Engine,
    model: TaggerModel,
    *,
    options: ProcessOptions = ProcessOptions(),
    page_ids: Sequence[int] | None = None,
    progress: Callable[[ProcessSummary], None] | None = None,
) -> ProcessSummary:
    """Extract, cluster and tag every unprocessed page (or ``page_ids``), a transaction per batch."""
    total = ProcessSummary(model_version=model.version)
    after = 0
    while True:
        with session_scope(engine) as s:
            pages = _pending_pages(s, after=after, limit=options.batch_size, reextract=options.reextract, ids=page_ids)
            if not pages:
                break
            total.add(_process_batch(s, pages, model, options))
        after = pages[-1].id
        if progress:
            progress(total)
    if options.retag:
        total.tagged += retag(engine, model, options=options, progress=None)
    return total


def retag(engine: Engine, model: TaggerModel, *, options: ProcessOptions = ProcessOptions(),
          progress: Callable[[int], None] | None = None) -> int:
    """Re-tag Indonesian articles whose tags are missing or came from another model version."""
    done = 0
    after = 0
    while True:
        with session_scope(engine) as s:
            q = (
                sa.select(ARTICLE.c.id, ARTICLE.c.title, ARTICLE.c.text)
                .outerjoin(TAG, TAG.c.article_id == ARTICLE.c.id)
                .where(ARTICLE.c.id > after)
                .where(sa.or_(ARTICLE.c.language.is_(None), ARTICLE.c.language == "id"))
                .where(sa.or_(TAG.c.model_version.is_(None), TAG.c.model_version != model.version))
                .order_by(ARTICLE.c.id)
                .limit(options.batch_size * 4)
            )
            rows = list(s.execute(q))
            if not rows:
                break
            tags = tag_articles(model, [(r.title, r.text) for r in rows], options=options.tag)
            write_tags(s, [(r.id, t) for r, t in zip(rows, tags, strict=True)])
        done += len(rows)
        after = rows[-1].id
        if progress:
            progress(done)
    return done


def make_inline_pipeline(engine: Engine, model: TaggerModel, options: ProcessOptions, *, every: int = 20) -> type:
    """A Scrapy item pipeline class that processes stored pages while the crawl runs."""

    class InlineProcessPipeline:
        """Runs ``process_pages`` on committed pages in small batches (the crawler stays the only page writer)."""

        def __init__(self) -> None:
            self.pending: list[int] = []

        def process_item(self, item: Any) -> Any:
            page_id = getattr(item, "page_id", None)
            if page_id and getattr(item, "new", True):  # a duplicate page was processed when first stored
                self.pending.append(int(page_id))
                if len(self.pending) >= every:
                    self._flush()
            return item

        def close_spider(self) -> None:
            self._flush()

        def _flush(self) -> None:
            ids, self.pending = self.pending, []
            if ids:
                process_pages(engine, model, options=options, page_ids=ids)

    return InlineProcessPipeline
