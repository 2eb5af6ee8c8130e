"""The digest as a reader gets it: the hand-counted figures in HTML, Markdown, CSV, XLSX and PDF."""

from __future__ import annotations

import csv
import re
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from reports.render import FORMATS, RenderError, RenderOptions, parse_formats, render, render_html, render_markdown
from reports.weekly import IsoWeek, build_weekly
from tests.reports.builder import Corpus, build_digest_corpus, wib

HEADLINE_ID = "Pekan ini 8 berita tentang Smart City, naik 3 dari pekan lalu."
HEADLINE_EN = "This week 8 Smart City stories, up 3 from last week."
PILLAR_ROWS_ID = [
    ["Tata Kelola (Smart Governance)", "1", "2", "\u22121"],
    ["Pencitraan Daerah (Smart Branding)", "1", "0", "+1"],
    ["Ekonomi (Smart Economy)", "1", "0", "+1"],
    ["Kualitas Hidup (Smart Living)", "1", "1", "0"],
    ["Masyarakat (Smart Society)", "3", "0", "+3"],
    ["Lingkungan (Smart Environment)", "2", "2", "0"],
]


class _Tables(HTMLParser):
    """Cell texts of every <table class="data">, and every <img src>, <link>, <script>."""

    def __init__(self) -> None:
        super().__init__()
        self.tables: list[list[list[str]]] = []
        self.srcs: list[str] = []
        self.forbidden: list[str] = []
        self._cell: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "table" and a.get("class") == "data":
            self.tables.append([])
        elif tag == "tr" and self.tables:
            self.tables[-1].append([])
        elif tag in ("td", "th") and self.tables:
            self._cell = []
        elif tag == "img":
            self.srcs.append(a.get("src", ""))
        elif tag in ("script", "link", "iframe", "object"):
            self.forbidden.append(tag)

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self._cell is not None and self.tables and self.tables[-1]:
            self.tables[-1][-1].append(" ".join("".join(self._cell).split()))
            self._cell = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)


@pytest.fixture
def digest(engine):
    build_digest_corpus(engine)
    with engine.connect() as conn:
        return build_weekly(conn, IsoWeek(2022, 40), city="Kota Tangerang", include_rows=True)


def _parse(html: str) -> _Tables:
    p = _Tables()
    p.feed(html)
    return p


def test_html_shows_the_figures_and_needs_nothing_from_outside(digest) -> None:
    html = render_html(digest, RenderOptions(lang="id"))
    assert HEADLINE_ID in html
    assert "3 sampai 9 Oktober 2022" in html
    parsed = _parse(html)
    pillar_table = next(t for t in parsed.tables
                        if t[0][0] == "Pilar" and len(t) == 7 and t[1][0].startswith("Tata Kelola") and t[5][1] == "3")
    assert pillar_table[1:] == PILLAR_ROWS_ID
    city_table = next(t for t in parsed.tables if t[0][:2] == ["Daerah", "Provinsi"])
    assert city_table[1] == ["Kota Tangerang", "Banten", "4", "2", "+2"]
    assert city_table[3] == ["Kota Bandung", "Jawa Barat", "1", "2", "\u22121"]
    assert "Dimuat oleh <strong>3 media</strong>: ANTARA Banten, Radar Banten, Tangerang News" in html
    assert "Kota Tangerang: 4 berita pekan ini, naik 2 dari pekan lalu. Seluruh Banten: 5 berita." in html
    assert "urutan ke-1 dari 3 daerah" in html
    # self-contained: every image inlined, no script, stylesheet link or frame
    assert parsed.srcs
    assert all(s.startswith("data:image/png;base64,") for s in parsed.srcs)
    assert len(parsed.srcs) == 3
    assert parsed.forbidden == []
    assert not re.search(r"""(src|href)=["'](?!https://[a-z-]+\.example/|data:)""", html)


def test_markdown_for_chat(digest) -> None:
    md = render_markdown(digest, RenderOptions(lang="id"))
    assert f"**{HEADLINE_ID}**" in md
    for name, now, before, change in PILLAR_ROWS_ID:
        assert f"| {name} | {now} | {before} | {change} |" in md
    assert "| Kota Tangerang | Banten | 4 | 2 | +2 |" in md
    assert "W39 5 · W40 8" in md
    assert "Dimuat oleh 3 media: ANTARA Banten, Radar Banten, Tangerang News" in md
    assert "**Daerah yang baru muncul**: Kabupaten Tangerang (1), Kota Serang (1)" in md


def test_english_digest(digest) -> None:
    html = render_html(digest, RenderOptions(lang="en"))
    assert HEADLINE_EN in html
    assert "Smart Society" in html
    assert "3 to 9 October 2022" in html


def test_csv_and_xlsx_carry_the_figures_and_the_rows(digest, tmp_path) -> None:
    files = render(digest, ["csv", "xlsx"], tmp_path)
    names = sorted(p.name for p in files)
    assert names == ["smartcity-2022-W40-kota-tangerang-rows.csv", "smartcity-2022-W40-kota-tangerang-summary.csv",
                     "smartcity-2022-W40-kota-tangerang.xlsx"]
    with (tmp_path / names[1]).open(encoding="utf-8-sig", newline="") as fh:
        summary = list(csv.DictReader(fh))
    by = {(r["section"], r["key"]): r for r in summary}
    assert (by[("total", "stories")]["this_week"], by[("total", "stories")]["last_week"],
            by[("total", "stories")]["change"]) == ("8", "5", "3")
    assert {k: by[("pillar", k)]["this_week"] for _, k in [k for k in by if k[0] == "pillar"]} == {
        "governance": "1", "branding": "1", "economy": "1", "living": "1", "society": "3", "environment": "2"}
    assert (by[("city", "Kota Tangerang")]["this_week"], by[("city", "Kota Tangerang")]["change"]) == ("4", "2")
    top = [r for r in summary if r["section"] == "top_story"]
    assert (top[0]["reach"], top[0]["this_week"]) == ("3", "3")
    assert by[("focus_province", "Banten")]["this_week"] == "5"
    with (tmp_path / names[0]).open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == 12
    assert len({r["story"] for r in rows}) == 8
    assert len({r["story"] for r in rows if "society" in r["pillars"].split(";")}) == 3
    assert {r["labelled"] for r in rows if r["title"].startswith("Festival kuliner")} == {"yes"}
    from openpyxl import load_workbook

    wb = load_workbook(tmp_path / names[2])
    assert wb.sheetnames == ["Ringkasan", "Artikel"]
    sheet = list(wb["Ringkasan"].iter_rows(values_only=True))
    header = sheet[0]
    total = next(r for r in sheet if r[0] == "total" and r[1] == "stories")
    assert (total[header.index("this_week")], total[header.index("last_week")]) == (8, 5)
    assert wb["Artikel"].max_row == 13


def test_pdf_renders_pages_with_ink(digest, tmp_path, require_tool) -> None:
    from PIL import Image

    require_tool("pdftoppm", "poppler-utils")
    (pdf,) = render(digest, ["pdf"], tmp_path)
    assert pdf.read_bytes()[:5] == b"%PDF-"
    subprocess.run(["pdftoppm", "-png", "-r", "40", "-f", "1", "-l", "1", str(pdf), str(tmp_path / "page")], check=True,
                   timeout=120)
    (png,) = sorted(tmp_path.glob("page*.png"))
    img = Image.open(png).convert("L")
    hist = img.histogram()  # 256 grey levels
    total = img.size[0] * img.size[1]
    assert img.size[0] > 200
    assert sum(hist[:128]) / total > 0.01  # text and tables, not a blank page
    assert sum(1 for n in hist if n) > 20  # anti-aliased text and coloured charts, not a flat fill


def test_headlines_are_text_never_markup(engine, tmp_path) -> None:
    c = Corpus(engine)
    c.add("Warga <script>alert('x')</script> antre di [puskesmas](https://jahat.example) **gratis**",
          outlet="Radar <Banten>", published=wib(2022, 10, 4))
    with engine.connect() as conn:
        d = build_weekly(conn, IsoWeek(2022, 40))
    html = render_html(d)
    assert "<script>" not in html
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in html
    assert "Radar &lt;Banten&gt;" in html
    md = render_markdown(d)
    assert "<script>" not in md
    assert r"\<script\>" in md
    assert r"\[puskesmas\](https://jahat.example) \*\*gratis\*\*" in md


def test_an_empty_week_renders_every_format(engine, tmp_path) -> None:
    with engine.connect() as conn:
        d = build_weekly(conn, IsoWeek(2021, 40), include_rows=True)
    files = render(d, ["html", "md", "csv", "xlsx"], tmp_path)
    assert len(files) == 5
    text = (tmp_path / "smartcity-2021-W40.md").read_text(encoding="utf-8")
    assert "Pekan ini tidak ada berita tentang Smart City yang tercatat" in text
    html = (tmp_path / "smartcity-2021-W40.html").read_text(encoding="utf-8")
    assert "tidak ada berita" in html
    assert len(_parse(html).srcs) == 2  # no heat map for an empty week


def test_formats_are_checked() -> None:
    assert parse_formats("html, md,html") == ("html", "md")
    assert set(parse_formats(list(FORMATS))) == set(FORMATS)
    with pytest.raises(RenderError, match="choose from html, md, pdf, csv, xlsx"):
        parse_formats("html,docx")
    with pytest.raises(RenderError):
        parse_formats("")


def test_unwritable_output_folder_is_one_clear_error(digest, tmp_path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(RenderError, match="cannot create the output folder"):
        render(digest, ["md"], Path(blocker) / "sub")
