"""`smartcity label` end to end: the machine says A, the analyst says B; queries and the digest say B."""

from __future__ import annotations

import json

import pytest
import sqlalchemy as sa

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
    corpus, ids = build_digest_corpus(engine)
    yield str(path), engine, corpus, ids
    engine.dispose()


def smartcity(capsys, db_url: str, *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exc:
        main(["--db", db_url, "-q", *args])
    out, err = capsys.readouterr()
    return int(exc.value.code or 0), out, err


def _cities(capsys, path: str) -> dict[str, int]:
    code, out, _ = smartcity(capsys, path, "query", "--week", "2022-W40", "--group-by", "city", "--format", "json")
    assert code == 0
    return {r["city"]: r["stories"] for r in json.loads(out)}


def _label_rows(engine, aid: int):
    with engine.connect() as conn:
        return (
            conn.execute(sa.text("SELECT relevant, pillars_set, cities_set, analyst, note FROM label WHERE article_id = :a"),
                         {"a": aid}).all(),
            conn.execute(sa.text("SELECT pillar, is_main FROM label_pillar WHERE article_id = :a ORDER BY pillar"),
                         {"a": aid}).all(),
            conn.execute(sa.text("SELECT city, province, is_main FROM label_city WHERE article_id = :a"), {"a": aid}).all(),
        )


def test_label_overrides_machine_in_queries_and_digest_and_survives_retagging(db, capsys, tmp_path) -> None:
    path, engine, corpus, ids = db
    assert _cities(capsys, path)["Kota Surabaya"] == 1  # machine: the solar street lights are in Surabaya
    code, out, _ = smartcity(capsys, path, "label", str(ids["s5"]), "--city", "Kab. Malang", "--pillar", "living",
                             "--analyst", "rina", "--note", "lokasi salah")
    assert code == 0
    assert "label saved" in out
    assert "Kota Surabaya" in out
    assert "Kabupaten Malang" in out
    cities = _cities(capsys, path)
    assert "Kota Surabaya" not in cities
    assert cities["Kabupaten Malang"] == 1
    code, out, _ = smartcity(capsys, path, "report", "weekly", "--week", "2022-W40", "--format", "md",
                             "--out", str(tmp_path / "r"))
    assert code == 0
    md = (tmp_path / "r" / "smartcity-2022-W40.md").read_text(encoding="utf-8")
    assert "| Kabupaten Malang | Jawa Timur | 1 | 0 | +1 |" in md
    assert "| Kota Surabaya |" not in md.split("**Daerah yang paling banyak diberitakan**")[1].split("**Berita")[0]
    assert "| Kualitas Hidup (Smart Living) | 2 | 1 | +1 |" in md
    # the tagger runs again over the article and insists on Surabaya: the label still wins
    corpus.retag(ids["s5"], relevant=True, pillars=("environment",), cities=(("Kota Surabaya", "Jawa Timur"),),
                 model_version="uji-2")
    assert "Kota Surabaya" not in _cities(capsys, path)
    # --clear gives the article back to the machine
    code, out, _ = smartcity(capsys, path, "label", str(ids["s5"]), "--clear")
    assert code == 0
    assert "label removed" in out
    assert _cities(capsys, path)["Kota Surabaya"] == 1


def test_relevance_label_on_one_copy_covers_the_story(db, capsys) -> None:
    path, _, _, ids = db
    before = _cities(capsys, path)["Kota Tangerang"]
    code, _, _ = smartcity(capsys, path, "label", str(ids["s1b"]), "--relevant", "no")
    assert code == 0
    assert _cities(capsys, path)["Kota Tangerang"] == before - 1  # all three copies of the antrean story leave


def test_labelling_twice_changes_nothing(db, capsys) -> None:
    path, engine, _, ids = db
    args = ["label", str(ids["s3"]), "--pillar", "tata kelola", "--pillar", "masyarakat", "--city", "Kota Bekasi",
            "--analyst", "dewi"]
    assert smartcity(capsys, path, *args)[0] == 0
    first = _label_rows(engine, ids["s3"])
    assert smartcity(capsys, path, *args)[0] == 0
    assert _label_rows(engine, ids["s3"]) == first
    assert [(p, bool(m)) for p, m in first[1]] == [("governance", True), ("society", False)]
    assert [tuple(r)[:2] for r in first[2]] == [("Kota Bekasi", "Jawa Barat")]


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--pillar", "lingkngan"], "--pillar 'lingkngan': unknown pillar; did you mean lingkungan"),
        (["--city", "Bandung"],
         "--city 'Bandung': unknown or ambiguous kabupaten/kota; did you mean Kabupaten Bandung, Kota Bandung"),
        (["--city", "Kota Bandung", "--no-city"], "--city and --no-city contradict each other"),
        (["--clear", "--relevant", "yes"], "--clear removes the whole label: give it alone"),
        ([], "nothing to record"),
    ],
)
def test_bad_labels_are_refused_and_nothing_is_written(db, capsys, args, expected) -> None:
    path, engine, _, ids = db
    code, _, err = smartcity(capsys, path, "label", str(ids["s3"]), *args)
    assert code == 2
    assert expected in err
    assert len(err.strip().splitlines()) == 1
    assert _label_rows(engine, ids["s3"]) == ([], [], [])


def test_unknown_article(db, capsys) -> None:
    code, _, err = smartcity(capsys, db[0], "label", "999999", "--relevant", "no")
    assert code == 2
    assert "article 999999 does not exist" in err


def test_no_city_means_province_wide(db, capsys) -> None:
    path, _, _, ids = db
    code, out, _ = smartcity(capsys, path, "label", str(ids["s4"]), "--no-city")
    assert code == 0
    assert _cities(capsys, path)["Kota Tangerang"] == 3
