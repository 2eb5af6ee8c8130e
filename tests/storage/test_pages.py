"""Pages, parts and frontier rows in one transaction, once per canonical URL, on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from storage import frontier
from storage.articles import ensure_source
from storage.db import session_scope
from storage.frontier import Discovered
from storage.pages import (
    PAGE,
    PAGE_PART,
    PageWrite,
    PartWrite,
    compress,
    decompress,
    page_parts,
    store_page,
    store_pages,
)

BODY = b"<html><body><p>Bus listrik mulai melayani rute terminal ke alun-alun kota.</p></body></html>"


def _source(engine: Engine) -> int:
    with session_scope(engine) as s:
        return ensure_source(s, name="warta", home="https://warta.example/")


def _page(sid: int, n: int, *, parts: int = 0, url_suffix: str = "") -> PageWrite:
    canonical = f"https://warta.example/bandung/2026/11/19/berita-{n}"
    return PageWrite(
        source_id=sid, url=canonical + url_suffix, canonical_url=canonical, status=200, body=BODY + str(n).encode(),
        content_type="text/html; charset=utf-8", encoding="utf-8",
        parts=tuple(PartWrite(seq, f"{canonical}?page={seq}", BODY + f" bagian {seq}".encode()) for seq in range(2, parts + 2)),
        frontier=((canonical + url_suffix, canonical),),
    )


def test_page_parts_and_frontier_row_land_together(any_engine: Engine) -> None:
    sid = _source(any_engine)
    with session_scope(any_engine) as s:
        frontier.discover(s, sid, [Discovered("https://warta.example/bandung/2026/11/19/berita-1?utm_source=wa", "https://warta.example/bandung/2026/11/19/berita-1")])
        stored = store_page(s, _page(sid, 1, parts=2, url_suffix="?utm_source=wa"))
    assert stored.new
    with session_scope(any_engine) as s:
        row = s.execute(sa.select(PAGE).where(PAGE.c.id == stored.page_id)).one()
        parts = page_parts(s, stored.page_id)
        state = frontier.lookup(s, [row.canonical_url])[row.canonical_url].state
    assert decompress(row.body_z) == BODY + b"1"
    assert row.encoding == "utf-8"
    assert len(row.body_sha1) == 40
    assert row.url.endswith("?utm_source=wa")  # the URL fetched, beside its canonical key
    assert [(p.seq, p.body) for p in parts] == [(2, BODY + b" bagian 2"), (3, BODY + b" bagian 3")]
    assert state == "stored"


def test_a_second_fetch_of_the_same_canonical_url_is_a_duplicate(any_engine: Engine) -> None:
    sid = _source(any_engine)
    with session_scope(any_engine) as s:
        first = store_page(s, _page(sid, 1, parts=1))
    with session_scope(any_engine) as s:
        again = store_pages(s, [_page(sid, 1, parts=1), _page(sid, 2), _page(sid, 2)])
    assert [(r.page_id == first.page_id, r.new) for r in again[:1]] == [(True, False)]
    assert again[1].new
    assert not again[2].new
    assert again[1].page_id == again[2].page_id
    with session_scope(any_engine) as s:
        assert s.execute(sa.select(sa.func.count()).select_from(PAGE)).scalar_one() == 2
        assert s.execute(sa.select(sa.func.count()).select_from(PAGE_PART)).scalar_one() == 1


def test_a_failed_transaction_leaves_neither_page_nor_frontier_row(any_engine: Engine) -> None:
    sid = _source(any_engine)
    def interrupted() -> None:
        with session_scope(any_engine) as s:
            store_page(s, _page(sid, 7, parts=1))
            raise RuntimeError("mati listrik di tengah transaksi")

    with pytest.raises(RuntimeError, match="mati listrik"):
        interrupted()
    with session_scope(any_engine) as s:
        assert s.execute(sa.select(sa.func.count()).select_from(PAGE)).scalar_one() == 0
        assert frontier.lookup(s, [_page(sid, 7).canonical_url]) == {}


def test_compression_roundtrip() -> None:
    assert decompress(compress(BODY * 50)) == BODY * 50
    assert len(compress(BODY * 50)) < len(BODY * 50) // 5
