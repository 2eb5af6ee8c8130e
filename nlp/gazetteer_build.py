"""Builds the gazetteer from areaid and the tables in ``nlp/data/places/`` (run once per process).

Kept apart from ``nlp.gazetteer`` so the scanner stays small: this module owns the source quirks
(areaid's "Sumatra" spelling, parenthesised aliases, pre-2022 Papua provinces, stale seats).
Kemendagri codes come from the committed ``codes.json`` (written by ``make_codes.py``).
"""

from __future__ import annotations

import json
import logging
import re
from collections import defaultdict
from importlib import resources
from typing import Any

from nlp.gazetteer import City, Form, Gazetteer, Province, norm_key

logger = logging.getLogger(__name__)

PAREN = re.compile(r"\s*\(([^)]*)\)\s*")
_PREFIX = re.compile(r"^(?:Kabupaten|Kota)\s+(?:Adm\.\s+)?")
_CODE = re.compile(r"\d\d\.\d\d")
# Name words that say nothing on their own: a kecamatan named only with them is no hint.
_GENERIC = frozenset(
    "kota baru lama utara selatan barat timur tengah raya ilir ulu hulu hilir pusat darat laut "
    "pulau pulau-pulau kepulauan sungai gunung bukit tanjung air batu pasar kampung desa".split()
)


def read_table(name: str) -> dict[str, Any]:
    """One JSON table of ``nlp/data/places``."""
    path = resources.files("nlp.data.places").joinpath(name)
    table: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return table


def dictionary_words() -> frozenset[str]:
    """Indonesian root words (PySastrawi's list): a name that is one of them needs a cue."""
    try:
        path = resources.files("Sastrawi").joinpath("Stemmer/data/kata-dasar.txt")
        text = path.read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError):  # pragma: no cover - a dependency
        logger.warning("PySastrawi word list not found; common-word guard for seats is off")
        return frozenset()
    return frozenset(text.split())


def areaid_rows() -> list[tuple[str, dict[str, Any]]]:
    """(areaid province name, kabupaten record) for all 514 entries."""
    rows: list[tuple[str, dict[str, Any]]] = []
    data = resources.files("areaid").joinpath("data")
    for item in sorted(data.iterdir(), key=lambda p: p.name):
        if not item.name.endswith(".json"):
            continue
        for prov in json.loads(item.read_text(encoding="utf-8")):
            rows.extend((prov["provinsi"], kab) for kab in prov["kabupaten"])
    if len(rows) != 514:
        raise RuntimeError(
            f"areaid ships {len(rows)} kabupaten/kota, expected 514: "
            "check the areaid version (>=1.1,<2)"
        )
    return rows


class _Forms:
    """Accumulates what each surface form names before freezing into ``Form`` values."""

    def __init__(self) -> None:
        self.cities: dict[str, list[str]] = defaultdict(list)
        self.province: dict[str, str] = {}
        self.seats: dict[str, list[str]] = defaultdict(list)
        self.districts: dict[str, list[str]] = defaultdict(list)
        self.exact: dict[str, set[str]] = defaultdict(set)
        self.plain: set[str] = set()  # keys with at least one non-acronym spelling
        self.weak: set[str] = set()

    def spelling(self, key: str, text: str) -> None:
        if text.isupper() and len(text.replace(" ", "")) <= 5:
            self.exact[key].add(text)
        else:
            self.plain.add(key)

    def add_city(self, text: str, city: str) -> None:
        key = norm_key(text)
        if key and city not in self.cities[key]:
            self.cities[key].append(city)
        self.spelling(key, text)

    def named(self, key: str) -> bool:
        return key in self.cities or key in self.province


def build() -> Gazetteer:
    """Read every source and return the frozen gazetteer."""
    prov_data = read_table("provinces.json")
    alias_data = read_table("aliases.json")
    seat_data = read_table("seats.json")
    codes: dict[str, str] = read_table("codes.json")
    renames: dict[str, str] = prov_data["renames"]
    moved = {city: prov for prov, cities in prov_data["split_2022"].items() for city in cities}
    words = dictionary_words()

    forms = _Forms()
    raw: dict[str, dict[str, Any]] = {}
    cities: dict[str, City] = {}
    districts: dict[str, list[str]] = {}
    for old_prov, kab in areaid_rows():
        full = kab["kab_kota"]
        name = PAREN.sub(" ", full).strip()
        paren = PAREN.search(full)
        kind = "kota" if name.startswith("Kota") else "kabupaten"
        core = _PREFIX.sub("", name)
        province = moved.get(name) or renames.get(old_prov, old_prov)
        code = codes.get(name)
        aliases = [paren.group(1)] if paren else []
        aliases += alias_data["cities"].get(name, [])
        raw[name] = {"kind": kind, "core": core, "province": province, "code": code,
                     "aliases": tuple(dict.fromkeys(aliases)), "seat": kab.get("ibukota") or ""}
        districts[name] = [c["kec"] for c in kab["kecamatan"]]
        forms.add_city(core, name)
        for alias in aliases:
            forms.add_city(alias, name)
    _check_tables(raw, alias_data, seat_data, prov_data, moved, codes)

    for alias, core in alias_data["pair_aliases"].items():
        for name, r in raw.items():
            if norm_key(r["core"]) == norm_key(core):
                forms.add_city(alias, name)

    provinces: dict[str, Province] = {}
    for pname, p in prov_data["provinces"].items():
        provinces[pname] = Province(pname, p["capital"], tuple(p["aliases"]))
        for text in (pname, *p["aliases"]):
            key = norm_key(text)
            forms.province[key] = pname
            forms.spelling(key, text)

    for text in alias_data["weak"]:
        forms.weak.add(norm_key(text))

    # Seats: areaid's ibukota, replaced by 'current', plus 'extra'; dropped when they name
    # anything else.
    seat_lists: dict[str, list[str]] = {}
    for name, r in raw.items():
        seat_lists[name] = list(seat_data["current"].get(name, [r["seat"]]))
        seat_lists[name] += seat_data["extra"].get(name, [])
    dropped = {norm_key(s) for s in seat_data["drop"]}
    for name, seats in seat_lists.items():
        for seat in seats:
            key = norm_key(seat)
            if not key or key in dropped or forms.named(key) or key == norm_key(raw[name]["core"]):
                continue
            if name not in forms.seats[key]:
                forms.seats[key].append(name)
            forms.plain.add(key)
            if key in words or len(key) <= 4:
                forms.weak.add(key)
    for key in [k for k, v in forms.seats.items() if len(v) > 1]:
        del forms.seats[key]  # a seat name shared by two regencies tells nothing

    # Kecamatan: "<core> <direction>" names the city itself; other distinctive names are hints.
    for name, decs in districts.items():
        for dec in decs:
            key = norm_key(dec)
            if not key or forms.named(key) or key in forms.seats or len(key) < 5:
                continue
            parts = key.split()
            if all(p in _GENERIC for p in parts) or (len(parts) == 1 and key in words):
                continue
            if parts[0] in ("kota", "kabupaten") and forms.named(" ".join(parts[1:])):
                continue  # kecamatan "Kota Padang" (Rejang Lebong) must not hide Kota Padang
            owner = _core_owner(parts, raw, name)
            if owner is not None:
                forms.add_city(dec, owner)
                continue
            if name not in forms.districts[key]:
                forms.districts[key].append(name)
            forms.plain.add(key)

    kec_names: dict[str, list[str]] = defaultdict(list)  # every kecamatan, named or not
    for name, decs in districts.items():
        for dec in decs:
            kec_names[norm_key(dec)].append(name)

    for name, r in raw.items():
        kept = tuple(s for s in seat_lists[name] if norm_key(s) in forms.seats)
        cities[name] = City(name, r["kind"], r["core"], r["province"], kept, r["code"], r["aliases"])
    blocked = {norm_key(t) for t in alias_data.get("not_places", [])}
    frozen: dict[str, Form] = {key: Form(key) for key in blocked}
    for key in {*forms.cities, *forms.province, *forms.seats, *forms.districts} - blocked:
        frozen[key] = Form(
            key,
            cities=tuple(forms.cities.get(key, ())),
            province=forms.province.get(key),
            seats=tuple(forms.seats.get(key, ())) if key not in forms.cities else (),
            districts=tuple(forms.districts.get(key, ())) if not forms.named(key) else (),
            exact=frozenset(forms.exact[key]) if key not in forms.plain else frozenset(),
            weak=key in forms.weak,
            kecamatan_of=tuple(
                c for c in kec_names.get(key, ()) if c not in forms.cities.get(key, ())
            ) if key in forms.cities else (),
        )
    logger.debug(
        "gazetteer: %d cities, %d provinces, %d surface forms",
        len(cities), len(provinces), len(frozen),
    )
    return Gazetteer(cities, provinces, frozen)


def _core_owner(parts: list[str], raw: dict[str, dict[str, Any]], owner: str) -> str | None:
    """The owning city of a kecamatan named '<its city's name> Utara/Kota/…' (Bekasi Utara)."""
    core = norm_key(raw[owner]["core"]).split()
    n = len(core)
    if len(parts) > n and parts[:n] == core and all(p in _GENERIC for p in parts[n:]):
        return owner
    return None


def _check_tables(
    raw: dict[str, dict[str, Any]], alias_data: dict[str, Any], seat_data: dict[str, Any],
    prov_data: dict[str, Any], moved: dict[str, str], codes: dict[str, str],
) -> None:
    """Refuse data tables that name a city areaid lacks (a typo would silently do nothing)."""
    names = set(raw)
    problems = [f"aliases.json: unknown city {n!r}" for n in alias_data["cities"] if n not in names]
    for section in ("current", "extra"):
        problems += [
            f"seats.json {section}: unknown city {n!r}"
            for n in seat_data[section]
            if n not in names
        ]
    problems += [f"provinces.json split_2022: unknown city {n!r}" for n in moved if n not in names]
    problems += [
        f"provinces.json: capital {p['capital']!r} of {pn} is not a kabupaten/kota"
        for pn, p in prov_data["provinces"].items() if p["capital"] and p["capital"] not in names
    ]
    problems += [f"codes.json: unknown city {n!r}" for n in codes if n not in names]
    problems += [
        f"codes.json: bad code {c!r} for {n}" for n, c in codes.items() if not _CODE.fullmatch(c)
    ]
    if len(set(codes.values())) != len(codes):
        problems.append("codes.json: a code is given to two cities")
    if missing := names - set(codes):
        logger.warning(
            "codes.json has no Kemendagri code for %d cities, e.g. %s", len(missing), min(missing)
        )
    if len(prov_data["provinces"]) != 38:
        count = len(prov_data["provinces"])
        problems.append(f"provinces.json lists {count} provinces, expected 38")
    if problems:
        raise ValueError(
            "gazetteer data tables in nlp/data/places are inconsistent (fix the table, or rerun "
            "make_codes.py for codes.json): " + "; ".join(problems)
        )
