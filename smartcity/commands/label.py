"""`smartcity label` (placeholder until issue #5 lands)."""

from smartcity.commands import not_built

command = not_built("label", 5)
