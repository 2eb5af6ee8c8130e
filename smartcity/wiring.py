"""Stage options built from the one Config: the only place that knows both sides."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from nlp.tagger import TagOptions
    from smartcity.config import Config
    from smartcity.process import ProcessOptions


def tag_options(cfg: Config) -> TagOptions:
    """Classifier thresholds from ``[tag]``."""
    from nlp.classify import ClassifyOptions
    from nlp.tagger import TagOptions

    return TagOptions(classify=ClassifyOptions(relevance_threshold=cfg.tag.relevance_threshold,
                                               pillar_threshold=cfg.tag.pillar_threshold))


def process_options(cfg: Config, *, batch_size: int = 50, reextract: bool = False, retag: bool = False) -> ProcessOptions:
    """Extraction, story and tag options from ``[extract]``, ``[dedup]`` and ``[tag]``."""
    from nlp.extract import ExtractOptions
    from smartcity.process import ProcessOptions
    from storage.stories import StoryOptions

    return ProcessOptions(
        extract=ExtractOptions(min_chars=cfg.extract.min_chars, timeout_s=cfg.extract.timeout_s),
        stories=StoryOptions(threshold=cfg.dedup.threshold, window_days=cfg.dedup.window_days),
        tag=tag_options(cfg),
        batch_size=batch_size,
        reextract=reextract,
        retag=retag,
    )
