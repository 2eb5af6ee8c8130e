"""Our own outlet sites in four templates, rendered to a folder the loopback server serves.

Every headline and paragraph here is written for these tests (no real article is copied). The four
templates cover what the crawler must read:

- ``rss``      an agency-style outlet: RSS feed, an AMP copy, a "Selanjutnya" article in ?page=N parts
- ``sitemap``  a Tribun-style outlet: sitemap index -> gzipped Google News sitemap, ?page=all view
- ``listing``  a regional portal: paged index (/indeks?page=N) with tag/foto/video links, /slug/2 parts
- ``portal``   a city government site: Atom feed + /berita/page/N listing, old URLs redirecting

``tests/sites/crawler/`` holds the small rendering the feature tests serve (``build_fixtures``);
the kill test renders larger sites of the same templates into a temporary folder.
"""

from __future__ import annotations

import gzip
import html
import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

WIB = timezone(timedelta(hours=7))
FIXTURE_ROOT = Path(__file__).resolve().parents[1] / "sites" / "crawler"
FIXTURE_TODAY = datetime(2026, 11, 20, 9, 0, tzinfo=WIB)
FIXTURE_SIZES = {"rss": 6, "sitemap": 6, "listing": 8, "portal": 6}

KOTA = ["Tangerang", "Madiun", "Bandung", "Semarang", "Makassar", "Balikpapan", "Kediri", "Bogor", "Pekalongan", "Kupang",
        "Magelang", "Sukabumi"]
PEJABAT = ["Kepala Dinas Kominfo", "Sekretaris Daerah", "Kepala Bappeda", "Kepala Dinas Perhubungan",
           "Kepala Dinas Lingkungan Hidup", "Camat"]
NAMA = ["Rudi Hartanto", "Siti Aminah", "Bambang Wicaksono", "Dewi Lestari", "Agus Salim", "Maria Ulfah", "Yohanes Bria",
        "Nur Hidayah"]
JUDUL = [
    "Pemkot {kota} Luncurkan Aplikasi Pengaduan Warga Berbasis Web",
    "Dinas Kominfo {kota} Pasang {n} Titik Wifi Gratis di Taman Kota",
    "Bus Listrik Mulai Layani Rute Terminal ke Alun-alun {kota}",
    "Warga {kota} Kini Bisa Bayar Retribusi Sampah Lewat QRIS",
    "Puskesmas di {kota} Terapkan Antrean Daring Mulai Pekan Depan",
    "{kota} Uji Coba Lampu Lalu Lintas Pintar di {n} Persimpangan",
    "Bank Sampah Digital Diresmikan di Kecamatan {kota} Utara",
    "Perpustakaan Daerah {kota} Tambah {n} Ribu Koleksi Buku Elektronik",
    "Pasar Malam Ramaikan Peringatan Hari Jadi {kota}",
    "Tim Sepak Bola Pelajar {kota} Lolos ke Babak Final",
    "Ruang Kendali Kota {kota} Pantau Banjir Lewat {n} Kamera",
    "UMKM {kota} Dilatih Berjualan di Katalog Elektronik Daerah",
]
KALIMAT = [
    "Program ini ditargetkan menjangkau seluruh kelurahan sebelum akhir tahun anggaran.",
    "Menurut {pejabat} {kota}, {nama}, warga cukup menggunakan telepon genggam untuk mengakses layanan tersebut.",
    "Pemerintah kota menyiapkan anggaran sekitar Rp{n} miliar untuk tahap pertama.",
    "Petugas kelurahan akan mendampingi warga lanjut usia yang belum terbiasa dengan layanan daring.",
    "Data yang terkumpul akan ditampilkan di ruang kendali dan dibuka untuk publik setiap bulan.",
    "Sejumlah warga menyambut baik langkah itu karena antrean di kantor pelayanan kerap mengular.",
    "Uji coba berlangsung selama {n} pekan sebelum diterapkan di seluruh wilayah kota.",
    "Dinas terkait juga membuka kanal pengaduan bagi warga yang menemukan kendala di lapangan.",
    "Kegiatan tersebut melibatkan komunitas pemuda, pengurus RT, dan relawan teknologi informasi.",
    "Ia berharap inovasi itu bisa menekan biaya dan mempercepat pelayanan kepada masyarakat.",
    "Pada tahun lalu, pemerintah kota mencatat lebih dari {n} ribu laporan warga yang masuk lewat pesan singkat.",
    "Evaluasi akan dilakukan bersama perguruan tinggi setempat agar hasilnya bisa diukur.",
]


@dataclass(frozen=True)
class Story:
    """One rendered article: where it lives, how many parts, and what it says."""

    path: str  # the article's own URL path (part 1; what the frontier keys it by)
    title: str
    published: datetime
    paragraphs: tuple[str, ...]
    parts: int = 1


def _story(rng: random.Random, path: str, published: datetime, parts: int) -> Story:
    kota = rng.choice(KOTA)
    fill = {"kota": kota, "n": rng.randint(3, 40), "pejabat": rng.choice(PEJABAT), "nama": rng.choice(NAMA)}
    title = rng.choice(JUDUL).format(**fill)
    paragraphs = []
    for _ in range(3 * parts):
        fill["n"] = rng.randint(2, 90)
        sentences = rng.sample(KALIMAT, 3)
        paragraphs.append(" ".join(s.format(**fill) for s in sentences))
    paragraphs[0] = f"{kota.upper()} - " + paragraphs[0]
    return Story(path, title, published, tuple(paragraphs), parts)


def _slug(title: str, *, keep_case: bool = False) -> str:
    words = "".join(ch if ch.isalnum() or ch == " " else " " for ch in title).split()
    slug = "-".join(words[:8])
    return slug if keep_case else slug.lower()


def _page(outlet: str, story: Story, body_paragraphs: tuple[str, ...], *, canonical: str, extra_head: str = "",
          extra_body: str = "", amp: bool = False) -> str:
    paras = "\n".join(f"<p>{html.escape(p)}</p>" for p in body_paragraphs)
    html_tag = "<html amp lang=\"id\">" if amp else "<html lang=\"id\">"
    return (
        f"<!DOCTYPE html>\n{html_tag}<head><meta charset=\"utf-8\"><title>{html.escape(story.title)} - {outlet}</title>\n"
        f"<link rel=\"canonical\" href=\"{canonical}\">\n"
        f"<meta property=\"article:published_time\" content=\"{story.published.isoformat()}\">{extra_head}</head>\n"
        f"<body><header><a href=\"/\">{outlet}</a> | <a href=\"/tag/smart-city\">Smart City</a> | "
        f"<a href=\"/foto/galeri-kota/12\">Foto</a></header>\n"
        f"<article><h1>{html.escape(story.title)}</h1>\n{paras}\n{extra_body}</article>\n"
        f"<footer>Hak cipta {outlet}</footer></body></html>\n"
    )


def _chunks(story: Story) -> list[tuple[str, ...]]:
    per = len(story.paragraphs) // story.parts
    return [story.paragraphs[i * per : (i + 1) * per] for i in range(story.parts)]


def _write(root: Path, rel: str, text: str | bytes) -> None:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")


def _dates(today: datetime, n: int) -> list[datetime]:
    return [today - timedelta(hours=5 * i + 1) for i in range(n)]


# -- template: RSS agency ------------------------------------------------------------------------
def build_rss(root: Path, *, n: int, today: datetime, seed: int = 1, outlet: str = "Kabar Banten") -> list[Story]:
    """RSS feed; article 2 linked as its AMP copy; every 3rd article in ?page=N parts; /berita/1099/ robots-disallowed."""
    rng = random.Random(seed)
    stories = []
    for i, when in enumerate(_dates(today, n)):
        sid = 1001 + i
        parts = 3 if i % 3 == 2 else 1
        title_story = _story(rng, "", when, parts)
        path = f"/berita/{sid}/{_slug(title_story.title)}"
        story = Story(path, title_story.title, when, title_story.paragraphs, parts)
        stories.append(story)
        chunks = _chunks(story)
        for seq, chunk in enumerate(chunks, start=1):
            nav = ""
            if story.parts > 1:
                links = " ".join(f'<a href="{path}?page={k}">{k}</a>' for k in range(1, story.parts + 1) if k != seq)
                nxt = f' <a href="{path}?page={seq + 1}">Selanjutnya</a>' if seq < story.parts else ""
                nav = f'<div class="paging">Halaman: {links}{nxt}</div>'
            related = '<p>Baca juga: <a href="/berita/999/berita-lama-lainnya">Berita lama lainnya</a></p>'
            page = _page(outlet, story, chunk, canonical=f"{{{{BASE}}}}{path}", extra_body=related + nav)
            _write(root, f"{path.lstrip('/')}.html" if seq == 1 else f"{path.lstrip('/')}@page={seq}.html", page)
        if i == 1:
            amp = _page(outlet, story, chunks[0], canonical=f"{{{{BASE}}}}{path}", amp=True)
            _write(root, f"{path.lstrip('/')}/amp.html", amp)
    items = []
    for i, s in enumerate(stories):
        link = f"{{{{BASE}}}}{s.path}/amp" if i == 1 else f"{{{{BASE}}}}{s.path}?utm_source=rss"
        items.append(
            f"<item><title>{html.escape(s.title)}</title><link>{html.escape(link)}</link>"
            f"<pubDate>{s.published.strftime('%a, %d %b %Y %H:%M:%S +0700')}</pubDate></item>"
        )
    items.append("<item><title>Arsip internal redaksi</title><link>{{BASE}}/berita/1099/arsip-internal-redaksi</link></item>")
    feed = (f'<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>{outlet}</title>'
            f"<link>{{{{BASE}}}}/</link>\n" + "\n".join(items) + "\n</channel></rss>\n")
    _write(root, "rss/terkini.xml", feed)
    _write(root, "robots.txt", "User-agent: *\nDisallow: /berita/1099/\n")
    _write(root, "index.html", f"<html><body><h1>{outlet}</h1></body></html>")
    return stories


# -- template: sitemap (Tribun-like) -------------------------------------------------------------
def build_sitemap(root: Path, *, n: int, today: datetime, seed: int = 2, outlet: str = "Warta Priangan") -> list[Story]:
    """Sitemap index -> gzipped news sitemap with news:publication_date; ?page=all joins parts."""
    rng = random.Random(seed)
    stories = []
    for i, when in enumerate(_dates(today, n)):
        parts = 2 if i % 2 == 1 else 1
        base = _story(rng, "", when, parts)
        local = when.astimezone(WIB)
        path = f"/bandung/{local:%Y/%m/%d}/{_slug(base.title)}-{i + 1}"
        story = Story(path, base.title, when, base.paragraphs, parts)
        stories.append(story)
        chunks = _chunks(story)
        full = _page(outlet, story, story.paragraphs, canonical=f"{{{{BASE}}}}{path}")
        _write(root, f"{path.lstrip('/')}@page=all.html", full)
        first_nav = f'<a href="{path}?page=2">Halaman 2</a>' if parts > 1 else ""
        _write(root, f"{path.lstrip('/')}.html",
               _page(outlet, story, chunks[0], canonical=f"{{{{BASE}}}}{path}", extra_body=first_nav))
    urls = "\n".join(
        f"<url><loc>{{{{BASE}}}}{s.path}</loc><news:news><news:publication><news:name>{outlet}</news:name><news:language>id</news:language></news:publication>"
        f"<news:publication_date>{s.published.isoformat()}</news:publication_date><news:title>{html.escape(s.title)}</news:title></news:news></url>"
        for s in stories
    )
    news = ('<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
            'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">\n' + urls
            + "\n<url><loc>{{BASE}}/video/bandung/2026/11/19/cuplikan-rapat</loc></url>\n</urlset>\n")
    _write(root, "sitemap-news.xml.gz", gzip.compress(news.encode("utf-8"), mtime=0))
    old = '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>{{BASE}}/bandung/2019/01/02/arsip-lama</loc><lastmod>2019-01-02</lastmod></url></urlset>\n'
    _write(root, "sitemap-2019-01.xml", old)
    index = ('<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
             f"<sitemap><loc>{{{{BASE}}}}/sitemap-news.xml.gz</loc><lastmod>{today.isoformat()}</lastmod></sitemap>\n"
             "<sitemap><loc>{{BASE}}/sitemap-2019-01.xml</loc><lastmod>2019-01-31T00:00:00+07:00</lastmod></sitemap>\n</sitemapindex>\n")
    _write(root, "sitemap.xml", index)
    _write(root, "robots.txt", "User-agent: *\nAllow: /\nSitemap: {{BASE}}/sitemap.xml\n")
    _write(root, "index.html", f"<html><body><h1>{outlet}</h1></body></html>")
    return stories


# -- template: paged listing (regional portal) ---------------------------------------------------
def build_listing(root: Path, *, n: int, today: datetime, seed: int = 3, outlet: str = "Suara Daerah",
                  per_page: int = 3) -> list[Story]:
    """/indeks?page=N listing (dates in <time>), tag/foto/video links beside articles, /slug/2 parts."""
    rng = random.Random(seed)
    stories = []
    for i, when in enumerate(_dates(today, n)):
        parts = 2 if i % 4 == 3 else 1
        base = _story(rng, "", when, parts)
        path = f"/kota/read/{2001 + i}/{_slug(base.title, keep_case=True)}"
        story = Story(path, base.title, when, base.paragraphs, parts)
        stories.append(story)
        for seq, chunk in enumerate(_chunks(story), start=1):
            nav = f'<div class="pages"><a href="{path}/{seq + 1}">{seq + 1}</a></div>' if seq < parts else ""
            rel = path.lstrip("/") + ("" if seq == 1 else f"/{seq}") + ".html"
            _write(root, rel, _page(outlet, story, chunk, canonical=f"{{{{BASE}}}}{path}", extra_body=nav))
    pages = [stories[i : i + per_page] for i in range(0, len(stories), per_page)]
    for p, chunk in enumerate(pages, start=1):
        items = "\n".join(
            f'<li><a href="{s.path}">{html.escape(s.title)}</a> '
            f'<time datetime="{s.published.isoformat()}">{s.published:%d %b %Y}</time>'
            f' <a href="/tag/{_slug(s.title)}">#tag</a></li>'
            for s in chunk
        )
        nxt = f'<a href="/indeks?page={p + 1}">Selanjutnya</a>' if p < len(pages) else ""
        body = (f"<html><head><title>Indeks Berita - {outlet}</title></head><body><ul>{items}</ul>"
                '<aside><a href="/video/kota/read/9001/Video-Banjir">Video</a> '
                f'<a href="/foto/kota/read/9002/Galeri-Festival">Foto</a></aside>{nxt}</body></html>')
        _write(root, "indeks.html" if p == 1 else f"indeks@page={p}.html", body)
    _write(root, "robots.txt", "User-agent: *\nDisallow: /cari\n")
    _write(root, "index.html", f"<html><body><h1>{outlet}</h1></body></html>")
    return stories


# -- template: city government portal ------------------------------------------------------------
def build_portal(root: Path, *, n: int, today: datetime, seed: int = 4, outlet: str = "Portal Resmi Pemerintah Kota Kotaraya",
                 per_page: int = 4) -> list[Story]:
    """Atom feed (newest 3) + /berita/page/N listing; the listing links old /berita/lama/ID URLs that redirect."""
    rng = random.Random(seed)
    stories = []
    redirects = []
    for i, when in enumerate(_dates(today, n)):
        base = _story(rng, "", when, 1)
        sid = 3001 + i
        path = f"/berita/detail/{sid}/{_slug(base.title)}"
        story = Story(path, base.title, when, base.paragraphs, 1)
        stories.append(story)
        meta = f'<div class="meta">By Admin | {story.published:%d/%m/%Y} | Dilihat {rng.randint(40, 900)} kali</div>'
        _write(root, f"{path.lstrip('/')}.html",
               _page(outlet, story, story.paragraphs, canonical=f"{{{{BASE}}}}{path}", extra_body=meta))
        redirects.append(f"/berita/lama/{sid} {path} 301")
    _write(root, "_redirects", "\n".join(redirects) + "\n")
    pages = [stories[i : i + per_page] for i in range(0, len(stories), per_page)]
    for p, chunk in enumerate(pages, start=1):
        items = "\n".join(f'<div class="post"><a href="/berita/lama/{s.path.split("/")[3]}">{html.escape(s.title)}</a></div>'
                          for s in chunk)
        nxt = f'<a rel="next" href="/berita/page/{p + 1}">&raquo;</a>' if p < len(pages) else ""
        _write(root, "berita.html" if p == 1 else f"berita/page/{p}.html",
               f"<html><body><h2>Berita</h2>{items}<nav>{nxt}</nav></body></html>")
    entries = "\n".join(
        f'<entry><title>{html.escape(s.title)}</title><link rel="alternate" href="{{{{BASE}}}}{s.path}"/>'
        f"<published>{s.published.isoformat()}</published><id>{{{{BASE}}}}{s.path}</id></entry>"
        for s in stories[:3]
    )
    atom = f'<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"><title>{outlet}</title>\n{entries}\n</feed>\n'
    _write(root, "feed.atom", atom)
    _write(root, "robots.txt", "User-agent: *\nAllow: /\n")
    _write(root, "index.html", f"<html><body><h1>{outlet}</h1></body></html>")
    return stories


BUILDERS: dict[str, Callable[..., list[Story]]] = {"rss": build_rss, "sitemap": build_sitemap, "listing": build_listing,
                                                   "portal": build_portal}


def source_entry(template: str, name: str, base: str, **extra: object) -> dict[str, object]:
    """The [[sources]] entry that crawls a ``template`` site served at ``base`` (http://127.0.0.x:port)."""
    host = base.split("//", 1)[1].split(":", 1)[0]
    port_re = base.split("//", 1)[1].replace(".", r"\.")
    entry: dict[str, object] = {"name": name, "home": base + "/", "allowed_domains": [host], "region": "Banten"}
    if template == "rss":
        entry.update(feeds=[base + "/rss/terkini.xml"], article_pattern=rf"^http://{port_re}/berita/\d+/")
    elif template == "sitemap":
        entry.update(sitemaps=[base + "/sitemap.xml"],
                     article_pattern=rf"^http://{port_re}/(?:[\w-]+/)?bandung/\d{{4}}/\d\d/\d\d/", view_all_param="page=all")
    elif template == "listing":
        entry.update(start_urls=[base + "/indeks"], article_pattern=rf"^http://{port_re}/[\w-]+/read/\d+/")
    elif template == "portal":
        entry.update(feeds=[base + "/feed.atom"], start_urls=[base + "/berita"],
                     article_pattern=rf"^http://{port_re}/berita/(?:detail|lama)/\d+")
    else:
        raise ValueError(f"unknown template {template!r}")
    entry.update(extra)
    return entry


def build_fixtures(root: Path = FIXTURE_ROOT) -> dict[str, list[Story]]:
    """(Re)render the committed fixture sites under tests/sites/crawler/."""
    return {t: BUILDERS[t](root / t, n=FIXTURE_SIZES[t], today=FIXTURE_TODAY) for t in BUILDERS}


def fixture_stories() -> dict[str, list[Story]]:
    """The stories of the committed fixture sites, rendered into a throwaway folder (same seeds)."""
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        return build_fixtures(Path(tmp))


if __name__ == "__main__":
    build_fixtures()
    print(f"fixtures written under {FIXTURE_ROOT} at {datetime.now(UTC):%Y-%m-%d %H:%M}Z")  # noqa: T201
