"""Gazetteer of Indonesia's 514 kabupaten/kota and 38 provinces, and one-pass mention finding.

Built once per process by ``gazetteer()`` from areaid (names, pre-2022 provinces, seats, kecamatan)
and the tables in ``nlp/data/places/`` (aliases, seats, province renames and the 2022 Papua split).
Kemendagri codes come from the committed ``codes.json``. Every surface form goes into one Aho–Corasick automaton over space-padded,
lower-cased text, so word boundaries hold by construction and the text is read once.
"""

from __future__ import annotations

import logging
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import cache

import ahocorasick

from nlp.types import CityMention

logger = logging.getLogger(__name__)

_PUNCT = {ord(c): " " for c in "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~\t\n\r\f\v“”‘’–—…•·«»\u00a0"}
# Cues read from the text just left of a name; case-sensitive where the lower-case word means
# something else ("kota" = town).  Order matters: the first alternative that reaches the name wins.
LEFT_CUE = re.compile(
    r"(?:(?P<kotaactor>\b(?:Wali\s?[Kk]ota|WALI\s?KOTA|Walkot|Wawali|Pemkot|PEMKOT|Pemko|PEMKO"
    r"|Pemerintah\s+Kota|Sekda\s+Kota|DPRD\s+Kota|Polrestabes))"
    r"|(?P<kabactor>\b(?:Bupati|BUPATI|Wabup|Pemkab|PEMKAB|Pemerintah\s+Kabupaten|Sekda\s+Kabupaten"
    r"|DPRD\s+Kabupaten))"
    r"|(?P<kota>\b(?:Kota|KOTA)(?:\s+(?:Adm\.?|ADM\.?|Administrasi|Administratif))?)"
    r"|(?P<kab>\b(?:Kabupaten|KABUPATEN|Kab|KAB)\.?(?:\s*(?:Adm\.?|Administrasi|Administratif))?)"
    r"|(?P<provactor>\b(?:Gubernur|GUBERNUR|Wagub|Pemprov|PEMPROV|Pemerintah\s+Provinsi|Provinsi"
    r"|PROVINSI|Prov\.|Pemerintah|Sekdaprov))"
    r"|(?P<police>\b(?:Polres(?:ta)?(?:\s+Metro)?|Kapolres(?:ta)?(?:\s+Metro)?|Polsek))"
    r"|(?P<kec>\b(?:Kecamatan|KECAMATAN|Kec\.|Camat|Distrik))"
    r"|(?P<title>\b(?:Pak|Bapak|Bu|Ibu|Sdr\.?|Saudara|Mas|Mbak|Kang|Bang|Cak|Sdri\.?))"
    r"|(?P<street>\b(?:Jalan|JALAN|Jl\.?|JL\.?|Jln\.?|Gang|Gg\.))"
    r"|(?P<loc>\b(?:di|ke|dari|Di|Ke|Dari|DI|asal|wilayah|Wilayah|kawasan|daerah|warga|Warga|Pulau"
    r"|kota|kabupaten|se|menuju|antara|dan|serta))"
    r")\s*$"
)
RIGHT_KOTA = re.compile(r"[ \t]+(?:Kota|KOTA)\b")
NEXT_CAP = re.compile(r"[ \t]+(?!(?:Utara|Selatan|Barat|Timur|Tengah|Raya|Kota)\b)[A-Z][a-z]")
FUZZY_CUE = re.compile(
    r"\b(?:Kota|Kabupaten|Kab\.?|Pemkot|Pemkab|Pemko|Bupati|Wali\s?[Kk]ota|Walikota)[ \t]+"
    r"(?P<name>[A-Z][a-z]+(?:[ \t-][A-Z][a-z]+){0,2})"
)
_FUZZY_CUE_WORDS = ("Kota", "Kabupaten", "Kab", "Pemkot", "Pemkab", "Pemko", "Bupati", "Wali", "Walikota")
_CUE_LEFT_CHARS = 48


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


@dataclass(frozen=True)
class Found:
    """A mention with the cue that decided its kind (for the resolver in ``nlp.places``)."""

    mention: CityMention
    cue: str  # "kota" | "kabupaten" | "province" | "" (the kind the adjacent words asked for)
    actor: bool  # named as an acting government (Wali Kota X, Pemkab X, Gubernur X, Dinas … X)
    fuzzy: bool = False


@dataclass(frozen=True)
class Hint:
    """A seat, town or kecamatan that points to a kabupaten/kota without naming it."""

    start: int
    end: int
    surface: str
    cities: tuple[str, ...]
    kind: str  # "seat" | "district"
    cue: str = ""  # the cue group just left of it ("kec" for "Kecamatan X")


def norm_key(s: str) -> str:
    """Lower-case, punctuation to spaces, single spaces: the automaton's key form."""
    return " ".join(s.lower().translate(_PUNCT).split())


class Gazetteer:
    """The 514 kabupaten/kota, the 38 provinces and an automaton over every surface form."""

    def __init__(self, cities: dict[str, City], provinces: dict[str, Province], forms: dict[str, Form]):
        self.cities = cities
        self.provinces = provinces
        self.forms = forms
        self.automaton = ahocorasick.Automaton()
        for key, form in forms.items():
            self.automaton.add_word(f" {key} ", form)
        self.automaton.make_automaton()
        self.by_core: dict[str, tuple[str, ...]] = {}
        for city in cities.values():
            self.by_core[norm_key(city.core)] = (*self.by_core.get(norm_key(city.core), ()), city.name)
        self._near_memo: dict[tuple[str, int], str | None] = {}  # words repeat across articles
        self._deletes: dict[str, set[str]] = defaultdict(set)
        for key, form in forms.items():
            if (form.cities or form.province) and not form.exact and len(key) >= 5:
                for variant in {key, *_deletions(key)}:
                    self._deletes[variant].add(key)

    # --- scanning -------------------------------------------------------------------------------
    def raw_hits(self, text: str, *, weak: bool = False) -> list[tuple[int, int, Form]]:
        """Longest non-overlapping, capitalised form hits: (start, end, form)."""
        low = text.lower()
        if len(low) != len(text):
            low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
        padded = " " + low.translate(_PUNCT) + " "
        found = []
        for end, form in self.automaton.iter(padded):
            start = end - len(form.key) - 1
            stop = end - 1
            surface = text[start:stop]
            if form.exact:
                if surface not in form.exact:
                    continue
            elif not surface[:1].isupper():
                continue
            found.append((start, stop, form))
        if len(found) > 1:
            found.sort(key=lambda h: (h[0], h[0] - h[1]))
            kept, last = [], -1
            for h in found:
                if h[0] >= last:
                    kept.append(h)
                    last = h[1]
            found = kept
        return found

    def scan(self, text: str, *, weak: bool = False, fuzzy: bool = True) -> tuple[list[Found], list[Hint]]:
        """Every city/province mention with its cue, plus seat and kecamatan hints, in one pass."""
        found: list[Found] = []
        hints: list[Hint] = []
        spans: list[tuple[int, int]] = []
        for start, end, form in self.raw_hits(text):
            spans.append((start, end))
            if form.cities or form.province:
                f = self._resolve(text, start, end, form, weak=weak)
                if f is not None:
                    found.append(f)
            elif form.seats or form.districts:
                hint = self._hint(text, start, end, form, weak=weak)
                if hint is not None:
                    hints.append(hint)
        if fuzzy:
            found.extend(self._fuzzy(text, spans))
            found.sort(key=lambda f: f.mention.start)
        return found, hints

    def _resolve(self, text: str, start: int, end: int, form: Form, *, weak: bool) -> Found | None:
        cue = _left_cue(text, start)
        group = cue.lastgroup if cue else None
        if group in ("title", "street"):
            return None
        if form.weak and not weak:
            if group is None:
                return None
            if group == "loc" and NEXT_CAP.match(text, end):
                return None
        span_start = cue.start() if group in ("kota", "kab") and cue else start
        want = ""
        if group in ("kota", "kotaactor"):
            want = "kota"
        elif group in ("kab", "kabactor"):
            want = "kabupaten"
        elif group == "provactor" and form.province:
            want = "province"
        if RIGHT_KOTA.match(text, end) and len(form.cities) > 1:
            want = "kota"
        elif group == "police" and len(form.cities) > 1:
            want = "kabupaten"  # "Polresta Cirebon" is the regency's police; the city's is "… Kota"
        actor = group in ("kotaactor", "kabactor", "provactor") or _agency_before(text, span_start)
        kinds = {self.cities[c].kind: c for c in form.cities}
        surface = text[span_start:end]
        if want == "province" or (not form.cities and form.province):
            m = CityMention(form.province or "", "province", span_start, end, surface)
        elif want in kinds:
            m = CityMention(kinds[want], want, span_start, end, surface)
        elif len(form.cities) == 1 and (want != "" or not form.province):
            name = form.cities[0]
            m = CityMention(name, self.cities[name].kind, span_start, end, surface)
        else:
            cands = tuple(sorted(form.cities, key=lambda c: self.cities[c].kind != "kota"))
            cands += (form.province,) if form.province else ()
            label = self.cities[cands[0]].core if form.cities else form.key.title()
            m = CityMention(label, "ambiguous", span_start, end, surface, cands)
        return Found(m, want, actor)

    def _hint(self, text: str, start: int, end: int, form: Form, *, weak: bool) -> Hint | None:
        cue = _left_cue(text, start)
        group = cue.lastgroup if cue else None
        if group in ("title", "street"):
            return None
        if form.weak and not weak and group not in ("loc", "kota", "kab", "kec"):
            return None
        surface = text[start:end]
        if form.seats:
            return Hint(start, end, surface, form.seats, "seat", group or "")
        return Hint(start, end, surface, form.districts, "district", group or "")

    # --- fuzzy ----------------------------------------------------------------------------------
    def _fuzzy(self, text: str, spans: list[tuple[int, int]]) -> list[Found]:
        """Misspelt names right after a cue word (Kota, Kabupaten, Pemkot, Bupati …): <= 1 edit, <= 2 when long.

        Bare capitalised words are not tried: on 32,780 real news sentences nearly every bare near-miss
        was an ordinary derived word or a person's name ('Seorang', 'Kendall'), never a place.
        """
        out: list[Found] = []
        for cue_word in _FUZZY_CUE_WORDS:
            at = text.find(cue_word)
            while at != -1:
                m = FUZZY_CUE.match(text, at)
                at = text.find(cue_word, at + 1)
                if m is None:
                    continue
                a = m.start("name")
                words = list(re.finditer(r"[A-Za-z]+", m.group("name")))
                for n in range(len(words), 0, -1):
                    b = a + words[n - 1].end()
                    if any(b > s and a < e for s, e in spans):
                        continue
                    target = self.nearest(norm_key(text[a:b]), max_distance=2 if b - a >= 9 else 1)
                    if target is not None:
                        spans.append((a, b))
                        found = self._resolve(text, a, b, self.forms[target], weak=True)
                        if found is not None:
                            out.append(Found(found.mention, found.cue, found.actor, fuzzy=True))
                        break
        return out

    def nearest(self, key: str, *, max_distance: int = 1) -> str | None:
        """The one city/province form within ``max_distance`` edits of ``key``, else None."""
        memo = self._near_memo.get((key, max_distance), self)
        if memo is not self:
            return memo  # type: ignore[return-value]
        found = self._nearest(key, max_distance)
        if len(self._near_memo) < 100_000:
            self._near_memo[(key, max_distance)] = found
        return found

    def _nearest(self, key: str, max_distance: int) -> str | None:
        if len(key) < 5:
            return None
        cands = set(self._deletes.get(key, ()))
        for d in _deletions(key):
            cands |= self._deletes.get(d, set())
        best = [c for c in cands if osa_distance(key, c) <= 1]
        if not best and max_distance >= 2:
            best = [
                k for k in self.forms
                if k[:1] == key[:1] and abs(len(k) - len(key)) <= 2 and len(k) >= 8
                and (self.forms[k].cities or self.forms[k].province) and osa_distance(key, k) <= 2
            ]
        targets = {tuple(self.forms[k].cities) + (self.forms[k].province or "",) for k in best}
        if len(targets) != 1:
            return None
        return min(best, key=lambda k: osa_distance(key, k))


class _Cue:
    """The cue group and where it starts (the shape of the ``re.Match`` it stands for)."""

    __slots__ = ("lastgroup", "_start")

    def __init__(self, group: str | None, start: int) -> None:
        self.lastgroup = group
        self._start = start

    def start(self) -> int:
        return self._start


_TOKEN = re.compile(r"\S+")


def _left_cue(text: str, start: int) -> _Cue | None:
    """The cue ending right before ``start``: the last one to four tokens matched against ``LEFT_CUE``."""
    lo = max(0, start - _CUE_LEFT_CHARS)
    window = text[lo:start]
    if window and not window[-1].isspace():
        return None
    toks = list(_TOKEN.finditer(window))[-4:]
    if not toks or not any(t.group().rstrip(".") in _CUE_WORDS for t in toks):
        return None
    for n in range(len(toks), 0, -1):
        m = LEFT_CUE.fullmatch(" ".join(t.group() for t in toks[-n:]) + " ")
        if m:
            return _Cue(m.lastgroup, lo + toks[-n].start())
    return None


def _agency_before(text: str, start: int) -> bool:
    """An agency or office title right before the name: the place acts, not just hosts."""
    words = text[max(0, start - 60):start].split()
    if not any(w.rstrip(".") in _AGENCY_WORDS for w in words[-7:]):
        return False
    return _AGENCY.search(text, max(0, start - 60), start) is not None


# Every word that can begin or end a cue; a window without one skips the regex (speed).
_CUE_WORDS = frozenset(
    "Wali Walikota WALI Walkot Wawali Pemkot PEMKOT Pemko PEMKO Pemerintah Sekda DPRD Polrestabes Kota KOTA kota "
    "Bupati BUPATI Wabup Pemkab PEMKAB Kabupaten KABUPATEN kabupaten Kab KAB Adm ADM Administrasi Administratif "
    "Gubernur GUBERNUR Wagub Pemprov PEMPROV Provinsi PROVINSI Prov Sekdaprov Polres Polresta Kapolres Kapolresta "
    "Metro Polsek Kecamatan KECAMATAN Kec Camat Distrik Pak Bapak Bu Ibu Sdr Saudara Mas Mbak Kang Bang Cak Sdri "
    "Jalan JALAN Jl JL Jln Gang Gg di ke dari Di Ke Dari DI asal wilayah Wilayah kawasan daerah warga Warga Pulau "
    "se menuju antara dan serta".split()
)
_AGENCY_WORDS = frozenset(
    "Pemerintah Dinas Dinkes Dishub Disdukcapil Bappeda Bapenda Bappenda DPRD Sekda Kepala Kominfo BPBD Satpol "
    "Badan Bagian Wali Walikota Bupati Gubernur Pj Pemkot Pemkab Pemprov Pemko Kabag Camat RSUD Mal MPP "
    "Diskominfotik Diskominfo Kadis Kadiskominfo".split()
)
_AGENCY = re.compile(
    r"\b(?:Pemerintah|Dinas|Dinkes|Diskominfo\w*|Dishub|Disdukcapil|Bappeda|Bapenda|Bappenda|DPRD|Sekda"
    r"|Kadis\w*|Kepala|Kominfo|BPBD|Satpol|Badan|Bagian|Wali\s?[Kk]ota|Walikota|Bupati|Gubernur|Pj\.?"
    r"|Pemkot|Pemkab|Pemprov|Pemko|Kabag|Camat|RSUD|Mal Pelayanan Publik|MPP|Diskominfotik)"
    r"\b[^.,;:(\n\"“”]{0,30}?[ \t](?:(?:Kota|Kabupaten|Kab\.|Provinsi|Prov\.)[ \t]+(?:Adm\.[ \t]+)?)?$"
)


def _deletions(s: str) -> set[str]:
    return {s[:i] + s[i + 1:] for i in range(len(s))}


def osa_distance(a: str, b: str) -> int:
    """Edit distance with adjacent transpositions (optimal string alignment)."""
    if a == b:
        return 0
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = ca != cb
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        prev2, prev = prev, cur
    return prev[-1]


@cache
def gazetteer() -> Gazetteer:
    """Build the gazetteer once per process (~0.5 s: areaid's JSON with every kecamatan)."""
    from nlp.gazetteer_build import build  # noqa: PLC0415 - the builder is only needed once

    return build()


def find_mentions(text: str) -> list[CityMention]:
    """Every kabupaten/kota and province named in ``text``, with offsets, in text order."""
    found, _ = gazetteer().scan(text)
    return [f.mention for f in found]
