"""nlp.text: normalising, tokenising, stopwords and the classifier's analyser, on our sentences."""

from __future__ import annotations

import dataclasses

import pytest

from nlp.text import TextOptions, analyze, normalize, stopwords, tokenize

NEWS = (
    "KOTA BEKASI \u2013 Pemerintah Kota Bekasi meluncurkan layanan e-KTP digital di Kecamatan "
    "Bekasi Timur, Jum\u2019at (12/6/2026) pukul 09.00 WIB. \u201cPelayanan ini memudahkan "
    "anak-anak muda mengurus dokumen,\u201d ujarnya. Baca juga: https://contoh.id/berita/12/e-ktp "
    "Anggarannya Rp1,5 miliar. Informasi: humas@bekasikota.contoh.id"
)


def test_normalize_quotes_dashes_and_case() -> None:
    out = normalize("\u201cSmart City\u201d \u2018Kota Layak\u2019 \u2014 Tahap\u20132")
    assert out == "\"smart city\" 'kota layak' - tahap - 2"
    assert normalize("Kota\u00a0Bogor\u200b  dan\tKabupaten") == "kota bogor dan kabupaten"
    assert normalize("Wali Kota", lower=False) == "Wali Kota"


def test_normalize_keeps_reduplication_and_e_prefix_hyphens() -> None:
    out = normalize("Anak-anak memakai e-KTP dan e-Government; rumah\u2011rumah warga")
    assert out == "anak-anak memakai e-ktp dan e-government; rumah-rumah warga"


def test_normalize_drops_urls_emails_and_diacritics() -> None:
    out = normalize(NEWS)
    assert "https" not in out
    assert "contoh.id/berita" not in out
    assert "humas@" not in out
    assert "@" not in out
    assert "jumat" in out  # apostrophe inside a word removed
    assert "rp 1,5 miliar" in out
    out = normalize("Kafe caf\u00e9 di S\u00e3o Paulo, www.contoh.id/x")
    assert out == "kafe cafe di sao paulo,"


def test_normalize_applies_nfkc_and_keeps_paragraphs() -> None:
    assert normalize("\uff2b\uff4f\uff54\uff41 \ufb01nal") == "kota final"  # fullwidth, ligature
    assert normalize("Paragraf satu.  \n\n  Paragraf dua.") == "paragraf satu.\nparagraf dua."


def test_normalize_refuses_bytes_with_the_fix() -> None:
    with pytest.raises(TypeError, match=r"decode bytes first"):
        normalize(b"Kota Bekasi")  # type: ignore[arg-type]


def test_tokenize_words_numbers_and_hyphens() -> None:
    text = "Wali Kota: e-KTP, anak-anak (10/6) dan COVID-19... selesai-"
    assert tokenize(text) == [
        "wali", "kota", "e-ktp", "anak-anak", "10", "6", "dan", "covid-19", "selesai",
    ]  # fmt: skip
    assert tokenize("") == []
    assert tokenize("--- !!! ...") == []
    assert tokenize("snake_case kata_kunci") == ["snake", "case", "kata", "kunci"]


def test_tokenize_after_normalize_on_a_news_paragraph() -> None:
    tokens = tokenize(normalize(NEWS))
    assert tokens[:4] == ["kota", "bekasi", "pemerintah", "kota"]
    assert "e-ktp" in tokens
    assert "anak-anak" in tokens
    assert "jumat" in tokens
    assert "https" not in tokens
    assert "humas" not in tokens


def test_stopwords_hold_sastrawi_list_and_our_additions() -> None:
    from Sastrawi.StopWordRemover.StopWordRemoverFactory import StopWordRemoverFactory

    words = stopwords()
    assert set(StopWordRemoverFactory().get_stop_words()) <= words
    for extra in ("baca", "juga", "advertisement", "scroll", "wib", "senin", "jumat", "desember"):
        assert extra in words, extra
    for verb in ("kata", "ujar", "ujarnya", "ungkap", "mengatakan", "menjelaskan"):
        assert verb in words, verb
    for content in ("layanan", "digital", "sampah", "bekasi", "aplikasi"):
        assert content not in words, content
    assert "" not in words


def test_analyze_default_stems_drops_stopwords_and_numbers() -> None:
    out = analyze(NEWS)
    assert out[:3] == ["kota", "bekasi", "pemerintah"]
    assert "layan" in out
    assert "mudah" in out
    assert "luncur" in out
    assert "anak" in out
    assert "e-ktp" in out
    for gone in ("ujarnya", "baca", "juga", "wib", "pukul", "jumat", "2026", "12", "di", "ini"):
        assert gone not in out, gone
    assert "bekas" not in out
    assert "perintah" not in out
    assert "camat" not in out
    assert "kecamatan" in out


def test_analyze_guard_off_gives_stock_stems() -> None:
    out = analyze("Pemerintah Kota Bekasi dan Kediri", options=TextOptions(protect_places=False))
    assert out == ["perintah", "kota", "bekas", "diri"]


def test_analyze_place_token_replaces_places_not_ordinary_words() -> None:
    opts = TextOptions(place_token="__tempat__")
    out = analyze("Warga Kota Bekasi dan Kabupaten Kediri menanam pohon di Kota Batu", options=opts)
    assert out == [
        "warga", "kota", "__tempat__", "kabupaten", "__tempat__", "tanam", "pohon", "kota", "batu",
    ]  # fmt: skip
    assert analyze("Pemkot Bekasinya", options=opts) == ["pemkot", "__tempat__"]
    off = dataclasses.replace(opts, protect_places=False)
    assert analyze("Bekasi", options=off) == ["__tempat__"]


def test_analyze_options_switch_each_step() -> None:
    text = "Pelayanan publik di 2 kecamatan"
    assert analyze(text, options=TextOptions(stem=False)) == ["pelayanan", "publik", "kecamatan"]
    assert analyze(text, options=TextOptions(drop_stopwords=False)) == [
        "layan", "publik", "di", "kecamatan",
    ]  # fmt: skip
    assert analyze(text, options=TextOptions(drop_numbers=False, min_len=1)) == [
        "layan", "publik", "2", "kecamatan",
    ]  # fmt: skip
    assert analyze(text, options=TextOptions(min_len=8)) == ["layan", "kecamatan"]


def test_analyze_refuses_a_meaningless_min_len() -> None:
    with pytest.raises(ValueError, match=r"min_len must be >= 1"):
        analyze("kota", options=TextOptions(min_len=0))


def test_analyze_empty_and_punctuation_only() -> None:
    assert analyze("") == []
    assert analyze(" ... \u2014 !!! ") == []
