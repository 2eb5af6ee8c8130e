"""The tagger's models: trained on our corpus, persisted safely, refused when mismatched, scored honestly."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from nlp.classify import ClassifyOptions, decide_pillars, prepare, strip_clutter
from nlp.corpus import Example, builtin_corpus
from nlp.evaluate import EvalOptions, cross_validate, score_gold
from nlp.model_io import MODEL_FILE, SIDECAR_FILE, ModelError, load_model, save_model
from nlp.tagger import tag_articles
from nlp.train import TrainOptions, augment, fit
from nlp.types import PILLARS


@pytest.fixture(scope="module")
def corpus() -> list[Example]:
    return builtin_corpus()


@pytest.fixture(scope="module")
def model_dir(tmp_path_factory: pytest.TempPathFactory, corpus: list[Example]) -> Path:
    directory = tmp_path_factory.mktemp("models")
    save_model(fit(corpus), directory)
    return directory


# Our own test articles, written for these tests (not in the corpus).
SMART = (
    "Pemkab Sumbawa luncurkan aplikasi antrean puskesmas",
    "Dinas Kesehatan Kabupaten Sumbawa meluncurkan aplikasi antrean daring untuk 26 puskesmas. Warga dapat "
    "memilih jam periksa dari telepon genggam dan menerima notifikasi ketika nomor antreannya hampir dipanggil. "
    "Data kunjungan pasien juga terhubung ke dasbor dinas untuk memantau ketersediaan dokter dan obat.",
)
ORDINARY = (
    "Longsor tutup jalan provinsi di Sumbawa",
    "Tanah longsor menutup ruas jalan provinsi di Kecamatan Lunyuk, Kabupaten Sumbawa, setelah hujan deras "
    "mengguyur sejak sore. Petugas BPBD bersama warga membersihkan material tanah dengan alat berat. "
    "Tidak ada korban jiwa, namun kendaraan harus memutar melalui jalur desa selama dua jam.",
)


def test_corpus_meets_the_issue_minimums(corpus: list[Example]) -> None:
    by_main = {p: sum(e.main_pillar == p for e in corpus) for p in PILLARS}
    assert all(n >= 60 for n in by_main.values()), by_main
    assert sum(not e.relevant for e in corpus) >= 200
    assert len({e.style for e in corpus}) >= 6
    assert len({e.province for e in corpus if e.province}) >= 30


def test_clutter_lines_are_dropped_before_analysis() -> None:
    text = "Pemkot membuka layanan baru.\nBaca juga: Harga cabai naik\nADVERTISEMENT\nFoto: suasana (dok)\nWarga senang."
    assert strip_clutter(text) == "Pemkot membuka layanan baru.\nWarga senang."


def test_place_names_become_one_token() -> None:
    assert "__tempat__" in prepare("Bekasi", "Wali Kota Bekasi")
    assert "bekas" not in prepare("Bekasi", "Wali Kota Bekasi").split()


def test_main_pillar_and_secondary_threshold() -> None:
    probs = [0.2, 0.1, 0.5, 0.8, 0.05, 0.36]
    chosen, main = decide_pillars(probs, options=ClassifyOptions(pillar_threshold=0.35, max_pillars=3))
    assert main == "living"
    assert [p.pillar for p in chosen] == ["living", "economy", "environment"]
    chosen, _ = decide_pillars(probs, options=ClassifyOptions(pillar_threshold=0.6))
    assert [p.pillar for p in chosen] == ["living"]


def test_augmentation_keeps_labels_and_adds_clutter(corpus: list[Example]) -> None:
    extra = augment(corpus[:40], seed=3)
    assert extra
    assert all(e.id.split("~")[0] in {c.id for c in corpus[:40]} for e in extra)
    by_id = {e.id: e for e in corpus}
    assert all(e.relevant == by_id[e.id.split("~")[0]].relevant and e.pillars == by_id[e.id.split("~")[0]].pillars for e in extra)
    assert augment(corpus[:40], seed=3) == extra  # repeatable


def test_model_round_trips_through_skops(model_dir: Path, corpus: list[Example]) -> None:
    model = load_model(model_dir)
    items = [SMART, ORDINARY] + [(e.title, e.text) for e in corpus[:30]]
    again = load_model(model_dir)
    assert [t.relevance for t in tag_articles(model, items)] == [t.relevance for t in tag_articles(again, items)]
    smart, ordinary = tag_articles(model, [SMART, ORDINARY])
    assert smart.relevant
    assert smart.main_pillar == "living"
    assert not ordinary.relevant
    assert ordinary.pillars == ()
    assert ordinary.main_pillar is None
    assert smart.model_version == model.version == json.loads((model_dir / SIDECAR_FILE).read_text())["model_version"]


def test_mismatched_or_tampered_models_are_refused(model_dir: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad"
    shutil.copytree(model_dir, bad)
    side = json.loads((bad / SIDECAR_FILE).read_text())
    (bad / SIDECAR_FILE).write_text(json.dumps({**side, "analyzer_version": "old"}))
    with pytest.raises(ModelError, match="smartcity train"):
        load_model(bad)
    (bad / SIDECAR_FILE).write_text(json.dumps({**side, "sklearn_version": "0.24.2"}))
    with pytest.raises(ModelError, match="scikit-learn 0.24.2"):
        load_model(bad)
    (bad / SIDECAR_FILE).write_text(json.dumps(side))
    data = bytearray((bad / MODEL_FILE).read_bytes())
    data[len(data) // 2] ^= 0xFF
    (bad / MODEL_FILE).write_bytes(bytes(data))
    with pytest.raises(ModelError, match="checksum"):
        load_model(bad)


def test_missing_model_names_the_fix(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("nlp.model_io.packaged_model_dir", lambda: tmp_path / "nowhere")
    with pytest.raises(ModelError, match=r"run `smartcity train`"):
        load_model(tmp_path / "empty")


@pytest.mark.slow
def test_cross_validated_model_beats_the_keyword_baseline(corpus: list[Example]) -> None:
    # Floors sit well below the measured 5-fold figures (relevance F1 0.98, pillar macro-F1 0.91, main
    # pillar 0.93): they catch a broken analyser or pipeline, not a point of noise.
    cmp = cross_validate(corpus, options=EvalOptions(folds=5, train=TrainOptions()))
    m, b = cmp.model, cmp.baseline
    assert m.relevance[2] >= 0.93
    assert m.relevance[2] > b.relevance[2]
    assert m.pillar_macro_f1 >= 0.85
    assert m.pillar_macro_f1 > b.pillar_macro_f1
    assert m.main_pillar_accuracy >= 0.85
    assert m.main_pillar_accuracy > b.main_pillar_accuracy
    assert m.main_city_accuracy > b.main_city_accuracy
    assert m.city[1] > b.city[1]


def test_dev_set_scores(model_dir: Path, devset_path: Path) -> None:
    # Measured on the 60 real articles: relevance F1 0.99, pillar macro-F1 0.88, main city 0.97. The
    # floors leave room for a few records' worth of change (one record moves a rate by ~2 points).
    from nlp.corpus import read_jsonl

    cmp = score_gold(load_model(model_dir), read_jsonl(devset_path, origin="gold"))
    m, b = cmp.model, cmp.baseline
    assert m.relevance[2] >= 0.92
    assert m.relevance[2] > b.relevance[2]
    assert m.pillar_macro_f1 >= 0.80
    assert m.pillar_macro_f1 > b.pillar_macro_f1
    assert m.main_city_accuracy >= 0.90
    assert m.main_city_accuracy > b.main_city_accuracy


def test_shipped_model_was_trained_on_the_current_corpus(corpus: list[Example]) -> None:
    from nlp.model_io import packaged_model_dir
    from nlp.train import model_version

    shipped = json.loads((packaged_model_dir() / SIDECAR_FILE).read_text())
    expected = model_version(corpus, TrainOptions()).rsplit("-", 1)[1]
    assert shipped["model_version"].rsplit("-", 1)[1] == expected, (
        "nlp/models is stale: run `smartcity train --no-labels --out nlp/models`"
    )
    assert load_model(None).version == shipped["model_version"]
