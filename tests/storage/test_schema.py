"""The schema's promises, on SQLite and on the machine's PostgreSQL: idempotent, cascading, versioned."""

from __future__ import annotations

import zlib
from datetime import UTC, datetime, timedelta, timezone

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy.engine import Engine
from sqlmodel import SQLModel, select

from nlp.types import CityTag, Extracted, PillarScore, PlaceTags, Tags
from storage import migrate
from storage.articles import ArticleRow, ensure_source, store_article, store_articles
from storage.db import make_engine, session_scope
from storage.models import (
    Article,
    ArticleCity,
    ArticlePillar,
    ArticleTag,
    FrontierURL,
    Label,
    LabelPillar,
    Page,
    Source,
)
from storage.tags import write_tags

WIB = timezone(timedelta(hours=7))


def _page(session, source_id: int, url: str) -> int:
    body = f"<html><body><p>{url}</p></body></html>".encode()
    page = Page(source_id=source_id, url=url, canonical_url=url, status=200, body_z=zlib.compress(body), body_sha1="0" * 40)
    session.add(page)
    session.flush()
    assert page.id is not None
    return page.id


def _extracted(url: str, title: str = "Pemkot luncurkan aplikasi layanan", text: str = "Isi berita.") -> Extracted:
    return Extracted(
        url=url,
        canonical_url=url,
        title=title,
        text=text,
        published=datetime(2026, 11, 23, 9, 30, tzinfo=WIB),
        outlet="Contoh News",
        dateline="Tangerang",
        language="id",
        content_hash="h-" + url,
        extractor_version="test",
    )


def _tags(version: str, pillar: str = "governance", city: str = "Kota Tangerang") -> Tags:
    return Tags(
        relevant=True,
        relevance=0.91,
        pillars=(PillarScore(pillar, 0.8),),
        main_pillar=pillar,
        places=PlaceTags(cities=(CityTag(city, "Banten", 3, 0.9),), main_city=city, province="Banten"),
        model_version=version,
    )


def test_same_article_stored_twice_is_one_row(any_engine: Engine) -> None:
    url = "https://contoh.id/berita/1/aplikasi"
    with session_scope(any_engine) as s:
        src = ensure_source(s, name="contoh", home="https://contoh.id/")
        page_id = _page(s, src, url)
        first = store_article(s, ArticleRow(page_id, src, _extracted(url)))
    with session_scope(any_engine) as s:
        # the same crawl again: same source, same article, a corrected title
        assert ensure_source(s, name="contoh", home="https://contoh.id/") == src
        second = store_article(s, ArticleRow(page_id, src, _extracted(url, title="Judul diperbarui")))
        store_articles(s, [ArticleRow(page_id, src, _extracted(url, title="Judul diperbarui"))])
    assert first == second
    with session_scope(any_engine) as s:
        rows = s.exec(select(Article)).all()
        assert len(rows) == 1
        assert rows[0].title == "Judul diperbarui"
        assert rows[0].published == datetime(2026, 11, 23, 2, 30, tzinfo=UTC)
        assert rows[0].published_tz == "+07:00"
        assert len(s.exec(select(Source)).all()) == 1


def test_duplicate_frontier_url_is_rejected_by_the_unique_key(any_engine: Engine) -> None:
    with session_scope(any_engine) as s:
        src = ensure_source(s, name="contoh", home="https://contoh.id/")
        s.add(FrontierURL(source_id=src, url="https://contoh.id/a?utm_source=x", canonical_url="https://contoh.id/a"))
    with pytest.raises(sa.exc.IntegrityError):
        with session_scope(any_engine) as s:
            s.add(FrontierURL(source_id=src, url="https://contoh.id/a", canonical_url="https://contoh.id/a"))


def test_deleting_a_source_cascades_to_everything_it_produced(any_engine: Engine) -> None:
    with session_scope(any_engine) as s:
        keep = ensure_source(s, name="tetap", home="https://tetap.id/")
        gone = ensure_source(s, name="hapus", home="https://hapus.id/")
        for src, host in ((keep, "tetap.id"), (gone, "hapus.id")):
            url = f"https://{host}/berita/1"
            s.add(FrontierURL(source_id=src, url=url, canonical_url=url, state="stored"))
            art = store_article(s, ArticleRow(_page(s, src, url), src, _extracted(url)))
            write_tags(s, [(art, _tags("m1"))])
            s.add(Label(article_id=art, relevant=False, pillars_set=True))
            s.flush()
            s.add(LabelPillar(article_id=art, pillar="society", is_main=True))
    with session_scope(any_engine) as s:
        s.execute(sa.delete(Source.__table__).where(Source.__table__.c.name == "hapus"))
    with session_scope(any_engine) as s:
        for model in (FrontierURL, Page, Article, ArticleTag, ArticlePillar, ArticleCity, Label, LabelPillar):
            rows = s.exec(select(model)).all()
            assert len(rows) == 1, model.__name__
        assert s.exec(select(Article)).one().source_id == keep


def test_tags_keep_their_model_version_and_labels_survive_retagging(any_engine: Engine) -> None:
    url = "https://contoh.id/berita/2"
    with session_scope(any_engine) as s:
        src = ensure_source(s, name="contoh", home="https://contoh.id/")
        art = store_article(s, ArticleRow(_page(s, src, url), src, _extracted(url)))
        write_tags(s, [(art, _tags("model-2026.11.01"))])
        s.add(Label(article_id=art, relevant=True, pillars_set=True, analyst="rina"))
        s.flush()
        s.add(LabelPillar(article_id=art, pillar="environment", is_main=True))
    with session_scope(any_engine) as s:
        write_tags(s, [(art, _tags("model-2026.11.28", pillar="living", city="Kabupaten Tangerang"))])
    with session_scope(any_engine) as s:
        tag = s.get(ArticleTag, art)
        assert tag is not None
        assert tag.model_version == "model-2026.11.28"
        pillars = s.exec(select(ArticlePillar)).all()
        assert [(p.pillar, p.model_version, p.is_main) for p in pillars] == [("living", "model-2026.11.28", True)]
        cities = s.exec(select(ArticleCity)).all()
        assert [(c.city, c.model_version) for c in cities] == [("Kabupaten Tangerang", "model-2026.11.28")]
        label = s.get(Label, art)
        assert label is not None
        assert label.analyst == "rina"
        assert label.pillars_set
        assert [lp.pillar for lp in s.exec(select(LabelPillar)).all()] == ["environment"]


def test_naive_datetimes_are_refused(engine: Engine) -> None:
    url = "https://contoh.id/berita/3"
    bad = Extracted(url=url, canonical_url=url, title="t", text="x", published=datetime(2026, 1, 1), content_hash="h")
    with session_scope(engine) as s:
        src = ensure_source(s, name="contoh", home="https://contoh.id/")
        page = _page(s, src, url)
    with pytest.raises(sa.exc.StatementError, match="naive datetime"), session_scope(engine) as s:
        store_article(s, ArticleRow(page, src, bad))


def test_migrations_build_exactly_the_models(any_engine: Engine) -> None:
    with any_engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), SQLModel.metadata)
    # the full-text objects are made by raw SQL in 0002 and are not models
    assert [d for d in diff if "fts" not in str(d)] == []


@pytest.mark.parametrize("backend", ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def test_database_from_first_revision_upgrades_with_data_intact(backend: str, tmp_path, request) -> None:
    url = f"sqlite:///{tmp_path / 'old.db'}" if backend == "sqlite" else request.getfixturevalue("pg_url")
    eng = make_engine(url)
    first = migrate.revisions()[0]
    assert migrate.upgrade(eng, first) == first
    # rows written by a version of the monitor that only knew the first revision
    with eng.begin() as conn:
        conn.execute(sa.text("INSERT INTO source (name, home, created_at) VALUES ('lama', 'https://lama.id/', :t)"),
                     {"t": datetime(2025, 1, 1)})
        conn.execute(
            sa.text(
                "INSERT INTO page (source_id, url, canonical_url, status, fetched_at, body_z, body_sha1) "
                "VALUES (1, 'https://lama.id/b/1', 'https://lama.id/b/1', 200, :t, :b, :h)"
            ),
            {"t": datetime(2025, 1, 1), "b": zlib.compress(b"<p>x</p>"), "h": "0" * 40},
        )
        conn.execute(
            sa.text(
                "INSERT INTO article (page_id, source_id, canonical_url, title, text, content_hash, extractor_version, "
                "extracted_at) VALUES (1, 1, 'https://lama.id/b/1', 'Aplikasi parkir elektronik', "
                "'Dishub memasang parkir elektronik', 'h1', 'old', :t)"
            ),
            {"t": datetime(2025, 1, 1)},
        )
    assert migrate.upgrade(eng) == migrate.head()
    with session_scope(eng) as s:
        art = s.exec(select(Article)).one()
        assert art.title == "Aplikasi parkir elektronik"
        assert s.exec(select(Source)).one().name == "lama"
        if backend == "sqlite":
            hits = s.execute(sa.text("SELECT rowid FROM article_fts WHERE article_fts MATCH 'parkir'")).all()
        else:
            hits = s.execute(
                sa.text(
                    "SELECT id FROM article WHERE to_tsvector('simple', coalesce(title,'') || ' ' || coalesce(text,'')) "
                    "@@ plainto_tsquery('simple', 'parkir')"
                )
            ).all()
        assert [h[0] for h in hits] == [art.id]
    eng.dispose()


def test_sqlite_engine_pragmas(engine: Engine) -> None:
    with engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 30000
