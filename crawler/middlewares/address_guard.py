"""Refuse requests into loopback, private and link-local networks unless a source configured the host.

A feed item, a listing link or a redirect from a public outlet must never make the monitor fetch
from its own machine or network (SSRF), and nothing may reach a cloud metadata address, configured
or not. Python 3.11.7's ``ipaddress`` misclassifies some ranges (CVE-2024-4032), so the networks
are listed here explicitly. Host names are resolved once per crawl and every address is checked.
"""

from __future__ import annotations

import asyncio
import ipaddress
import logging
import socket
from collections.abc import Iterable
from typing import TYPE_CHECKING

from scrapy.http import Request
from scrapy.utils.httpobj import urlparse_cached

from crawler.middlewares import Refused

if TYPE_CHECKING:
    from scrapy.crawler import Crawler

logger = logging.getLogger(__name__)

IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network
IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

# Never reachable, even when a source names them: link-local (cloud metadata), "this network",
# multicast, broadcast and reserved space, and the metadata addresses outside link-local.
ALWAYS_BLOCKED: tuple[IPNetwork, ...] = tuple(
    ipaddress.ip_network(n)
    for n in (
        "0.0.0.0/8", "169.254.0.0/16", "224.0.0.0/4", "240.0.0.0/4", "255.255.255.255/32",
        "100.100.100.200/32", "::/128", "fe80::/10", "ff00::/8", "fd00:ec2::254/128",
    )
)
# Reachable only when a source configures the host: loopback, private, shared and special-use space.
PRIVATE: tuple[IPNetwork, ...] = tuple(
    ipaddress.ip_network(n)
    for n in (
        "127.0.0.0/8", "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10",
        "192.0.0.0/24", "192.0.2.0/24", "198.18.0.0/15", "198.51.100.0/24", "203.0.113.0/24",
        "::1/128", "fc00::/7", "64:ff9b:1::/48", "2001:db8::/32", "2001::/23",
    )
)
LOCAL_NAMES = ("localhost", ".localhost", ".local", ".internal", ".home.arpa")


def _unmapped(ip: IPAddress) -> IPAddress:
    if isinstance(ip, ipaddress.IPv6Address):
        mapped = ip.ipv4_mapped or ip.sixtofour
        if mapped is not None:
            return mapped
    return ip


def classify(ip: IPAddress) -> str | None:
    """``"blocked_address"`` (never), ``"private_address"`` (only if configured) or None (public)."""
    ip = _unmapped(ip)
    if any(ip in net for net in ALWAYS_BLOCKED if net.version == ip.version):
        return "blocked_address"
    if any(ip in net for net in PRIVATE if net.version == ip.version):
        return "private_address"
    return None


def parse_ip(host: str) -> IPAddress | None:
    """The address a host string spells, if it is an IP literal (brackets allowed)."""
    try:
        return ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return None


class AddressGuardMiddleware:
    """Downloader middleware: checks every request, including each redirect hop, before it leaves."""

    def __init__(self, allowed_hosts: Iterable[str], *, resolve: bool = True) -> None:
        self.allowed = frozenset(h.lower().strip("[]") for h in allowed_hosts)
        self.resolve = resolve
        self._resolved: dict[str, tuple[IPAddress, ...]] = {}

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> AddressGuardMiddleware:
        return cls(crawler.settings.getlist("SMARTCITY_ALLOWED_HOSTS"))

    def _configured(self, host: str) -> bool:
        return host in self.allowed or any(host.endswith("." + h) for h in self.allowed if parse_ip(h) is None)

    def verdict(self, host: str, addresses: Iterable[IPAddress] = ()) -> str | None:
        """Why a request to ``host`` (resolving to ``addresses``) is refused, or None to let it go."""
        host = host.lower().strip("[]")
        literal = parse_ip(host)
        ips = [literal] if literal is not None else list(addresses)
        kinds = {classify(ip) for ip in ips}
        if "blocked_address" in kinds:
            return "blocked_address"
        if self._configured(host):
            return None
        if "private_address" in kinds or host == LOCAL_NAMES[0] or host.endswith(LOCAL_NAMES[1:]):
            return "private_address"
        return None

    async def _addresses(self, host: str) -> tuple[IPAddress, ...]:
        if not self.resolve or parse_ip(host) is not None or self._configured(host):
            return ()
        if host not in self._resolved:
            try:
                infos = await asyncio.get_running_loop().getaddrinfo(host, None, type=socket.SOCK_STREAM)
                self._resolved[host] = tuple({ipaddress.ip_address(str(i[4][0]).split("%", 1)[0]) for i in infos})
            except (OSError, ValueError):
                self._resolved[host] = ()  # the download itself will fail and be recorded
        return self._resolved[host]

    async def process_request(self, request: Request) -> None:
        parsed = urlparse_cached(request)
        if parsed.scheme not in ("http", "https"):
            raise Refused("unsupported_scheme", request.url)
        host = (parsed.hostname or "").lower()
        reason = self.verdict(host, await self._addresses(host))
        if reason:
            logger.warning("refused %s: %s", request.url, reason)
            raise Refused(reason, request.url)
