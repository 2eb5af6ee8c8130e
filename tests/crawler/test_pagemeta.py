"""What an article page says about itself: canonical URL, AMP, and which link is its next part."""

from __future__ import annotations

import re

import pytest

from crawler.pagemeta import find_next_part, page_meta, part_number

URL = "https://k.example/berita/1003/perpustakaan-daerah-tambah-koleksi"


def page(head: str = "", body: str = "", html_attrs: str = 'lang="id"') -> str:
    return (f"<!DOCTYPE html><html {html_attrs}><head><title>Uji</title>{head}</head>"
            f"<body><article><p>Isi berita.</p>{body}</article></body></html>")


def test_canonical_and_amp_are_read_from_the_head() -> None:
    meta = page_meta(page('<link rel="canonical" href="/berita/1003/perpustakaan-daerah-tambah-koleksi">',
                          html_attrs="amp lang=id"), URL + "/amp")
    assert meta.canonical == URL
    assert meta.is_amp
    assert page_meta(page(html_attrs="\u26a1 lang=id"), URL).is_amp
    plain = page_meta(page("<link rel='stylesheet' href='/a.css'>"), URL)
    assert plain.canonical is None
    assert not plain.is_amp
    # a canonical written in the body is not the page's declaration
    assert page_meta(page(body='<link rel="canonical" href="https://k.example/lain">'), URL).canonical is None


def test_amp_entity_escaped_canonical_is_unescaped() -> None:
    meta = page_meta(page('<link href="https://k.example/b?id=1&amp;x=2" rel="canonical">'), URL)
    assert meta.canonical == "https://k.example/b?id=1&x=2"


@pytest.mark.parametrize(
    ("body", "url", "seq", "expected"),
    [
        (f'<a href="{URL}?page=2">Selanjutnya</a>', URL, 1, f"{URL}?page=2"),
        ('<div class="paging"><a href="?page=2">2</a> <a href="?page=3">3</a></div>', URL, 1, f"{URL}?page=2"),
        ('<a href="/berita/1003/perpustakaan-daerah-tambah-koleksi?page=3">3</a><a href="?page=1">1</a>', URL + "?page=2", 2,
         f"{URL}?page=3"),
        (f'<a href="{URL}/2">2</a>', URL, 1, f"{URL}/2"),
        ('<a rel="next" href="?page=2">Halaman berikutnya</a>', URL, 1, f"{URL}?page=2"),
        # "Selanjutnya" to another story, "Sebelumnya" back to part 1, a part we are not at: no next part
        ('<a href="/berita/1004/berita-lain">Selanjutnya</a>', URL, 1, None),
        (f'<a href="{URL}?page=1">Sebelumnya</a>', URL + "?page=2", 2, None),
        (f'<a href="{URL}?page=5">5</a>', URL, 1, None),
        ("<p>Tidak ada halaman lain.</p>", URL, 1, None),
    ],
)
def test_next_part(body: str, url: str, seq: int, expected: str | None) -> None:
    assert find_next_part(page(body=body), url, seq=seq) == expected


def test_trailing_digits_of_an_article_id_are_not_a_part_number() -> None:
    url = "https://pemkot.example/berita/detail/45"
    body = '<a href="/berita/detail/46">Selanjutnya</a> <a href="/berita/detail/45/2">2</a>'
    assert find_next_part(page(body=body), url, seq=1) == "https://pemkot.example/berita/detail/45/2"


def test_source_rule_for_next_parts() -> None:
    body = '<a class="more" href="/berita/1003/perpustakaan-daerah-tambah-koleksi?page=2">Baca lanjutan</a>'
    assert find_next_part(page(body=body), URL, seq=1) == f"{URL}?page=2"  # same article, next number: any text
    body = '<a class="more" href="/berita/1003/perpustakaan-daerah-tambah-koleksi-bagian-dua">Baca lanjutan</a>'
    assert find_next_part(page(body=body), URL, seq=1) is None
    assert find_next_part(page(body=body), URL, seq=1, pattern=re.compile(r"-bagian-\w+$")) == f"{URL}-bagian-dua"
    assert page_meta(page(body=body), URL, multipage=False, next_pattern=re.compile("bagian")).next_part is None


def test_part_number() -> None:
    assert part_number(f"{URL}?page=3") == (URL, 3)
    assert part_number(f"{URL}?utm_source=x&page=2") == (f"{URL}?utm_source=x", 2)
    assert part_number(f"{URL}/2/") == (URL, 2)
    assert part_number(URL) == (URL, None)
