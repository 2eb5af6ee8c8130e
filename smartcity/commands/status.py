"""`smartcity status` (placeholder until issue #6 lands)."""

from smartcity.commands import not_built

command = not_built("status", 6)
