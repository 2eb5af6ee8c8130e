"""Evidence weighing for the city tagger: how much each mention of a place counts.

Mentions come from ``nlp.gazetteer`` in one pass; this module weighs them by where they stand and
what they do there (``nlp.place_context``), settles weak names and names that are also a kecamatan
elsewhere once the whole article is read, gives each bare
Kota/Kabupaten pair name to the side the article's other evidence favours (Wali Kota/Pemkot vs
Bupati/Pemkab, regency seats, kecamatan) and hands the totals to ``nlp.places`` to decide.
"""

from __future__ import annotations

import bisect
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import NamedTuple

from nlp.gazetteer import Found, Gazetteer
from nlp.place_context import find_dateline, listed_starts, mention_role, page_weights
from nlp.place_options import PlaceOptions
from nlp.place_rules import ATTACH, CUES, KECAMATAN_GROUPS, SELF_KIND


@dataclass
class Evidence:
    """Running totals per city and province for one article."""

    score: defaultdict[str, float]
    body: defaultdict[str, float]  # evidence outside the dateline
    actor: defaultdict[str, float]
    mentions: defaultdict[str, int]
    conf: dict[str, float]
    prov: defaultdict[str, float]
    prov_actor: defaultdict[str, float]
    title: defaultdict[str, float]  # cities and provinces named in the headline
    strong: set[str]  # cities named with a kind cue or as an acting government

    @classmethod
    def new(cls) -> Evidence:
        f = defaultdict
        return cls(f(float), f(float), f(float), f(int), {}, f(float), f(float), f(float), set())


def _cue_weights(
    text: str, at: list[int], ws: list[float], named: set[int]
) -> dict[str, float]:
    """Weighted count of cues followed by no place name ('Bupati Ahmed Zaki', 'pemkot setempat')."""
    total = {"kota": 0.0, "kab": 0.0, "prov": 0.0}
    for m in CUES.finditer(text):
        if any(m.end() <= s <= m.end() + ATTACH for s in named):
            continue
        total[m.lastgroup] += ws[bisect.bisect_right(at, m.start()) - 1]  # type: ignore[index]
    return total


class Gathered(NamedTuple):
    """All the evidence one article gives, ready for the decision in ``nlp.places``."""

    ev: Evidence
    unresolved: dict[tuple[tuple[str, ...], bool], float]  # (pair, dateline) -> weight
    dl_city: str | None
    kota_cue: float
    kab_cue: float
    prov_cue: float


def gather(title: str, text: str, gaz: Gazetteer, options: PlaceOptions) -> Gathered:
    """Weigh every mention, seat and kecamatan in the article and resolve the bare pair names."""
    ev = Evidence.new()
    # candidates, weight, actor, dateline
    pending: list[tuple[tuple[str, ...], float, bool, bool]] = []
    pair_votes: defaultdict[str, float] = defaultdict(float)
    at, ws = page_weights(text, options)

    dl = find_dateline(text, gaz)
    dl_span = (dl[0], dl[1]) if dl else (-1, -1)
    dl_city: str | None = None
    dl_hint: tuple[str, float, str] | None = None  # seat or kecamatan as dateline: applied last
    first_city: str | None = None
    if dl:
        for f in dl[2][:1]:
            if f.mention.kind in ("kota", "kabupaten"):
                dl_city = f.mention.name
                add(ev, dl_city, options.dateline_weight, body=False)
            elif f.mention.kind == "ambiguous":
                pending.append((f.mention.candidates, options.dateline_weight, False, True))
        for h in dl[3][:1] if not dl[2] else ():
            if len(h.cities) == 1:
                share = 0.75 if h.kind == "seat" else 0.5
                dl_hint = (h.cities[0], options.dateline_weight * share, h.kind)

    named: set[int] = set()
    deferred: list[tuple[Found, float, bool]] = []  # weak names and kecamatan-like names
    parts = ((title, [0], [options.title_weight], 0), (text, at, ws, 1))
    for part, pat, pws, which in parts:
        found, hints = gaz.scan(part)
        listed = listed_starts(part, found)
        for f in found:
            m = f.mention
            if which and dl_span[0] <= m.start < dl_span[1]:
                continue
            role = mention_role(part, f, listed)
            if role == "web":
                continue
            if which:
                named.add(m.start)
            w = pws[bisect.bisect_right(pat, m.start) - 1]
            if role:
                f = f._replace(actor=False)
                w *= options.venue_weight if role == "venue" else options.passing_weight
            if which and first_city is None and m.kind in ("kota", "kabupaten") and not f.weak:
                if role in ("", "list", "said"):
                    first_city = m.name
            if f.weak or (f.kecamatan_of and not f.actor and f.cue == ""):
                deferred.append((f, w, not which))
            else:
                _count(ev, f, w, not which, pending)
        for h in hints:
            if which and dl_span[0] <= h.start < dl_span[1]:
                continue
            w = pws[bisect.bisect_right(pat, h.start) - 1]
            _count_hint(ev, h.cities, h.kind, h.cue, w, pair_votes)
    _settle(gaz, ev, deferred, pending, pair_votes)

    if dl_hint and (dl_hint[2] == "seat" or ev.score[dl_hint[0]] > 0 or not ev.score):
        dl_city = dl_hint[0]  # a kecamatan whose name another region shares needs support
        add(ev, dl_city, dl_hint[1], body=False, mention=False)
    if first_city is not None:
        ev.score[first_city] += 0.5  # the first city a story names is usually its subject
    in_text = _cue_weights(text, at, ws, named)
    in_title = _cue_weights(title, [0], [options.title_weight], set())
    kota_cue, kab_cue, prov_cue = (in_text[k] + in_title[k] for k in ("kota", "kab", "prov"))
    unresolved = _resolve_pending(
        gaz, ev, pending, pair_votes, kota_cue, kab_cue, prov_cue, text, options
    )
    return Gathered(ev, unresolved, dl_city, kota_cue, kab_cue, prov_cue)




def _count(
    ev: Evidence, f: Found, w: float, in_title: bool,
    pending: list[tuple[tuple[str, ...], float, bool, bool]],
) -> None:
    """Add one mention's weight to its city or province, or queue a bare pair name."""
    m = f.mention
    if in_title and m.kind != "ambiguous":
        ev.title[m.name] += w
    if m.kind in ("kota", "kabupaten"):
        add(ev, m.name, w, actor=f.actor)
        if f.cue or f.actor:
            ev.strong.add(m.name)
    elif m.kind == "province":
        ev.prov[m.name] += w
        if f.actor:
            ev.prov_actor[m.name] += w
    else:
        pending.append((m.candidates, w, f.actor, False))


def _count_hint(
    ev: Evidence, cities: tuple[str, ...], kind: str, cue: str, w: float,
    pair_votes: defaultdict[str, float],
) -> None:
    """A seat or kecamatan: a vote for its city in a pair, and part of a mention's weight."""
    for c in cities:
        pair_votes[c] += w * (1.0 if kind == "seat" else 0.5)
    if kind == "seat":
        add(ev, cities[0], 0.5 * w, mention=False)
    elif len(cities) == 1:  # a kecamatan found in one city only
        add(ev, cities[0], (0.6 if cue in KECAMATAN_GROUPS else 0.3) * w, mention=False)


def _settle(
    gaz: Gazetteer, ev: Evidence, deferred: list[tuple[Found, float, bool]],
    pending: list[tuple[tuple[str, ...], float, bool, bool]], pair_votes: defaultdict[str, float],
) -> None:
    """Weak names and names that are also a kecamatan elsewhere, once the article is read.

    A weak name (Puncak, Metro, Batu) with only a place word or police cue counts when the article
    also names its province or a city there ("kawasan Puncak, Kabupaten Bogor" is not Papua
    Tengah's regency). A bare city name that is also a kecamatan of a city in another province
    which the article names is that kecamatan ("Depok" in a Sleman story); so is one after
    Kecamatan/Polsek.
    """
    provinces = {gaz.cities[c].province for c in ev.score} | set(ev.prov)
    for f, w, in_title in deferred:
        m = f.mention
        cands = m.candidates if m.kind == "ambiguous" else (m.name,)
        if f.weak and not any(c in ev.score or gaz.cities[c].province in provinces
                              for c in cands if c in gaz.cities):
            continue
        if f.kecamatan_of and not ev.strong.intersection(cands):
            far = {gaz.cities[c].province for c in cands if c in gaz.cities}
            named = [b for b in f.kecamatan_of if b in ev.score
                     and (f.group in KECAMATAN_GROUPS or gaz.cities[b].province not in far)]
            if f.group in KECAMATAN_GROUPS and not named and len(f.kecamatan_of) == 1:
                named = list(f.kecamatan_of)
            if len(named) == 1:
                _count_hint(ev, (named[0],), "district", "kec", w, pair_votes)
            if named or f.group in KECAMATAN_GROUPS:
                continue  # "Kecamatan Depok" with no Sleman or Cirebon named: a kecamatan, unknown
        _count(ev, f, w, in_title, pending)


def add(
    ev: Evidence, city: str, w: float, *, actor: bool = False, body: bool = True,
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
    gaz: Gazetteer, ev: Evidence, pending: list[tuple[tuple[str, ...], float, bool, bool]],
    pair_votes: dict[str, float], kota_cue: float, kab_cue: float, prov_cue: float,
    text: str, opts: PlaceOptions,
) -> dict[tuple[tuple[str, ...], bool], float]:
    """Give each bare ambiguous name to the side its article's other evidence favours.

    With no such evidence, the article calling its place "kota ini" / "pemerintah kota" (or the
    regency's equivalents) more often one way decides a Kota/Kabupaten pair, at lower confidence.
    """
    unresolved: dict[tuple[tuple[str, ...], bool], float] = defaultdict(float)
    self_kind: Counter[str | None] | None = None  # read from the text only when needed
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
                add(ev, cands[0], w, body=False)
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
            kinds = {gaz.cities[c].kind: c for c in cands if c in gaz.cities}
            if self_kind is None and len(kinds) == 2:
                self_kind = Counter(m.lastgroup for m in SELF_KIND.finditer(text))
            lean = self_kind["kota"] - self_kind["kab"] if self_kind else 0
            if len(kinds) != 2 or lean == 0:
                unresolved[(cands, dateline)] += w
                continue
            best = kinds["kota" if lean > 0 else "kabupaten"]
            conf = opts.self_reference_confidence
        else:
            conf = 0.5 + 0.5 * (top - second) / (top + second)
        add(ev, best, w, actor=actor, body=not dateline)
        ev.conf[best] = max(ev.conf.get(best, 0.0), conf)
    return unresolved


