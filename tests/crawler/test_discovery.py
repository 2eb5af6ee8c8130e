"""The pure discovery parsers, fed bytes we wrote: feeds, sitemaps, listings, dates, bounded gunzip."""

from __future__ import annotations

import gzip
import re
from datetime import UTC, datetime, timedelta, timezone

import pytest

from crawler.discovery import (
    DiscoveryError,
    Link,
    gunzip_bounded,
    is_gzip,
    links_all_home,
    looks_like_html,
    parse_date,
    parse_feed,
    parse_listing,
    parse_sitemap,
)

WIB = timezone(timedelta(hours=7))

RSS = b"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Kabar Uji</title>
<item><title>Pemkot Uji Luncurkan Aplikasi Antrean</title><link>https://kabar.example/berita/1/aplikasi</link>
<pubDate>Thu, 19 Nov 2026 08:15:00 +0700</pubDate></item>
<item><title>Relatif</title><link>/berita/2/relatif</link><dc:date>2026-11-18T10:00:00+07:00</dc:date></item>
<item><title>Hanya guid</title><guid isPermaLink="true">https://kabar.example/berita/3/guid</guid></item>
<item><title>guid bukan tautan</title><guid isPermaLink="false">abc-123</guid></item>
</channel></rss>"""

ATOM = b"""<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Portal</title>
<entry><title>Satu</title><link rel="self" href="https://p.example/self"/><link rel="alternate" href="https://p.example/berita/detail/1/satu"/>
<published>2026-11-19T07:00:00+07:00</published></entry>
<entry><title>Dua</title><link href="https://p.example/berita/detail/2/dua"/><updated>2026-11-18T00:00:00Z</updated></entry></feed>"""

RDF = b"""<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
<item rdf:about="https://r.example/a/1"><title>A</title><link>https://r.example/a/1</link></item></rdf:RDF>"""

NEWS_SITEMAP = b"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
<url><loc>https://w.example/bandung/2026/11/19/bus-listrik</loc><lastmod>2026-11-19T12:00:00+07:00</lastmod>
<news:news><news:publication><news:name>Warta</news:name><news:language>id</news:language></news:publication>
<news:publication_date>2026-11-19T08:30:00+07:00</news:publication_date>\
<news:title>Bus Listrik Mulai Beroperasi</news:title></news:news></url>
<url><loc>https://w.example/bandung/2026/11/18/tanpa-news</loc><lastmod>2026-11-18</lastmod></url>
</urlset>"""

INDEX = b"""<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>https://w.example/sitemap-news.xml.gz</loc><lastmod>2026-11-20T09:00:00+07:00</lastmod></sitemap>
<sitemap><loc>https://w.example/sitemap-2019-01.xml</loc></sitemap></sitemapindex>"""


def test_rss_items_with_dates_relative_links_and_permalink_guids() -> None:
    links = parse_feed(RSS, "https://kabar.example/rss/terkini.xml")
    assert [link.url for link in links] == [
        "https://kabar.example/berita/1/aplikasi",
        "https://kabar.example/berita/2/relatif",
        "https://kabar.example/berita/3/guid",
    ]
    assert links[0].published == datetime(2026, 11, 19, 1, 15, tzinfo=UTC)
    assert links[0].title == "Pemkot Uji Luncurkan Aplikasi Antrean"
    assert links[1].published == datetime(2026, 11, 18, 10, 0, tzinfo=WIB)
    assert links[2].published is None


def test_atom_prefers_the_alternate_link_and_rdf_items_are_read() -> None:
    links = parse_feed(ATOM, "https://p.example/feed.atom")
    assert [link.url for link in links] == ["https://p.example/berita/detail/1/satu", "https://p.example/berita/detail/2/dua"]
    assert links[1].published == datetime(2026, 11, 18, tzinfo=UTC)
    assert [link.url for link in parse_feed(RDF, "https://r.example/")] == ["https://r.example/a/1"]


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        (b"<!DOCTYPE html><html><head><title>Beranda</title></head><body>Beranda</body></html>", "not_xml"),
        (b"\xef\xbb\xbf  <html lang='id'><body>404</body></html>", "not_xml"),
        (b"", "not_xml"),
        (b'<?xml version="1.0"?><note><to>x</to></note>', "not_feed"),
    ],
)
def test_a_dead_feed_raises_a_reason(body: bytes, reason: str) -> None:
    with pytest.raises(DiscoveryError) as info:
        parse_feed(body, "https://kabar.example/rss")
    assert info.value.reason == reason


def test_feed_whose_every_item_links_home_is_detected() -> None:
    home = "https://www.tribun.example/"
    dead = (Link("https://www.tribun.example/"), Link("https://tribun.example/?utm_source=rss"),
            Link("https://www.tribun.example"))
    assert links_all_home(dead, home)
    assert not links_all_home((*dead, Link("https://www.tribun.example/berita/1/x")), home)
    assert not links_all_home((), home)


def test_news_sitemap_keeps_publication_date_and_title_scrapy_drops() -> None:
    sm = parse_sitemap(NEWS_SITEMAP)
    assert sm.kind == "urlset"
    first, second = sm.entries
    assert first.published == datetime(2026, 11, 19, 8, 30, tzinfo=WIB)  # news:publication_date beats lastmod
    assert first.title == "Bus Listrik Mulai Beroperasi"
    assert second.published == datetime(2026, 11, 18, tzinfo=WIB)  # a bare W3C date is read as WIB


def test_sitemap_index_and_non_sitemaps() -> None:
    sm = parse_sitemap(INDEX)
    assert sm.kind == "index"
    assert [e.url for e in sm.entries] == ["https://w.example/sitemap-news.xml.gz", "https://w.example/sitemap-2019-01.xml"]
    assert sm.entries[1].published is None
    with pytest.raises(DiscoveryError, match="not_sitemap"):
        parse_sitemap(RSS)
    with pytest.raises(DiscoveryError, match="not_xml"):
        parse_sitemap(b"<html><body>Sitemap</body></html>")


def test_xml_entities_are_not_expanded() -> None:
    billion = b"""<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>
    <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://w.example/&lol2;</loc></url></urlset>"""
    entries = parse_sitemap(billion).entries
    assert all("lollol" not in e.url for e in entries)


def test_gunzip_is_bounded() -> None:
    small = gzip.compress(NEWS_SITEMAP)
    assert is_gzip(small)
    assert not is_gzip(NEWS_SITEMAP)
    assert gunzip_bounded(small, max_size=10_000) == NEWS_SITEMAP
    bomb = gzip.compress(b"\0" * 5_000_000)
    assert len(bomb) < 10_000
    with pytest.raises(DiscoveryError, match="too_large"):
        gunzip_bounded(bomb, max_size=1_000_000)
    with pytest.raises(DiscoveryError, match="bad_gzip"):
        gunzip_bounded(b"\x1f\x8bnot really gzip", max_size=1_000)


LISTING = """<html><head><title>Indeks</title></head><body><ul>
<li><a href="/kota/read/11/Judul-Satu">Judul Satu</a> <time datetime="2026-11-19T09:00:00+07:00">19 Nov</time> \
<a href="/tag/satu">#satu</a></li>
<li><div><a href="https://s.example/kota/read/12/Judul-Dua#komentar">Judul Dua</a></div>\
<span><time>Kamis, 18 Nov 2026 15:10 WIB</time></span></li>
<li><a href="/kota/read/11/Judul-Satu">Judul Satu (lagi)</a></li>
<li><a href="https://lain.example/kota/read/13/Luar">Luar</a></li>
</ul><a href="/video/kota/read/9/Video">Video</a> <a href="/indeks?page=3">3</a> <a href="/indeks?page=2">2</a></body></html>"""


def is_article(url: str) -> bool:
    return url.startswith("https://s.example/") and re.search(r"/read/\d+/", url) is not None and "/video/" not in url


def test_listing_links_dates_and_next_page_by_number() -> None:
    listing = parse_listing(LISTING, "https://s.example/indeks", is_article=is_article)
    assert [(link.url, link.published) for link in listing.links] == [
        ("https://s.example/kota/read/11/Judul-Satu", datetime(2026, 11, 19, 9, 0, tzinfo=WIB)),
        ("https://s.example/kota/read/12/Judul-Dua", datetime(2026, 11, 18, 15, 10, tzinfo=WIB)),
    ]
    assert listing.next_url == "https://s.example/indeks?page=2"  # page 1 + 1, not the "3" link
    assert parse_listing(LISTING, "https://s.example/indeks?page=2", is_article=is_article).next_url == "https://s.example/indeks?page=3"


@pytest.mark.parametrize(
    ("html", "base", "expected"),
    [
        ('<a href="/berita?page=2">Selanjutnya</a>', "https://g.example/berita", "https://g.example/berita?page=2"),
        ('<a rel="next" href="/berita/page/2">&raquo;</a>', "https://g.example/berita", "https://g.example/berita/page/2"),
        ('<head><link rel="next" href="/arsip/2"></head>', "https://g.example/arsip", "https://g.example/arsip/2"),
        ('<a href="/berita/page/3">3</a>', "https://g.example/berita/page/2", "https://g.example/berita/page/3"),
        ('<a href="https://lain.example/berita?page=2">Selanjutnya</a>', "https://g.example/berita", None),
        ('<a href="/berita?page=5">5</a>', "https://g.example/berita", None),
    ],
)
def test_listing_next_page_forms(html: str, base: str, expected: str | None) -> None:
    assert parse_listing(f"<html><body>{html}</body></html>", base, is_article=lambda u: False).next_url == expected


def test_listing_next_page_by_source_pattern() -> None:
    html = '<html><body><a href="/news/older-posts/2" class="btn">Muat lagi</a></body></html>'
    listing = parse_listing(html, "https://g.example/news", is_article=lambda u: False,
                            next_pattern=re.compile(r"/older-posts/\d+"))
    assert listing.next_url == "https://g.example/news/older-posts/2"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Thu, 19 Nov 2026 08:15:00 +0700", datetime(2026, 11, 19, 8, 15, tzinfo=WIB)),
        ("2026-11-19T08:15:00Z", datetime(2026, 11, 19, 8, 15, tzinfo=UTC)),
        ("2026-11-19 08:15:00", datetime(2026, 11, 19, 8, 15, tzinfo=WIB)),
        ("2026-11-19", datetime(2026, 11, 19, tzinfo=WIB)),
        ("Kamis, 23 Jul 2026 15:10 WIB", datetime(2026, 7, 23, 15, 10, tzinfo=WIB)),
        ("Jum'at, 7 Agustus 2026 | 09.30 WITA", datetime(2026, 8, 7, tzinfo=WIB)),  # "|" before the time: the date alone
        ("5 Des 2026 10:00 WIT", datetime(2026, 12, 5, 10, 0, tzinfo=timezone(timedelta(hours=9)))),
        ("bukan tanggal", None),
        ("", None),
        (None, None),
    ],
)
def test_parse_date(text: str | None, expected: datetime | None) -> None:
    got = parse_date(text)
    assert got == expected
    if got is not None:
        assert got.tzinfo is not None


def test_looks_like_html() -> None:
    assert looks_like_html(b"<!doctype html><html></html>")
    assert not looks_like_html(RSS)
    assert not looks_like_html(INDEX)
