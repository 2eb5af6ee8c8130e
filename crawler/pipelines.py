"""FrontierPipeline: each fetched page is stored with its frontier rows before the item moves on.

Pages are batched (``batch_size`` pages or ``batch_seconds``, whichever comes first) into one
transaction; an item leaves this pipeline only after its transaction committed, with ``page_id``
set, so extra pipelines (inline extraction) always see a row they can read.
"""

from __future__ import annotations

import asyncio
import logging
from typing import TYPE_CHECKING, Any

from scrapy.exceptions import DropItem, NotConfigured

from crawler.items import PageItem
from storage.pages import PageStored

if TYPE_CHECKING:
    from scrapy.crawler import Crawler

    from crawler.ledger import Ledger

logger = logging.getLogger(__name__)


class FrontierPipeline:
    """Writes PageItems through the crawl's Ledger in small transactions."""

    def __init__(self, crawler: Crawler, *, batch_seconds: float) -> None:
        self.crawler = crawler
        self.batch_seconds = batch_seconds
        self._timer: asyncio.TimerHandle | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> FrontierPipeline:
        seconds = crawler.settings.getfloat("SMARTCITY_BATCH_SECONDS", 0.5)
        if seconds < 0:
            raise NotConfigured("SMARTCITY_BATCH_SECONDS must be >= 0")
        return cls(crawler, batch_seconds=seconds)

    @property
    def ledger(self) -> Ledger:
        ledger: Ledger = self.crawler.spider.ledger  # type: ignore[union-attr]
        return ledger

    def _flush(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
        if self.ledger.queued:
            self.ledger.flush()

    def flush_soon(self) -> None:
        """Make sure queued writes (pages or outcomes) are written within ``batch_seconds``."""
        if self._timer is None and self.ledger.queued:
            self._timer = asyncio.get_running_loop().call_later(self.batch_seconds, self._flush)

    async def process_item(self, item: Any) -> Any:
        if not isinstance(item, PageItem):
            return item
        future: asyncio.Future[PageStored | BaseException] = asyncio.get_running_loop().create_future()

        def done(res: PageStored | BaseException) -> None:
            if not future.done():
                future.set_result(res)

        if self.ledger.add_page(item, done):
            self._flush()
        else:
            self.flush_soon()
        res = await future
        if isinstance(res, BaseException):
            raise DropItem(f"page {item.url} was not stored: {res}")
        return item

    def close_spider(self) -> None:
        self._flush()
