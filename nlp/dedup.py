"""Fingerprints for de-duplication: exact (normalised-text hash) and near (MinHash + LSH band keys).

Pure functions. ``storage.stories`` looks the band keys up in an index and compares signatures,
so a new article is matched against everything stored without recomputing anything. Settings:
``DedupOptions`` (permutations, bands, shingle size); the matching threshold lives in storage's
``StoryOptions`` because it is a property of the comparison, not of the fingerprint.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
import zlib
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from nlp.types import Fingerprint

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

MAX_TOKENS = (
    5_000  # a longer text is fingerprinted on its first 5,000 words (no story is that long)
)
_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)


@dataclass(frozen=True)
class DedupOptions:
    """Shape of the fingerprint; changing it means re-fingerprinting every stored article."""

    num_perm: int = 120  # MinHash permutations (signature = 4 bytes each)
    bands: int = 40  # LSH bands of num_perm // bands rows: 40 x 3 finds pairs at J=0.5 with p=0.995
    shingle: int = 3  # words per shingle
    seed: int = 20221006  # fixed: signatures are stored and compared across runs
    min_title_tokens: int = 40  # texts shorter than this are fingerprinted with their title

    def __post_init__(self) -> None:
        if self.num_perm < 1 or self.bands < 1 or self.num_perm % self.bands:
            raise ValueError(
                f"num_perm={self.num_perm} must be a positive multiple of bands={self.bands}"
            )
        if self.shingle < 1:
            raise ValueError(f"shingle={self.shingle} must be at least 1 word")


DEFAULT = DedupOptions()


def normalise(text: str) -> str:
    """Text as compared for exact duplicates: NFKC, lower case, words only, single spaces."""
    return " ".join(tokens(text))


def tokens(text: str) -> list[str]:
    """Lower-cased word tokens (letters and digits), the unit of shingles."""
    return _TOKEN.findall(unicodedata.normalize("NFKC", text).lower())


def content_hash(text: str) -> str:
    """SHA-256 of the normalised text: equal for copies differing in spacing, case, punctuation."""
    return hashlib.sha256(normalise(text).encode("utf-8")).hexdigest()


@cache
def _permutations(
    num_perm: int, seed: int
) -> tuple[npt.NDArray[np.uint64], npt.NDArray[np.uint64]]:
    """Odd multipliers and offsets of the multiply-shift hashes ((a*x + b) mod 2^64) >> 32."""
    import numpy as np

    rng = np.random.default_rng(seed)
    a = rng.integers(1, 1 << 63, size=(num_perm, 1), dtype=np.uint64) | np.uint64(1)
    b = rng.integers(0, 1 << 63, size=(num_perm, 1), dtype=np.uint64)
    return a, b


def shingle_hashes(words: list[str], n: int) -> npt.NDArray[np.uint64]:
    """32-bit hashes of the distinct n-word shingles (unigrams for texts shorter than n)."""
    import numpy as np

    ids = np.fromiter((zlib.crc32(w.encode("utf-8")) for w in words[:MAX_TOKENS]), dtype=np.uint64)
    if len(ids) >= n > 1:
        h = ids[: len(ids) - n + 1].copy()
        with np.errstate(over="ignore"):
            for k in range(1, n):
                h = h * np.uint64(0x100000001B3) + ids[k : len(ids) - n + 1 + k]
        h = (h ^ (h >> np.uint64(32))) & np.uint64(0xFFFFFFFF)
        return np.unique(h)
    return np.unique(ids)


def signature(words: list[str], options: DedupOptions = DEFAULT) -> bytes:
    """MinHash signature of the word list's shingles, ``num_perm`` little-endian uint32 values."""
    import numpy as np

    shingles = shingle_hashes(words, options.shingle)
    if len(shingles) == 0:
        return b""
    a, b = _permutations(options.num_perm, options.seed)
    with np.errstate(over="ignore"):
        hashed = (a * shingles[None, :] + b) >> np.uint64(32)
    out: bytes = hashed.min(axis=1).astype("<u4").tobytes()
    return out


def band_keys(sig: bytes, options: DedupOptions = DEFAULT) -> tuple[int, ...]:
    """One signed 64-bit key per LSH band (rows of the signature hashed together)."""
    if not sig:
        return ()
    width = 4 * (options.num_perm // options.bands)
    return tuple(
        int.from_bytes(
            hashlib.blake2b(sig[i : i + width], digest_size=8).digest(), "little", signed=True
        )
        for i in range(0, len(sig), width)
    )


def fingerprint(title: str, text: str, *, options: DedupOptions = DEFAULT) -> Fingerprint:
    """Exact hash, MinHash signature and band keys of one article (title only for short texts)."""
    body = tokens(text)
    words = body if len(body) >= options.min_title_tokens else tokens(title) + body
    sig = signature(words, options)
    return Fingerprint(
        content_hash=hashlib.sha256(" ".join(body).encode("utf-8")).hexdigest(),
        signature=sig,
        bands=band_keys(sig, options),
    )
