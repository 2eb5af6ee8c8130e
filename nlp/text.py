"""Indonesian text for the classifiers: normalise, tokenise, drop stopwords, stem with the guard.

``analyze(text, options=TextOptions(...))`` is the analyser the classifier uses; ``TextOptions``
holds every knob (stemming, the proper-noun guard, minimum token length, the place token).
Stopwords are Sastrawi's list plus ``nlp/data/stopwords_extra.txt``, read on first use.
"""

from __future__ import annotations

import functools
import logging
import re
import unicodedata
from dataclasses import dataclass
from importlib import resources

from nlp.stem import place_tokens, stem_tokens

logger = logging.getLogger(__name__)

STOPWORDS_EXTRA_FILE = "stopwords_extra.txt"  # nlp/data: news filler, dates, reporting verbs

# fmt: off
# Characters normalize() rewrites before anything else (NFKC leaves these alone).
CHAR_MAP: dict[str, str] = {
    # curly single quotes, prime
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    # curly double quotes, guillemets
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2010": "-", "\u2011": "-",  # hyphen, non-breaking hyphen: keep e-KTP, anak-anak joined
    # figure/en/em dashes, horizontal bar, minus: separators, never joiners
    "\u2012": " - ", "\u2013": " - ", "\u2014": " - ", "\u2015": " - ", "\u2212": " - ",
    # soft hyphen, zero-width space/joiners, word joiner, BOM: invisible, dropped
    "\u00ad": "", "\u200b": "", "\u200c": "", "\u200d": "", "\u2060": "", "\ufeff": "",
}
# fmt: on
SPECIAL_CHAR = re.compile("[" + "".join(CHAR_MAP) + "]")
URL = re.compile(
    r"(?:https?://|www\.)\S+", re.I
)  # links pasted into articles ("Baca: https://...")
EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")  # redaksi@..., humas@...go.id
APOSTROPHE = re.compile(
    r"'(?<=\w')(?=\w)"
)  # Jum'at -> Jumat, Qur'an -> Quran (literal first: fast)
RUPIAH = re.compile(r"\b(rp)\.?(?=\d)", re.I)  # Rp1,5 miliar -> rp 1,5 miliar
RUPIAH_LOWER = re.compile(r"rp(?<!\wrp)\.?(?=\d)")  # the same on lower-cased text, literal first
COMBINING = re.compile(r"[\u0300-\u036f]")  # diacritics left by NFKD: café -> cafe
SPACES = re.compile(r" [^\S\n]+|[^\S \n][^\S\n]*")  # runs, tabs, NBSP; a lone space is left alone
NEWLINES = re.compile(r" \n\s*|\n\s+")  # blank lines and indentation around line breaks
TOKEN = re.compile(
    r"[^\W_]+(?:-[^\W_]+)*"
)  # words and numbers; inner hyphens kept (anak-anak, e-ktp)
NUMBER = re.compile(r"[\d-]+")  # 2026, 10-12, 08-09-2026: tokens without a letter


@dataclass(frozen=True)
class TextOptions:
    """How ``analyze`` turns text into tokens; one instance per model, stored with it."""

    stem: bool = True  # Sastrawi stemming (exact reimplementation, nlp.stem)
    protect_places: bool = True  # proper-noun guard: Bekasi stays "bekasi", not "bekas"
    min_len: int = 2  # drop shorter tokens
    place_token: str | None = None  # if set, replaces place-name tokens (bekasi, kediri) with this
    drop_stopwords: bool = True
    drop_numbers: bool = True


DEFAULT_OPTIONS = TextOptions()


def _special(m: re.Match[str]) -> str:
    return CHAR_MAP[m.group()]


def normalize(text: str, *, lower: bool = True) -> str:
    """One spelling per word: NFKC, straight quotes, dashes split, no URLs/emails/diacritics."""
    if not isinstance(text, str):
        raise TypeError(
            f"normalize() needs str, got {type(text).__name__}: "
            "decode bytes first (e.g. .decode('utf-8'))"
        )
    if not text.isascii():
        text = SPECIAL_CHAR.sub(_special, unicodedata.normalize("NFKC", text))
        if not text.isascii():
            text = COMBINING.sub("", unicodedata.normalize("NFKD", text))
            text = unicodedata.normalize("NFC", text)
    if "://" in text or "www." in text or "WWW." in text:
        text = URL.sub(" ", text)
    if "@" in text:
        text = EMAIL.sub(" ", text)
    if "'" in text:
        text = APOSTROPHE.sub("", text)
    if lower:
        text = RUPIAH_LOWER.sub("rp ", text.lower())
    else:
        text = RUPIAH.sub(r"\1 ", text)
    text = SPACES.sub(" ", text)
    if "\n" in text:
        text = NEWLINES.sub("\n", text)
    return text.strip()


def tokenize(text: str) -> list[str]:
    """Lower-case word tokens in order; inner hyphens kept (e-ktp, anak-anak), punctuation not."""
    return TOKEN.findall(text.lower())


@functools.cache
def stopwords() -> frozenset[str]:
    """Sastrawi's stopword list plus our news additions (filler, dates, outlets, saying verbs)."""
    from Sastrawi.StopWordRemover.StopWordRemoverFactory import StopWordRemoverFactory

    extra = resources.files("nlp.data").joinpath(STOPWORDS_EXTRA_FILE).read_text(encoding="utf-8")
    words = {w.strip().lower() for w in StopWordRemoverFactory().get_stop_words()}
    words.update(line.split("#", 1)[0].strip().lower() for line in extra.splitlines())
    words.discard("")
    return frozenset(words)


def analyze(text: str, *, options: TextOptions = DEFAULT_OPTIONS) -> list[str]:
    """The classifier's analyser: normalise, tokenise, drop stopwords/numbers, stem (guarded)."""
    if options.min_len < 1:
        raise ValueError(f"TextOptions.min_len must be >= 1, got {options.min_len}")
    tokens = tokenize(normalize(text))
    stop = stopwords() if options.drop_stopwords else frozenset()
    min_len = options.min_len
    kept = [
        t
        for t in tokens
        if len(t) >= min_len
        and t not in stop
        and not (options.drop_numbers and t[0].isdigit() and NUMBER.fullmatch(t))
    ]
    out = stem_tokens(kept, protect=options.protect_places) if options.stem else kept
    if options.place_token is not None:
        places = place_tokens()
        token = options.place_token
        # with the guard on "bekasinya" is "bekasi" already; without it look at the raw token
        probe = out if options.protect_places or not options.stem else kept
        out = [token if p in places else s for p, s in zip(probe, out, strict=True)]
    return out
