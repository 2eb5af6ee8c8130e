"""The shipped registry loads, user entries override it, and every malformed entry names its fault."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from crawler.sources import SourceConfigError, load_sources, shipped_entries, validate_source
from tests.crawler.conftest import write_sources

GOOD: dict[str, Any] = {
    "name": "tangerangnews",
    "home": "https://www.tangerangnews.com/",
    "start_urls": ["https://www.tangerangnews.com/"],
    "article_pattern": r"^https://www\.tangerangnews\.com/[\w-]+/read/\d+/",
    "allowed_domains": ["www.tangerangnews.com"],
}


def test_shipped_registry_has_at_least_20_regional_outlets_of_each_kind_the_issue_names() -> None:
    sources = load_sources()
    names = [s.name for s in sources]
    assert len(sources) >= 20
    assert len(set(names)) == len(names)
    for family in ("antara", "antara-banten", "detik-", "kompas-", "tribun-", "liputan6", "tempo", "republika", "cnn-indonesia",
                   "tangerangnews", "tangerangkota"):
        assert any(n == family or n.startswith(family) for n in names), family
    assert sum(1 for s in sources if s.region not in (None, "nasional")) >= 15  # regional coverage
    for s in sources:
        assert s.feeds or s.sitemaps or s.start_urls
        assert all(url.startswith("https://") for url in (*s.feeds, *s.sitemaps, *s.start_urls))


def test_every_shipped_pattern_matches_an_article_shape_and_skips_galleries() -> None:
    examples = {
        "antara-banten": "https://banten.antaranews.com/berita/412345/pemkot-tangerang-luncurkan-aplikasi",
        "detik-jatim": "https://www.detik.com/jatim/berita/d-7012345/surabaya-uji-coba-bus-listrik",
        "kompas-regional": "https://regional.kompas.com/read/2026/11/19/101500378/bank-sampah-digital",
        "tribun-banten": "https://banten.tribunnews.com/2026/11/19/warga-serang-bayar-retribusi-lewat-qris",
        "liputan6": "https://www.liputan6.com/regional/read/5812345/puskesmas-antrean-daring",
        "cnn-indonesia": "https://www.cnnindonesia.com/nasional/20261119101500-20-1234567/kominfo-evaluasi-kota",
        "tangerangkota": "https://tangerangkota.go.id/berita/detail/31234/wifi-gratis-taman-kota",
    }
    by_name = {s.name: s for s in load_sources()}
    for name, url in examples.items():
        assert by_name[name].is_article(url), (name, url)
    assert not by_name["detik-news"].is_article("https://news.detik.com/foto-news/d-7012345/galeri-banjir")
    assert not by_name["detik-news"].is_article("https://news.detik.com/berita/d-7012345/x/foto.jpg")
    assert by_name["detik-news"].is_article("https://news.detik.com/berita/d-7012345/tv-digital-masuk-desa")
    assert not by_name["antara-banten"].is_article("https://jabar.antaranews.com/berita/412345/lain")


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"feeds": "https://www.tangerangnews.com/feed"},
         "source 'tangerangnews': key 'feeds' must be a list of URLs, got 'https://www.tangerangnews.com/feed'"),
        ({"feeds": ["ftp://www.tangerangnews.com/feed"]},
         "key 'feeds' must be an http(s) URL, got 'ftp://www.tangerangnews.com/feed'"),
        ({"article_pattern": "/read/(\\d+"}, "key 'article_pattern' is not a valid regular expression"),
        ({"allowed_domains": ["https://www.tangerangnews.com/"]}, "key 'allowed_domains' must be a list of host names"),
        ({"start_urls": ["https://lain.example/"]}, "key 'start_urls' has 'https://lain.example/' outside allowed_domains"),
        ({"max_pages": 0}, "key 'max_pages' must be an integer from 1 to 1000, got 0"),
        ({"max_page": 3}, "key 'max_page' is not a source key: did you mean 'max_pages'?"),
        ({"view_all_param": "page"}, "key 'view_all_param' must be a query 'key=value'"),
        ({"multipage": {"next_pattern": "(", "max_parts": 3}}, "key 'multipage.next_pattern' is not a valid regular expression"),
        ({"multipage": {"pages": 3}}, "key 'multipage' has unknown key 'pages'"),
        ({"start_urls": []}, "key 'feeds' is empty, and so are 'sitemaps' and 'start_urls'"),
        ({"region": 36}, "key 'region' must be a string, got 36"),
    ],
)
def test_malformed_entries_name_the_source_and_key(change: dict[str, Any], message: str) -> None:
    with pytest.raises(SourceConfigError) as info:
        validate_source({**GOOD, **change}, where="sources.toml")
    assert str(info.value).startswith("sources.toml: ")
    assert message in str(info.value)


@pytest.mark.parametrize("missing", ["home", "article_pattern", "allowed_domains"])
def test_missing_required_keys(missing: str) -> None:
    entry = {k: v for k, v in GOOD.items() if k != missing}
    with pytest.raises(SourceConfigError, match=rf"source 'tangerangnews': key '{missing}' is missing"):
        validate_source(entry, where="sources.toml")


def test_bad_name() -> None:
    with pytest.raises(SourceConfigError, match="a source has name 'Tangerang News'"):
        validate_source({**GOOD, "name": "Tangerang News"}, where="x.toml")


def test_user_file_overrides_shipped_keys_adds_sources_and_disables_by_name(tmp_path: Path) -> None:
    path = write_sources(tmp_path / "mine.toml", [
        {"name": "tempo", "enabled": False},
        {"name": "antara-banten", "max_pages": 2,
         "feeds": ["https://banten.antaranews.com/rss/terkini.xml", "https://banten.antaranews.com/rss/banten-raya.xml"]},
        {"name": "kotaku-portal", "home": "https://kotaku.go.id/", "start_urls": ["https://kotaku.go.id/berita"],
         "article_pattern": "/berita/detail/\\d+/", "allowed_domains": ["kotaku.go.id"]},
    ])
    sources = {s.name: s for s in load_sources(files=[path])}
    assert "tempo" not in sources
    banten = sources["antara-banten"]
    assert banten.max_pages == 2
    assert len(banten.feeds) == 2
    assert banten.article_pattern.pattern.startswith("^https://banten")  # untouched keys stay shipped
    assert sources["kotaku-portal"].start_urls == ("https://kotaku.go.id/berita",)


def test_config_entries_are_validated_with_their_origin_named() -> None:
    with pytest.raises(SourceConfigError,
                       match=re.escape("smartcity.toml [[sources]]: source 'x': key 'feeds' must be a list of URLs")):
        load_sources(extra=[{**GOOD, "name": "x", "feeds": "https://www.tangerangnews.com/feed"}], shipped=False)


def test_bad_files_and_only_names(tmp_path: Path) -> None:
    with pytest.raises(SourceConfigError, match="cannot read the sources file"):
        load_sources(files=[tmp_path / "missing.toml"])
    bad = tmp_path / "bad.toml"
    bad.write_text("[[sources]\nname = 1\n", encoding="utf-8")
    with pytest.raises(SourceConfigError, match="not valid TOML"):
        load_sources(files=[bad])
    bad.write_text("[sources]\nname = 'x'\n", encoding="utf-8")
    with pytest.raises(SourceConfigError, match="must be an array of tables"):
        load_sources(files=[bad])
    twice = write_sources(tmp_path / "twice.toml", [GOOD, GOOD])
    with pytest.raises(SourceConfigError, match="source 'tangerangnews' is defined twice"):
        load_sources(files=[twice])
    with pytest.raises(SourceConfigError, match="no such \\(enabled\\) source: did you mean 'antara-banten'"):
        load_sources(only=["antara-bantn"])
    picked = load_sources(only=["tempo", "antara"])
    assert [s.name for s in picked] == ["tempo", "antara"]


def test_shipped_entries_are_raw_dicts() -> None:
    entries = shipped_entries()
    assert all(isinstance(e, dict) and "name" in e for e in entries)
