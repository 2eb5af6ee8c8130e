"""``smartcity crawl`` wiring: every [crawl] key reaches the crawl, flags parse, errors exit 2."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from smartcity.app import App, UsageError
from smartcity.cli import main
from smartcity.commands.crawl import crawl_options, extra_pipelines, parse_since, select_sources
from smartcity.config import ConfigError, CrawlSection

WIB = timezone(timedelta(hours=7))
NOW = datetime(2026, 11, 28, 10, 0, tzinfo=WIB)
SOURCES = """[[sources]]
name = "kotaku-portal"
home = "https://kotaku.go.id/"
start_urls = ["https://kotaku.go.id/berita"]
article_pattern = '/berita/detail/\\d+/'
allowed_domains = ["kotaku.go.id"]
"""

# A non-default value for every [crawl] key; the test below fails when a key is added but not wired.
CHANGED: dict[str, Any] = {
    "contact_url": "https://diskominfo.kotaku.go.id/kontak",
    "user_agent": "kotaku-monitor/{version} ({contact_url})",
    "sources_file": "SOURCES",
    "only": ["kotaku-portal"],
    "obey_robots": False,
    "concurrent_requests": 5,
    "concurrent_per_domain": 1,
    "download_delay": 2.0,
    "autothrottle": False,
    "timeout": 9,
    "max_size_mb": 3,
    "max_redirects": 2,
    "retries": 1,
    "retry_after_max": 45,
    "max_pages": 2,
    "since_days": 3,
    "inline_process": True,
}


def _app(tmp_path: Path, **crawl: Any) -> App:
    cfg = tmp_path / "smartcity.toml"
    lines = ["[crawl]"] + [f"{k} = {_toml(v)}" for k, v in crawl.items()]
    cfg.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return App(config_path=str(cfg), db_url=str(tmp_path / "db.sqlite"))


def _toml(v: Any) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, str):
        return '"' + v + '"'
    if isinstance(v, list):
        return "[" + ", ".join(_toml(x) for x in v) + "]"
    return repr(v)


@pytest.mark.parametrize("key", list(CrawlSection.model_fields))
def test_every_crawl_key_changes_what_the_crawl_does(key: str, tmp_path: Path) -> None:
    assert key in CHANGED, f"[crawl] {key} is new: wire it into smartcity/commands/crawl.py and list it here"
    sources = tmp_path / "mine.toml"
    sources.write_text(SOURCES, encoding="utf-8")
    value = str(sources) if CHANGED[key] == "SOURCES" else CHANGED[key]
    (tmp_path / "base").mkdir()
    (tmp_path / "changed").mkdir()
    extra = {"sources_file": str(sources)} if key == "only" else {}
    base_app = _app(tmp_path / "base", **extra)
    changed_app = _app(tmp_path / "changed", **{key: value, **extra})

    def observed(app: App) -> Any:
        section = app.config.crawl
        if key in ("sources_file", "only"):
            return [s.name for s in select_sources(app, (), None)]
        if key == "inline_process":
            try:
                return extra_pipelines(app)
            except UsageError as exc:
                return str(exc)
        return crawl_options(section, now=NOW)

    assert observed(base_app) != observed(changed_app)


def test_options_carry_since_and_max_pages_flags() -> None:
    section = CrawlSection()
    opts = crawl_options(section, now=NOW)
    assert opts.since == NOW - timedelta(days=14)
    assert opts.max_pages == 5
    assert opts.user_agent.startswith("smartcity-monitor/")
    assert "(+https://github.com/" in opts.user_agent
    flagged = crawl_options(section, since=datetime(2026, 11, 1, tzinfo=WIB), max_pages=9, now=NOW)
    assert flagged.since == datetime(2026, 11, 1, tzinfo=WIB)
    assert flagged.max_pages == 9
    assert crawl_options(CrawlSection(since_days=0), now=NOW).since is None


def test_parse_since() -> None:
    assert parse_since("2026-11-01") == datetime(2026, 11, 1, tzinfo=WIB)
    assert parse_since("2026-11-01T06:30:00+00:00") == datetime(2026, 11, 1, 6, 30, tzinfo=UTC)
    with pytest.raises(UsageError, match="--since '1 November': write a date as YYYY-MM-DD"):
        parse_since("1 November")


def test_user_agent_template_errors_name_the_key() -> None:
    with pytest.raises(ConfigError, match=r"\[crawl\] user_agent"):
        crawl_options(CrawlSection(user_agent="bot/{versi}"), now=NOW)


def test_cli_lists_sources_and_maps_errors_to_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    sources = tmp_path / "mine.toml"
    sources.write_text(SOURCES, encoding="utf-8")
    with pytest.raises(SystemExit) as info:
        main(["--db", str(tmp_path / "x.db"), "crawl", "--sources", str(sources), "--source", "kotaku-portal",
              "--source", "antara-banten", "--list"])
    assert info.value.code == 0
    out = capsys.readouterr().out
    assert "kotaku-portal" in out
    assert "antara-banten" in out
    assert "tempo" not in out
    with pytest.raises(SystemExit) as info:
        main(["--db", str(tmp_path / "x.db"), "crawl", "--source", "antara-banten", "--since", "kemarin"])
    assert info.value.code == 2
    assert "--since 'kemarin'" in capsys.readouterr().err
    sources.write_text(SOURCES.replace('start_urls = ["https://kotaku.go.id/berita"]',
                                       'start_urls = "https://kotaku.go.id/berita"'), encoding="utf-8")
    with pytest.raises(SystemExit) as info:
        main(["--db", str(tmp_path / "x.db"), "crawl", "--sources", str(sources), "--list"])
    assert info.value.code == 2
    assert "source 'kotaku-portal': key 'start_urls' must be a list of URLs" in capsys.readouterr().err
