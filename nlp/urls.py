"""URL canonicalisation shared by the crawler's frontier and storage's unique keys."""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

# Query keys that never change the page's content: analytics and referral tags, plus the
# paging/"view all" switches whose variants collapse onto page 1 (the crawler joins the pages).
TRACKING_PARAMS = frozenset(
    {
        "utm_source", "utm_medium", "utm_campaign", "utm_term", "utm_content", "utm_id",
        "fbclid", "gclid", "dclid", "msclkid", "yclid", "igshid", "mc_cid", "mc_eid",
        "source", "from", "ref", "_ga", "amp", "outputtype", "single", "tag_from",
        "src", "medium", "campaign", "rcm", "share",
    }
)
VIEW_ALL_PARAMS = frozenset({"page", "showpage", "single", "view"})

# Hosts that mirror the desktop site (kompas "amp.kompas.com", "m.detik.com", "www.")
_MOBILE_HOST = re.compile(r"^(?:www\d?|m|mobile|amp)\.", re.I)
# Path segments and suffixes that mark an AMP rendering of an article
_AMP_PATH = re.compile(r"(?:/amp/?$|^/amp(?=/)|\.amp$|/amp(?=/))", re.I)


def canonical_url(url: str) -> str:
    """Canonical URL: drops tracking params, AMP/mobile hosts, fragments and slashes so variants share one frontier row."""
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower().rstrip(".")
    while _MOBILE_HOST.match(host) and host.count(".") > 1:
        host = _MOBILE_HOST.sub("", host, count=1)
    if parts.port and not (
        (parts.scheme == "http" and parts.port == 80) or (parts.scheme == "https" and parts.port == 443)
    ):
        host = f"{host}:{parts.port}"
    path = re.sub(r"/{2,}", "/", parts.path or "/")
    path = _AMP_PATH.sub("", path) or "/"
    if len(path) > 1:
        path = path.rstrip("/")
    query = [
        (k, v)
        for k, v in parse_qsl(parts.query, keep_blank_values=True)
        if k.lower() not in TRACKING_PARAMS
        and not k.lower().startswith("utm_")
        and not (k.lower() in VIEW_ALL_PARAMS and (v in ("", "1", "all", "true") or k.lower() == "single"))
    ]
    query.sort()
    return urlunsplit((scheme, host, path, urlencode(query, doseq=True), ""))


def url_host(url: str) -> str:
    """Host of a URL without port or leading www./m., used to group pages by outlet."""
    host = (urlsplit(url).hostname or "").lower()
    while _MOBILE_HOST.match(host) and host.count(".") > 1:
        host = _MOBILE_HOST.sub("", host, count=1)
    return host
