"""Corpus part A (governance, branding, economy): format, labels, places, spread, realism."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter
from functools import cache
from importlib import resources
from pathlib import Path

import pytest

from nlp.types import PILLARS

CORPUS = Path(__file__).resolve().parents[2] / "nlp" / "corpus" / "part_a.jsonl"

KEY_ORDER = (
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
)
STYLES = ("agency", "national", "tribun", "regional", "release", "opinion")
PART_A = ("governance", "branding", "economy")  # allocation of part A, by main pillar

# The 38 provinces in current spelling (Papua split of 2022 included).
PROVINCES = frozenset(
    {
        "Aceh",
        "Sumatera Utara",
        "Sumatera Barat",
        "Riau",
        "Kepulauan Riau",
        "Jambi",
        "Sumatera Selatan",
        "Kepulauan Bangka Belitung",
        "Bengkulu",
        "Lampung",
        "DKI Jakarta",
        "Jawa Barat",
        "Banten",
        "Jawa Tengah",
        "Daerah Istimewa Yogyakarta",
        "Jawa Timur",
        "Bali",
        "Nusa Tenggara Barat",
        "Nusa Tenggara Timur",
        "Kalimantan Barat",
        "Kalimantan Tengah",
        "Kalimantan Selatan",
        "Kalimantan Timur",
        "Kalimantan Utara",
        "Sulawesi Utara",
        "Gorontalo",
        "Sulawesi Tengah",
        "Sulawesi Barat",
        "Sulawesi Selatan",
        "Sulawesi Tenggara",
        "Maluku",
        "Maluku Utara",
        "Papua",
        "Papua Barat",
        "Papua Barat Daya",
        "Papua Selatan",
        "Papua Tengah",
        "Papua Pegunungan",
    }
)
# areaid still files these regencies under Papua / Papua Barat (Kemendagri 2022 split).
MOVED_2022 = {
    "Papua Selatan": (
        "Kabupaten Merauke",
        "Kabupaten Boven Digoel",
        "Kabupaten Mappi",
        "Kabupaten Asmat",
    ),
    "Papua Tengah": (
        "Kabupaten Nabire",
        "Kabupaten Paniai",
        "Kabupaten Mimika",
        "Kabupaten Puncak Jaya",
        "Kabupaten Puncak",
        "Kabupaten Dogiyai",
        "Kabupaten Intan Jaya",
        "Kabupaten Deiyai",
    ),
    "Papua Pegunungan": (
        "Kabupaten Jayawijaya",
        "Kabupaten Pegunungan Bintang",
        "Kabupaten Yahukimo",
        "Kabupaten Tolikara",
        "Kabupaten Mamberamo Tengah",
        "Kabupaten Yalimo",
        "Kabupaten Lanny Jaya",
        "Kabupaten Nduga",
    ),
    "Papua Barat Daya": (
        "Kota Sorong",
        "Kabupaten Sorong",
        "Kabupaten Sorong Selatan",
        "Kabupaten Raja Ampat",
        "Kabupaten Tambrauw",
        "Kabupaten Maybrat",
    ),
}

# What docs/notes/corpus-part-a.md reports; change both together.
DOCUMENTED = {
    "total": 222,
    "main_pillar": {"governance": 78, "branding": 72, "economy": 72},
    "general": 10,
    "multi_label": 31,
    "style": {
        "agency": 38,
        "tribun": 38,
        "release": 37,
        "national": 36,
        "regional": 37,
        "opinion": 36,
    },
    "provinces": 38,
}

# Page clutter that extraction leaves behind (captions, related links, ad slots, credits, tags).
CLUTTER = re.compile(
    r"^(Baca juga|Foto:|ADVERTISEMENT|SCROLL TO CONTINUE|Editor:|Tags?:|Berita (Terkait|Lainnya)"
    r"|Ringkasan Berita|Artikel ini telah tayang|Turut hadir|By Admin|Tonton juga|\[Gambas)",
    re.IGNORECASE | re.MULTILINE,
)
DAYS = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
DATED = re.compile(
    r"\b(Senin|Selasa|Rabu|Kamis|Jumat|Sabtu|Minggu),? \((\d{1,2})/(\d{1,2})/(\d{4})\)"
)


@cache
def _lines() -> tuple[str, ...]:
    return tuple(CORPUS.read_text(encoding="utf-8").splitlines())


@cache
def _articles() -> tuple[dict[str, object], ...]:
    return tuple(json.loads(line) for line in _lines())


@cache
def _official_places() -> dict[str, str]:
    """Official kabupaten/kota name -> current province, from the areaid package data."""
    out: dict[str, str] = {}
    for entry in (resources.files("areaid") / "data").iterdir():
        if not entry.name.endswith(".json"):
            continue
        for prov in json.loads(entry.read_text(encoding="utf-8")):
            name = prov["provinsi"].replace("Sumatra", "Sumatera")
            name = "DKI Jakarta" if name == "Daerah Khusus Ibukota Jakarta" else name
            for kab in prov["kabupaten"]:
                out[kab["kab_kota"].split("(")[0].strip()] = name
    for province, places in MOVED_2022.items():
        for place in places:
            assert place in out, f"areaid lost {place}"
            out[place] = province
    return out


def _words(text: str) -> int:
    return len(text.split())


def test_every_line_is_json_with_the_keys_in_order() -> None:
    assert _lines(), f"{CORPUS} is empty"
    for n, line in enumerate(_lines(), 1):
        obj = json.loads(line)
        assert tuple(obj) == KEY_ORDER, f"line {n}: keys {tuple(obj)}"


def test_ids_are_unique_and_numbered_in_order() -> None:
    ids = [a["id"] for a in _articles()]
    assert ids == [f"a-{i:04d}" for i in range(1, len(ids) + 1)]


def test_labels_follow_the_conventions() -> None:
    for a in _articles():
        pillars = a["pillars"]
        assert a["relevant"] is True, a["id"]
        assert isinstance(pillars, list), a["id"]
        assert pillars, a["id"]
        assert set(pillars) <= set(PILLARS), a["id"]
        assert len(set(pillars)) == len(pillars), f"{a['id']}: repeated pillar"
        assert pillars[0] in PART_A, f"{a['id']}: main pillar {pillars[0]} is not part A's"
        assert isinstance(a["general"], bool), a["id"]
        if a["general"]:
            assert pillars == ["governance"], f"{a['id']}: general pieces are governance only"
        assert a["style"] in STYLES, a["id"]
        assert isinstance(a["topic"], str), a["id"]
        assert a["topic"].isascii(), a["id"]
        assert a["topic"].strip(), a["id"]


def test_places_are_official_and_consistent() -> None:
    places = _official_places()
    for a in _articles():
        cities, main, province = a["cities"], a["main_city"], a["province"]
        assert isinstance(cities, list), a["id"]
        unknown = [c for c in cities if c not in places]
        assert not unknown, f"{a['id']}: not an official kabupaten/kota name: {unknown}"
        if main is not None:
            assert main in cities, f"{a['id']}: main_city missing from cities"
            assert province == places[main], f"{a['id']}: {main} lies in {places[main]}"
        if province is not None:
            assert province in PROVINCES, f"{a['id']}: unknown province {province!r}"
        if main is None and province is not None:  # province-level: cities, if any, lie there
            assert all(places[c] == province for c in cities), a["id"]


def test_text_shape_and_lengths() -> None:
    words = []
    for a in _articles():
        title, text = a["title"], a["text"]
        assert isinstance(title, str), a["id"]
        assert 4 <= _words(title) <= 25, a["id"]
        assert isinstance(text, str), a["id"]
        assert text == text.strip(), a["id"]
        assert "\n\n" not in text, f"{a['id']}: empty paragraph"
        assert text.count("\n") >= 1, f"{a['id']}: body needs paragraphs"
        assert not re.search(r"[{}]", text), f"{a['id']}: unexpanded placeholder"
        n = _words(text)
        assert 40 <= n <= 800, f"{a['id']}: {n} words"
        words.append(n)
    assert sum(150 <= n <= 450 for n in words) >= 0.8 * len(words), "most should be 150-450 words"
    assert sum(n < 100 for n in words) >= 4, "a few short briefs"
    assert sum(n > 450 for n in words) >= 2, "a few long pieces"


def test_titles_are_unique() -> None:
    titles = Counter(str(a["title"]).lower() for a in _articles())
    assert [t for t, k in titles.items() if k > 1] == []


def test_weekdays_match_their_dates() -> None:
    checked = 0
    for a in _articles():
        for m in DATED.finditer(str(a["text"])):
            day = dt.date(int(m[4]), int(m[3]), int(m[2]))
            assert DAYS[day.weekday()] == m[1], f"{a['id']}: {m[0]} was a {DAYS[day.weekday()]}"
            checked += 1
    assert checked >= 100


def test_about_a_third_carry_page_clutter() -> None:
    with_clutter = sum(bool(CLUTTER.search(str(a["text"]))) for a in _articles())
    assert with_clutter >= len(_articles()) / 3
    per_style = Counter(a["style"] for a in _articles() if CLUTTER.search(str(a["text"])))
    assert len(per_style) >= 5, f"clutter only in {sorted(per_style)}"


def test_no_stock_sentences_across_articles() -> None:
    seen: dict[str, set[str]] = {}
    for a in _articles():
        for sentence in re.split(r"(?<=[.!?])\s+|\n", str(a["text"])):
            key = " ".join(re.findall(r"\w+", sentence.lower()))
            if len(key.split()) >= 8:
                seen.setdefault(key, set()).add(str(a["id"]))
    repeated = {s: ids for s, ids in seen.items() if len(ids) > 2}
    assert repeated == {}


@pytest.mark.parametrize("pillar", PART_A)
def test_allocation_minimums(pillar: str) -> None:
    minimum = {"governance": 75, "branding": 70, "economy": 70}[pillar]
    assert sum(a["pillars"][0] == pillar for a in _articles()) >= minimum


def test_counts_match_the_notes() -> None:
    arts = _articles()
    assert len(arts) == DOCUMENTED["total"]
    assert dict(Counter(a["pillars"][0] for a in arts)) == DOCUMENTED["main_pillar"]
    assert sum(a["general"] for a in arts) == DOCUMENTED["general"]
    assert sum(len(a["pillars"]) > 1 for a in arts) == DOCUMENTED["multi_label"]
    assert dict(Counter(a["style"] for a in arts)) == DOCUMENTED["style"]
    provinces = {a["province"] for a in arts if a["province"]}
    assert len(provinces) == DOCUMENTED["provinces"] >= 25


def test_styles_are_spread_evenly() -> None:
    counts = Counter(a["style"] for a in _articles())
    assert set(counts) == set(STYLES)
    assert max(counts.values()) - min(counts.values()) <= 0.1 * len(_articles())


def test_places_are_spread() -> None:
    arts = _articles()
    kinds = Counter(str(a["main_city"]).split()[0] for a in arts if a["main_city"])
    assert kinds["Kabupaten"] >= 80, kinds
    assert kinds["Kota"] >= 60, kinds
    by_province = Counter(a["province"] for a in arts if a["province"])
    assert max(by_province.values()) <= 0.1 * len(arts), by_province.most_common(3)
    assert sum(a["main_city"] is None and a["province"] is None for a in arts) >= 5  # national
