"""``smartcity process``: extract, de-duplicate and tag the pages the crawler stored."""

from __future__ import annotations

import click

from smartcity.app import App


@click.command(name="process")
@click.option("--reextract", is_flag=True,
              help="Extract every stored page again (after an extractor upgrade), re-clustering stories.")
@click.option("--retag", is_flag=True, help="Re-tag articles tagged by another model version (after `smartcity train`).")
@click.option("--batch", default=50, show_default=True, help="Pages per transaction.")
@click.pass_obj
def command(app: App, reextract: bool, retag: bool, batch: int) -> int:
    """Turn stored pages into articles, stories and tags (only pages not processed yet, unless asked).

    Rejected pages (too short, not HTML, timed out …) are counted by reason and kept, so they can be
    re-extracted later. Analyst labels are never touched.

    \b
    Examples:
      smartcity process
      smartcity process --retag          # after training a new model
      smartcity process --reextract      # after upgrading the extractor
    """
    from nlp.model_io import load_model
    from smartcity.process import ProcessSummary, process_pages
    from smartcity.wiring import process_options

    cfg = app.config
    model = load_model(cfg.models_dir)
    options = process_options(cfg, batch_size=batch, reextract=reextract, retag=retag)

    def progress(s: ProcessSummary) -> None:
        click.echo(f"  … {s.pages} pages: {s.articles} articles, {sum(s.rejected.values())} rejected", err=True)

    summary = process_pages(app.engine, model, options=options, progress=progress)
    rejected = ", ".join(f"{k}={v}" for k, v in sorted(summary.rejected.items())) or "none"
    click.echo(
        f"processed {summary.pages} pages: {summary.articles} articles "
        f"({summary.new_stories} new stories, {summary.joined_stories} joined existing ones), "
        f"{summary.tagged} tagged ({summary.relevant} Smart City) with {model.version}; rejected: {rejected}"
    )
    return 0
