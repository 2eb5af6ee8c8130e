"""What trafilatura leaves behind on Indonesian news pages: inserts, ad markers, credits, repeats.

Rules are named, compiled constants, each with an outlet where it occurs. ``clean_paragraphs``
drops paragraphs a rule matches, strips inline markers and sign-offs, keeps each repeated
paragraph once (deterministically, unlike trafilatura's process-wide ``deduplicate``), and
returns the credits it saw ("Pewarta: …") so the extractor can fill a missing author.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field


def _any_of(*patterns: str, flags: int = re.I) -> re.Pattern[str]:
    """One compiled alternation; refuses an empty group, which would match every paragraph."""
    parts = [p for p in patterns if p]
    if not parts:
        raise ValueError("a boilerplate rule needs at least one non-empty pattern")
    return re.compile("|".join(f"(?:{p})" for p in parts), flags)


# --- paragraphs dropped whole -------------------------------------------------------------------

# "Baca juga: …" / "Baca Juga :" / "BACA JUGA:" inserts (ANTARA, detik, Kompas, Tribun); also
# "Simak juga", "Lihat juga", "Berita terkait" link lists (Liputan6, Okezone).
BACA_JUGA = _any_of(
    r"^\s*(?:baca|simak|lihat|cek|tonton)\s+(?:juga|pula)\b\s*:?",
    r"^\s*(?:berita|artikel|topik)\s+terkait\s*:?",
    r"^\s*baca\s+(?:selengkapnya|berita\s+lainnya)\b",
)
# "ADVERTISEMENT" / "Iklan" placeholders left where an ad slot was (detik, Kompas, Tribun).
ADVERTISEMENT = _any_of(r"^\s*(?:advertisement|iklan|ads?|sponsored)\s*$")
# detik "SCROLL TO CONTINUE WITH CONTENT", Kompas/CNN "SCROLL TO RESUME CONTENT".
SCROLL_TO = _any_of(r"^\s*scroll\s+to\s+(?:resume|continue)(?:\s+with)?\s+content\s*$")
# ANTARA "COPYRIGHT © ANTARA 2022", portals' "Hak Cipta © 2023 Pemerintah Kota …", "© 2024 Tempo".
COPYRIGHT = _any_of(
    r"^\s*(?:copyright|hak\s+cipta)\b", r"^\s*©\s*(?:\d{4}|[A-Z])", r"^\s*\(c\)\s*\d{4}"
)
# ANTARA "Pewarta:" / "Editor:", Kompas "Penulis:", Tribun "Penulis:"/"Editor:", CNN "(Foto: …)".
CREDIT = _any_of(
    r"^\s*(?:pewarta|editor|penulis|reporter|redaktur|penyunting|kontributor|fotografer|videografer"
    r"|sumber|foto|video|ilustrasi|dok(?:umentasi)?\.?|caption|keterangan\s+foto|grafis|rep|red)\s*:",
    r"^\s*\(\s*(?:foto|dok\.?|ilustrasi|sumber)\s*:[^)]*\)\s*$",
)
# ANTARA photo captions credited "ANTARA FOTO/Name" or "(ANTARA/Name)".
PHOTO_CREDIT = _any_of(
    r"^\s*\(?\s*antara\s*(?:foto)?\s*/\s*[^)]{1,60}\)?\s*$",
    r"^.{0,200}\(\s*antara\s+foto\s*/[^)]*\)\s*$",
)
# Share buttons (Tribun, Liputan6): "Bagikan:", "Share: Facebook Twitter WhatsApp".
SHARE = _any_of(
    r"^\s*(?:bagikan|share|sebarkan)(?:\s+(?:artikel|berita|ini|artikel\s+ini|berita\s+ini))?\s*:?"
    r"(?:\s*(?:facebook|twitter|x|whatsapp|telegram|line|linkedin|email|salin\s+tautan|copy\s+link|\||,))*\s*$",
    r"^\s*(?:facebook|twitter|whatsapp|telegram|line|linkedin)(?:\s+(?:facebook|twitter|whatsapp|telegram|line|linkedin))+\s*$",
)
# Comment prompts (Tribun "Tulis Komentar", detik "Berikan komentar",
# Kompas "Login untuk berkomentar").
COMMENT_PROMPT = _any_of(
    r"^\s*(?:tulis|berikan|kirim|tambahkan|lihat)\s+komentar",
    r"^\s*komentar\s*(?:\(\d+\))?\s*:?\s*$",
    r"^\s*(?:login|masuk|daftar)\s+(?:untuk|dulu\s+untuk)\s+(?:berkomentar|memberi\s+komentar|komentar)",
    r"^\s*(?:ayo|yuk)\s+berkomentar",
    r"^\s*(?:belum\s+ada|tidak\s+ada)\s+komentar",
)
# Follow-us prompts (Kompas "Simak breaking news … WhatsApp Channel",
# Tribun "Ikuti kami di Google News").
FOLLOW_PROMPT = _any_of(
    r"^\s*(?:ikuti|simak|dapatkan|gabung|follow|klik)\b.{0,160}\b(?:google\s+news|whatsapp|telegram"
    r"|channel|saluran|instagram|tiktok|youtube|ponselmu|update\s+berita)",
)
# Syndication footers (Tribun, Kompas network):
# "Artikel ini telah tayang di Kompas.com dengan judul …".
REPUBLISHED = _any_of(r"^\s*artikel\s+ini\s+(?:telah|sudah)\s+(?:tayang|terbit|dimuat|diterbitkan)")
# Pagination remnants (Tribun "Halaman selanjutnya", Kompas "Halaman: 1 2 3", detik "Selanjutnya").
PAGINATION = _any_of(
    r"^\s*(?:halaman|hal\.?)\s*(?:selanjutnya|berikutnya|sebelumnya|\d+(?:\s*(?:dari|/)\s*\d+)?)\s*[:>»›]*"
    r"(?:\s*\d+)*\s*[>»›]*\s*$",
    r"^\s*(?:selanjutnya|sebelumnya|berikutnya|next|prev)\s*[>»›]*\s*$",
    r"^\s*(?:tampilkan|lihat)\s+semua(?:\s+halaman)?\s*$",
)
# Tribun bylines "Laporan Wartawan Tribunjateng.com, Nama" / "Laporan Reporter …".
LAPORAN_WARTAWAN = _any_of(r"^\s*laporan\s+(?:wartawan|reporter|kontributor|jurnalis)\b")
# Government portal and WordPress post meta: "By Admin | 12 Views", "Dilihat 240 kali".
POST_META = _any_of(
    r"^\s*(?:[Bb]y|BY|[Oo]leh|OLEH|[Dd]iposting\s+oleh|[Pp]osted\s+by)\s*:?\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,3}"
    r"\s*(?:[|•·-].{0,80})?$",
    r"^\s*(?i:dilihat|views?|dibaca)\s*:?\s*\d[\d.,]*\s*(?i:kali|views?)?\s*$",
    r"^\s*\d[\d.,]*\s*(?i:views?|kali\s+dibaca|dilihat)\s*$",
    flags=0,
)
# Video and editor's-pick prompts (Liputan6 "Saksikan video pilihan berikut ini:",
# Tempo "Pilihan Editor:", promo lines ending "klik di sini").
PROMPTS = _any_of(
    r"^\s*(?:simak|saksikan|tonton|lihat)\s+(?:juga\s+)?video\b",
    r"^\s*(?:pilihan\s+editor|rekomendasi|berita\s+pilihan|artikel\s+pilihan)\s*:",
    r"^.{0,80}\bklik\s+(?:di\s+sini|disini)\s*[.!]?\s*$",
)
# Embedded-media placeholders (CNN "[Gambas:Video CNN]", "[Gambas:Instagram]").
EMBED = _any_of(r"^\s*\[\s*gambas\s*:[^\]]*\]\s*$")
# A sign-off standing alone as a paragraph: detik "(rdp/imk)", CNN "(ryn/gil)", ANTARA "(ant)".
SIGN_OFF_LINE = _any_of(
    r"^\s*\(\s*(?:\*+|antara|humas|[a-z]{2,5}(?:/[a-z]{2,5})*)\s*\)\s*$"
)
# WordPress/Jetpack sharing and like widgets ("Bagikan ini:",
# "Klik untuk berbagi di Facebook", "Suka Memuat...").
WIDGETS = _any_of(
    r"^\s*(?:share\s+this|bagikan\s+ini|klik\s+untuk\s+(?:berbagi|membagikan|mencetak|mengirim)|click\s+to\s+share)",
    r"^\s*(?:menyukai\s+ini|like\s+this)\s*:?\s*$",
    r"^\s*(?:suka|like)?\s*(?:memuat|loading)\s*(?:\.{3}|…)?\s*$",
    r"^\s*(?:terkait|related)\s*$",
)
# Tags row at the end of an article (Kompas "Tag:", Tribun "#smartcity").
TAGS_ROW = _any_of(r"^\s*(?:tags?|topik|kata\s+kunci)\s*:", r"^\s*(?:#\w+\s*){2,}$")

DROP_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("baca_juga", BACA_JUGA),
    ("advertisement", ADVERTISEMENT),
    ("scroll_to", SCROLL_TO),
    ("copyright", COPYRIGHT),
    ("credit", CREDIT),
    ("photo_credit", PHOTO_CREDIT),
    ("share", SHARE),
    ("comment_prompt", COMMENT_PROMPT),
    ("follow_prompt", FOLLOW_PROMPT),
    ("republished", REPUBLISHED),
    ("pagination", PAGINATION),
    ("laporan_wartawan", LAPORAN_WARTAWAN),
    ("post_meta", POST_META),
    ("tags_row", TAGS_ROW),
    ("prompts", PROMPTS),
    ("widgets", WIDGETS),
    ("embed", EMBED),
    ("sign_off", SIGN_OFF_LINE),
)

# --- inline clean-up inside a kept paragraph ------------------------------------------------------

# Ad markers that trafilatura glues into a paragraph (detik, Kompas).
INLINE_MARKERS = _any_of(
    r"\s*\bADVERTISEMENT\b\s*",
    r"\s*\bSCROLL\s+TO\s+(?:RESUME|CONTINUE)(?:\s+WITH)?\s+CONTENT\b\s*",
    flags=0,
)
# Sign-offs closing the last paragraph: "(ant)", "(*)", detik "(idh/idh)", SINDOnews "(don)".
SIGN_OFF = _any_of(
    r"\s*\(\s*(?:\*+|antara|humas|[a-z]{2,5}(?:/[a-z]{2,5})*)\s*\)\s*$"
)
# "Baca juga: …" glued to the end of a paragraph after a full stop (Okezone, Suara).
TRAILING_BACA_JUGA = _any_of(r"(?<=[.!?\"”])\s+baca\s+juga\s*:.*$")

# Credit lines whose value names the author, strongest first.
CREDIT_AUTHOR = re.compile(
    r"(?:^|[|/]\s*)(?P<role>pewarta|penulis|reporter|kontributor|rep)\s*:\s*(?P<name>[^|/\n]{2,80}?)\s*(?=[|/]|\s+(?:editor|red|redaktur)\s*:|$)",
    re.I | re.M,
)
LAPORAN_AUTHOR = re.compile(
    r"^\s*laporan\s+(?:wartawan|reporter|kontributor|jurnalis)\s+[^,]{2,60},\s*(?P<name>[^|\n]{2,60}?)\s*$",
    re.I,
)
_WS = re.compile(r"\s+")
_KEY = re.compile(r"[\W_]+", re.UNICODE)


@dataclass(frozen=True)
class Cleaned:
    """Paragraphs left after clean-up, the credits seen (role → name) and what each rule removed."""

    paragraphs: tuple[str, ...]
    credits: dict[str, str] = field(default_factory=dict)
    dropped: dict[str, int] = field(default_factory=dict)


def paragraph_key(paragraph: str) -> str:
    """Comparison key of a paragraph: case, punctuation and spacing ignored."""
    return _KEY.sub(" ", paragraph.lower()).strip()


def drop_reason(paragraph: str) -> str | None:
    """Name of the first rule that drops this paragraph whole, or None to keep it."""
    for name, rule in DROP_RULES:
        if rule.search(paragraph):
            return name
    return None


def _credits(paragraph: str, out: dict[str, str]) -> None:
    for m in CREDIT_AUTHOR.finditer(paragraph):
        out.setdefault(m["role"].lower(), m["name"].strip(" .,"))
    laporan = LAPORAN_AUTHOR.match(paragraph)
    if laporan:
        out.setdefault("laporan", laporan["name"].strip(" .,"))


def clean_paragraphs(lines: Iterable[str], *, dedup: bool = True) -> Cleaned:
    """Drop boilerplate paragraphs, strip inline markers, keep each repeated paragraph once."""
    kept: list[str] = []
    seen: set[str] = set()
    credits: dict[str, str] = {}
    dropped: dict[str, int] = {}
    for raw in lines:
        text = _WS.sub(" ", raw).strip()
        if not text:
            continue
        reason = drop_reason(text)
        if reason is not None:
            if reason in ("credit", "laporan_wartawan"):
                _credits(text, credits)
            dropped[reason] = dropped.get(reason, 0) + 1
            continue
        text = _WS.sub(" ", INLINE_MARKERS.sub(" ", text)).strip()
        text = TRAILING_BACA_JUGA.sub("", text).strip()
        if not text:
            continue
        key = paragraph_key(text)
        if dedup and key in seen:
            dropped["repeated"] = dropped.get("repeated", 0) + 1
            continue
        seen.add(key)
        kept.append(text)
    if kept:
        last = SIGN_OFF.sub("", kept[-1]).strip()
        if last:
            kept[-1] = last
        else:
            kept.pop()
    return Cleaned(tuple(kept), credits, dropped)


def author_from_credits(
    credits: dict[str, str],
    order: Sequence[str] = ("pewarta", "penulis", "reporter", "rep", "laporan", "kontributor"),
) -> str | None:
    """The author named by the strongest credit line, if any."""
    for role in order:
        if credits.get(role):
            return credits[role]
    return None
