"""Analyst labels: merged, idempotent, validated, and untouched by re-tagging."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from storage.db import session_scope
from storage.labels import LabelChange, LabelError, clear_label, get_label, set_label
from tests.reports.builder import Corpus, wib

BDG = ("Kota Bandung", "Jawa Barat")


@pytest.fixture
def article(any_engine):
    c = Corpus(any_engine)
    return c, c.add("Pemkot Tangerang buka layanan izin daring", outlet="Tangerang News", published=wib(2022, 10, 4))


def _rows(engine, aid):
    with engine.connect() as conn:
        label = conn.execute(sa.text("SELECT relevant, pillars_set, cities_set, analyst, note FROM label WHERE article_id = :a"),
                             {"a": aid}).all()
        pillars = conn.execute(sa.text("SELECT pillar, is_main FROM label_pillar WHERE article_id = :a ORDER BY pillar"),
                               {"a": aid}).all()
        cities = conn.execute(sa.text("SELECT city, province, is_main FROM label_city WHERE article_id = :a"), {"a": aid}).all()
    return [tuple(r) for r in label], [(p, bool(m)) for p, m in pillars], [(c, p, bool(m)) for c, p, m in cities]


def test_label_is_recorded_merged_and_idempotent(any_engine, article) -> None:
    _, aid = article
    change = LabelChange(relevant=True, pillars=("governance", "economy"), analyst="rina", note="izin usaha")
    with session_scope(any_engine) as s:
        rec = set_label(s, aid, change)
    assert rec.pillars == ("governance", "economy")
    assert rec.cities is None
    assert rec.relevant is True
    first = _rows(any_engine, aid)
    with session_scope(any_engine) as s:
        set_label(s, aid, change)
    assert _rows(any_engine, aid) == first  # the same change twice leaves the same rows
    assert first[1] == [("economy", False), ("governance", True)]
    # a later change that names only cities keeps relevance, pillars, analyst and note
    with session_scope(any_engine) as s:
        rec = set_label(s, aid, LabelChange(cities=(BDG,)))
    assert (rec.relevant, rec.pillars, rec.cities, rec.analyst, rec.note) == (
        True, ("governance", "economy"), (BDG,), "rina", "izin usaha")
    # "no city at all" is a statement too
    with session_scope(any_engine) as s:
        rec = set_label(s, aid, LabelChange(cities=()))
    assert rec.cities == ()
    assert _rows(any_engine, aid)[0][0][2]  # cities_set stays true with no rows


def test_clear_removes_the_label_and_its_rows(any_engine, article) -> None:
    _, aid = article
    with session_scope(any_engine) as s:
        set_label(s, aid, LabelChange(relevant=False, pillars=("living",), cities=(BDG,)))
    with session_scope(any_engine) as s:
        assert clear_label(s, aid) is True
        assert get_label(s, aid) is None
        assert clear_label(s, aid) is False
    assert _rows(any_engine, aid) == ([], [], [])


def test_bad_labels_are_refused_with_the_fix(any_engine, article) -> None:
    _, aid = article
    with session_scope(any_engine) as s:
        with pytest.raises(LabelError, match="unknown pillar 'enviroment': did you mean environment"):
            set_label(s, aid, LabelChange(pillars=("enviroment",)))
        with pytest.raises(LabelError, match="article 99999 does not exist"):
            set_label(s, 99999, LabelChange(relevant=True))
        with pytest.raises(LabelError, match="nothing to record"):
            set_label(s, aid, LabelChange())
        with pytest.raises(LabelError, match="official name and province"):
            set_label(s, aid, LabelChange(cities=(("Kota Bandung", ""),)))
    assert _rows(any_engine, aid) == ([], [], [])  # nothing half-written


def test_retagging_rewrites_machine_tags_and_leaves_labels(any_engine, article) -> None:
    corpus, aid = article
    with session_scope(any_engine) as s:
        set_label(s, aid, LabelChange(relevant=False, pillars=("society",), cities=(BDG,), analyst="dewi"))
    before = _rows(any_engine, aid)
    corpus.retag(aid, relevant=True, pillars=("economy",), cities=(("Kota Tangerang", "Banten"),), model_version="uji-2")
    with any_engine.connect() as conn:
        version = conn.execute(sa.text("SELECT model_version FROM article_tag WHERE article_id = :a"), {"a": aid}).scalar_one()
        machine = conn.execute(sa.text("SELECT pillar FROM article_pillar WHERE article_id = :a"), {"a": aid}).scalars().all()
    assert version == "uji-2"
    assert machine == ["economy"]
    assert _rows(any_engine, aid) == before
