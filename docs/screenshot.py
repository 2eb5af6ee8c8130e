"""Screenshot of the weekly digest as a Diskominfo reader sees it, taken by a real headless Chromium.

    python docs/screenshot.py                                  # sample database -> docs/img/digest.png
    python docs/screenshot.py --db ~/monitor.db --week 2026-W45 --city "Kota Tangerang"

Without --db it builds a sample database of invented headlines (written for this script) over nine
weeks, through the project's own write path, and shoots the last week with a focus city. Chromium
is run with networking and updates off; the digest HTML needs nothing from outside anyway.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import shutil
import subprocess
import sys
import tempfile
import zlib
from datetime import datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WIB = timezone(timedelta(hours=7))
WEEK = "2026-W45"
FOCUS = "Kota Tangerang"

PLACES = {
    "Tangerang": ("Kota Tangerang", "Banten"), "Tangsel": ("Kota Tangerang Selatan", "Banten"),
    "Serang": ("Kota Serang", "Banten"), "Bandung": ("Kota Bandung", "Jawa Barat"), "Bekasi": ("Kota Bekasi", "Jawa Barat"),
    "Depok": ("Kota Depok", "Jawa Barat"), "Surabaya": ("Kota Surabaya", "Jawa Timur"), "Malang": ("Kota Malang", "Jawa Timur"),
    "Banyuwangi": ("Kabupaten Banyuwangi", "Jawa Timur"), "Semarang": ("Kota Semarang", "Jawa Tengah"),
    "Sleman": ("Kabupaten Sleman", "DI Yogyakarta"), "Denpasar": ("Kota Denpasar", "Bali"),
    "Makassar": ("Kota Makassar", "Sulawesi Selatan"),
    "Medan": ("Kota Medan", "Sumatera Utara"), "Balikpapan": ("Kota Balikpapan", "Kalimantan Timur"),
}
# (headline with {p} for the place, pillars) -- invented for this sample, no real article behind them
STORIES = [
    ("Pemkot {p} buka antrean daring di semua puskesmas", ("living",)),
    ("Warga {p} kini urus izin usaha dari ponsel dalam sehari", ("governance",)),
    ("{p} pasang 120 kamera pengawas yang tersambung ke ruang kendali", ("society", "governance")),
    ("Bank sampah digital di {p} catat ribuan nasabah baru", ("environment", "society")),
    ("Lampu jalan tenaga surya mulai menyala di jalan protokol {p}", ("environment",)),
    ("Pedagang pasar tradisional {p} terima pembayaran QRIS", ("economy",)),
    ("{p} luncurkan aplikasi wisata untuk festival akhir tahun", ("branding",)),
    ("Sensor banjir dipasang di sepuluh titik rawan {p}", ("environment", "living")),
    ("Pemda {p} terapkan tanda tangan elektronik untuk semua surat dinas", ("governance",)),
    ("Perpustakaan digital {p} dibuka untuk pelajar 24 jam", ("society",)),
    ("Bus kota {p} bisa dilacak lewat aplikasi", ("living",)),
    ("UMKM {p} dilatih berjualan di katalog elektronik", ("economy",)),
    ("{p} susun masterplan kota cerdas bersama Kominfo", ("governance",)),
    ("Parkir elektronik diuji coba di pusat kota {p}", ("living", "economy")),
    ("Taman kota {p} kini punya wifi gratis dan pojok baca", ("branding", "society")),
    ("Data stunting {p} dipantau lewat dasbor terpadu", ("living", "governance")),
]
OUTLETS = ["ANTARA", "detikNews", "Kompas Regional", "Tribun", "Liputan6", "Radar Kota", "Suara Daerah", "IDN Times", "Tempo"]


def build_sample(db: Path) -> None:
    """Nine weeks of invented coverage, rising towards the shot week, some stories carried by several outlets."""
    from nlp.types import CityTag, Extracted, PillarScore, PlaceTags, Tags
    from storage.articles import ArticleRow, ensure_source, store_article
    from storage.db import make_engine, session_scope
    from storage.migrate import upgrade
    from storage.models import Article, Page, Story
    from storage.tags import write_tags

    rng = random.Random(45)
    engine = make_engine(str(db))
    upgrade(engine)
    last_monday = datetime.fromisocalendar(2026, 45, 1).replace(tzinfo=WIB)
    n = 0
    with session_scope(engine) as s:
        sources = {o: ensure_source(s, name=o.lower().replace(" ", "-"),
                                    home=f"https://{o.lower().replace(' ', '')}.example/") for o in OUTLETS}
        # SQLModel sets __table__ when the class is created; its type stubs do not declare it
        story_t = Story.__table__  # type: ignore[attr-defined]
        article_t = Article.__table__  # type: ignore[attr-defined]
        for back in range(8, -1, -1):
            monday = last_monday - timedelta(weeks=back)
            for _ in range(6 + (8 - back) * 2 + rng.randint(0, 3)):
                template, pillars = rng.choice(STORIES)
                short = rng.choice(list(PLACES)[:8] if rng.random() < 0.6 else list(PLACES))
                if back == 0 and rng.random() < 0.25:
                    short = "Tangerang"
                city, province = PLACES[short]
                title = template.format(p=short)
                first = monday + timedelta(hours=rng.randint(6, 7 * 24 - 6))
                story = Story(first_seen=first)
                s.add(story)
                s.flush()
                copies = 1 if rng.random() < 0.55 else rng.randint(2, 5)
                for outlet in rng.sample(OUTLETS, copies):
                    n += 1
                    url = f"https://{outlet.lower().replace(' ', '')}.example/berita/{n}"
                    page = Page(source_id=sources[outlet], url=url, canonical_url=url, status=200,
                                body_z=zlib.compress(b"<html></html>"), body_sha1="0" * 40)
                    s.add(page)
                    s.flush()
                    assert page.id is not None  # set by the flush
                    text = f"{title}. Pemerintah daerah menjelaskan manfaat program ini bagi warga dan target tahun depan."
                    ex = Extracted(url=url, canonical_url=url, title=title, text=text,
                                   published=first + timedelta(hours=rng.randint(0, 30)),
                                   outlet=outlet, language="id", content_hash=hashlib.sha256(url.encode()).hexdigest(),
                                   extractor_version="sample")
                    aid = store_article(s, ArticleRow(page_id=page.id, source_id=sources[outlet], extracted=ex))
                    s.execute(story_t.update().where(story_t.c.id == story.id).values(first_article_id=aid))
                    s.execute(article_t.update().where(article_t.c.id == aid).values(story_id=story.id))
                    tags = Tags(relevant=True, relevance=0.9, pillars=tuple(PillarScore(p, 0.8) for p in pillars),
                                main_pillar=pillars[0],
                                places=PlaceTags(cities=(CityTag(city, province, 2, 0.9),), main_city=city, province=province),
                                model_version="sample")
                    write_tags(s, [(aid, tags)])
    engine.dispose()


def render(db: Path, week: str, city: str | None, out: Path) -> Path:
    """The digest HTML of ``week`` written next to ``out``."""
    from reports.render import RenderOptions, render_html
    from reports.weekly import IsoWeek, build_weekly
    from storage.db import make_engine

    engine = make_engine(str(db), write=False)
    with engine.connect() as conn:
        digest = build_weekly(conn, IsoWeek.parse(week), city=city)
    out.write_text(render_html(digest, RenderOptions(lang="id", source=db.name)), encoding="utf-8")
    return out


def shoot(html: Path, png: Path, *, width: int = 1200, height: int = 2400) -> None:
    """Chromium headless screenshot of a local file (no network, throwaway profile)."""
    exe = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if exe is None:
        sys.exit("chromium is not installed: apt-get install -y chromium")
    png.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run([exe, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--no-first-run", "--hide-scrollbars", f"--user-data-dir={profile}",
                        f"--screenshot={png}", f"--window-size={width},{height}", html.resolve().as_uri()],
                       check=True, capture_output=True, timeout=180)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, help="database to shoot (default: a freshly built sample)")
    parser.add_argument("--week", default=WEEK, help=f"ISO week (default {WEEK}, the sample's last week)")
    parser.add_argument("--city", default=FOCUS, help="focus place, '' for none")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "img" / "digest.png")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or Path(tmp) / "sample.db"
        if args.db is None:
            build_sample(db)
        html = render(db, args.week, args.city or None, Path(tmp) / "digest.html")
        shoot(html, args.out)
    print(args.out)  # noqa: T201 - a command-line script


if __name__ == "__main__":
    main()
