"""City tagging: which kabupaten/kota an article is about, its main city and its province.

Mentions come from ``nlp.gazetteer`` in one pass and are weighed in ``nlp.place_evidence`` (title,
dateline, lead, body, page clutter, what a mention does in its sentence; Kota/Kabupaten pairs
resolved from cues, regency seats and kecamatan). This module decides: the cities worth listing,
the main city, and whether the article is province-level (Gubernur, Pemprov, a provincial agency:
its province and no main city) or national (neither). Knobs: ``PlaceOptions``. Also the name
look-ups the CLI uses.
"""

from __future__ import annotations

import difflib
import re
from functools import cache

from nlp.gazetteer import Gazetteer, gazetteer, norm_key
from nlp.place_evidence import Evidence, add, gather
from nlp.place_options import DEFAULT_OPTIONS, PlaceOptions
from nlp.place_rules import NATIONAL
from nlp.types import CityTag, PlaceTags

__all__ = [
    "DEFAULT_OPTIONS",
    "PlaceOptions",
    "all_cities",
    "all_provinces",
    "province_of",
    "resolve_name",
    "suggest",
    "tag_places",
]


def tag_places(title: str, text: str, *, options: PlaceOptions = DEFAULT_OPTIONS) -> PlaceTags:
    """Every kabupaten/kota the article is about, its main city and its province.

    ``title`` and ``text`` are the unstemmed headline and body; page clutter may remain in ``text``.
    Returns empty ``PlaceTags`` for a national article and ``main_city=None`` with a province for
    a province-level one. An unresolved Kota/Kabupaten pair is listed as both halves with lower
    confidence (or not at all when ``options.list_ambiguous`` is False) and is never the main city.
    """
    for label, value in (("title", title), ("text", text)):
        if not isinstance(value, str):
            raise TypeError(
                f"tag_places: {label} must be str (unstemmed article text), got "
                f"{type(value).__name__}; decode bytes first and pass '' for a missing title"
            )
    gaz = gazetteer()
    g = gather(title, text, gaz, options)
    return _decide(gaz, g.ev, g.unresolved, g.dl_city, g.kota_cue, g.kab_cue, g.prov_cue, title,
                   text, options)


def _decide(
    gaz: Gazetteer, ev: Evidence, unresolved: dict[tuple[tuple[str, ...], bool], float],
    dl_city: str | None, kota_cue: float, kab_cue: float, prov_cue: float, title: str, text: str,
    opts: PlaceOptions,
) -> PlaceTags:
    """Main city, province-level or national, and the cities worth listing."""
    for (cands, dateline), w in unresolved.items():
        for c in cands:
            add(ev, c, w, body=not dateline)
            ev.conf[c] = min(ev.conf.get(c, 0.5), 0.5)
    ranked = sorted(ev.score, key=lambda c: (-ev.score[c], -ev.body[c], c))
    top = ranked[0] if ranked else None

    prov_strength = {
        p: ev.prov_actor[p] + 0.25 * ev.prov[p] + ev.title[p]
        for p in set(ev.prov) | set(ev.prov_actor)
    }
    top_prov = max(prov_strength, key=lambda p: prov_strength[p]) if prov_strength else None
    if top_prov is not None and prov_cue:
        prov_strength[top_prov] += 0.5 * prov_cue

    def strength(c: str) -> float:
        cue = kota_cue if gaz.cities[c].kind == "kota" else kab_cue
        return ev.actor[c] + 0.5 * ev.body[c] + ev.title[c] + 0.5 * cue

    city_strength = max((strength(c) for c in ranked), default=0.0)
    national = len(NATIONAL.findall(title)) * opts.title_weight
    national += len(NATIONAL.findall(text[: opts.lead_chars * 2]))

    p_top = prov_strength.get(top_prov, 0.0) if top_prov else 0.0
    province_level = top_prov is not None and p_top >= 2.0 and p_top > city_strength
    is_national = (
        not province_level
        and national > max(city_strength, p_top)
        and (top is None or ev.body[top] < opts.min_score * 2)
    )

    def conf_of(c: str) -> float:
        share = ev.score[c] / ev.score[top] if top else 0.0
        support = min(1.0, ev.score[c] / opts.min_score)
        return round(ev.conf.get(c, 1.0) * (0.4 + 0.6 * share) * support, 3)

    tags = []
    for c in ranked:
        s = ev.score[c]
        if top and s < opts.min_share * ev.score[top]:
            continue
        tied_top = top is not None and s >= ev.score[top] - 1e-9 and ev.body[c] >= opts.main_min_body
        if ev.body[c] < opts.min_score and (not tied_top or province_level or is_national):
            continue  # a dateline or a city named in passing is not what the story is about
        if not opts.list_ambiguous and ev.conf.get(c, 1.0) <= 0.5:
            continue
        conf = conf_of(c)
        if conf < opts.min_confidence:
            continue
        city = gaz.cities[c]
        tags.append(CityTag(c, city.province, ev.mentions[c], conf, city.code))

    main = None
    province = None
    if province_level:
        province = top_prov
    elif is_national:
        province = None
    elif (
        tags
        and ev.conf.get(tags[0].name, 1.0) > 0.5
        and (ev.body[tags[0].name] >= opts.main_min_body or tags[0].name == dl_city)
    ):
        main = tags[0].name
        province = gaz.cities[main].province
    elif tags:
        provs = {t.province for t in tags if ev.score[t.name] >= ev.score[tags[0].name] - 1e-9}
        province = provs.pop() if len(provs) == 1 else None
    elif top_prov is not None and p_top >= 1.0:
        province = top_prov
    return PlaceTags(cities=tuple(tags), main_city=main, province=province)


# --- names ---------------------------------------------------------------------------------------
_PREFIX = re.compile(
    r"^(?:(?P<kota>kota(?: adm| administrasi)?)"
    r"|(?P<kab>kabupaten(?: adm| administrasi)?|kab(?: adm)?)) "
)


def _choose(gaz: Gazetteer, cities: tuple[str, ...], kind: str | None) -> str | None:
    if kind:
        hits = [c for c in cities if gaz.cities[c].kind == kind]
        if len(hits) == 1:
            return hits[0]
    return cities[0] if len(cities) == 1 else None


def resolve_name(name: str) -> str | None:
    """Official kabupaten/kota name for any official name, alias, short form or near misspelling."""
    gaz = gazetteer()
    key = norm_key(re.sub(r"\([^)]*\)", " ", name))
    official = _official_index(gaz).get(key)
    if official:
        return official
    m = _PREFIX.match(key)
    kind = ("kota" if m.group("kota") else "kabupaten") if m else None
    rest = key[m.end():] if m else key
    form = gaz.forms.get(rest)
    if form is None or not form.cities:
        near = gaz.nearest(rest, max_distance=2 if len(rest) >= 9 else 1)
        form = gaz.forms.get(near) if near else None
    if form is None or not form.cities:
        return None
    return _choose(gaz, form.cities, kind)


def suggest(name: str, n: int = 3) -> list[str]:
    """Up to ``n`` official names nearest to ``name``, for "did you mean" answers."""
    gaz = gazetteer()
    key = norm_key(re.sub(r"\([^)]*\)", " ", name))
    m = _PREFIX.match(key)
    rest = key[m.end():] if m else key
    out: list[str] = []
    form = gaz.forms.get(rest)
    if form is not None:
        out.extend(form.cities)
    index = _official_index(gaz)
    for close in difflib.get_close_matches(key, list(index), n=n * 3, cutoff=0.6):
        out.append(index[close])
    for close in difflib.get_close_matches(rest, list(gaz.by_core), n=n * 3, cutoff=0.6):
        out.extend(gaz.by_core[close])
    return list(dict.fromkeys(out))[:n]


@cache
def _official_index(gaz: Gazetteer) -> dict[str, str]:
    return {norm_key(c): c for c in gaz.cities}


def province_of(official_name: str) -> str:
    """Current (38-province) province of a kabupaten/kota; aliases are accepted too."""
    gaz = gazetteer()
    city = gaz.cities.get(official_name) or gaz.cities.get(resolve_name(official_name) or "")
    if city is None:
        hint = ", ".join(suggest(official_name)) or "see all_cities()"
        raise ValueError(f"unknown kabupaten/kota {official_name!r}: did you mean {hint}?")
    return city.province


def all_cities() -> list[str]:
    """The 514 official kabupaten/kota names, sorted."""
    return sorted(gazetteer().cities)


def all_provinces() -> list[str]:
    """The 38 current province names, sorted."""
    return sorted(gazetteer().provinces)
