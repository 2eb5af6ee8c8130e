"""City tagging: which kabupaten/kota an article is about, its main city and its province.

Mentions come from ``nlp.gazetteer`` in one pass; this module weighs them by where they stand
(title, dateline, lead, body, page clutter such as "Baca juga" lists and captions) and resolves
a Kota/Kabupaten pair of the same name from cues (Wali Kota/Pemkot vs Bupati/Pemkab, regency seats,
kecamatan). An article whose actor is a province (Gubernur, Pemprov, a provincial agency) gets its
province and no main city; a national one gets neither. Knobs: ``PlaceOptions``.
"""

from __future__ import annotations

import bisect
import difflib
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import cache

from nlp.gazetteer import Found, Gazetteer, Hint, gazetteer, norm_key
from nlp.types import CityTag, PlaceTags


@dataclass(frozen=True)
class PlaceOptions:
    """How much each part of a page counts and what it takes to list a city."""

    min_confidence: float = 0.3  # cities below are not listed
    list_ambiguous: bool = True  # list both halves of an unresolved Kota/Kabupaten pair
    min_score: float = 2.5  # evidence outside the dateline to be listed (a body mention = 1)
    min_share: float = 0.3  # ... and its share of the top city's evidence
    title_weight: float = 3.0
    dateline_weight: float = 4.0
    lead_weight: float = 2.0
    body_weight: float = 1.0
    headline_weight: float = 0.4  # short lines without a full stop: menus, related headlines
    clutter_weight: float = 0.1  # "Baca juga", captions, ADVERTISEMENT, credits
    lead_chars: int = 600
    main_min_body: float = 1.0  # the main city needs at least one mention outside the dateline


    def __post_init__(self) -> None:
        for name in ("min_confidence", "min_share"):
            if not 0.0 <= getattr(self, name) <= 1.0:
                raise ValueError(
                    f"PlaceOptions.{name} must be between 0 and 1, got {getattr(self, name)!r}"
                )
        for name in ("min_score", "title_weight", "dateline_weight", "lead_weight", "body_weight",
                     "headline_weight", "clutter_weight", "lead_chars", "main_min_body"):
            if getattr(self, name) < 0:
                raise ValueError(
                    f"PlaceOptions.{name} must not be negative, got {getattr(self, name)!r}"
                )


DEFAULT_OPTIONS = PlaceOptions()

# Page clutter, matched at the start of a line (ANTARA, detik, Tribun, Kompas, Pemda portals).
CLUTTER_LINE = re.compile(
    r"^\s*(?:Baca\s+[Jj]uga|BACA\s+JUGA|Baca:|Lihat\s+[Jj]uga|Simak\s+[Jj]uga"
    r"|Berita\s+[Tt]erkait|BERITA\s+TERKAIT|Artikel\s+[Tt]erkait|Terkait:|ADVERTISEMENT"
    r"|Advertisement|SCROLL\s+TO|Iklan\b|Foto:|FOTO:|\(Foto|\[[Ff]oto|Keterangan\s+[Ff]oto|Caption"
    r"|Dok\.|Ilustrasi|Editor\s*:|Pewarta\s*:|Penulis\s*:|Reporter\s*:|Sumber\s*:|Copyright"
    r"|COPYRIGHT|©|Tags?\s*:|TAGS?\s*:|Topik|Halaman\b|Beranda|Home\b|•|Laporan\s+[Ww]artawan"
    r"|Font:|Bagikan|Share|Komentar|Ikuti|Follow|Download|Unduh|Klik|Berita\s+Lainnya|Terpopuler"
    r"|Populer|Rekomendasi)"
)
INLINE_CLUTTER = re.compile(r"(?:Baca\s+[Jj]uga|BACA\s+JUGA|ADVERTISEMENT|SCROLL TO CONTINUE)\s*:?")
SENTENCE_END = re.compile(r"[.!?\"”'’)]\s*$|[.!?]\s")
DATELINE = re.compile(
    r"^\s*(?:[A-Z0-9][\w\-]*\.(?:com|COM|co\.id|CO\.ID|id|ID|net|NET|Com)\s*[,|/]+\s*)?"
    r"(?P<place>[A-Z][A-Za-z'.]*(?:[ ][A-Za-z'.]+){0,3}?)"
    r"[ \t]*(?:,[^-–—\n]{0,40}?|\([^)\n]{0,30}\))?[ \t]*(?:--?|–|—)"
)
NATIONAL = re.compile(
    r"\b(?:Kementerian|Kemenkominfo|Kemendagri|KemenPAN|Kemenkes|Bappenas|Menteri|Mendagri"
    r"|Menkominfo|Dirjen|Ditjen|Presiden|pemerintah pusat|seluruh Indonesia|se-Indonesia"
    r"|kabupaten/kota|kota/kabupaten)\b"
)
KOTA_CUE = r"Wali\s?[Kk]ota|WALI\s?KOTA|Walkot|Pemkot|PEMKOT|Pemko|Pemerintah\s+Kota"
KAB_CUE = r"Bupati|BUPATI|Wakil\s+Bupati|Pemkab|PEMKAB|Pemerintah\s+Kabupaten"
PROV_CUE = r"Gubernur|GUBERNUR|Pemprov|PEMPROV|Pemerintah\s+Provinsi|Sekdaprov"
# All three in one scan. Every alternative starts with one of the capitals in the lookahead, which
# lets the regex engine pass over other positions quickly (8x faster than three plain scans).
CUES = re.compile(
    rf"(?=[WPBGS])\b(?:(?P<kota>{KOTA_CUE})|(?P<kab>{KAB_CUE})|(?P<prov>{PROV_CUE}))\b"
)
_ATTACH = 14  # a cue followed by a name within this many characters belongs to that name


@dataclass
class _Evidence:
    score: defaultdict[str, float]
    body: defaultdict[str, float]  # evidence outside the dateline
    actor: defaultdict[str, float]
    mentions: defaultdict[str, int]
    conf: dict[str, float]
    prov: defaultdict[str, float]
    prov_actor: defaultdict[str, float]
    title: defaultdict[str, float]  # cities and provinces named in the headline

    @classmethod
    def new(cls) -> _Evidence:
        f = defaultdict
        return cls(f(float), f(float), f(float), f(int), {}, f(float), f(float), f(float))


def _weights(text: str, opts: PlaceOptions) -> tuple[list[int], list[float]]:
    """Segment starts and weights: lead, body, headline-like lines, clutter."""
    starts: list[int] = []
    weights: list[float] = []
    pos = 0
    lead_left = opts.lead_chars
    for line in text.splitlines(keepends=True):
        stripped = line.strip()
        if not stripped:
            pos += len(line)
            continue
        if CLUTTER_LINE.match(line) or stripped.count(" / ") >= 2 or stripped.count(" | ") >= 2:
            w = opts.clutter_weight
        elif len(stripped) < 110 and not SENTENCE_END.search(stripped):
            w = opts.headline_weight
        elif lead_left > 0:
            w = opts.lead_weight
            lead_left -= len(stripped)
        else:
            w = opts.body_weight
        starts.append(pos)
        weights.append(w)
        inline = INLINE_CLUTTER.search(line)
        if inline:
            starts.append(pos + inline.start())
            weights.append(opts.clutter_weight)
            starts.append(pos + len(line))
            weights.append(w)
        pos += len(line)
    return starts or [0], weights or [opts.body_weight]


def _dateline(text: str, gaz: Gazetteer) -> tuple[int, int, list[Found], list[Hint]] | None:
    """The dateline place ("TANGERANG (ANTARA) -", "Liputan6.com, Bekasi -") in the first lines."""
    pos = 0
    for n, line in enumerate(text.splitlines(keepends=True)):
        if pos > 1200 or n > 10:
            break
        m = DATELINE.match(line)
        if m and not CLUTTER_LINE.match(line):
            a, b = pos + m.start("place"), pos + m.end("place")
            found, hints = gaz.scan(text[a:b], weak=True, fuzzy=False)
            if found or hints:
                return a, b, found, hints
        pos += len(line)
    return None


def _cue_weights(
    text: str, at: list[int], ws: list[float], named: set[int]
) -> dict[str, float]:
    """Weighted count of cues followed by no place name ('Bupati Ahmed Zaki', 'pemkot setempat')."""
    total = {"kota": 0.0, "kab": 0.0, "prov": 0.0}
    for m in CUES.finditer(text):
        if any(m.end() <= s <= m.end() + _ATTACH for s in named):
            continue
        total[m.lastgroup] += ws[bisect.bisect_right(at, m.start()) - 1]  # type: ignore[index]
    return total


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
    ev = _Evidence.new()
    # candidates, weight, actor, dateline
    pending: list[tuple[tuple[str, ...], float, bool, bool]] = []
    pair_votes: defaultdict[str, float] = defaultdict(float)
    at, ws = _weights(text, options)

    dl = _dateline(text, gaz)
    dl_span = (dl[0], dl[1]) if dl else (-1, -1)
    dl_city: str | None = None
    dl_hint: tuple[str, float, str] | None = None  # seat or kecamatan as dateline: applied last
    first_city: str | None = None
    if dl:
        for f in dl[2][:1]:
            if f.mention.kind in ("kota", "kabupaten"):
                dl_city = f.mention.name
                _add(ev, dl_city, options.dateline_weight, body=False)
            elif f.mention.kind == "ambiguous":
                pending.append((f.mention.candidates, options.dateline_weight, False, True))
        for h in dl[3][:1] if not dl[2] else ():
            if len(h.cities) == 1:
                share = 0.75 if h.kind == "seat" else 0.5
                dl_hint = (h.cities[0], options.dateline_weight * share, h.kind)

    named: set[int] = set()
    parts = ((title, [0], [options.title_weight], 0), (text, at, ws, 1))
    for part, pat, pws, which in parts:
        found, hints = gaz.scan(part)
        for f in found:
            m = f.mention
            if which and dl_span[0] <= m.start < dl_span[1]:
                continue
            w = pws[bisect.bisect_right(pat, m.start) - 1]
            if which:
                named.add(m.start)
                if first_city is None and m.kind in ("kota", "kabupaten"):
                    first_city = m.name
            if not which and m.kind != "ambiguous":
                ev.title[m.name] += w
            if m.kind in ("kota", "kabupaten"):
                _add(ev, m.name, w, actor=f.actor)
            elif m.kind == "province":
                ev.prov[m.name] += w
                if f.actor:
                    ev.prov_actor[m.name] += w
            else:
                pending.append((m.candidates, w, f.actor, False))
        for h in hints:
            if which and dl_span[0] <= h.start < dl_span[1]:
                continue
            w = pws[bisect.bisect_right(pat, h.start) - 1]
            for c in h.cities:
                pair_votes[c] += w * (1.0 if h.kind == "seat" else 0.5)
            if h.kind == "seat":
                _add(ev, h.cities[0], 0.5 * w, mention=False)
            elif len(h.cities) == 1:  # a kecamatan found in one city only
                _add(ev, h.cities[0], (0.6 if h.cue == "kec" else 0.3) * w, mention=False)

    if dl_hint and (dl_hint[2] == "seat" or ev.score[dl_hint[0]] > 0 or not ev.score):
        dl_city = dl_hint[0]  # a kecamatan whose name another region shares needs support
        _add(ev, dl_city, dl_hint[1], body=False, mention=False)
    if first_city is not None:
        ev.score[first_city] += 0.5  # the first city a story names is usually its subject
    in_text = _cue_weights(text, at, ws, named)
    in_title = _cue_weights(title, [0], [options.title_weight], set())
    kota_cue, kab_cue, prov_cue = (in_text[k] + in_title[k] for k in ("kota", "kab", "prov"))
    unresolved = _resolve_pending(gaz, ev, pending, pair_votes, kota_cue, kab_cue, prov_cue)
    return _decide(gaz, ev, unresolved, dl_city, kota_cue, kab_cue, prov_cue, title, text, options)


def _add(
    ev: _Evidence, city: str, w: float, *, actor: bool = False, body: bool = True,
    mention: bool = True,
) -> None:
    ev.score[city] += w
    if body:
        ev.body[city] += w
    if actor:
        ev.actor[city] += w
    if mention:
        ev.mentions[city] += 1


def _resolve_pending(
    gaz: Gazetteer, ev: _Evidence, pending: list[tuple[tuple[str, ...], float, bool, bool]],
    pair_votes: dict[str, float], kota_cue: float, kab_cue: float, prov_cue: float,
) -> dict[tuple[tuple[str, ...], bool], float]:
    """Give each bare ambiguous name to the side its article's other evidence favours."""
    unresolved: dict[tuple[tuple[str, ...], bool], float] = defaultdict(float)
    for cands, w, actor, dateline in pending:
        if any(c not in gaz.cities for c in cands):
            # a name shared by a province and its capital ("Jambi", "Jogja"): the region,
            # unless it is the dateline
            cities = [c for c in cands if c in gaz.cities]
            if not dateline:
                prov = next(c for c in cands if c not in gaz.cities)
                ev.prov[prov] += w
                continue
            cands = tuple(cities)
            if len(cands) == 1:
                _add(ev, cands[0], w, body=False)
                continue
        votes = {}
        for c in cands:
            if c in gaz.cities:
                cue = kota_cue if gaz.cities[c].kind == "kota" else kab_cue
                votes[c] = ev.body[c] + ev.score[c] * 0.5 + pair_votes.get(c, 0.0) + 0.5 * cue
            else:
                votes[c] = ev.prov_actor[c] + 0.5 * ev.prov[c] + 0.5 * prov_cue
        ranked = sorted(votes.items(), key=lambda kv: -kv[1])
        best, top = ranked[0]
        second = ranked[1][1] if len(ranked) > 1 else 0.0
        if top <= 0 or top == second:
            unresolved[(cands, dateline)] += w
            continue
        conf = 0.5 + 0.5 * (top - second) / (top + second)
        _add(ev, best, w, actor=actor, body=not dateline)
        ev.conf[best] = max(ev.conf.get(best, 0.0), conf)
    return unresolved


def _decide(
    gaz: Gazetteer, ev: _Evidence, unresolved: dict[tuple[tuple[str, ...], bool], float],
    dl_city: str | None, kota_cue: float, kab_cue: float, prov_cue: float, title: str, text: str,
    opts: PlaceOptions,
) -> PlaceTags:
    """Main city, province-level or national, and the cities worth listing."""
    for (cands, dateline), w in unresolved.items():
        for c in cands:
            _add(ev, c, w, body=not dateline)
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
        tied_top = top is not None and s >= ev.score[top] - 1e-9 and ev.body[c] > 0
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
