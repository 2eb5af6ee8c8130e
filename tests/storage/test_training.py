"""Analyst labels join the corpus at the next training, in the corpus format, label over machine."""

from __future__ import annotations

import zlib
from datetime import UTC, datetime

from sqlalchemy.engine import Engine

from nlp.corpus import parse_example
from nlp.types import Extracted, PillarScore, PlaceTags, Tags
from storage.articles import ArticleRow, ensure_source, store_article
from storage.db import session_scope
from storage.labels import LabelChange, set_label
from storage.models import Page
from storage.tags import write_tags
from storage.training import labelled_records


def _article(s, src: int, n: int, title: str) -> int:
    url = f"https://contoh.id/berita/{n}"
    page = Page(source_id=src, url=url, canonical_url=url, status=200, body_z=zlib.compress(b"x"), body_sha1="0" * 40)
    s.add(page)
    s.flush()
    ex = Extracted(url=url, canonical_url=url, title=title, text=f"Isi berita {n}.", published=datetime(2026, 11, 2, tzinfo=UTC),
                   content_hash=f"h{n}")
    return store_article(s, ArticleRow(page.id, src, ex))


def _machine(relevant: bool, pillar: str | None) -> Tags:
    return Tags(relevant=relevant, relevance=0.9 if relevant else 0.1,
                pillars=(PillarScore(pillar, 0.8),) if pillar else (), main_pillar=pillar, places=PlaceTags(), model_version="m1")


def test_labelled_articles_become_training_records(any_engine: Engine) -> None:
    with session_scope(any_engine) as s:
        src = ensure_source(s, name="contoh", home="https://contoh.id/")
        sport = _article(s, src, 1, "Persiba juara turnamen")
        app = _article(s, src, 2, "Aplikasi parkir elektronik diluncurkan")
        keep = _article(s, src, 3, "Sensor banjir dipasang")
        _article(s, src, 4, "Tidak dilabel")
        write_tags(s, [(sport, _machine(True, "society")), (app, _machine(True, "governance")),
                       (keep, _machine(True, "environment"))])
        set_label(s, sport, LabelChange(relevant=False, analyst="rina"))  # machine was wrong: ordinary sport news
        set_label(s, app, LabelChange(pillars=("living", "governance")))  # pillars corrected, relevance kept
        set_label(s, keep, LabelChange(note="benar"))  # a note only: the machine's verdict stands
    with session_scope(any_engine) as s:
        records = {r["id"]: r for r in labelled_records(s)}
    assert set(records) == {f"label-{sport}", f"label-{app}", f"label-{keep}"}
    assert records[f"label-{sport}"]["relevant"] is False
    assert records[f"label-{sport}"]["pillars"] == []
    assert records[f"label-{app}"]["relevant"] is True
    assert records[f"label-{app}"]["pillars"] == ["living", "governance"]
    assert records[f"label-{keep}"]["pillars"] == ["environment"]
    examples = [parse_example(r, where=r["id"], origin="label") for r in records.values()]
    assert {e.main_pillar for e in examples} == {None, "living", "environment"}
