"""Invariants of the training corpus (nlp/corpus/*.jsonl), written once and checked on every file.

Each file's allocation (what its articles are, the floors its brief asked for and the exact counts its
notes report) is a row of ``PARTS``; each invariant is one registered check run on every part it
applies to. Place facts (official names, current provinces after the 2022 Papua split) come from
``nlp.places``, the same look-ups the tagger uses.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import statistics
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, NamedTuple

import pytest

from nlp.corpus import read_jsonl
from nlp.lexicon import lexicon_counts
from nlp.places import all_cities, all_provinces, province_of
from nlp.types import PILLARS

CORPUS_DIR = Path(__file__).resolve().parents[2] / "nlp" / "corpus"
KEYS = ("id", "title", "text", "relevant", "pillars", "general", "style", "cities", "main_city", "province", "topic")
STYLES = ("agency", "national", "tribun", "regional", "release", "opinion")


@dataclass(frozen=True)
class Part:
    """One corpus file: what its articles are, the floors its brief set and the counts its notes report."""

    file: str
    prefix: str  # ids run <prefix>-0001, <prefix>-0002, ...
    relevant: bool
    main_pillars: dict[str, int]  # allowed main pillar (pillars[0]) -> minimum articles; {} for negatives
    multi_label: tuple[int, int] | None  # (min, max) articles with two or more pillars
    min_articles: int
    min_words: int  # per article; the ceiling is MAX_WORDS
    paragraphs: bool  # every body has at least two paragraphs
    briefs: tuple[int, int]  # (under this many words, at least this many articles)
    long_pieces: int  # articles over 450 words
    core_share: float  # share of articles with 150-450 words
    main_cities: tuple[int, int]  # (kabupaten, kota) main cities, minimum each
    max_province_share: float  # of all articles, in the most frequent province
    min_national: int  # articles with neither main city nor province
    national_cities: bool  # may a national article list cities?
    clutter_share: float  # articles with any CLUTTER line
    loud_styles: int  # styles with at least one LOUD leftover
    house_styles: tuple[str, ...]  # styles of which at least half carry their HOUSE_MARKERS
    near_misses: int  # topics starting with NEAR_MISS
    digital_clutter: int  # articles whose related headlines advertise a digital programme
    documented: dict[str, Any] = field(default_factory=dict)  # exact figures in docs/notes; change both together

    @property
    def path(self) -> Path:
        """The shipped file."""
        return CORPUS_DIR / self.file


PARTS = (
    Part(  # docs/notes/corpus-part-a.md
        file="part_a.jsonl", prefix="a", relevant=True,
        main_pillars={"governance": 75, "branding": 70, "economy": 70}, multi_label=None, min_articles=0,
        min_words=40, paragraphs=True, briefs=(100, 4), long_pieces=2, core_share=0.8,
        main_cities=(80, 60), max_province_share=0.1, min_national=5, national_cities=True,
        clutter_share=1 / 3, loud_styles=5, house_styles=STYLES, near_misses=0, digital_clutter=0,
        documented={
            "total": 222, "main_pillar": {"governance": 78, "branding": 72, "economy": 72}, "general": 10,
            "multi_label": 31, "provinces": 38, "national": 10, "province_level": 4, "kabupaten": 125, "kota": 83,
            "style": {"agency": 38, "tribun": 38, "release": 37, "national": 36, "regional": 37, "opinion": 36},
        },
    ),
    Part(  # docs/notes/corpus-part-b.md
        file="part_b.jsonl", prefix="b", relevant=True,
        main_pillars={"living": 70, "society": 70, "environment": 70}, multi_label=(20, 35), min_articles=0,
        min_words=50, paragraphs=False, briefs=(110, 5), long_pieces=3, core_share=0.0,
        main_cities=(60, 60), max_province_share=1.0, min_national=0, national_cities=False,
        clutter_share=1 / 3, loud_styles=0,
        house_styles=tuple(s for s in STYLES if s != "tribun"),  # its Tribun pieces open with a TRIBUNxxx.COM dateline
        near_misses=0, digital_clutter=0,
        documented={
            "total": 216, "main_pillar": {"living": 72, "society": 72, "environment": 72}, "multi_label": 27,
            "provinces": 38, "national": 7, "province_level": 2, "kabupaten": 82, "kota": 125,
            "style": {s: 36 for s in STYLES},
        },
    ),
    Part(  # docs/notes/corpus-part-c.md
        file="negatives.jsonl", prefix="n", relevant=False,
        main_pillars={}, multi_label=None, min_articles=240,
        min_words=60, paragraphs=False, briefs=(110, 5), long_pieces=3, core_share=0.6,
        main_cities=(80, 60), max_province_share=1.0, min_national=0, national_cities=True,
        clutter_share=1 / 3, loud_styles=6, house_styles=STYLES, near_misses=70, digital_clutter=20,
        documented={
            "total": 264, "near_miss": 79, "provinces": 38, "national": 22, "province_level": 12,
            "digital_clutter": 23, "kabupaten": 128, "kota": 102,
            "style": {"agency": 46, "national": 45, "tribun": 44, "regional": 43, "release": 43, "opinion": 43},
        },
    ),
)

MAX_WORDS = 800
MIN_DATES = 100  # weekday-dated mentions per file, so the weekday check cannot pass by matching nothing
MIN_SENTENCE_WORDS = 8  # a sentence this long appears in one article only
DAYS = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
DATED = re.compile(r"\b(Senin|Selasa|Rabu|Kamis|Jumat|Jum'at|Sabtu|Minggu),? \((\d{1,2})/(\d{1,2})/(\d{4})\)")
SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n")
DRAFT_MARKUP = re.compile(r"^\||^body:|^@@ |^# |^\w-\d{4} \|", re.M)
# Page clutter that extraction leaves behind: only markers every part's authors counted as clutter.
CLUTTER = re.compile(
    r"^(?:Baca [Jj]uga:|ADVERTISEMENT$|SCROLL TO CONTINUE WITH CONTENT$|Foto:|Tags?:|Berita Terkait:|Turut hadir|Editor:)",
    re.M,
)
# The leftovers an extractor most often keeps.
LOUD = re.compile(r"^(?:Baca [Jj]uga|ADVERTISEMENT|SCROLL TO CONTINUE|Foto:|Berita Terkait)", re.M)
# Outlet habits somewhere in every file.
HOUSE_NEEDLES = ("Pewarta:", "Baca juga:", "By Admin", "Oleh:", "Laporan Wartawan")
# (style, marker) that at least half the articles of that style carry.
HOUSE_MARKERS = (
    ("agency", r"\(ANTARA\) - "),
    ("agency", r"^Pewarta: "),
    ("national", r"^(?:Liputan6\.com, |KOMPAS\.com - |TEMPO\.CO, |Jakarta, CNN Indonesia -- |\w+ - )"),
    ("tribun", r"^Laporan (?:Wartawan|Reporter) "),
    ("release", r"Pemerintah (?:Kabupaten|Kota) "),
    ("opinion", r"^Oleh: "),
)

# Negatives only. Kinds of ordinary news the brief asks for; each needs two articles (topic before ":").
NEAR_MISS = "near miss"
ORDINARY_KINDS = (
    "crime", "traffic accident", "weather", "disaster", "politics", "religion", "culture", "market prices",
    "infrastructure", "education", "health", "court", "corruption trial", "human interest", "agriculture",
    "fisheries", "ceremony", "budget",
)
# The near-miss situations the brief lists, found by words in the near-miss topic tags.
NEAR_MISS_KINDS = {
    "CCTV only as evidence": r"cctv",
    "landfill fire": r"landfill fire",
    "rubbish in street or river": r"rubbish",
    "flood and evacuation": r"flood",
    "mudik or holiday traffic jam": r"mudik|traffic jam",
    "crowded office, no digital service": r"crowded",
    "QRIS named in passing": r"qris",
    "holiday visitor counts": r"visitor|tourist|crowds at",
    "hospital shortage": r"hospital|emergency room",
    "school renovation": r"school .*renovation|renovation",
    "event in a public service mall building": r"public service mall",
    "council row over the Diskominfo budget": r"diskominfo",
    "'smart' in an unrelated sense": r"'smart'|smart kids",
    "internet or power outage": r"internet|signal|blackout",
    "online-loan or online fraud": r"online (loan|lending|gambling)|phishing",
    "hoax arrests": r"hoax",
    "cyber attack on a bank": r"bank",
}
# A related-headline line that advertises a digital public-service programme.
DIGITAL_HEADLINE = re.compile(
    r"aplikasi|digital|smart|ruang kendali|dasbor|wi-?fi|e-tiket|daring|online|cctv|kamera pengawas"
    r"|sensor|nontunai|elektronik|real-time|pemantau|dipantau|terintegrasi|layanan warga",
    re.I,
)
# Kemendagri 2022: the kabupaten/kota of the four new Papua provinces ("Kabupaten" unless named Kota).
PAPUA_2022 = {
    "Papua Selatan": ("Merauke", "Boven Digoel", "Mappi", "Asmat"),
    "Papua Tengah": ("Nabire", "Paniai", "Mimika", "Puncak Jaya", "Puncak", "Dogiyai", "Intan Jaya", "Deiyai"),
    "Papua Pegunungan": (
        "Jayawijaya", "Pegunungan Bintang", "Yahukimo", "Tolikara", "Mamberamo Tengah", "Yalimo", "Lanny Jaya", "Nduga",
    ),
    "Papua Barat Daya": ("Kota Sorong", "Sorong", "Sorong Selatan", "Raja Ampat", "Tambrauw", "Maybrat"),
}


class Corpus(NamedTuple):
    path: Path
    lines: tuple[str, ...]
    rows: tuple[dict[str, Any], ...]


@cache
def load(path: Path) -> Corpus:
    """Lines and parsed articles of one file, read once per path."""
    lines = tuple(path.read_text(encoding="utf-8").splitlines())
    return Corpus(path, lines, tuple(json.loads(line) for line in lines if line.strip()))


@cache
def places() -> dict[str, str]:
    """Official kabupaten/kota name -> current province, from the project's gazetteer."""
    return {city: province_of(city) for city in all_cities()}


def words(text: str) -> int:
    return len(text.split())


def figures(rows: tuple[dict[str, Any], ...]) -> dict[str, Any]:
    """Every count a part's notes may report."""
    kinds = Counter(r["main_city"].split()[0] for r in rows if r["main_city"])
    return {
        "total": len(rows),
        "main_pillar": dict(Counter(r["pillars"][0] for r in rows if r["pillars"])),
        "general": sum(r["general"] is True for r in rows),
        "multi_label": sum(len(r["pillars"]) > 1 for r in rows),
        "style": dict(Counter(r["style"] for r in rows)),
        "provinces": len({r["province"] for r in rows if r["province"]}),
        "national": sum(r["province"] is None for r in rows),
        "province_level": sum(r["main_city"] is None and r["province"] is not None for r in rows),
        "kabupaten": kinds["Kabupaten"],
        "kota": kinds["Kota"],
        "near_miss": sum(r["topic"].startswith(NEAR_MISS) for r in rows),
        "digital_clutter": sum(any(DIGITAL_HEADLINE.search(h) for h in related_headlines(r["text"])) for r in rows),
    }


def related_headlines(text: str) -> list[str]:
    """'Baca juga' lines and the short lines of a 'Berita Terkait' list."""
    lines = text.split("\n")
    out = []
    for i, line in enumerate(lines):
        if re.match(r"Baca [Jj]uga:", line):
            out.append(line)
        if line.startswith("Berita Terkait:"):
            out.extend(x for x in lines[i + 1 : i + 4] if words(x) < 20)
    return out


def reused_sentences(rows: tuple[dict[str, Any], ...]) -> dict[str, list[str]]:
    """Sentences of MIN_SENTENCE_WORDS or more (case and punctuation ignored) found in two or more articles."""
    seen: dict[str, set[str]] = {}
    for r in rows:
        for sentence in SENTENCE_END.split(r["text"]):
            tokens = re.findall(r"\w+", sentence.lower())
            if max(len(tokens), words(sentence)) >= MIN_SENTENCE_WORDS:
                seen.setdefault(" ".join(tokens), set()).add(r["id"])
    return {s: sorted(ids) for s, ids in seen.items() if len(ids) > 1}


# --- the checks: name -> (applies to part?, check) ------------------------------------------------
Check = Callable[[Part, Corpus], None]
CHECKS: dict[str, tuple[Callable[[Part], bool], Check]] = {}


def invariant(applies: Callable[[Part], bool] = lambda part: True) -> Callable[[Check], Check]:
    """Register a check under its function name."""

    def register(check: Check) -> Check:
        CHECKS[check.__name__] = (applies, check)
        return check

    return register


@invariant()
def lines_are_json_with_keys_in_order(part: Part, c: Corpus) -> None:
    assert c.lines, f"{c.path} is empty"
    for n, line in enumerate(c.lines, start=1):
        assert line.strip(), f"line {n} is blank"
        obj = json.loads(line)
        assert tuple(obj) == KEYS, f"line {n}: keys {tuple(obj)}"


@invariant()
def ids_run_in_order(part: Part, c: Corpus) -> None:
    ids = [r["id"] for r in c.rows]
    assert ids == [f"{part.prefix}-{i:04d}" for i in range(1, len(ids) + 1)], "ids must run without gaps"


@invariant()
def labels_follow_the_part(part: Part, c: Corpus) -> None:
    for r in c.rows:
        where, pillars = r["id"], r["pillars"]
        assert r["relevant"] is part.relevant, f"{where}: relevant must be {part.relevant}"
        assert isinstance(pillars, list), where
        if part.relevant:
            assert pillars, f"{where}: a relevant article needs pillars"
            assert set(pillars) <= set(PILLARS), f"{where}: {pillars}"
            assert len(set(pillars)) == len(pillars), f"{where}: repeated pillar"
            assert pillars[0] in part.main_pillars, f"{where}: main pillar {pillars[0]} is not this part's"
        else:
            assert pillars == [], f"{where}: a negative has no pillars"
        assert isinstance(r["general"], bool), where
        assert not r["general"] or pillars == ["governance"], f"{where}: general pieces are governance only"
        assert r["style"] in STYLES, f"{where}: style {r['style']!r}"
        for key in ("title", "text", "topic"):
            assert isinstance(r[key], str), f"{where}: {key}"
            assert r[key], f"{where}: empty {key}"
            assert r[key] == r[key].strip(), f"{where}: {key} has outer whitespace"
        assert r["topic"].isascii(), f"{where}: topic"


@invariant()
def texts_are_article_sized(part: Part, c: Corpus) -> None:
    for r in c.rows:
        where, title, text = r["id"], r["title"], r["text"]
        assert 4 <= words(title) <= 25, f"{where}: title of {words(title)} words"
        assert 20 <= len(title) <= 160, f"{where}: title of {len(title)} chars"
        assert part.min_words <= words(text) <= MAX_WORDS, f"{where}: {words(text)} words"
        assert "\n\n" not in text, f"{where}: paragraphs are joined by one newline"
        assert "\r" not in text, f"{where}: carriage return in text"
        assert not re.search(r"[{}]", text), f"{where}: unexpanded placeholder"
        assert not DRAFT_MARKUP.search(text), f"{where}: draft markup left in text"
        assert not part.paragraphs or "\n" in text, f"{where}: body needs paragraphs"


@invariant()
def titles_are_unique(part: Part, c: Corpus) -> None:
    titles = Counter(r["title"].lower() for r in c.rows)
    assert [t for t, k in titles.items() if k > 1] == []


@invariant()
def places_are_official_and_agree(part: Part, c: Corpus) -> None:
    index, provinces = places(), set(all_provinces())
    for r in c.rows:
        where, cities, main, province = r["id"], r["cities"], r["main_city"], r["province"]
        assert isinstance(cities, list), where
        unknown = [x for x in cities if x not in index]
        assert not unknown, f"{where}: not an official kabupaten/kota name: {unknown}"
        assert len(cities) == len(set(cities)), f"{where}: repeated city"
        assert province is None or province in provinces, f"{where}: unknown province {province!r}"
        if main is not None:
            assert cities[:1] == [main], f"{where}: main_city should open the cities list"
            assert province == index[main], f"{where}: {main} lies in {index[main]}, not {province}"
        elif province is not None:  # province-level: cities, if any, lie there
            assert all(index[x] == province for x in cities), f"{where}: a city outside {province}"
        else:
            assert part.national_cities or cities == [], f"{where}: a national article names no city"


@invariant()
def weekdays_match_dates(part: Part, c: Corpus) -> None:
    checked = 0
    for r in c.rows:
        for m in DATED.finditer(r["text"]):
            try:
                real = DAYS[dt.date(int(m[4]), int(m[3]), int(m[2])).weekday()]
            except ValueError:
                raise AssertionError(f"{r['id']}: {m[0]} is no date") from None
            assert m[1].replace("Jum'at", "Jumat") == real, f"{r['id']}: {m[0]} was a {real}"
            checked += 1
    assert checked >= MIN_DATES, f"only {checked} weekday-dated mentions to check"


@invariant()
def no_sentence_is_reused(part: Part, c: Corpus) -> None:
    reused = reused_sentences(c.rows)
    assert not reused, f"sentences in two articles: {reused}"


@invariant()
def allocation_is_met(part: Part, c: Corpus) -> None:
    rows, n = c.rows, len(c.rows)
    assert n >= part.min_articles, n
    main = Counter(r["pillars"][0] for r in rows if r["pillars"])
    assert all(main[p] >= k for p, k in part.main_pillars.items()), (main, part.main_pillars)
    if part.multi_label:
        low, high = part.multi_label
        assert low <= sum(len(r["pillars"]) > 1 for r in rows) <= high
    by_province = Counter(r["province"] for r in rows if r["province"])
    assert len(by_province) >= 25, sorted(by_province)
    assert max(by_province.values()) <= part.max_province_share * n, by_province.most_common(3)
    assert sum(r["main_city"] is None and r["province"] is None for r in rows) >= part.min_national
    kinds = Counter(r["main_city"].split()[0] for r in rows if r["main_city"])
    assert kinds["Kabupaten"] >= part.main_cities[0], kinds
    assert kinds["Kota"] >= part.main_cities[1], kinds


@invariant()
def lengths_are_spread(part: Part, c: Corpus) -> None:
    sizes = [words(r["text"]) for r in c.rows]
    under, briefs = part.briefs
    assert sum(k < under for k in sizes) >= briefs, f"fewer than {briefs} briefs under {under} words"
    assert sum(k > 450 for k in sizes) >= part.long_pieces, "too few long pieces"
    assert sum(150 <= k <= 450 for k in sizes) >= part.core_share * len(sizes), "too few 150-450 words"


@invariant()
def styles_are_even(part: Part, c: Corpus) -> None:
    counts, n = Counter(r["style"] for r in c.rows), len(c.rows)
    assert set(counts) == set(STYLES), counts
    assert all(0.9 * n / len(STYLES) <= k <= 1.1 * n / len(STYLES) for k in counts.values()), counts
    assert max(counts.values()) - min(counts.values()) <= 0.1 * n, counts


@invariant()
def page_clutter_is_common(part: Part, c: Corpus) -> None:
    cluttered = sum(bool(CLUTTER.search(r["text"])) for r in c.rows)
    assert cluttered >= part.clutter_share * len(c.rows), cluttered
    loud = {r["style"] for r in c.rows if LOUD.search(r["text"])}
    assert len(loud) >= part.loud_styles, f"loud clutter only in {sorted(loud)}"


@invariant()
def house_markers_are_present(part: Part, c: Corpus) -> None:
    for needle in HOUSE_NEEDLES:
        assert any(needle in r["text"] for r in c.rows), needle
    for style, marker in HOUSE_MARKERS:
        if style in part.house_styles:
            rows = [r for r in c.rows if r["style"] == style]
            hits = sum(bool(re.search(marker, r["text"], re.M)) for r in rows)
            assert hits >= len(rows) // 2, f"{style}: {hits}/{len(rows)} carry {marker!r}"


@invariant()
def counts_match_the_notes(part: Part, c: Corpus) -> None:
    got = figures(c.rows)
    assert {k: got[k] for k in part.documented} == part.documented, "counts differ from the notes"


@invariant()
def project_loader_reads_the_file(part: Part, c: Corpus) -> None:
    examples = read_jsonl(c.path, origin="corpus")
    assert [e.id for e in examples] == [r["id"] for r in c.rows]
    assert all(e.relevant is part.relevant and bool(e.pillars) is part.relevant for e in examples)


def _negatives(part: Part) -> bool:
    return not part.relevant


@invariant(_negatives)
def ordinary_news_covers_the_kinds(part: Part, c: Corpus) -> None:
    kinds = Counter(r["topic"].split(":")[0] for r in c.rows)
    missing = {k: kinds[k] for k in ORDINARY_KINDS if kinds[k] < 2}
    assert not missing, missing
    assert kinds["football"] + kinds["sport"] >= 8, kinds


@invariant(_negatives)
def near_misses_cover_each_situation(part: Part, c: Corpus) -> None:
    tags = [r["topic"].lower() for r in c.rows if r["topic"].startswith(NEAR_MISS)]
    assert len(tags) >= part.near_misses, len(tags)
    missing = [kind for kind, pat in NEAR_MISS_KINDS.items() if not any(re.search(pat, t) for t in tags)]
    assert not missing, missing


@invariant(_negatives)
def near_misses_carry_more_cues(part: Part, c: Corpus) -> None:
    def cues(r: dict[str, Any]) -> int:
        return sum(lexicon_counts(f"{r['title']}\n{r['text']}").values())

    near = [cues(r) for r in c.rows if r["topic"].startswith(NEAR_MISS)]
    plain = [cues(r) for r in c.rows if not r["topic"].startswith(NEAR_MISS)]
    assert min(near) >= 1, "every near miss should contain at least one pillar or digital cue"
    assert statistics.median(near) >= 2 * statistics.median(plain), (statistics.median(near), statistics.median(plain))


@invariant(lambda part: part.digital_clutter > 0)
def related_headlines_advertise_programmes(part: Part, c: Corpus) -> None:
    digital = [r["id"] for r in c.rows if any(DIGITAL_HEADLINE.search(h) for h in related_headlines(r["text"]))]
    assert len(digital) >= part.digital_clutter, digital


# --- tests -----------------------------------------------------------------------------------------
CASES = [
    pytest.param(part, name, id=f"{part.path.stem}-{name}")
    for part in PARTS
    for name, (applies, _) in CHECKS.items()
    if applies(part)
]


@pytest.mark.parametrize(("part", "name"), CASES)
def test_invariant(part: Part, name: str) -> None:
    CHECKS[name][1](part, load(part.path))


def test_place_facts_are_current() -> None:
    index = places()
    assert len(index) == 514
    assert set(index.values()) == set(all_provinces())
    assert len(all_provinces()) == 38
    assert not any("Sumatra" in p for p in all_provinces())
    assert "DKI Jakarta" in all_provinces()
    for province, names in PAPUA_2022.items():
        official = {n if n.startswith("Kota ") else f"Kabupaten {n}" for n in names}
        assert {x for x, p in index.items() if p == province} == official, province


def test_files_share_no_title_or_sentence() -> None:
    rows = tuple(r for part in PARTS for r in load(part.path).rows)
    titles = Counter(r["title"].lower() for r in rows)
    assert [t for t, k in titles.items() if k > 1] == []
    assert reused_sentences(rows) == {}


def test_every_corpus_file_has_a_part() -> None:
    assert sorted(p.name for p in CORPUS_DIR.glob("*.jsonl")) == sorted(part.file for part in PARTS)


# --- the checker rejects broken copies -------------------------------------------------------------
Rows = list[dict[str, Any]]


def _with_main_city(rows: Rows) -> dict[str, Any]:
    return next(r for r in rows if r["main_city"])


def _misspell_city(rows: Rows) -> None:
    r = _with_main_city(rows)
    r["main_city"] = r["cities"][0] = r["main_city"] + "x"


def _wrong_province(rows: Rows) -> None:
    r = _with_main_city(rows)
    r["province"] = next(p for p in all_provinces() if p != r["province"])


def _wrong_weekday(rows: Rows) -> None:
    r = next(r for r in rows if DATED.search(r["text"]))
    m = DATED.search(r["text"])
    assert m is not None
    day = DAYS[(DAYS.index(m[1].replace("Jum'at", "Jumat")) + 1) % 7]
    r["text"] = r["text"][: m.start(1)] + day + r["text"][m.end(1) :]


def _flip_relevant(rows: Rows) -> None:
    rows[0]["relevant"] = not rows[0]["relevant"]


def _copy_sentence(rows: Rows) -> None:
    sentence = next(s for s in SENTENCE_END.split(rows[0]["text"]) if words(s) >= MIN_SENTENCE_WORDS)
    rows[1]["text"] += "\n" + sentence


def _drop_line(rows: Rows) -> None:
    del rows[len(rows) // 2]


# breakage -> (how, the checks that must reject it, what their message says)
BREAKS: dict[str, tuple[Callable[[Rows], None], tuple[str, ...], str]] = {
    "wrong_city": (_misspell_city, ("places_are_official_and_agree",), "not an official kabupaten/kota"),
    "wrong_province": (_wrong_province, ("places_are_official_and_agree",), "lies in"),
    "wrong_weekday": (_wrong_weekday, ("weekdays_match_dates",), "was a"),
    "relevant_flipped": (_flip_relevant, ("labels_follow_the_part",), "relevant must be"),
    "duplicated_sentence": (_copy_sentence, ("no_sentence_is_reused",), "sentences in two articles"),
    "dropped_line": (_drop_line, ("ids_run_in_order", "counts_match_the_notes"), "without gaps|differ from the notes"),
}


@pytest.mark.parametrize("breakage", BREAKS)
@pytest.mark.parametrize("part", PARTS, ids=lambda part: part.path.stem)
def test_checker_rejects_a_broken_copy(part: Part, breakage: str, tmp_path: Path) -> None:
    how, names, message = BREAKS[breakage]
    rows = [json.loads(line) for line in part.path.read_text(encoding="utf-8").splitlines()]
    intact, broken = tmp_path / "intact" / part.file, tmp_path / "broken" / part.file
    for path, damage in ((intact, None), (broken, how)):
        if damage:
            damage(rows)
        path.parent.mkdir()
        path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    for name in names:
        check = CHECKS[name][1]
        check(part, load(intact))  # the copy passes until it is broken
        with pytest.raises(AssertionError, match=message):
            check(part, load(broken))
