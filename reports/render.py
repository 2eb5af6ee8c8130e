"""Turn a Digest into files: self-contained HTML (charts inlined), Markdown for chat, PDF, CSV, XLSX.

Jinja2 autoescapes the HTML template, so a headline containing ``<script>`` shows as text; the
Markdown template escapes Markdown and HTML punctuation the same way. The PDF is WeasyPrint over
the same HTML, allowed to load nothing but the inlined ``data:`` images.
"""

from __future__ import annotations

import base64
import functools
import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from jinja2 import Environment, PackageLoader, StrictUndefined, pass_context, select_autoescape
from jinja2.runtime import Context

from reports import labels
from reports.weekly import Digest

logger = logging.getLogger(__name__)

FORMATS = ("html", "md", "pdf", "csv", "xlsx")
MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~])")  # what can format, link or open HTML in chat Markdown


class RenderError(ValueError):
    """A digest that cannot be written as asked; the message names the format or path and the fix."""


@dataclass(frozen=True)
class RenderOptions:
    """Language and footer facts of a rendered digest."""

    lang: str = "id"
    source: str = ""  # where the figures came from, shown in the footer
    generated_at: datetime | None = None


def _md(value: object) -> str:
    """Escape Markdown/HTML punctuation so titles cannot format, link or inject markup."""
    return MD_SPECIAL.sub(r"\\\1", str(value)).replace("\n", " ")


def _md_url(value: object) -> str:
    return str(value).replace("(", "%28").replace(")", "%29").replace(" ", "%20")


@pass_context
def _n(ctx: Context, v: object) -> str:
    return labels.number(int(v), ctx["lang"])  # type: ignore[call-overload]


@pass_context
def _signed(ctx: Context, v: object) -> str:
    return labels.signed(int(v), ctx["lang"])  # type: ignore[call-overload]


@pass_context
def _pillar(ctx: Context, p: str) -> str:
    return labels.pillar_name(p, ctx["lang"])


@pass_context
def _pillar_short(ctx: Context, p: str) -> str:
    return labels.pillar_name(p, ctx["lang"], short=True)


@pass_context
def _day(ctx: Context, dt: datetime | None) -> str:
    return labels.day(dt.astimezone(ZoneInfo(ctx["d"].timezone)).date(), ctx["lang"]) if dt else ""


def _trend_class(v: int) -> str:
    return "up" if v > 0 else ("down" if v < 0 else "")


@functools.cache
def _env() -> Environment:
    """The template environment, built on first render (autoescape on for .html.j2 only)."""
    env = Environment(
        loader=PackageLoader("reports", "templates"),
        autoescape=select_autoescape(enabled_extensions=("html.j2",), default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
    )
    env.filters.update(md=_md, mdurl=_md_url, n=_n, signed=_signed, pillar=_pillar, pillar_short=_pillar_short,
                       day=_day, trend_class=_trend_class)
    return env


def _context(digest: Digest, options: RenderOptions, charts: dict[str, str]) -> dict[str, Any]:
    lang = options.lang
    labels.text(lang, "title")  # refuses an unknown language before anything is drawn
    zone = ZoneInfo(digest.timezone)
    top = max(digest.pillars, key=lambda p: (p.stories, -digest.pillars.index(p)), default=None)
    focus = digest.focus
    when = (options.generated_at or datetime.now(UTC)).astimezone(zone)
    return {
        "d": digest,
        "lang": lang,
        "t": lambda key, **kw: labels.text(lang, key, **kw),
        "period": labels.period(digest.start.date(), digest.last_day, lang),
        "headline": labels.headline(digest.stories, digest.previous_stories, lang),
        "details": labels.details(digest.articles, digest.outlet_count, digest.city_count, lang),
        "top_pillar": labels.top_pillar_sentence(top.pillar if top and top.stories else None, top.stories if top else 0, lang),
        "focus_sentence": labels.focus_sentence(focus.city, focus.stories, focus.previous, focus.province, focus.province_stories,
                                                focus.rank, len(focus.peers), lang) if focus else "",
        "generated": labels.text(lang, "generated", when=f"{labels.day(when.date(), lang)} {when:%H:%M}",
                                 db=options.source or "-"),
        "charts": charts,
    }


def render_html(digest: Digest, options: RenderOptions = RenderOptions(), *, charts: dict[str, bytes] | None = None) -> str:
    """One self-contained HTML page (charts as data: URIs) that can be mailed as it is."""
    if charts is None:
        from reports.charts import all_charts

        charts = all_charts(digest, options.lang)
    inline = {name: base64.b64encode(png).decode("ascii") for name, png in charts.items()}
    return _env().get_template("weekly.html.j2").render(**_context(digest, options, inline))


def render_markdown(digest: Digest, options: RenderOptions = RenderOptions()) -> str:
    """The digest as Markdown for chat (no images; numbers in tables)."""
    text = _env().get_template("weekly.md.j2").render(**_context(digest, options, {}))
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"


def _data_only_fetcher() -> Any:
    """A WeasyPrint fetcher that loads the inlined data: images and nothing else (no network, no files)."""
    try:
        from weasyprint.urls import URLFetcher  # WeasyPrint >= 68
    except ImportError:  # older releases take a plain function
        from weasyprint import default_url_fetcher

        def fetch(url: str, *args: Any, **kwargs: Any) -> Any:
            if not url.startswith("data:"):
                raise RenderError(f"the digest PDF refuses to load {url!r}: every resource must be inlined")
            return default_url_fetcher(url)

        return fetch
    return URLFetcher(allowed_protocols=("data",))


def write_pdf(html: str, path: Path) -> Path:
    """The same HTML as a PDF (WeasyPrint)."""
    from weasyprint import HTML

    HTML(string=html, url_fetcher=_data_only_fetcher()).write_pdf(str(path))
    return path


def file_stem(digest: Digest) -> str:
    """smartcity-2022-W40 (with the focus place appended when there is one)."""
    stem = f"smartcity-{digest.week}"
    if digest.focus:
        stem += "-" + re.sub(r"[^a-z0-9]+", "-", digest.focus.city.lower()).strip("-")
    return stem


def parse_formats(text: str | Sequence[str]) -> tuple[str, ...]:
    """"html,md" -> ("html", "md"), refusing unknown formats with the list of valid ones."""
    items = [f.strip().lower() for f in (text.split(",") if isinstance(text, str) else text) if f.strip()]
    bad = [f for f in items if f not in FORMATS]
    if bad or not items:
        raise RenderError(f"--format {text if isinstance(text, str) else ','.join(text)!r}: "
                          f"choose from {', '.join(FORMATS)} (comma-separated)")
    return tuple(dict.fromkeys(items))


def render(digest: Digest, formats: Sequence[str], out_dir: Path, options: RenderOptions = RenderOptions()) -> list[Path]:
    """Write the digest in each format into ``out_dir``; returns the files written."""
    from reports import tables

    formats = parse_formats(formats)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise RenderError(f"cannot create the output folder {str(out_dir)!r}: {exc.strerror}; pass another --out") from exc
    stem = out_dir / file_stem(digest)
    written: list[Path] = []
    html: str | None = None
    if "html" in formats or "pdf" in formats:
        html = render_html(digest, options)
    for fmt in formats:
        if fmt == "html":
            written.append(_write(stem.with_suffix(".html"), html or ""))
        elif fmt == "md":
            written.append(_write(stem.with_suffix(".md"), render_markdown(digest, options)))
        elif fmt == "pdf":
            written.append(write_pdf(html or "", stem.with_suffix(".pdf")))
        elif fmt == "csv":
            written.extend(tables.write_csv(digest, stem, options.lang))
        elif fmt == "xlsx":
            written.append(tables.write_xlsx(digest, stem.with_suffix(".xlsx"), options.lang))
    logger.info("digest %s written: %s", digest.week, ", ".join(p.name for p in written))
    return written


def _write(path: Path, content: str) -> Path:
    path.write_text(content, encoding="utf-8")
    return path
