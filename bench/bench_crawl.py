"""Crawl throughput: the project's crawl (frontier writes included) against a bare Scrapy spider.

Both crawl the same loopback site of N article pages served by ``smartcity.demo.server`` from this
process; each crawl runs in its own subprocess (one reactor per process), with the same
concurrency and no delay. The bare spider fetches the article URLs and drops the responses (once
with Scrapy's defaults, the issue's baseline, and once with our CONCURRENT_ITEMS=4, so the second
ratio is the cost of our own work alone); the
project's crawl reads robots.txt and the sitemap, triages every URL through the frontier, checks
each page for canonical/AMP/next-part, and stores it zlib-compressed with its frontier row. Time is
measured inside each process from reactor start to stop (interpreter start-up excluded).

    python -m bench crawl            # 2,000 articles, best of 2 runs each
    python -m bench crawl --quick    # 400 articles, one run each
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.harness import Figure

CONCURRENCY = 16
ITEMS = 4  # crawler.settings' CONCURRENT_ITEMS (Scrapy's default 100 starts 100 tasks per response)
PARAGRAPHS = [
    "Pemerintah kota memperluas layanan perizinan daring sehingga warga tidak perlu lagi datang ke kantor kecamatan.",
    "Petugas dinas komunikasi dan informatika memasang titik akses internet gratis di taman dan pasar tradisional.",
    "Data antrean puskesmas kini ditampilkan di papan informasi dan dapat dipantau warga dari telepon genggam.",
    "Ruang kendali kota memantau arus lalu lintas di persimpangan utama melalui kamera yang terhubung ke pusat data.",
    "Pelaku usaha kecil dilatih mencatat transaksi dan menerima pembayaran nontunai lewat kode QR.",
    "Warga dapat melaporkan jalan rusak dan lampu penerangan yang padam melalui kanal pengaduan resmi.",
    "Bank sampah di tingkat kelurahan mencatat setoran warga secara digital dan membagikan hasilnya setiap bulan.",
    "Perpustakaan daerah membuka layanan pinjam buku elektronik yang bisa diakses pelajar tanpa biaya.",
]


def build_site(root: Path, n: int, *, seed: int = 7) -> list[str]:
    """A site of ``n`` article pages (~6 KB each), a sitemap index and robots.txt; returns article paths."""
    rng = random.Random(seed)
    paths = []
    for i in range(n):
        path = f"/berita/{100000 + i}/kabar-kota-nomor-{i}"
        paras = "\n".join(f"<p>{' '.join(rng.sample(PARAGRAPHS, 4))}</p>" for _ in range(5))
        page = (
            f'<!DOCTYPE html><html lang="id"><head><meta charset="utf-8"><title>Kabar kota nomor {i}</title>'
            f'<link rel="canonical" href="{{{{BASE}}}}{path}"></head><body><header><a href="/">Beranda</a> '
            f'<a href="/tag/kota">Kota</a></header><article><h1>Kabar kota nomor {i}</h1>{paras}</article>'
            f"<footer>Hak cipta Kabar Bench</footer></body></html>"
        )
        file = root / f"{path.lstrip('/')}.html"
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_text(page, encoding="utf-8")
        paths.append(path)
    chunks = [paths[i : i + 500] for i in range(0, n, 500)]
    for k, chunk in enumerate(chunks):
        urls = "".join(f"<url><loc>{{{{BASE}}}}{p}</loc><lastmod>2026-11-20T08:00:00+07:00</lastmod></url>" for p in chunk)
        (root / f"sitemap-{k}.xml").write_text(
            f'<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>',
            encoding="utf-8"
        )
    index = "".join(f"<sitemap><loc>{{{{BASE}}}}/sitemap-{k}.xml</loc></sitemap>" for k in range(len(chunks)))
    (root / "sitemap.xml").write_text(
        f'<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{index}</sitemapindex>',
        encoding="utf-8",
    )
    (root / "robots.txt").write_text("User-agent: *\nAllow: /\n", encoding="utf-8")
    return paths


def _bare(url_file: str, concurrent_items: int | None = None) -> None:
    """Subprocess entry: fetch every URL in ``url_file`` with a bare Scrapy spider; print JSON timing."""
    import scrapy
    from scrapy.crawler import CrawlerProcess

    urls = Path(url_file).read_text(encoding="utf-8").split()

    class Bare(scrapy.Spider):
        name = "bare"

        async def start(self):  # type: ignore[override]
            for u in urls:
                yield scrapy.Request(u, callback=self.parse)

        def parse(self, response):  # type: ignore[override]
            return None

    settings = {
        "CONCURRENT_REQUESTS": CONCURRENCY, "CONCURRENT_REQUESTS_PER_DOMAIN": CONCURRENCY, "DOWNLOAD_DELAY": 0,
        "LOG_LEVEL": "WARNING", "TELNETCONSOLE_ENABLED": False, "REMOTE_CONTROL_ENABLED": False,
    }
    if concurrent_items is not None:
        settings["CONCURRENT_ITEMS"] = concurrent_items
    process = CrawlerProcess(settings)
    crawler = process.create_crawler(Bare)
    process.crawl(crawler)
    t0 = time.monotonic()
    process.start()
    seconds = time.monotonic() - t0
    pages = crawler.stats.get_value("response_received_count", 0) if crawler.stats else 0
    print(json.dumps({"pages": pages, "seconds": seconds}))


def _run_bare(urls: list[str], tmp: Path, concurrent_items: int | None = None) -> tuple[int, float]:
    url_file = tmp / "urls.txt"
    url_file.write_text("\n".join(urls), encoding="utf-8")
    extra = [str(concurrent_items)] if concurrent_items is not None else []
    proc = subprocess.run([sys.executable, "-m", "bench.bench_crawl", "bare", str(url_file), *extra], capture_output=True,
                          text=True, timeout=900, check=True)
    data = json.loads(proc.stdout.strip().splitlines()[-1])
    return int(data["pages"]), float(data["seconds"])


def _run_project(base: str, tmp: Path, k: int) -> tuple[int, float]:
    sources = tmp / "sources.toml"
    host = base.split("//", 1)[1].split(":", 1)[0]
    pattern = "^" + base.replace(".", r"\.") + r"/berita/\d+/"
    sources.write_text(
        f'[[sources]]\nname = "bench"\nhome = "{base}/"\nsitemaps = ["{base}/sitemap.xml"]\n'
        f"article_pattern = '{pattern}'\nallowed_domains = [\"{host}\"]\n",
        encoding="utf-8",
    )
    db = tmp / f"bench-{k}.db"
    args = [
        sys.executable, "-m", "smartcity", "-q", "--db", str(db),
        "--set", "crawl.download_delay=0", "--set", "crawl.autothrottle=false",
        "--set", f"crawl.concurrent_requests={CONCURRENCY}", "--set", f"crawl.concurrent_per_domain={CONCURRENCY}",
        "crawl", "--sources", str(sources), "--source", "bench", "--since", "2000-01-01", "--json",
    ]
    proc = subprocess.run(args, capture_output=True, text=True, timeout=900, cwd=tmp)
    if proc.returncode != 0:
        raise RuntimeError(f"project crawl failed ({proc.returncode}): {proc.stderr[-2000:]}")
    data = json.loads(proc.stdout)
    return int(data["sources"]["bench"]["new_articles"]), float(data["seconds"])


def run(quick: bool) -> list[Figure]:
    """Pages per second of the project's crawl against the bare spider, same site, same run."""
    from smartcity.demo.server import serve

    n = 400 if quick else 2000
    repeat = 1 if quick else 2
    with tempfile.TemporaryDirectory(prefix="bench-crawl-") as tmpdir:
        tmp = Path(tmpdir)
        site = tmp / "site"
        site.mkdir()
        paths = build_site(site, n)
        with serve(site, host="127.0.0.9") as server:
            urls = [server.url + p for p in paths]
            bare_best = tuned_best = proj_best = float("inf")
            counts = []
            for k in range(repeat):
                pages, secs = _run_bare(urls, tmp)
                bare_best = min(bare_best, secs)
                counts.append(pages)
                pages, secs = _run_bare(urls, tmp, concurrent_items=ITEMS)
                tuned_best = min(tuned_best, secs)
                counts.append(pages)
                pages, secs = _run_project(server.url, tmp, k)
                proj_best = min(proj_best, secs)
                counts.append(pages)
    if set(counts) != {n}:
        raise RuntimeError(f"expected {n} pages from every crawl, got {counts}")
    bare_rate, tuned_rate, proj_rate = n / bare_best, n / tuned_best, n / proj_best
    return [
        Figure("crawl", f"project crawl, {n} articles (pages/s)", proj_rate, "pages/s", baseline="bare Scrapy spider (defaults)",
               baseline_value=bare_rate,
               target=">= 0.67x (time <= 1.5x)", note=f"best of {repeat}; {proj_best:.2f}s vs {bare_best:.2f}s"),
        Figure("crawl", f"project crawl, {n} articles (pages/s)", proj_rate, "pages/s",
               baseline=f"bare spider, CONCURRENT_ITEMS={ITEMS} like ours", baseline_value=tuned_rate,
               note=f"like-for-like: our pipeline's cost alone; {proj_best:.2f}s vs {tuned_best:.2f}s"),
        Figure("crawl", "project crawl time / bare spider time", proj_best / bare_best, "x", higher_is_better=False,
               target="<= 1.5"),
    ]


if __name__ == "__main__":
    if len(sys.argv) in (3, 4) and sys.argv[1] == "bare":
        _bare(sys.argv[2], int(sys.argv[3]) if len(sys.argv) == 4 else None)
    else:
        sys.exit("usage: python -m bench.bench_crawl bare URL_FILE [CONCURRENT_ITEMS] (the bare-spider subprocess); "
                 "run the benchmark with python -m bench crawl")
