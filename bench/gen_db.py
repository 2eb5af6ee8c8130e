"""A generated database of N articles for ``python -m bench query``, cached under bench/out/.

Fast on purpose: the schema comes from the project's migrations, then raw ``sqlite3`` executemany
in batches of 50,000 inside one transaction, with the FTS triggers parked during the load and the
index rebuilt once at the end. Two years of news from 40 outlets over the 514 kabupaten/kota
(a few large cities get most of it), one story in three syndicated to 2-6 outlets, 45% relevant,
1-2 pillars and 0-2 places per article, and 2,000 analyst labels so queries pay for label lookups.

    python -m bench.gen_db 1000000      # builds bench/out/query-1000000-v2.db once (about 1.5-3 min)
"""

from __future__ import annotations

import random
import sqlite3
import sys
import time
import zlib
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

GEN_VERSION = 2
OUT = Path(__file__).resolve().parent / "out"
START = datetime(2024, 11, 4, tzinfo=UTC)  # a Monday; data runs two years from here
DAYS = 728
BATCH = 50_000
MODEL = "bench-2026.11"
PILLARS = ("governance", "branding", "economy", "living", "society", "environment")
OUTLETS = tuple(
    f"{name}" for name in (
        "ANTARA", "ANTARA Banten", "ANTARA Jabar", "ANTARA Jateng", "ANTARA Jatim", "ANTARA Bali", "ANTARA Sumut",
        "ANTARA Kalsel", "ANTARA Sulsel", "ANTARA Papua", "detikNews", "detikJabar", "detikJatim", "detikJateng",
        "detikSulsel", "detikBali", "Kompas", "Kompas Regional", "Tribun Banten", "Tribun Jabar", "Tribun Jatim",
        "Tribun Medan", "Tribun Makassar", "Tribun Kaltim", "Liputan6", "Republika", "Tempo", "CNN Indonesia",
        "Okezone", "SINDOnews", "Suara", "IDN Times", "Tangerang News", "Banten News", "Berita Jatim", "Radar Bogor",
        "Radar Bekasi", "Jawa Pos", "Pikiran Rakyat", "Bisnis Indonesia",
    )
)
# Our own vocabulary for titles and bodies (enough variety for full-text search to be selective).
WORDS = (
    "pemerintah kota kabupaten meluncurkan aplikasi layanan publik warga mengurus perizinan daring dinas "
    "komunikasi informatika jaringan internet ruang kendali kamera pengawas lalu lintas bank sampah digital "
    "pasar rakyat pembayaran nontunai pajak daerah puskesmas antrean telemedisin stunting sekolah perpustakaan "
    "beasiswa literasi komunitas relawan banjir sensor peringatan dini kualitas udara taman kota ruang terbuka "
    "hijau lampu jalan tenaga surya efisiensi energi listrik drainase perumahan tata ruang bus kota parkir "
    "elektronik terminal stasiun wisata festival desa promosi investasi produk unggulan UMKM pelatihan "
    "pemasaran QRIS katalog elektronik retribusi kesejahteraan bantuan sosial data terpadu satu data pusat "
    "mal pelayanan pengaduan call center kependudukan tanda tangan elektronik anggaran perencanaan evaluasi "
    "masterplan kolaborasi kampus startup inovasi pelatihan operator kecamatan kelurahan wali bupati gubernur "
    "rapat koordinasi peresmian uji coba tahap pertama target tahun depan ribu pengguna minggu lalu"
).split()


def db_path(n: int) -> Path:
    """Where the cached database of ``n`` articles lives."""
    return OUT / f"query-{n}-v{GEN_VERSION}.db"


# the places most in the news come first (the generator gives earlier places more stories)
BIG = ("Kota Surabaya", "Kota Bandung", "Kota Adm. Jakarta Selatan", "Kota Medan", "Kota Semarang", "Kota Makassar",
       "Kota Tangerang", "Kota Bekasi", "Kota Depok", "Kota Denpasar", "Kota Malang", "Kabupaten Banyuwangi")


def _places(rng: random.Random) -> list[tuple[str, str]]:
    """(city, province) for every kabupaten/kota from the gazetteer, big cities first, the rest shuffled."""
    from nlp.places import all_cities, province_of

    rest = [c for c in all_cities() if c not in BIG]
    rng.shuffle(rest)
    return [(c, province_of(c)) for c in (*BIG, *rest)]


def _schema(path: Path) -> None:
    from storage.db import make_engine
    from storage.migrate import upgrade

    engine = make_engine(str(path))
    upgrade(engine)
    engine.dispose()


def _ts(dt: datetime) -> str:
    return dt.astimezone(UTC).replace(tzinfo=None).isoformat(" ", timespec="microseconds")


def _stories(
    n: int, rng: random.Random, n_places: int
) -> Iterator[tuple[int, int, datetime, list[int], bool, list[str], list[int]]]:
    """(story id, copies, first date, outlet ids, relevant, pillars, place ids) until ``n`` articles are planned."""
    weights = [1 / (i + 1) ** 0.9 for i in range(n_places)]  # a few cities get most of the news
    cum = []
    total = 0.0
    for w in weights:
        total += w
        cum.append(total)
    planned = 0
    story = 0
    while planned < n:
        story += 1
        r = rng.random()
        copies = 1 if r < 0.66 else 2 if r < 0.84 else 3 if r < 0.93 else rng.randint(4, 6)
        copies = min(copies, n - planned)
        first = START + timedelta(seconds=rng.randrange(DAYS * 86400))
        outlets = rng.sample(range(len(OUTLETS)), copies)
        relevant = rng.random() < 0.45
        pillars = rng.sample(PILLARS, 1 if rng.random() < 0.6 else 2)
        k = 0 if rng.random() < 0.1 else 1 if rng.random() < 0.7 else 2
        places = list(dict.fromkeys(rng.choices(range(n_places), cum_weights=cum, k=k)))
        planned += copies
        yield story, copies, first, outlets, relevant, pillars, places


def generate(n: int, path: Path, *, seed: int = 6, labels: int = 2_000) -> Path:
    """Write a database of ``n`` articles at ``path`` (replacing it)."""
    rng = random.Random(seed)
    places = _places(rng)
    tmp = path.with_suffix(".tmp")
    for p in (tmp, Path(f"{tmp}-wal"), Path(f"{tmp}-shm")):
        p.unlink(missing_ok=True)
    tmp.parent.mkdir(parents=True, exist_ok=True)
    _schema(tmp)
    conn = sqlite3.connect(tmp, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = OFF")
    conn.execute("PRAGMA cache_size = -400000")
    triggers = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'article_fts%'").fetchall()
    conn.execute("BEGIN")
    for name, _ in triggers:
        conn.execute(f"DROP TRIGGER {name}")
    now = _ts(START + timedelta(days=DAYS))
    conn.executemany("INSERT INTO source (id, name, home, created_at) VALUES (?, ?, ?, ?)",
                     [(i + 1, o.lower().replace(" ", "-"), f"https://{o.lower().replace(' ', '')}.example/", now)
                      for i, o in enumerate(OUTLETS)])
    body = zlib.compress(b"<html></html>")
    page: list[tuple[object, ...]] = []
    art: list[tuple[object, ...]] = []
    story_rows: list[tuple[object, ...]] = []
    tag: list[tuple[object, ...]] = []
    pil: list[tuple[object, ...]] = []
    city: list[tuple[object, ...]] = []
    aid = 0

    def flush() -> None:
        conn.executemany("INSERT INTO page (id, source_id, url, canonical_url, status, fetched_at, body_z, body_sha1) "
                         "VALUES (?,?,?,?,?,?,?,?)", page)
        conn.executemany(
            "INSERT INTO article (id, page_id, source_id, story_id, canonical_url, title, text, published, published_tz, outlet, "
            "language, content_hash, extractor_version, extracted_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)", art)
        conn.executemany("INSERT INTO story (id, first_article_id, first_seen) VALUES (?,?,?)", story_rows)
        conn.executemany("INSERT INTO article_tag (article_id, relevant, relevance, main_pillar, main_city, province, "
                         "model_version, tagged_at) VALUES (?,?,?,?,?,?,?,?)", tag)
        conn.executemany("INSERT INTO article_pillar (article_id, pillar, score, is_main, model_version) VALUES (?,?,?,?,?)", pil)
        conn.executemany("INSERT INTO article_city (article_id, city, province, mentions, confidence, is_main, model_version) "
                         "VALUES (?,?,?,?,?,?,?)", city)
        for rows in (page, art, story_rows, tag, pil, city):
            rows.clear()

    for story, copies, first, outlets, relevant, pillars, place_ids in _stories(n, rng, len(places)):
        title = " ".join(rng.choices(WORDS, k=8)).capitalize()
        text = " ".join(rng.choices(WORDS, k=28))
        story_rows.append((story, aid + 1, _ts(first)))
        for c in range(copies):
            aid += 1
            when = first + timedelta(minutes=rng.randrange(0, 2880)) if c else first
            url = f"https://{OUTLETS[outlets[c]].lower().replace(' ', '')}.example/berita/{aid}"
            page.append((aid, outlets[c] + 1, url, url, 200, now, body, "0" * 40))
            art.append((aid, aid, outlets[c] + 1, story, url, title, text, _ts(when), "+07:00", OUTLETS[outlets[c]], "id",
                        f"{aid:064x}", "bench", now))
            main_city, province = places[place_ids[0]] if place_ids else (None, None)
            tag.append((aid, int(relevant), 0.8 if relevant else 0.2, pillars[0], main_city, province, MODEL, now))
            pil.extend((aid, p, 0.7, int(i == 0), MODEL) for i, p in enumerate(pillars))
            city.extend((aid, places[p][0], places[p][1], 2, 0.9, int(i == 0), MODEL) for i, p in enumerate(place_ids))
        if len(art) >= BATCH:
            flush()
    flush()
    _labels(conn, rng, aid, labels, places)
    for _, sql in triggers:
        conn.execute(sql)
    conn.execute("INSERT INTO article_fts(article_fts) VALUES ('rebuild')")
    conn.execute("COMMIT")
    conn.execute("ANALYZE")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    tmp.replace(path)
    return path


def _labels(conn: sqlite3.Connection, rng: random.Random, n_articles: int, count: int, places: list[tuple[str, str]]) -> None:
    """Analyst labels on random articles: a third flip relevance, a third set pillars, a third set places."""
    when = _ts(START + timedelta(days=DAYS))
    ids = rng.sample(range(1, n_articles + 1), min(count, n_articles))
    labels, lp, lc = [], [], []
    for i, article_id in enumerate(ids):
        kind = i % 3
        labels.append((article_id, (rng.random() < 0.5) if kind == 0 else None, int(kind == 1), int(kind == 2), "bench", None,
                       when))
        if kind == 1:
            lp.append((article_id, rng.choice(PILLARS), 1))
        if kind == 2:
            c, p = rng.choice(places)
            lc.append((article_id, c, p, 1))
    conn.executemany("INSERT INTO label (article_id, relevant, pillars_set, cities_set, analyst, note, labelled_at) "
                     "VALUES (?,?,?,?,?,?,?)", labels)
    conn.executemany("INSERT INTO label_pillar (article_id, pillar, is_main) VALUES (?,?,?)", lp)
    conn.executemany("INSERT INTO label_city (article_id, city, province, is_main) VALUES (?,?,?,?)", lc)


def ensure(n: int) -> tuple[Path, float | None]:
    """The cached database of ``n`` articles, generated when missing; returns (path, seconds spent generating)."""
    path = db_path(n)
    if path.exists():
        return path, None
    t0 = time.perf_counter()
    generate(n, path)
    return path, time.perf_counter() - t0


if __name__ == "__main__":
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    where, spent = ensure(count)
    print(f"{where} ({where.stat().st_size / 1e6:,.0f} MB){'' if spent is None else f', generated in {spent:.0f} s'}")
