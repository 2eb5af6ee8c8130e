"""``smartcity label``: record an analyst's correction of an article; it wins over the machine's tags.

A label speaks for every copy of the article's story, survives re-tagging (the tagger never
touches labels), and can be amended part by part or removed with ``--clear``. Unknown pillars and
cities are answered with the nearest valid names (exit 2); nothing is written then.
"""

from __future__ import annotations

import click

from smartcity import names
from smartcity.app import App, UsageError


def _show(conn: object, article_id: int) -> list[str]:
    from storage.queries import effective_tags
    from storage.queries_tags import machine_tags

    machine = machine_tags(conn, article_id)
    after = effective_tags(conn, [article_id])[article_id]

    def yn(v: bool | None) -> str:
        return "-" if v is None else ("yes" if v else "no")

    rows = [
        ("relevant", yn(machine.relevant), yn(after.relevant)),
        ("pillars", ", ".join(machine.pillars) or "-", ", ".join(after.pillars) or "-"),
        ("cities", ", ".join(c for c, _ in machine.cities) or "-", ", ".join(c for c, _ in after.cities) or "-"),
    ]
    width = max(len(r[1]) for r in rows) + 2
    return [f"  {'':<9} {'machine':<{width}} after labels"] + [f"  {k:<9} {m:<{width}} {a}" for k, m, a in rows]


@click.command(name="label")
@click.argument("article_id", type=int)
@click.option("--relevant", type=click.Choice(["yes", "no"]), help="Is it Smart City coverage?")
@click.option("--pillar", "pillars", multiple=True, metavar="NAME",
              help="Pillar (id or Indonesian name); repeatable, the first is the main one.")
@click.option("--no-pillar", is_flag=True, help="The article has no pillar.")
@click.option("--city", "cities", multiple=True, metavar="NAME",
              help="Kabupaten/kota it is about; repeatable, the first is the main one.")
@click.option("--no-city", is_flag=True, help="The article is about no kabupaten/kota (national or province-wide).")
@click.option("--analyst", metavar="NAME", help="Who made the correction.")
@click.option("--note", metavar="TEXT", help="Why, in a few words.")
@click.option("--clear", is_flag=True, help="Remove the label: the machine's tags apply again.")
@click.pass_obj
def command(app: App, article_id: int, relevant: str | None, pillars: tuple[str, ...], no_pillar: bool, cities: tuple[str, ...],
            no_city: bool, analyst: str | None, note: str | None, clear: bool) -> None:
    """Correct an article's tags (relevance, pillars, cities); labels win in queries and digests.

    \b
    Examples:
      smartcity label 1234 --relevant no --analyst rina --note "berita olahraga"
      smartcity label 1234 --pillar lingkungan --pillar masyarakat --city Tangsel
      smartcity label 1234 --clear
    """
    import sqlalchemy as sa

    from storage.db import session_scope
    from storage.labels import LabelChange, LabelError, clear_label, set_label
    from storage.queries import city_province, known_values

    if pillars and no_pillar:
        raise UsageError("--pillar and --no-pillar contradict each other: give one")
    if cities and no_city:
        raise UsageError("--city and --no-city contradict each other: give one")
    if clear and (relevant or pillars or no_pillar or cities or no_city or analyst or note):
        raise UsageError("--clear removes the whole label: give it alone")
    engine = app.engine
    with session_scope(engine) as s:
        title = s.execute(sa.text("SELECT title FROM article WHERE id = :a"), {"a": article_id}).scalar()
        if title is None:
            raise UsageError(f"article {article_id} does not exist: find article ids with `smartcity query --search WORDS`")
        if clear:
            removed = clear_label(s, article_id)
            click.echo(f"article {article_id}: {'label removed' if removed else 'had no label'}; the machine's tags apply")
        else:
            conn = s.connection()
            change = LabelChange(
                relevant=None if relevant is None else relevant == "yes",
                pillars=() if no_pillar else (tuple(names.pillar(p) for p in pillars) or None),
                cities=() if no_city else (tuple(
                    names.city_with_province(c, known=lambda: known_values(conn, "city"),
                                             province_in_db=lambda n: city_province(conn, n))
                    for c in cities) or None),
                analyst=analyst,
                note=note,
            )
            try:
                set_label(s, article_id, change)
            except LabelError as exc:
                raise UsageError(str(exc)) from None
            click.echo(f"article {article_id}: label saved ({title[:70]})")
        for line in _show(s.connection(), article_id):
            click.echo(line)
