# ruff: noqa: E501  (long data strings and HTML templates read better unbroken)
"""Page furniture shared by the outlet templates: menus, related lists, scripts, footers (our own text)."""

from __future__ import annotations

import json
import random
from html import escape

SECTIONS = [
    "Beranda",
    "Terkini",
    "Nasional",
    "Regional",
    "Metro",
    "Ekonomi",
    "Bisnis",
    "Politik",
    "Hukum",
    "Olahraga",
    "Sepak Bola",
    "Tekno",
    "Sains",
    "Hiburan",
    "Gaya Hidup",
    "Kesehatan",
    "Otomotif",
    "Travel",
    "Kuliner",
    "Internasional",
    "Foto",
    "Video",
    "Infografis",
    "Opini",
    "Indeks",
]
# Invented headlines for related/popular lists and "Baca juga" inserts.
HEADLINES = [
    "Pemprov siapkan 200 bus sekolah gratis untuk pelajar di pinggiran kota",
    "Harga bawang merah turun setelah panen raya di Brebes",
    "Warga keluhkan lampu jalan padam di jalur alternatif menuju pelabuhan",
    "Dinas pendidikan buka pendaftaran beasiswa bagi anak nelayan",
    "Tim SAR gabungan temukan pendaki yang hilang di lereng gunung",
    "Pasar malam ramadan kembali dibuka setelah tiga tahun vakum",
    "Pemkab targetkan seluruh desa punya laman informasi sendiri",
    "Ratusan pelari ikuti lomba maraton di kawasan kota tua",
    "Dewan minta pemkot evaluasi proyek trotoar yang mangkrak",
    "Perpustakaan daerah luncurkan layanan pinjam buku elektronik",
    "Polisi tertibkan balap liar di jalan lingkar selatan",
    "Puskesmas keliling sambangi pulau-pulau kecil setiap pekan",
    "Pemerintah desa gelar musyawarah soal pengelolaan air bersih",
    "Festival layang-layang internasional digelar di pantai selatan",
    "Pedagang kaki lima direlokasi ke pusat kuliner baru",
    "Kampung nelayan dapat bantuan panel surya untuk penerangan dermaga",
    "Sekolah adiwiyata ajak murid memilah sampah sejak dini",
    "Jembatan gantung penghubung dua desa akhirnya diperbaiki",
    "Komunitas relawan ajari lansia memakai aplikasi antrean rumah sakit",
    "Dinas pariwisata promosikan desa wisata lewat video pendek",
    "Pemkot bangun kolam retensi baru untuk atasi genangan di pusat kota",
    "Program makan bergizi gratis mulai menyasar sekolah di pelosok",
    "BPBD imbau warga bantaran sungai waspadai hujan lebat sepekan ke depan",
    "Kejari tahan mantan kepala dinas terkait korupsi pengadaan komputer",
    "Wisatawan padati kawasan pantai saat libur panjang akhir pekan",
]
FOOTER_LINKS = [
    "Tentang Kami",
    "Redaksi",
    "Pedoman Media Siber",
    "Kode Etik",
    "Kontak",
    "Karier",
    "Kebijakan Privasi",
    "Syarat dan Ketentuan",
    "Iklan",
]


def rng_for(key: str) -> random.Random:
    """A generator seeded by the page id, so rendering is reproducible."""
    return random.Random(sum(ord(c) * (i + 1) for i, c in enumerate(key)))


def picks(rng: random.Random, n: int) -> list[str]:
    return rng.sample(HEADLINES, n)


def slug(text: str) -> str:
    return "-".join("".join(ch for ch in w.lower() if ch.isalnum()) for w in text.split())[:70]


def nav(base: str, extra_class: str = "nav") -> str:
    items = "".join(f'<li><a href="{base}/{slug(s)}">{escape(s)}</a></li>' for s in SECTIONS)
    return f'<nav class="{extra_class}"><ul class="menu">{items}</ul></nav>'


def link_list(
    base: str, title: str, heads: list[str], cls: str, *, dated: list[str] | None = None
) -> str:
    lis = []
    for i, h in enumerate(heads):
        when = f'<span class="date">{escape(dated[i])}</span>' if dated else ""
        lis.append(
            f'<li><a href="{base}/berita/{9000 + i}/{slug(h)}"><img src="{base}/img/{slug(h)[:20]}.jpg" alt=""><h4>{escape(h)}</h4></a>{when}</li>'
        )
    return f'<div class="{cls}"><h3 class="title">{escape(title)}</h3><ul>{"".join(lis)}</ul></div>'


def footer(base: str, copyright_line: str) -> str:
    links = " ".join(f'<a href="{base}/{slug(x)}">{escape(x)}</a>' for x in FOOTER_LINKS)
    return f'<footer class="footer"><div class="footer-links">{links}</div><p class="copyright">{escape(copyright_line)}</p></footer>'


def scripts(site: str, rng: random.Random) -> str:
    """Analytics and ad-slot scripts: bulk every real page carries, which the extractor must skip."""
    slots = [
        {
            "slot": f"/{rng.randint(10000, 99999)}/{site}/{name}",
            "sizes": [[300, 250], [336, 280]],
            "div": f"div-gpt-ad-{name}",
        }
        for name in ("top", "middle", "bottom", "sticky", "inarticle1", "inarticle2")
    ]
    data = {
        "site": site,
        "pageType": "article",
        "kanal": rng.choice(SECTIONS),
        "adSlots": slots,
        "abTest": rng.random() > 0.5,
    }
    blob = json.dumps(data)
    pad = ";".join(f"function f{i}(a,b){{return a*{i}+b}}" for i in range(60))
    return (
        f"<script>window.dataLayer=window.dataLayer||[];dataLayer.push({blob});</script>"
        f"<script>var googletag=googletag||{{cmd:[]}};{pad};</script>"
        '<script async src="https://securepubads.g.doubleclick.net/tag/js/gpt.js"></script>'
    )


def style() -> str:
    rules = "".join(
        f".c{i}{{margin:{i}px;padding:{i % 7}px;color:#{i * 37 % 4096:03x}}}" for i in range(200)
    )
    return f"<style>{rules}</style>"


def comment_box() -> str:
    return (
        '<div class="comment-box"><h3>Komentar</h3><p>Tulis komentar Anda di sini</p>'
        '<form><textarea name="komentar" placeholder="Tulis komentar..."></textarea><button>Kirim</button></form>'
        '<p class="login">Login untuk berkomentar</p></div>'
    )


def share_bar() -> str:
    return (
        '<div class="share-bar"><span>Bagikan:</span> <a class="fb">Facebook</a> <a class="tw">Twitter</a> '
        '<a class="wa">WhatsApp</a> <a class="tg">Telegram</a> <a class="copy">Salin Tautan</a></div>'
    )


def jsonld(obj: dict[str, object]) -> str:
    return f'<script type="application/ld+json">{json.dumps(obj, ensure_ascii=False)}</script>'
