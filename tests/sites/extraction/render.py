# ruff: noqa: E501  (long data strings and HTML templates read better unbroken)
"""Render our article texts into outlet-shaped HTML fixtures and write ``expected.json``.

Run ``python tests/sites/extraction/render.py`` after editing ``content.py``; the pages and the
expected fields are committed. Templates mimic the markup conventions of real outlet types
(ANTARA national/regional, detik, Kompas, Tribun, Liputan6, CNN, Republika, Tempo, a WordPress
regional portal, a ``.go.id`` portal) with their clutter; all text is ours.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from datetime import UTC, datetime, timedelta, timezone
from html import escape
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import clutter as c  # noqa: E402
from content import ARTICLES, DOUBLE, ENGLISH  # noqa: E402

ZONES = {"WIB": 7, "WITA": 8, "WIT": 9}
DAYS = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]
MONTHS = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"]
MON_ID = ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"]
MON_EN = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
EDITORS = ["Agus Salim", "Dewi Kartika", "Budi Hartono", "Maria Ulfah", "Rizal Fahmi", "Yuni Astuti"]
TODAY_BAR = "Jumat, 27 November 2026"  # header "today" bars: a date that must never be taken


def when(a: dict) -> datetime:
    naive = datetime.fromisoformat(str(a["date"]))
    return naive.replace(tzinfo=timezone(timedelta(hours=ZONES[str(a["zone"])])))


def in_zone(dt: datetime, zone: str) -> datetime:
    return dt.astimezone(timezone(timedelta(hours=ZONES[zone])))


def fmt_long(dt: datetime, zone: str, *, jumat: str = "Jumat") -> str:
    d = in_zone(dt, zone)
    day = DAYS[d.weekday()].replace("Jumat", jumat)
    return f"{day}, {d.day} {MONTHS[d.month - 1]} {d.year} {d:%H:%M} {zone}"


def fmt_short(dt: datetime, zone: str) -> str:
    d = in_zone(dt, zone)
    return f"{DAYS[d.weekday()]}, {d.day:02d} {MON_ID[d.month - 1]} {d.year} {d:%H:%M} {zone}"


def base(a: dict) -> str:
    return f"https://{a['host']}"


def url(a: dict) -> str:
    return f"https://{a['host']}{a['path']}"


def paragraphs(paras: list[str], first_prefix: str, inserts: dict[int, str], *, br: bool = False) -> str:
    out = []
    for i, p in enumerate(paras):
        text = (first_prefix if i == 0 else "") + escape(p)
        out.append(f"{text}<br><br>" if br else f"<p>{text}</p>")
        if i in inserts:
            out.append(inserts[i])
    return "\n".join(out)


def head(a: dict, *, title_suffix: str, site: str, extra: str = "", lang: str = "id") -> str:
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8">'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(str(a['title']))}{title_suffix}</title>"
        f'<meta name="description" content="{escape(str(a["paras"][0])[:150])}">'
        f'<meta property="og:title" content="{escape(str(a["title"]))}">'
        f'<meta property="og:type" content="article"><meta property="og:url" content="{url(a)}">'
        f'<meta property="og:site_name" content="{escape(site)}">'
        f'<link rel="canonical" href="{url(a)}">{extra}{c.style()}{c.scripts(site, c.rng_for(str(a["id"])))}</head>'
    )


def news_ld(a: dict, *, publisher: str, date: str | None, author: object = None) -> str:
    obj: dict[str, object] = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": a["title"],
                              "mainEntityOfPage": {"@type": "WebPage", "@id": url(a)},
                              "publisher": {"@type": "Organization", "name": publisher, "logo": {"@type": "ImageObject", "url": base(a) + "/logo.png"}},
                              "image": [base(a) + "/img/utama.jpg"]}
    if date:
        obj["datePublished"] = date
        obj["dateModified"] = date
    if author:
        obj["author"] = author
    return c.jsonld(obj)


# ------------------------------------------------------------------------------------------ templates
def antara(a: dict, *, regional: bool = False, double: bool = False, english: bool = False) -> tuple[list[str], list[str]]:
    rng = c.rng_for(str(a["id"]))
    dt = when(a)
    zone = str(a["zone"])
    mode = a.get("date_mode", "jsonld")
    site = "ANTARA News" + (f" {str(a['host']).split('.')[0].title()}" if regional else "")
    if english:
        site = "ANTARA News"
    rel = c.picks(rng, 8)
    extra = ""
    ld_date = dt.isoformat() if mode == "jsonld" else None
    if mode == "meta_naive":
        extra += f'<meta property="article:published_time" content="{in_zone(dt, zone):%Y-%m-%d %H:%M:%S}">'
    extra += news_ld(a, publisher=site, date=ld_date, author={"@type": "Person", "name": a["author"]})
    place = str(a["place"])
    prefix = f"{place.upper() if not regional else place} (ANTARA) - "
    baca = f'<p>Baca juga: <a href="{base(a)}/berita/1/{c.slug(rel[0])}">{escape(rel[0])}</a></p>'
    baca2 = f'<p><strong>Baca juga: </strong><a href="{base(a)}/berita/2/{c.slug(rel[1])}">{escape(rel[1])}</a></p>'
    editor = rng.choice(EDITORS)
    year = dt.year
    credit = f'<p class="text-muted mt-2 small">Pewarta: {escape(str(a["author"]))}<br>Editor: {editor}<br>COPYRIGHT © ANTARA {year}</p>'
    inserts = {1: baca, 2: baca2}
    body_paras = list(a["paras"])  # type: ignore[arg-type]
    body = paragraphs(body_paras, escape(prefix), inserts)
    if double:
        body = body + "\n" + f"<p>COPYRIGHT © ANTARA {year}</p>\n" + body + "\n" + f"<p>COPYRIGHT © ANTARA {year}</p>"
        credit = f'<p class="text-muted mt-2 small">Pewarta: {escape(str(a["author"]))}<br>Editor: {editor}</p>'
    shown = fmt_long(dt, zone) if not english else f"{dt:%A, %B} {dt.day}, {dt.year} {dt:%H:%M} WIB"
    html = (
        head(a, title_suffix=" - ANTARA News", site=site, extra=extra, lang="en" if english else "id")
        + f'<body><header class="header"><div class="topbar"><span class="date">{TODAY_BAR}</span></div>'
        + f'<a class="logo" href="{base(a)}">{escape(site)}</a>{c.nav(base(a))}</header>'
        + '<main class="container"><div class="row"><div class="col-md-8">'
        + f'<ul class="breadcrumb"><li><a href="{base(a)}">Beranda</a></li><li>Berita</li></ul>'
        + f'<div class="wrap__article-detail"><h1 class="wrap__article-detail-title">{escape(str(a["title"]))}</h1>'
        + f'<div class="wrap__article-detail-info"><ul><li><span class="text-secondary">{escape(shown)}</span></li></ul></div>'
        + f'<figure><img src="{base(a)}/img/utama.jpg" alt=""><figcaption>Suasana kegiatan di lokasi. ANTARA/{escape(rng.choice(EDITORS))}</figcaption></figure>'
        + f'<div class="wrap__article-detail-content post-content">{body}{credit}</div>'
        + '<div class="tags"><span>Tag:</span> <a>kota cerdas</a> <a>pemerintah daerah</a></div>'
        + c.share_bar()
        + c.link_list(base(a), "Berita Terkait", rel[2:6], "related-news")
        + "</div></div>"
        + '<aside class="col-md-4 sidebar">' + c.link_list(base(a), "Terpopuler", rel[6:8] + c.picks(rng, 3), "popular") + "</aside>"
        + "</div></main>"
        + c.footer(base(a), f"Copyright © {year} ANTARA. Dilarang keras mengambil konten, melakukan crawling atau pengindeksan otomatis.")
        + "</body></html>"
    )
    without = ["Baca juga", rel[0], rel[1], rel[2], "Pewarta:", "Editor:", "COPYRIGHT", "(ANTARA)", "Terpopuler", "Pedoman Media Siber", "Dilarang keras"]
    if english:
        without = [w for w in without if w not in ("Baca juga",)]
    return [html], without


def detik(a: dict) -> tuple[list[str], list[str]]:
    rng = c.rng_for(str(a["id"]))
    dt = when(a)
    zone = str(a["zone"])
    rel = c.picks(rng, 9)
    extra = ""
    if zone == "WIB":
        extra += f'<meta name="dtk:publishdate" content="{dt:%Y/%m/%d %H:%M:%S}"><meta name="publishdate" content="{dt:%Y/%m/%d %H:%M:%S}">'
    extra += f'<meta name="author" content="{escape(str(a["author"]))}">'
    prefix = f"<strong>{escape(str(a['place']))}</strong> - "
    sisip = (f'<table class="linksisip"><tr><td><div class="lihatjg"><strong>Baca juga:</strong> '
             f'<a href="{base(a)}/d-1/{c.slug(rel[0])}">{escape(rel[0])}</a></div></td></tr></table>')
    ads = '<div class="parallaxindetail scrollpage"><div class="ads-label">ADVERTISEMENT</div><div class="ads-scrollpage-top"><span>SCROLL TO CONTINUE WITH CONTENT</span></div></div>'
    paras = list(a["paras"])  # type: ignore[arg-type]
    body = paragraphs(paras[:-1], prefix, {0: sisip, 1: ads})
    body += f"\n<p>{escape(paras[-1])}</p>\n<p><strong>(rdp/imk)</strong></p>"
    html = (
        head(a, title_suffix=" - detikNews" if "news." in str(a["host"]) else " - detik.com", site="detikcom", extra=extra)
        + f'<body><header class="header"><div class="header__date">{TODAY_BAR}</div>{c.nav(base(a), "nav nav--column")}</header>'
        + '<div class="container"><article class="detail">'
        + f'<div class="detail__header"><h1 class="detail__title">{escape(str(a["title"]))}</h1>'
        + f'<div class="detail__author">{escape(str(a["author"]))} - detikNews</div>'
        + f'<div class="detail__date">{fmt_short(dt, zone)}</div></div>'
        + f'<div class="detail__media"><figure><img src="{base(a)}/foto.jpg"><figcaption class="detail__media-caption">Foto: dok. istimewa</figcaption></figure></div>'
        + f'<div class="detail__body itp_bodycontent_wrapper"><div class="detail__body-text itp_bodycontent">{body}</div>'
        + '<div class="detail__body-tag"><a>pemerintah kota</a> <a>layanan publik</a></div></div>'
        + c.share_bar() + c.comment_box()
        + c.link_list(base(a), "Berita Terkait", rel[1:5], "list-content terkait")
        + "</article>"
        + '<div class="sidebar">' + c.link_list(base(a), "Berita Terpopuler", rel[5:9], "box-populer") + "</div></div>"
        + c.footer(base(a), "Copyright @ 2026 detikcom. All right reserved")
        + "</body></html>"
    )
    return [html], ["Baca juga", rel[0], rel[1], "ADVERTISEMENT", "SCROLL TO CONTINUE", "(rdp/imk)", "Komentar", "Berita Terpopuler", "All right reserved"]


def kompas(a: dict, idx: int) -> tuple[list[str], list[str]]:
    rng = c.rng_for(str(a["id"]))
    dt = when(a)
    rel = c.picks(rng, 8)
    wib = in_zone(dt, "WIB")
    extra = f'<meta name="content_PublishedDate" content="{wib:%Y-%m-%d %H:%M:%S}"><meta name="content_author" content="{escape(str(a["author"]))}">'
    if idx % 2 == 0:
        extra += news_ld(a, publisher="KOMPAS.com", date=dt.isoformat(), author=[{"@type": "Person", "name": a["author"]}])
    no_place = a.get("dateline_style") == "outlet_only"
    prefix = "<strong>KOMPAS.com</strong> - " if no_place else f"<strong>{escape(str(a['place']).upper())}, KOMPAS.com</strong> - "
    baca = f'<p><strong>Baca juga: <a href="{base(a)}/read/1/{c.slug(rel[0])}">{escape(rel[0])}</a></strong></p>'
    baca2 = f'<p><strong>Baca juga: <a href="{base(a)}/read/2/{c.slug(rel[1])}">{escape(rel[1])}</a></strong></p>'
    body = paragraphs(list(a["paras"]), prefix, {0: baca, 2: baca2})  # type: ignore[arg-type]
    wa = ('<p><i>Simak breaking news dan berita pilihan kami langsung di ponselmu. Pilih saluran andalanmu akses berita '
          'Kompas.com WhatsApp Channel : https://whatsapp.com/channel/kompas. Pastikan kamu sudah install aplikasi WhatsApp ya.</i></p>')
    html = (
        head(a, title_suffix=" - Kompas.com", site="KOMPAS.com", extra=extra)
        + f'<body><div class="header"><div class="header__top">{c.nav(base(a))}</div></div>'
        + '<div class="container clearfix"><div class="col-bs10-7">'
        + f'<h1 class="read__title">{escape(str(a["title"]))}</h1>'
        + f'<div class="read__time">Kompas.com - {wib:%d/%m/%Y}, {wib:%H:%M} WIB</div>'
        + f'<div class="credit-title-name"><h6>Penulis</h6><a>{escape(str(a["author"]))}</a></div>'
        + f'<div class="photo"><img src="{base(a)}/foto.jpg"><div class="photo__caption">Ilustrasi kegiatan. (KOMPAS.com/{escape(str(a["author"]))})</div></div>'
        + f'<div class="read__content"><div class="clearfix">{body}{wa}</div></div>'
        + f'<div class="read__credit">Penulis: {escape(str(a["author"]))} | Editor: {rng.choice(EDITORS)}</div>'
        + '<div class="tag"><h3>Tag</h3><ul><li><a>kota pintar</a></li><li><a>pelayanan publik</a></li></ul></div>'
        + c.share_bar()
        + c.link_list(base(a), "Berita Terkait", rel[2:5], "related")
        + "</div>"
        + '<div class="col-bs10-3 sidebar">' + c.link_list(base(a), "Terpopuler", rel[5:8], "most") + "</div></div>"
        + c.footer(base(a), "Copyright 2008 - 2026 PT. Kompas Cyber Media (Kompas Gramedia Digital Group). All Rights Reserved.")
        + "</body></html>"
    )
    return [html], ["Baca juga", rel[0], rel[1], "KOMPAS.com", "WhatsApp Channel", "Penulis:", "Terpopuler", "Kompas Cyber Media"]


def tribun(a: dict) -> tuple[list[str], list[str]]:
    rng = c.rng_for(str(a["id"]))
    dt = when(a)
    zone = str(a["zone"])
    brand = str(a["brand"])
    rel = c.picks(rng, 9)
    site = brand.title().replace(".Com", ".com").replace(".Id", ".id")
    editor = rng.choice(EDITORS)
    ld = news_ld(a, publisher=site, date=dt.isoformat(), author={"@type": "Person", "name": editor})
    ld = ld.replace('"NewsArticle",', '"NewsArticle", "isAccessibleForFree": "True",')
    laporan = f"<p><strong>Laporan Wartawan {site}, {escape(str(a['author']))}</strong></p>"
    prefix = f"<strong>{escape(brand)}, {escape(str(a['place']).upper())}</strong> - "
    paras = list(a["paras"])  # type: ignore[arg-type]
    n_pages = int(a.get("pages", 1))  # type: ignore[call-overload]
    per = -(-len(paras) // n_pages)
    chunks = [paras[i : i + per] for i in range(0, len(paras), per)]
    pages = []
    for k, chunk in enumerate(chunks, start=1):
        baca = f'<p><strong>Baca juga: <a href="{base(a)}/{k}/{c.slug(rel[k - 1])}">{escape(rel[k - 1])}</a></strong></p>'
        if k == 1:
            body = laporan + paragraphs(chunk, prefix, {0: baca})
        else:
            body = laporan + f"<p>{escape(paras[0])}</p>" + paragraphs(chunk, "", {0: baca})
        if n_pages > 1:
            links = " ".join(f'<a href="{url(a)}?page={j}">{j}</a>' for j in range(1, n_pages + 1))
            nxt = f'<a href="{url(a)}?page={k + 1}">Selanjutnya</a>' if k < n_pages else ""
            body += f'<div class="paging">Halaman {k}/{n_pages}</div><div class="pagination">{links} {nxt}</div>'
        if k == n_pages:
            body += (f"<p>Artikel ini telah tayang di {site} dengan judul {escape(str(a['title']))}</p>"
                     f"<p>Penulis: {escape(str(a['author']))} | Editor: {editor}</p>")
        html = (
            head(a, title_suffix=f" - {site}", site=site, extra=ld + f'<meta name="author" content="{escape(site)}">')
            + f'<body><div id="header" class="header">{c.nav(base(a))}</div>'
            + '<div class="main"><div id="article" class="fl w677">'
            + f'<h1 id="arttitle">{escape(str(a["title"]))}</h1>'
            + f'<div class="mt10"><time class="grey">{fmt_long(dt, zone)}</time></div>'
            + f'<div class="mt10 f14 credit">Penulis: <a>{escape(str(a["author"]))}</a> | Editor: <a>{editor}</a></div>'
            + f'<div class="side-article txt-article mb20">{body}</div>'
            + '<div class="tagcloud3"><a>#kotapintar</a> <a>#layananpublik</a></div>'
            + '<p class="gn">Ikuti kami di Google News</p>'
            + c.share_bar() + c.comment_box()
            + c.link_list(base(a), "Berita Terkait", rel[3:6], "terkait")
            + "</div>"
            + '<div id="right" class="sidebar">' + c.link_list(base(a), "Populer", rel[6:9], "populer") + "</div></div>"
            + c.footer(base(a), f"Copyright © {dt.year} Tribunnews.com. All Rights Reserved.")
            + "</body></html>"
        )
        pages.append(html)
    without = ["Laporan Wartawan", "Baca juga", rel[0], brand, "Artikel ini telah tayang", "Ikuti kami", "Tulis komentar", "All Rights Reserved"]
    if n_pages > 1:
        without += [f"Halaman 1/{n_pages}", "Selanjutnya"]
    return pages, without


def liputan6(a: dict) -> tuple[list[str], list[str]]:
    rng = c.rng_for(str(a["id"]))
    dt = when(a)
    zone = str(a["zone"])
    rel = c.picks(rng, 8)
    local = in_zone(dt, zone)
    extra = f'<meta property="article:published_time" content="{dt.isoformat()}"><meta name="author" content="{escape(str(a["author"]))}">'
    prefix = f"<strong>Liputan6.com, {escape(str(a['place']))} - </strong>"
    ads = '<div class="advertisement-placeholder"><div class="advertisement-text">Advertisement</div></div>'
    baca = ('<div class="baca-juga-collections"><div class="baca-juga-collections__title">Baca Juga</div><ul>'
            + "".join(f'<li><a href="{base(a)}/read/{i}/{c.slug(h)}">{escape(h)}</a></li>' for i, h in enumerate(rel[:3]))
            + "</ul></div>")
    paras = list(a["paras"])  # type: ignore[arg-type]
    body = paragraphs(paras, prefix, {0: ads, 1: baca})
    body += "<p><strong>Simak juga video pilihan berikut ini:</strong></p>"
    html = (
        head(a, title_suffix=" - Regional Liputan6.com", site="liputan6.com", extra=extra)
        + f'<body><header class="navbar">{c.nav(base(a))}</header><div class="container"><article class="read-page--top-media">'
        + f'<h1 class="read-page--header--title entry-title">{escape(str(a["title"]))}</h1>'
        + f'<div class="read-page--header--author"><a class="read-page--header--author__link">{escape(str(a["author"]))}</a>'
        + f'<time class="read-page--header--author__datetime" datetime="{dt.isoformat()}">{local.day:02d} {MON_ID[local.month - 1]} {local.year}, {local:%H:%M} {zone}</time></div>'
        + f'<div class="article-content-body"><div class="article-content-body__item-content">{body}</div></div>'
        + c.share_bar()
        + c.link_list(base(a), "Berita Terkait", rel[3:6], "related-articles")
        + "</article>"
        + '<aside class="sidebar">' + c.link_list(base(a), "Terpopuler", rel[6:8], "popular") + "</aside></div>"
        + c.footer(base(a), "© 2026 Liputan6.com, KLY KapanLagi Youniverse. All Rights Reserved.")
        + "</body></html>"
    )
    return [html], ["Liputan6.com", "Advertisement", "Baca Juga", rel[0], rel[1], "Simak juga video", "Terpopuler"]


def cnn(a: dict) -> tuple[list[str], list[str]]:
    rng = c.rng_for(str(a["id"]))
    dt = when(a)
    rel = c.picks(rng, 8)
    wib = in_zone(dt, "WIB")
    extra = (f'<meta name="publishdate" content="{wib:%Y/%m/%d %H:%M:%S}"><meta name="author" content="CNN Indonesia">'
             + news_ld(a, publisher="CNN Indonesia", date=None, author={"@type": "Organization", "name": "CNN Indonesia"}))
    prefix = "<strong>Jakarta, CNN Indonesia</strong> -- " if a["place"] == "Jakarta" else f"<strong>{escape(str(a['place']))}, CNN Indonesia</strong> -- "
    ads = '<div class="paradetail"><div class="ads-text">ADVERTISEMENT</div><div class="scroll-text">SCROLL TO RESUME CONTENT</div></div>'
    baca = f'<div class="linksisip"><strong>Baca juga:</strong> <a href="{base(a)}/x">{escape(rel[7])}</a></div>'
    paras = list(a["paras"])  # type: ignore[arg-type]
    body = paragraphs(paras[:-1], prefix, {1: ads, 2: baca})
    body += f"<p>{escape(paras[-1])}</p><p><strong>(ryn/gil)</strong></p><p><span>[Gambas:Video CNN]</span></p>"
    html = (
        head(a, title_suffix=" - CNN Indonesia", site="CNN Indonesia", extra=extra)
        + f'<body><header class="header">{c.nav(base(a))}</header><div class="container"><div class="content-detail">'
        + f'<h1 class="mb-2 text-[28px] leading-9 text-cnn_black">{escape(str(a["title"]))}</h1>'
        + f'<div class="text-cnn_grey text-sm mb-4">CNN Indonesia</div><div class="text-cnn_grey text-sm mb-4">{fmt_short(dt, "WIB")}</div>'
        + f'<div class="detail-image"><img src="{base(a)}/foto.jpg"><div class="text-xs">Ilustrasi. (CNN Indonesia/Safir Makki)</div></div>'
        + f'<div class="detail-wrap flex gap-4 relative"><div class="detail-text text-cnn_black text-sm grow min-w-0">{body}</div></div>'
        + c.share_bar()
        + c.link_list(base(a), "Berita Terkait", rel[:4], "related")
        + "</div>"
        + '<div class="sidebar">' + c.link_list(base(a), "Terpopuler", rel[4:8], "terpopuler") + "</div></div>"
        + c.footer(base(a), "Hak Cipta © 2026 CNN Indonesia. All rights reserved")
        + "</body></html>"
    )
    return [html], ["CNN Indonesia", "ADVERTISEMENT", "SCROLL TO RESUME CONTENT", "(ryn/gil)", "Gambas", "Terpopuler", rel[7]]


def republika(a: dict, idx: int) -> tuple[list[str], list[str]]:
    rng = c.rng_for(str(a["id"]))
    dt = when(a)
    zone = str(a["zone"])
    rel = c.picks(rng, 8)
    local = in_zone(dt, zone)
    extra = news_ld(a, publisher="Republika Online", date=dt.isoformat() if idx > 0 else None, author={"@type": "Person", "name": a["author"]})
    prefix = f"<strong>REPUBLIKA.CO.ID, {escape(str(a['place']).upper())} -- </strong>"
    baca = f'<div class="baca-juga"><span>Baca Juga</span><ul><li><a href="{base(a)}/b/1">{escape(rel[0])}</a></li><li><a href="{base(a)}/b/2">{escape(rel[1])}</a></li></ul></div>'
    body = paragraphs(list(a["paras"]), prefix, {1: baca})  # type: ignore[arg-type]
    shown = f"{DAYS[local.weekday()]} {local.day:02d} {MON_EN[local.month - 1]} {local.year} {local:%H:%M} {zone}"
    html = (
        head(a, title_suffix=" | Republika Online", site="Republika Online", extra=extra)
        + f'<body><header>{c.nav(base(a))}</header><div class="main-content"><div class="max-card__title">'
        + f'<h1>{escape(str(a["title"]))}</h1></div>'
        + f'<div class="date-detail"><span>{shown}</span></div>'
        + f'<div class="by"><span>Rep: {escape(str(a["author"]))}/ Red: {rng.choice(EDITORS)}</span></div>'
        + f'<div class="article-content">{body}</div>'
        + c.share_bar()
        + c.link_list(base(a), "Berita Lainnya", rel[2:5], "berita-lainnya")
        + "</div>"
        + '<aside class="sidebar">' + c.link_list(base(a), "Terpopuler", rel[5:8], "populer") + "</aside>"
        + c.footer(base(a), "Copyright © 2026 Republika Online, All Rights Reserved")
        + "</body></html>"
    )
    return [html], ["REPUBLIKA.CO.ID", "Rep:", "Baca Juga", rel[0], "Berita Lainnya", "All Rights Reserved"]


def tempo(a: dict) -> tuple[list[str], list[str]]:
    rng = c.rng_for(str(a["id"]))
    dt = when(a)
    zone = str(a["zone"])
    rel = c.picks(rng, 8)
    extra = news_ld(a, publisher="Tempo.co", date=dt.isoformat(), author=[{"@type": "Person", "name": a["author"]}])
    prefix = f"<strong>TEMPO.CO</strong>, <strong>{escape(str(a['place']))}</strong> - "
    pick = f'<p><strong>Pilihan Editor: <a href="{base(a)}/p/1">{escape(rel[0])}</a></strong></p>'
    body = paragraphs(list(a["paras"]), prefix, {2: pick})  # type: ignore[arg-type]
    html = (
        head(a, title_suffix=" | tempo.co", site="Tempo.co", extra=extra)
        + f'<body><header>{c.nav(base(a))}</header><main><article class="detail-artikel">'
        + f'<h1 class="title">{escape(str(a["title"]))}</h1>'
        + f'<div class="author"><span>Reporter</span> <a>{escape(str(a["author"]))}</a></div>'
        + f'<p class="date">{fmt_long(dt, zone)}</p>'
        + f'<div class="detail-konten" id="isi">{body}</div>'
        + '<div class="paywall-info">Baca berita dengan sedikit iklan, klik di sini</div>'
        + c.share_bar()
        + c.link_list(base(a), "Artikel Terkait", rel[1:4], "related")
        + "</article>"
        + '<aside class="sidebar">' + c.link_list(base(a), "Terpopuler", rel[4:8], "populer") + "</aside></main>"
        + c.footer(base(a), "© 2026 Tempo. All Rights Reserved")
        + "</body></html>"
    )
    return [html], ["TEMPO.CO", "Pilihan Editor", rel[0], "Artikel Terkait", "sedikit iklan"]


def wordpress(a: dict) -> tuple[list[str], list[str]]:
    rng = c.rng_for(str(a["id"]))
    dt = when(a)
    zone = str(a["zone"])
    mode = a.get("date_mode", "jsonld")
    brand = str(a["brand"])
    rel = c.picks(rng, 8)
    stamp = dt.astimezone(UTC).isoformat() if mode == "meta_utc" else dt.isoformat()
    graph: list[dict[str, object]] = [
        {"@type": "WebSite", "@id": base(a) + "/#website", "url": base(a) + "/", "name": brand},
        {"@type": "Organization", "@id": base(a) + "/#organization", "name": brand},
        {"@type": "WebPage", "@id": url(a), "url": url(a), "name": a["title"]},
        {"@type": "Person", "@id": base(a) + "/#/schema/person/1", "name": a["author"]},
    ]
    art: dict[str, object] = {"@type": "Article", "headline": a["title"], "author": {"name": a["author"], "@id": base(a) + "/#/schema/person/1"},
                              "publisher": {"@id": base(a) + "/#organization"}, "mainEntityOfPage": {"@id": url(a)}}
    extra = ""
    if mode != "visible":
        art["datePublished"] = stamp
        extra += f'<meta property="article:published_time" content="{stamp}">'
    graph.insert(0, art)
    extra += c.jsonld({"@context": "https://schema.org", "@graph": graph}) + '<meta name="generator" content="WordPress 6.4.2">'
    place = str(a["place"])
    styles = {
        "TangerangNews": f"<strong>{place}, TangerangNews</strong> - ",
        "BantenNews.co.id": f"<strong>{place.upper()}</strong> – ",
        "Jubi": f"<strong>{place}, Jubi</strong> – ",
        "beritajatim.com": f"<strong>{place} (beritajatim.com)</strong> – ",
    }
    prefix = styles[brand]
    baca = f'<p><strong>Baca Juga :</strong> <a href="{base(a)}/r/1">{escape(rel[0])}</a></p>'
    body = paragraphs(list(a["paras"]), prefix, {1: baca})  # type: ignore[arg-type]
    jetpack = ('<div class="sharedaddy sd-sharing-enabled"><h3 class="sd-title">Bagikan ini:</h3><ul><li><a>Klik untuk berbagi di Facebook (Membuka di jendela yang baru)</a></li>'
               '<li><a>Klik untuk berbagi ke WhatsApp (Membuka di jendela yang baru)</a></li></ul></div>'
               '<div class="sharedaddy sd-like"><h3 class="sd-title">Menyukai ini:</h3><p>Suka Memuat...</p></div>')
    shown = fmt_long(dt, zone, jumat="Jum'at")
    html = (
        head(a, title_suffix=f" - {brand}", site=brand, extra=extra)
        + '<body class="post-template-default single single-post"><div id="page" class="site"><header id="masthead" class="site-header">'
        + f'<div class="top-bar"><span class="today-date">{TODAY_BAR}</span></div>{c.nav(base(a), "main-navigation")}</header>'
        + '<div id="content" class="site-content"><div id="primary" class="content-area"><main id="main" class="site-main">'
        + '<article class="post type-post status-publish format-standard has-post-thumbnail hentry">'
        + f'<header class="entry-header"><h1 class="entry-title">{escape(str(a["title"]))}</h1>'
        + f'<div class="entry-meta"><span class="posted-on"><time class="entry-date published" datetime="{stamp if mode != "visible" else ""}">{shown}</time></span> '
        + f'<span class="byline">Oleh <span class="author vcard"><a class="url fn n">{escape(str(a["author"]))}</a></span></span></div></header>'
        + f'<div class="post-thumbnail"><img src="{base(a)}/wp-content/uploads/foto.jpg"></div>'
        + f'<div class="entry-content">{body}{jetpack}'
        + c.link_list(base(a), "Terkait", rel[1:4], "jp-relatedposts")
        + "</div>"
        + '<footer class="entry-footer"><span class="cat-links">Kategori: <a>Pemerintahan</a></span> <span class="tags-links">Tag: <a>kota pintar</a></span></footer>'
        + "</article>"
        + '<div id="comments" class="comments-area"><div id="respond" class="comment-respond"><h3 class="comment-reply-title">Tinggalkan Balasan</h3>'
        + '<p class="comment-notes">Alamat email Anda tidak akan dipublikasikan.</p></div></div>'
        + "</main></div>"
        + '<aside id="secondary" class="widget-area">' + c.link_list(base(a), "Berita Terbaru", rel[4:8], "widget widget_recent_entries") + "</aside></div>"
        + c.footer(base(a), f"Copyright © {dt.year} {brand}. Seluruh hak cipta dilindungi.")
        + "</div></body></html>"
    )
    return [html], ["Baca Juga", rel[0], "Bagikan ini", "Klik untuk berbagi", "Suka Memuat", "Tinggalkan Balasan", "Berita Terbaru", "hak cipta"]


def gov(a: dict) -> tuple[list[str], list[str]]:
    rng = c.rng_for(str(a["id"]))
    dt = when(a)
    zone = str(a["zone"])
    mode = a.get("date_mode", "visible")
    brand = str(a["brand"])
    rel = c.picks(rng, 6)
    dated = [fmt_long(dt - timedelta(days=i + 1), zone, jumat="Jum'at") for i in range(4)]
    if mode == "visible":
        shown = f'<span class="tanggal">{fmt_long(dt, zone, jumat="Jum&#39;at").rsplit(" ", 2)[0]} | {in_zone(dt, zone):%H:%M} {zone}</span> | '
    elif mode == "visible_numeric":
        shown = f'<span class="tanggal">{in_zone(dt, zone):%d/%m/%Y %H:%M}</span> | '
    else:
        shown = ""
    place = str(a["place"])
    prefix = f"<strong>{escape(place if place.startswith('Kota') else place.upper())}</strong> - " if place.startswith("Kota") else f"{escape(place.upper())} – "
    body = paragraphs(list(a["paras"]), prefix, {})  # type: ignore[arg-type]
    body = f'<p><em>Foto: Dokumentasi Diskominfo</em></p>{body}<p>Sumber: Diskominfo {escape(brand.replace("Pemerintah ", ""))}</p>'
    html = (
        f'<!DOCTYPE html>\n<html lang="id"><head><meta charset="utf-8"><title>{escape(str(a["title"]))} | {escape(brand)}</title>'
        f'<meta name="keywords" content="berita, pemerintah, {escape(brand)}">{c.style()}{c.scripts(brand, rng)}</head>'
        + f'<body><div class="header"><div class="header-date">{TODAY_BAR}</div><div class="logo">{escape(brand)}</div>{c.nav(base(a))}</div>'
        + '<div class="container"><div class="row"><div class="col-md-8"><div class="detail-berita">'
        + f'<h1 class="judul">{escape(str(a["title"]))}</h1>'
        + f'<div class="post-meta"><span class="by">By Admin</span> | {shown}<span class="views">240 Views</span></div>'
        + f'<div class="gambar"><img src="{base(a)}/uploads/berita/foto.jpg"></div>'
        + f'<div class="isi-berita">{body}</div>'
        + '<div class="share">Bagikan: <a>Facebook</a> <a>Twitter</a> <a>WhatsApp</a></div>'
        + "</div></div>"
        + '<div class="col-md-4 sidebar">' + c.link_list(base(a), "Berita Lainnya", rel[:4], "berita-lainnya", dated=dated) + "</div></div></div>"
        + c.footer(base(a), f"Hak Cipta © {dt.year} {brand}. Dikelola oleh Dinas Komunikasi dan Informatika.")
        + "</body></html>"
    )
    return [html], ["By Admin", "Views", "Foto:", "Sumber:", "Berita Lainnya", rel[0], "Hak Cipta", TODAY_BAR]


# ------------------------------------------------------------------------------------------ expected
# Outlets that print every time in WIB, wherever the story happened (national desks).
WIB_DISPLAY = ("cnn",)


def expected_date(a: dict) -> str:
    """The publication time as the page states it first: metadata offset, else the printed zone."""
    d = when(a)
    if a.get("date_mode") == "url_only":  # only the URL's day: read at midnight Asia/Jakarta
        return datetime(d.year, d.month, d.day, tzinfo=timezone(timedelta(hours=7))).isoformat()
    if a.get("date_mode") == "meta_utc":  # WordPress/Yoast metadata in UTC
        return d.astimezone(UTC).isoformat()
    if a["template"] in WIB_DISPLAY:
        return in_zone(d, "WIB").isoformat()
    return d.isoformat()


def expected_place(a: dict) -> str | None:
    return None if a.get("dateline_style") == "outlet_only" else str(a["place"])


def phrases(paras: list[str]) -> list[str]:
    first = " ".join(paras[0].split()[:7])
    mid = " ".join(paras[len(paras) // 2].split()[2:9])
    last = " ".join(paras[-1].split()[-6:])
    return [first, mid, last]


def render_one(a: dict, renderer: Callable[[dict], tuple[list[str], list[str]]], outlet: str) -> dict[str, object]:
    pages, without = renderer(a)
    files = [f"{a['id']}.html"] + [f"{a['id']}-p{k}.html" for k in range(2, len(pages) + 1)]
    for name, html in zip(files, pages, strict=True):
        (HERE / "pages" / name).write_text(html, encoding="utf-8")
    paras = list(a["paras"])  # type: ignore[arg-type]
    return {
        "id": a["id"], "file": files[0], "parts": files[1:], "url": url(a), "template": a["template"],
        "title": a["title"], "date": expected_date(a), "author": a["author"], "dateline": expected_place(a),
        "outlet": outlet, "language": "en" if a["template"] == "antara_en" else "id",
        "text": "\n".join(paras), "with": phrases(paras), "without": without,
    }


def main() -> None:
    (HERE / "pages").mkdir(exist_ok=True)
    out = []
    counters: dict[str, int] = {}
    for a in ARTICLES:
        t = str(a["template"])
        i = counters.get(t, 0)
        counters[t] = i + 1
        table: dict[str, tuple[Callable[[dict], tuple[list[str], list[str]]], str]] = {
            "antara": (antara, "ANTARA News"),
            "antara_regional": (lambda x: antara(x, regional=True), "ANTARA News " + str(a["host"]).split(".")[0].title()),
            "detik": (detik, "detikcom"),
            "kompas": (lambda x, i=i: kompas(x, i), "KOMPAS.com"),
            "tribun": (tribun, str(a.get("brand", "")).title().replace(".Com", ".com").replace(".Id", ".id")),
            "liputan6": (liputan6, "liputan6.com"),
            "cnn": (cnn, "CNN Indonesia"),
            "republika": (lambda x, i=i: republika(x, i), "Republika Online"),
            "tempo": (tempo, "Tempo.co"),
            "wordpress": (wordpress, str(a.get("brand", ""))),
            "gov": (gov, str(a["host"])),
        }
        fn, outlet = table[t]
        out.append(render_one(a, fn, outlet))
    special = [
        render_one(DOUBLE, lambda x: antara(x, regional=True, double=True), "ANTARA News Kaltim"),
        render_one(ENGLISH, lambda x: antara(x, english=True), "ANTARA News"),
    ]
    (HERE / "expected.json").write_text(json.dumps({"pages": out, "special": special}, ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"wrote {len(out)} pages + {len(special)} special pages to {HERE / 'pages'}")  # noqa: T201 - a script


if __name__ == "__main__":
    main()
