"""Where a place mention stands on the page and what it does in its sentence.

The page: title, dateline ("TANGERANG (ANTARA) -"), lead, body, and clutter such as "Baca juga"
lines, captions, bylines and related headlines, each with its weight. The sentence: a plain
mention, or one that counts less (a venue's name, travel to or from, a route, a list, the place a
statement was made) or not at all (an outlet's web address).
"""

from __future__ import annotations

from nlp.gazetteer import Found, Gazetteer, Hint
from nlp.place_options import PlaceOptions
from nlp.place_rules import (
    CLUTTER_LINE,
    DATELINE,
    INLINE_CLUTTER,
    INSTITUTION,
    INSTITUTION_WORDS,
    LIST_SEP,
    SAID_BEFORE,
    SENTENCE_END,
    STATEMENT_DAY,
    WEB_NAME,
)


def page_weights(text: str, opts: PlaceOptions) -> tuple[list[int], list[float]]:
    """Segment starts and weights: lead, body, headline-like lines, clutter."""
    starts: list[int] = []
    weights: list[float] = []
    pos = 0
    lead_left = opts.lead_chars
    for line in text.splitlines(keepends=True):
        stripped = line.strip()
        if not stripped:
            pos += len(line)
            continue
        if CLUTTER_LINE.match(line) or stripped.count(" / ") >= 2 or stripped.count(" | ") >= 2:
            w = opts.clutter_weight
        elif len(stripped) < 110 and not SENTENCE_END.search(stripped):
            w = opts.headline_weight
        elif lead_left > 0:
            w = opts.lead_weight
            lead_left -= len(stripped)
        else:
            w = opts.body_weight
        starts.append(pos)
        weights.append(w)
        inline = INLINE_CLUTTER.search(line)
        if inline:
            starts.append(pos + inline.start())
            weights.append(opts.clutter_weight)
            starts.append(pos + len(line))
            weights.append(w)
        pos += len(line)
    return starts or [0], weights or [opts.body_weight]


def find_dateline(text: str, gaz: Gazetteer) -> tuple[int, int, list[Found], list[Hint]] | None:
    """The dateline place ("TANGERANG (ANTARA) -", "Liputan6.com, Bekasi -") in the first lines."""
    pos = n = 0
    for line in text.splitlines(keepends=True):
        if pos > 1200 or n > 10:
            break
        n += bool(line.strip())  # blank lines between paragraphs do not count
        m = DATELINE.match(line)
        if m and not CLUTTER_LINE.match(line):
            a, b = pos + m.start("place"), pos + m.end("place")
            found, hints = gaz.scan(text[a:b], weak=True, fuzzy=False)
            if found or hints:
                return a, b, found, hints
        pos += len(line)
    return None


def mention_role(text: str, f: Found, listed: set[int]) -> str:
    """What a mention does in its sentence, when that makes it count less than a plain mention.

    "web": part of an outlet's address (Tribun-Medan.com), not counted; "venue": the end of a
    venue's name (Hotel X, BMKG X); "said": where a statement was made ("kata … di Kota Palu,
    Selasa."), often a dateline far from the story; "move": travel to or from it, or a route
    (X-Y); "list": one of three or more places in a row. "" for a plain mention.
    """
    m = f.mention
    s, e = m.start, m.end
    if text[e:e + 1] == "." and WEB_NAME.match(text, e):
        return "web"
    lo = max(0, s - 72)
    if not INSTITUTION_WORDS.isdisjoint(text[lo:s].split()):
        if INSTITUTION.search(text, lo, s):
            return "venue"
    said = STATEMENT_DAY.match(text, e)
    if said and (said.group("said") or SAID_BEFORE.search(text, _sentence_start(text, s), s)):
        return "said"
    if f.group == "move" or (text[e:e + 1] == "-" and text[e + 1:e + 2].isupper()) or (
        s >= 2 and text[s - 1] == "-" and text[s - 2].isalpha()
    ):
        return "move"
    return "list" if s in listed else ""


def _sentence_start(text: str, at: int) -> int:
    """Where the sentence holding ``at`` starts (after the last full stop or line break)."""
    return max(text.rfind(". ", 0, at) + 2, text.rfind("\n", 0, at) + 1, at - 300, 0)


def listed_starts(text: str, found: list[Found]) -> set[int]:
    """Starts of mentions in a run of 3+ places joined by commas/dan/atau, 2+ of them cities."""
    out: set[int] = set()
    run: list[Found] = []
    for f in [*found, None]:
        if f is not None and run and LIST_SEP.fullmatch(text, run[-1].mention.end, f.mention.start):
            run.append(f)
            continue
        if len(run) >= 3 and sum(r.mention.kind != "province" for r in run) >= 2:
            out.update(r.mention.start for r in run)
        run = [f] if f is not None else []
    return out
