"""`smartcity query` as an analyst uses it: names checked, stories counted, one-line errors (exit 2)."""

from __future__ import annotations

import csv
import io
import json

import pytest

from smartcity.cli import main
from storage.db import make_engine
from storage.migrate import upgrade
from tests.reports.builder import build_digest_corpus


@pytest.fixture
def db(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "monitor.db"
    engine = make_engine(str(path))
    upgrade(engine)
    _, ids = build_digest_corpus(engine)
    engine.dispose()
    return str(path), ids


def smartcity(capsys, db_url: str, *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exc:
        main(["--db", db_url, "-q", *args])
    out, err = capsys.readouterr()
    return int(exc.value.code or 0), out, err


def test_cities_in_the_news_for_environment_this_month(db, capsys) -> None:
    code, out, _ = smartcity(capsys, db[0], "query", "--pillar", "lingkungan", "--since", "2022-10", "--until", "2022-10",
                             "--group-by", "city", "--format", "csv")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [(r["city"], r["stories"], r["articles"]) for r in rows] == [("Kota Bandung", "1", "2"), ("Kota Surabaya", "1", "1")]


def test_group_by_two_fields_as_json(db, capsys) -> None:
    code, out, _ = smartcity(capsys, db[0], "query", "--week", "2022-W40", "--group-by", "city,pillar", "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert {"city": "Kota Tangerang", "pillar": "society", "stories": 1, "articles": 1, "outlets": 1} in data
    assert sum(r["stories"] for r in data if r["city"] == "Kota Tangerang") == 4


def test_story_list_counts_copies_once(db, capsys) -> None:
    code, out, _ = smartcity(capsys, db[0], "query", "--city", "Kota Tangerang", "--week", "2022-W40", "--order", "reach")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split()[:4] == ["article_id", "published", "outlet", "reach"]
    assert len(lines) == 2 + 4  # header, rule, four stories (seven articles)
    assert "Pemkot Tangerang buka antrean daring" in lines[2]
    assert " 3  " in lines[2]  # reach of the first story


def test_full_text_and_all(db, capsys) -> None:
    code, out, _ = smartcity(capsys, db[0], "query", "--search", '"bank sampah" OR persikota', "--format", "json")
    assert code == 0
    assert [r["title"] for r in json.loads(out)] == ["Bank sampah digital Bandung catat seribu nasabah"]
    code, out, _ = smartcity(capsys, db[0], "query", "--search", '"bank sampah" OR persikota', "--all", "--format", "json")
    assert len(json.loads(out)) == 2


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--city", "Tangerang"],
         "--city 'Tangerang': unknown or ambiguous kabupaten/kota; did you mean Kabupaten Tangerang, Kota Tangerang"),
        (["--pillar", "enviroment"], "--pillar 'enviroment': unknown pillar; did you mean environment"),
        (["--province", "Jawa Barta"], "--province 'Jawa Barta': unknown province; did you mean Jawa Barat"),
        (["--outlet", "detik jabr"], "--outlet 'detik jabr': unknown outlet; did you mean Detik Jabar"),
        (["--search", '"bank sampah'], "unclosed quote"),
        (["--search", "NOT sampah"], "NOT needs a word before it"),
        (["--group-by", "kota"], "'kota' is not a field; use city|province|pillar|week|outlet"),
        (["--since", "kemarin"], "--since 'kemarin': write a day (2022-10-03), a month (2022-10) or an ISO week (2022-W40)"),
        (["--week", "2022-W40", "--since", "2022-10-01"], "--week names a whole week"),
        (["--since", "2022-10-05", "--until", "2022-10-01"], "is not before --until"),
    ],
)
def test_bad_input_is_one_line_with_the_fix(db, capsys, args, expected) -> None:
    code, out, err = smartcity(capsys, db[0], "query", *args)
    assert code == 2
    assert out == ""
    assert len(err.strip().splitlines()) == 1, err
    assert expected in err


def test_aliases_resolve_through_the_gazetteer(db, capsys) -> None:
    code, out, _ = smartcity(capsys, db[0], "query", "--city", "kota tangrang", "--week", "2022-W40", "--group-by", "city",
                             "--format", "csv")
    assert code == 0
    assert out.splitlines()[1].startswith("Kota Tangerang,4,")


def test_without_the_gazetteer_names_come_from_the_database(db, capsys, monkeypatch) -> None:
    from smartcity import names

    monkeypatch.setattr(names, "_places", lambda: None)
    code, _, err = smartcity(capsys, db[0], "query", "--city", "Kota Bandng")
    assert code == 2
    assert "did you mean Kota Bandung," in err
    code, out, _ = smartcity(capsys, db[0], "query", "--city", "kota bandung", "--format", "json")
    assert code == 0
    # bank sampah (week 40), air sensors and e-signatures (week 39); the pengajian is labelled out
    assert len(json.loads(out)) == 3


@pytest.mark.postgres
def test_query_command_on_postgresql(pg_url, capsys) -> None:
    engine = make_engine(pg_url)
    upgrade(engine)
    build_digest_corpus(engine)
    engine.dispose()
    code, out, _ = smartcity(capsys, pg_url, "query", "--week", "2022-W40", "--group-by", "pillar", "--format", "json")
    assert code == 0
    assert {r["pillar"]: r["stories"] for r in json.loads(out)} == {
        "society": 3, "environment": 2, "branding": 1, "economy": 1, "governance": 1, "living": 1}
    code, out, _ = smartcity(capsys, pg_url, "query", "--search", "sampah -bandung", "--all", "--format", "json")
    assert code == 0
    assert [r["title"] for r in json.loads(out)] == ["Surabaya olah sampah jadi listrik"]  # one story, two copies
    code, _, err = smartcity(capsys, pg_url, "query", "--search", "(sampah")
    assert code == 2
    assert "a ( is never closed" in err
