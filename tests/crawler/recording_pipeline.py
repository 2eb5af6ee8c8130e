"""An extra item pipeline for tests: records each page it receives and whether its row was committed."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

from crawler.items import PageItem


class RecordingPipeline:
    """Appends one JSON line per PageItem to ``out``, checking the page row from another connection."""

    def __init__(self, db: str, out: str, label: str = "path") -> None:
        self.db, self.out, self.label = db, Path(out), label

    @classmethod
    def from_crawler(cls, crawler: Any) -> RecordingPipeline:
        return cls(crawler.settings["TEST_DB"], crawler.settings["TEST_OUT"])

    def process_item(self, item: Any) -> Any:
        assert isinstance(item, PageItem)
        with sqlite3.connect(self.db) as conn:  # a separate connection sees committed rows only
            row = conn.execute("SELECT canonical_url FROM page WHERE id = ?", (item.page_id,)).fetchone()
        with self.out.open("a", encoding="utf-8") as fh:
            fh.write(json.dumps({"label": self.label, "page_id": item.page_id, "new": item.new,
                                 "committed": row is not None and row[0] == item.canonical_url}) + "\n")
        return item
