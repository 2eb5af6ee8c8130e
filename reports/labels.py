"""Wording of the digest in Bahasa Indonesia (default) and English: names, dates, numbers, sentences.

Written for a Diskominfo reader with no training: plain sentences, pillar names in Indonesian with
the programme's English name beside them, no jargon. All words live here as data; templates and
charts ask for them by key.
"""

from __future__ import annotations

from datetime import date

LANGS = ("id", "en")

PILLAR_NAMES: dict[str, dict[str, str]] = {
    "id": {
        "governance": "Tata Kelola (Smart Governance)",
        "branding": "Pencitraan Daerah (Smart Branding)",
        "economy": "Ekonomi (Smart Economy)",
        "living": "Kualitas Hidup (Smart Living)",
        "society": "Masyarakat (Smart Society)",
        "environment": "Lingkungan (Smart Environment)",
    },
    "en": {
        "governance": "Smart Governance",
        "branding": "Smart Branding",
        "economy": "Smart Economy",
        "living": "Smart Living",
        "society": "Smart Society",
        "environment": "Smart Environment",
    },
}

PILLAR_SHORT: dict[str, dict[str, str]] = {
    "id": {"governance": "Tata Kelola", "branding": "Pencitraan", "economy": "Ekonomi",
           "living": "Kualitas Hidup", "society": "Masyarakat", "environment": "Lingkungan"},
    "en": {"governance": "Governance", "branding": "Branding", "economy": "Economy",
           "living": "Living", "society": "Society", "environment": "Environment"},
}

MONTHS: dict[str, tuple[str, ...]] = {
    "id": ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
           "Oktober", "November", "Desember"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December"),
}

# Headings and short texts, by key.
TEXT: dict[str, dict[str, str]] = {
    "id": {
        "title": "Ringkasan Mingguan Berita Smart City",
        "week": "Pekan {week}",
        "period": "{start} sampai {end}",
        "summary": "Ringkasan",
        "pillars": "Berita per pilar Smart City",
        "cities": "Daerah yang paling banyak diberitakan",
        "heatmap": "Daerah dan pilar",
        "trend": "Perkembangan 8 pekan terakhir",
        "top_stories": "Berita yang paling luas dimuat",
        "new_cities": "Daerah yang baru muncul",
        "rising_cities": "Daerah yang pemberitaannya naik",
        "outlets": "Media",
        "focus": "Sorotan: {city}",
        "pillar": "Pilar",
        "city": "Daerah",
        "province": "Provinsi",
        "stories": "Berita",
        "this_week": "Pekan ini",
        "last_week": "Pekan lalu",
        "change": "Perubahan",
        "reach": "Dimuat oleh",
        "media_count": "{n} media",
        "articles": "Artikel",
        "outlet": "Media",
        "published": "Terbit",
        "week_col": "Pekan",
        "none": "Tidak ada.",
        "how_counted": (
            "Cara menghitung: satu berita yang dimuat ulang oleh beberapa media dihitung satu kali; "
            "kolom \u201cDimuat oleh\u201d menunjukkan berapa media yang memuatnya. Hanya berita tentang "
            "Smart City yang dihitung. Koreksi dari analis menggantikan penilaian otomatis."
        ),
        "generated": "Dibuat {when} dari basis data {db}.",
        "chart_pillars": "Berita per pilar, pekan ini dan pekan lalu",
        "chart_trend": "Jumlah berita Smart City per pekan",
        "chart_heatmap": "Jumlah berita per daerah dan pilar (pekan ini)",
        "csv_note": "Baris data di balik ringkasan ini ada di berkas CSV/XLSX.",
    },
    "en": {
        "title": "Weekly Smart City News Digest",
        "week": "Week {week}",
        "period": "{start} to {end}",
        "summary": "Summary",
        "pillars": "Stories per Smart City pillar",
        "cities": "Places most in the news",
        "heatmap": "Places and pillars",
        "trend": "The last 8 weeks",
        "top_stories": "Most widely carried stories",
        "new_cities": "Places new in the news",
        "rising_cities": "Places with rising coverage",
        "outlets": "Outlets",
        "focus": "Focus: {city}",
        "pillar": "Pillar",
        "city": "Place",
        "province": "Province",
        "stories": "Stories",
        "this_week": "This week",
        "last_week": "Last week",
        "change": "Change",
        "reach": "Carried by",
        "media_count": "{n} outlets",
        "articles": "Articles",
        "outlet": "Outlet",
        "published": "Published",
        "week_col": "Week",
        "none": "None.",
        "how_counted": (
            "How we count: a story republished by several outlets counts once; \u201cCarried by\u201d "
            "says how many outlets ran it. Only Smart City stories count. Analyst corrections replace "
            "the automatic tags."
        ),
        "generated": "Made {when} from database {db}.",
        "chart_pillars": "Stories per pillar, this week and last week",
        "chart_trend": "Smart City stories per week",
        "chart_heatmap": "Stories per place and pillar (this week)",
        "csv_note": "The rows behind this digest are in the CSV/XLSX files.",
    },
}


def _lang(lang: str) -> str:
    if lang not in LANGS:
        raise ValueError(f"language {lang!r} is not available: use one of {', '.join(LANGS)}")
    return lang


def text(lang: str, key: str, **values: object) -> str:
    """A heading or short text in ``lang`` with its blanks filled in."""
    return TEXT[_lang(lang)][key].format(**values)


def pillar_name(pillar: str, lang: str, *, short: bool = False) -> str:
    """The pillar's name for readers (its id when unknown)."""
    table = PILLAR_SHORT if short else PILLAR_NAMES
    return table[_lang(lang)].get(pillar, pillar)


def number(n: int, lang: str) -> str:
    """1234 as "1.234" (Indonesian) or "1,234" (English)."""
    out = f"{n:,}"
    return out.replace(",", ".") if _lang(lang) == "id" else out


def day(d: date, lang: str) -> str:
    """3 Oktober 2022 / 3 October 2022."""
    return f"{d.day} {MONTHS[_lang(lang)][d.month - 1]} {d.year}"


def period(start: date, end: date, lang: str) -> str:
    """"3 sampai 9 Oktober 2022" with the shared month and year written once."""
    if (start.year, start.month) == (end.year, end.month):
        first = str(start.day)
    elif start.year == end.year:
        first = f"{start.day} {MONTHS[_lang(lang)][start.month - 1]}"
    else:
        first = day(start, lang)
    return text(lang, "period", start=first, end=day(end, lang))


def change_phrase(now: int, before: int, lang: str) -> str:
    """"naik 8 dari pekan lalu" / "turun 3 dari pekan lalu" / "sama dengan pekan lalu"."""
    diff = now - before
    if _lang(lang) == "id":
        if diff > 0:
            return f"naik {number(diff, lang)} dari pekan lalu"
        if diff < 0:
            return f"turun {number(-diff, lang)} dari pekan lalu"
        return "sama dengan pekan lalu"
    if diff > 0:
        return f"up {number(diff, lang)} from last week"
    if diff < 0:
        return f"down {number(-diff, lang)} from last week"
    return "the same as last week"


def signed(diff: int, lang: str) -> str:
    """+8 / −3 / 0 for tables."""
    if diff > 0:
        return f"+{number(diff, lang)}"
    if diff < 0:
        return f"\u2212{number(-diff, lang)}"
    return "0"


def headline(stories: int, previous: int, lang: str) -> str:
    """The digest's first sentence."""
    if _lang(lang) == "id":
        if stories == 0:
            return f"Pekan ini tidak ada berita tentang Smart City yang tercatat (pekan lalu: {number(previous, lang)} berita)."
        return f"Pekan ini {number(stories, lang)} berita tentang Smart City, {change_phrase(stories, previous, lang)}."
    if stories == 0:
        return f"No Smart City stories were recorded this week (last week: {number(previous, lang)})."
    return f"This week {number(stories, lang)} Smart City stories, {change_phrase(stories, previous, lang)}."


def details(articles: int, outlets: int, cities: int, lang: str) -> str:
    """The sentence under the headline: articles, outlets and places."""
    if _lang(lang) == "id":
        return (f"Berita itu dimuat dalam {number(articles, lang)} artikel oleh {number(outlets, lang)} media "
                f"dan menyebut {number(cities, lang)} kabupaten/kota.")
    return (f"They ran as {number(articles, lang)} articles in {number(outlets, lang)} outlets "
            f"and named {number(cities, lang)} regencies/cities.")


def top_pillar_sentence(pillar: str | None, stories: int, lang: str) -> str:
    """Which pillar led the week."""
    if pillar is None:
        return ""
    name = pillar_name(pillar, lang)
    if _lang(lang) == "id":
        return f"Pilar yang paling banyak diberitakan: {name}, {number(stories, lang)} berita."
    return f"The pillar most in the news: {name}, {number(stories, lang)} stories."


def focus_sentence(city: str, stories: int, previous: int, province: str | None, province_stories: int,
                   rank: int | None, peers: int, lang: str) -> str:
    """How the focus city did, against its province and the other places in it."""
    if _lang(lang) == "id":
        out = f"{city}: {number(stories, lang)} berita pekan ini, {change_phrase(stories, previous, lang)}."
        if province:
            out += f" Seluruh {province}: {number(province_stories, lang)} berita."
        if rank is not None and peers > 1:
            out += f" {city} berada di urutan ke-{rank} dari {peers} daerah di provinsi ini yang diberitakan."
        return out
    out = f"{city}: {number(stories, lang)} stories this week, {change_phrase(stories, previous, lang)}."
    if province:
        out += f" All of {province}: {number(province_stories, lang)} stories."
    if rank is not None and peers > 1:
        out += f" {city} ranks {rank} of {peers} places in the province that were in the news."
    return out
