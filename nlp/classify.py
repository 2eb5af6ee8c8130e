"""Relevance and pillar classifiers: named scikit-learn pipelines over analysed (stemmed) tokens.

A document is its title (twice, headlines carry the topic) and the lead of its body after page
clutter is dropped; place names become one placeholder token so the models learn "a place is
named", never which place. Features are TF-IDF of stemmed words. (Bigrams and counts of the pillar
lexicon were tried and dropped: both lowered cross-validated and dev-set scores; the lexicon
remains as the keyword baseline.) Thresholds come in through ``ClassifyOptions``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from sklearn.calibration import CalibratedClassifierCV
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.multiclass import OneVsRestClassifier
from sklearn.pipeline import Pipeline
from sklearn.svm import LinearSVC

from nlp.text import TextOptions, analyze
from nlp.types import PILLARS, PillarScore

ANALYZER_VERSION = "a4"  # bump when prepare() or the analyser changes: old models then refuse to load
PLACE_TOKEN = "__tempat__"
BODY_CHARS = 4000  # the lead carries the topic; long tails are mostly asides and clutter
ANALYSIS = TextOptions(stem=True, protect_places=True, min_len=2, place_token=PLACE_TOKEN)

# Lines that are page furniture, not the article (leftovers of extraction on real pages).
CLUTTER_LINE = re.compile(
    r"^\s*(?:baca(?:\s+juga)?\s*:?|lihat\s+juga\s*:|simak\s+juga|advertisement|scroll\s+to\s+\w+|"
    r"foto\s*:|editor\s*:|pewarta\s*:|penulis\s*:|reporter\s*:|sumber\s*:|copyright|©|tags?\s*:|"
    r"berita\s+terkait|artikel\s+terkait|terpopuler|rekomendasi|•)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class ClassifyOptions:
    """Decision thresholds; the probabilities themselves do not depend on them."""

    relevance_threshold: float = 0.5
    pillar_threshold: float = 0.35
    max_pillars: int = 3


def strip_clutter(text: str) -> str:
    """Drop lines that are page furniture ("Baca juga", captions, credits) before analysis."""
    return "\n".join(line for line in text.splitlines() if not CLUTTER_LINE.match(line))


def prepare(title: str, text: str) -> str:
    """The analysed document a model sees: title twice, then the lead of the cleaned body."""
    body = strip_clutter(text)[:BODY_CHARS]
    head = analyze(title, options=ANALYSIS)
    return " ".join(head + head + analyze(body, options=ANALYSIS))


def _features() -> TfidfVectorizer:
    return TfidfVectorizer(token_pattern=r"\S+", lowercase=False, ngram_range=(1, 1), min_df=2, max_df=0.9,
                           sublinear_tf=True, max_features=40_000)


def make_relevance_pipeline(*, c: float = 0.5, seed: int = 0) -> Pipeline:
    """Smart City coverage or ordinary regional news: a calibrated linear SVM."""
    svm = LinearSVC(C=c, class_weight="balanced", random_state=seed)
    return Pipeline([("features", _features()), ("clf", CalibratedClassifierCV(svm, method="sigmoid", cv=5))])


def make_pillar_pipeline(*, c: float = 0.5, seed: int = 0) -> Pipeline:
    """Six one-vs-rest calibrated linear SVMs, one per pillar (multi-label)."""
    svm = LinearSVC(C=c, class_weight="balanced", random_state=seed)
    return Pipeline(
        [("features", _features()), ("clf", OneVsRestClassifier(CalibratedClassifierCV(svm, method="sigmoid", cv=3)))]
    )


def pillar_matrix(pillars: Sequence[Sequence[str]]) -> np.ndarray:
    """Multi-label indicator matrix in PILLARS order."""
    y = np.zeros((len(pillars), len(PILLARS)), dtype=np.int64)
    for i, ps in enumerate(pillars):
        for p in ps:
            y[i, PILLARS.index(p)] = 1
    return y


def decide_pillars(probs: Sequence[float], *, options: ClassifyOptions) -> tuple[tuple[PillarScore, ...], str]:
    """Main pillar (the most probable) plus any other above the threshold, best first."""
    order = sorted(range(len(PILLARS)), key=lambda i: -probs[i])
    main = order[0]
    chosen = [main] + [i for i in order[1 : options.max_pillars] if probs[i] >= options.pillar_threshold]
    return tuple(PillarScore(PILLARS[i], round(float(probs[i]), 4)) for i in chosen), PILLARS[main]
