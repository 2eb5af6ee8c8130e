"""The SSRF guard on built requests: private space only when configured, metadata addresses never."""

from __future__ import annotations

import asyncio
import ipaddress

import pytest
from scrapy.http import Request

from crawler.middlewares import Refused
from crawler.middlewares.address_guard import AddressGuardMiddleware, classify


@pytest.mark.parametrize(
    ("ip", "kind"),
    [
        ("169.254.169.254", "blocked_address"),
        ("::ffff:169.254.169.254", "blocked_address"),
        ("fe80::1", "blocked_address"),
        ("0.0.0.0", "blocked_address"),
        ("100.100.100.200", "blocked_address"),
        ("224.0.0.1", "blocked_address"),
        ("127.0.0.1", "private_address"),
        ("::ffff:127.0.0.1", "private_address"),
        ("::1", "private_address"),
        ("10.20.30.40", "private_address"),
        ("172.16.5.4", "private_address"),
        ("192.168.1.1", "private_address"),
        ("100.64.0.9", "private_address"),
        ("fd12:3456::1", "private_address"),
        ("8.8.8.8", None),
        ("103.10.20.30", None),
        ("2001:4860:4860::8888", None),
    ],
)
def test_classify(ip: str, kind: str | None) -> None:
    assert classify(ipaddress.ip_address(ip)) == kind


def test_configured_hosts_are_the_only_private_ones_allowed() -> None:
    guard = AddressGuardMiddleware(["127.0.0.2", "kabar.example", "169.254.169.254"], resolve=False)
    assert guard.verdict("127.0.0.2") is None
    assert guard.verdict("127.0.0.3") == "private_address"
    assert guard.verdict("169.254.169.254") == "blocked_address"  # configured or not
    assert guard.verdict("localhost") == "private_address"
    assert guard.verdict("metadata.google.internal") == "private_address"
    assert guard.verdict("[::1]") == "private_address"
    ten = ipaddress.ip_address("10.0.0.5")
    assert guard.verdict("jahat.example", [ten]) == "private_address"  # a public name resolving inward
    assert guard.verdict("www.kabar.example", [ten]) is None  # the user configured this outlet
    assert guard.verdict("www.kabar.example", [ipaddress.ip_address("169.254.169.254")]) == "blocked_address"
    assert guard.verdict("berita.example", [ipaddress.ip_address("103.10.20.30")]) is None


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("http://169.254.169.254/latest/meta-data/", "blocked_address"),
        ("http://127.0.0.9:8080/rahasia", "private_address"),
        ("http://[::ffff:a9fe:a9fe]/latest/", "blocked_address"),
        ("ftp://127.0.0.2/file", "unsupported_scheme"),
    ],
)
def test_process_request_refuses_with_a_reason(url: str, reason: str) -> None:
    guard = AddressGuardMiddleware(["127.0.0.2"], resolve=False)
    with pytest.raises(Refused) as info:
        asyncio.run(guard.process_request(Request(url)))
    assert info.value.reason == reason


def test_process_request_lets_configured_and_public_hosts_through() -> None:
    guard = AddressGuardMiddleware(["127.0.0.2"], resolve=False)
    assert asyncio.run(guard.process_request(Request("http://127.0.0.2:5000/berita/1"))) is None
    assert asyncio.run(guard.process_request(Request("https://203.0.114.7/berita/1"))) is None
