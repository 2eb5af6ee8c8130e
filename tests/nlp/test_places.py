from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest

from nlp.places import (
    PlaceOptions,
    all_cities,
    all_provinces,
    province_of,
    resolve_name,
    suggest,
    tag_places,
)
from nlp.types import PlaceTags

LABELLED = Path(__file__).parent / "data" / "places_labelled.jsonl"
ROWS = [json.loads(line) for line in LABELLED.read_text(encoding="utf-8").splitlines() if line.strip()]
PAIR_ROWS = [r for r in ROWS if re.match(r"pair \w[\w ]*: ", r["note"])]
JAKARTA_ROWS = [r for r in ROWS if r["note"].startswith("jakarta")]
TRAP_ROWS = [r for r in ROWS if r["note"].startswith("trap:")]


def _scores(rows: list[dict], tagger) -> dict[str, float]:
    main = prov = tp = fp = fn = 0
    for r in rows:
        t = tagger(r["title"], r["text"])
        got, exp = {c.name for c in t.cities}, set(r["cities"])
        tp, fp, fn = tp + len(got & exp), fp + len(got - exp), fn + len(exp - got)
        main += t.main_city == r["main_city"]
        prov += t.province == r["province"]
    p = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / (tp + fn) if tp + fn else 0.0
    return {
        "main": main / len(rows),
        "province": prov / len(rows),
        "precision": p,
        "recall": rec,
        "f1": 2 * p * rec / (p + rec) if p + rec else 0.0,
    }


def _baseline_tagger():
    """Plain baseline: one alternation regex of the 514 official names; main = most often named."""
    from nlp.gazetteer import gazetteer

    g = gazetteer()
    rx = re.compile(r"\b(" + "|".join(re.escape(n) for n in sorted(g.cities, key=len, reverse=True)) + r")\b")

    def tag(title: str, text: str) -> PlaceTags:
        from nlp.types import CityTag

        counts = Counter(rx.findall(title + "\n" + text))
        if not counts:
            return PlaceTags()
        main = counts.most_common(1)[0][0]
        tags = tuple(CityTag(n, g.cities[n].province, k, 1.0) for n, k in counts.items())
        return PlaceTags(cities=tags, main_city=main, province=g.cities[main].province)

    return tag


def test_labelled_set_is_broad():
    assert len(ROWS) >= 150
    assert len({r["province"] for r in ROWS if r["province"]}) == 38
    cities, provinces = set(all_cities()), set(all_provinces())
    for r in ROWS:
        assert set(r["cities"]) <= cities, r["id"]
        assert r["main_city"] is None or r["main_city"] in cities, r["id"]
        assert r["province"] is None or r["province"] in provinces, r["id"]


@pytest.mark.parametrize("row", PAIR_ROWS + JAKARTA_ROWS, ids=lambda r: f"{r['id']}-{r['note']}")
def test_pairs_both_ways_and_jakarta(row):
    tags = tag_places(row["title"], row["text"])
    assert tags.main_city == row["main_city"]
    assert tags.province == row["province"]


def test_every_pair_covered_both_ways():
    sides = Counter(r["main_city"].split()[0] for r in PAIR_ROWS)
    assert sides == {"Kota": 24, "Kabupaten": 24}


@pytest.mark.parametrize("row", TRAP_ROWS, ids=lambda r: f"{r['id']}-{r['note'][6:40]}")
def test_precision_traps(row):
    """Places named but not written about: resorts, rivers, bylines, venues, routes, lists."""
    tags = tag_places(row["title"], row["text"])
    assert {c.name for c in tags.cities} == set(row["cities"])
    assert tags.main_city == row["main_city"]
    assert tags.province == row["province"]


def test_labelled_set_scores_against_baseline():
    ours = _scores(ROWS, tag_places)
    base = _scores(ROWS, _baseline_tagger())
    # measured on this set (217 rows): ours main 1.00, P 1.00, R 1.00 (the set was written
    # alongside the tagger, so these floors guard against regressions; before the precision work
    # the 19 "trap:" rows scored P 0.55, main 0.89); the official-names regex: main 0.51, P 0.95,
    # R 0.46
    assert ours["main"] >= 0.95
    assert ours["province"] >= 0.95
    assert ours["precision"] >= 0.93
    assert ours["recall"] >= 0.93
    assert ours["main"] >= base["main"] + 0.3
    assert ours["recall"] >= base["recall"] + 0.3


def test_devset_scores(devset_path):
    rows = [json.loads(line) for line in devset_path.read_text(encoding="utf-8").splitlines() if line.strip()]
    ours = _scores(rows, tag_places)
    base = _scores(rows, _baseline_tagger())
    # measured: main 0.967, city F1 0.982 (P 1.00, R 0.966), province 1.00 (before the precision
    # work: F1 0.949, P 0.933); official-names regex: main 0.667, F1 0.743
    assert ours["main"] >= 0.90, ours
    assert ours["f1"] >= 0.88, ours
    assert ours["province"] >= 0.93, ours
    assert ours["main"] > base["main"]


def test_corpus_scores_beat_the_official_name_baseline():
    """The training corpus, labelled by other engineers independently of the tagger."""
    from nlp.corpus import builtin_corpus

    rows = [
        {"title": e.title, "text": e.text, "cities": e.cities, "main_city": e.main_city, "province": e.province}
        for e in builtin_corpus()
    ]
    ours = _scores(rows, tag_places)
    base = _scores(rows, _baseline_tagger())
    # measured on 702 articles: ours main 0.981, P 0.994, R 0.855, province 0.987 (before the
    # precision work: main 0.969, P 0.948, R 0.854); official-names regex: main 0.761, P 0.991,
    # R 0.693, province 0.749
    assert ours["main"] >= 0.96, ours
    assert ours["precision"] >= 0.98, ours
    assert ours["recall"] >= 0.83, ours
    assert ours["province"] >= 0.96, ours
    assert ours["precision"] > base["precision"], (ours, base)
    assert ours["recall"] > base["recall"], (ours, base)
    assert ours["main"] > base["main"], (ours, base)


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        ("Laporan ini pertama terbit di Tribun-Medan.com kemarin.", "Kota Medan", "web"),
        ("Prakirawan BMKG Palangka Raya mengimbau warga.", "Kota Palangka Raya", "venue"),
        ("Rapat digelar di Grand Sahid Hotel Ternate pekan lalu.", "Kota Ternate", "venue"),
        ('"Kami siaga," kata Kepala BPBD di Kota Kendari, Selasa.', "Kota Kendari", "said"),
        ("Kepala dinas di Kendari, Rabu (3/4/2024), mengatakan layanan dibuka.", "Kota Kendari", "said"),
        ("Banjir melanda Kota Kendari, Sabtu (6/4/2024) malam.", "Kota Kendari", ""),
        ("Hasil panen dikirim ke Makassar setiap pekan.", "Kota Makassar", "move"),
        ("Bus Manado-Tomohon kini dilengkapi GPS.", "Kota Tomohon", "move"),
        ("Mereka bekerja di Batam, Pekanbaru, dan Medan.", "Kota Pekanbaru", "list"),
        ("Pemkot Medan meluncurkan aplikasi di Medan.", "Kota Medan", ""),
    ],
)
def test_mention_roles(text, name, role):
    from nlp.gazetteer import gazetteer
    from nlp.place_context import listed_starts, mention_role

    found, _ = gazetteer().scan(text)
    listed = listed_starts(text, found)
    assert mention_role(text, [f for f in found if f.mention.name == name][-1], listed) == role


def test_passing_mentions_count_less():
    text = (
        "TAKALAR - Pemkab Takalar membuka pasar daring rumput laut. Pembeli dari Makassar kini "
        "memesan langsung. Dulu panen dibawa ke Makassar oleh pengepul."
    )
    assert [c.name for c in tag_places("", text).cities] == ["Kabupaten Takalar"]
    full = tag_places("", text, options=PlaceOptions(passing_weight=1.0))
    assert "Kota Makassar" in {c.name for c in full.cities}


def test_self_reference_words():
    from nlp.place_rules import SELF_KIND

    found = [
        m.lastgroup
        for m in SELF_KIND.finditer(
            "Kota ini dan kota lain; pemerintah kota; di banyak kota, termasuk Bogor; kabupaten ini; "
            "bupati; dibanding kabupaten/kota lain; Pemerintah Kota Bogor."
        )
    ]
    assert found == ["kota", "kota", "kota", "kota", "kab", "kab"]


@pytest.mark.parametrize("name", all_cities())
def test_each_official_name_tags_itself(name):
    tags = tag_places("", f"Pemerintah {name} meluncurkan aplikasi layanan publik bagi warga {name}.")
    assert tags.main_city == name
    assert tags.province == province_of(name)
    assert resolve_name(name) == name


@pytest.mark.parametrize(
    ("alias", "name"),
    [
        ("Tangsel", "Kota Tangerang Selatan"),
        ("kab. bandung barat", "Kabupaten Bandung Barat"),
        ("KBB", "Kabupaten Bandung Barat"),
        ("Jaksel", "Kota Adm. Jakarta Selatan"),
        ("Kota Jakarta Utara", "Kota Adm. Jakarta Utara"),
        ("kota tangeran", "Kota Tangerang"),
        ("Kabupaten Tangerang", "Kabupaten Tangerang"),
        ("Kab Bogor", "Kabupaten Bogor"),
        ("Solo", "Kota Surakarta"),
        ("Kota Surakarta (Solo)", "Kota Surakarta"),
        ("Gunungkidul", "Kabupaten Gunung Kidul"),
        ("Kutim", "Kabupaten Kutai Timur"),
        ("Surabaya", "Kota Surabaya"),
        ("Kabupaten Banyuwangi", "Kabupaten Banyuwangi"),
        ("Palangkaraya", "Kota Palangka Raya"),
        ("Pasangkayu", "Kabupaten Mamuju Utara"),
    ],
)
def test_resolve_name(alias, name):
    assert resolve_name(alias) == name


@pytest.mark.parametrize("text", ["Tangerang", "Bogor", "Jawa Barat", "Kota Antah Berantah", "", "Bahasa"])
def test_resolve_name_refuses_ambiguous_or_unknown(text):
    assert resolve_name(text) is None


def test_suggest():
    assert set(suggest("Tangerang")[:2]) == {"Kota Tangerang", "Kabupaten Tangerang"}
    assert suggest("Kota Tanggeran")[0] == "Kota Tangerang"
    assert "Kabupaten Banyuwangi" in suggest("Banyuwangie")
    assert len(suggest("Malang", n=1)) == 1


def test_province_of_and_lists():
    assert province_of("Kabupaten Mimika") == "Papua Tengah"
    assert province_of("Tangsel") == "Banten"
    with pytest.raises(ValueError, match=r"unknown kabupaten/kota 'Kota Gotham'.*did you mean"):
        province_of("Kota Gotham")
    assert len(all_cities()) == 514
    assert len(all_provinces()) == 38
    assert "Sumatera Barat" in all_provinces()
    assert "Sumatra Barat" not in all_provinces()


def test_province_level_and_national():
    tags = tag_places(
        "Pemprov Jabar luncurkan command center",
        "BANDUNG - Gubernur Jawa Barat meresmikan command center provinsi. Diskominfo Jabar "
        "menghubungkan kamera dari kabupaten dan kota.",
    )
    assert (tags.main_city, tags.province, tags.cities) == (None, "Jawa Barat", ())
    tags = tag_places(
        "Kominfo evaluasi kota cerdas",
        "Jakarta (ANTARA) - Kementerian Kominfo mengevaluasi program kota cerdas di kabupaten/kota.",
    )
    assert tags == PlaceTags()


def test_clutter_weighs_less_than_the_lead():
    text = (
        "ADVERTISEMENT\nSCROLL TO CONTINUE WITH CONTENT\n"
        "MEDAN - Pemko Medan memperluas layanan aduan daring. "
        "Wali Kota Medan meminta camat aktif.\n"
        "Baca juga: Bupati Bogor resmikan pasar digital di Cibinong\n"
        "Baca juga: Wali Kota Surabaya luncurkan bus listrik di Surabaya\n"
        "Foto: Pejabat Kota Binjai dan Kabupaten Langkat hadir di Binjai.\nADVERTISEMENT"
    )
    tags = tag_places("", text)
    assert tags.main_city == "Kota Medan"
    assert [c.name for c in tags.cities] == ["Kota Medan"]


def test_ambiguous_pair_options():
    text = "Mobil layanan dokumen kependudukan berkeliling di Tangerang."
    tags = tag_places("", text)
    assert tags.main_city is None
    assert tags.province == "Banten"
    assert {c.name for c in tags.cities} == {"Kota Tangerang", "Kabupaten Tangerang"}
    assert all(c.confidence <= 0.5 for c in tags.cities)
    hidden = tag_places("", text, options=PlaceOptions(list_ambiguous=False))
    assert hidden.cities == ()


def test_confidence_and_codes_on_tags():
    tags = tag_places(
        "Wali Kota Tangerang resmikan aplikasi",
        "TANGERANG - Pemkot Tangerang meluncurkan aplikasi.",
    )
    (tag,) = tags.cities
    assert tag.name == "Kota Tangerang"
    assert tag.province == "Banten"
    assert 0.5 < tag.confidence <= 1.0
    assert tag.mentions >= 2


def test_bad_input_is_refused_with_the_fix():
    with pytest.raises(TypeError, match="text must be str.*decode bytes"):
        tag_places("judul", b"Pemkot Bogor")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="PlaceOptions.min_share"):
        PlaceOptions(min_share=2.0)
    with pytest.raises(ValueError, match="PlaceOptions.passing_weight must be between 0 and 1"):
        PlaceOptions(passing_weight=1.5)
    assert tag_places("", "") == PlaceTags()


def test_one_cue_scan_finds_what_three_scans_find():
    from nlp.place_rules import CUES, KAB_CUE, KOTA_CUE, PROV_CUE

    texts = [r["title"] + "\n" + r["text"] for r in ROWS] + [
        "Wakil Bupati Sleman, WALI KOTA Bogor, WaliKota Depok, Pemko Medan dan Pemkot Solo.",
        "Pemerintah Provinsi Bali, Pemerintah Kabupaten Badung, Sekdaprov dan GUBERNUR hadir.",
        "(Pemkab Bantul) “Gubernur DIY” menyebut Pemkotnya; xBupati dan Pemkabupaten bukan cue.",
    ]
    for text in texts:
        separate = sorted(
            (m.start(), m.end(), kind)
            for kind, rx in (("kota", KOTA_CUE), ("kab", KAB_CUE), ("prov", PROV_CUE))
            for m in re.finditer(rf"\b(?:{rx})\b", text)
        )
        assert [(m.start(), m.end(), m.lastgroup) for m in CUES.finditer(text)] == separate
