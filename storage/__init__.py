"""SQLModel tables, engines, the crawl frontier and the read API (SQLite by default)."""

import logging

logging.getLogger(__name__).addHandler(logging.NullHandler())
