"""Bounded fuzzy matching of misspelt place names ("Kota Tangeran" → Kota Tangerang).

Kept apart from the scanner in ``nlp.gazetteer``: only a name right after a cue word (Kota,
Pemkot, Bupati …) is tried, within one edit (two for long names), and only when exactly one place
is that close, so ordinary words never match.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable

# A cue word and the capitalised words after it that may be a misspelt name.
FUZZY_CUE = re.compile(
    r"\b(?:Kota|Kabupaten|Kab\.?|Pemkot|Pemkab|Pemko|Bupati|Wali\s?[Kk]ota|Walikota)[ \t]+"
    r"(?P<name>[A-Z][a-z]+(?:[ \t-][A-Z][a-z]+){0,2})"
)
# Automaton keys whose hit lets FUZZY_CUE try the words after it (one pass over the text, no find).
FUZZY_CUE_KEYS = ("kota", "kabupaten", "kab", "pemkot", "pemkab", "pemko", "bupati", "wali",
                  "walikota")
_WORD = re.compile(r"[A-Za-z]+")
_MEMO_MAX = 100_000
_NO = object()  # "not memoised yet" (None is a memoised answer)


def deletions(s: str) -> set[str]:
    """Every string one deletion away from ``s`` (the symmetric-delete index's keys)."""
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


class FuzzyIndex:
    """Symmetric-delete index over the place forms that may be fuzzy-matched."""

    def __init__(
        self, targets: dict[str, tuple[str, ...]], *, exact: frozenset[str] = frozenset()
    ) -> None:
        """``targets``: form key -> what it names; ``exact`` keys (acronyms) are never near."""
        self.targets = targets
        self._memo: dict[tuple[str, int], str | None] = {}  # words repeat across articles
        self._deletes: dict[str, set[str]] = defaultdict(set)
        for key in targets:
            if key not in exact and len(key) >= 5:
                for variant in {key, *deletions(key)}:
                    self._deletes[variant].add(key)

    def nearest(self, key: str, *, max_distance: int = 1) -> str | None:
        """The one form within ``max_distance`` edits of ``key``, else None."""
        memo = self._memo.get((key, max_distance), _NO)
        if memo is not _NO:
            return memo  # type: ignore[return-value]
        found = self._nearest(key, max_distance)
        if len(self._memo) < _MEMO_MAX:
            self._memo[(key, max_distance)] = found
        return found

    def _nearest(self, key: str, max_distance: int) -> str | None:
        if len(key) < 5:
            return None
        cands = set(self._deletes.get(key, ()))
        for d in deletions(key):
            cands |= self._deletes.get(d, set())
        best = [c for c in cands if osa_distance(key, c) <= 1]
        if not best and max_distance >= 2:
            best = [
                k for k in self.targets
                if k[:1] == key[:1] and abs(len(k) - len(key)) <= 2 and len(k) >= 8
                and osa_distance(key, k) <= 2
            ]
        if len({self.targets[k] for k in best}) != 1:
            return None
        return min(best, key=lambda k: osa_distance(key, k))


def misspelt_after_cues(
    text: str, spans: list[tuple[int, int]], cues: Iterable[int], nearest: FuzzyIndex,
    norm: Callable[[str], str],
) -> list[tuple[int, int, str]]:
    """(start, end, form key) of misspelt names right after the cue words starting at ``cues``.

    Bare capitalised words are not tried: on 32,780 real news sentences nearly every bare
    near-miss was an ordinary derived word or a person's name ('Seorang', 'Kendall').
    ``spans`` (names already found) is extended with each match.
    """
    out: list[tuple[int, int, str]] = []
    for at in cues:
        m = FUZZY_CUE.match(text, at)
        if m is None:
            continue
        a = m.start("name")
        if any(s <= a < e for s, e in spans):
            continue  # the words after the cue are a name already found
        words = list(_WORD.finditer(m.group("name")))
        for n in range(len(words), 0, -1):
            b = a + words[n - 1].end()
            if any(b > s and a < e for s, e in spans):
                continue
            target = nearest.nearest(norm(text[a:b]), max_distance=2 if b - a >= 9 else 1)
            if target is not None:
                spans.append((a, b))
                out.append((a, b, target))
                break
    return out
