"""Invariants of corpus part B (living, society, environment): format, vocabulary, spread."""

from __future__ import annotations

import json
import re
from collections import Counter
from functools import cache
from importlib import resources
from pathlib import Path

import pytest

from nlp.types import PILLARS

CORPUS = Path(__file__).resolve().parents[2] / "nlp" / "corpus" / "part_b.jsonl"

KEYS = [
    "id",
    "title",
    "text",
    "relevant",
    "pillars",
    "general",
    "style",
    "cities",
    "main_city",
    "province",
    "topic",
]
STYLES = {"agency", "national", "tribun", "regional", "release", "opinion"}
MAIN_PILLARS = {"living", "society", "environment"}  # part B's allocation, by main pillar
ID = re.compile(r"^b-\d{4}$")

# areaid ships pre-2022 provinces; the 2022 Papua split moved these regencies (Kemendagri).
PAPUA_SPLIT = {
    "Papua Selatan": [
        "Kabupaten Merauke",
        "Kabupaten Boven Digoel",
        "Kabupaten Mappi",
        "Kabupaten Asmat",
    ],
    "Papua Tengah": [
        "Kabupaten Nabire",
        "Kabupaten Puncak Jaya",
        "Kabupaten Paniai",
        "Kabupaten Mimika",
        "Kabupaten Puncak",
        "Kabupaten Dogiyai",
        "Kabupaten Intan Jaya",
        "Kabupaten Deiyai",
    ],
    "Papua Pegunungan": [
        "Kabupaten Jayawijaya",
        "Kabupaten Pegunungan Bintang",
        "Kabupaten Yahukimo",
        "Kabupaten Tolikara",
        "Kabupaten Mamberamo Tengah",
        "Kabupaten Yalimo",
        "Kabupaten Lanny Jaya",
        "Kabupaten Nduga",
    ],
    "Papua Barat Daya": [
        "Kota Sorong",
        "Kabupaten Sorong",
        "Kabupaten Sorong Selatan",
        "Kabupaten Raja Ampat",
        "Kabupaten Tambrauw",
        "Kabupaten Maybrat",
    ],
}
# areaid spells these provinces the old or long way.
PROVINCE_SPELLING = {"Daerah Khusus Ibukota Jakarta": "DKI Jakarta"}

# What docs/notes/corpus-part-b.md reports; update both together when the file grows.
DOCUMENTED = {
    "total": 216,
    "main_pillar": {"living": 72, "society": 72, "environment": 72},
    "style": {s: 36 for s in STYLES},
    "multi_label": 27,
    "provinces": 38,
}
CLUTTER = re.compile(
    r"Baca [Jj]uga|ADVERTISEMENT|SCROLL TO CONTINUE|^Foto:|Foto: Dok|^(?:Tags?|TAGS):"
    r"|^Berita (?:Terkait|Lainnya)|^TERPOPULER|^Berita \w+ Lainnya|^Editor:"
    r"|^(?:Hadir|Turut hadir)|dihadiri|Artikel ini telah tayang",
    re.M,
)


@cache
def _areaid() -> dict[str, str]:
    """Official kabupaten/kota name -> current province, from the areaid package data."""
    out: dict[str, str] = {}
    for entry in (resources.files("areaid") / "data").iterdir():
        if not entry.name.endswith(".json"):
            continue
        for prov in json.loads(entry.read_text(encoding="utf-8")):
            name = prov["provinsi"].replace("Sumatra", "Sumatera")
            name = PROVINCE_SPELLING.get(name, name)
            for kab in prov["kabupaten"]:
                out[kab["kab_kota"].split(" (")[0].strip()] = name
    for province, cities in PAPUA_SPLIT.items():
        for city in cities:
            assert city in out, f"PAPUA_SPLIT names {city!r}, which areaid does not know"
            out[city] = province
    return out


@cache
def _rows() -> list[dict[str, object]]:
    lines = CORPUS.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def test_every_line_is_json_with_the_keys_in_order() -> None:
    lines = CORPUS.read_text(encoding="utf-8").splitlines()
    assert lines, f"{CORPUS} is empty"
    for n, line in enumerate(lines, start=1):
        obj = json.loads(line)
        assert list(obj) == KEYS, f"line {n}: keys {list(obj)}"


def test_areaid_gives_the_38_provinces_and_514_regions() -> None:
    index = _areaid()
    assert len(index) == 514
    assert len(set(index.values())) == 38


def test_values_use_the_project_vocabulary() -> None:
    rows = _rows()
    ids = [r["id"] for r in rows]
    assert len(ids) == len(set(ids)), [i for i, c in Counter(ids).items() if c > 1]
    for r in rows:
        where = r["id"]
        assert isinstance(where, str), where
        assert ID.match(where), where
        pillars = r["pillars"]
        assert isinstance(pillars, list), where
        assert pillars, f"{where}: a relevant article needs pillars"
        assert r["relevant"] is True, where
        assert set(pillars) <= set(PILLARS), f"{where}: {pillars}"
        assert len(pillars) == len(set(pillars)), f"{where}: repeated pillar"
        assert pillars[0] in MAIN_PILLARS, f"{where}: main pillar {pillars[0]} is not part B's"
        assert r["general"] is False or pillars == ["governance"], where
        assert r["style"] in STYLES, f"{where}: style {r['style']!r}"
        for key in ("title", "text", "topic"):
            value = r[key]
            assert isinstance(value, str), f"{where}: {key}"
            assert value, f"{where}: empty {key}"
            assert value.strip() == value, f"{where}: {key} has outer whitespace"


def test_texts_are_article_sized_and_free_of_draft_markup() -> None:
    for r in _rows():
        text, title = str(r["text"]), str(r["title"])
        words = len(text.split())
        assert 50 <= words <= 800, f"{r['id']}: {words} words"
        assert 20 <= len(title) <= 160, f"{r['id']}: title of {len(title)} chars"
        assert "\n\n" not in text, f"{r['id']}: paragraphs are joined by one newline"
        assert "\r" not in text, f"{r['id']}: carriage return in text"
        assert not re.search(r"^\||^body:|^@@ ", text, re.M), (
            f"{r['id']}: draft markup left in text"
        )


def test_places_are_official_and_agree_with_the_province() -> None:
    index = _areaid()
    provinces = set(index.values())
    for r in _rows():
        where, cities, main, province = r["id"], r["cities"], r["main_city"], r["province"]
        assert isinstance(cities, list)
        unknown = [c for c in cities if c not in index]
        assert not unknown, f"{where}: not official areaid names: {unknown}"
        assert len(cities) == len(set(cities)), where
        if main is not None:
            assert main in cities, f"{where}: main_city missing from cities"
            assert province == index[str(main)], (
                f"{where}: {main} lies in {index[str(main)]}, not {province}"
            )
        elif province is not None:
            assert province in provinces, f"{where}: unknown province {province!r}"
        else:
            assert cities == [], f"{where}: a national article names no city"


def test_counts_meet_the_allocation() -> None:
    rows = _rows()
    main = Counter(str(r["pillars"][0]) for r in rows)  # type: ignore[index]
    for pillar in MAIN_PILLARS:
        assert main[pillar] >= 70, main
    multi = sum(len(r["pillars"]) > 1 for r in rows)  # type: ignore[arg-type]
    assert 20 <= multi <= 35, multi
    styles = Counter(str(r["style"]) for r in rows)
    share = len(rows) / len(STYLES)
    assert all(0.8 * share <= styles[s] <= 1.2 * share for s in STYLES), styles
    assert len({r["province"] for r in rows if r["province"]}) >= 25
    kab = sum(str(r["main_city"]).startswith("Kabupaten") for r in rows)
    kota = sum(str(r["main_city"]).startswith("Kota") for r in rows)
    assert kab >= 60, kab
    assert kota >= 60, kota
    briefs = sum(len(str(r["text"]).split()) < 110 for r in rows)
    longs = sum(len(str(r["text"]).split()) > 450 for r in rows)
    assert briefs >= 5, briefs
    assert longs >= 3, longs
    cluttered = sum(bool(CLUTTER.search(str(r["text"]))) for r in rows)
    assert cluttered >= len(rows) // 3, cluttered


def test_counts_match_the_notes() -> None:
    rows = _rows()
    assert len(rows) == DOCUMENTED["total"]
    assert dict(Counter(str(r["pillars"][0]) for r in rows)) == DOCUMENTED["main_pillar"]  # type: ignore[index]
    assert dict(Counter(str(r["style"]) for r in rows)) == DOCUMENTED["style"]
    assert sum(len(r["pillars"]) > 1 for r in rows) == DOCUMENTED["multi_label"]  # type: ignore[arg-type]
    assert len({r["province"] for r in rows if r["province"]}) == DOCUMENTED["provinces"]


def test_no_sentence_is_reused_across_articles() -> None:
    seen: dict[str, str] = {}
    for r in _rows():
        for sentence in re.split(r"(?<=[.!?])\s+|\n", str(r["text"])):
            words = sentence.split()
            if len(words) < 10:
                continue
            key = " ".join(words).lower()
            assert seen.setdefault(key, str(r["id"])) == r["id"], (
                f"{r['id']} repeats {seen[key]}: {sentence!r}"
            )


@pytest.mark.parametrize(
    "needle", ["Pewarta:", "Baca juga:", "By Admin", "Oleh:", "Laporan Wartawan"]
)
def test_style_markers_are_present(needle: str) -> None:
    assert any(needle in str(r["text"]) for r in _rows()), needle


def test_project_loader_reads_the_file() -> None:
    from nlp.corpus import read_jsonl

    examples = read_jsonl(CORPUS, origin="corpus")
    assert [e.id for e in examples] == [r["id"] for r in _rows()]
    assert all(e.relevant and e.pillars for e in examples)
