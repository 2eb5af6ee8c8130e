"""`smartcity process` (placeholder until issue #4 lands)."""

from smartcity.commands import not_built

command = not_built("process", 4)
