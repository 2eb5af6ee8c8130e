"""The one table of settings: keys, defaults and help, loaded as flags > SMARTCITY_* env > smartcity.toml > defaults.

Nothing here runs at import: ``load_config()`` reads the file and the environment when a command
asks. Every error names the file, the key and the fix (``ConfigError``; the CLI exits 2).
"""

from __future__ import annotations

import difflib
import os
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Literal
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

CONFIG_FILE = "smartcity.toml"
ENV_PREFIX = "SMARTCITY_"


class ConfigError(Exception):
    """A setting the monitor cannot use; the message names the key and the fix."""


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, validate_default=True)


def _check_url(value: str, key: str, *, schemes: tuple[str, ...] = ("http", "https")) -> str:
    if not value:
        return value
    parts = urlsplit(value)
    if parts.scheme not in schemes or not parts.netloc:
        raise ValueError(f"{value!r} is not a URL: write a full {'/'.join(schemes)} URL for {key}")
    return value


class DatabaseSection(_Section):
    url: str = Field("", description="SQLAlchemy URL or SQLite path; empty = {data_dir}/smartcity.db. Also --db / SMARTCITY_DB.")
    busy_timeout_ms: int = Field(30_000, ge=0, description="How long a SQLite writer waits for the lock before failing (ms).")


class PathsSection(_Section):
    data_dir: str = Field("~/.local/share/smartcity", description="Where the database, models, reports and lock files live.")
    models_dir: str = Field("", description="Trained models (skops); empty = {data_dir}/models.")


class CrawlSection(_Section):
    contact_url: str = Field(
        "https://github.com/smartcity-monitor/smartcity-monitor#contact",
        description="Put in the User-Agent so site owners can reach whoever runs the crawler.",
    )
    user_agent: str = Field("smartcity-monitor/{version} (+{contact_url})",
                            description="User-Agent template; {version} and {contact_url} are filled in.")
    sources_file: str = Field("", description="Extra sources TOML merged over the shipped registry (also --sources).")
    only: list[str] = Field(default_factory=list, description="Crawl only these source names (also --source, repeatable).")
    obey_robots: bool = Field(True,
                              description="Obey robots.txt; a robots.txt answering 5xx disallows the whole host for that crawl.")
    concurrent_requests: int = Field(16, ge=1, le=256, description="Requests in flight over all hosts.")
    concurrent_per_domain: int = Field(2, ge=1, le=32, description="Requests in flight per host.")
    download_delay: float = Field(0.5, ge=0, description="Seconds between requests to one host (AutoThrottle's floor).")
    autothrottle: bool = Field(True, description="Adapt the delay to each host's latency.")
    timeout: int = Field(30, ge=1, le=600, description="Seconds before a request is abandoned.")
    max_size_mb: int = Field(8, ge=1, le=1024, description="Largest body accepted, after decompression (MB).")
    max_redirects: int = Field(5, ge=0, le=20, description="Redirects followed per request.")
    retries: int = Field(3, ge=0, le=20, description="Retries of a failed request, with backoff.")
    retry_after_max: int = Field(600, ge=0,
                                 description="Longest Retry-After wait honoured (s); longer means give up for this run.")
    max_pages: int = Field(5, ge=1, le=1000, description="Listing pages followed per start URL when no --max-pages is given.")
    since_days: int = Field(14, ge=0,
                            description="Ignore articles older than this many days unless --since is given (0 = no limit).")
    inline_process: bool = Field(False, description="Extract and tag while crawling instead of in a later `smartcity process`.")

    @field_validator("contact_url")
    @classmethod
    def _url(cls, v: str) -> str:
        return _check_url(v, "[crawl] contact_url")

    @field_validator("sources_file")
    @classmethod
    def _path(cls, v: str) -> str:
        if v and not Path(v).expanduser().is_file():
            raise ValueError(f"{v!r} is not a readable file: fix the path or remove the key")
        return v


class ExtractSection(_Section):
    min_chars: int = Field(300, ge=0, description="Pages whose body text is shorter are rejected as 'too_short'.")
    timeout_s: float = Field(10.0, gt=0, description="Longest time one page may spend in extraction.")


class DedupSection(_Section):
    threshold: float = Field(0.5, gt=0, le=1,
                             description="Estimated Jaccard similarity of shingles above which two articles are one story.")
    window_days: int = Field(14, ge=0,
                             description="Only articles published within this many days of each other join one story (0 = any).")


class TagSection(_Section):
    relevance_threshold: float = Field(0.5, ge=0, le=1,
                                       description="Relevance probability above which an article counts as Smart City coverage.")
    pillar_threshold: float = Field(0.35, ge=0, le=1,
                                    description="Pillar probability above which a pillar is listed for an article.")


def _default_formats() -> list[Literal["html", "md", "pdf", "csv", "xlsx"]]:
    """``[report] formats`` when the settings name none."""
    return ["html", "md"]


class ReportSection(_Section):
    out_dir: str = Field("", description="Where digests are written; empty = {data_dir}/reports.")
    formats: list[Literal["html", "md", "pdf", "csv", "xlsx"]] = Field(
        default_factory=_default_formats, description="Formats written by `smartcity report weekly` without --format."
    )
    lang: Literal["id", "en"] = Field("id", description="Digest language: Bahasa Indonesia (id) or English (en).")
    timezone: str = Field("Asia/Jakarta", description="Time zone that defines a week's boundaries.")
    top_stories: int = Field(10, ge=1, le=100, description="Stories listed in the digest's top list.")


class ScheduleSection(_Section):
    crawl_cron: str = Field("0 */3 * * *", description="Cron expression for crawl + process runs.")
    digest_cron: str = Field("0 7 * * mon", description="Cron expression for the weekly digest (Monday 07:00).")
    timezone: str = Field("Asia/Jakarta", description="Time zone the cron expressions are read in.")
    email_digest: bool = Field(False, description="Send each digest by SMTP to [smtp] recipients.")


class SmtpSection(_Section):
    host: str = Field("", description="SMTP server host; empty = do not send mail.")
    port: int = Field(587, ge=1, le=65535, description="SMTP port.")
    starttls: bool = Field(True, description="Upgrade the connection with STARTTLS.")
    username: str = Field("", description="SMTP login; empty = no login.")
    password_env: str = Field("SMARTCITY_SMTP_PASSWORD",
                              description="Environment variable holding the SMTP password (never stored in the file).")
    sender: str = Field("", description="From address of the digest mail.")
    recipients: list[str] = Field(default_factory=list, description="Addresses that receive the digest.")


class LogSection(_Section):
    level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = Field("INFO", description="Log level of the command line.")
    file: str = Field("", description="Also log to this file (empty = stderr only).")


class Config(_Section):
    """The whole configuration; stage options are derived from it in ``smartcity.wiring``."""

    database: DatabaseSection = DatabaseSection()
    paths: PathsSection = PathsSection()
    crawl: CrawlSection = CrawlSection()
    extract: ExtractSection = ExtractSection()
    dedup: DedupSection = DedupSection()
    tag: TagSection = TagSection()
    report: ReportSection = ReportSection()
    schedule: ScheduleSection = ScheduleSection()
    smtp: SmtpSection = SmtpSection()
    log: LogSection = LogSection()
    sources: list[dict[str, Any]] = Field(default_factory=list,
                                          description="Extra [[sources]] entries, same keys as crawler/sources.toml.")
    source_path: str | None = Field(None, exclude=True)  # the file it came from, for messages

    # -- derived paths ---------------------------------------------------------------------
    @property
    def data_dir(self) -> Path:
        return Path(self.paths.data_dir).expanduser()

    @property
    def db_url(self) -> str:
        return self.database.url or str(self.data_dir / "smartcity.db")

    @property
    def models_dir(self) -> Path:
        return Path(self.paths.models_dir).expanduser() if self.paths.models_dir else self.data_dir / "models"

    @property
    def reports_dir(self) -> Path:
        return Path(self.report.out_dir).expanduser() if self.report.out_dir else self.data_dir / "reports"


SECTIONS: dict[str, type[_Section]] = {
    name: field.annotation  # type: ignore[misc]
    for name, field in Config.model_fields.items()
    if isinstance(field.annotation, type) and issubclass(field.annotation, _Section)
}


def config_keys() -> list[tuple[str, str, Any, str]]:
    """Every settable key as (section, key, default, help), in declaration order."""
    out = []
    for section, model in SECTIONS.items():
        for key, field in model.model_fields.items():
            default = field.get_default(call_default_factory=True)
            out.append((section, key, default, field.description or ""))
    return out


def _parse_env_value(raw: str, annotation: Any) -> Any:
    text = str(annotation)
    if "list" in text:
        return [part.strip() for part in raw.split(",") if part.strip()]
    return raw


def _env_overrides(env: Mapping[str, str]) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    if env.get("SMARTCITY_DB"):
        out.setdefault("database", {})["url"] = env["SMARTCITY_DB"]
    for name, raw in env.items():
        if not name.startswith(ENV_PREFIX) or name in ("SMARTCITY_DB", "SMARTCITY_CONFIG"):
            continue
        rest = name[len(ENV_PREFIX) :].lower()
        for section, model in SECTIONS.items():
            if rest.startswith(section + "_"):
                key = rest[len(section) + 1 :]
                if key in model.model_fields:
                    out.setdefault(section, {})[key] = _parse_env_value(raw, model.model_fields[key].annotation)
                    break
        # other SMARTCITY_* names (SMARTCITY_SMTP_PASSWORD...) belong to features, not settings
    return out


def _merge(base: dict[str, Any], over: Mapping[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for key, value in over.items():
        if isinstance(value, Mapping) and isinstance(out.get(key), dict):
            out[key] = _merge(out[key], value)
        else:
            out[key] = value
    return out


def parse_override(text: str) -> dict[str, dict[str, Any]]:
    """One ``--set section.key=value`` flag as a nested dict (value parsed as TOML, else a string)."""
    if "=" not in text or "." not in text.split("=", 1)[0]:
        raise ConfigError(f"--set {text!r}: write it as section.key=value, e.g. --set crawl.timeout=10")
    path, raw = text.split("=", 1)
    section, key = path.strip().split(".", 1)
    try:
        value = tomllib.loads(f"v = {raw}")["v"]
    except tomllib.TOMLDecodeError:
        value = raw
    return {section: {key: value}}


def _unknown_key_message(where: str, section: str | None, key: str) -> str:
    choices = list(SECTIONS) + ["sources"] if section is None else list(SECTIONS[section].model_fields)
    close = difflib.get_close_matches(key, choices, n=1)
    hint = f"did you mean {close[0]!r}?" if close else f"valid keys: {', '.join(choices)}"
    name = f"[{section}] {key}" if section else key
    return f"{where}: unknown key {name}: {hint}"


def _validation_message(where: str, exc: ValidationError) -> str:
    err = exc.errors()[0]
    loc = [str(p) for p in err["loc"]]
    if err["type"] == "extra_forbidden":
        section = loc[0] if len(loc) > 1 and loc[0] in SECTIONS else None
        return _unknown_key_message(where, section, loc[-1])
    name = f"[{loc[0]}] {'.'.join(loc[1:])}" if len(loc) > 1 else loc[0]
    msg = err["msg"].removeprefix("Value error, ")
    got = err.get("input")
    got_text = f" (got {got!r})" if got is not None and not isinstance(got, dict) else ""
    return f"{where}: {name}: {msg}{got_text}"


def load_config(
    path: str | Path | None = None,
    *,
    env: Mapping[str, str] | None = None,
    overrides: Mapping[str, Any] | None = None,
) -> Config:
    """Read ``path`` (or ./smartcity.toml, or $SMARTCITY_CONFIG), then the environment, then flags."""
    env = os.environ if env is None else env
    explicit = path is not None or bool(env.get("SMARTCITY_CONFIG"))
    file = Path(path if path is not None else env.get("SMARTCITY_CONFIG") or CONFIG_FILE).expanduser()
    data: dict[str, Any] = {}
    where = str(file)
    if file.exists() or explicit:
        try:
            data = tomllib.loads(file.read_text(encoding="utf-8"))
        except FileNotFoundError as exc:
            raise ConfigError(f"{where}: no such file: create it with `smartcity init` or fix --config") from exc
        except (OSError, UnicodeDecodeError) as exc:
            raise ConfigError(f"{where}: cannot read the file ({exc}): check its permissions and encoding") from exc
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"{where}: not valid TOML ({exc}): fix the line it names") from exc
    else:
        where = "defaults"
    for section, value in data.items():
        if section in SECTIONS and not isinstance(value, dict):
            raise ConfigError(
                f"{where}: [{section}] must be a table, got {type(value).__name__}: write [{section}] on its own line"
            )
    merged = _merge(data, _env_overrides(env))
    if overrides:
        merged = _merge(merged, overrides)
    try:
        cfg = Config.model_validate(merged)
    except ValidationError as exc:
        raise ConfigError(_validation_message(where, exc)) from None
    return cfg.model_copy(update={"source_path": str(file) if where != "defaults" else None})


def render_toml() -> str:
    """The commented smartcity.toml that ``smartcity init`` writes, from the same table as the defaults."""
    lines = [
        "# smartcity-monitor configuration. Every key is optional; the values shown are the defaults.",
        "# Precedence: command-line flags > SMARTCITY_<SECTION>_<KEY> environment variables > this file.",
        "",
    ]
    current = None
    for section, key, default, help_text in config_keys():
        if section != current:
            if current is not None:
                lines.append("")
            lines.append(f"[{section}]")
            current = section
        lines.append(f"# {help_text}")
        lines.append(f"{key} = {_toml_value(default)}")
    lines += [
        "",
        "# Extra outlets, same keys as the shipped crawler/sources.toml, e.g.:",
        "# [[sources]]",
        '# name = "kotaku-portal"',
        '# home = "https://kotaku.go.id/"',
        '# feeds = ["https://kotaku.go.id/feed"]',
        '# article_pattern = "/berita/detail/\\\\d+/"',
        '# allowed_domains = ["kotaku.go.id"]',
        "",
    ]
    return "\n".join(lines)


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    return '"' + str(value).replace("\\", "\\\\").replace('"', '\\"') + '"'
