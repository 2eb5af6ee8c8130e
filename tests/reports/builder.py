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
                           language="id", content_hash=hashlib.sha256(f"{url}{body}".encode()).hexdigest(),
                           extractor_version="uji")
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


# --- the digest fixture: week 2022-W40 (3-9 Oct 2022, Jakarta time) with hand-counted figures ---
TGR = ("Kota Tangerang", "Banten")
KTGR = ("Kabupaten Tangerang", "Banten")
SRG = ("Kota Serang", "Banten")
BDG = ("Kota Bandung", "Jawa Barat")
BKS = ("Kota Bekasi", "Jawa Barat")
SBY = ("Kota Surabaya", "Jawa Timur")


def build_digest_corpus(engine: Engine) -> tuple[Corpus, dict[str, int]]:
    """Stories of weeks 35-40 of 2022; the expected figures are written out in tests/reports/test_weekly.py."""
    from storage.labels import LabelChange, set_label

    c = Corpus(engine)
    ids: dict[str, int] = {}

    def add(key: str, title: str, **kw: object) -> None:
        ids[key] = c.add(title, **kw)  # type: ignore[arg-type]

    # week 40 ------------------------------------------------------------------------------------
    add("s1a", "Pemkot Tangerang buka antrean daring di 38 puskesmas", outlet="Tangerang News", published=wib(2022, 10, 3, 8),
        story="s1", pillars=("living",), cities=(TGR,))
    add("s1b", "Antrean puskesmas Kota Tangerang kini lewat aplikasi", outlet="ANTARA Banten", published=wib(2022, 10, 4, 10),
        story="s1", pillars=("living",), cities=(TGR,))
    add("s1c", "Warga Tangerang antre puskesmas dari rumah", outlet="Radar Banten", published=wib(2022, 10, 5, 9),
        story="s1", pillars=("living",), cities=(TGR,))
    add("s2a", "Bank sampah digital Bandung catat seribu nasabah", outlet="Detik Jabar", published=wib(2022, 10, 5, 14),
        story="s2", pillars=("environment", "society"), cities=(BDG,))
    add("s2b", "Seribu warga Bandung menabung sampah lewat aplikasi", outlet="Pikiran Rakyat", published=wib(2022, 10, 5, 18),
        story="s2", pillars=("environment", "society"), cities=(BDG,))
    add("s3", "Pemkot Bekasi pasang wifi gratis di 56 kelurahan", outlet="Radar Bekasi", published=wib(2022, 10, 4, 11),
        pillars=("society",), cities=(BKS,))
    add("s4", "Perizinan usaha di Kota Tangerang kini selesai sehari", outlet="Tangerang News", published=wib(2022, 10, 3, 0, 30),
        pillars=("governance",), cities=(TGR,))
    add("s5", "Surabaya ganti lampu jalan dengan tenaga surya", outlet="Detik Jatim", published=wib(2022, 10, 7, 9),
        pillars=("environment",), cities=(SBY,))
    add("s6a", "Pedagang pasar di Tangerang terima pembayaran QRIS", outlet="ANTARA Banten", published=wib(2022, 10, 6, 9),
        story="s6", pillars=("economy",), cities=(KTGR, TGR))
    add("s6b", "QRIS masuk pasar tradisional Tangerang", outlet="Banten News", published=wib(2022, 10, 6, 15),
        story="s6", pillars=("economy",), cities=(KTGR, TGR))
    add("s9", "Kamera pengawas Kota Tangerang tersambung ke ruang kendali", outlet="Tangerang News",
        published=wib(2022, 10, 8, 10),
        pillars=("society",), cities=(TGR,))
    add("n1", "Persikota menang tipis di kandang", outlet="Tangerang News", published=wib(2022, 10, 4, 20),
        relevant=False, pillars=(), cities=(TGR,))
    # the machine misses S7 and wrongly takes S8; an analyst corrects both
    add("s7", "Festival kuliner Serang dipromosikan lewat aplikasi wisata", outlet="Banten News", published=wib(2022, 10, 9, 12),
        relevant=False, pillars=("economy",), cities=(SRG,))
    add("s8", "Wali Kota Bandung hadiri pengajian akbar", outlet="Detik Jabar", published=wib(2022, 10, 7, 20),
        pillars=("governance",), cities=(BDG,))
    # week 39 ------------------------------------------------------------------------------------
    add("p1", "Tangerang uji coba parkir elektronik", outlet="Tangerang News", published=wib(2022, 9, 27, 9), pillars=("living",),
        cities=(TGR,))
    add("p2", "Bandung pasang sensor kualitas udara", outlet="Detik Jabar", published=wib(2022, 9, 28, 9),
        pillars=("environment",), cities=(BDG,))
    add("p3", "Bandung luncurkan tanda tangan elektronik", outlet="Detik Jabar", published=wib(2022, 9, 29, 9),
        pillars=("governance",), cities=(BDG,))
    add("p4a", "Surabaya olah sampah jadi listrik", outlet="Detik Jatim", published=wib(2022, 9, 29, 9), story="p4",
        pillars=("environment",), cities=(SBY,))
    add("p4b", "Sampah Surabaya menjadi listrik", outlet="Jawa Pos", published=wib(2022, 9, 30, 9), story="p4",
        pillars=("environment",), cities=(SBY,))
    add("p5", "Mal pelayanan publik Tangerang buka sampai malam", outlet="ANTARA Banten", published=wib(2022, 10, 2, 23, 45),
        pillars=("governance",), cities=(TGR,))
    # earlier weeks ------------------------------------------------------------------------------
    add("e1", "Bekasi siapkan satu data kependudukan", outlet="Radar Bekasi", published=wib(2022, 9, 14, 9),
        pillars=("governance",), cities=(BKS,))
    add("e2", "Serang latih operator kelurahan", outlet="Banten News", published=wib(2022, 8, 31, 9), pillars=("governance",),
        cities=(SRG,))
    with session_scope(engine) as s:
        set_label(s, ids["s7"], LabelChange(relevant=True, pillars=("branding",), analyst="rina", note="promosi wisata"))
        set_label(s, ids["s8"], LabelChange(relevant=False, analyst="rina", note="acara keagamaan"))
    return c, ids
