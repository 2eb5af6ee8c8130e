"""Where ``smartcity process`` spends its time: extraction, fingerprints, stories, tagging, writes.

The extraction fixture pages (our own, 11 outlet templates) are stored as crawled pages in a fresh
SQLite file, many copies under distinct URLs, then processed once under cProfile; each stage's
cumulative time is reported per page beside trafilatura's own share.
"""

from __future__ import annotations

import cProfile
import json
import pstats
import tempfile
import time
from pathlib import Path

from bench.harness import Figure
from nlp.model_io import load_model
from smartcity.process import ProcessOptions, process_pages
from storage.articles import ensure_source
from storage.db import make_engine, session_scope
from storage.migrate import upgrade
from storage.pages import PageWrite, store_pages

SITE = Path(__file__).resolve().parents[1] / "tests" / "sites" / "extraction"
STAGES = {
    "extraction (nlp.extract, trafilatura inside)": ("nlp/extract.py", "extract"),
    "  of which trafilatura": ("trafilatura/core.py", "bare_extraction"),
    "fingerprint (MinHash)": ("nlp/dedup.py", "fingerprint"),
    "story assignment (LSH lookup + writes)": ("storage/stories.py", "assign_story"),
    "tagging (models + places)": ("nlp/tagger.py", "tag_articles"),
    "article upsert": ("storage/articles.py", "store_article"),
    "tag writes": ("storage/tags.py", "write_tags"),
    "page reads + decompress": ("smartcity/process.py", "_pending_pages"),
}


def _pages(copies: int) -> list[tuple[str, bytes]]:
    spec = json.loads((SITE / "expected.json").read_text(encoding="utf-8"))["pages"]
    out = []
    for n in range(copies):
        for page in spec:
            if page.get("parts"):
                continue
            body = (SITE / "pages" / page["file"]).read_bytes()
            out.append((f"{page['url']}?copy={n}", body))
    return out


def run(quick: bool) -> list[Figure]:
    """ms per page for each stage of one ``process_pages`` run over stored fixture pages."""
    pages = _pages(2 if quick else 8)
    model = load_model(None)
    with tempfile.TemporaryDirectory() as tmp:
        engine = make_engine(str(Path(tmp) / "pipe.db"))
        upgrade(engine)
        with session_scope(engine) as s:
            src = ensure_source(s, name="fixtures", home="https://example.invalid/")
            store_pages(s, [PageWrite(source_id=src, url=u, canonical_url=u, status=200, body=b,
                                      encoding="utf-8") for u, b in pages])
        prof = cProfile.Profile()
        t0 = time.perf_counter()
        prof.enable()
        summary = process_pages(engine, model, options=ProcessOptions(batch_size=50))
        prof.disable()
        total = time.perf_counter() - t0
        engine.dispose()
    stats = pstats.Stats(prof).stats  # type: ignore[attr-defined]
    n = summary.pages
    figures = [Figure("pipeline", f"smartcity process, whole ({n} stored pages)", total * 1000 / n, "ms/page",
                      note=f"{summary.articles} articles, {summary.new_stories} stories (under cProfile)")]
    for label, (path, func) in STAGES.items():
        cum = sum(v[3] for k, v in stats.items() if k[0].endswith(path) and k[2] == func)
        figures.append(Figure("pipeline", label, cum * 1000 / n, "ms/page", note=f"{100 * cum / total:.0f}% of the whole"))
    return figures
