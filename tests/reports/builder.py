"""Builds test databases through the project's own write path (pages, articles, stories, tags).

Shared by the storage, reports and command tests: every article goes in through
``storage.articles.store_article`` and ``storage.tags.write_tags``, as the pipeline writes them.
"""

from __future__ import annotations

import hashlib
import re
import zlib
from collections.abc import Sequence
from datetime import datetime, timedelta, timezone

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from nlp.types import CityTag, Extracted, PillarScore, PlaceTags, Tags
from storage.articles import ArticleRow, ensure_source, store_article
from storage.db import session_scope
from storage.models import Article, Page, Story
from storage.tags import write_tags

WIB = timezone(timedelta(hours=7))
ARTICLE = Article.__table__


def wib(y: int, m: int, d: int, hh: int = 9, mm: int = 0) -> datetime:
    """A Jakarta-time instant (what Indonesian outlets print)."""
    return datetime(y, m, d, hh, mm, tzinfo=WIB)


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


class Corpus:
    """Adds articles with their machine tags; ``story`` keys group syndicated copies."""

    def __init__(self, engine: Engine, *, model_version: str = "uji-1") -> None:
        self.engine = engine
        self.model_version = model_version
        self.stories: dict[str, int] = {}
        self.count = 0

    def add(
        self,
        title: str,
        *,
        outlet: str,
        published: datetime | None,
        story: str | None = None,
        relevant: bool = True,
        pillars: Sequence[str] = ("living",),
        cities: Sequence[tuple[str, str]] = (("Kota Tangerang", "Banten"),),
        province: str | None = None,
        text: str | None = None,
        with_story: bool = True,
    ) -> int:
        """Store one article and its tags; returns the article id."""
        self.count += 1
        url = f"https://{slug(outlet)}.example/berita/{self.count}/{slug(title)[:60]}"
        body = text or f"{title}. Pemerintah daerah menjelaskan program ini kepada warga pada pekan tersebut."
        with session_scope(self.engine) as s:
            src = ensure_source(s, name=slug(outlet), home=f"https://{slug(outlet)}.example/")
            page = Page(source_id=src, url=url, canonical_url=url, status=200,
                        body_z=zlib.compress(f"<html><body><p>{body}</p></body></html>".encode()), body_sha1="0" * 40)
            s.add(page)
            s.flush()
            ex = Extracted(url=url, canonical_url=url, title=title, text=body, published=published, outlet=outlet,
                           language="id", content_hash=hashlib.sha256(f"{url}{body}".encode()).hexdigest(), extractor_version="uji")
            aid = store_article(s, ArticleRow(page_id=page.id, source_id=src, extracted=ex))
            if with_story:
                key = story or f"_own{aid}"
                if key not in self.stories:
                    st = Story(first_article_id=aid, first_seen=published or datetime.now(WIB))
                    s.add(st)
                    s.flush()
                    self.stories[key] = st.id
                s.execute(sa.update(ARTICLE).where(ARTICLE.c.id == aid).values(story_id=self.stories[key]))
            self.tag(s, aid, relevant=relevant, pillars=pillars, cities=cities, province=province)
        return aid

    def tag(self, session, aid: int, *, relevant: bool, pillars: Sequence[str], cities: Sequence[tuple[str, str]],
            province: str | None = None, model_version: str | None = None) -> None:
        """(Re)write the machine tags of one article, as the tagger does."""
        places = PlaceTags(
            cities=tuple(CityTag(c, p, 2, 0.9) for c, p in cities),
            main_city=cities[0][0] if cities else None,
            province=province or (cities[0][1] if cities else None),
        )
        tags = Tags(relevant=relevant, relevance=0.9 if relevant else 0.1,
                    pillars=tuple(PillarScore(p, 0.8) for p in pillars), main_pillar=pillars[0] if pillars else None,
                    places=places, model_version=model_version or self.model_version)
        write_tags(session, [(aid, tags)])

    def retag(self, aid: int, **kwargs: object) -> None:
        """Rewrite the machine tags of an existing article in its own transaction."""
        with session_scope(self.engine) as s:
            self.tag(s, aid, **kwargs)  # type: ignore[arg-type]
