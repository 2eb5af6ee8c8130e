"""Place tagging: mention finding against a bare pyahocorasick automaton and one alternation regex.

Articles are 600-word texts generated here from our own vocabulary with place names mixed in
(official names, short forms, bare pair names, seats), so every figure runs on the same input.
"""

from __future__ import annotations

import random
import re

import ahocorasick

from bench.harness import Figure, best_of
from nlp.gazetteer import find_mentions, gazetteer
from nlp.places import tag_places

FILLER = (
    "pemerintah daerah meluncurkan aplikasi layanan publik agar warga dapat mengurus perizinan secara daring "
    "dinas komunikasi dan informatika menyiapkan jaringan internet di kantor desa serta ruang kendali kamera "
    "pengawas lalu lintas pedagang pasar mulai menerima pembayaran nontunai sementara puskesmas membuka antrean "
    "daring dan sekolah mendapat bantuan perangkat belajar digital untuk siswa di daerah terpencil"
).split()
PLACES = (
    "Kota Tangerang", "Kabupaten Bogor", "Pemkot Bekasi", "Bupati Malang", "Tangsel", "Jaksel", "KBB", "Kutim",
    "Surabaya", "Banyuwangi", "Sleman", "Cibinong", "Tigaraksa", "Jawa Barat", "Kalimantan Timur", "Medan",
    "Makassar", "Kabupaten Sumedang", "Tangerang", "Bandung", "Gubernur Jawa Tengah", "Kota Sampit",
)


def _articles(n: int, words: int = 600, seed: int = 11) -> list[str]:
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        toks = []
        for i in range(words):
            if i % 40 == 39:
                toks.append(rng.choice(PLACES))
            else:
                w = rng.choice(FILLER)
                toks.append(w.capitalize() if i % 15 == 0 else w)
            if i % 18 == 17:
                toks[-1] += "."
        out.append("JAKARTA - " + " ".join(toks))
    return out


def run(quick: bool) -> list[Figure]:
    """Per-article times: find_mentions vs bare Aho-Corasick vs one regex; and whole tag_places."""
    gaz = gazetteer()
    keys = list(gaz.forms)
    articles = _articles(10 if quick else 50)
    bare = ahocorasick.Automaton()
    for i, key in enumerate(keys):
        bare.add_word(key, i)
    bare.make_automaton()
    alternation = re.compile(r"\b(?:" + "|".join(re.escape(k) for k in sorted(keys, key=len, reverse=True)) + r")\b")
    repeat = 3 if quick else 7

    def run_bare() -> None:
        for a in articles:
            list(bare.iter(a.lower()))

    def run_regex() -> None:
        for a in articles:
            alternation.findall(a.lower())

    def run_mentions() -> None:
        for a in articles:
            find_mentions(a)

    def run_tag() -> None:
        for a in articles:
            tag_places("Layanan digital daerah", a)

    n = len(articles)
    t_bare = best_of(run_bare, repeat=repeat) / n * 1e3
    t_regex = best_of(run_regex, repeat=max(2, repeat // 2)) / n * 1e3
    t_find = best_of(run_mentions, repeat=repeat) / n * 1e3
    t_tag = best_of(run_tag, repeat=repeat) / n * 1e3
    note = f"{n} articles of 600 words, {len(keys)} surface forms"
    return [
        Figure("places", "find_mentions per article", t_find, "ms", "bare pyahocorasick iter", t_bare,
               higher_is_better=False, target="ratio <= 4.0", note=note),
        Figure("places", "find_mentions per article", t_find, "ms", "one alternation regex", t_regex,
               higher_is_better=False, target="ratio < 1", note=note),
        Figure("places", "tag_places per article", t_tag, "ms", "bare pyahocorasick iter", t_bare,
               higher_is_better=False, note="whole tagger: weights, dateline, resolution"),
    ]
