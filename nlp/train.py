"""Fit the tagger's two models from labelled examples; no I/O beyond what the caller passes in."""

from __future__ import annotations

import hashlib
import logging
import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import sklearn

from nlp.classify import ANALYZER_VERSION, make_pillar_pipeline, make_relevance_pipeline, pillar_matrix, prepare
from nlp.corpus import Example
from nlp.model_io import TaggerModel

logger = logging.getLogger(__name__)

# Page furniture real extracted text carries; augmentation sprinkles it into training copies so
# the models learn to look past it. Our own phrases, in the shapes outlets use.
CLUTTER = (
    "Baca juga: Harga Beras Medium di Pasar Induk Naik Jelang Akhir Tahun",
    "Baca Juga : Jadwal Lengkap Pertandingan Liga 1 Pekan Ini",
    "ADVERTISEMENT",
    "SCROLL TO CONTINUE WITH CONTENT",
    "Foto: Suasana kegiatan di halaman kantor (dok. humas)",
    "Editor: Rahmat Hidayat",
    "Pewarta: Lina Marlina",
    "Simak berita terkini lainnya di kanal kami.",
    "Tags: berita daerah, pemerintah, warga",
    "• Polisi Amankan Dua Pemuda Usai Balap Liar di Jalan Protokol",
    "• Cuaca Besok: Hujan Ringan di Sebagian Wilayah",
)


@dataclass(frozen=True)
class TrainOptions:
    """Model capacity, augmentation and the seed that makes a training run repeatable."""

    c_relevance: float = 0.5
    c_pillars: float = 0.5
    augment: bool = True
    seed: int = 0


def augment(examples: Sequence[Example], *, seed: int = 0) -> list[Example]:
    """Extra copies that look like real extracted text: cut to an excerpt, or with clutter mixed in."""
    rng = random.Random(seed)
    out: list[Example] = []
    for ex in examples:
        lines = [ln for ln in ex.text.split("\n") if ln.strip()]
        if len(ex.text) > 900:
            cut = rng.randint(700, min(2000, len(ex.text)))
            out.append(_copy(ex, ex.title, ex.text[:cut], "cut"))
        noisy = list(lines)
        for _ in range(rng.randint(1, 3)):
            noisy.insert(rng.randint(1, max(1, len(noisy))), rng.choice(CLUTTER))
        if len(noisy) > 4 and rng.random() < 0.5:
            del noisy[rng.randrange(1, len(noisy))]
        out.append(_copy(ex, ex.title if rng.random() < 0.7 else "", "\n".join(noisy), "noisy"))
    return out


def _copy(ex: Example, title: str, text: str, tag: str) -> Example:
    return Example(id=f"{ex.id}~{tag}", title=title, text=text, relevant=ex.relevant, pillars=ex.pillars,
                   style=ex.style, cities=ex.cities, main_city=ex.main_city, province=ex.province, origin=ex.origin)


def model_version(examples: Sequence[Example], options: TrainOptions, *, today: datetime | None = None) -> str:
    """Date plus a digest of the training data and options: same inputs, same version."""
    h = hashlib.sha256()
    h.update(repr((options, ANALYZER_VERSION, sklearn.__version__)).encode())
    for ex in examples:
        h.update(f"{ex.id}\x1f{ex.title}\x1f{ex.text}\x1f{ex.relevant}\x1f{','.join(ex.pillars)}\n".encode())
    day = (today or datetime.now(UTC)).strftime("%Y.%m.%d")
    return f"tagger-{day}-{h.hexdigest()[:8]}"


def _plain_vocabulary(pipe: Any) -> None:
    """Cast pruned vocabularies' numpy ints to int: skops stores each numpy scalar as a file (minutes to save)."""
    vec = pipe.named_steps["features"]
    vec.vocabulary_ = {term: int(i) for term, i in vec.vocabulary_.items()}


def fit(examples: Sequence[Example], *, options: TrainOptions = TrainOptions(), version: str | None = None) -> TaggerModel:
    """Train relevance on all examples and pillars on the relevant ones (augmented copies added)."""
    if not any(e.relevant for e in examples) or all(e.relevant for e in examples):
        raise ValueError("training needs both relevant and not-relevant examples")
    train = list(examples) + (augment(examples, seed=options.seed) if options.augment else [])
    docs = [prepare(e.title, e.text) for e in train]
    relevance = make_relevance_pipeline(c=options.c_relevance, seed=options.seed)
    relevance.fit(docs, [int(e.relevant) for e in train])
    rel_idx = [i for i, e in enumerate(train) if e.relevant]
    pillars = make_pillar_pipeline(c=options.c_pillars, seed=options.seed)
    pillars.fit([docs[i] for i in rel_idx], pillar_matrix([train[i].pillars for i in rel_idx]))
    for pipe in (relevance, pillars):
        _plain_vocabulary(pipe)
    origins: dict[str, int] = {}
    for e in examples:
        origins[e.origin] = origins.get(e.origin, 0) + 1
    meta = {
        "trained_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "examples": len(examples),
        "examples_by_origin": origins,
        "augmented": len(train) - len(examples),
        "options": {"c_relevance": options.c_relevance, "c_pillars": options.c_pillars, "augment": options.augment,
                    "seed": options.seed},
    }
    logger.info("trained on %(n)d examples (%(aug)d augmented copies)", {"n": len(examples), "aug": meta["augmented"]})
    return TaggerModel(relevance=relevance, pillars=pillars, version=version or model_version(examples, options), meta=meta)
