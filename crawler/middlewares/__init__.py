"""Scrapy components of the crawler, one module each; ``Refused`` carries a ledger reason."""

from __future__ import annotations

from scrapy.exceptions import IgnoreRequest


class Refused(IgnoreRequest):
    """A request our guards refused; ``reason`` lands in the frontier and the run's error counts."""

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason
        self.detail = detail
