"""``smartcity query``: stories by city, province, pillar, outlet, date and full text, listed or counted.

Every figure counts stories (syndicated copies once), analyst labels win over machine tags, and
only Smart City coverage counts unless ``--all``. Names are checked first: an unknown city, pillar,
province or outlet is answered with the nearest valid names (exit 2).
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import click

from smartcity import names
from smartcity.app import App, UsageError
from smartcity.output import emit, output_option, read_engine

GROUP_CHOICES = "city|province|pillar|week|outlet"


def parse_day(text: str, *, flag: str, tz: str, end: bool = False) -> datetime:
    """YYYY-MM-DD, YYYY-MM or YYYY-Www as the first instant of that day/month/week in ``tz``.

    With ``end`` the instant just after it (so --until is inclusive of the day, month or week named).
    """
    from reports.weekly import IsoWeek, WeekError

    zone = ZoneInfo(tz)
    value = text.strip()
    try:
        if "W" in value.upper():
            week = IsoWeek.parse(value)
            return week.end(tz) if end else week.start(tz)
        if len(value) == 7:
            first = date.fromisoformat(value + "-01")
            if end:
                first = (first.replace(day=28) + timedelta(days=4)).replace(day=1)
            return datetime.combine(first, time(0, 0), tzinfo=zone)
        day = date.fromisoformat(value)
    except (ValueError, WeekError):
        raise UsageError(f"{flag} {text!r}: write a day (2022-10-03), a month (2022-10) or an ISO week (2022-W40)") from None
    return datetime.combine(day + timedelta(days=1 if end else 0), time(0, 0), tzinfo=zone)


def _groups(text: str | None) -> tuple[str, ...]:
    if not text:
        return ()
    from storage.queries import GROUPS

    out = tuple(g.strip().lower() for g in text.split(",") if g.strip())
    bad = [g for g in out if g not in GROUPS]
    if bad:
        raise UsageError(f"--group-by {text!r}: {bad[0]!r} is not a field; use {GROUP_CHOICES} (comma-separated for two)")
    return out


@click.command(name="query")
@click.option("--city", "cities", multiple=True, metavar="NAME",
              help="Kabupaten/kota (official name or alias, e.g. Tangsel); repeatable.")
@click.option("--province", "provinces", multiple=True, metavar="NAME", help="Province, e.g. \"Jawa Barat\"; repeatable.")
@click.option("--pillar", "pillars", multiple=True, metavar="NAME",
              help="Pillar id or Indonesian name (environment, lingkungan); repeatable.")
@click.option("--outlet", "outlets", multiple=True, metavar="NAME", help="Outlet as shown by --group-by outlet; repeatable.")
@click.option("--since", metavar="DATE", help="From this day, month or week (2022-10-03, 2022-10, 2022-W40), Jakarta time.")
@click.option("--until", metavar="DATE", help="Up to and including this day, month or week.")
@click.option("--week", metavar="YYYY-Www", help="Shortcut for --since and --until of one ISO week.")
@click.option("--search", metavar="TEXT", help='Full text: words, "phrases", OR, NOT/-word, prefix*.')
@click.option("--group-by", "group_by", metavar=GROUP_CHOICES, help="Count stories per field (two fields: city,pillar).")
@click.option("--order", type=click.Choice(["recent", "reach"]), default="recent", show_default=True,
              help="Order of a story list.")
@click.option("--all", "include_all", is_flag=True, help="Include articles the tagger judged not about Smart City.")
@click.option("--limit", type=click.IntRange(min=1), default=50, show_default=True, help="Rows shown.")
@output_option
@click.pass_obj
def command(app: App, cities: tuple[str, ...], provinces: tuple[str, ...], pillars: tuple[str, ...], outlets: tuple[str, ...],
            since: str | None, until: str | None, week: str | None, search: str | None, group_by: str | None, order: str,
            include_all: bool, limit: int, fmt: str) -> None:
    """List or count Smart City stories (syndicated copies count once).

    \b
    Which cities were in the news for environment this month?
      smartcity query --pillar lingkungan --since 2022-10 --group-by city
    Stories about Kota Tangerang in one week, widest reach first:
      smartcity query --city "Kota Tangerang" --week 2022-W40 --order reach
    Full text, as CSV:
      smartcity query --search '"bank sampah" OR komposter' --format csv
    """
    from storage.queries import Filters, QueryError, count_stories, known_values, list_stories

    tz = app.config.report.timezone
    groups = _groups(group_by)
    if week and (since or until):
        raise UsageError("--week names a whole week: give it alone, or use --since/--until")
    first, last = week or since, week or until
    start = parse_day(first, flag="--week" if week else "--since", tz=tz) if first else None
    end = parse_day(last, flag="--week" if week else "--until", tz=tz, end=True) if last else None
    if start and end and start >= end:
        raise UsageError(f"--since {since or week} is not before --until {until or week}: swap them")
    engine = read_engine(app)
    with engine.connect() as conn:
        try:
            filters = Filters(
                cities=tuple(names.city(c, known=lambda: known_values(conn, "city")) for c in cities),
                provinces=tuple(names.province(p, known=lambda: known_values(conn, "province")) for p in provinces),
                pillars=tuple(names.pillar(p) for p in pillars),
                outlets=tuple(names.outlet(o, known=lambda: known_values(conn, "outlet")) for o in outlets),
                since=start, until=end, search=search, relevant=None if include_all else True,
            )
            if groups:
                counts = count_stories(conn, filters, group_by=groups, tz=tz, limit=limit)
                grouped = [{**dict(zip(groups, c.keys, strict=True)), "stories": c.stories, "articles": c.articles,
                            "outlets": c.outlets}
                           for c in counts]
                emit(grouped, [*groups, "stories", "articles", "outlets"], fmt)
                return
            stories = list_stories(conn, filters, order=order, limit=limit)
        except QueryError as exc:
            raise UsageError(str(exc)) from None
    zone = ZoneInfo(tz)
    rows: list[dict[str, object]] = [
        {
            "article_id": s.article_id,
            "published": s.published.astimezone(zone) if s.published else None,
            "outlet": s.outlet,
            "reach": s.reach,
            "title": s.title,
            "cities": [c for c, _ in s.tags.cities],
            "pillars": list(s.tags.pillars),
            "url": s.url,
        }
        for s in stories
    ]
    columns = ["article_id", "published", "outlet", "reach", "title", "cities", "pillars"] + ([] if fmt == "table" else ["url"])
    emit(rows, columns, fmt, widths={"title": 60, "cities": 30, "outlet": 20})
