"""Fingerprints: exact hashes, MinHash Jaccard estimates, LSH band keys, the syndication set."""

from __future__ import annotations

import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from nlp.dedup import DedupOptions, content_hash, fingerprint, shingle_hashes, tokens
from tests.nlp.syndication import generate, pairwise

ROOT = Path(__file__).resolve().parents[2]
TEXT = (
    "Pemerintah Kota Bogor meluncurkan layanan perizinan usaha daring di seluruh kecamatan mulai "
    "pekan ini. Kepala dinas mengatakan pemohon tidak perlu lagi datang ke kantor untuk mengambil "
    "berkas karena dokumen yang sudah ditandatangani langsung dikirim ke surel. Selama uji coba di "
    "Kecamatan Bogor Barat, lama pengurusan izin turun dari lima hari menjadi dua hari kerja. "
    "Warga yang belum terbiasa memakai ponsel tetap dilayani petugas di loket kecamatan "
    "setiap hari kerja."
)
OTHER = (
    "Banjir kembali merendam ratusan rumah di bantaran sungai setelah hujan deras mengguyur sejak "
    "sore. Petugas gabungan mengerahkan perahu karet untuk mengevakuasi lansia dan anak-anak ke "
    "masjid dan gedung sekolah terdekat. Ketinggian air di permukiman mencapai satu meter dan arus "
    "lalu lintas di jalan provinsi sempat lumpuh beberapa jam sebelum air mulai surut pada "
    "pagi hari."
)


def _jaccard(a: str, b: str, n: int = 3) -> float:
    sa, sb = set(shingle_hashes(tokens(a), n).tolist()), set(shingle_hashes(tokens(b), n).tolist())
    return len(sa & sb) / len(sa | sb)


def test_content_hash_ignores_case_spacing_and_punctuation_only() -> None:
    variant = "  " + TEXT.upper().replace(". ", " ;  ").replace(",", "") + "\n"
    assert content_hash(variant) == content_hash(TEXT)
    assert content_hash(TEXT.replace("dua hari", "tiga hari")) != content_hash(TEXT)
    assert len(content_hash(TEXT)) == 64


def test_signature_and_bands_have_the_configured_shape() -> None:
    opts = DedupOptions(num_perm=64, bands=16)
    fp = fingerprint("Judul", TEXT, options=opts)
    assert len(fp.signature) == 4 * 64
    assert len(fp.bands) == 16
    assert all(-(2**63) <= k < 2**63 for k in fp.bands)
    assert fp.content_hash == content_hash(TEXT)


def test_options_refuse_a_band_count_that_does_not_divide_the_permutations() -> None:
    with pytest.raises(ValueError, match="multiple of bands"):
        DedupOptions(num_perm=100, bands=30)


def test_fingerprints_are_the_same_in_another_process() -> None:
    code = (
        "from nlp.dedup import fingerprint as f; import sys; "
        "print(f('t', sys.argv[1]).signature.hex())"
    )
    env_seeds = ["1", "2"]
    outs = {
        subprocess.run(
            [sys.executable, "-c", code, TEXT],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
            env={"PYTHONHASHSEED": seed, "PATH": ""},
        ).stdout.strip()
        for seed in env_seeds
    }
    assert outs == {fingerprint("t", TEXT).signature.hex()}


def test_agreement_estimates_the_jaccard_of_shingles() -> None:
    edited = TEXT.replace("mengatakan", "menyatakan").replace(
        "setiap hari kerja", "pada jam kantor"
    )
    halved = TEXT[: len(TEXT) // 2]
    base = fingerprint("t", TEXT)
    for other in (TEXT, edited, halved, OTHER):
        est = base.agreement([fingerprint("t", other).signature])[0]
        assert abs(est - _jaccard(TEXT, other)) < 0.15, (other[:40], est, _jaccard(TEXT, other))
    assert base.agreement([base.signature]) == [1.0]
    assert base.agreement([fingerprint("t", OTHER).signature])[0] < 0.1


def test_near_copies_share_a_band_key_and_unrelated_texts_do_not() -> None:
    edited = TEXT.replace("mengatakan", "menyatakan")
    a, b, c = (fingerprint("t", x) for x in (TEXT, edited, OTHER))
    assert set(a.bands) & set(b.bands)
    assert not set(a.bands) & set(c.bands)


def test_short_texts_are_fingerprinted_with_their_title() -> None:
    a = fingerprint("Pemkot Bogor luncurkan izin daring", "Singkat saja.")
    b = fingerprint("Banjir rendam ratusan rumah di Dayeuhkolot", "Singkat saja.")
    assert a.content_hash == b.content_hash  # same body text
    assert a.signature != b.signature


def test_empty_text_has_no_signature_and_no_bands() -> None:
    fp = fingerprint("", "")
    assert fp.signature == b""
    assert fp.bands == ()


def test_the_syndication_set_is_big_and_has_rival_write_ups() -> None:
    docs = generate()
    stories = Counter(d.story for d in docs)
    events = {d.event: set() for d in docs}
    for d in docs:
        events[d.event].add(d.story)
    assert len(docs) >= 500
    assert max(stories.values()) >= 5  # a piece carried by five or more outlets
    assert sum(1 for s in events.values() if len(s) > 1) >= 30  # events written up by two reporters
    assert generate() == docs  # deterministic


def test_pairwise_scores_count_pairs() -> None:
    assert pairwise(["a", "a", "b"], [1, 1, 2]) == (1.0, 1.0)
    assert pairwise(["a", "a", "b"], [1, 1, 1]) == (1 / 3, 1.0)
    assert pairwise(["a", "a", "b"], [1, 2, 3]) == (1.0, 0.0)


def test_real_dev_set_articles_are_not_taken_for_copies_of_each_other(devset_path: Path) -> None:
    """60 distinct real articles (read at run time only): no pair reaches the story threshold."""
    import json

    rows = [
        json.loads(line)
        for line in devset_path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    fps = [fingerprint(r["title"], r["text"]) for r in rows]
    worst = max(
        fps[i].agreement([fps[j].signature])[0]
        for i in range(len(fps))
        for j in range(i + 1, len(fps))
    )
    assert len(rows) >= 50
    assert worst < 0.5
