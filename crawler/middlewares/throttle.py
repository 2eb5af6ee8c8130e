"""AutoThrottle that never goes below a host's robots.txt ``Crawl-delay`` (Scrapy does not apply it).

The robots middleware writes the delay into the downloader's per-slot settings; this extension
floors AutoThrottle's adjustment at it. With AutoThrottle off it raises NotConfigured, and the
per-slot delay alone keeps the host's pace.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from scrapy.extensions.throttle import AutoThrottle

if TYPE_CHECKING:
    from scrapy.core.downloader import Slot
    from scrapy.http import Response


class CrawlDelayThrottle(AutoThrottle):
    """AutoThrottle floored at each host's Crawl-delay."""

    def _adjust_delay(self, slot: Slot, latency: float, response: Response) -> None:
        super()._adjust_delay(slot, latency, response)
        floor = 0.0
        for key, conf in self.crawler.engine.downloader.per_slot_settings.items():
            if self.crawler.engine.downloader.slots.get(key) is slot:
                floor = float(conf.get("delay", 0.0))
                break
        slot.delay = max(slot.delay, floor)
