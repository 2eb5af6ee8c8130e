"""The command line as a newcomer meets it: one-line errors with exit code 2, init, tag, demo twice."""

from __future__ import annotations

import json
import socket
import sqlite3
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from click.testing import CliRunner

from smartcity.cli import main
from smartcity.config import load_config

ROOT = Path(__file__).resolve().parents[2]


def run_cli(
    *args: str, cwd: Path | None = None, stdin: str | None = None, timeout: float = 300
) -> subprocess.CompletedProcess[str]:
    """The real console entry point in a fresh process (one reactor per process, like users run it)."""
    env_cwd = str(cwd or ROOT)
    return subprocess.run([sys.executable, "-m", "smartcity", *args], cwd=env_cwd, input=stdin, capture_output=True,
                          text=True, timeout=timeout)


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("[crawl]\ntiemout = 3\n", "unknown key [crawl] tiemout: did you mean 'timeout'?"),
        ('[crawl]\ncontact_url = "mailto-me"\n', "[crawl] contact_url: 'mailto-me' is not a URL"),
        ("[crawl\ntimeout = 3\n", "not valid TOML"),
        ('[report]\nformats = ["doc"]\n', "[report] formats.0"),
        ("[database]\nbusy_timeout_ms = -1\n", "[database] busy_timeout_ms"),
    ],
)
def test_bad_config_exits_2_with_one_line(tmp_path: Path, content: str, expected: str,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    cfg = tmp_path / "smartcity.toml"
    cfg.write_text(content, encoding="utf-8")
    with pytest.raises(SystemExit) as exc:
        main(["--config", str(cfg), "db", "info"])
    assert exc.value.code == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1, err
    assert expected in err
    assert str(cfg) in err


def test_unreadable_or_missing_config_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for path, words in ((tmp_path, "cannot read"), (tmp_path / "nope.toml", "no such file")):
        with pytest.raises(SystemExit) as exc:
            main(["--config", str(path), "db", "info"])
        assert exc.value.code == 2
        err = capsys.readouterr().err.strip()
        assert len(err.splitlines()) == 1
        assert words in err


def test_bad_set_flag_and_bad_database_url(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["--set", "timeout=3", "db", "info"])
    assert exc.value.code == 2
    assert "section.key=value" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exc:
        main(["--db", "mysql+nodriver://x/y", "db", "upgrade"])
    assert exc.value.code == 2
    assert "Error:" in capsys.readouterr().err


def test_init_writes_a_config_that_loads_to_the_defaults(tmp_path: Path) -> None:
    target = tmp_path / "smartcity.toml"
    result = CliRunner().invoke(main.__globals__["cli"], ["init", "--path", str(target)])
    assert result.exit_code == 0, result.output
    tomllib.loads(target.read_text(encoding="utf-8"))
    assert (load_config(target, env={}).model_dump(exclude={"source_path"})
            == load_config(env={}).model_dump(exclude={"source_path"}))
    again = CliRunner().invoke(main.__globals__["cli"], ["init", "--path", str(target)])
    assert again.exit_code != 0
    assert "--force" in again.output


def test_env_and_flags_override_the_file(tmp_path: Path) -> None:
    cfg = tmp_path / "smartcity.toml"
    cfg.write_text("[crawl]\ntimeout = 11\nmax_pages = 3\n", encoding="utf-8")
    loaded = load_config(cfg, env={"SMARTCITY_CRAWL_TIMEOUT": "22", "SMARTCITY_DB": "/x/y.db"},
                         overrides={"crawl": {"max_pages": 7}})
    assert (loaded.crawl.timeout, loaded.crawl.max_pages, loaded.db_url) == (22, 7, "/x/y.db")


def test_tag_reports_bad_lines_and_tags_the_rest(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "a", "title": "Pemkot Bogor luncurkan aplikasi antrean puskesmas",
                    "text": "Wali Kota Bogor meluncurkan aplikasi antrean daring untuk puskesmas di Kota Bogor."}),
        "{not json",
        json.dumps({"id": "c", "title": "Tanpa teks"}),
        json.dumps({"id": "d", "title": "Banjir rendam permukiman di Kabupaten Bandung",
                    "text": "Banjir setinggi satu meter merendam ratusan rumah warga di Kecamatan Dayeuhkolot, "
                            "Kabupaten Bandung."}),
    ]
    proc = run_cli("--db", str(tmp_path / "t.db"), "tag", "-", stdin="\n".join(lines) + "\n")
    assert proc.returncode == 1, proc.stderr
    out = [json.loads(x) for x in proc.stdout.splitlines()]
    assert [o.get("id") for o in out] == ["a", None, "c", "d"]
    assert out[1]["line"] == 2
    assert "not valid JSON" in out[1]["error"]
    assert out[2]["line"] == 3
    assert "text" in out[2]["error"]
    assert out[0]["relevant"] is True
    assert out[0]["main_city"] == "Kota Bogor"
    assert out[0]["main_pillar"]
    assert out[3]["relevant"] is False
    assert out[3]["pillars"] == []
    assert out[3]["main_city"] == "Kabupaten Bandung"
    assert set(out[0]) == {"id", "relevant", "relevance", "pillars", "main_pillar", "cities", "main_city", "province",
                           "model_version"}
    assert "line 2:" in proc.stderr


def _free_port_run(n: int = 3) -> int:
    for base in range(20000, 60000, 97):
        socks = []
        try:
            for i in range(n):
                s = socket.socket()
                s.bind(("127.0.0.1", base + i))
                socks.append(s)
            return base
        except OSError:
            continue
        finally:
            for s in socks:
                s.close()
    raise RuntimeError("no three free consecutive loopback ports")


def _counts(db: Path) -> tuple[int, int, int, int]:
    with sqlite3.connect(db) as conn:
        return tuple(conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("article", "story", "page", "article_tag"))  # type: ignore[return-value]


@pytest.mark.slow
def test_demo_twice_leaves_the_same_articles_and_stories(tmp_path: Path) -> None:
    port = _free_port_run()
    first = run_cli("-q", "demo", "--dir", str(tmp_path / "demo"), "--port", str(port), cwd=tmp_path)
    assert first.returncode == 0, first.stderr[-3000:]
    db = tmp_path / "demo" / "demo.db"
    counts = _counts(db)
    assert counts[0] >= 15
    assert counts[1] < counts[0]  # syndicated copies share a story
    assert "digest for" in first.stdout
    assert ".html" in first.stdout
    html = next((tmp_path / "demo" / "reports").glob("*.html")).read_text(encoding="utf-8")
    assert "Smart City" in html
    assert "<script" not in html.lower()
    second = run_cli("-q", "demo", "--dir", str(tmp_path / "demo"), "--port", str(port), cwd=tmp_path)
    assert second.returncode == 0, second.stderr[-3000:]
    assert "0 new articles" in second.stdout
    assert _counts(db) == counts
