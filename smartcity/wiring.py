"""Stage options built from the one Config: the only place that knows both sides."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from nlp.tagger import TagOptions
    from smartcity.config import Config


def tag_options(cfg: Config) -> TagOptions:
    """Classifier thresholds from ``[tag]``."""
    from nlp.classify import ClassifyOptions
    from nlp.tagger import TagOptions

    return TagOptions(classify=ClassifyOptions(relevance_threshold=cfg.tag.relevance_threshold,
                                               pillar_threshold=cfg.tag.pillar_threshold))
