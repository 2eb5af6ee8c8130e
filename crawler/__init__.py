"""Scrapy spiders, middlewares and pipelines that fetch pages into the frontier ledger."""
