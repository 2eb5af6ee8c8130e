"""``smartcity process`` over stored pages: nothing twice, rejections kept, re-extraction and re-tagging safe."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from nlp.model_io import TaggerModel, load_model
from smartcity.process import ProcessOptions, process_pages, retag
from storage.articles import ensure_source
from storage.db import session_scope
from storage.models import Label, LabelPillar
from storage.pages import PageWrite, store_pages

SITE = Path(__file__).resolve().parents[1] / "sites" / "extraction"


@pytest.fixture(scope="module")
def model() -> TaggerModel:
    return load_model(None)


def _fixture_pages(n: int) -> list[tuple[str, bytes]]:
    spec = [p for p in json.loads((SITE / "expected.json").read_text(encoding="utf-8"))["pages"] if not p.get("parts")]
    return [(p["url"], (SITE / "pages" / p["file"]).read_bytes()) for p in spec[:n]]


def _store(engine: Engine, pages: list[tuple[str, bytes]]) -> int:
    with session_scope(engine) as s:
        src = ensure_source(s, name="fixtures", home="https://example.invalid/")
        store_pages(s, [PageWrite(source_id=src, url=u, canonical_url=u, status=200, body=b, encoding="utf-8") for u, b in pages])
    return src


def _count(engine: Engine, sql: str) -> int:
    with engine.connect() as conn:
        return int(conn.exec_driver_sql(sql).scalar_one())


def test_process_stores_each_article_once_and_a_rerun_does_nothing(engine: Engine, model: TaggerModel) -> None:
    pages = _fixture_pages(12)
    _store(engine, pages)
    first = process_pages(engine, model, options=ProcessOptions(batch_size=5))
    assert first.pages == 12
    assert first.articles == 12
    assert first.tagged == 12
    assert _count(engine, "SELECT count(*) FROM article") == 12
    assert _count(engine, "SELECT count(*) FROM article_tag") == 12
    assert _count(engine, "SELECT count(*) FROM page WHERE processed_at IS NULL") == 0
    again = process_pages(engine, model)
    assert again.pages == 0
    assert _count(engine, "SELECT count(*) FROM article") == 12


def test_two_pages_of_one_article_in_one_batch_make_one_article(engine: Engine, model: TaggerModel) -> None:
    url, body = _fixture_pages(1)[0]
    # the AMP copy and the desktop page both declare the same rel=canonical
    _store(engine, [(url, body), (url + "?amp=1&x=2", body)])
    summary = process_pages(engine, model, options=ProcessOptions(batch_size=10))
    assert summary.pages == 2
    assert _count(engine, "SELECT count(*) FROM article") == 1
    assert _count(engine, "SELECT count(*) FROM article_tag") == 1


def test_rejected_pages_keep_their_reason_and_are_not_retried(engine: Engine, model: TaggerModel) -> None:
    _store(engine, [("https://example.invalid/berita/1", b"<html><body><p>Terlalu pendek.</p></body></html>")])
    summary = process_pages(engine, model)
    assert summary.rejected == {"too_short": 1}
    with engine.connect() as conn:
        reason = conn.exec_driver_sql("SELECT process_reason FROM page").scalar_one()
    assert reason.startswith("too_short")
    assert process_pages(engine, model).pages == 0


def test_reextraction_keeps_counts_and_stories(engine: Engine, model: TaggerModel) -> None:
    _store(engine, _fixture_pages(10))
    process_pages(engine, model)
    before = [_count(engine, f"SELECT count(*) FROM {t}") for t in ("article", "story", "article_tag", "article_band")]
    stories = _count(engine, "SELECT sum(story_id) FROM article")
    redo = process_pages(engine, model, options=ProcessOptions(reextract=True))
    assert redo.pages == 10
    assert [_count(engine, f"SELECT count(*) FROM {t}") for t in ("article", "story", "article_tag", "article_band")] == before
    assert _count(engine, "SELECT sum(story_id) FROM article") == stories


def test_retag_after_a_new_model_rewrites_versions_and_keeps_labels(engine: Engine, model: TaggerModel) -> None:
    _store(engine, _fixture_pages(6))
    process_pages(engine, model)
    with session_scope(engine) as s:
        first_id = s.execute(sa.text("SELECT min(id) FROM article")).scalar_one()
        s.add(Label(article_id=first_id, relevant=True, pillars_set=True, analyst="dewi"))
        s.flush()
        s.add(LabelPillar(article_id=first_id, pillar="branding", is_main=True))
    newer = dataclasses.replace(model, version=model.version + "-next")
    assert retag(engine, newer) == 6
    assert _count(engine, f"SELECT count(*) FROM article_tag WHERE model_version = '{newer.version}'") == 6
    assert _count(engine, f"SELECT count(*) FROM article_pillar WHERE model_version != '{newer.version}'") == 0
    assert _count(engine, "SELECT count(*) FROM label_pillar WHERE pillar = 'branding'") == 1
    assert retag(engine, newer) == 0  # only articles tagged by another version
