"""Indonesian dates and datelines as outlets print them."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from nlp.dates import is_date_line, is_relative, jakarta, parse_date, split_dateline

WIB, WITA, WIT = (timezone(timedelta(hours=h)) for h in (7, 8, 9))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kamis, 6 Oktober 2022 10:15 WIB", datetime(2022, 10, 6, 10, 15, tzinfo=WIB)),
        ("Kamis, 06 Okt 2022 10:15 WIB", datetime(2022, 10, 6, 10, 15, tzinfo=WIB)),
        ("06/10/2022 10:15", datetime(2022, 10, 6, 10, 15, tzinfo=WIB)),
        ("6-10-2022 10.15 WITA", datetime(2022, 10, 6, 10, 15, tzinfo=WITA)),
        ("Kompas.com - 20/10/2022, 15:30 WIB", datetime(2022, 10, 20, 15, 30, tzinfo=WIB)),
        ("Jum'at, 7 Oktober 2022 | 14:30 WIT", datetime(2022, 10, 7, 14, 30, tzinfo=WIT)),
        ("Jum’at, 7 Oktober 2022 14:30 WITA", datetime(2022, 10, 7, 14, 30, tzinfo=WITA)),
        ("Jumat 7 Okt 2022 pukul 08.05 WIB", datetime(2022, 10, 7, 8, 5, tzinfo=WIB)),
        ("Senin, 14 Agt 2023 09:00 WIT", datetime(2023, 8, 14, 9, 0, tzinfo=WIT)),
        ("Senin, 14 Agu 2023 09:00", datetime(2023, 8, 14, 9, 0, tzinfo=WIB)),
        ("Rabu, 10 Mei 2023 - 18:20 WIB", datetime(2023, 5, 10, 18, 20, tzinfo=WIB)),
        ("Kamis 15 Dec 2022 12:40 WIB", datetime(2022, 12, 15, 12, 40, tzinfo=WIB)),
        ("Minggu, 3 Nopember 2024 07:00 WIB", datetime(2024, 11, 3, 7, 0, tzinfo=WIB)),
        ("Selasa, 1 Pebruari 2022", datetime(2022, 2, 1, 0, 0, tzinfo=WIB)),
        ("October 6, 2022 10:15", datetime(2022, 10, 6, 10, 15, tzinfo=WIB)),
        ("2022/10/06 10:15:00", datetime(2022, 10, 6, 10, 15, tzinfo=WIB)),
        ("2022-10-06T10:15:00+07:00", datetime(2022, 10, 6, 10, 15, tzinfo=WIB)),
        ("2022-10-06T10:15:00.000+0800", datetime(2022, 10, 6, 10, 15, tzinfo=WITA)),
        ("2022-10-06T03:15:00Z", datetime(2022, 10, 6, 3, 15, tzinfo=UTC)),
        ("2022-10-06 10:15", datetime(2022, 10, 6, 10, 15, tzinfo=WIB)),
        ("2022-10-06", datetime(2022, 10, 6, 0, 0, tzinfo=WIB)),
        ("Rabu 5 Desember 2024, 08:00 GMT+8", datetime(2024, 12, 5, 8, 0, tzinfo=WITA)),
    ],
)
def test_indonesian_formats_parse_to_the_instant_printed(text: str, expected: datetime) -> None:
    got = parse_date(text)
    assert got == expected
    assert got is not None
    assert got.utcoffset() == expected.utcoffset()


@pytest.mark.parametrize(
    ("month", "number"),
    [
        (m, i)
        for i, m in enumerate(
            [
                "Januari",
                "Februari",
                "Maret",
                "April",
                "Mei",
                "Juni",
                "Juli",
                "Agustus",
                "September",
                "Oktober",
                "November",
                "Desember",
            ],
            1,
        )
    ]
    + [
        (m, i)
        for i, m in enumerate(
            ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"], 1
        )
    ]
    + [("Agt", 8), ("Ags", 8), ("Sept", 9), ("Nop", 11)],
)
def test_every_month_name_and_abbreviation(month: str, number: int) -> None:
    got = parse_date(f"Sabtu, 9 {month} 2023 10:00 WIB")
    assert got is not None
    assert (got.month, got.day, got.hour) == (number, 9, 10)


@pytest.mark.parametrize(
    "day", ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Jum'at", "Sabtu", "Minggu", "Ahad"]
)
def test_weekday_prefixes_do_not_disturb_the_date(day: str) -> None:
    assert parse_date(f"{day}, 12 Februari 2025 16:45 WIB") == datetime(
        2025, 2, 12, 16, 45, tzinfo=WIB
    )


def test_no_zone_means_asia_jakarta() -> None:
    got = parse_date("06/10/2022 10:15")
    assert got is not None
    assert got.tzinfo is jakarta()
    assert got.utcoffset() == timedelta(hours=7)


@pytest.mark.parametrize(
    "text", ["31 Februari 2022", "2 jam lalu", "kemarin sore", "", "Rp2.500/10/2022", "30/13/2022"]
)
def test_impossible_or_relative_dates_are_none(text: str) -> None:
    assert parse_date(text) is None


def test_relative_dates_are_recognised_but_left_unparsed() -> None:
    assert is_relative("2 jam lalu")
    assert is_relative("15 menit yang lalu")
    assert not is_relative("Kamis, 6 Oktober 2022")


def test_date_lines_are_only_timestamps() -> None:
    assert is_date_line("Kamis, 9 Maret 2023 13:35 WITA")
    assert is_date_line("Diperbarui 06/10/2022 10:15")
    assert not is_date_line(
        "Banjir melanda 20 desa pada 6 Oktober 2022 setelah hujan deras semalaman."
    )


@pytest.mark.parametrize(
    ("paragraph", "place", "rest"),
    [
        (
            "TANGERANG (ANTARA) - Pemkot meluncurkan aplikasi.",
            "Tangerang",
            "Pemkot meluncurkan aplikasi.",
        ),
        ("Kota Bandung (ANTARA) - Warga antre.", "Kota Bandung", "Warga antre."),
        (
            "Tangerang, TangerangNews - Pemkot meluncurkan aplikasi.",
            "Tangerang",
            "Pemkot meluncurkan aplikasi.",
        ),
        (
            "TRIBUNJATENG.COM, SEMARANG - Wali kota meresmikan taman.",
            "Semarang",
            "Wali kota meresmikan taman.",
        ),
        ("Liputan6.com, Bekasi - Dinas membuka layanan.", "Bekasi", "Dinas membuka layanan."),
        (
            "Jakarta, CNN Indonesia -- Menteri mengumumkan aturan.",
            "Jakarta",
            "Menteri mengumumkan aturan.",
        ),
        (
            "REPUBLIKA.CO.ID, JAKARTA -- Presiden membuka acara.",
            "Jakarta",
            "Presiden membuka acara.",
        ),
        (
            "Kota Bekasi - Pemerintah kota menggelar rapat.",
            "Kota Bekasi",
            "Pemerintah kota menggelar rapat.",
        ),
        ("TEMPO.CO, Balikpapan - Pasar memakai QRIS.", "Balikpapan", "Pasar memakai QRIS."),
        ("BANDUNG, KOMPAS.com - Hujan deras.", "Bandung", "Hujan deras."),
        ("Surabaya (beritajatim.com) – Pemkot menambah bus.", "Surabaya", "Pemkot menambah bus."),
        ("Jakarta - Gubernur meninjau banjir.", "Jakarta", "Gubernur meninjau banjir."),
        ("JAKARTA, 6/10 (ANTARA) - Harga cabai naik.", "Jakarta", "Harga cabai naik."),
        ("KOMPAS.com - Warga memadati pasar.", None, "Warga memadati pasar."),
        (
            "Makassar, 20 Oktober 2025 — Camat menggelar pelatihan.",
            "Makassar",
            "Camat menggelar pelatihan.",
        ),
    ],
)
def test_datelines_are_split_into_place_and_text(
    paragraph: str, place: str | None, rest: str
) -> None:
    line = split_dateline(paragraph)
    assert (line.place, line.rest) == (place, rest)


@pytest.mark.parametrize(
    "paragraph",
    [
        "Wali Kota Bekasi - yang baru dilantik - meninjau pasar.",
        "Pemerintah Kota Tangerang meluncurkan aplikasi antrean daring.",
        "Menurut dia, program itu berjalan baik - meski ada kendala.",
    ],
)
def test_ordinary_first_paragraphs_keep_their_text(paragraph: str) -> None:
    line = split_dateline(paragraph)
    assert line.place is None
    assert line.rest == paragraph
