"""``smartcity tag``: tag JSON lines of articles with relevance, pillars and cities."""

from __future__ import annotations

import json
import sys
from typing import IO, Any

import click

from smartcity.app import App


def tags_record(article_id: Any, tags: Any) -> dict[str, Any]:
    """The published JSON shape of one article's tags."""
    return {
        "id": article_id,
        "relevant": tags.relevant,
        "relevance": tags.relevance,
        "pillars": [{"pillar": p.pillar, "score": p.score} for p in tags.pillars],
        "main_pillar": tags.main_pillar,
        "cities": [
            {"name": c.name, "province": c.province, "mentions": c.mentions, "confidence": c.confidence}
            for c in tags.places.cities
        ],
        "main_city": tags.places.main_city,
        "province": tags.places.province,
        "model_version": tags.model_version,
    }


def _read(stream: IO[str]) -> tuple[list[tuple[int, Any, str, str]], list[dict[str, Any]]]:
    good, bad = [], []
    for n, line in enumerate(stream, start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            bad.append({"line": n, "error": f"not valid JSON: {exc.msg} at column {exc.colno}"})
            continue
        if not isinstance(obj, dict):
            bad.append({"line": n, "error": "expected a JSON object with id, title, text"})
            continue
        missing = [k for k in ("title", "text") if not isinstance(obj.get(k), str)]
        if missing:
            bad.append({"line": n, "id": obj.get("id"), "error": f"missing or non-string key(s): {', '.join(missing)}"})
            continue
        good.append((n, obj.get("id"), obj["title"], obj["text"]))
    return good, bad


@click.command(name="tag")
@click.argument("source", type=click.File("r", encoding="utf-8"), default="-", required=False)
@click.option("--batch", default=256, show_default=True, help="Articles per model call.")
@click.pass_obj
def command(app: App, source: IO[str], batch: int) -> int:
    """Tag JSON lines {"id", "title", "text"} from FILE (or stdin), one JSON line out per line in.

    Output keys: id, relevant, relevance, pillars [{pillar, score}], main_pillar, cities
    [{name, province, mentions, confidence}], main_city, province, model_version. A bad line
    yields {"line", "error"} and the rest are still tagged (exit code 1).

    \b
    Example:
      echo '{"id": 1, "title": "Pemkot Bogor luncurkan aplikasi antrean puskesmas", "text": "..."}' | smartcity tag
    """
    from nlp.model_io import load_model
    from nlp.tagger import tag_articles
    from smartcity.wiring import tag_options

    cfg = app.config
    model = load_model(cfg.models_dir)
    good, bad = _read(source)
    options = tag_options(cfg)
    out: dict[int, dict[str, Any]] = {b["line"]: b for b in bad}
    for i in range(0, len(good), batch):
        chunk = good[i : i + batch]
        for (n, article_id, _, _), tags in zip(chunk, tag_articles(model, [(t, x) for _, _, t, x in chunk], options=options),
                                               strict=True):
            out[n] = tags_record(article_id, tags)
    for n in sorted(out):
        sys.stdout.write(json.dumps(out[n], ensure_ascii=False) + "\n")
    for b in bad:
        click.echo(f"line {b['line']}: {b['error']}", err=True)
    return 1 if bad else 0
