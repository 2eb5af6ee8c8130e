"""`smartcity report weekly` and `smartcity status` from the command line."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from smartcity.cli import main
from smartcity.commands.report import last_complete_week
from storage.db import make_engine, session_scope
from storage.migrate import upgrade
from storage.runs import SourceCounts, finish_run, start_run, write_counts
from tests.reports.builder import build_digest_corpus


@pytest.fixture
def db(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "monitor.db"
    engine = make_engine(str(path))
    upgrade(engine)
    build_digest_corpus(engine)
    yield str(path), engine
    engine.dispose()


def smartcity(capsys, db_url: str, *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exc:
        main(["--db", db_url, "-q", *args])
    out, err = capsys.readouterr()
    return int(exc.value.code or 0), out, err


def test_weekly_report_writes_the_formats_asked(db, capsys, tmp_path) -> None:
    out_dir = tmp_path / "laporan"
    code, out, _ = smartcity(capsys, db[0], "report", "weekly", "--week", "2022-W40", "--city", "Kota Tangerang",
                             "--format", "html,md,csv", "--out", str(out_dir))
    assert code == 0
    assert out.splitlines()[0] == "Pekan ini 8 berita tentang Smart City, naik 3 dari pekan lalu."
    names = sorted(p.name for p in out_dir.iterdir())
    assert names == ["smartcity-2022-W40-kota-tangerang-rows.csv", "smartcity-2022-W40-kota-tangerang-summary.csv",
                     "smartcity-2022-W40-kota-tangerang.html", "smartcity-2022-W40-kota-tangerang.md"]
    assert "Sorotan: Kota Tangerang" in (out_dir / names[2]).read_text(encoding="utf-8")


def test_default_formats_and_language_come_from_the_config(db, capsys, tmp_path) -> None:
    code, out, _ = smartcity(capsys, db[0], "--set", f"report.out_dir={tmp_path / 'r'}", "--set", "report.lang=en",
                             "report", "weekly", "--week", "2022-W40")
    assert code == 0
    assert out.startswith("This week 8 Smart City stories, up 3 from last week.")
    assert sorted(p.suffix for p in (tmp_path / "r").iterdir()) == [".html", ".md"]


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--week", "2022-40"], "week '2022-40': write it as YEAR-Wnn, e.g. 2022-W40"),
        (["--format", "html,docx"], "--format 'html,docx': choose from html, md, pdf, csv, xlsx"),
        (["--city", "Tangerang"], "did you mean Kabupaten Tangerang, Kota Tangerang"),
    ],
)
def test_bad_report_options(db, capsys, args, expected) -> None:
    code, _, err = smartcity(capsys, db[0], "report", "weekly", *args)
    assert code == 2
    assert expected in err


def test_the_default_week_is_the_last_complete_one() -> None:
    monday_morning = datetime(2022, 10, 10, 0, 30, tzinfo=UTC)  # Monday 07:30 in Jakarta
    assert str(last_complete_week("Asia/Jakarta", monday_morning)) == "2022-W40"
    sunday_night_utc = datetime(2022, 10, 9, 18, 0, tzinfo=UTC)  # already Monday 01:00 in Jakarta
    assert str(last_complete_week("Asia/Jakarta", sunday_night_utc)) == "2022-W40"
    assert str(last_complete_week("UTC", sunday_night_utc)) == "2022-W39"


def _crawl_run(engine, counts: dict[int, SourceCounts], status: str = "ok") -> None:
    with session_scope(engine) as s:
        run = start_run(s, options={"test": True})
        write_counts(s, run, counts)
        finish_run(s, run, status=status)


def test_status_shows_runs_failing_sources_size_and_model(db, capsys) -> None:
    path, engine = db
    with engine.connect() as conn:
        ids = dict(conn.exec_driver_sql("SELECT name, id FROM source").all())
    good, bad = ids["tangerang-news"], ids["radar-bekasi"]
    for _ in range(3):
        _crawl_run(engine, {good: SourceCounts(pages_fetched=12, new_articles=3),
                            bad: SourceCounts(failed=2, errors={"http_503": 2})}, "partial")
    code, out, _ = smartcity(capsys, path, "status")
    assert code == 0
    assert "model:     uji-1 (" in out
    assert "radar-bekasi" in out.split("sources failing in their last 3 crawl runs:")[1]
    assert "http_503 x2" in out
    code, out, _ = smartcity(capsys, path, "status", "--format", "json")
    doc = json.loads(out)
    assert doc["database"]["bytes"] > 0
    assert doc["model"] == {"version": "uji-1", "tagged_at": doc["model"]["tagged_at"], "articles": 22}
    runs = [(r["kind"], r["status"], r["pages"], r["new_articles"], r["failed"]) for r in doc["runs"]]
    assert runs == [("crawl", "partial", 12, 3, 2)] * 3
    assert [f["source"] for f in doc["failing_sources"]] == ["radar-bekasi"]
    assert doc["totals"]["labelled"] == 2
    # one good run for the failing source ends its streak
    _crawl_run(engine, {bad: SourceCounts(pages_fetched=1)})
    code, out, _ = smartcity(capsys, path, "status", "--format", "csv")
    assert out.splitlines()[0] == "id,kind,status,started,minutes,sources,pages,new_articles,duplicates,failed,message"
    assert len(out.splitlines()) == 5
    code, out, _ = smartcity(capsys, path, "status")
    assert out.rstrip().endswith("sources failing in their last 3 crawl runs:\n  none")


def test_status_on_an_empty_database(tmp_path, capsys, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, _ = smartcity(capsys, str(tmp_path / "new.db"), "status")
    assert code == 0
    assert "no article tagged yet" in out
    assert "last runs:\n  none yet" in out
