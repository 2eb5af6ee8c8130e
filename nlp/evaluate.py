"""Honest figures for the taggers: stratified cross-validation, a style split, and gold files.

Every model figure is paired with the keyword baseline scored on the same articles (the same
folds), so a reader can see what learning adds.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field

from sklearn.model_selection import StratifiedKFold

from nlp.corpus import Example
from nlp.metrics import Gold, Prediction, Scores, keyword_baseline, score
from nlp.model_io import TaggerModel
from nlp.places import all_cities, province_of
from nlp.tagger import TagOptions, tag_articles
from nlp.train import TrainOptions, fit

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class EvalOptions:
    """How to split, and the options the models are trained and thresholded with."""

    folds: int = 5
    seed: int = 0
    train: TrainOptions = field(default_factory=TrainOptions)
    tag: TagOptions = field(default_factory=TagOptions)


@dataclass
class Comparison:
    """Model and keyword baseline on the same articles."""

    model: Scores
    baseline: Scores


def gold_of(ex: Example) -> Gold:
    """The labels of an example in the comparable shape."""
    return Gold(relevant=ex.relevant, pillars=ex.pillars, cities=ex.cities, main_city=ex.main_city,
                province=ex.province, style=ex.style)


def predict(model: TaggerModel, examples: Sequence[Example], *, options: TagOptions) -> list[Prediction]:
    """The full tagger's predictions for examples."""
    tags = tag_articles(model, [(e.title, e.text) for e in examples], options=options)
    return [
        Prediction(relevant=t.relevant, pillars=tuple(p.pillar for p in t.pillars),
                   cities=tuple(c.name for c in t.places.cities), main_city=t.places.main_city, province=t.places.province)
        for t in tags
    ]


def baseline(examples: Sequence[Example]) -> list[Prediction]:
    """The keyword baseline's predictions."""
    names = tuple(all_cities())
    prov = {n: province_of(n) for n in names}
    return [keyword_baseline(e.title, e.text, official_names=names, province_of=prov) for e in examples]


def _stratum(ex: Example) -> str:
    return ex.main_pillar or "none"


def cross_validate(examples: Sequence[Example], *, options: EvalOptions = EvalOptions()) -> Comparison:
    """Stratified k-fold: fit on k-1 folds, predict the held-out fold."""
    examples = list(examples)
    preds: list[Prediction | None] = [None] * len(examples)
    skf = StratifiedKFold(n_splits=options.folds, shuffle=True, random_state=options.seed)
    for k, (train_idx, test_idx) in enumerate(skf.split(examples, [_stratum(e) for e in examples]), start=1):
        model = fit([examples[i] for i in train_idx], options=options.train, version=f"cv-fold{k}")
        for i, p in zip(test_idx, predict(model, [examples[i] for i in test_idx], options=options.tag), strict=True):
            preds[i] = p
        logger.info("fold %(k)d/%(n)d done", {"k": k, "n": options.folds})
    golds = [gold_of(e) for e in examples]
    return Comparison(model=score(golds, [p for p in preds if p is not None]), baseline=score(golds, baseline(examples)))


def style_split(examples: Sequence[Example], *, options: EvalOptions = EvalOptions()) -> dict[str, Comparison]:
    """For each writing style: train on every other style, test on this one."""
    out: dict[str, Comparison] = {}
    for style in sorted({e.style for e in examples if e.style}):
        test = [e for e in examples if e.style == style]
        train = [e for e in examples if e.style != style]
        model = fit(train, options=options.train, version=f"style-{style}")
        golds = [gold_of(e) for e in test]
        out[style] = Comparison(model=score(golds, predict(model, test, options=options.tag)),
                                baseline=score(golds, baseline(test)))
    return out


def score_gold(model: TaggerModel, examples: Sequence[Example], *, options: TagOptions = TagOptions()) -> Comparison:
    """Scores of a trained model and of the baseline on a labelled gold file."""
    golds = [gold_of(e) for e in examples]
    return Comparison(model=score(golds, predict(model, examples, options=options)), baseline=score(golds, baseline(examples)))
