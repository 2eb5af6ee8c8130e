"""`smartcity train` (placeholder until issue #5 lands)."""

from smartcity.commands import not_built

command = not_built("train", 5)
