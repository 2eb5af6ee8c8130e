"""Result types shared by the NLP stages, storage and the CLI: frozen, plain data."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

PILLARS: tuple[str, ...] = ("governance", "branding", "economy", "living", "society", "environment")


@dataclass(frozen=True)
class Rejected:
    """A page that yields no article, with a reason string the frontier ledger stores."""

    reason: str
    detail: str = ""


@dataclass(frozen=True)
class Extracted:
    """One article as extracted from one page (or one joined multi-page article)."""

    url: str
    canonical_url: str
    title: str
    text: str
    published: datetime | None = None  # always timezone-aware when set
    author: str | None = None
    outlet: str | None = None
    dateline: str | None = None
    language: str | None = None
    content_hash: str = ""
    extractor_version: str = ""


@dataclass(frozen=True)
class Fingerprint:
    """What story matching needs of one article: normalised-text hash, MinHash signature, LSH band keys."""

    content_hash: str
    signature: bytes = b""  # MinHash values, little-endian uint32, one per permutation
    bands: tuple[int, ...] = ()  # one signed 64-bit key per LSH band, in band order

    def agreement(self, signatures: list[bytes]) -> list[float]:
        """Share of equal MinHash values with each other signature: the Jaccard estimate of the texts."""
        import numpy as np

        mine = np.frombuffer(self.signature, dtype="<u4")
        out: list[float] = []
        for other in signatures:
            theirs = np.frombuffer(other, dtype="<u4")
            out.append(float(np.count_nonzero(mine == theirs)) / len(mine) if len(theirs) == len(mine) and len(mine) else 0.0)
        return out


@dataclass(frozen=True)
class CityMention:
    """One place name found in a text, with its character offsets."""

    name: str  # official name, e.g. "Kota Tangerang" (or a province name for kind="province")
    kind: str  # "kota" | "kabupaten" | "province" | "ambiguous"
    start: int
    end: int
    surface: str  # the text as written, e.g. "Tangsel"
    candidates: tuple[str, ...] = ()  # for an ambiguous bare name: the official names it may be


@dataclass(frozen=True)
class CityTag:
    """A kabupaten/kota an article is about, after resolution."""

    name: str
    province: str
    mentions: int
    confidence: float
    code: str | None = None  # Kemendagri code when the gazetteer knows it


@dataclass(frozen=True)
class PlaceTags:
    """Every city an article is about, its main city and its province."""

    cities: tuple[CityTag, ...] = ()
    main_city: str | None = None
    province: str | None = None


@dataclass(frozen=True)
class PillarScore:
    """Probability that an article covers one pillar."""

    pillar: str
    score: float


@dataclass(frozen=True)
class Tags:
    """The machine's full verdict on one article; stored with its model version."""

    relevant: bool
    relevance: float
    pillars: tuple[PillarScore, ...] = ()
    main_pillar: str | None = None
    places: PlaceTags = field(default_factory=PlaceTags)
    model_version: str = ""
