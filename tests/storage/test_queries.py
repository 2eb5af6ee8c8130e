"""The analyst read API on SQLite and PostgreSQL: story counting, labels over tags, weeks, full text."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from storage.db import session_scope
from storage.labels import LabelChange, clear_label, set_label
from storage.queries import (
    Filters,
    QueryError,
    article_rows,
    count_stories,
    effective_tags,
    known_values,
    list_stories,
    week_label,
)
from tests.reports.builder import Corpus, wib

TGR = ("Kota Tangerang", "Banten")
KTGR = ("Kabupaten Tangerang", "Banten")
BDG = ("Kota Bandung", "Jawa Barat")
SBY = ("Kota Surabaya", "Jawa Timur")


@pytest.fixture
def corpus(any_engine):
    c = Corpus(any_engine)
    ids = {}
    # story "antrean": one piece carried by three outlets (two in week 40, one copy a week later)
    ids["antrean1"] = c.add("Pemkot Tangerang buka antrean daring puskesmas", outlet="Tangerang News",
                            published=wib(2022, 10, 3, 8), story="antrean", pillars=("living", "governance"), cities=(TGR,))
    ids["antrean2"] = c.add("Antrean daring puskesmas dibuka di Kota Tangerang", outlet="ANTARA Banten",
                            published=wib(2022, 10, 4, 10), story="antrean", pillars=("living",), cities=(TGR,))
    ids["antrean3"] = c.add("Warga Tangerang kini antre puskesmas lewat ponsel", outlet="Radar Banten",
                            published=wib(2022, 10, 11, 10), story="antrean", pillars=("living",), cities=(TGR,))
    # a Bandung story about waste and community, two cities
    ids["sampah"] = c.add("Bank sampah digital Bandung catat seribu nasabah", outlet="Detik Jabar",
                          published=wib(2022, 10, 5, 14), pillars=("environment", "society"), cities=(BDG, KTGR))
    # published Monday 03:00 WIB = Sunday 20:00 UTC: week 40 in Jakarta, week 39 in UTC
    ids["subuh"] = c.add("Surabaya pasang lampu jalan tenaga surya", outlet="Detik Jatim",
                         published=wib(2022, 10, 3, 3), pillars=("environment",), cities=(SBY,))
    # exactly the start of week 40 in Jakarta
    ids["tengah_malam"] = c.add("Mal pelayanan publik Surabaya buka malam", outlet="Detik Jatim",
                                published=wib(2022, 10, 3, 0, 0), pillars=("governance",), cities=(SBY,))
    # Sunday 23:59 WIB: still week 39
    ids["minggu"] = c.add("Tangerang uji coba parkir elektronik", outlet="Tangerang News",
                          published=wib(2022, 10, 2, 23, 59), pillars=("living",), cities=(TGR,))
    # not Smart City coverage
    ids["bola"] = c.add("Persikota menang tipis di kandang", outlet="Tangerang News",
                        published=wib(2022, 10, 4, 20), relevant=False, pillars=(), cities=(TGR,))
    # a province-level story (Gubernur), no kabupaten/kota
    ids["gubernur"] = c.add("Gubernur Banten resmikan pusat data provinsi", outlet="ANTARA Banten",
                            published=wib(2022, 10, 6, 9), pillars=("governance",), cities=(), province="Banten")
    return c, ids


def _counts(engine, filters=None, **kw):
    filters = filters or Filters()
    with engine.connect() as conn:
        return {r.keys: (r.stories, r.articles, r.outlets) for r in count_stories(conn, filters, **kw)}


W40 = Filters(since=wib(2022, 10, 3, 0, 0), until=wib(2022, 10, 10, 0, 0))


def test_totals_count_stories_not_copies_and_only_relevant(any_engine, corpus) -> None:
    # week 40: antrean (2 copies), sampah, subuh, tengah_malam, gubernur = 5 stories, 6 articles
    assert _counts(any_engine, W40) == {(): (5, 6, 4)}
    everything = Filters(since=W40.since, until=W40.until, relevant=None)
    assert _counts(any_engine, everything) == {(): (6, 7, 4)}
    assert _counts(any_engine, Filters(since=W40.since, until=W40.until, relevant=False)) == {(): (1, 1, 1)}


def test_group_by_city_and_province_count_each_story_once_per_place(any_engine, corpus) -> None:
    by_city = _counts(any_engine, W40, group_by=["city"])
    assert by_city == {
        ("Kota Tangerang",): (1, 2, 2),
        ("Kota Surabaya",): (2, 2, 1),
        ("Kota Bandung",): (1, 1, 1),
        ("Kabupaten Tangerang",): (1, 1, 1),
    }
    by_prov = _counts(any_engine, W40, group_by=["province"])
    # Banten: antrean (Kota Tangerang), sampah (its Kabupaten Tangerang mention), gubernur (province only)
    assert by_prov[("Banten",)][0] == 3
    assert by_prov[("Jawa Barat",)][0] == 1
    assert by_prov[("Jawa Timur",)][0] == 2
    with any_engine.connect() as conn:
        first = count_stories(conn, W40, group_by=["city"])
    assert first[0].keys == ("Kota Surabaya",)  # largest first


def test_group_by_pillar_and_two_fields(any_engine, corpus) -> None:
    by_pillar = _counts(any_engine, W40, group_by=["pillar"])
    assert {k[0]: v[0] for k, v in by_pillar.items()} == {"living": 1, "governance": 3, "environment": 2, "society": 1}
    grid = _counts(any_engine, W40, group_by=["city", "pillar"])
    assert grid[("Kota Surabaya", "environment")][0] == 1
    assert grid[("Kota Tangerang", "governance")][0] == 1  # only the first copy says governance; still one story
    assert grid[("Kota Tangerang", "living")] == (1, 2, 2)
    assert ("Kota Tangerang", "environment") not in grid


def test_weeks_are_iso_weeks_in_jakarta_time(any_engine, corpus) -> None:
    weeks = _counts(any_engine, Filters(since=wib(2022, 9, 26, 0, 0), until=wib(2022, 10, 17, 0, 0)), group_by=["week"])
    assert {k[0]: v[0] for k, v in weeks.items()} == {"2022-W39": 1, "2022-W40": 5, "2022-W41": 1}
    with any_engine.connect() as conn:
        rows = count_stories(conn, Filters(since=wib(2022, 9, 26, 0, 0)), group_by=["week"])
    assert [r.keys[0] for r in rows] == ["2022-W39", "2022-W40", "2022-W41"]  # in week order
    # in UTC the 03:00 and 00:00 Monday stories would fall in week 39
    utc = _counts(any_engine, Filters(since=wib(2022, 9, 26, 0, 0), until=wib(2022, 10, 17, 0, 0)), group_by=["week"], tz="UTC")
    assert utc[("2022-W39",)][0] == 3
    assert week_label(0) == "1970-W02"
    assert week_label(2752) == "2022-W40"


def test_filters_city_pillar_outlet_and_date_bounds(any_engine, corpus) -> None:
    assert _counts(any_engine, Filters(cities=("Kota Tangerang",))) == {(): (2, 4, 3)}
    env = _counts(any_engine, Filters(pillars=("environment",)), group_by=["city"])
    assert set(env) == {("Kota Bandung",), ("Kabupaten Tangerang",), ("Kota Surabaya",)}
    # filtering on a field and grouping by it shows only the asked values
    assert set(_counts(any_engine, Filters(pillars=("environment",)), group_by=["pillar"])) == {("environment",)}
    assert _counts(any_engine, Filters(outlets=("detik jatim",))) == {(): (2, 2, 1)}
    assert _counts(any_engine, Filters(provinces=("Jawa Barat",)), group_by=["city"]) == {("Kota Bandung",): (1, 1, 1)}
    # since is inclusive, until exclusive
    assert _counts(any_engine, Filters(since=wib(2022, 10, 3, 0, 0), until=wib(2022, 10, 3, 0, 1))) == {(): (1, 1, 1)}
    assert _counts(any_engine, Filters(until=wib(2022, 10, 3, 0, 0))) == {(): (1, 1, 1)}


def test_full_text_search_on_both_backends(any_engine, corpus) -> None:
    def stories(q: str) -> int:
        return _counts(any_engine, Filters(search=q, relevant=None))[()][0]

    assert stories("puskesmas") == 1
    assert stories("PUSKESMAS daring") == 1
    assert stories('"bank sampah"') == 1
    assert stories('"sampah bank"') == 0
    assert stories("sampah OR surya") == 2
    assert stories("tangerang") == 2  # antrean (three copies) and parkir
    assert stories("tangerang NOT parkir") == 1
    assert stories("tangerang -puskesmas") == 1
    assert stories("pelayan*") == 1
    assert stories("(sampah OR surya) Surabaya") == 1
    for bad in ('"bank sampah', "NOT puskesmas", "sampah OR", "(sampah", "sampah)", "", "***"):
        with pytest.raises(QueryError, match="--search"):
            Filters(search=bad)


def test_unknown_group_pillar_and_naive_dates_are_refused(any_engine) -> None:
    with any_engine.connect() as conn, pytest.raises(QueryError, match="use one of city, province, pillar, week, outlet"):
        count_stories(conn, group_by=["kota"])
    with pytest.raises(QueryError, match="unknown pillar 'lingkungan'"):
        Filters(pillars=("lingkungan",))
    with pytest.raises(QueryError, match="no time zone"):
        Filters(since=wib(2022, 1, 1).replace(tzinfo=None))


def test_story_list_by_reach_and_by_date(any_engine, corpus) -> None:
    _, ids = corpus
    with any_engine.connect() as conn:
        top = list_stories(conn, W40, order="reach", limit=2)
        recent = list_stories(conn, W40, order="recent", limit=3)
    assert top[0].article_id == ids["antrean1"]  # the first copy stands for the story
    assert top[0].reach == 3  # the copy of the following week counts towards reach
    assert top[0].outlets == ("ANTARA Banten", "Radar Banten", "Tangerang News")
    assert top[0].articles == 2  # copies inside the week
    assert top[0].tags.main_city == "Kota Tangerang"
    assert top[1].reach == 1
    assert [r.article_id for r in recent] == [ids["gubernur"], ids["sampah"], ids["antrean1"]]


def test_label_overrides_machine_tags_story_wide_and_survives_retagging(any_engine, corpus) -> None:
    c, ids = corpus
    # machine: antrean is living in Kota Tangerang; analyst: environment in Kota Bandung (on the 2nd copy)
    with session_scope(any_engine) as s:
        set_label(s, ids["antrean2"], LabelChange(pillars=("environment",), cities=(BDG,), analyst="rina"))
    by_city = _counts(any_engine, W40, group_by=["city"])
    assert ("Kota Tangerang",) not in by_city
    assert by_city[("Kota Bandung",)] == (2, 3, 3)  # sampah + antrean (both copies follow the label)
    assert ("living",) not in _counts(any_engine, W40, group_by=["pillar"])
    # the tagger runs again and says living / Kota Tangerang: the label still wins
    c.retag(ids["antrean1"], relevant=True, pillars=("living",), cities=(TGR,))
    c.retag(ids["antrean2"], relevant=True, pillars=("living",), cities=(TGR,))
    assert ("Kota Tangerang",) not in _counts(any_engine, W40, group_by=["city"])
    with any_engine.connect() as conn:
        tags = effective_tags(conn, [ids["antrean1"], ids["antrean2"], ids["sampah"]])
    assert tags[ids["antrean1"]].pillars == ("environment",)
    assert tags[ids["antrean1"]].labelled
    assert tags[ids["antrean2"]].cities == (BDG,)
    assert not tags[ids["sampah"]].labelled
    assert tags[ids["sampah"]].pillars == ("environment", "society")
    # a later label on the first copy says "not relevant": it speaks for the whole story, while the
    # pillars and cities still come from the earlier label (it is the newest that sets them)
    with session_scope(any_engine) as s:
        set_label(s, ids["antrean1"], LabelChange(relevant=False))
    assert _counts(any_engine, W40) == {(): (4, 4, 3)}
    with any_engine.connect() as conn:
        tags = effective_tags(conn, [ids["antrean1"], ids["antrean2"], ids["antrean3"]])
    assert {t.relevant for t in tags.values()} == {False}
    assert {t.pillars for t in tags.values()} == {("environment",)}
    # newest label per part: a newer pillar label on the third copy replaces the older one everywhere
    with session_scope(any_engine) as s:
        set_label(s, ids["antrean3"], LabelChange(pillars=("governance", "living")))
    with any_engine.connect() as conn:
        tags = effective_tags(conn, [ids["antrean1"], ids["antrean2"]])
    assert {t.pillars for t in tags.values()} == {("governance", "living")}
    assert {t.cities for t in tags.values()} == {(BDG,)}
    assert _counts(any_engine, Filters(relevant=None, pillars=("governance",)), group_by=["city"])[("Kota Bandung",)] == (1, 3, 3)
    with session_scope(any_engine) as s:
        assert all(clear_label(s, ids[k]) for k in ("antrean1", "antrean2", "antrean3"))
        assert not clear_label(s, ids["antrean1"])
    assert _counts(any_engine, W40, group_by=["city"])[("Kota Tangerang",)] == (1, 2, 2)


def test_a_label_can_make_an_untagged_article_count(any_engine) -> None:
    c = Corpus(any_engine)
    aid = c.add("Kabupaten Bogor luncurkan aplikasi pengaduan", outlet="Radar Bogor", published=wib(2022, 10, 4))
    with any_engine.begin() as conn:
        conn.execute(sa.text("DELETE FROM article_tag WHERE article_id = :a"), {"a": aid})
    assert _counts(any_engine) == {(): (0, 0, 0)}
    with session_scope(any_engine) as s:
        set_label(s, aid, LabelChange(relevant=True, pillars=("governance",), cities=(("Kabupaten Bogor", "Jawa Barat"),)))
    assert _counts(any_engine, group_by=["city"]) == {("Kabupaten Bogor",): (1, 1, 1)}


def test_views_agree_with_the_python_api(any_engine, corpus) -> None:
    _, ids = corpus
    with session_scope(any_engine) as s:
        set_label(s, ids["sampah"], LabelChange(pillars=("economy", "environment"), cities=(SBY,)))
        set_label(s, ids["bola"], LabelChange(relevant=True))
    with any_engine.connect() as conn:
        py = effective_tags(conn, list(ids.values()))
        for aid, tags in py.items():
            row = conn.execute(sa.text("SELECT relevant, main_pillar, main_city, province FROM effective_tag "
                                       "WHERE article_id = :a"), {"a": aid}).one()
            assert (bool(row[0]) if row[0] is not None else None, row[1], row[2], row[3]) == (
                tags.relevant, tags.main_pillar, tags.main_city, tags.province)
            pillars = {r[0] for r in conn.execute(sa.text("SELECT pillar FROM effective_pillar WHERE article_id = :a"),
                                                  {"a": aid})}
            cities = {(r[0], r[1]) for r in conn.execute(sa.text("SELECT city, province FROM effective_city "
                                                                 "WHERE article_id = :a"), {"a": aid})}
            assert pillars == set(tags.pillars)
            assert cities == set(tags.cities)
        coverage = {r[0] for r in conn.execute(sa.text("SELECT article_id FROM coverage"))}
    assert coverage == {aid for aid, t in py.items() if t.relevant}
    assert ids["bola"] in coverage


def test_article_rows_and_known_names(any_engine, corpus) -> None:
    _, ids = corpus
    with any_engine.connect() as conn:
        rows = article_rows(conn, W40)
        assert [r.article_id for r in rows][:2] == [ids["tengah_malam"], ids["subuh"]]  # oldest first
        assert len({r.story for r in rows if r.article_id in (ids["antrean1"], ids["antrean2"])}) == 1
        assert len({r.story for r in rows}) == 5
        assert known_values(conn, "city") == ["Kabupaten Tangerang", "Kota Bandung", "Kota Surabaya", "Kota Tangerang"]
        assert "Banten" in known_values(conn, "province")
        assert known_values(conn, "outlet")[0] == "ANTARA Banten"
        with pytest.raises(QueryError):
            known_values(conn, "pillar")


def test_articles_without_a_story_are_their_own_story(any_engine) -> None:
    c = Corpus(any_engine)
    c.add("Kota Bekasi bagikan wifi gratis", outlet="Radar Bekasi", published=wib(2022, 10, 4), with_story=False,
          cities=(("Kota Bekasi", "Jawa Barat"),))
    c.add("Kota Bekasi bagikan wifi gratis", outlet="Bekasi Pos", published=wib(2022, 10, 4, 11), with_story=False,
          cities=(("Kota Bekasi", "Jawa Barat"),))
    assert _counts(any_engine, group_by=["city"]) == {("Kota Bekasi",): (2, 2, 2)}
    with any_engine.connect() as conn:
        rows = list_stories(conn, order="reach")
    assert [r.reach for r in rows] == [1, 1]


def test_week_grouping_with_dates_spanning_years(any_engine) -> None:
    c = Corpus(any_engine)
    # 2021-01-03 is in ISO week 2020-W53; 2021-01-04 starts 2021-W01
    c.add("Akhir pekan", outlet="A", published=wib(2021, 1, 3, 12))
    c.add("Awal pekan", outlet="A", published=wib(2021, 1, 4, 0, 30))
    c.add("Tanpa tanggal", outlet="A", published=None)
    assert {k[0] for k in _counts(any_engine, group_by=["week"])} == {"2020-W53", "2021-W01"}
    assert _counts(any_engine) == {(): (3, 3, 1)}  # undated articles count when no date is asked
    assert _counts(any_engine, Filters(since=wib(2021, 1, 1)))[()][0] == 2
