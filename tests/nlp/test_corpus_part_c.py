"""Invariants of corpus part C (negatives and near misses): format, places, spread, hard cases."""

from __future__ import annotations

import datetime as dt
import json
import re
import statistics
from collections import Counter
from functools import cache
from importlib import resources
from pathlib import Path

import pytest

CORPUS = Path(__file__).resolve().parents[2] / "nlp" / "corpus" / "negatives.jsonl"

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
ID = re.compile(r"^n-(\d{4})$")
NEAR_MISS = "near miss"

# areaid ships pre-2022 provinces; the 2022 Papua split moved these regencies (Kemendagri).
PAPUA_SPLIT = {
    "Papua Selatan": ["Merauke", "Boven Digoel", "Mappi", "Asmat"],
    "Papua Tengah": [
        "Nabire",
        "Mimika",
        "Paniai",
        "Dogiyai",
        "Deiyai",
        "Intan Jaya",
        "Puncak",
        "Puncak Jaya",
    ],
    "Papua Pegunungan": [
        "Jayawijaya",
        "Lanny Jaya",
        "Tolikara",
        "Yahukimo",
        "Nduga",
        "Mamberamo Tengah",
        "Yalimo",
        "Pegunungan Bintang",
    ],
    "Papua Barat Daya": ["Sorong", "Raja Ampat", "Sorong Selatan", "Maybrat", "Tambrauw"],
}
PAPUA_SPLIT_KOTA = {"Papua Barat Daya": ["Sorong"]}
PROVINCE_SPELLING = {"Daerah Khusus Ibukota Jakarta": "DKI Jakarta"}

# Kinds of ordinary news the brief asks for; each needs two articles (topic before ":").
ORDINARY_KINDS = (
    "crime",
    "traffic accident",
    "weather",
    "disaster",
    "politics",
    "religion",
    "culture",
    "market prices",
    "infrastructure",
    "education",
    "health",
    "court",
    "corruption trial",
    "human interest",
    "agriculture",
    "fisheries",
    "ceremony",
    "budget",
)
# The near-miss situations the brief lists, found by words in the near-miss topic tags.
NEAR_MISS_KINDS = {
    "CCTV only as evidence": r"cctv",
    "landfill fire": r"landfill fire",
    "rubbish in street or river": r"rubbish",
    "flood and evacuation": r"flood",
    "mudik or holiday traffic jam": r"mudik|traffic jam",
    "crowded office, no digital service": r"crowded",
    "QRIS named in passing": r"qris",
    "holiday visitor counts": r"visitor|tourist|crowds at",
    "hospital shortage": r"hospital|emergency room",
    "school renovation": r"school .*renovation|renovation",
    "event in a public service mall building": r"public service mall",
    "council row over the Diskominfo budget": r"diskominfo",
    "'smart' in an unrelated sense": r"'smart'|smart kids",
    "internet or power outage": r"internet|signal|blackout",
    "online-loan or online fraud": r"online (loan|lending|gambling)|phishing",
    "hoax arrests": r"hoax",
    "cyber attack on a bank": r"bank",
}
CLUTTER = re.compile(
    r"^(?:Baca [Jj]uga:|ADVERTISEMENT$|SCROLL TO CONTINUE WITH CONTENT$|Foto:|Tags?:"
    r"|Berita Terkait:|Hadir dalam|Turut hadir|By Admin|Editor:|Pewarta:|\*\) )"
    r"|Dibaca \d+ kali|Dilihat \d+ kali",
    re.M,
)
# A related-headline line that advertises a digital public-service programme.
DIGITAL_HEADLINE = re.compile(
    r"aplikasi|digital|smart|ruang kendali|dasbor|wi-?fi|e-tiket|daring|online|cctv|kamera pengawas"
    r"|sensor|nontunai|elektronik|real-time|pemantau|dipantau|terintegrasi|layanan warga",
    re.I,
)
DATE = re.compile(
    r"\b(Senin|Selasa|Rabu|Kamis|Jumat|Jum'at|Sabtu|Minggu) \((\d{1,2})/(\d{1,2})/(\d{4})\)"
)
WEEKDAYS = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")

# What docs/notes/corpus-part-c.md reports; update both together when the file changes.
DOCUMENTED = {
    "total": 264,
    "style": {
        "agency": 46,
        "national": 45,
        "tribun": 44,
        "regional": 43,
        "release": 43,
        "opinion": 43,
    },
    "near_miss": 79,
    "provinces": 38,
    "national": 22,
    "province_level": 12,
    "digital_clutter": 23,
}


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
    for province, regencies in PAPUA_SPLIT.items():
        for short in regencies:
            assert f"Kabupaten {short}" in out, short
            out[f"Kabupaten {short}"] = province
    for province, cities in PAPUA_SPLIT_KOTA.items():
        for short in cities:
            out[f"Kota {short}"] = province
    return out


@cache
def _rows() -> list[dict[str, object]]:
    lines = CORPUS.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def _words(row: dict[str, object]) -> int:
    return len(str(row["text"]).split())


def _related_headlines(text: str) -> list[str]:
    """'Baca juga' lines and the short lines of a 'Berita Terkait' list."""
    lines = text.split("\n")
    out = []
    for i, line in enumerate(lines):
        if re.match(r"Baca [Jj]uga:", line):
            out.append(line)
        if line.startswith("Berita Terkait:"):
            out.extend(x for x in lines[i + 1 : i + 4] if len(x.split()) < 20)
    return out


def test_every_line_is_json_with_the_keys_in_order() -> None:
    lines = CORPUS.read_text(encoding="utf-8").splitlines()
    assert lines, f"{CORPUS} is empty"
    for n, line in enumerate(lines, start=1):
        assert line.strip(), f"line {n} is blank"
        obj = json.loads(line)
        assert list(obj) == KEYS, f"line {n}: keys {list(obj)}"


def test_areaid_gives_the_38_provinces_and_514_regions() -> None:
    index = _areaid()
    assert len(index) == 514
    assert len(set(index.values())) == 38


def test_ids_are_unique_and_numbered_in_order() -> None:
    numbers = []
    for r in _rows():
        m = ID.match(str(r["id"]))
        assert m, r["id"]
        numbers.append(int(m.group(1)))
    assert numbers == list(range(1, len(numbers) + 1)), (
        "ids must run n-0001, n-0002, ... without gaps"
    )


def test_every_article_is_a_negative() -> None:
    for r in _rows():
        where = r["id"]
        assert r["relevant"] is False, where
        assert r["pillars"] == [], f"{where}: a negative has no pillars"
        assert r["general"] is False, where
        assert r["style"] in STYLES, f"{where}: style {r['style']!r}"
        for key in ("title", "text", "topic"):
            value = r[key]
            assert isinstance(value, str), f"{where}: {key}"
            assert value, f"{where}: empty {key}"
            assert value.strip() == value, f"{where}: {key} has outer whitespace"


def test_texts_are_article_sized_and_free_of_draft_markup() -> None:
    for r in _rows():
        text, title = str(r["text"]), str(r["title"])
        assert 60 <= _words(r) <= 800, f"{r['id']}: {_words(r)} words"
        assert 20 <= len(title) <= 160, f"{r['id']}: title of {len(title)} chars"
        assert "\n\n" not in text, f"{r['id']}: paragraphs are joined by one newline"
        assert "\r" not in text, f"{r['id']}: carriage return in text"
        assert not re.search(r"^@@ |^# |^n-\d{4} \|", text, re.M), (
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
        assert len(cities) == len(set(cities)), f"{where}: repeated city"
        if main is not None:
            assert cities, f"{where}: main_city without cities"
            assert cities[0] == main, f"{where}: main_city should open the cities list"
            assert province == index[str(main)], (
                f"{where}: {main} lies in {index[str(main)]}, not {province}"
            )
        elif province is not None:
            assert province in provinces, f"{where}: unknown province {province!r}"


def test_dates_name_the_right_weekday() -> None:
    checked = 0
    for r in _rows():
        for day, d, m, y in DATE.findall(str(r["text"])):
            real = WEEKDAYS[dt.date(int(y), int(m), int(d)).weekday()]
            assert day.replace("Jum'at", "Jumat") == real, (
                f"{r['id']}: {d}/{m}/{y} is a {real}, not {day}"
            )
            checked += 1
    assert checked >= 100, checked


def test_spread_meets_the_allocation() -> None:
    rows = _rows()
    assert len(rows) >= 240
    styles = Counter(str(r["style"]) for r in rows)
    share = len(rows) / len(STYLES)
    assert all(0.9 * share <= styles[s] <= 1.1 * share for s in STYLES), styles
    assert len({r["province"] for r in rows if r["province"]}) >= 25
    kab = sum(str(r["main_city"]).startswith("Kabupaten") for r in rows)
    kota = sum(str(r["main_city"]).startswith("Kota") for r in rows)
    assert kab >= 80, kab
    assert kota >= 60, kota
    assert sum(_words(r) < 110 for r in rows) >= 5
    assert sum(_words(r) > 450 for r in rows) >= 3
    assert sum(150 <= _words(r) <= 450 for r in rows) >= 0.6 * len(rows)


def test_ordinary_news_covers_the_kinds_the_brief_lists() -> None:
    kinds = Counter(str(r["topic"]).split(":")[0] for r in _rows())
    missing = {k: kinds[k] for k in ORDINARY_KINDS if kinds[k] < 2}
    assert not missing, missing
    assert kinds["football"] + kinds["sport"] >= 8, kinds


def test_near_misses_are_numerous_and_cover_each_situation() -> None:
    tags = [str(r["topic"]).lower() for r in _rows() if str(r["topic"]).startswith(NEAR_MISS)]
    assert len(tags) >= 70, len(tags)
    missing = [
        kind for kind, pat in NEAR_MISS_KINDS.items() if not any(re.search(pat, t) for t in tags)
    ]
    assert not missing, missing


def test_near_misses_carry_more_pillar_and_digital_words_than_ordinary_news() -> None:
    from nlp.lexicon import lexicon_counts

    def cues(r: dict[str, object]) -> int:
        return sum(lexicon_counts(f"{r['title']}\n{r['text']}").values())

    near = [cues(r) for r in _rows() if str(r["topic"]).startswith(NEAR_MISS)]
    plain = [cues(r) for r in _rows() if not str(r["topic"]).startswith(NEAR_MISS)]
    assert min(near) >= 1, "every near miss should contain at least one pillar or digital cue"
    assert statistics.median(near) >= 2 * statistics.median(plain), (
        statistics.median(near),
        statistics.median(plain),
    )


def test_page_clutter_is_common_and_some_advertises_smart_city_programmes() -> None:
    rows = _rows()
    cluttered = sum(bool(CLUTTER.search(str(r["text"]))) for r in rows)
    assert cluttered >= len(rows) // 3, cluttered
    leftovers = [
        r
        for r in rows
        if re.search(
            r"^(?:Baca [Jj]uga|ADVERTISEMENT|SCROLL|Foto:|Berita Terkait)", str(r["text"]), re.M
        )
    ]
    assert len({r["style"] for r in leftovers}) == len(STYLES), (
        "every style should show some page clutter"
    )
    digital = [
        r["id"]
        for r in rows
        if any(DIGITAL_HEADLINE.search(h) for h in _related_headlines(str(r["text"])))
    ]
    assert len(digital) >= 20, digital


def test_counts_match_the_notes() -> None:
    rows = _rows()
    assert len(rows) == DOCUMENTED["total"]
    assert dict(Counter(str(r["style"]) for r in rows)) == DOCUMENTED["style"]
    assert sum(str(r["topic"]).startswith(NEAR_MISS) for r in rows) == DOCUMENTED["near_miss"]
    assert len({r["province"] for r in rows if r["province"]}) == DOCUMENTED["provinces"]
    assert sum(r["province"] is None for r in rows) == DOCUMENTED["national"]
    assert (
        sum(r["main_city"] is None and r["province"] is not None for r in rows)
        == DOCUMENTED["province_level"]
    )
    digital = sum(
        any(DIGITAL_HEADLINE.search(h) for h in _related_headlines(str(r["text"]))) for r in rows
    )
    assert digital == DOCUMENTED["digital_clutter"]


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
    ("style", "marker"),
    [
        ("agency", r"\(ANTARA\) - "),
        ("agency", r"^Pewarta: "),
        (
            "national",
            r"^(?:Liputan6\.com, |KOMPAS\.com - |TEMPO\.CO, |Jakarta, CNN Indonesia -- |\w+ - )",
        ),
        ("tribun", r"^Laporan (?:Wartawan|Reporter) "),
        ("release", r"Pemerintah (?:Kabupaten|Kota) "),
        ("opinion", r"^Oleh: "),
    ],
)
def test_style_markers_are_present(style: str, marker: str) -> None:
    rows = [r for r in _rows() if r["style"] == style]
    hits = sum(bool(re.search(marker, str(r["text"]), re.M)) for r in rows)
    assert hits >= len(rows) // 2, f"{style}: {hits}/{len(rows)} carry {marker!r}"


def test_project_loader_reads_the_file() -> None:
    from nlp.corpus import read_jsonl

    examples = read_jsonl(CORPUS, origin="corpus")
    assert [e.id for e in examples] == [r["id"] for r in _rows()]
    assert not any(e.relevant or e.pillars for e in examples)
