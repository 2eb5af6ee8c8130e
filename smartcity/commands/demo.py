"""`smartcity demo` (placeholder until issue #2 lands)."""

from smartcity.commands import not_built

command = not_built("demo", 2)
