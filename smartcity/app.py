"""Per-invocation state shared by commands: the loaded config, the engine, logging set-up."""

from __future__ import annotations

import logging
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from smartcity.config import Config, ConfigError, load_config, parse_override

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

# Domain errors that mean "the user must fix an input": printed as one line, exit code 2.
USER_ERRORS = (
    "smartcity.config:ConfigError",
    "storage.db:DatabaseError",
    "storage.schema:SchemaOutdated",
    "crawler.sources:SourceConfigError",
    "nlp.model_io:ModelError",
    "nlp.corpus:CorpusError",
    "storage.queries_sql:QueryError",
    "storage.queries_search:SearchSyntaxError",
    "storage.labels:LabelError",
    "reports.weekly:WeekError",
    "reports.render:RenderError",
    "smartcity.demo.run:DemoError",
    "smartcity.app:UsageError",
)


class UsageError(Exception):
    """A bad flag or argument value, with the fix in the message."""


def is_user_error(exc: BaseException) -> bool:
    """Whether ``exc`` is one of the domain errors above, judged by name so no module is imported for it."""
    return any(f"{cls.__module__}:{cls.__qualname__}" in USER_ERRORS for cls in type(exc).__mro__)


class App:
    """What every command needs, built on first use (config file read only when a command runs)."""

    def __init__(self, *, config_path: str | None = None, db_url: str | None = None, overrides: tuple[str, ...] = (),
                 verbosity: int = 0) -> None:
        self.config_path = config_path
        self.db_override = db_url
        self.overrides = overrides
        self.verbosity = verbosity
        self._logging_done = False

    @cached_property
    def config(self) -> Config:
        merged: dict[str, dict[str, object]] = {}
        for text in self.overrides:
            for section, values in parse_override(text).items():
                merged.setdefault(section, {}).update(values)
        if self.db_override:
            merged.setdefault("database", {})["url"] = self.db_override
        cfg = load_config(self.config_path, overrides=merged)
        self.setup_logging(cfg)
        return cfg

    def setup_logging(self, cfg: Config | None = None) -> None:
        """Handlers are configured here and only here (libraries add NullHandlers)."""
        if self._logging_done:
            return
        self._logging_done = True
        level_name = cfg.log.level if cfg else "INFO"
        level = getattr(logging, level_name)
        if self.verbosity > 0:
            level = logging.DEBUG if self.verbosity > 1 else min(level, logging.INFO)
        elif self.verbosity < 0:
            level = logging.WARNING
        handlers: list[logging.Handler] = [logging.StreamHandler()]
        if cfg and cfg.log.file:
            Path(cfg.log.file).expanduser().parent.mkdir(parents=True, exist_ok=True)
            handlers.append(logging.FileHandler(Path(cfg.log.file).expanduser(), encoding="utf-8"))
        logging.basicConfig(level=level, format="%(asctime)s %(levelname)-7s %(name)s: %(message)s", handlers=handlers,
                            force=True)
        for noisy in ("scrapy", "twisted", "filelock", "matplotlib", "fontTools", "weasyprint", "alembic.runtime.migration"):
            logging.getLogger(noisy).setLevel(max(level, logging.WARNING))

    @cached_property
    def engine(self) -> Engine:
        """Engine on the configured database; creates a new database, refuses an outdated one."""
        from storage.db import make_engine
        from storage.schema import ensure_schema

        cfg = self.config
        engine = make_engine(cfg.db_url, busy_timeout_ms=cfg.database.busy_timeout_ms)
        ensure_schema(engine)
        return engine

    @property
    def db_label(self) -> str:
        """The database as a human would write it, for messages."""
        return self.config.db_url


__all__ = ["App", "ConfigError", "UsageError", "is_user_error"]
