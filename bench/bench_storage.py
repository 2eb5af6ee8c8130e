"""Storing articles through ``storage/`` against raw ``sqlite3`` executemany into the same schema."""

from __future__ import annotations

import random
import sqlite3
import tempfile
import time
import zlib
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bench.harness import Figure
from nlp.types import Extracted
from storage.articles import ArticleRow, article_values, ensure_source, store_articles
from storage.db import make_engine, session_scope
from storage.migrate import upgrade
from storage.models import Article

WORDS = (
    "pemerintah kota meluncurkan aplikasi layanan publik warga dapat mengurus perizinan secara daring "
    "dinas komunikasi informatika menyiapkan jaringan internet ruang kendali kamera pengawas lalu lintas "
    "bank sampah digital pasar rakyat pembayaran nontunai pajak daerah puskesmas antrean daring"
).split()


def _articles(n: int, source_id: int, seed: int = 7) -> list[ArticleRow]:
    rng = random.Random(seed)
    base = datetime(2026, 11, 1, tzinfo=UTC)
    rows = []
    for i in range(n):
        text = " ".join(rng.choice(WORDS) for _ in range(400))
        url = f"https://contoh.id/berita/{i}/artikel-{i}"
        ex = Extracted(
            url=url, canonical_url=url, title=f"Berita ke-{i} tentang layanan digital", text=text,
            published=base + timedelta(minutes=i), outlet="Contoh", language="id",
            content_hash=f"{i:064x}", extractor_version="bench",
        )
        rows.append(ArticleRow(page_id=i + 1, source_id=source_id, extracted=ex))
    return rows


def _prepared_db(path: Path, n: int) -> int:
    engine = make_engine(str(path))
    upgrade(engine)
    with session_scope(engine) as s:
        src = ensure_source(s, name="bench", home="https://contoh.id/")
    body = zlib.compress(b"<html></html>")
    with engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO page (source_id, url, canonical_url, status, fetched_at, body_z, body_sha1) VALUES (?,?,?,?,?,?,?)",
            [(src, f"https://contoh.id/p/{i}", f"https://contoh.id/p/{i}", 200, "2026-11-01 00:00:00", body,
              "0" * 40) for i in range(n)],
        )
    engine.dispose()
    return src


def _raw_sqlite(path: Path, rows: list[ArticleRow]) -> float:
    cols = [c.name for c in Article.__table__.columns if c.name not in ("id", "story_id")]  # type: ignore[attr-defined]
    values = []
    for r in rows:
        v = article_values(r)
        v["published"] = v["published"].astimezone(UTC).replace(tzinfo=None).isoformat(" ")
        v["extracted_at"] = v["extracted_at"].astimezone(UTC).replace(tzinfo=None).isoformat(" ")
        values.append(tuple(v[c] for c in cols))
    sql = f"INSERT INTO article ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})"
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")
    t0 = time.perf_counter()
    conn.execute("BEGIN IMMEDIATE")
    conn.executemany(sql, values)
    conn.execute("COMMIT")
    elapsed = time.perf_counter() - t0
    conn.close()
    return elapsed


def _through_storage(path: Path, rows: list[ArticleRow], batch: int = 1000) -> float:
    engine = make_engine(str(path))
    t0 = time.perf_counter()
    with session_scope(engine) as s:
        for i in range(0, len(rows), batch):
            store_articles(s, rows[i : i + batch])
    elapsed = time.perf_counter() - t0
    engine.dispose()
    return elapsed


def _per_row_orm(path: Path, rows: list[ArticleRow]) -> float:
    engine = make_engine(str(path))
    t0 = time.perf_counter()
    with session_scope(engine) as s:
        for r in rows:
            s.add(Article(**article_values(r)))
            s.flush()
    elapsed = time.perf_counter() - t0
    engine.dispose()
    return elapsed


def run(quick: bool) -> list[Figure]:
    """Time 10,000 article writes three ways into fresh copies of one schema."""
    n = 2_000 if quick else 10_000
    with tempfile.TemporaryDirectory() as tmp:
        paths = {k: Path(tmp) / f"{k}.db" for k in ("raw", "storage", "orm")}
        for p in paths.values():
            src = _prepared_db(p, n)
        rows = _articles(n, src)
        raw = _raw_sqlite(paths["raw"], rows)
        ours = _through_storage(paths["storage"], rows)
        orm = _per_row_orm(paths["orm"], rows)
    base = "raw sqlite3 executemany"
    return [
        Figure("storage", f"store {n:,} articles, batched upsert (storage.articles)", ours * 1000, "ms", base, raw * 1000,
               higher_is_better=False, target="ratio ≤ 2×"),
        Figure("storage", f"store {n:,} articles, per-row ORM add+flush (reference)", orm * 1000, "ms", base, raw * 1000,
               higher_is_better=False, note="the path storage avoids"),
    ]
