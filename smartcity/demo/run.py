"""``smartcity demo``: the whole pipeline, offline, on the bundled sample outlets.

Serves three outlets of our own writing on 127.0.0.1 (fixed ports, so a second run sees the same
URLs and stores nothing twice), crawls them with the real crawler, extracts, clusters and tags
with the real NLP, and writes the weekly digest of the week that holds the newest articles.
"""

from __future__ import annotations

import contextlib
import logging
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from smartcity.demo.site import JAKARTA, OUTLETS, build_site, source_entries

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

    from nlp.model_io import TaggerModel
    from smartcity.process import ProcessOptions, ProcessSummary

logger = logging.getLogger(__name__)
DEFAULT_PORT = 8471


class DemoError(Exception):
    """The demo cannot start (a port is taken, the folder is not writable); the message says what to do."""


@dataclass
class DemoResult:
    """Where the demo put things and what it counted."""

    db_url: str
    reports: list[Path] = field(default_factory=list)
    crawl_status: str = ""
    pages_fetched: int = 0
    new_articles: int = 0
    processed: ProcessSummary | None = None
    articles: int = 0
    stories: int = 0
    relevant: int = 0
    model_version: str = ""
    trained: bool = False
    week: str = ""


@contextlib.contextmanager
def serve_outlets(site_root: Path, *, port: int, today: date) -> Iterator[dict[str, str]]:
    """Build the site and serve each outlet on 127.0.0.1:port, port+1, port+2."""
    from smartcity.demo.server import serve

    bases = {o.key: f"http://127.0.0.1:{port + i}" for i, o in enumerate(OUTLETS)}
    build_site(site_root, bases, today=today)
    servers = []
    try:
        for i, o in enumerate(OUTLETS):
            try:
                servers.append(serve(site_root / o.key, "127.0.0.1", port=port + i))
            except OSError as exc:
                raise DemoError(
                    f"cannot serve the demo outlet {o.name} on 127.0.0.1:{port + i} ({exc.strerror}): "
                    "pass --port with another free port"
                ) from exc
        yield bases
    finally:
        for s in servers:
            s.stop()


def run_demo(
    engine: Engine,
    *,
    db_url: str,
    models_dir: Path,
    reports_dir: Path,
    process_options: ProcessOptions,
    load_or_train: Callable[[Path], tuple[TaggerModel, bool]],
    write_report: Callable[[Engine, Path, date], tuple[str, list[Path]]],
    port: int = DEFAULT_PORT,
    today: date | None = None,
    say: Callable[[str], None] = lambda _: None,
) -> DemoResult:
    """Serve, crawl, process and report; every stage is the one the real commands use."""
    from crawler.run import crawl
    from crawler.settings import CrawlOptions
    from crawler.sources import load_sources
    from smartcity.process import process_pages
    from storage.stats import table_counts

    today = today or datetime.now(JAKARTA).date()
    result = DemoResult(db_url=db_url)
    with (tempfile.TemporaryDirectory(prefix="smartcity-demo-site-") as tmp,
          serve_outlets(Path(tmp), port=port, today=today) as bases):
        sources = load_sources(shipped=False, extra=source_entries(bases), extra_where="demo outlets")
        say(f"serving {len(sources)} sample outlets on 127.0.0.1:{port}-{port + len(sources) - 1}; crawling …")
        options = CrawlOptions(download_delay=0.0, autothrottle=False, concurrent_per_domain=4, retries=1, timeout=10)
        summary = crawl(sources, options, engine=engine, install_signal_handlers=False)
    result.crawl_status = summary.status
    result.pages_fetched = sum(s.counts.pages_fetched for s in summary.sources)
    result.new_articles = sum(s.counts.new_articles for s in summary.sources)
    model, result.trained = load_or_train(models_dir)
    result.model_version = model.version
    say(f"crawled {result.pages_fetched} pages ({result.new_articles} new); extracting and tagging with {model.version} …")
    result.processed = process_pages(engine, model, options=process_options)
    counts = table_counts(engine)
    result.articles, result.stories = counts["article"], counts["story"]
    with engine.connect() as conn:
        result.relevant = int(conn.exec_driver_sql("SELECT count(*) FROM article_tag WHERE relevant").scalar_one())
    result.week, result.reports = write_report(engine, reports_dir, today)
    return result
