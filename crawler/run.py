"""``crawl(sources, options, engine=…)``: one crawl in one Scrapy CrawlerProcess, recorded as a run.

One reactor per process: a second call in the same process raises ``ReactorNotRestartable``, so
anything that crawls repeatedly (the scheduler, tests) runs ``python -m smartcity crawl …`` in a
subprocess. The run record is opened before the reactor starts and closed after it stops; a
process killed in between leaves it "running" and the next crawl marks it "killed".
"""

from __future__ import annotations

import dataclasses
import logging
import sys
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from scrapy.crawler import CrawlerProcess
from sqlalchemy.engine import Engine

from crawler.ledger import Ledger, Progress
from crawler.settings import CrawlOptions, scrapy_settings
from crawler.sources import Source, SourceConfigError
from crawler.spiders.news import NewsSpider
from storage import runs
from storage.articles import ensure_source
from storage.db import session_scope
from storage.runs import SourceCounts

logger = logging.getLogger(__name__)

FRONTIER_PIPELINE = "crawler.pipelines.FrontierPipeline"
EXTRA_PIPELINE_ORDER = 800  # extra pipelines run after the page is committed (order 300)
DISCOVERY_PREFIXES = ("feed:", "sitemap:", "listing:")

PipelineSpec = str | type | object


@dataclass(frozen=True)
class SourceSummary:
    """One source's totals in a run, and whether it failed (a discovery error or a failed page)."""

    name: str
    counts: SourceCounts

    @property
    def failed(self) -> bool:
        return self.counts.failed > 0 or any(k.startswith(DISCOVERY_PREFIXES) for k in self.counts.errors)


@dataclass(frozen=True)
class CrawlSummary:
    """What a crawl did: its run id and status, per-source totals, and how long it took."""

    run_id: int
    status: str  # ok | partial | failed | killed
    message: str | None
    sources: tuple[SourceSummary, ...]
    seconds: float

    @property
    def failed_sources(self) -> tuple[str, ...]:
        return tuple(s.name for s in self.sources if s.failed)


def _pipeline_entry(spec: PipelineSpec) -> str | type:
    """A class path or class as given; an instance wrapped in a class whose from_crawler returns it."""
    if isinstance(spec, str | type):
        return spec
    holder: type = type(f"Extra{type(spec).__name__}", (), {"from_crawler": classmethod(lambda cls, crawler: spec)})
    return holder


def build_settings(options: CrawlOptions, sources: Sequence[Source],
                   extra_pipelines: Sequence[PipelineSpec] = ()) -> dict[str, Any]:
    """Scrapy settings for this crawl: ours, the sources' hosts, the frontier and extra pipelines."""
    settings = scrapy_settings(options, allowed_hosts={h for s in sources for h in s.hosts})
    pipelines: dict[str | type, int] = {FRONTIER_PIPELINE: 300}
    for i, spec in enumerate(extra_pipelines):
        pipelines[_pipeline_entry(spec)] = EXTRA_PIPELINE_ORDER + i
    settings["ITEM_PIPELINES"] = pipelines
    settings["SMARTCITY_BATCH_SECONDS"] = options.batch_seconds
    return settings


def _status(reason: str | None, summaries: Sequence[SourceSummary]) -> tuple[str, str | None]:
    if reason == "shutdown":
        return "killed", "stopped by a signal before the crawl finished (SIGTERM/SIGINT)"
    if reason not in ("finished", None):
        return "failed", f"Scrapy closed the crawl: {reason}"
    failed = [s.name for s in summaries if s.failed]
    if not failed:
        return "ok", None
    status = "failed" if len(failed) == len(summaries) else "partial"
    return status, f"{len(failed)} of {len(summaries)} sources had errors: {', '.join(failed)}"


def options_record(options: CrawlOptions, sources: Sequence[Source]) -> dict[str, Any]:
    """The options a run is recorded with (JSON-ready)."""
    record = {k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in dataclasses.asdict(options).items()}
    record["sources"] = [s.name for s in sources]
    return record


class _MinLevel(logging.Filter):
    """Drops records below a level (a logger's own level does not survive Scrapy's dictConfig)."""

    def __init__(self, level: str) -> None:
        super().__init__()
        self.level = logging.getLevelName(level)

    def filter(self, record: logging.LogRecord) -> bool:
        return record.levelno >= self.level


def _min_level(logger: logging.Logger, level: str) -> None:
    for old in [f for f in logger.filters if isinstance(f, _MinLevel)]:
        logger.removeFilter(old)
    logger.addFilter(_MinLevel(level))


def _check_reactor_unused() -> None:
    """Fail before touching the database if this process's Twisted reactor already ran a crawl."""
    if "twisted.internet.reactor" not in sys.modules:
        return
    from twisted.internet import reactor

    if getattr(reactor, "_startedBefore", False):
        raise RuntimeError(
            "crawler.run.crawl() already ran in this process and Twisted's reactor cannot restart: "
            "run each crawl in its own process (python -m smartcity crawl ...)"
        )


def crawl(
    sources: Sequence[Source],
    options: CrawlOptions,
    *,
    engine: Engine,
    extra_pipelines: Sequence[PipelineSpec] = (),
    extra_settings: Mapping[str, Any] | None = None,
    progress: Callable[[Progress], None] | None = None,
    install_signal_handlers: bool = True,
) -> CrawlSummary:
    """Crawl ``sources`` into the database at ``engine`` (migrated) and record the run; blocks until done.

    ``extra_pipelines`` (class paths, classes or instances) receive each PageItem after its page is
    committed, ``page_id`` set; ``extra_settings`` are Scrapy settings they read in ``from_crawler``.
    ``progress`` is called every ``options.progress_every`` article pages.
    """
    if not sources:
        raise SourceConfigError("no sources to crawl: check --source names or enable a source")
    _check_reactor_unused()
    with session_scope(engine) as s:
        killed = runs.mark_stale(s)
        source_ids = {src.name: ensure_source(s, name=src.name, home=src.home, region=src.region) for src in sources}
        run_id = runs.start_run(s, options=options_record(options, sources))
    if killed:
        logger.warning("marked earlier run(s) %s as killed: their process ended mid-crawl", ", ".join(map(str, killed)))
    ledger = Ledger(
        engine, run_id=run_id, source_ids=source_ids, max_attempts=options.max_attempts,
        batch_size=options.batch_size, progress=progress, progress_every=options.progress_every,
    )
    settings = build_settings(options, sources, extra_pipelines)
    clash = sorted(set(extra_settings or {}) & set(settings))
    if clash:
        raise ValueError(f"extra_settings may not override the crawler's own settings: {', '.join(clash)}")
    # Scrapy's constructor resets its loggers to DEBUG (dictConfig) and logs its versions; a filter
    # survives that reset, so the start-up lines follow options.log_level like the rest.
    for name in ("scrapy.utils.log", "scrapy.crawler"):
        _min_level(logging.getLogger(name), options.log_level)
    process = CrawlerProcess({**settings, **(extra_settings or {})})
    logging.getLogger("scrapy").setLevel(options.log_level)
    crawler = process.create_crawler(NewsSpider)
    process.crawl(crawler, sources=tuple(sources), ledger=ledger, options=options)
    started = time.monotonic()
    logger.info("crawl run %d: %d sources", run_id, len(sources))
    process.start(install_signal_handlers=install_signal_handlers)
    seconds = time.monotonic() - started
    reason = crawler.stats.get_value("finish_reason") if crawler.stats else None
    names = {sid: name for name, sid in source_ids.items()}
    summaries = tuple(SourceSummary(names[sid], c) for sid, c in ledger.counts.items())
    status, message = _status(reason, summaries)
    ledger.close(status=status, message=message)
    summaries = tuple(SourceSummary(names[sid], c) for sid, c in ledger.counts.items())
    return CrawlSummary(run_id, status, message, summaries, seconds)
