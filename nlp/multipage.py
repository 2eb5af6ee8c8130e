"""Join the bodies of a multi-page article ("halaman 2", ``?page=2``) into one list of paragraphs.

The crawler stores page 1 in ``page.body_z`` and pages 2, 3, … in ``page_part``; each part is
extracted and cleaned like a page, then joined here. What a continuation page repeats from an
earlier one (the lead, a "Laporan wartawan" line, a teaser or footer that survived clean-up) is
page furniture: it is kept where it first appeared and dropped from the later part. No settings.
"""

from __future__ import annotations

from collections.abc import Sequence

from nlp.boilerplate import paragraph_key


def join_bodies(bodies: Sequence[Sequence[str]]) -> list[str]:
    """Paragraphs of page 1, then of each later part, without what a later part repeats."""
    out: list[str] = []
    seen: set[str] = set()
    for body in bodies:
        for paragraph in body:
            key = paragraph_key(paragraph)
            if key in seen:
                continue
            seen.add(key)
            out.append(paragraph)
    return out
