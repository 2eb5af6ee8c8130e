"""The digest as tables: its figures (one row each) and the article rows behind them, for CSV and XLSX.

Column ids are stable English names so spreadsheets and scripts keep working across languages;
the ``label`` column and the sheet names follow the digest language.
"""

from __future__ import annotations

import csv
from pathlib import Path
from zoneinfo import ZoneInfo

from reports import labels
from reports.weekly import Digest
from storage.queries import PILLARS

SUMMARY_COLUMNS = ("section", "key", "label", "province", "this_week", "last_week", "change", "reach", "url")
ROW_COLUMNS = ("article_id", "story", "published", "outlet", "title", "url", "main_pillar", "pillars",
               "main_city", "cities", "province", "labelled")
SHEETS = {"id": ("Ringkasan", "Artikel"), "en": ("Summary", "Articles")}


def summary_rows(digest: Digest, lang: str) -> list[dict[str, object]]:
    """Every figure of the digest as one row: totals, pillars, places, heat map, trend, stories, outlets."""
    rows: list[dict[str, object]] = []

    def add(section: str, key: str, label: str, now: int | None, before: int | None = None, **extra: object) -> None:
        rows.append({"section": section, "key": key, "label": label, "this_week": now, "last_week": before,
                     "change": None if now is None or before is None else now - before, **extra})

    add("total", "stories", labels.text(lang, "stories"), digest.stories, digest.previous_stories)
    add("total", "articles", labels.text(lang, "articles"), digest.articles)
    add("total", "outlets", labels.text(lang, "outlets"), digest.outlet_count)
    add("total", "cities", labels.text(lang, "city"), digest.city_count)
    for p in digest.pillars:
        add("pillar", p.pillar, labels.pillar_name(p.pillar, lang), p.stories, p.previous)
    for c in digest.cities:
        add("city", c.city, c.city, c.stories, c.previous, province=c.province or "")
    for city, counts in zip(digest.heatmap_cities, digest.heatmap, strict=True):
        for pillar, n in zip(PILLARS, counts, strict=True):
            add("city_pillar", f"{city}|{pillar}", f"{city} · {labels.pillar_name(pillar, lang, short=True)}", n)
    for t in digest.trend:
        add("week", t.week, t.week, t.stories)
    for s in digest.top_stories:
        add("top_story", str(s.article_id), s.title, s.articles, reach=s.reach, url=s.url)
    for c in digest.new_cities:
        add("new_city", c.city, c.city, c.stories, c.previous, province=c.province or "")
    for c in digest.rising_cities:
        add("rising_city", c.city, c.city, c.stories, c.previous, province=c.province or "")
    for o in digest.outlets:
        add("outlet", o.outlet, o.outlet, o.stories)
    if digest.focus:
        f = digest.focus
        add("focus", f.city, f.city, f.stories, f.previous, province=f.province or "")
        add("focus_province", f.province or "", f.province or "", f.province_stories, f.province_previous)
        for p in f.pillars:
            add("focus_pillar", p.pillar, labels.pillar_name(p.pillar, lang), p.stories, p.previous)
        for c in f.peers:
            add("focus_peer", c.city, c.city, c.stories, c.previous, province=c.province or "")
    for r in rows:
        for col in SUMMARY_COLUMNS:
            r.setdefault(col, "")
    return rows


def article_table(digest: Digest) -> list[dict[str, object]]:
    """The articles behind the digest (built with ``include_rows=True``), tags after labels."""
    zone = ZoneInfo(digest.timezone)
    return [
        {
            "article_id": r.article_id,
            "story": r.story,
            "published": r.published.astimezone(zone).isoformat(timespec="minutes") if r.published else "",
            "outlet": r.outlet,
            "title": r.title,
            "url": r.url,
            "main_pillar": r.tags.main_pillar or "",
            "pillars": ";".join(r.tags.pillars),
            "main_city": r.tags.main_city or "",
            "cities": ";".join(c for c, _ in r.tags.cities),
            "province": r.tags.province or "",
            "labelled": "yes" if r.tags.labelled else "no",
        }
        for r in digest.rows
    ]


def write_csv(digest: Digest, stem: Path, lang: str) -> list[Path]:
    """<stem>-summary.csv (the figures) and <stem>-rows.csv (the articles), UTF-8 with BOM for Excel."""
    out = []
    for suffix, columns, rows in (("summary", SUMMARY_COLUMNS, summary_rows(digest, lang)),
                                  ("rows", ROW_COLUMNS, article_table(digest))):
        path = stem.with_name(f"{stem.name}-{suffix}.csv")
        with path.open("w", encoding="utf-8-sig", newline="") as fh:
            writer = csv.DictWriter(fh, fieldnames=columns, extrasaction="ignore")
            writer.writeheader()
            writer.writerows(_safe(r) for r in rows)
        out.append(path)
    return out


def write_xlsx(digest: Digest, path: Path, lang: str) -> Path:
    """One workbook: the figures sheet and the articles sheet."""
    from openpyxl import Workbook

    wb = Workbook()
    first = wb.active
    assert first is not None
    for ws, columns, rows in ((first, SUMMARY_COLUMNS, summary_rows(digest, lang)),
                              (wb.create_sheet(), ROW_COLUMNS, article_table(digest))):
        ws.title = SHEETS[lang][0] if ws is first else SHEETS[lang][1]
        ws.append(list(columns))
        for r in rows:
            ws.append([_safe(r)[c] for c in columns])
        ws.freeze_panes = "A2"
    wb.save(path)
    return path


def _safe(row: dict[str, object]) -> dict[str, object]:
    """Keep titles from running as spreadsheet formulas ("=HYPERLINK(...)" in a headline)."""
    return {k: ("'" + v if isinstance(v, str) and v[:1] in ("=", "+", "-", "@") else v) for k, v in row.items()}
