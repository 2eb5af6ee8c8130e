"""The full verdict on articles: relevance and pillars from the models, places from the gazetteer."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from nlp.classify import ClassifyOptions, decide_pillars, prepare
from nlp.model_io import TaggerModel
from nlp.places import PlaceOptions, tag_places
from nlp.types import Tags


@dataclass(frozen=True)
class TagOptions:
    """Thresholds for the classifiers and options for the place tagger."""

    classify: ClassifyOptions = field(default_factory=ClassifyOptions)
    places: PlaceOptions = field(default_factory=PlaceOptions)


def tag_articles(model: TaggerModel, items: Sequence[tuple[str, str]], *, options: TagOptions = TagOptions()) -> list[Tags]:
    """Tags for each (title, text), computed in one batch per model."""
    if not items:
        return []
    docs = [prepare(title, text) for title, text in items]
    relevance = model.relevance.predict_proba(docs)[:, 1]
    pillar_probs = model.pillars.predict_proba(docs)
    out = []
    for (title, text), rel, probs in zip(items, relevance, pillar_probs, strict=True):
        relevant = bool(rel >= options.classify.relevance_threshold)
        pillars, main = decide_pillars(list(probs), options=options.classify) if relevant else ((), None)
        out.append(
            Tags(
                relevant=relevant,
                relevance=round(float(rel), 4),
                pillars=pillars,
                main_pillar=main,
                places=tag_places(title, text, options=options.places),
                model_version=model.version,
            )
        )
    return out
