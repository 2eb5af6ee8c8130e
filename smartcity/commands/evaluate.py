"""`smartcity evaluate` (placeholder until issue #5 lands)."""

from smartcity.commands import not_built

command = not_built("evaluate", 5)
