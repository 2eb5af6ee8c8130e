"""``smartcity crawl``: fetch new articles from the configured outlets into the database.

Maps every ``[crawl]`` key onto ``crawler.settings.CrawlOptions``, prints a progress line on stderr
every N article pages and a per-source table at the end. Exit code 0 when every source crawled
cleanly, 1 when some source failed (or the crawl was stopped), 2 for a usage or configuration error.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from datetime import datetime, time, timedelta, timezone
from typing import TYPE_CHECKING

import click

from smartcity import __version__
from smartcity.app import App, UsageError
from smartcity.config import ConfigError, CrawlSection

if TYPE_CHECKING:
    from crawler.ledger import Progress
    from crawler.run import CrawlSummary
    from crawler.settings import CrawlOptions
    from crawler.sources import Source

WIB = timezone(timedelta(hours=7))


def parse_since(text: str) -> datetime:
    """``--since`` as an aware datetime: YYYY-MM-DD (midnight WIB) or an ISO date-time."""
    try:
        value = datetime.fromisoformat(text.strip())
    except ValueError:
        raise UsageError(f"--since {text!r}: write a date as YYYY-MM-DD (e.g. --since 2026-11-01) or an ISO date-time") from None
    if len(text.strip()) == 10:
        value = datetime.combine(value.date(), time(0, 0))
    return value if value.tzinfo else value.replace(tzinfo=WIB)


def user_agent(section: CrawlSection) -> str:
    """The User-Agent from ``[crawl] user_agent`` with {version} and {contact_url} filled in."""
    try:
        return section.user_agent.format(version=__version__, contact_url=section.contact_url)
    except (KeyError, IndexError, ValueError) as exc:
        raise ConfigError(
            f"[crawl] user_agent {section.user_agent!r}: only {{version}} and {{contact_url}} may be filled in ({exc})"
        ) from None


def crawl_options(section: CrawlSection, *, since: datetime | None = None, max_pages: int | None = None,
                  now: datetime | None = None) -> CrawlOptions:
    """CrawlOptions from ``[crawl]``; ``since``/``max_pages`` are the command-line overrides."""
    from crawler.settings import CrawlOptions

    if since is None and section.since_days:
        since = (now or datetime.now(WIB)) - timedelta(days=section.since_days)
    return CrawlOptions(
        user_agent=user_agent(section),
        obey_robots=section.obey_robots,
        concurrent_requests=section.concurrent_requests,
        concurrent_per_domain=section.concurrent_per_domain,
        download_delay=section.download_delay,
        autothrottle=section.autothrottle,
        timeout=section.timeout,
        max_size_mb=section.max_size_mb,
        max_redirects=section.max_redirects,
        retries=section.retries,
        retry_after_max=section.retry_after_max,
        max_pages=max_pages or section.max_pages,
        since=since,
    )


def select_sources(app: App, only: Sequence[str], sources_file: str | None) -> tuple[Source, ...]:
    """Shipped registry + ``[crawl] sources_file`` + ``--sources`` + ``[[sources]]``, filtered by name."""
    from crawler.sources import load_sources

    cfg = app.config
    files = [f for f in (cfg.crawl.sources_file, sources_file) if f]
    where = f"{cfg.source_path or 'smartcity.toml'} [[sources]]"
    return load_sources(files=files, extra=cfg.sources, extra_where=where, only=list(only) or cfg.crawl.only)


def extra_pipelines(app: App) -> list[object]:
    """The inline-processing pipeline (extract + tag while crawling) when ``[crawl] inline_process`` is on."""
    if not app.config.crawl.inline_process:
        return []
    from nlp.model_io import load_model
    from smartcity.process import make_inline_pipeline
    from smartcity.wiring import process_options

    model = load_model(app.config.models_dir)  # fail before crawling, not after
    return [make_inline_pipeline(app.engine, model, process_options(app.config))()]


def _progress(p: Progress) -> None:
    click.echo(f"  … {p.articles} article pages: {p.new} new, {p.known} known, {p.duplicates} duplicates, {p.failed} failed",
               err=True)


def _print_summary(summary: CrawlSummary) -> None:
    click.echo(f"crawl run {summary.run_id}: {summary.status} in {summary.seconds:.1f}s"
               + (f" ({summary.message})" if summary.message else ""))
    head = f"{'source':<24} {'fetched':>8} {'new':>6} {'known':>6} {'dupes':>6} {'failed':>6}  errors"
    click.echo(head)
    for s in sorted(summary.sources, key=lambda s: s.name):
        c = s.counts
        errors = ", ".join(f"{k}={v}" for k, v in sorted(c.errors.items())) or "-"
        click.echo(f"{s.name:<24} {c.pages_fetched:>8} {c.new_articles:>6} {c.known:>6} {c.duplicates:>6} {c.failed:>6}  "
                   f"{errors}")


@click.command(name="crawl")
@click.option("--source", "only", multiple=True, metavar="NAME",
              help="Crawl only this source (repeatable; default all, or [crawl] only).")
@click.option("--sources", "sources_file", metavar="FILE", type=click.Path(dir_okay=False),
              help="Extra sources TOML merged over the shipped registry.")
@click.option("--since", metavar="DATE",
              help="Skip articles dated before DATE (YYYY-MM-DD, WIB); default: [crawl] since_days ago.")
@click.option("--max-pages", type=click.IntRange(1, 1000), metavar="N",
              help="Listing pages followed per start URL (default [crawl] max_pages).")
@click.option("--list", "list_only", is_flag=True, help="Print the selected sources and exit.")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON instead of a table.")
@click.pass_obj
def command(app: App, only: tuple[str, ...], sources_file: str | None, since: str | None, max_pages: int | None, list_only: bool,
            as_json: bool) -> int:
    """Fetch new articles from the outlets into the database (raw pages; `smartcity process` extracts them).

    Only URLs not stored yet are fetched; a crawl killed at any point is resumed by the next one.
    Exit code 0 = every source crawled, 1 = some source failed, 2 = usage or configuration error.

    \b
    Examples:
      smartcity crawl --source antara-banten --source tangerangnews --since 2026-11-01
      smartcity crawl --sources my-outlets.toml --max-pages 2
      smartcity crawl --list
    """  # noqa: D301 - click's \b paragraph marker must be the real backspace character
    sources = select_sources(app, only, sources_file)
    if list_only:
        for s in sources:
            where = len(s.feeds), len(s.sitemaps), len(s.start_urls)
            click.echo(f"{s.name:<24} {s.region or '-':<18} feeds={where[0]} sitemaps={where[1]} listings={where[2]}  {s.home}")
        return 0
    options = crawl_options(app.config.crawl, since=parse_since(since) if since else None, max_pages=max_pages)
    pipelines = extra_pipelines(app)
    engine = app.engine
    from crawler.run import crawl

    click.echo(f"crawling {len(sources)} source(s) into {app.db_label}"
               + (f", since {options.since.isoformat(timespec='minutes')}" if options.since else ""), err=True)
    summary = crawl(sources, options, engine=engine, extra_pipelines=pipelines, progress=_progress)
    if as_json:
        payload = {
            "run_id": summary.run_id, "status": summary.status, "message": summary.message, "seconds": round(summary.seconds, 3),
            "sources": {s.name: {**vars(s.counts), "failed_source": s.failed} for s in summary.sources},
        }
        click.echo(json.dumps(payload, indent=2, sort_keys=True))
    else:
        _print_summary(summary)
    sys.stdout.flush()
    return 1 if summary.status != "ok" else 0
