"""`smartcity query` (placeholder until issue #6 lands)."""

from smartcity.commands import not_built

command = not_built("query", 6)
