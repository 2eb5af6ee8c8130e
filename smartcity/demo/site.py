"""The bundled offline demo: three outlets of our own writing rendered as static sites.

A news agency (RSS), a regional WordPress-style portal (``/feed/``, republishing agency pieces
with its own boilerplate) and a city government portal (news sitemap + paged listing). Dates are
relative to ``today`` so the weekly digest always has a reported week and a week before it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from importlib import resources
from pathlib import Path
from typing import cast
from zoneinfo import ZoneInfo

from jinja2 import Environment

JAKARTA = ZoneInfo("Asia/Jakarta")
HARI = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]
BULAN = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November",
         "Desember"]


@dataclass(frozen=True)
class Outlet:
    """One demo outlet: its key, display name and the source entry the demo crawls it with."""

    key: str
    name: str
    region: str


OUTLETS = (
    Outlet("kabarnusa", "Kabar Nusantara", "nasional"),
    Outlet("wartapriangan", "Warta Priangan", "Jawa Barat"),
    Outlet("pemkot", "Portal Resmi Pemerintah Kota Madiun", "Jawa Timur"),
)

_PAGE = """<!DOCTYPE html>
<html lang="id"><head><meta charset="utf-8">
<title>{{ a.title }} - {{ outlet.name }}</title>
<link rel="canonical" href="{{ a.url }}">
<meta property="og:title" content="{{ a.title }}">
<meta property="og:site_name" content="{{ outlet.name }}">
<meta name="author" content="{{ a.author }}">
<meta property="article:published_time" content="{{ a.iso }}">
<script type="application/ld+json">{{ a.jsonld }}</script>
</head><body>
<header><nav><a href="/">Beranda</a> | <a href="/">Nasional</a> | <a href="/">Daerah</a> | <a href="/">Ekonomi</a> | \
<a href="/">Olahraga</a></nav></header>
<main><article>
<h1>{{ a.title }}</h1>
{% if outlet.key == 'pemkot' %}<div class="meta">By {{ a.author }} | {{ a.human_date }} | Dilihat 214 kali</div>
{% else %}<div class="meta">{{ a.author }} - {{ outlet.name }} | {{ a.human_date }}</div>{% endif %}
<div class="content">
{% for p in a.paragraphs %}<p>{% if loop.first %}{{ a.lead }}{% endif %}{{ p }}</p>
{% if loop.index == 2 and outlet.key == 'wartapriangan' %}<p><strong>Baca juga:</strong> \
<a href="/">Harga Cabai Rawit di Pasar Ciawi Turun Jelang Akhir Pekan</a></p>{% endif %}
{% if loop.index == 3 and outlet.key == 'kabarnusa' %}<div class="ads">ADVERTISEMENT</div>{% endif %}
{% endfor %}
{% if a.origin %}<p>Artikel ini telah tayang di {{ a.origin }}.</p>{% endif %}
{% if outlet.key == 'kabarnusa' %}<p class="credit">Pewarta: {{ a.author }}<br>Editor: Hendra Gunawan</p>{% endif %}
</div>
{% if outlet.key == 'wartapriangan' %}<div class="share">Bagikan: Facebook Twitter WhatsApp</div>\
<div class="comments">Tulis komentar Anda di bawah ini</div>{% endif %}
</article>
<aside><h3>Terpopuler</h3><ul>{% for r in related %}<li><a href="{{ r.path }}">{{ r.title }}</a></li>{% endfor %}</ul></aside>
</main>
<footer><p>COPYRIGHT &copy; {{ year }} {{ outlet.name }}. Dilarang mengutip tanpa izin.</p></footer>
</body></html>
"""

_RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>{{ outlet.name }}</title><link>{{ base }}/</link>
<description>Berita terkini {{ outlet.name }}</description>
{% for a in items %}<item><title>{{ a.title }}</title><link>{{ a.url }}</link><guid>{{ a.url }}</guid>
<pubDate>{{ a.rfc822 }}</pubDate><description>{{ a.paragraphs[0][:160] }}</description></item>
{% endfor %}</channel></rss>
"""

_NEWS_SITEMAP = """<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
{% for a in items %}<url><loc>{{ a.url }}</loc><lastmod>{{ a.iso }}</lastmod>
<news:news><news:publication><news:name>{{ outlet.name }}</news:name><news:language>id</news:language></news:publication>
<news:publication_date>{{ a.iso }}</news:publication_date><news:title>{{ a.title }}</news:title></news:news></url>
{% endfor %}</urlset>
"""

_LISTING = """<!DOCTYPE html><html lang="id"><head><meta charset="utf-8"><title>Berita - {{ outlet.name }}</title></head>
<body><h1>Berita</h1><ul>{% for a in items %}<li><a href="{{ a.path }}">{{ a.title }}</a> \
<span>{{ a.human_date }}</span></li>{% endfor %}</ul>
{% if next_page %}<a class="next" rel="next" href="/berita?page={{ next_page }}">Selanjutnya</a>{% endif %}</body></html>
"""


def load_articles() -> list[dict[str, object]]:
    """The demo articles as written in ``articles.json`` (our own texts)."""
    text = resources.files("smartcity.demo").joinpath("articles.json").read_text(encoding="utf-8")
    return list(json.loads(text))


def _path(outlet: str, art: dict[str, object], when: datetime, *, slug: str) -> str:
    if outlet == "kabarnusa":
        return f"/berita/{art['id']}/{slug}"
    if outlet == "wartapriangan":
        return f"/{when:%Y/%m/%d}/{slug}/"
    return f"/berita/detail/{art['id']}/{slug}"


def _lead(outlet: str, dateline: str) -> str:
    if outlet == "kabarnusa":
        return f"{dateline.upper()} (KABARNUSA) - "
    if outlet == "wartapriangan":
        return f"WARTAPRIANGAN.COM, {dateline.upper()} - "
    return f"{dateline} - "


def source_entries(bases: dict[str, str]) -> list[dict[str, object]]:
    """The demo outlets as [[sources]] entries for the crawler (loopback hosts are allowed because configured)."""
    out: list[dict[str, object]] = []
    for o in OUTLETS:
        base = bases[o.key]
        host = base.split("//", 1)[1].split(":", 1)[0]
        entry: dict[str, object] = {"name": f"demo-{o.key}", "home": base + "/", "region": o.region, "allowed_domains": [host]}
        if o.key == "kabarnusa":
            entry |= {"feeds": [base + "/rss/terkini.xml"], "article_pattern": "^" + base + r"/berita/\d+/"}
        elif o.key == "wartapriangan":
            entry |= {"feeds": [base + "/feed.xml"], "article_pattern": "^" + base + r"/\d{4}/\d{2}/\d{2}/[\w-]+/?$"}
        else:
            entry |= {"sitemaps": [base + "/sitemap-news.xml"], "start_urls": [base + "/berita"],
                      "article_pattern": "^" + base + r"/berita/detail/\d+/"}
        out.append(entry)
    return out


def build_site(root: Path, bases: dict[str, str], *, today: date | None = None) -> dict[str, int]:
    """Render every outlet under ``root/<outlet>/``; ``bases`` maps outlet key to its base URL."""
    env = Environment(autoescape=True, keep_trailing_newline=True)
    page_t, rss_t, map_t, list_t = (env.from_string(t) for t in (_PAGE, _RSS, _NEWS_SITEMAP, _LISTING))
    today = today or datetime.now(JAKARTA).date()
    # Anchor the stories on the Sunday that ends the last complete ISO week, so `days_ago` 1-7 fall in
    # the week the digest reports by default and 8-14 in the week it is compared with.
    anchor = today - timedelta(days=today.weekday() + 1)
    per_outlet: dict[str, list[dict[str, object]]] = {o.key: [] for o in OUTLETS}
    for art in load_articles():
        when = datetime.combine(anchor - timedelta(days=int(art["days_ago"]) - 1), time(int(art["hour"]), 5), JAKARTA)  # type: ignore[call-overload]
        syndicated = cast("list[object]", art.get("syndicate_to", []))  # outlet keys in articles.json
        copies: list[tuple[str, str | None]] = [(str(art["outlet"]), None)] + [(str(o), "Kabar Nusantara") for o in syndicated]
        for n, (key, origin) in enumerate(copies):
            stamp = when + timedelta(hours=3 * n)
            slug = str(art["slug"]) if n == 0 else f"{art['slug']}-{key}"
            path = _path(key, art, stamp, slug=slug)
            url = bases[key] + path
            title = str(art["title"]) if n == 0 else f"{art['title']}, Begini Penjelasannya"
            per_outlet[key].append(
                {
                    "title": title, "url": url, "path": path, "author": art["author"], "origin": origin,
                    "paragraphs": art["paragraphs"], "lead": _lead(key, str(art["dateline"])),
                    "iso": stamp.isoformat(), "rfc822": stamp.strftime("%a, %d %b %Y %H:%M:%S +0700"),
                    "human_date": f"{HARI[stamp.weekday()]}, {stamp.day} {BULAN[stamp.month - 1]} {stamp.year} {stamp:%H:%M} WIB",
                    "jsonld": json.dumps({"@context": "https://schema.org", "@type": "NewsArticle", "headline": title,
                                          "datePublished": stamp.isoformat(),
                                          "author": {"@type": "Person", "name": art["author"]}}),
                }
            )
    counts = {}
    for outlet in OUTLETS:
        items = sorted(per_outlet[outlet.key], key=lambda a: str(a["iso"]), reverse=True)
        base_dir = root / outlet.key
        base_dir.mkdir(parents=True, exist_ok=True)
        (base_dir / "robots.txt").write_text("User-agent: *\nDisallow: /admin/\n", encoding="utf-8")
        (base_dir / "index.html").write_text(list_t.render(outlet=outlet, items=items, next_page=None), encoding="utf-8")
        for a in items:
            related = [r for r in items if r is not a][:4]
            target = base_dir / str(a["path"]).strip("/")
            target = target / "index.html"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(page_t.render(a=a, outlet=outlet, related=related, year=today.year), encoding="utf-8")
        if outlet.key == "kabarnusa":
            (base_dir / "rss").mkdir(exist_ok=True)
            (base_dir / "rss" / "terkini.xml").write_text(rss_t.render(outlet=outlet, items=items, base=bases[outlet.key]),
                                                          encoding="utf-8")
        elif outlet.key == "wartapriangan":
            (base_dir / "feed.xml").write_text(rss_t.render(outlet=outlet, items=items, base=bases[outlet.key]), encoding="utf-8")
        else:
            (base_dir / "sitemap-news.xml").write_text(map_t.render(outlet=outlet, items=items), encoding="utf-8")
            pages = [items[i : i + 3] for i in range(0, len(items), 3)]
            for n, chunk in enumerate(pages, start=1):
                html = list_t.render(outlet=outlet, items=chunk, next_page=n + 1 if n < len(pages) else None)
                # the demo server maps "/berita?page=2" to the file "berita@page=2.html"
                (base_dir / ("berita.html" if n == 1 else f"berita@page={n}.html")).write_text(html, encoding="utf-8")
        counts[outlet.key] = len(items)
    return counts
