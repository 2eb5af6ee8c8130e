"""Dates and datelines as Indonesian outlets write them: month names, WIB/WITA/WIT, datelines.

Pure functions; no settings. A time without a stated zone is read in Asia/Jakarta (WIB), the zone
every national outlet publishes in. Relative dates ("2 jam lalu") are left unparsed (None).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone, tzinfo
from functools import cache

# --- lexicons (data) ---------------------------------------------------------------------------

# Month names and abbreviations: Indonesian first (incl. old spellings "Pebruari", "Nopember" and
# the abbreviations "Agu", "Agt", "Ags", "Nop"), then English ones some outlets print.
MONTHS: dict[str, int] = {
    "januari": 1,
    "jan": 1,
    "january": 1,
    "februari": 2,
    "pebruari": 2,
    "feb": 2,
    "peb": 2,
    "february": 2,
    "maret": 3,
    "mar": 3,
    "march": 3,
    "april": 4,
    "apr": 4,
    "mei": 5,
    "may": 5,
    "juni": 6,
    "jun": 6,
    "june": 6,
    "juli": 7,
    "jul": 7,
    "july": 7,
    "agustus": 8,
    "agu": 8,
    "agt": 8,
    "ags": 8,
    "aug": 8,
    "august": 8,
    "september": 9,
    "sep": 9,
    "sept": 9,
    "oktober": 10,
    "okt": 10,
    "oct": 10,
    "october": 10,
    "november": 11,
    "nopember": 11,
    "nov": 11,
    "nop": 11,
    "desember": 12,
    "des": 12,
    "dec": 12,
    "december": 12,
}
# Weekday names that may precede a date ("Jum'at" with any apostrophe, "Ahad" for Sunday).
WEEKDAYS = (
    "senin",
    "selasa",
    "rabu",
    "kamis",
    "jumat",
    "jum'at",
    "jum`at",
    "jum’at",
    "sabtu",
    "minggu",
    "ahad",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
)
# Indonesian time zones as printed after a time; offsets in hours from UTC.
ZONE_OFFSETS: dict[str, int] = {"wib": 7, "wita": 8, "wit": 9}
DEFAULT_ZONE = "Asia/Jakarta"


def _alt(words: Iterable[str]) -> str:
    """Regex alternation, longest first; refuses an empty group (it would match anything)."""
    items = sorted({re.escape(w) for w in words}, key=len, reverse=True)
    if not items:
        raise ValueError("empty word list for a date pattern")
    return "|".join(items)


_MONTH = rf"(?P<mon>{_alt(MONTHS)})\.?"
_TIME = (
    r"[\s,|/–—-]*(?:(?:pukul|pkl?\.?|jam)\s*)?"
    r"(?P<h>[01]?\d|2[0-3])[:.](?P<mi>[0-5]\d)(?:[:.](?P<s>[0-5]\d))?"
)
_ZONE = (
    r"\s*(?P<tz>(?i:wita|wib|wit)\b|(?:GMT|UTC)\s*[+-]\s*\d{1,2}(?::?\d{2})?|[+-]\d{2}:?\d{2}|Z\b)?"
)

# "2022-10-06T10:15:00+07:00", "2022-10-06 10:15", "2022-10-06"
ISO_DATE = re.compile(
    r"(?P<y>(?:19|20)\d{2})-(?P<m>\d{1,2})-(?P<d>\d{1,2})"
    r"(?:[T ](?P<h>\d{1,2}):(?P<mi>\d{2})(?::(?P<s>\d{2})(?:\.\d+)?)?)?\s*"
    r"(?P<tz>Z|[+-]\d{2}:?\d{2}|(?i:wita|wib|wit)\b)?"
)
# "Kamis, 6 Oktober 2022 10:15 WIB", "06 Okt 2022 - 10.15 WITA", "6 Mei 2023"
TEXT_DATE = re.compile(
    rf"\b(?P<d>[0-3]?\d)\s+{_MONTH}\s+(?P<y>(?:19|20)\d{{2}})(?:{_TIME}{_ZONE})?",
    re.I,
)
# "October 6, 2022 10:15" (English order on a few portals)
TEXT_DATE_EN = re.compile(
    rf"\b{_MONTH}\s+(?P<d>[0-3]?\d),?\s+(?P<y>(?:19|20)\d{{2}})(?:{_TIME}{_ZONE})?",
    re.I,
)
# "06/10/2022 10:15", "6-10-2022" (day first, as Indonesians write it)
NUMERIC_DATE = re.compile(
    rf"\b(?P<d>[0-3]?\d)[/.-](?P<m>[01]?\d)[/.-](?P<y>(?:19|20)\d{{2}})(?:{_TIME}{_ZONE})?",
    re.I,
)
# "2022/10/06 10:15:00" (year first, slashes: some WordPress themes)
NUMERIC_YMD = re.compile(
    rf"\b(?P<y>(?:19|20)\d{{2}})/(?P<m>[01]?\d)/(?P<d>[0-3]?\d)(?:{_TIME}{_ZONE})?",
    re.I,
)
RELATIVE_DATE = re.compile(
    r"\b\d+\s+(?:detik|menit|jam|hari|minggu|bulan)\s+(?:yang\s+)?lalu\b", re.I
)
_OFFSET = re.compile(r"(?:GMT|UTC)?\s*(?P<sign>[+-])\s*(?P<hh>\d{1,2})(?::?(?P<mm>\d{2}))?", re.I)


@cache
def jakarta() -> tzinfo:
    """Asia/Jakarta from the tz database (tzdata is a dependency), built once."""
    from zoneinfo import ZoneInfo

    return ZoneInfo(DEFAULT_ZONE)


@cache
def _fixed(minutes: int) -> tzinfo:
    return timezone(timedelta(minutes=minutes))


def _zone(token: str | None) -> tzinfo:
    """The tzinfo a zone token names; none stated means Asia/Jakarta."""
    if not token:
        return jakarta()
    low = token.strip().lower()
    if low in ZONE_OFFSETS:
        return _fixed(ZONE_OFFSETS[low] * 60)
    if low == "z":
        return UTC
    m = _OFFSET.fullmatch(token.strip())
    if not m:
        return jakarta()
    minutes = int(m["hh"]) * 60 + int(m["mm"] or 0)
    return _fixed(-minutes if m["sign"] == "-" else minutes)


def _build(m: re.Match[str], month: int) -> datetime | None:
    try:
        parts = m.groupdict()
        hour = int(parts.get("h") or 0)
        minute = int(parts.get("mi") or 0)
        second = int(parts.get("s") or 0)
        return datetime(
            int(m["y"]), month, int(m["d"]), hour, minute, second, tzinfo=_zone(parts.get("tz"))
        )
    except (ValueError, OverflowError):
        return None


def parse_date(text: str) -> datetime | None:
    """First date (with time and zone when given) in ``text``, timezone-aware; None if none."""
    if not text or len(text) > 400:
        text = (text or "")[:400]
    m = ISO_DATE.search(text)
    if m:
        got = _build(m, int(m["m"]))
        if got:
            return got
    for pattern in (TEXT_DATE, TEXT_DATE_EN):
        m = pattern.search(text)
        if m:
            got = _build(m, MONTHS[m["mon"].lower()])
            if got:
                return got
    for pattern in (NUMERIC_YMD, NUMERIC_DATE):
        m = pattern.search(text)
        if m:
            got = _build(m, int(m["m"]))
            if got:
                return got
    return None


def is_date_line(line: str) -> bool:
    """Whether a short line is only a timestamp ("Kamis, 9 Maret 2023 13:35 WITA")."""
    if len(line) > 80:
        return False
    for pattern in (ISO_DATE, TEXT_DATE, TEXT_DATE_EN, NUMERIC_DATE, NUMERIC_YMD):
        m = pattern.search(line)
        if m:
            rest = line[: m.start()] + " " + line[m.end() :]
            return len(re.findall(r"[^\W\d_]{2,}", rest)) <= 3
    return False


def is_relative(text: str) -> bool:
    """Whether the string is a relative date ("2 jam lalu") that is deliberately left unparsed."""
    return bool(RELATIVE_DATE.search(text))


# --- datelines ----------------------------------------------------------------------------------

# Outlet names that appear in datelines without a domain ("Jakarta, CNN Indonesia --").
DATELINE_OUTLETS = (
    "ANTARA",
    "ANTARA News",
    "Antaranews",
    "CNN Indonesia",
    "TangerangNews",
    "Tribunnews",
    "detikcom",
    "detikNews",
    "Okezone",
    "SINDOnews",
    "Kontan",
    "Beritasatu",
    "Suara",
    "JPNN",
    "Medcom",
    "VIVA",
    "iNews",
    "Bisnis",
    "Kompas",
    "Tempo",
    "Republika",
    "Liputan6",
    "merdeka",
    "IDN Times",
    "Jawapos",
)
# Words that start a sentence, not a place ("Wali Kota Bekasi - ..." must not become a dateline).
NOT_A_PLACE = frozenset(
    {
        "wali",
        "bupati",
        "gubernur",
        "pemerintah",
        "pemkot",
        "pemkab",
        "pemprov",
        "dinas",
        "kepala",
        "presiden",
        "menteri",
        "wakil",
        "ketua",
        "sekretaris",
        "warga",
        "polisi",
        "tim",
        "kami",
        "foto",
        "video",
        "baca",
    }
)
_DOMAIN = r"[A-Za-z][A-Za-z0-9-]*(?:\.[A-Za-z]{2,4}){1,2}"
_OUTLET = rf"(?:{_DOMAIN}|{_alt(DATELINE_OUTLETS)})"
_PLACE = (
    r"(?:(?:Kota|Kabupaten|Kab\.|KOTA|KABUPATEN|KAB\.)\s+)?"
    r"[A-Z][A-Za-z'’.]*(?:[ -][A-Z][A-Za-z'’.]*){0,3}"
)
_DASH = r"\s*(?:-{1,2}|–|—)\s+"
_NAME = r"[A-Z][\w.]*(?:\s[A-Z][\w.]*){0,2}"
# "TANGERANG (ANTARA) -", "Kota Bandung (ANTARA News) -", "Surabaya (beritajatim.com) -"
DATELINE_PAREN = re.compile(
    rf"^(?P<place>{_PLACE})\s*(?:,\s*[^()]{{0,30}})?\((?P<outlet>{_OUTLET}|{_NAME})\){_DASH}"
)
# "TRIBUNJATENG.COM, SEMARANG -", "Liputan6.com, Bekasi -", "REPUBLIKA.CO.ID, JAKARTA --"
DATELINE_OUTLET_PLACE = re.compile(rf"^(?P<outlet>{_DOMAIN}),\s*(?P<place>{_PLACE}){_DASH}")
# "Tangerang, TangerangNews -", "Jakarta, CNN Indonesia --", "BANDUNG, KOMPAS.com -"
DATELINE_PLACE_OUTLET = re.compile(rf"^(?P<place>{_PLACE}),\s*(?P<outlet>{_OUTLET}|{_NAME}){_DASH}")
# Press-release style "Jakarta, 6 Oktober 2022 -" (government portals, company releases)
DATELINE_PLACE_DATE = re.compile(
    rf"^(?P<place>{_PLACE}),\s*[0-3]?\d\s+(?i:{_MONTH})\s+(?:19|20)\d{{2}}{_DASH}"
)
# "KOMPAS.com -", "TANGERANGNEWS.com -" (outlet only: stripped, no place)
DATELINE_OUTLET_ONLY = re.compile(rf"^(?P<outlet>{_OUTLET}){_DASH}")
# "Kota Bekasi -", "Jakarta -" (detik, government portals)
DATELINE_PLACE_ONLY = re.compile(rf"^(?P<place>{_PLACE}){_DASH}(?=\S)")


@dataclass(frozen=True)
class Dateline:
    """The place a news piece is filed from, and the first paragraph without its dateline."""

    place: str | None
    rest: str


def _place(raw: str) -> str:
    raw = raw.strip().rstrip(",")
    return raw.title() if raw.isupper() else raw


def split_dateline(paragraph: str) -> Dateline:
    """Split "TANGERANG (ANTARA) - Text" into "Tangerang" and "Text"; unchanged if no dateline."""
    head = paragraph.lstrip()
    patterns = (DATELINE_PAREN, DATELINE_OUTLET_PLACE, DATELINE_PLACE_OUTLET, DATELINE_PLACE_DATE)
    for pattern in patterns:
        m = pattern.match(head)
        if m and _plausible(m["place"]):
            return Dateline(_place(m["place"]), head[m.end() :].lstrip())
    m = DATELINE_OUTLET_ONLY.match(head)
    if m:
        return Dateline(None, head[m.end() :].lstrip())
    m = DATELINE_PLACE_ONLY.match(head)
    if m and _plausible(m["place"]):
        return Dateline(_place(m["place"]), head[m.end() :].lstrip())
    return Dateline(None, paragraph)


def _plausible(place: str) -> bool:
    first = place.split()[0].lower().rstrip(".") if place.split() else ""
    return bool(first) and first not in NOT_A_PLACE and len(place) <= 40
