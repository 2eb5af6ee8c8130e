"""Which language an article is in, from its function words (only Indonesian pages are tagged).

A page's ``<html lang>`` is only a hint: Indonesian outlets often leave the CMS default ``en``.
Malay, Javanese and Sundanese share loanwords with Indonesian but not their commonest function
words, so counting those separates the languages a regional monitor meets. No settings.
"""

from __future__ import annotations

import re
from collections import Counter

# Frequent function words that are rare in the other listed languages (data, not tuned per page).
FUNCTION_WORDS: dict[str, frozenset[str]] = {
    "id": frozenset(
        "yang dan di ke dari untuk dengan ini itu dalam tidak akan pada juga oleh adalah sebagai "
        "telah sudah bisa dapat karena atau saat kata menjadi tersebut para mereka kami kita ada "
        "lebih agar namun serta hingga bahwa masih bagi setelah belum melalui terhadap "
        "sejumlah".split()
    ),
    "en": frozenset(
        "the and of to in is that for with on was it as by are be this from at which has have "
        "will not but its were been their said also an or who would".split()
    ),
    "jv": frozenset(
        "lan ing sing iku karo ora kang saka wis uga kanggo dening ana marang menawa iki".split()
    ),
    "su": frozenset(
        "jeung anu teh nu ka ti oge henteu kana ieu eta dina ku pikeun sareng geus bakal".split()
    ),
}
# Words that tell Malay from Indonesian (Indonesian writes "karena", "bisa", "pemerintah").
MALAY_MARKERS = frozenset("ialah kerana boleh sahaja kerajaan sebarang".split())
MIN_WORDS = 20
_WORD = re.compile(r"[a-z]+")


def detect_language(text: str, *, declared: str | None = None) -> str:
    """ISO 639-1 code of the text's language ("id", "en", "ms", "jv", "su"), or "und"."""
    words = _WORD.findall(text[:20_000].lower())
    if len(words) < MIN_WORDS:
        return _declared(declared)
    counts = Counter(words)
    scores = {lang: sum(counts[w] for w in vocab) for lang, vocab in FUNCTION_WORDS.items()}
    malay = sum(counts[w] for w in MALAY_MARKERS)
    if malay >= 3 and malay * 8 >= scores["id"]:
        return "ms"
    best = max(scores, key=lambda k: scores[k])
    if scores[best] < 0.08 * len(words):
        return _declared(declared) if declared else "und"
    return best


def _declared(declared: str | None) -> str:
    if not declared:
        return "und"
    code = declared.strip().lower().replace("_", "-").split("-")[0]
    return code if re.fullmatch(r"[a-z]{2,3}", code) else "und"
