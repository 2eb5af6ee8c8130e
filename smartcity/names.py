"""Names typed by people -> the official names the database holds, or an error with the nearest ones.

Cities and provinces go through the gazetteer (``nlp.places``: aliases like "Tangsel", near
misspellings, Kota vs Kabupaten); where it is missing, the names already in the database are the
list. Pillars accept their ids, their Indonesian names and "Smart X". Outlets are matched against
the database.
"""

from __future__ import annotations

import difflib
import logging
from collections.abc import Callable, Sequence
from typing import Any

from smartcity.app import UsageError

logger = logging.getLogger(__name__)

# pillar id -> extra names people type (ids and "smart <id>" are added below)
PILLAR_ALIASES: dict[str, tuple[str, ...]] = {
    "governance": ("tata kelola", "tata kelola pemerintahan", "pemerintahan"),
    "branding": ("pencitraan", "pencitraan daerah", "citra daerah", "citra kota"),
    "economy": ("ekonomi",),
    "living": ("kualitas hidup", "kehidupan", "hidup"),
    "society": ("masyarakat", "sosial"),
    "environment": ("lingkungan", "lingkungan hidup"),
}


def _places() -> Any | None:
    """nlp.places when it is installed and loads, else None (then the database's names are used)."""
    try:
        from nlp import places
    except ImportError:
        return None
    return places if hasattr(places, "resolve_name") else None


def _norm(text: str) -> str:
    return " ".join(text.lower().replace(".", " ").replace("-", " ").replace("_", " ").split())


def _did_you_mean(kind: str, name: str, options: Sequence[str], flag: str) -> UsageError:
    near = difflib.get_close_matches(name, list(options), n=3, cutoff=0.5)
    if not near:
        lower = {o.lower(): o for o in options}
        near = [lower[m] for m in difflib.get_close_matches(name.lower(), list(lower), n=3, cutoff=0.5)]
    hint = f"did you mean {', '.join(near)}?" if near else "no similar name is known"
    return UsageError(f"{flag} {name!r}: unknown {kind}; {hint}")


def pillar(name: str, *, flag: str = "--pillar") -> str:
    """A pillar id from an id, an Indonesian name or "Smart X"."""
    from storage.queries import PILLARS

    table = {p: p for p in PILLARS}
    for pid in PILLARS:
        table[f"smart {pid}"] = pid
        for alias in PILLAR_ALIASES.get(pid, ()):
            table[alias] = pid
    key = _norm(name).removeprefix("pilar ")
    if key in table:
        return table[key]
    raise _did_you_mean("pillar", name, list(PILLARS) + [a for v in PILLAR_ALIASES.values() for a in v], flag)


def city(name: str, *, known: Callable[[], list[str]], flag: str = "--city") -> str:
    """The official kabupaten/kota name for ``name`` ("Tangsel" -> "Kota Tangerang Selatan")."""
    places = _places()
    if places is not None:
        official = places.resolve_name(name)
        if official:
            if _norm(official) != _norm(name):
                logger.debug("%s %r read as %r", flag, name, official)
            return str(official)
        near = places.suggest(name, 3)
        hint = f"did you mean {', '.join(near)}?" if near else "see the list of 514 kabupaten/kota"
        raise UsageError(f"{flag} {name!r}: unknown or ambiguous kabupaten/kota; {hint}")
    names = known()
    exact = {_norm(n): n for n in names}
    if _norm(name) in exact:
        return exact[_norm(name)]
    raise _did_you_mean("kabupaten/kota", name, names, flag)


def city_with_province(name: str, *, known: Callable[[], list[str]], province_in_db: Callable[[str], str | None],
                       flag: str = "--city") -> tuple[str, str]:
    """(official name, province) for a label; the province from the gazetteer, else the database."""
    official = city(name, known=known, flag=flag)
    places = _places()
    province = None
    if places is not None and hasattr(places, "province_of"):
        province = places.province_of(official)
    province = province or province_in_db(official)
    if not province:
        raise UsageError(f"{flag} {name!r}: the province of {official} is unknown; tag an article about it first")
    return official, str(province)


def province(name: str, *, known: Callable[[], list[str]], flag: str = "--province") -> str:
    """The official province name ("jabar" is not guessed; "jawa barat" is)."""
    places = _places()
    names = list(places.all_provinces()) if places is not None and hasattr(places, "all_provinces") else known()
    exact = {_norm(n): n for n in names}
    key = _norm(name).removeprefix("provinsi ")
    if key in exact:
        return exact[key]
    raise _did_you_mean("province", name, names, flag)


def outlet(name: str, *, known: Callable[[], list[str]], flag: str = "--outlet") -> str:
    """An outlet as the database writes it (matched without regard to case)."""
    names = known()
    exact = {_norm(n): n for n in names}
    if _norm(name) in exact:
        return exact[_norm(name)]
    raise _did_you_mean("outlet", name, names, flag)
