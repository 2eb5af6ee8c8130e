"""The outlet registry: load the shipped ``sources.toml``, merge user overrides, validate into Sources.

A user adds or overrides outlets with ``--sources FILE`` or ``[[sources]]`` in smartcity.toml; an
entry whose ``name`` exists replaces the keys it gives, ``enabled = false`` switches one off. Every
malformed entry raises ``SourceConfigError`` naming the file, the source and the key at fault.
"""

from __future__ import annotations

import difflib
import re
import tomllib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

SHIPPED = "sources.toml"
NAME_RE = re.compile(r"^[a-z0-9][a-z0-9-]{0,99}$")
DOMAIN_RE = re.compile(r"^(?:[a-z0-9-]+\.)*[a-z0-9-]+$|^\d{1,3}(?:\.\d{1,3}){3}$")

# Folders that never hold single articles on any outlet (galleries, video, tag and index pages),
# matched against the path without its last segment so a slug like "tv-digital-masuk-desa" stays.
SECTION_SKIP = re.compile(
    r"/(?:tag|tags|topik|topic|kategori|category|penulis|author|search|cari|indeks|index"
    r"|foto|photo|photos|galeri|gallery|video|videos|tv|infografis|infographic)(?:-[a-z0-9]+)*(?=/)",
    re.I,
)
# Files that are never article pages.
FILE_SKIP = re.compile(r"\.(?:jpe?g|png|gif|webp|svg|pdf|mp4|mp3|zip|xml|json)$", re.I)

KEYS: dict[str, str] = {
    "name": "a short id of lowercase letters, digits and hyphens",
    "home": "the outlet's home page URL",
    "feeds": "a list of RSS/Atom feed URLs",
    "sitemaps": "a list of sitemap (or sitemap index) URLs",
    "start_urls": "a list of listing page URLs",
    "article_pattern": "a regular expression matching article URLs",
    "allowed_domains": "a list of host names (subdomains included)",
    "region": "a province or area name",
    "max_pages": "an integer >= 1 (listing pages per start URL)",
    "skip_patterns": "a list of regular expressions for non-article URLs (beyond the built-in tag/foto/video folders)",
    "view_all_param": "a query 'key=value' that shows the whole article on one page",
    "multipage": "a table {next_pattern, max_parts} or false",
    "next_page_pattern": "a regular expression matching a listing's next-page links",
    "enabled": "true or false",
}
LIST_KEYS = ("feeds", "sitemaps", "start_urls", "allowed_domains", "skip_patterns")


class SourceConfigError(Exception):
    """A source entry the crawler cannot use; the message names file, source, key and fix."""


@dataclass(frozen=True)
class Source:
    """One validated outlet: where to discover articles and how to recognise them."""

    name: str
    home: str
    feeds: tuple[str, ...] = ()
    sitemaps: tuple[str, ...] = ()
    start_urls: tuple[str, ...] = ()
    article_pattern: re.Pattern[str] = re.compile(".")
    allowed_domains: tuple[str, ...] = ()
    region: str | None = None
    max_pages: int | None = None
    skip_patterns: tuple[re.Pattern[str], ...] = ()
    view_all_param: str | None = None
    multipage: bool = True
    next_part_pattern: re.Pattern[str] | None = None
    max_parts: int = 10
    next_page_pattern: re.Pattern[str] | None = None

    def allows(self, url: str) -> bool:
        """Whether ``url`` is on one of the source's domains (or their subdomains)."""
        host = (urlsplit(url).hostname or "").lower()
        return any(host == d or host.endswith("." + d) for d in self.allowed_domains)

    def is_article(self, url: str) -> bool:
        """Whether ``url`` looks like one of this outlet's articles (and no gallery/tag/index page)."""
        if not self.allows(url) or not self.article_pattern.search(url):
            return False
        path = urlsplit(url).path
        folder = path[: path.rstrip("/").rfind("/") + 1]
        if SECTION_SKIP.search(folder) or FILE_SKIP.search(path):
            return False
        return not any(p.search(url) for p in self.skip_patterns)

    @property
    def hosts(self) -> frozenset[str]:
        """Host names this source's configured URLs use (what the address guard allows)."""
        urls = (self.home, *self.feeds, *self.sitemaps, *self.start_urls)
        return frozenset({(urlsplit(u).hostname or "").lower() for u in urls} | set(self.allowed_domains))


def _fail(where: str, name: str, key: str, problem: str) -> SourceConfigError:
    return SourceConfigError(f"{where}: source {name!r}: key {key!r} {problem}")


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "…'"


def _url(where: str, name: str, key: str, value: Any) -> str:
    if not isinstance(value, str):
        raise _fail(where, name, key, f"must be a URL string, got {_short(value)}")
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise _fail(where, name, key, f"must be an http(s) URL, got {_short(value)}")
    return value


def _urls(where: str, name: str, key: str, value: Any) -> tuple[str, ...]:
    if not isinstance(value, list):
        raise _fail(where, name, key, f"must be a list of URLs, got {_short(value)}")
    return tuple(_url(where, name, key, v) for v in value)


def _regex(where: str, name: str, key: str, value: Any) -> re.Pattern[str]:
    if not isinstance(value, str) or not value:
        raise _fail(where, name, key, f"must be a regular expression string, got {_short(value)}")
    try:
        return re.compile(value)
    except re.error as exc:
        raise _fail(where, name, key, f"is not a valid regular expression ({exc}): fix {value!r}") from None


def _int(where: str, name: str, key: str, value: Any, *, low: int, high: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise _fail(where, name, key, f"must be an integer from {low} to {high}, got {_short(value)}")
    return value


def _multipage(where: str, name: str, value: Any) -> tuple[bool, re.Pattern[str] | None, int]:
    if value is False:
        return False, None, 1
    if value is True:
        return True, None, 10
    if not isinstance(value, dict):
        raise _fail(where, name, "multipage", f"must be {KEYS['multipage']}, got {_short(value)}")
    unknown = set(value) - {"next_pattern", "max_parts"}
    if unknown:
        raise _fail(where, name, "multipage", f"has unknown key {sorted(unknown)[0]!r}: use next_pattern and max_parts")
    pattern = _regex(where, name, "multipage.next_pattern", value["next_pattern"]) if "next_pattern" in value else None
    parts = _int(where, name, "multipage.max_parts", value.get("max_parts", 10), low=1, high=50)
    return True, pattern, parts


def validate_source(raw: Mapping[str, Any], *, where: str) -> Source:
    """One raw TOML/dict entry as a Source, or SourceConfigError naming the key at fault."""
    name = raw.get("name")
    if not isinstance(name, str) or not NAME_RE.match(name):
        raise SourceConfigError(f"{where}: a source has name {_short(name)}: give each [[sources]] a name of {KEYS['name']}")
    for key in raw:
        if key not in KEYS:
            close = difflib.get_close_matches(key, list(KEYS), n=1)
            hint = f"did you mean {close[0]!r}?" if close else f"valid keys: {', '.join(KEYS)}"
            raise _fail(where, name, key, f"is not a source key: {hint}")
    for key in ("home", "article_pattern", "allowed_domains"):
        if key not in raw:
            raise _fail(where, name, key, f"is missing: give {KEYS[key]}")
    home = _url(where, name, "home", raw["home"])
    feeds, sitemaps, starts = (_urls(where, name, k, raw.get(k, [])) for k in ("feeds", "sitemaps", "start_urls"))
    if not (feeds or sitemaps or starts):
        raise _fail(where, name, "feeds",
                    "is empty, and so are 'sitemaps' and 'start_urls': give at least one place to discover articles")
    pattern = _regex(where, name, "article_pattern", raw["article_pattern"])
    domains_raw = raw.get("allowed_domains")
    if (not isinstance(domains_raw, list) or not domains_raw
            or not all(isinstance(d, str) and DOMAIN_RE.match(d.lower()) for d in domains_raw)):
        raise _fail(where, name, "allowed_domains",
                    f"must be {KEYS['allowed_domains']} (no scheme or path), got {_short(domains_raw)}")
    domains = tuple(d.lower() for d in domains_raw)
    skips = raw.get("skip_patterns", [])
    if not isinstance(skips, list):
        raise _fail(where, name, "skip_patterns", f"must be {KEYS['skip_patterns']}, got {_short(skips)}")
    region = raw.get("region")
    if region is not None and not isinstance(region, str):
        raise _fail(where, name, "region", f"must be a string, got {_short(region)}")
    view_all = raw.get("view_all_param")
    if view_all is not None and (not isinstance(view_all, str) or not re.fullmatch(r"[\w.-]+=[\w.-]*", view_all)):
        raise _fail(where, name, "view_all_param", f"must be {KEYS['view_all_param']} such as 'page=all', got {_short(view_all)}")
    multipage, next_part, max_parts = _multipage(where, name, raw.get("multipage", True))
    source = Source(
        name=name,
        home=home,
        feeds=feeds,
        sitemaps=sitemaps,
        start_urls=starts,
        article_pattern=pattern,
        allowed_domains=domains,
        region=region,
        max_pages=_int(where, name, "max_pages", raw["max_pages"], low=1, high=1000) if "max_pages" in raw else None,
        skip_patterns=tuple(_regex(where, name, "skip_patterns", s) for s in skips),
        view_all_param=view_all,
        multipage=multipage,
        next_part_pattern=next_part,
        max_parts=max_parts,
        next_page_pattern=(_regex(where, name, "next_page_pattern", raw["next_page_pattern"])
                           if "next_page_pattern" in raw else None),
    )
    for key, urls in (("home", (home,)), ("feeds", feeds), ("sitemaps", sitemaps), ("start_urls", starts)):
        for url in urls:
            if not source.allows(url):
                raise _fail(where, name, key,
                            f"has {url!r} outside allowed_domains {list(domains)}: add its host to allowed_domains")
    return source


def parse_toml(text: str, *, where: str) -> list[dict[str, Any]]:
    """The raw ``[[sources]]`` entries of a TOML text (no validation beyond the shape)."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise SourceConfigError(f"{where}: not valid TOML ({exc}): fix the line it names") from None
    entries = data.get("sources")
    other = sorted(set(data) - {"sources"})
    if other:
        raise SourceConfigError(f"{where}: unexpected top-level key {other[0]!r}: write each outlet as a [[sources]] table")
    if entries is None:
        raise SourceConfigError(f"{where}: no [[sources]] tables: add at least one outlet")
    if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
        raise SourceConfigError(f"{where}: 'sources' must be an array of tables: write [[sources]] before each outlet")
    return entries


def shipped_entries() -> list[dict[str, Any]]:
    """The raw entries of the registry that ships with the crawler."""
    text = resources.files("crawler").joinpath(SHIPPED).read_text(encoding="utf-8")
    return parse_toml(text, where=SHIPPED)


def read_file(path: str | Path) -> list[dict[str, Any]]:
    """The raw entries of a user's sources file."""
    file = Path(path).expanduser()
    try:
        text = file.read_text(encoding="utf-8")
    except OSError as exc:
        raise SourceConfigError(
            f"{file}: cannot read the sources file ({exc.strerror}): fix the path given to --sources"
        ) from None
    return parse_toml(text, where=str(file))


def merge(layers: Iterable[tuple[str, Sequence[Mapping[str, Any]]]]) -> list[tuple[str, dict[str, Any]]]:
    """Entries of later layers override earlier ones key by key (matched on name); order is kept."""
    merged: dict[str, tuple[str, dict[str, Any]]] = {}
    for where, entries in layers:
        seen: set[str] = set()
        for entry in entries:
            name = entry.get("name")
            if not isinstance(name, str):
                raise SourceConfigError(f"{where}: a source has no name: give each [[sources]] a name of {KEYS['name']}")
            if name in seen:
                raise SourceConfigError(f"{where}: source {name!r} is defined twice: keep one entry")
            seen.add(name)
            base = merged[name][1] if name in merged else {}
            merged[name] = (where, {**base, **entry})
    return list(merged.values())


def load_sources(
    *,
    files: Sequence[str | Path] = (),
    extra: Sequence[Mapping[str, Any]] = (),
    extra_where: str = "smartcity.toml [[sources]]",
    only: Sequence[str] = (),
    shipped: bool = True,
) -> tuple[Source, ...]:
    """Shipped registry + files + config entries, validated; ``only`` picks sources by name."""
    layers: list[tuple[str, Sequence[Mapping[str, Any]]]] = []
    if shipped:
        layers.append((SHIPPED, shipped_entries()))
    layers += [(str(f), read_file(f)) for f in files]
    if extra:
        layers.append((extra_where, list(extra)))
    sources: list[Source] = []
    for where, entry in merge(layers):
        enabled = entry.get("enabled", True)
        if not isinstance(enabled, bool):
            raise _fail(where, str(entry["name"]), "enabled", f"must be true or false, got {_short(enabled)}")
        if enabled:
            sources.append(validate_source(entry, where=where))
    if only:
        by_name = {s.name: s for s in sources}
        missing = [n for n in only if n not in by_name]
        if missing:
            close = difflib.get_close_matches(missing[0], list(by_name), n=1)
            hint = f"did you mean {close[0]!r}?" if close else "list them with `smartcity crawl --list`"
            raise SourceConfigError(f"--source {missing[0]!r}: no such (enabled) source: {hint}")
        sources = [by_name[n] for n in dict.fromkeys(only)]
    return tuple(sources)
