"""Gazetteer of Indonesia's 514 kabupaten/kota and 38 provinces, and one-pass mention finding.

Built once per process by ``gazetteer()`` from areaid (names, pre-2022 provinces, seats, kecamatan)
and the tables in ``nlp/data/places/`` (aliases, seats, province renames, the 2022 Papua split and
Kemendagri codes). Every surface form goes into one Aho–Corasick automaton over space-padded,
lower-cased text, so word boundaries hold by construction and the text is read once; the cue words
that may precede a misspelt name ride in the same automaton.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import cache
from typing import NamedTuple

import ahocorasick

from nlp.fuzzy import FUZZY_CUE_KEYS, FuzzyIndex, misspelt_after_cues
from nlp.place_rules import (
    ACTOR_GROUPS,
    AGENCY,
    AGENCY_WORDS,
    CUE_END,
    KECAMATAN_GROUPS,
    LEFT_CUE,
    NEXT_CAP,
    OPENERS,
    PLACE_GROUPS,
    RIGHT_KOTA,
    VETO_GROUPS,
    WANT,
)
from nlp.types import CityMention

logger = logging.getLogger(__name__)

_ASCII_PUNCT = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~\t\n\r\f\v"
_WIDE_PUNCT = "“”‘’–—…•·«»\u00a0"
_PUNCT = {ord(c): " " for c in _ASCII_PUNCT + _WIDE_PUNCT}
# The same map on UTF-8 bytes (no multi-byte sequence contains an ASCII byte): far faster than
# str.translate once a text holds any non-ASCII character.
_BYTE_PUNCT = bytes.maketrans(_ASCII_PUNCT.encode(), b" " * len(_ASCII_PUNCT))
_CUE_LEFT_CHARS = 48
_MEMO_MAX = 100_000


@dataclass(frozen=True)
class City:
    """One kabupaten/kota as the gazetteer knows it."""

    name: str  # official, e.g. "Kota Adm. Jakarta Selatan"
    kind: str  # "kota" | "kabupaten"
    core: str  # the name without Kota/Kabupaten, e.g. "Jakarta Selatan"
    province: str  # current (38-province) name
    seats: tuple[str, ...]
    code: str | None
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class Province:
    """One of the 38 current provinces."""

    name: str
    capital: str | None
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class Form:
    """What one normalised surface form can name."""

    key: str
    cities: tuple[str, ...] = ()  # 1 = unambiguous; 2 = a Kota/Kabupaten pair
    province: str | None = None
    seats: tuple[str, ...] = ()  # the city whose seat or well-known town this is
    districts: tuple[str, ...] = ()  # cities with a kecamatan of this name
    exact: frozenset[str] = frozenset()  # acronyms: only these spellings count
    weak: bool = False  # also an ordinary word or a person name: needs a cue
    kecamatan_of: tuple[str, ...] = ()  # other cities with a kecamatan of this name (Depok, Sleman)


class Found(NamedTuple):
    """A mention with the cue that decided its kind (for the resolver in ``nlp.places``)."""

    mention: CityMention
    cue: str  # "kota" | "kabupaten" | "province" | "" (the kind the adjacent words asked for)
    actor: bool  # named as an acting government (Wali Kota X, Pemkab X, Gubernur X, Dinas … X)
    fuzzy: bool = False
    group: str = ""  # the cue group just left of the name ("move" for "ke X", "" for none)
    weak: bool = False  # a weak name (Puncak, Metro, Batu) with only a place word or police cue
    kecamatan_of: tuple[str, ...] = ()  # other cities with a kecamatan of this name


class Hint(NamedTuple):
    """A seat, town or kecamatan that points to a kabupaten/kota without naming it."""

    start: int
    end: int
    surface: str
    cities: tuple[str, ...]
    kind: str  # "seat" | "district"
    cue: str = ""  # the cue group just left of it ("kec" for "Kecamatan X")


class _Entry:
    """What one automaton hit needs, worked out once per form rather than once per match."""

    __slots__ = ("n", "form", "named", "hint", "pair", "kinds", "single", "province", "ambiguous")

    def __init__(self, form: Form | None, cities: dict[str, City], n: int) -> None:
        self.n = n  # len(key) + 1: the hit's end minus this is its start in the unpadded text
        self.form = form  # None: a cue word for fuzzy matching
        if form is None:
            self.named = self.hint = self.pair = False
            return
        self.named = bool(form.cities or form.province)
        self.hint = not self.named and bool(form.seats or form.districts)
        self.pair = len(form.cities) > 1
        self.kinds = {cities[c].kind: c for c in form.cities}
        one = form.cities[0] if len(form.cities) == 1 else None
        self.single = (one, cities[one].kind) if one else None
        self.province = form.province
        cands = tuple(sorted(form.cities, key=lambda c: cities[c].kind != "kota"))
        cands += (form.province,) if form.province else ()
        label = cities[cands[0]].core if form.cities else form.key.title()
        self.ambiguous = (label, cands)


def norm_key(s: str) -> str:
    """Lower-case, punctuation to spaces, single spaces: the automaton's key form."""
    return " ".join(s.lower().translate(_PUNCT).split())


def fold(text: str) -> str:
    """Lower-case with punctuation as spaces, one character for one (offsets stay the text's)."""
    low = text.lower()
    if len(low) != len(text):
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    if not low.isascii():
        for ch in _WIDE_PUNCT:
            if ch in low:
                low = low.replace(ch, " ")
    raw = low.encode("utf-8", "surrogatepass").translate(_BYTE_PUNCT)
    return raw.decode("utf-8", "surrogatepass")


class Gazetteer:
    """The 514 kabupaten/kota, the 38 provinces and an automaton over every surface form."""

    def __init__(
        self, cities: dict[str, City], provinces: dict[str, Province], forms: dict[str, Form]
    ) -> None:
        self.cities = cities
        self.provinces = provinces
        self.forms = forms
        self.entries = {key: _Entry(form, cities, len(key) + 1) for key, form in forms.items()}
        self.automaton = ahocorasick.Automaton()
        for key, entry in self.entries.items():
            self.automaton.add_word(f" {key} ", entry)
        for key in FUZZY_CUE_KEYS:
            if key not in forms:
                self.automaton.add_word(f" {key} ", _Entry(None, cities, len(key) + 1))
        self.automaton.make_automaton()
        self.by_core: dict[str, tuple[str, ...]] = {}
        for city in cities.values():
            core = norm_key(city.core)
            self.by_core[core] = (*self.by_core.get(core, ()), city.name)
        self._cue_memo: dict[tuple[str, ...], tuple[str, int] | None] = {}
        self.fuzzy = FuzzyIndex(
            {k: (*f.cities, f.province or "") for k, f in forms.items() if f.cities or f.province},
            exact=frozenset(k for k, f in forms.items() if f.exact),
        )

    # --- scanning -------------------------------------------------------------------------------
    def _hits(self, text: str) -> tuple[list[tuple[int, int, _Entry]], list[int]]:
        """Longest non-overlapping capitalised form hits, and where fuzzy cue words start."""
        found = []
        cues = []
        last = -1
        tangled = False  # hits overlap (a longer form contains a shorter one): sort them out below
        for end, entry in self.automaton.iter(" " + fold(text) + " "):
            start = end - entry.n
            form = entry.form
            if form is None:
                cues.append(start)
                continue
            if form.exact:
                if text[start:end - 1] not in form.exact:
                    continue
            elif not text[start].isupper():
                continue
            found.append((start, end - 1, entry))
            tangled = tangled or start < last
            last = end - 1
        if tangled:  # keep the longest of overlapping forms, leftmost first
            found.sort(key=lambda h: (h[0], h[0] - h[1]))
            kept, last = [], -1
            for h in found:
                if h[0] >= last:
                    kept.append(h)
                    last = h[1]
            found = kept
        return found, cues

    def raw_hits(self, text: str) -> list[tuple[int, int, Form]]:
        """Longest non-overlapping, capitalised form hits: (start, end, form)."""
        return [(a, b, e.form) for a, b, e in self._hits(text)[0]]  # type: ignore[misc]

    def scan(
        self, text: str, *, weak: bool = False, fuzzy: bool = True
    ) -> tuple[list[Found], list[Hint]]:
        """Every city/province mention with its cue, plus seat and kecamatan hints, in one pass."""
        found: list[Found] = []
        hints: list[Hint] = []
        hits, cues = self._hits(text)
        for start, end, entry in hits:
            if entry.named:
                f = self._resolve(text, start, end, entry, weak)
                if f is not None:
                    found.append(f)
            elif entry.hint:
                h = self._hint(text, start, end, entry.form, weak)  # type: ignore[arg-type]
                if h is not None:
                    hints.append(h)
        if fuzzy and cues:
            more = self._fuzzy(text, [(a, b) for a, b, _ in hits], cues)
            if more:
                found.extend(more)
                found.sort(key=lambda f: f.mention.start)
        return found, hints

    def _resolve(self, text: str, start: int, end: int, entry: _Entry, weak: bool) -> Found | None:
        cue = self._left_cue(text, start)
        group = cue[0] if cue else None
        if group in VETO_GROUPS:
            return None
        form: Form = entry.form  # type: ignore[assignment]
        if form.weak and not weak:
            if group is None:
                return None
            if group in PLACE_GROUPS and NEXT_CAP.match(text, end):
                return None
        span_start = cue[1] if cue and (group == "kota" or group == "kab") else start
        want = WANT.get(group, "") if group else ""
        if group == "provactor" and entry.province:
            want = "province"
        if entry.pair:
            if RIGHT_KOTA.match(text, end):
                want = "kota"
            elif group == "police" or group == "sector":
                want = "kabupaten"  # "Polresta Cirebon" is the regency's; the city's is "… Kota"
        actor = group in ACTOR_GROUPS or (
            group not in KECAMATAN_GROUPS and _agency_before(text, span_start)
        )
        surface = text[span_start:end]
        if want == "province" or not entry.kinds:
            m = CityMention(entry.province or "", "province", span_start, end, surface)
        elif want in entry.kinds:
            m = CityMention(entry.kinds[want], want, span_start, end, surface)
        elif entry.single is not None and (want != "" or not entry.province):
            m = CityMention(entry.single[0], entry.single[1], span_start, end, surface)
        else:
            label, cands = entry.ambiguous
            m = CityMention(label, "ambiguous", span_start, end, surface, cands)
        strong = group in WANT or group in ACTOR_GROUPS
        return Found(m, want, actor, False, group or "", form.weak and not weak and not strong,
                     form.kecamatan_of)

    def _hint(self, text: str, start: int, end: int, form: Form, weak: bool) -> Hint | None:
        cue = self._left_cue(text, start)
        group = cue[0] if cue else ""
        if group == "feature":
            group = ""  # Danau Sentani, Sungai Cisadane: in or near the place all the same
        elif group in VETO_GROUPS:
            return None
        if form.weak and not weak and group not in ("loc", "move", "kota", "kab", "kec"):
            return None
        surface = text[start:end]
        if form.seats:
            return Hint(start, end, surface, form.seats, "seat", group)
        return Hint(start, end, surface, form.districts, "district", group)

    def _left_cue(self, text: str, start: int) -> tuple[str, int] | None:
        """The cue group ending right before ``start`` and where it starts (last 1-4 tokens)."""
        if start == 0 or not text[start - 1].isspace():
            return None
        lo = max(0, start - _CUE_LEFT_CHARS)
        toks = text[lo:start].split()[-4:]
        if not toks:
            return None
        last = toks[-1].lstrip(OPENERS)
        if last.rstrip(".") not in CUE_END and not last.startswith(("Kab", "KAB")):
            return None  # every cue ends with one of these words: most names skip the regex
        key = tuple(t for t in (t.lstrip(OPENERS) for t in toks) if t)
        if key in self._cue_memo:
            hit = self._cue_memo[key]
        else:
            hit = None
            for size in range(len(key), 0, -1):
                m = LEFT_CUE.fullmatch(" ".join(key[-size:]) + " ")
                if m and m.lastgroup:
                    hit = (m.lastgroup, size)
                    break
            if len(self._cue_memo) < _MEMO_MAX:
                self._cue_memo[key] = hit
        if hit is None:
            return None
        group, n = hit
        pos = start
        for tok in reversed(key[-n:]):
            pos = text.rfind(tok, lo, pos)
        return group, pos

    # --- fuzzy ----------------------------------------------------------------------------------
    def _fuzzy(self, text: str, spans: list[tuple[int, int]], cues: list[int]) -> list[Found]:
        """Misspelt names right after a cue word (Kota, Pemkot, Bupati …): <= 1 edit, 2 when long."""
        out: list[Found] = []
        for a, b, target in misspelt_after_cues(text, spans, cues, self.fuzzy, norm_key):
            found = self._resolve(text, a, b, self.entries[target], True)
            if found is not None:
                out.append(found._replace(fuzzy=True))
        return out

    def nearest(self, key: str, *, max_distance: int = 1) -> str | None:
        """The one city/province form within ``max_distance`` edits of ``key``, else None."""
        return self.fuzzy.nearest(key, max_distance=max_distance)


def _agency_before(text: str, start: int) -> bool:
    """An agency or office title right before the name: the place acts, not just hosts."""
    lo = max(0, start - 60)
    if AGENCY_WORDS.isdisjoint(text[lo:start].split()[-7:]):
        return False
    return AGENCY.search(text, lo, start) is not None


@cache
def gazetteer() -> Gazetteer:
    """Build the gazetteer once per process (~0.5 s: areaid's JSON with every kecamatan)."""
    from nlp.gazetteer_build import build  # noqa: PLC0415 - the builder is only needed once

    return build()


def find_mentions(text: str) -> list[CityMention]:
    """Every kabupaten/kota and province named in ``text``, with offsets, in text order."""
    found, _ = gazetteer().scan(text)
    return [f.mention for f in found]
