"""`smartcity crawl` (placeholder until issue #3 lands)."""

from smartcity.commands import not_built

command = not_built("crawl", 3)
