"""The read API analysts and reports share: story counts by city, province, pillar, week and outlet.

Three rules hold for every figure: it counts stories (an article and its syndicated copies count
once; reach = the distinct outlets that carried it), analyst labels override machine tags (a label
speaks for every copy of its story; for relevance, pillars and cities separately, the newest label
that sets it wins), and only relevant articles count unless ``Filters.relevant`` says otherwise.
Only bound parameters reach the SQL.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from sqlalchemy.exc import OperationalError, ProgrammingError

from nlp.types import PILLARS
from storage.models import (
    Article,
    ArticleCity,
    ArticlePillar,
    ArticleTag,
    Label,
    LabelCity,
    LabelPillar,
    Source,
)
from storage.queries_search import SearchSyntaxError, parse_search, to_fts5, to_tsquery
from storage.queries_tags import CHUNK, LABEL_SCOPE, ArticleTags, effective_tags

logger = logging.getLogger(__name__)

ARTICLE: sa.Table = Article.__table__  # type: ignore[attr-defined]
SOURCE: sa.Table = Source.__table__  # type: ignore[attr-defined]
TAG: sa.Table = ArticleTag.__table__  # type: ignore[attr-defined]
PILLAR: sa.Table = ArticlePillar.__table__  # type: ignore[attr-defined]
CITY: sa.Table = ArticleCity.__table__  # type: ignore[attr-defined]
LABEL: sa.Table = Label.__table__  # type: ignore[attr-defined]
LABEL_PILLAR: sa.Table = LabelPillar.__table__  # type: ignore[attr-defined]
LABEL_CITY: sa.Table = LabelCity.__table__  # type: ignore[attr-defined]

GROUPS = ("city", "province", "pillar", "week", "outlet")
MULTI_VALUED = ("city", "province", "pillar")  # an article may have several of these
WEEK_SECONDS = 7 * 24 * 3600
EPOCH_MONDAY = date(1970, 1, 5)  # week numbers count from this Monday

__all__ = [
    "GROUPS", "PILLARS", "ArticleTags", "CoverageRow", "Filters", "GroupCount", "QueryError", "StoryRow",
    "article_rows", "city_province", "count_stories", "effective_tags", "known_values", "list_stories", "week_label",
]


class QueryError(ValueError):
    """A query the monitor cannot run as asked; the message names the input and the fix."""


@dataclass(frozen=True)
class Filters:
    """What to count: every given filter must hold; names are official (resolve them first)."""

    cities: tuple[str, ...] = ()
    provinces: tuple[str, ...] = ()
    pillars: tuple[str, ...] = ()
    outlets: tuple[str, ...] = ()  # matched case-insensitively
    since: datetime | None = None  # inclusive, aware
    until: datetime | None = None  # exclusive, aware
    search: str | None = None  # the grammar of storage.queries_search
    relevant: bool | None = True  # True: Smart City coverage only; False: only the rest; None: all

    def __post_init__(self) -> None:
        for name in ("since", "until"):
            value = getattr(self, name)
            if value is not None and value.tzinfo is None:
                raise QueryError(f"Filters.{name} {value!r} has no time zone: attach one (e.g. Asia/Jakarta)")
        bad = [p for p in self.pillars if p not in PILLARS]
        if bad:
            raise QueryError(f"unknown pillar {bad[0]!r}: use one of {', '.join(PILLARS)}")
        if self.search is not None:
            try:
                parse_search(self.search)
            except SearchSyntaxError as exc:
                raise QueryError(str(exc)) from None


@dataclass(frozen=True)
class GroupCount:
    """One line of a grouped count: the group's values, and stories, articles, outlets in it."""

    keys: tuple[str | None, ...]
    stories: int
    articles: int
    outlets: int


@dataclass(frozen=True)
class StoryRow:
    """A story in a list: its first matching article stands for it; reach counts every copy."""

    story: int
    article_id: int
    published: datetime | None
    title: str
    url: str
    outlet: str
    articles: int  # matching copies in the filtered period
    reach: int  # distinct outlets over all copies
    outlets: tuple[str, ...]
    tags: ArticleTags


@dataclass(frozen=True)
class CoverageRow:
    """One matching article with its story, outlet and tags: the rows behind a digest or export."""

    article_id: int
    story: int
    published: datetime | None
    outlet: str
    title: str
    url: str
    tags: ArticleTags


Runner = Any  # a Session or a Connection: anything with .execute()


def _dialect(runner: Runner) -> str:
    bind = runner.get_bind() if hasattr(runner, "get_bind") else runner
    return str(bind.dialect.name)


def _outlet(a: sa.FromClause, s: sa.FromClause) -> sa.ColumnElement[str]:
    return sa.func.coalesce(sa.func.nullif(a.c.outlet, ""), s.c.name)


def _search_clause(a: sa.FromClause, text: str, dialect: str) -> sa.ColumnElement[bool]:
    tree = parse_search(text)
    if dialect == "sqlite":
        fts = sa.text("SELECT rowid FROM article_fts WHERE article_fts MATCH :fts_query").bindparams(fts_query=to_fts5(tree))
        return a.c.id.in_(fts.columns(sa.column("rowid", sa.Integer)))
    if dialect == "postgresql":
        # the same expression as the GIN index of migration 0002, so the index is used
        tsv = sa.func.to_tsvector(sa.literal_column("'simple'"), sa.func.coalesce(a.c.title, "").op("||")(" ").op("||")(sa.func.coalesce(a.c.text, "")))
        return tsv.op("@@")(sa.func.to_tsquery(sa.literal_column("'simple'"), sa.bindparam("ts_query", to_tsquery(tree))))
    raise QueryError(f"full-text search is not available on {dialect}: use SQLite or PostgreSQL")


def _base(filters: Filters, dialect: str) -> sa.CTE:
    """One row per matching article: id, story key, date, outlet, and the labels deciding its lists."""
    a, t, s = ARTICLE.alias("a"), TAG.alias("t"), SOURCE.alias("s")
    ls, lr = LABEL_SCOPE.alias("ls"), LABEL.alias("lr")
    q = sa.select(
        a.c.id.label("id"),
        sa.func.coalesce(a.c.story_id, -a.c.id).label("story"),
        a.c.published.label("published"),
        _outlet(a, s).label("outlet"),
        ls.c.pillars_label.label("plab"),
        ls.c.cities_label.label("clab"),
        t.c.province.label("tprov"),
    ).select_from(
        a.join(s, s.c.id == a.c.source_id)
        .outerjoin(t, t.c.article_id == a.c.id)
        .outerjoin(ls, ls.c.article_id == a.c.id)
        .outerjoin(lr, lr.c.article_id == ls.c.relevant_label)
    )
    relevant = sa.func.coalesce(lr.c.relevant, t.c.relevant)
    if filters.relevant is True:
        q = q.where(relevant == sa.true())
    elif filters.relevant is False:
        q = q.where(sa.func.coalesce(relevant, sa.false()) == sa.false())
    if filters.since is not None:
        q = q.where(a.c.published >= filters.since)
    if filters.until is not None:
        q = q.where(a.c.published < filters.until)
    if filters.outlets:
        q = q.where(sa.func.lower(_outlet(a, s)).in_([o.lower() for o in filters.outlets]))
    if filters.pillars:
        q = q.where(_has(PILLAR.c.pillar, LABEL_PILLAR.c.pillar, filters.pillars, a, ls.c.pillars_label))
    if filters.cities:
        q = q.where(_has(CITY.c.city, LABEL_CITY.c.city, filters.cities, a, ls.c.cities_label))
    if filters.provinces:
        q = q.where(sa.or_(_has(CITY.c.province, LABEL_CITY.c.province, filters.provinces, a, ls.c.cities_label),
                           sa.and_(ls.c.cities_label.is_(None), t.c.province.in_(filters.provinces))))
    if filters.search:
        q = q.where(_search_clause(a, filters.search, dialect))
    return q.cte("base")


def _has(machine_col: sa.Column[str], label_col: sa.Column[str], values: Sequence[str], a: sa.FromClause,
         label_id: sa.ColumnElement[int]) -> sa.ColumnElement[bool]:
    """The article's machine rows (no label decides) or the deciding label's rows have one of ``values``."""
    mt, lt = machine_col.table, label_col.table
    machine = sa.exists().where(mt.c.article_id == a.c.id, machine_col.in_(list(values)))
    analyst = sa.exists().where(lt.c.article_id == label_id, label_col.in_(list(values)))
    return sa.or_(sa.and_(label_id.is_(None), machine), sa.and_(label_id.is_not(None), analyst))


def _dim_rows(b: sa.CTE, dim: str, filters: Filters) -> sa.CompoundSelect:
    """(id, story, outlet, published, value) for each value of a multi-valued dimension, after labels."""
    cols = (b.c.id, b.c.story, b.c.outlet, b.c.published)
    if dim == "pillar":
        m = sa.select(*cols, PILLAR.c.pillar.label("value")).select_from(b.join(PILLAR, PILLAR.c.article_id == b.c.id)).where(b.c.plab.is_(None))
        n = sa.select(*cols, LABEL_PILLAR.c.pillar).select_from(b.join(LABEL_PILLAR, LABEL_PILLAR.c.article_id == b.c.plab))
        if filters.pillars:
            m, n = m.where(PILLAR.c.pillar.in_(filters.pillars)), n.where(LABEL_PILLAR.c.pillar.in_(filters.pillars))
        return sa.union_all(m, n)
    col = "city" if dim == "city" else "province"
    m = sa.select(*cols, CITY.c[col].label("value")).select_from(b.join(CITY, CITY.c.article_id == b.c.id)).where(b.c.clab.is_(None))
    n = sa.select(*cols, LABEL_CITY.c[col]).select_from(b.join(LABEL_CITY, LABEL_CITY.c.article_id == b.c.clab))
    if filters.cities:
        m, n = m.where(CITY.c.city.in_(filters.cities)), n.where(LABEL_CITY.c.city.in_(filters.cities))
    if filters.provinces:
        m, n = m.where(CITY.c.province.in_(filters.provinces)), n.where(LABEL_CITY.c.province.in_(filters.provinces))
    if dim == "city":
        return sa.union_all(m, n)
    main = sa.select(*cols, b.c.tprov).where(b.c.clab.is_(None), b.c.tprov.is_not(None))
    if filters.provinces:
        main = main.where(b.c.tprov.in_(filters.provinces))
    return sa.union_all(m, n, main)


def _anchor_epoch(tz: str, ref: datetime | None) -> int:
    """UTC epoch second of Monday 1970-01-05 00:00 at the zone's offset around ``ref``."""
    zone = _zone(tz)
    offset = (ref or datetime.now(UTC)).astimezone(zone).utcoffset() or timedelta(0)
    return int((datetime(1970, 1, 5, tzinfo=UTC) - offset).timestamp())


def _zone(tz: str) -> ZoneInfo:
    try:
        return ZoneInfo(tz)
    except (KeyError, ValueError) as exc:
        raise QueryError(f"unknown time zone {tz!r}: use an IANA name such as Asia/Jakarta") from exc


def _week_index(col: sa.ColumnElement[datetime], dialect: str, anchor: int) -> sa.ColumnElement[int]:
    if dialect == "sqlite":  # integer seconds, integer division: exact at week boundaries
        secs = sa.cast(sa.func.strftime("%s", col), sa.Integer)
        return (secs - anchor) // WEEK_SECONDS
    secs_pg = sa.func.extract("epoch", col)
    return sa.cast(sa.func.floor((secs_pg - anchor) / WEEK_SECONDS), sa.Integer)


def week_label(index: int) -> str:
    """ISO week name ("2022-W40") of a week number counted from Monday 1970-01-05."""
    year, week, _ = (EPOCH_MONDAY + timedelta(weeks=index)).isocalendar()
    return f"{year}-W{week:02d}"


def count_stories(
    runner: Runner,
    filters: Filters = Filters(),
    *,
    group_by: Sequence[str] = (),
    tz: str = "Asia/Jakarta",
    limit: int | None = None,
) -> list[GroupCount]:
    """Stories, articles and outlets per group (or one total row without ``group_by``).

    ``group_by`` takes any of city, province, pillar, week (ISO weeks in ``tz``) and outlet; a
    story counts once in every group it has an article in. Largest groups first (weeks in order).
    """
    bad = [g for g in group_by if g not in GROUPS]
    if bad:
        raise QueryError(f"cannot group by {bad[0]!r}: use one of {', '.join(GROUPS)}")
    if len(set(group_by)) != len(group_by):
        raise QueryError(f"--group-by {','.join(group_by)} names a field twice: name each once")
    dialect = _dialect(runner)
    b = _base(filters, dialect)
    multi = [g for g in group_by if g in MULTI_VALUED]
    src: sa.FromClause
    if multi:
        src = _dim_rows(b, multi[0], filters).subquery("d0")
        joined: sa.FromClause = src
        values: dict[str, sa.ColumnElement[Any]] = {multi[0]: src.c.value}
        for i, dim in enumerate(multi[1:], start=1):
            extra = _dim_rows(b, dim, filters).subquery(f"d{i}")
            joined = joined.join(extra, extra.c.id == src.c.id)
            values[dim] = extra.c.value
    else:
        src = joined = b
        values = {}
    anchor = _anchor_epoch(tz, filters.since)
    where = []
    for dim in group_by:
        if dim == "week":
            values[dim] = _week_index(src.c.published, dialect, anchor)
            where.append(src.c.published.is_not(None))
        elif dim == "outlet":
            values[dim] = src.c.outlet
    keys = [values[g].label(f"k{i}") for i, g in enumerate(group_by)]
    stories = sa.func.count(sa.distinct(src.c.story)).label("stories")
    q = sa.select(*keys, stories, sa.func.count(sa.distinct(src.c.id)), sa.func.count(sa.distinct(src.c.outlet))).select_from(joined)
    if where:
        q = q.where(*where)
    if group_by:
        q = q.group_by(*(values[g] for g in group_by))
        weekly = [values[g] for g in group_by if g == "week"]
        q = q.order_by(*weekly, stories.desc(), *(values[g] for g in group_by if g != "week"))
    if limit is not None:
        q = q.limit(limit)
    rows = _execute(runner, q, filters).all()
    out = []
    for row in rows:
        ks = tuple(week_label(int(v)) if g == "week" else v for g, v in zip(group_by, row[: len(group_by)], strict=True))
        out.append(GroupCount(ks, int(row[-3]), int(row[-2]), int(row[-1])))
    return out


def _execute(runner: Runner, q: sa.Executable, filters: Filters) -> Any:
    """Run a query; a search the database rejects becomes a one-line QueryError."""
    try:
        return runner.execute(q)
    except (OperationalError, ProgrammingError) as exc:
        text = str(exc.orig) if exc.orig is not None else str(exc)
        if filters.search and ("fts5" in text or "tsquery" in text or "syntax" in text):
            raise QueryError(f"--search {filters.search!r}: the database could not read it ({text.splitlines()[0]})") from None
        raise


def list_stories(
    runner: Runner,
    filters: Filters = Filters(),
    *,
    order: str = "recent",
    limit: int | None = 50,
) -> list[StoryRow]:
    """Matching stories, newest first (``order="recent"``) or widest reach first (``"reach"``)."""
    if order not in ("recent", "reach"):
        raise QueryError(f"order {order!r}: use 'recent' or 'reach'")
    b = _base(filters, _dialect(runner))
    per = (
        sa.select(b.c.story, sa.func.count(sa.distinct(b.c.id)).label("n"), sa.func.min(b.c.published).label("first"),
                  sa.func.max(b.c.published).label("last"), sa.func.min(b.c.id).label("first_id"))
        .group_by(b.c.story)
        .subquery("per")
    )
    if order == "reach":
        a2, s2 = ARTICLE.alias("a2"), SOURCE.alias("s2")
        reach = (
            sa.select(a2.c.story_id.label("story"), sa.func.count(sa.distinct(_outlet(a2, s2))).label("reach"))
            .select_from(a2.join(s2, s2.c.id == a2.c.source_id))
            .where(a2.c.story_id.in_(sa.select(b.c.story).where(b.c.story > 0)))
            .group_by(a2.c.story_id)
            .subquery("r")
        )
        reach_col = sa.func.coalesce(reach.c.reach, 1)
        q = sa.select(per.c.story, per.c.n).select_from(per.outerjoin(reach, reach.c.story == per.c.story))
        q = q.order_by(reach_col.desc(), per.c.n.desc(), per.c.first.desc(), per.c.first_id)
    else:
        q = sa.select(per.c.story, per.c.n).order_by(per.c.last.desc().nulls_last(), per.c.first_id.desc())
    if limit is not None:
        q = q.limit(limit)
    chosen = [(int(r[0]), int(r[1])) for r in _execute(runner, q, filters)]
    if not chosen:
        return []
    keys = [k for k, _ in chosen]
    reps: dict[int, tuple[int, datetime | None, str]] = {}
    rows = _execute(runner, sa.select(b.c.story, b.c.id, b.c.published, b.c.outlet).where(b.c.story.in_(keys)), filters)
    for story, art_id, published, outlet in rows:
        best = reps.get(story)
        when = published or datetime.max.replace(tzinfo=UTC)
        if best is None or (when, art_id) < (best[1] or datetime.max.replace(tzinfo=UTC), best[0]):
            reps[story] = (art_id, published, outlet)
    outlets = _story_outlets(runner, keys, {k: v[2] for k, v in reps.items()})
    ids = [reps[k][0] for k in keys]
    details = _article_details(runner, ids)
    tags = effective_tags(runner, ids)
    out = []
    for story, n in chosen:
        art_id, published, outlet = reps[story]
        title, url = details[art_id]
        names = outlets.get(story, (outlet,))
        out.append(StoryRow(story, art_id, published, title, url, outlet, n, len(names), names, tags[art_id]))
    return out


def _story_outlets(runner: Runner, keys: Sequence[int], fallback: dict[int, str]) -> dict[int, tuple[str, ...]]:
    """Distinct outlets of every copy of each story, sorted; a story-less article is its own outlet."""
    a, s = ARTICLE.alias("a"), SOURCE.alias("s")
    found: dict[int, set[str]] = {}
    positive = [k for k in keys if k > 0]
    for i in range(0, len(positive), CHUNK):
        q = sa.select(a.c.story_id, _outlet(a, s)).distinct().select_from(a.join(s, s.c.id == a.c.source_id)).where(a.c.story_id.in_(positive[i : i + CHUNK]))
        for story, outlet in runner.execute(q):
            found.setdefault(int(story), set()).add(outlet)
    return {k: tuple(sorted(found.get(k) or {fallback[k]})) for k in keys if k in fallback}


def _article_details(runner: Runner, ids: Sequence[int]) -> dict[int, tuple[str, str]]:
    out: dict[int, tuple[str, str]] = {}
    for i in range(0, len(ids), CHUNK):
        q = sa.select(ARTICLE.c.id, ARTICLE.c.title, ARTICLE.c.canonical_url).where(ARTICLE.c.id.in_(ids[i : i + CHUNK]))
        out.update({int(r[0]): (r[1], r[2]) for r in runner.execute(q)})
    return out


def article_rows(runner: Runner, filters: Filters = Filters(), *, limit: int | None = None) -> list[CoverageRow]:
    """Every matching article (oldest first) with story, outlet and tags after labels: export rows."""
    b = _base(filters, _dialect(runner))
    q = sa.select(b.c.id, b.c.story, b.c.published, b.c.outlet).order_by(b.c.published.asc().nulls_last(), b.c.id)
    if limit is not None:
        q = q.limit(limit)
    rows = _execute(runner, q, filters).all()
    ids = [int(r[0]) for r in rows]
    details = _article_details(runner, ids)
    tags = effective_tags(runner, ids)
    return [CoverageRow(int(r[0]), int(r[1]), r[2], r[3], *details[int(r[0])], tags[int(r[0])]) for r in rows]


def known_values(runner: Runner, field: str) -> list[str]:
    """Every city, province or outlet name present in the database (for "did you mean" answers)."""
    if field == "city":
        q: sa.Select[Any] | sa.CompoundSelect = sa.union(sa.select(CITY.c.city), sa.select(LABEL_CITY.c.city))
    elif field == "province":
        q = sa.union(sa.select(CITY.c.province), sa.select(LABEL_CITY.c.province), sa.select(TAG.c.province).where(TAG.c.province.is_not(None)))
    elif field == "outlet":
        a, s = ARTICLE.alias("a"), SOURCE.alias("s")
        q = sa.select(_outlet(a, s)).distinct().select_from(a.join(s, s.c.id == a.c.source_id))
    else:
        raise QueryError(f"no list of {field!r} names: use city, province or outlet")
    return sorted({r[0] for r in runner.execute(q) if r[0]})


def city_province(runner: Runner, city: str) -> str | None:
    """The province the database files ``city`` under (the most frequent one), or None if unseen."""
    q = sa.union_all(sa.select(CITY.c.province).where(CITY.c.city == city), sa.select(LABEL_CITY.c.province).where(LABEL_CITY.c.city == city)).subquery()
    row = runner.execute(sa.select(q.c.province, sa.func.count()).group_by(q.c.province).order_by(sa.func.count().desc(), q.c.province).limit(1)).first()
    return None if row is None else str(row[0])
