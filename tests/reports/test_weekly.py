"""The digest's figures against a fixture database counted by hand (tests/reports/builder.py)."""

from __future__ import annotations

import subprocess
import sys
from datetime import datetime, timedelta, timezone

import pytest

from reports.weekly import IsoWeek, WeekError, WeeklyOptions, build_weekly
from storage.queries import PILLARS
from tests.reports.builder import TGR, build_digest_corpus, wib

W40 = IsoWeek(2022, 40)


@pytest.fixture
def corpus(any_engine):
    return build_digest_corpus(any_engine)


def _digest(engine, **kw):
    with engine.connect() as conn:
        return build_weekly(conn, W40, **kw)


def test_totals_and_week_over_week(any_engine, corpus) -> None:
    d = _digest(any_engine)
    assert (d.stories, d.previous_stories, d.articles, d.outlet_count, d.city_count) == (8, 5, 12, 8, 6)
    assert d.start == datetime(2022, 10, 3, tzinfo=timezone(timedelta(hours=7)))
    assert d.last_day.isoformat() == "2022-10-09"
    assert not d.empty


def test_stories_per_pillar_with_change_and_labels_applied(any_engine, corpus) -> None:
    d = _digest(any_engine)
    got = {p.pillar: (p.stories, p.previous) for p in d.pillars}
    assert got == {"governance": (1, 2), "branding": (1, 0), "economy": (1, 0), "living": (1, 1),
                   "society": (3, 0), "environment": (2, 2)}
    assert [p.pillar for p in d.pillars] == list(PILLARS)


def test_places_new_and_rising(any_engine, corpus) -> None:
    d = _digest(any_engine)
    assert [(c.city, c.province, c.stories, c.previous) for c in d.cities] == [
        ("Kota Tangerang", "Banten", 4, 2),
        ("Kabupaten Tangerang", "Banten", 1, 0),
        ("Kota Bandung", "Jawa Barat", 1, 2),  # the Wali Kota's pengajian is labelled not relevant
        ("Kota Bekasi", "Jawa Barat", 1, 0),
        ("Kota Serang", "Banten", 1, 0),
        ("Kota Surabaya", "Jawa Timur", 1, 1),
    ]
    tangerang = d.cities[0]
    assert (tangerang.articles, tangerang.outlets) == (7, 4)  # 4 stories carried as 7 articles by 4 outlets
    assert [c.city for c in d.new_cities] == ["Kabupaten Tangerang", "Kota Serang"]  # Bekasi was in week 37
    assert [(c.city, c.previous, c.stories) for c in d.rising_cities] == [("Kota Tangerang", 2, 4)]


def test_heat_map_and_trend(any_engine, corpus) -> None:
    d = _digest(any_engine)
    grid = dict(zip(d.heatmap_cities, d.heatmap, strict=True))
    col = {p: i for i, p in enumerate(PILLARS)}
    assert grid["Kota Tangerang"] == (1, 0, 1, 1, 1, 0)
    assert grid["Kota Serang"][col["branding"]] == 1
    assert grid["Kota Bandung"] == (0, 0, 0, 0, 1, 1)
    assert sum(map(sum, d.heatmap)) == 4 + 1 + 1 + 2 + 1 + 1
    assert [(t.week, t.stories) for t in d.trend] == [
        ("2022-W33", 0), ("2022-W34", 0), ("2022-W35", 1), ("2022-W36", 0),
        ("2022-W37", 1), ("2022-W38", 0), ("2022-W39", 5), ("2022-W40", 8),
    ]


def test_top_stories_by_reach_and_outlets(any_engine, corpus) -> None:
    _, ids = corpus
    d = _digest(any_engine)
    top = d.top_stories
    assert [(s.article_id, s.reach, s.articles) for s in top[:3]] == [(ids["s1a"], 3, 3), (ids["s6a"], 2, 2), (ids["s2a"], 2, 2)]
    assert top[0].outlets == ("ANTARA Banten", "Radar Banten", "Tangerang News")
    assert top[0].url.startswith("https://tangerang-news.example/berita/")
    assert len(top) == 8
    assert ids["s8"] not in {s.article_id for s in top}
    assert [(o.outlet, o.stories, o.articles) for o in d.outlets[:3]] == [
        ("Tangerang News", 3, 3), ("ANTARA Banten", 2, 2), ("Banten News", 2, 2)]


def test_city_focus_compares_with_province_and_peers(any_engine, corpus) -> None:
    d = _digest(any_engine, city="Kota Tangerang")
    f = d.focus
    assert f is not None
    assert (f.city, f.province, f.stories, f.previous) == ("Kota Tangerang", "Banten", 4, 2)
    assert {p.pillar: (p.stories, p.previous) for p in f.pillars if p.stories or p.previous} == {
        "governance": (1, 1), "economy": (1, 0), "living": (1, 1), "society": (1, 0)}
    assert (f.province_stories, f.province_previous) == (5, 2)
    assert [(p.city, p.stories) for p in f.peers] == [("Kota Tangerang", 4), ("Kabupaten Tangerang", 1), ("Kota Serang", 1)]
    assert f.rank == 1
    assert f.top_stories[0].reach == 3


def test_retagging_keeps_the_analysts_corrections(any_engine, corpus) -> None:
    c, ids = corpus
    c.retag(ids["s7"], relevant=False, pillars=("economy",), cities=(("Kota Serang", "Banten"),), model_version="uji-2")
    c.retag(ids["s8"], relevant=True, pillars=("governance",), cities=(("Kota Bandung", "Jawa Barat"),), model_version="uji-2")
    d = _digest(any_engine)
    assert d.stories == 8
    assert {p.pillar: p.stories for p in d.pillars}["branding"] == 1


def test_empty_week_says_so(any_engine, corpus) -> None:
    with any_engine.connect() as conn:
        d = build_weekly(conn, IsoWeek(2021, 40), options=WeeklyOptions(), include_rows=True)
    assert d.empty
    assert (d.stories, d.previous_stories, d.cities, d.top_stories, d.heatmap_cities, d.rows) == (0, 0, (), (), (), ())
    assert [t.stories for t in d.trend] == [0] * 8


def test_rows_behind_the_digest(any_engine, corpus) -> None:
    d = _digest(any_engine, include_rows=True)
    assert len(d.rows) == 12
    assert len({r.story for r in d.rows}) == 8
    per_pillar = {p: len({r.story for r in d.rows if p in r.tags.pillars}) for p in PILLARS}
    assert per_pillar == {p.pillar: p.stories for p in d.pillars}
    assert any(r.tags.labelled and r.tags.pillars == ("branding",) for r in d.rows)


def test_iso_weeks_in_jakarta_time() -> None:
    assert IsoWeek.parse("2022-W40") == IsoWeek.parse("2022w40") == W40
    assert str(IsoWeek.parse("2020-W53").shift(1)) == "2021-W01"
    assert IsoWeek.containing(wib(2022, 10, 3, 0, 30), "Asia/Jakarta") == W40
    assert IsoWeek.containing(wib(2022, 10, 3, 0, 30), "UTC") == IsoWeek(2022, 39)
    assert W40.end("Asia/Jakarta") - W40.start("Asia/Jakarta") == timedelta(days=7)
    for bad in ("2022-40", "W40", "2022-W54", "2021-W53"):
        with pytest.raises(WeekError, match="2022-W40|no ISO week"):
            IsoWeek.parse(bad)


def test_building_a_digest_loads_no_chart_or_pdf_library() -> None:
    code = (
        "import sys, reports.weekly, reports.render, reports.tables, reports.charts\n"
        "assert 'matplotlib' not in sys.modules and 'weasyprint' not in sys.modules, "
        "sorted(m for m in sys.modules if 'mat' in m)\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=120)


def test_focus_city_of_a_place_with_no_news(any_engine, corpus) -> None:
    d = _digest(any_engine, city="Kabupaten Lebak", province="Banten")
    assert d.focus is not None
    assert (d.focus.stories, d.focus.rank, d.focus.province_stories) == (0, None, 5)
    assert TGR[0] in [p.city for p in d.focus.peers]
