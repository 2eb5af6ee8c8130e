"""Indonesian news clean-up: what each rule drops, what it must leave, and in-document repeats."""

from __future__ import annotations

import pytest

from nlp import boilerplate
from nlp.boilerplate import author_from_credits, clean_paragraphs, drop_reason

BODY = [
    "Pemerintah Kota Tangerang meluncurkan aplikasi antrean daring untuk seluruh puskesmas.",
    "Kepala dinas mengatakan waktu tunggu turun hingga separuh sejak uji coba.",
    '"Kami ingin pelayanan lebih cepat," ujarnya, Kamis.',
]


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        ("Baca juga: Wali Kota resmikan taman baru", "baca_juga"),
        ("Baca Juga : Pemkot siapkan bus sekolah", "baca_juga"),
        ("BACA JUGA: Harga cabai naik", "baca_juga"),
        ("Berita Terkait", "baca_juga"),
        ("ADVERTISEMENT", "advertisement"),
        ("SCROLL TO RESUME CONTENT", "scroll_to"),
        ("SCROLL TO CONTINUE WITH CONTENT", "scroll_to"),
        ("COPYRIGHT © ANTARA 2022", "copyright"),
        ("Hak Cipta © 2023 Pemerintah Kota Bekasi", "copyright"),
        ("© 2026 Tempo. All Rights Reserved", "copyright"),
        ("Pewarta: Achmad Irfan", "credit"),
        ("Editor: Budi Santoso", "credit"),
        ("Penulis: Afdhalul Ikhsan | Editor: Dani", "credit"),
        ("Rep: Rusdy Nurdiansyah/ Red: Agus Salim", "credit"),
        ("Foto: Dokumentasi Diskominfo", "credit"),
        ("(Foto: ANTARA/Nama Fotografer)", "credit"),
        ("Bagikan: Facebook Twitter WhatsApp", "share"),
        ("Tulis komentar Anda di sini", "comment_prompt"),
        ("Login untuk berkomentar", "comment_prompt"),
        ("Ikuti kami di Google News", "follow_prompt"),
        ("Simak breaking news dan berita pilihan kami langsung di ponselmu.", "follow_prompt"),
        (
            "Artikel ini telah tayang di Tribunjateng.com dengan judul Semarang Hadirkan Lampu",
            "republished",
        ),
        ("Halaman selanjutnya", "pagination"),
        ("Halaman 1/3", "pagination"),
        ("Laporan Wartawan Tribunjateng.com, Rahdyan", "laporan_wartawan"),
        ("By Admin | 240 Views", "post_meta"),
        ("Dilihat 1.204 kali", "post_meta"),
        ("Tag: kota pintar, layanan publik", "tags_row"),
        ("Simak juga video pilihan berikut ini:", "baca_juga"),
        ("Saksikan video pilihan berikut ini:", "prompts"),
        ("Pilihan Editor: Harga bawang turun", "prompts"),
        ("Bagikan ini:", "share"),
        ("Menyukai ini:", "widgets"),
        ("Klik untuk berbagi di Facebook (Membuka di jendela yang baru)", "widgets"),
        ("Suka Memuat...", "widgets"),
        ("[Gambas:Video CNN]", "embed"),
        ("(ryn/gil)", "sign_off"),
    ],
)
def test_each_rule_drops_its_furniture(line: str, rule: str) -> None:
    assert drop_reason(line) == rule


@pytest.mark.parametrize(
    "line",
    [
        "Warga diminta membaca juga papan informasi di setiap puskesmas sebelum mendaftar.",
        "Oleh karena itu, pemerintah kota menambah petugas di loket pendaftaran.",
        "Iklan layanan masyarakat itu dipasang di 40 papan reklame milik pemkot.",
        "Editor video dan fotografer lokal dilibatkan dalam festival film pendek itu.",
        "Halaman kantor kecamatan dipenuhi warga yang antre sejak pagi.",
        "Sumber pendanaan program berasal dari anggaran daerah dan dana desa.",
    ],
)
def test_content_that_merely_resembles_boilerplate_is_kept(line: str) -> None:
    assert drop_reason(line) is None


def test_body_repeated_twice_is_kept_once_in_order() -> None:
    lines = BODY + ["COPYRIGHT © ANTARA 2022"] + BODY + ["COPYRIGHT © ANTARA 2022"]
    cleaned = clean_paragraphs(lines)
    assert cleaned.paragraphs == tuple(BODY)
    assert cleaned.dropped == {"copyright": 2, "repeated": 3}


def test_repeats_are_compared_ignoring_case_spacing_and_punctuation() -> None:
    cleaned = clean_paragraphs([BODY[0], "  " + BODY[0].upper().replace(".", "") + "  "])
    assert cleaned.paragraphs == (BODY[0],)


def test_dedup_can_be_switched_off() -> None:
    assert clean_paragraphs(BODY + BODY, dedup=False).paragraphs == tuple(BODY + BODY)


def test_inline_ad_markers_and_trailing_sign_off_are_stripped() -> None:
    lines = [
        BODY[0] + " ADVERTISEMENT SCROLL TO CONTINUE WITH CONTENT " + BODY[1],
        BODY[2] + " (ant)",
    ]
    cleaned = clean_paragraphs(lines)
    assert cleaned.paragraphs == (BODY[0] + " " + BODY[1], BODY[2])


@pytest.mark.parametrize("sign_off", ["(ant)", "(don)", "(rdp/imk)", "(*)", "(ADV)"])
def test_sign_offs_are_stripped_from_the_last_paragraph(sign_off: str) -> None:
    assert clean_paragraphs([BODY[0], BODY[2] + " " + sign_off]).paragraphs == (BODY[0], BODY[2])
    assert clean_paragraphs([BODY[0], sign_off]).paragraphs == (BODY[0],)


def test_credits_name_the_author_with_pewarta_first() -> None:
    cleaned = clean_paragraphs(
        [*BODY, "Penulis: Siti Aminah | Editor: Agus", "Pewarta: Achmad Irfan\nEditor: Budi"]
    )
    assert cleaned.credits == {"penulis": "Siti Aminah", "pewarta": "Achmad Irfan"}
    assert author_from_credits(cleaned.credits) == "Achmad Irfan"
    assert author_from_credits({}) is None


def test_laporan_wartawan_names_the_reporter() -> None:
    cleaned = clean_paragraphs(
        ["Laporan Wartawan Tribunjateng.com, Rahdyan Trijoko Pamungkas", *BODY]
    )
    assert author_from_credits(cleaned.credits) == "Rahdyan Trijoko Pamungkas"


def test_a_rule_group_cannot_be_empty() -> None:
    with pytest.raises(ValueError, match="at least one non-empty pattern"):
        boilerplate._any_of("", "")
