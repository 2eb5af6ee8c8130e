"""Knobs of the city tagger: how much each part of a page counts and what it takes to list a city."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PlaceOptions:
    """How much each part of a page counts and what it takes to list a city."""

    min_confidence: float = 0.3  # cities below are not listed
    list_ambiguous: bool = True  # list both halves of an unresolved Kota/Kabupaten pair
    min_score: float = 2.5  # evidence outside the dateline to be listed (a body mention = 1)
    min_share: float = 0.3  # ... and its share of the top city's evidence
    title_weight: float = 3.0
    dateline_weight: float = 4.0
    lead_weight: float = 2.0
    body_weight: float = 1.0
    headline_weight: float = 0.4  # short lines without a full stop: menus, related headlines
    clutter_weight: float = 0.1  # "Baca juga", captions, ADVERTISEMENT, credits
    lead_chars: int = 600
    main_min_body: float = 1.0  # the main city needs at least one mention outside the dateline
    passing_weight: float = 0.5  # share of a mention in passing: "ke X", "jalur X-Y", a list of 3+
    venue_weight: float = 0.3  # share of a name ending a venue's name: "Hotel X", "BMKG X"
    self_reference_confidence: float = 0.7  # a pair decided only by "kota ini", "pemerintah kota"

    def __post_init__(self) -> None:
        for name in ("min_confidence", "min_share", "passing_weight", "venue_weight",
                     "self_reference_confidence"):
            if not 0.0 <= getattr(self, name) <= 1.0:
                raise ValueError(
                    f"PlaceOptions.{name} must be between 0 and 1, got {getattr(self, name)!r}"
                )
        for name in ("min_score", "title_weight", "dateline_weight", "lead_weight", "body_weight",
                     "headline_weight", "clutter_weight", "lead_chars", "main_min_body"):
            if getattr(self, name) < 0:
                raise ValueError(
                    f"PlaceOptions.{name} must not be negative, got {getattr(self, name)!r}"
                )


DEFAULT_OPTIONS = PlaceOptions()
