# ruff: noqa: E501  (long data strings and HTML templates read better unbroken)
"""Held-out pages: six outlet templates written after the extractor was frozen (our own text).

Unlike ``render.py``'s pages, the rules were never tuned on these; their score is the honest
estimate of how the extractor does on markup it has not seen. Run ``python
tests/sites/extraction/heldout.py`` to (re)write ``heldout/`` and ``heldout.json``.
"""

from __future__ import annotations

import json
from html import escape
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "heldout"

PAGES: list[dict[str, object]] = [
    dict(
        id="okezone-01", url="https://news.okezone.com/read/2022/10/14/340/2687711/pemkot-cimahi-uji-coba-sekolah-tanpa-kertas",
        title="Pemkot Cimahi Uji Coba Sekolah Tanpa Kertas di 12 SMP", place="Cimahi", author="Rizky Pradana", date="2022-10-14T13:20:00+07:00",
        paras=[
            "Pemerintah Kota Cimahi menguji coba konsep sekolah tanpa kertas di 12 sekolah menengah pertama negeri mulai semester ini.",
            "Tugas, ulangan dan rapor murid dikerjakan melalui platform belajar yang disiapkan dinas pendidikan, sementara sekolah mendapat tambahan perangkat dan jaringan internet.",
            "Kepala Dinas Pendidikan Kota Cimahi, Yanti Kusmayanti, mengatakan penghematan kertas dan tinta di setiap sekolah diperkirakan mencapai puluhan juta rupiah per tahun.",
            "Meski begitu, ia mengakui masih ada murid yang belum memiliki ponsel sendiri sehingga sekolah menyediakan ruang komputer yang bisa dipakai sepulang jam pelajaran.",
        ],
    ),
    dict(
        id="sindonews-01", url="https://daerah.sindonews.com/read/912233/701/warga-palu-keluhkan-antrean-solar-1668064812",
        title="Warga Palu Keluhkan Antrean Solar yang Mengular hingga Malam", place="Palu", author="Muhammad Faisal", date="2022-11-10T15:05:00+08:00",
        paras=[
            "Antrean kendaraan yang hendak membeli solar di sejumlah stasiun pengisian bahan bakar di Kota Palu mengular hingga malam hari sejak awal pekan.",
            "Para sopir truk mengaku harus menunggu lebih dari lima jam dan kadang pulang dengan tangki kosong karena stok habis sebelum giliran mereka tiba.",
            "Pihak pengelola stasiun pengisian menyebut pasokan dari depot terlambat akibat cuaca buruk yang mengganggu pelayaran kapal tanker.",
            "Pemerintah daerah berjanji berkoordinasi dengan distributor agar jadwal pengiriman kembali normal dalam beberapa hari ke depan.",
        ],
    ),
    dict(
        id="suara-01", url="https://www.suara.com/news/2022/11/23/194500/medan-siapkan-aplikasi-pantau-harga-pangan",
        title="Medan Siapkan Aplikasi Pantau Harga Pangan untuk Warga", place=None, author="Erick Tanjung", date="2022-11-23T19:45:00+07:00",
        paras=[
            "Pemerintah Kota Medan menyiapkan aplikasi yang memuat harga harian beras, cabai, bawang dan minyak goreng di 15 pasar tradisional.",
            "Petugas pasar memperbarui harga setiap pagi sehingga warga bisa membandingkan sebelum berangkat berbelanja.",
            "Data yang sama dipakai dinas perdagangan untuk mendeteksi lonjakan harga lebih awal dan menyiapkan operasi pasar bila diperlukan.",
            "Aplikasi tersebut ditargetkan bisa diunduh warga sebelum libur akhir tahun.",
        ],
    ),
    dict(
        id="idntimes-01", url="https://jabar.idntimes.com/news/jabar/bandung-perbanyak-halte-pintar-00abc-xyz123",
        title="Bandung Perbanyak Halte Pintar, Ini Lokasinya", place="Bandung", author="Debbie Sutrisno", date="2022-11-12T08:00:00+07:00",
        paras=[
            "Pemerintah Kota Bandung menambah sepuluh halte pintar yang dilengkapi layar informasi kedatangan bus, kamera pengawas dan tombol darurat.",
            "Halte baru tersebar di koridor Dago, Soekarno-Hatta dan Kopo yang selama ini paling padat penumpang.",
            "Layar di halte menampilkan perkiraan waktu tiba bus berdasarkan data posisi kendaraan yang dikirim setiap setengah menit.",
            "Dinas perhubungan berharap fasilitas itu membuat warga mau beralih dari kendaraan pribadi ke angkutan umum.",
        ],
    ),
    dict(
        id="blogspot-01", url="https://www.radarntt-contoh.com/2022/11/kupang-luncurkan-layanan-air-bersih.html",
        title="Kupang Luncurkan Layanan Pengaduan Air Bersih via WhatsApp", place="Kupang", author=None, date="2022-11-26T00:00:00+07:00",
        paras=[
            "Perusahaan daerah air minum di Kupang meluncurkan layanan pengaduan melalui WhatsApp untuk pelanggan yang airnya tidak mengalir.",
            "Setiap laporan dicatat dengan nomor tiket dan pelanggan menerima kabar ketika petugas sudah berangkat ke lokasi.",
            "Selama ini keluhan pelanggan hanya bisa disampaikan lewat telepon kantor yang sering sibuk pada jam kerja.",
            "Manajemen menargetkan setiap aduan ditangani paling lambat dua hari kerja setelah diterima.",
        ],
    ),
    dict(
        id="jatengprov-01", url="https://jatengprov.go.id/publik/pemprov-jateng-perluas-layanan-samsat-keliling-digital/",
        title="Pemprov Jateng Perluas Layanan Samsat Keliling Digital", place="Semarang", author=None, date="2022-11-07T06:00:00+00:00",  # metadata first: Yoast prints UTC
        paras=[
            "Pemerintah Provinsi Jawa Tengah memperluas layanan samsat keliling yang menerima pembayaran pajak kendaraan secara nontunai ke seluruh kabupaten dan kota.",
            "Wajib pajak cukup menunjukkan identitas dan membayar melalui kode QR, lalu bukti pengesahan dicetak di mobil layanan.",
            "Badan Pengelolaan Pendapatan Daerah mencatat jumlah transaksi nontunai naik tajam sejak layanan digital diperkenalkan awal tahun.",
            "Jadwal dan lokasi mobil samsat keliling dapat dilihat melalui aplikasi resmi pemerintah provinsi.",
        ],
    ),
]


def _p(paras: list[str], first: str = "", between: dict[int, str] | None = None, *, br: bool = False) -> str:
    out = []
    for i, text in enumerate(paras):
        body = (first if i == 0 else "") + escape(text)
        out.append(f"{body}<br /><br />" if br else f"<p>{body}</p>")
        if between and i in between:
            out.append(between[i])
    return "\n".join(out)


def okezone(a: dict) -> tuple[str, list[str]]:
    paras = list(a["paras"])  # type: ignore[arg-type]
    baca = '<div class="box-baca-juga"><span class="title-baca">Baca Juga:</span> <a href="/read/1">Ojol Wajib Pakai Helm SNI Mulai Bulan Depan</a></div>'
    body = _p(paras, "<strong>CIMAHI</strong> - ", {1: baca})
    html = f"""<!DOCTYPE html><html lang="id"><head><meta charset="utf-8"><title>{escape(str(a['title']))} : Okezone News</title>
<meta name="description" content="{escape(paras[0][:120])}"><meta property="og:site_name" content="Okezone News">
<meta name="author" content="{a['author']}"><meta name="publish-date" content="2022-10-14T13:20:00+07:00">
<link rel="canonical" href="{a['url']}"><script>var okz={{kanal:'news',ads:[1,2,3]}};</script></head>
<body><div class="header-top"><ul class="menu-top"><li><a>News</a></li><li><a>Economy</a></li><li><a>Sports</a></li><li><a>Celebrity</a></li><li><a>Techno</a></li></ul></div>
<div class="container"><div class="title"><h1>{escape(str(a['title']))}</h1></div>
<div class="reporter"><div class="namerep">{a['author']}, Jurnalis · <b>Jum'at 14 Oktober 2022 13:20 WIB</b></div></div>
<div class="detail-img"><img src="/x.jpg"><div class="caption-img">Ilustrasi sekolah (Foto: Okezone)</div></div>
<div id="contentx" class="read">{body}
<div class="adsinline"><span>Iklan</span></div></div>
<div class="detail-tag"><span>Tags :</span> <a>Cimahi</a> <a>Sekolah</a></div>
<div class="share-box">Share : <a>Facebook</a> <a>Twitter</a> <a>WA</a></div>
<div class="terkait"><h3>Berita Terkait</h3><ul><li><a>Guru Honorer di Cimahi Terima Insentif Tambahan</a></li><li><a>Pelajar Cimahi Juara Robotik Nasional</a></li></ul></div>
<div class="footer"><p>Copyright © 2022 Okezone.com, All Rights Reserved</p></div></div></body></html>"""
    return html, ["Baca Juga", "Ojol Wajib Pakai Helm", "CIMAHI -", "Iklan", "Berita Terkait", "All Rights Reserved", "Share"]


def sindonews(a: dict) -> tuple[str, list[str]]:
    paras = list(a["paras"])  # type: ignore[arg-type]
    paras2 = [*paras[:-1], paras[-1] + " <b>(don)</b>"]
    body = "\n".join(
        [f"<strong>PALU</strong> - {escape(paras2[0])}<br><br>",
         f'{escape(paras2[1])}<br><br><strong>Baca juga: <a href="/read/2">Harga Ikan di Teluk Palu Turun Drastis</a></strong><br><br>',
         f"{escape(paras2[2])}<br><br>", f"{escape(paras[3])} <b>(don)</b>"]
    )
    ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": a["title"], "datePublished": "2022-11-10T15:05:00+08:00",
          "author": {"@type": "Person", "name": a["author"]}, "publisher": {"@type": "Organization", "name": "SINDOnews.com"}}
    html = f"""<!DOCTYPE html><html lang="id"><head><meta charset="utf-8"><title>{escape(str(a['title']))}</title>
<script type="application/ld+json">{json.dumps(ld)}</script><link rel="canonical" href="{a['url']}"></head>
<body><header><nav><a>Nasional</a> <a>Metro</a> <a>Daerah</a> <a>Ekbis</a> <a>Sports</a></nav></header>
<section class="article"><h1 class="detail-title">{escape(str(a['title']))}</h1>
<div class="detail-nama-redaksi"><a>{a['author']}</a></div><time class="detail-date">Kamis, 10 November 2022 - 15:05 WITA</time>
<div class="detail-desc" id="detail-desc">{body}</div>
<div class="detail-tag">Tag : <a>palu</a> <a>solar</a></div></section>
<aside class="sidebar"><div class="terpopuler">Terpopuler<ol><li>Gempa Guncang Donggala</li><li>Banjir Bandang di Sigi</li></ol></div></aside>
<footer>Copyright © 2022 SINDOnews.com, All rights reserved.</footer></body></html>"""
    return html, ["Baca juga", "Harga Ikan di Teluk Palu", "(don)", "Terpopuler", "PALU -"]


def suara(a: dict) -> tuple[str, list[str]]:
    paras = list(a["paras"])  # type: ignore[arg-type]
    baca = '<div class="baca-juga-new"><span>Baca Juga:</span><ul><li><a>Tarif Parkir di Medan Naik Mulai Januari</a></li><li><a>Bobby Nasution Resmikan Pasar Baru</a></li></ul></div>'
    body = _p(paras, "<strong>Suara.com</strong> - ", {0: baca}) + "<p><strong>Kontributor : Nur Hidayah</strong></p>"
    html = f"""<!DOCTYPE html><html lang="id"><head><meta charset="UTF-8"><title>{escape(str(a['title']))}</title>
<meta property="og:title" content="{escape(str(a['title']))}"><meta property="og:site_name" content="suara.com">
<meta property="article:published_time" content="2022-11-23T19:45:00+07:00"><meta name="author" content="{a['author']}">
<link rel="canonical" href="{a['url']}"></head>
<body><div class="navbar"><a>News</a><a>Bisnis</a><a>Bola</a><a>Lifestyle</a><a>Entertainment</a></div>
<div class="detail-wrapper"><h1>{escape(str(a['title']))}</h1>
<div class="writer"><span>{a['author']}</span></div><div class="date-article"><span>Rabu, 23 November 2022 | 19:45 WIB</span></div>
<article class="detail-content detail-berita">{body}
<div class="ads_detail"><span>ADVERTISEMENT</span></div></article>
<div class="tag-header"><h2>Tag</h2><a>medan</a> <a>harga pangan</a></div>
<div class="comment">Berikan Komentar</div></div>
<div class="footer">© 2022 suara.com - All Rights Reserved.</div></body></html>"""
    return html, ["Baca Juga", "Tarif Parkir di Medan", "Kontributor", "ADVERTISEMENT", "Berikan Komentar", "Suara.com -"]


def idntimes(a: dict) -> tuple[str, list[str]]:
    paras = list(a["paras"])  # type: ignore[arg-type]
    body = (
        f"<p><strong>Bandung, IDN Times</strong> - {escape(paras[0])}</p>"
        f"<p>{escape(paras[1])}</p>"
        '<div class="baca-juga"><p><strong>Baca Juga: <a href="/x">Angkot Bandung Mulai Pakai Pembayaran Nontunai</a></strong></p></div>'
        f"<p>{escape(paras[2])}</p>"
        '<div class="ads-container"><p class="ads-label">ADVERTISEMENT</p></div>'
        f"<p>{escape(paras[3])}</p>"
    )
    ld = {"@context": "http://schema.org", "@graph": [{"@type": "NewsArticle", "headline": a["title"], "datePublished": "2022-11-12T08:00:00+07:00",
          "author": [{"@type": "Person", "name": a["author"]}], "publisher": {"@type": "Organization", "name": "IDN Times"}}]}
    html = f"""<!DOCTYPE html><html lang="id"><head><meta charset="utf-8"><title>{escape(str(a['title']))} | IDN Times</title>
<script type="application/ld+json">{json.dumps(ld)}</script><link rel="canonical" href="{a['url']}"></head>
<body><nav class="top-nav"><a>Berita</a><a>Hype</a><a>Life</a><a>Sport</a><a>Tech</a><a>Food</a></nav>
<main><article><h1 class="title-text">{escape(str(a['title']))}</h1>
<div class="author-info"><a class="author-name">{a['author']}</a><time class="date">12 Nov 2022, 08:00 WIB</time></div>
<div class="article-content">{body}</div>
<div class="article-footer"><p>Artikel ini sudah terbit di Berita Jabar IDN Times dan dapat kamu baca juga di aplikasi.</p></div>
<div class="share"><span>Share:</span> <a>Facebook</a> <a>X</a> <a>WhatsApp</a> <a>Copy Link</a></div>
</article><aside><h3>Berita Terkini Lainnya</h3><ul><li><a>Stunting di Jabar Turun</a></li></ul></aside></main>
<footer>© 2022 IDN Times. All rights reserved.</footer></body></html>"""
    return html, ["Baca Juga", "Angkot Bandung Mulai", "ADVERTISEMENT", "Artikel ini sudah terbit", "Berita Terkini Lainnya", "IDN Times -"]


def blogspot(a: dict) -> tuple[str, list[str]]:
    paras = list(a["paras"])  # type: ignore[arg-type]
    body = _p(paras, "<b>KUPANG, Radar NTT</b> - ", br=True)
    html = f"""<!DOCTYPE html><html dir="ltr" xmlns="http://www.w3.org/1999/xhtml"><head><meta content="text/html; charset=UTF-8" http-equiv="Content-Type"/>
<title>Radar NTT: {escape(str(a['title']))}</title><link href="{a['url']}" rel="canonical"/></head>
<body><div class="header-outer"><h1 class="title"><a href="/">Radar NTT</a></h1><p class="description">Berita terkini dari Nusa Tenggara Timur</p></div>
<div class="main-outer"><div class="date-outer"><h2 class="date-header"><span>Sabtu, 26 November 2022</span></h2>
<div class="post hentry"><h3 class="post-title entry-title">{escape(str(a['title']))}</h3>
<div class="post-body entry-content">{body}</div>
<div class="post-footer"><span class="post-author vcard">Posted by <span class="fn">Redaksi</span></span>
<span class="post-labels">Labels: <a>Berita</a>, <a>Kota Kupang</a></span>
<div class="post-share-buttons">Share This: <a>Facebook</a> <a>Twitter</a></div></div>
<div class="comments"><h4>0 komentar:</h4><p>Posting Komentar</p></div></div></div></div>
<div class="sidebar"><h2>Popular Posts</h2><ul><li><a>Warga Oesapa Keluhkan Jalan Rusak</a></li><li><a>Festival Sasando Kembali Digelar</a></li></ul></div>
<div class="footer">Copyright © 2022 Radar NTT. Powered by Blogger.</div></body></html>"""
    return html, ["Radar NTT", "Posted by", "Labels", "Share This", "Posting Komentar", "Popular Posts", "Powered by Blogger"]


def jatengprov(a: dict) -> tuple[str, list[str]]:
    paras = list(a["paras"])  # type: ignore[arg-type]
    body = _p(paras, "SEMARANG – ")
    html = f"""<!DOCTYPE html><html lang="id-ID"><head><meta charset="UTF-8"><title>{escape(str(a['title']))} – Pemerintah Provinsi Jawa Tengah</title>
<meta property="og:site_name" content="Pemerintah Provinsi Jawa Tengah"><meta property="article:published_time" content="2022-11-07T06:00:00+00:00">
<link rel="canonical" href="{a['url']}"></head>
<body><header class="site-header"><div class="header-info">Senin, 28 November 2026</div><nav><a>Beranda</a><a>Profil</a><a>Publik</a><a>PPID</a><a>Kontak</a></nav></header>
<div class="content"><article class="post"><h1 class="entry-title">{escape(str(a['title']))}</h1>
<div class="entry-meta"><span class="posted-on">Senin, 7 November 2022 - 13:00 WIB</span> <span class="views">Dibaca: 1.234 kali</span></div>
<div class="entry-content">{body}<p>Bagikan berita ini:</p><p><a>Facebook</a> <a>Twitter</a> <a>WhatsApp</a></p></div>
</article><aside class="widget-area"><h3>Berita Terbaru</h3><ul><li><a>Gubernur Tinjau Jalan Rusak di Pantura</a></li></ul></aside></div>
<footer>Hak Cipta © 2022 Pemerintah Provinsi Jawa Tengah</footer></body></html>"""
    return html, ["Dibaca", "Bagikan berita ini", "Berita Terbaru", "Hak Cipta", "28 November 2026"]


TEMPLATES = {"okezone-01": okezone, "sindonews-01": sindonews, "suara-01": suara, "idntimes-01": idntimes, "blogspot-01": blogspot, "jatengprov-01": jatengprov}


def main() -> None:
    OUT.mkdir(exist_ok=True)
    entries = []
    for a in PAGES:
        html, without = TEMPLATES[str(a["id"])](a)
        name = f"{a['id']}.html"
        (OUT / name).write_text(html, encoding="utf-8")
        paras = list(a["paras"])  # type: ignore[arg-type]
        entries.append({
            "id": a["id"], "file": f"../heldout/{name}", "parts": [], "url": a["url"], "template": str(a["id"]).split("-")[0],
            "title": a["title"], "date": a["date"], "author": a["author"], "dateline": a["place"], "language": "id",
            "text": "\n".join(paras), "with": [" ".join(paras[0].split()[:7]), " ".join(paras[-1].split()[-6:])], "without": without,
        })
    (HERE / "heldout.json").write_text(json.dumps({"heldout": entries}, ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
