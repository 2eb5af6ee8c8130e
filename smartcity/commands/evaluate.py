"""``smartcity evaluate``: cross-validated and gold-file scores of the taggers beside a keyword baseline."""

from __future__ import annotations

import json
from typing import Any

import click

from smartcity.app import App


def _f(v: float) -> str:
    return f"{v:.3f}"


def comparison_rows(name: str, cmp: Any) -> list[tuple[str, str, str]]:
    """(figure, model, baseline) rows of one comparison."""
    m, b = cmp.model, cmp.baseline
    rows = [
        (f"{name}: relevance precision", _f(m.relevance[0]), _f(b.relevance[0])),
        (f"{name}: relevance recall", _f(m.relevance[1]), _f(b.relevance[1])),
        (f"{name}: relevance F1", _f(m.relevance[2]), _f(b.relevance[2])),
    ]
    rows += [(f"{name}: pillar {p} F1", _f(m.pillar[p][2]), _f(b.pillar[p][2])) for p in m.pillar]
    rows += [
        (f"{name}: pillar macro-F1", _f(m.pillar_macro_f1), _f(b.pillar_macro_f1)),
        (f"{name}: main pillar accuracy", _f(m.main_pillar_accuracy), _f(b.main_pillar_accuracy)),
        (f"{name}: city precision", _f(m.city[0]), _f(b.city[0])),
        (f"{name}: city recall", _f(m.city[1]), _f(b.city[1])),
        (f"{name}: main city accuracy", _f(m.main_city_accuracy), _f(b.main_city_accuracy)),
        (f"{name}: province accuracy", _f(m.province_accuracy), _f(b.province_accuracy)),
    ]
    return rows


def _confusion(cmp: Any) -> str:
    labels = ["governance", "branding", "economy", "living", "society", "environment", "none"]
    head = "gold \\ predicted".ljust(18) + "".join(lab[:5].rjust(7) for lab in labels)
    lines = [head]
    for g in labels:
        row = cmp.model.confusion.get(g, {})
        lines.append(g.ljust(18) + "".join(str(row.get(p, 0)).rjust(7) for p in labels))
    return "\n".join(lines)


@click.command(name="evaluate")
@click.option("--folds", default=5, show_default=True, help="Cross-validation folds on the corpus.")
@click.option("--gold", "gold", type=click.Path(exists=True, dir_okay=False),
              help="Score the trained model on a labelled JSONL file (dev-set format) instead.")
@click.option("--style-split", is_flag=True,
              help="Also train on all writing styles but one and test on that one, for each style.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.pass_obj
def command(app: App, folds: int, gold: str | None, style_split: bool, fmt: str) -> None:
    """Score the taggers: stratified cross-validation on the corpus, or a gold file.

    Every figure is shown beside a plain keyword baseline (pillar lexicon counts, a regex on
    official place names) scored on the same articles.

    \b
    Examples:
      smartcity evaluate
      smartcity evaluate --gold ../shared/devset/articles.jsonl
    """
    from pathlib import Path

    from nlp.corpus import read_jsonl
    from nlp.evaluate import EvalOptions, cross_validate, score_gold
    from nlp.evaluate import style_split as run_style_split
    from smartcity.commands.train import load_training_set
    from smartcity.wiring import tag_options

    options = EvalOptions(folds=folds, tag=tag_options(app.config))
    results: dict[str, Any] = {}
    if gold:
        from nlp.model_io import load_model

        model = load_model(app.config.models_dir)
        examples = read_jsonl(Path(gold), origin="gold")
        results[f"gold ({len(examples)} articles, model {model.version})"] = score_gold(model, examples, options=options.tag)
    else:
        examples = load_training_set(app, (), labels=False)
        click.echo(f"{folds}-fold cross-validation on {len(examples)} corpus articles", err=True)
        results[f"cv{folds}"] = cross_validate(examples, options=options)
        if style_split:
            for style, cmp in run_style_split(examples, options=options).items():
                results[f"style {style}"] = cmp
    if fmt == "json":
        click.echo(json.dumps({k: {"model": v.model.__dict__, "baseline": v.baseline.__dict__} for k, v in results.items()},
                              indent=2, default=list))
        return
    for name, cmp in results.items():
        rows = comparison_rows(name, cmp)
        width = max(len(r[0]) for r in rows)
        click.echo(f"{'figure'.ljust(width)}  model  baseline")
        for fig, m, b in rows:
            click.echo(f"{fig.ljust(width)}  {m}  {b}")
        click.echo("\nmain-pillar confusion (model):\n" + _confusion(cmp) + "\n")
