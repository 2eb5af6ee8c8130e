"""Scores for the taggers, and the plain keyword baseline every model figure is shown beside."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache

from nlp.lexicon import PILLAR_TERMS, lexicon_counts
from nlp.types import PILLARS


@dataclass(frozen=True)
class Prediction:
    """What a tagger said about one article, in the shape gold labels are compared with."""

    relevant: bool
    pillars: tuple[str, ...] = ()
    cities: tuple[str, ...] = ()
    main_city: str | None = None
    province: str | None = None

    @property
    def main_pillar(self) -> str | None:
        return self.pillars[0] if self.pillars else None


@dataclass(frozen=True)
class Gold:
    """The labels of one article."""

    relevant: bool
    pillars: tuple[str, ...] = ()
    cities: tuple[str, ...] = ()
    main_city: str | None = None
    province: str | None = None
    style: str = ""

    @property
    def main_pillar(self) -> str | None:
        return self.pillars[0] if self.pillars else None


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    """Precision, recall, F1 (0 where undefined)."""
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


@dataclass
class Scores:
    """Every figure ``smartcity evaluate`` reports, for one tagger on one set of articles."""

    n: int = 0
    relevance: tuple[float, float, float] = (0.0, 0.0, 0.0)
    pillar: dict[str, tuple[float, float, float]] = field(default_factory=dict)
    pillar_macro_f1: float = 0.0
    pillar_micro_f1: float = 0.0
    main_pillar_accuracy: float = 0.0
    confusion: dict[str, dict[str, int]] = field(default_factory=dict)
    city: tuple[float, float, float] = (0.0, 0.0, 0.0)
    main_city_accuracy: float = 0.0
    province_accuracy: float = 0.0

    def headline(self) -> dict[str, float]:
        """The figures the README table shows."""
        return {
            "relevance_f1": self.relevance[2],
            "pillar_macro_f1": self.pillar_macro_f1,
            "main_pillar_accuracy": self.main_pillar_accuracy,
            "city_precision": self.city[0],
            "city_recall": self.city[1],
            "main_city_accuracy": self.main_city_accuracy,
        }


def score(golds: Sequence[Gold], preds: Sequence[Prediction]) -> Scores:
    """Relevance on all articles; pillars as sets (none when judged not relevant); places as sets."""
    assert len(golds) == len(preds)
    s = Scores(n=len(golds))
    tp = sum(g.relevant and p.relevant for g, p in zip(golds, preds, strict=True))
    fp = sum((not g.relevant) and p.relevant for g, p in zip(golds, preds, strict=True))
    fn = sum(g.relevant and not p.relevant for g, p in zip(golds, preds, strict=True))
    s.relevance = prf(tp, fp, fn)
    all_tp = all_fp = all_fn = 0
    for pillar in PILLARS:
        ptp = sum(pillar in g.pillars and pillar in p.pillars for g, p in zip(golds, preds, strict=True))
        pfp = sum(pillar not in g.pillars and pillar in p.pillars for g, p in zip(golds, preds, strict=True))
        pfn = sum(pillar in g.pillars and pillar not in p.pillars for g, p in zip(golds, preds, strict=True))
        s.pillar[pillar] = prf(ptp, pfp, pfn)
        all_tp, all_fp, all_fn = all_tp + ptp, all_fp + pfp, all_fn + pfn
    s.pillar_macro_f1 = sum(v[2] for v in s.pillar.values()) / len(PILLARS)
    s.pillar_micro_f1 = prf(all_tp, all_fp, all_fn)[2]
    relevant = [(g, p) for g, p in zip(golds, preds, strict=True) if g.relevant]
    s.main_pillar_accuracy = sum(g.main_pillar == p.main_pillar for g, p in relevant) / len(relevant) if relevant else 0.0
    conf: dict[str, dict[str, int]] = {}
    for g, p in zip(golds, preds, strict=True):
        row = conf.setdefault(g.main_pillar or "none", {})
        key = p.main_pillar or "none"
        row[key] = row.get(key, 0) + 1
    s.confusion = conf
    ctp = sum(len(set(g.cities) & set(p.cities)) for g, p in zip(golds, preds, strict=True))
    cfp = sum(len(set(p.cities) - set(g.cities)) for g, p in zip(golds, preds, strict=True))
    cfn = sum(len(set(g.cities) - set(p.cities)) for g, p in zip(golds, preds, strict=True))
    s.city = prf(ctp, cfp, cfn)
    s.main_city_accuracy = sum(g.main_city == p.main_city for g, p in zip(golds, preds, strict=True)) / max(1, len(golds))
    s.province_accuracy = sum(g.province == p.province for g, p in zip(golds, preds, strict=True)) / max(1, len(golds))
    return s


# -- the plain keyword baseline: lexicon counts and a regex on official names, no tuning --


@cache
def _official_name_regex(names: tuple[str, ...]) -> re.Pattern[str]:
    alts = sorted((re.escape(n) for n in names), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(alts) + r")\b")


def keyword_baseline(title: str, text: str, *, official_names: Sequence[str], province_of: dict[str, str]) -> Prediction:
    """Relevant when digital cues and pillar elements both occur; pillar = most frequent element group."""
    counts = lexicon_counts(f"{title}\n{text}")
    pillar_counts = {p: counts[p] for p in PILLAR_TERMS}
    best = max(pillar_counts.values())
    relevant = counts["digital"] >= 2 and best >= 1
    pillars: tuple[str, ...] = ()
    if relevant:
        ranked = sorted(pillar_counts, key=lambda p: (-pillar_counts[p], PILLARS.index(p)))
        pillars = tuple(p for p in ranked if pillar_counts[p] >= max(1, best / 2))[:2]
    found = _official_name_regex(tuple(official_names)).findall(f"{title}\n{text}")
    freq: dict[str, int] = {}
    for name in found:
        freq[name] = freq.get(name, 0) + 1
    main = max(freq, key=lambda n: freq[n]) if freq else None
    return Prediction(relevant=relevant, pillars=pillars, cities=tuple(freq), main_city=main,
                      province=province_of.get(main) if main else None)
