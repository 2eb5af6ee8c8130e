"""Story assignment through the real storage layer on a migrated SQLite file (and PostgreSQL)."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from nlp.dedup import content_hash, fingerprint
from nlp.types import Extracted, Fingerprint
from storage.articles import ArticleRow, ensure_source, store_article
from storage.db import session_scope
from storage.models import Article, ArticleBand, Story
from storage.pages import PageWrite, store_page
from storage.stories import (
    StoryError,
    StoryOptions,
    assign_story,
    story_articles,
    story_reach,
)
from tests.nlp.syndication import WIB, Doc, generate, pairwise

P_FLOOR, R_FLOOR = 0.99, 0.95  # issue #4: pairwise precision and recall over the syndication set


def _store(s: Session, outlet: str, n: int, title: str, text: str, published: datetime | None) -> int:
    source = ensure_source(s, name=outlet, home=f"https://{outlet}.example/")
    url = f"https://{outlet}.example/berita/{n}"
    page = store_page(
        s,
        PageWrite(source_id=source, url=url, canonical_url=url, status=200, body=b"<html></html>"),
    )
    ex = Extracted(
        url=url,
        canonical_url=url,
        title=title,
        text=text,
        published=published,
        content_hash=fingerprint(title, text).content_hash,
    )
    return store_article(s, ArticleRow(page_id=page.page_id, source_id=source, extracted=ex))


def _ingest(engine: Engine, docs: list[Doc], options: StoryOptions) -> list[int]:
    out = []
    with session_scope(engine) as s:
        for d in docs:
            article = _store(s, d.outlet, d.id, d.title, d.text, d.published)
            out.append(assign_story(s, article, fingerprint(d.title, d.text), options=options))
    return out


@pytest.mark.slow
def test_syndication_set_clusters_into_stories_with_high_precision_and_recall(
    engine: Engine,
) -> None:
    docs = generate()
    predicted = _ingest(engine, docs, StoryOptions())
    precision, recall = pairwise([d.story for d in docs], predicted)
    assert precision >= P_FLOOR, f"precision {precision:.4f}"
    assert recall >= R_FLOOR, f"recall {recall:.4f}"
    with session_scope(engine) as s:
        assert s.execute(sa.select(sa.func.count()).select_from(ArticleBand)).scalar_one() == 40 * len(docs)


def _event(docs: list[Doc]) -> tuple[list[Doc], list[Doc]]:
    """An event whose first piece ran on five outlets and which a second reporter also wrote."""
    by_event: dict[int, list[Doc]] = {}
    for d in docs:
        by_event.setdefault(d.event, []).append(d)
    for group in by_event.values():
        main = [d for d in group if d.story.endswith("/0")]
        rival = [d for d in group if not d.story.endswith("/0")]
        if len({d.outlet for d in main}) >= 5 and rival:
            return sorted(main, key=lambda d: d.id), rival
    raise AssertionError("the generated set has no such event")


def test_one_piece_on_five_outlets_is_one_story_with_reach_five_and_a_rival_stays_apart(
    any_engine: Engine,
) -> None:
    main, rival = _event(generate())
    five = []
    for d in main:
        if d.outlet not in {x.outlet for x in five}:
            five.append(d)
    five = five[:5]
    ids = _ingest(any_engine, [*five, rival[0]], StoryOptions())
    assert len(set(ids[:5])) == 1
    assert ids[5] != ids[0]
    with session_scope(any_engine) as s:
        assert story_reach(s, ids[0]) == 5
        assert story_reach(s, ids[5]) == 1
        assert len(story_articles(s, ids[0])) == 5


def test_assigning_again_is_a_no_op(engine: Engine) -> None:
    d = generate()[0]
    with session_scope(engine) as s:
        article = _store(s, d.outlet, 1, d.title, d.text, d.published)
        fp = fingerprint(d.title, d.text)
        first = assign_story(s, article, fp)
        again = assign_story(s, article, fp)
        bands = s.execute(sa.select(sa.func.count()).select_from(ArticleBand)).scalar_one()
        stories = s.execute(sa.select(sa.func.count()).select_from(Story)).scalar_one()
    assert first == again
    assert (bands, stories) == (40, 1)


def test_re_extracting_the_same_text_keeps_the_story_even_after_an_upsert(engine: Engine) -> None:
    d = generate()[0]
    fp = fingerprint(d.title, d.text)
    with session_scope(engine) as s:
        article = _store(s, d.outlet, 1, d.title, d.text, d.published)
        first = assign_story(s, article, fp)
    with session_scope(engine) as s:  # smartcity process --reextract: upsert (minhash NULL), then assign
        again = _store(s, d.outlet, 1, d.title, d.text, d.published)
        assert s.execute(sa.select(Article.minhash).where(Article.id == again)).scalar_one() is None
        assert assign_story(s, again, fp) == first
        assert s.execute(sa.select(Article.minhash).where(Article.id == again)).scalar_one() == fp.signature
        assert s.execute(sa.select(sa.func.count()).select_from(Story)).scalar_one() == 1


def test_re_extraction_moves_an_article_and_drops_its_emptied_story(engine: Engine) -> None:
    docs = generate()
    a, b = docs[0], next(d for d in docs if d.event != docs[0].event)
    with session_scope(engine) as s:
        first = assign_story(
            s,
            _store(s, "antaranews", 1, a.title, a.text, a.published),
            fingerprint(a.title, a.text),
        )
        other = _store(s, "kompas", 2, b.title, b.text, a.published)
        lonely = assign_story(s, other, fingerprint(b.title, b.text))
        assert lonely != first
        moved = assign_story(s, other, fingerprint(a.title, a.text + "\nTambahan kalimat penutup."))
        assert moved == first
        assert s.get(Story, lonely) is None
        keys = (
            s.execute(sa.select(ArticleBand.key).where(ArticleBand.article_id == other).order_by(ArticleBand.band))
            .scalars()
            .all()
        )
        assert tuple(keys) == fingerprint(a.title, a.text + "\nTambahan kalimat penutup.").bands


def test_copies_published_beyond_the_window_start_a_new_story(engine: Engine) -> None:
    d = generate()[0]
    later = d.published + timedelta(days=30)
    with session_scope(engine) as s:
        fp = fingerprint(d.title, d.text)
        first = assign_story(s, _store(s, "antaranews", 1, d.title, d.text, d.published), fp)
        late = assign_story(
            s,
            _store(s, "kompas", 2, d.title, d.text, later),
            fp,
            options=StoryOptions(window_days=14),
        )
        any_time = assign_story(
            s,
            _store(s, "detik", 3, d.title, d.text, later),
            fp,
            options=StoryOptions(window_days=0),
        )
    assert late != first
    assert any_time in (first, late)


def test_exact_copies_of_short_texts_match_by_hash(engine: Engine) -> None:
    when = datetime(2025, 3, 1, 9, 0, tzinfo=WIB)
    fp = Fingerprint(content_hash=content_hash("Teks singkat."))  # no signature/bands: only the hash
    with session_scope(engine) as s:
        one = assign_story(s, _store(s, "antaranews", 1, "Judul", "Teks singkat.", when), fp)
        two = assign_story(s, _store(s, "kompas", 2, "Judul lain", "Teks singkat!", when), fp)
    assert one == two


def test_an_article_that_is_not_stored_is_refused(engine: Engine) -> None:
    with session_scope(engine) as s, pytest.raises(StoryError, match="article 999 is not stored"):
        assign_story(s, 999, fingerprint("t", "x"))


def test_options_are_validated() -> None:
    with pytest.raises(ValueError, match="threshold"):
        StoryOptions(threshold=0)


def test_the_band_lookup_uses_the_index(engine: Engine) -> None:
    from storage import stories

    fp = fingerprint("t", "Pemerintah kota meluncurkan aplikasi layanan publik untuk seluruh warga kota.")
    captured: list[tuple[str, object]] = []

    @sa.event.listens_for(engine, "before_cursor_execute")
    def _grab(conn, cursor, statement, parameters, context, executemany):  # type: ignore[no-untyped-def]
        if "article_band" in statement and "count" in statement.lower():
            captured.append((statement, parameters))

    with session_scope(engine) as s:
        stories._near(s, 1, fp, 50)
    assert captured
    statement, parameters = captured[0]
    with engine.connect() as conn:
        plan = " ".join(str(r[-1]) for r in conn.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, parameters))
    assert "USING INDEX ix_article_band_key" in plan
    assert "SCAN article_band" not in plan
