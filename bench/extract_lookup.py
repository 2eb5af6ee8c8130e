"""Story lookup at scale for ``bench_extract``: a real SQLite file of 10,000 or 100,000 articles.

The background is distinct articles of real Indonesian news sentences (the nlp-id wheel, MIT,
fetched once with pip into the temp folder and read at run time); the queries are republished
copies of stored articles plus new pieces. Setup writes with raw ``sqlite3`` (not measured).
"""

from __future__ import annotations

import random
import sqlite3
import tempfile
import time
import zlib
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bench.harness import Figure

AREA = "extract"

SENTENCES_PER_ARTICLE = 12


def _real_sentences() -> list[str]:
    """Real Indonesian news sentences from the nlp-id wheel (MIT), fetched once with pip; [] if unavailable."""
    from bench.bench_stem import nlpid_text

    text = nlpid_text()
    return [s for s in (text or "").split("\n") if len(s.split()) >= 6]


def _background(n: int) -> Iterator[tuple[object, object]]:
    """n distinct articles of real sentences drawn at random (else generated pieces), with fingerprints.

    Random draws from ~30,000 real news sentences give what a real archive has: distinct articles
    that now and then share a sentence. The template-generated set would share whole sentences
    between unrelated events far more often than real news does.
    """
    from nlp.dedup import fingerprint
    from tests.nlp.syndication import WIB, Doc, generate

    pool = _real_sentences()
    rng = random.Random(11)
    base = datetime(2025, 1, 1, tzinfo=WIB)
    if not pool:  # offline: fall back to the generated set
        made, seed = 0, 1000
        while made < n:
            for d in generate(seed=seed, events=70)[: n - made]:
                yield d, fingerprint(d.title, d.text)
                made += 1
            seed += 1
        return
    for i in range(n):
        picked = rng.sample(pool, SENTENCES_PER_ARTICLE)
        text = "\n".join(" ".join(picked[k : k + 2]) for k in range(0, len(picked), 2))
        doc = Doc(i, "bench", picked[0][:80], text, base + timedelta(minutes=7 * i), f"bg/{i}", -1)
        yield doc, fingerprint(doc.title, doc.text)


def _stored_db(path: Path, n: int) -> list[tuple[object, object]]:
    """A migrated SQLite file of n articles (stories, signatures, bands); returns a sample."""
    from storage.db import make_engine
    from storage.migrate import upgrade

    engine = make_engine(str(path))
    upgrade(engine)
    engine.dispose()
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=OFF")
    conn.execute("BEGIN")
    conn.execute(
        "INSERT INTO source (id, name, home, created_at) VALUES (1, 'bench', 'https://contoh.id/', '2025-01-01 00:00:00')"
    )
    stories: dict[str, int] = {}
    sample: list[tuple[object, object]] = []
    rng = random.Random(5)
    body = zlib.compress(b"<html></html>")
    for i, (d, fp) in enumerate(_background(n), start=1):
        sid = stories.get(d.story)  # type: ignore[attr-defined]
        when = d.published.astimezone(UTC).replace(tzinfo=None).isoformat(" ")  # type: ignore[attr-defined]
        if sid is None:
            sid = stories[d.story] = len(stories) + 1  # type: ignore[attr-defined]
            conn.execute(
                "INSERT INTO story (id, first_article_id, first_seen) VALUES (?,?,?)",
                (sid, i, when),
            )
        url = f"https://contoh.id/berita/{i}"
        conn.execute(
            "INSERT INTO page (id, source_id, url, canonical_url, status, fetched_at, body_z, "
            "body_sha1) "
            "VALUES (?,1,?,?,200,?,?,?)",
            (i, url, url, when, body, "0" * 40),
        )
        conn.execute(
            "INSERT INTO article (id, page_id, source_id, story_id, canonical_url, title, text, "
            "published, content_hash, minhash,"
            " extractor_version, extracted_at) VALUES (?,?,1,?,?,?,?,?,?,?,'bench',?)",
            (i, i, sid, url, d.title, d.text, when, fp.content_hash, fp.signature, when),  # type: ignore[attr-defined]
        )
        conn.executemany(
            "INSERT INTO article_band (article_id, band, key) VALUES (?,?,?)",
            [(i, b, k) for b, k in enumerate(fp.bands)],  # type: ignore[attr-defined]
        )
        if rng.random() < 200 / n:
            sample.append((d, fp))
    conn.execute("COMMIT")
    conn.execute("ANALYZE")
    conn.close()
    return sample


def _lookup(path: Path, sample: list[tuple[object, object]], fresh: list[tuple[object, object]]) -> tuple[float, float]:
    """Mean ms per article of find_story (read) and assign_story (read + write) over the queries."""
    import sqlalchemy as sa

    from nlp.dedup import fingerprint
    from storage.db import make_engine, session_scope
    from storage.stories import assign_story, find_story

    engine = make_engine(str(path))
    queries = []
    for d, _ in sample:  # a republished copy of a stored piece: a new paragraph at the end
        text = d.text + "\nHingga berita ini diturunkan, belum ada tanggapan resmi."  # type: ignore[attr-defined]
        queries.append((d, fingerprint(d.title, text)))  # type: ignore[attr-defined]
    queries += fresh
    with session_scope(engine) as s:
        ids = []
        for n, (d, fp) in enumerate(queries):
            url = f"https://baru.id/berita/{n}"
            when = d.published  # type: ignore[attr-defined]
            page = s.execute(
                sa.text(
                    "INSERT INTO page (source_id, url, canonical_url, status, fetched_at, body_z, "
                    "body_sha1) "
                    "VALUES (1, :u, :u, 200, :w, x'00', :h) RETURNING id"
                ),
                {"u": url, "w": when.astimezone(UTC).replace(tzinfo=None), "h": "0" * 40},
            ).scalar_one()
            art = s.execute(
                sa.text(
                    "INSERT INTO article (page_id, source_id, canonical_url, title, text, "
                    "published, "
                    "content_hash, extractor_version,"
                    " extracted_at) VALUES (:p, 1, :u, 't', 'x', :w, :h, 'bench', :w) RETURNING id"
                ),
                {
                    "p": page,
                    "u": url,
                    "w": when.astimezone(UTC).replace(tzinfo=None),
                    "h": fp.content_hash,
                },  # type: ignore[attr-defined]
            ).scalar_one()
            ids.append((art, fp, when))
        t0 = time.perf_counter()
        for art, fp, when in ids:
            find_story(s, art, fp, when)  # type: ignore[arg-type]
        read = (time.perf_counter() - t0) / len(ids)
        t0 = time.perf_counter()
        for art, fp, _ in ids:
            assign_story(s, art, fp)  # type: ignore[arg-type]
        write = (time.perf_counter() - t0) / len(ids)
        s.rollback()
    engine.dispose()
    return read * 1000, write * 1000


def scale(sizes: list[int]) -> list[Figure]:
    from nlp.dedup import fingerprint
    from tests.nlp.syndication import generate

    fresh = [(d, fingerprint(d.title, d.text)) for d in generate(seed=424242, events=30)][:100]
    out: list[Figure] = []
    first: tuple[int, float, float] | None = None
    for n in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / f"lookup-{n}.db"
            t0 = time.perf_counter()
            sample = _stored_db(path, n)
            setup = time.perf_counter() - t0
            read, write = _lookup(path, sample, fresh)
            size_mb = path.stat().st_size / 1e6
        built = f"db {size_mb:,.0f} MB built in {setup:,.0f} s"
        note = f"{len(sample)} copies + {len(fresh)} new pieces; {built}"
        if first is None:
            first = (n, read, write)
            out.append(
                Figure(
                    AREA,
                    f"near-dup lookup per article @ {n:,} stored",
                    read,
                    "ms",
                    higher_is_better=False,
                    note=note,
                )
            )
            out.append(
                Figure(
                    AREA,
                    f"story assignment per article @ {n:,} stored",
                    write,
                    "ms",
                    higher_is_better=False,
                    note=note,
                )
            )
        else:
            base = f"same @ {first[0]:,}"
            growth = f"<< {n / first[0]:.0f}x (sub-linear)"
            for name, value, baseline in (
                ("near-dup lookup", read, first[1]),
                ("story assignment", write, first[2]),
            ):
                out.append(
                    Figure(
                        AREA,
                        f"{name} per article @ {n:,} stored",
                        value,
                        "ms",
                        baseline=base,
                        baseline_value=baseline,
                        higher_is_better=False,
                        target=growth,
                        note=note,
                    )
                )
    return out
