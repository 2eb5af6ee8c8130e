"""How the read queries are built: filters, and the two halves every count is the union of.

Most articles have no analyst label near them: their half is a plain join over the machine's tag
tables, as fast as a hand-written GROUP BY (``a.id NOT IN label_scope`` is one hashed lookup).
The few articles a label speaks for (view ``label_scope``, migration 0003) form the other half,
which applies each label part by part. Only bound parameters reach the SQL.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import sqlalchemy as sa

from nlp.types import PILLARS
from storage.models import Article, ArticleCity, ArticlePillar, ArticleTag, Label, LabelCity, LabelPillar, Source
from storage.queries_search import SearchSyntaxError, parse_search, to_fts5, to_tsquery
from storage.queries_tags import LABEL_SCOPE

ARTICLE: sa.Table = Article.__table__  # type: ignore[attr-defined]
SOURCE: sa.Table = Source.__table__  # type: ignore[attr-defined]
TAG: sa.Table = ArticleTag.__table__  # type: ignore[attr-defined]
PILLAR: sa.Table = ArticlePillar.__table__  # type: ignore[attr-defined]
CITY: sa.Table = ArticleCity.__table__  # type: ignore[attr-defined]
LABEL: sa.Table = Label.__table__  # type: ignore[attr-defined]
LABEL_PILLAR: sa.Table = LabelPillar.__table__  # type: ignore[attr-defined]
LABEL_CITY: sa.Table = LabelCity.__table__  # type: ignore[attr-defined]
MULTI_VALUED = ("city", "province", "pillar")  # an article may have several of these
WEEK_SECONDS = 7 * 24 * 3600
FACT_COLUMNS = ("id", "story", "outlet", "published")


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


def outlet_of(a: sa.FromClause, s: sa.FromClause) -> sa.ColumnElement[str]:
    """The outlet as readers know it: the article's own, else the source's name."""
    return sa.func.coalesce(sa.func.nullif(a.c.outlet, ""), s.c.name)


def story_of(a: sa.FromClause) -> sa.ColumnElement[int]:
    """Story key: the story id, or minus the article id for an article not yet clustered."""
    return sa.func.coalesce(a.c.story_id, -a.c.id)


def _search(a: sa.FromClause, text: str, dialect: str) -> sa.ColumnElement[bool]:
    tree = parse_search(text)
    if dialect == "sqlite":
        fts = sa.text("SELECT rowid FROM article_fts WHERE article_fts MATCH :fts_query").bindparams(fts_query=to_fts5(tree))
        return a.c.id.in_(fts.columns(sa.column("rowid", sa.Integer)))
    if dialect == "postgresql":
        # the same expression as the GIN index of migration 0002, so the index is used
        body = sa.func.coalesce(a.c.title, "").op("||")(" ").op("||")(sa.func.coalesce(a.c.text, ""))
        tsv = sa.func.to_tsvector(sa.literal_column("'simple'"), body)
        return tsv.op("@@")(sa.func.to_tsquery(sa.literal_column("'simple'"), sa.bindparam("ts_query", to_tsquery(tree))))
    raise QueryError(f"full-text search is not available on {dialect}: use SQLite or PostgreSQL")


def _common(filters: Filters, a: sa.FromClause, s: sa.FromClause, dialect: str) -> list[sa.ColumnElement[bool]]:
    """Conditions on the article itself: dates, outlets, full text."""
    out = []
    if filters.since is not None:
        out.append(a.c.published >= filters.since)
    if filters.until is not None:
        out.append(a.c.published < filters.until)
    if filters.outlets:
        out.append(sa.func.lower(outlet_of(a, s)).in_([o.lower() for o in filters.outlets]))
    if filters.search:
        out.append(_search(a, filters.search, dialect))
    return out


def _relevance(q: sa.Select[Any], filters: Filters, relevant: sa.ColumnElement[Any]) -> sa.Select[Any]:
    if filters.relevant is True:
        return q.where(relevant == sa.true())
    if filters.relevant is False:
        return q.where(sa.func.coalesce(relevant, sa.false()) == sa.false())
    return q


def _exists(table: sa.Table, col: str, key: sa.ColumnElement[int], values: Sequence[str]) -> sa.ColumnElement[bool]:
    return sa.exists().where(table.c.article_id == key, table.c[col].in_(list(values)))


def machine_facts(filters: Filters, dialect: str, dims: Sequence[str]) -> list[sa.Select[Any]]:
    """(id, story, outlet, published, v0, ...) for articles no label speaks for, from machine tags."""
    a, s, t = ARTICLE.alias("a"), SOURCE.alias("s"), TAG.alias("t")
    frm: sa.FromClause = a.join(s, s.c.id == a.c.source_id)
    frm = frm.join(t, t.c.article_id == a.c.id) if filters.relevant is True else frm.outerjoin(t, t.c.article_id == a.c.id)
    where = [a.c.id.not_in(sa.select(LABEL_SCOPE.c.article_id)), *_common(filters, a, s, dialect)]
    if filters.pillars:
        where.append(_exists(PILLAR, "pillar", a.c.id, filters.pillars))
    if filters.cities:
        where.append(_exists(CITY, "city", a.c.id, filters.cities))
    if filters.provinces:
        where.append(sa.or_(_exists(CITY, "province", a.c.id, filters.provinces), t.c.province.in_(filters.provinces)))
    Variant = tuple[sa.FromClause, list[Any], list[Any]]  # (FROM, values, conditions)
    variants: list[Variant] = [(frm, [], [])]
    ac = CITY.alias("ac") if "city" in dims else None
    for dim in dims:
        grown: list[Variant] = []
        for f, vals, conds in variants:
            if dim == "pillar":
                ap = PILLAR.alias("ap")
                extra: list[Any] = [ap.c.pillar.in_(filters.pillars)] if filters.pillars else []
                grown.append((f.join(ap, ap.c.article_id == a.c.id), [*vals, ap.c.pillar], conds + extra))
            elif dim == "city" and ac is not None:
                extra = [ac.c.city.in_(filters.cities)] if filters.cities else []
                extra += [ac.c.province.in_(filters.provinces)] if filters.provinces else []
                grown.append((f.join(ac, ac.c.article_id == a.c.id), [*vals, ac.c.city], conds + extra))
            elif dim == "province" and ac is not None:  # with city: the province of that city row
                grown.append((f, [*vals, ac.c.province], conds))
            elif dim == "province":
                ap2 = CITY.alias("acp")
                extra = [ap2.c.province.in_(filters.provinces)] if filters.provinces else []
                extra += [ap2.c.city.in_(filters.cities)] if filters.cities else []
                grown.append((f.join(ap2, ap2.c.article_id == a.c.id), [*vals, ap2.c.province], conds + extra))
                main = [t.c.province.is_not(None)] + ([t.c.province.in_(filters.provinces)] if filters.provinces else [])
                grown.append((f, [*vals, t.c.province], conds + main))
        variants = grown
    out = []
    for f, vals, conds in variants:
        q = sa.select(a.c.id.label("id"), story_of(a).label("story"), outlet_of(a, s).label("outlet"),
                      a.c.published.label("published"),
                      *(v.label(f"v{i}") for i, v in enumerate(vals))).select_from(f).where(*where, *conds)
        out.append(_relevance(q, filters, t.c.relevant))
    return out


def labelled_base(filters: Filters, dialect: str) -> sa.CTE:
    """Articles a label speaks for, with the labels deciding their relevance, pillars and places."""
    a, s, t = ARTICLE.alias("a"), SOURCE.alias("s"), TAG.alias("t")
    ls, lr = LABEL_SCOPE.alias("ls"), LABEL.alias("lr")
    q = sa.select(
        a.c.id.label("id"), story_of(a).label("story"), outlet_of(a, s).label("outlet"), a.c.published.label("published"),
        ls.c.pillars_label.label("plab"), ls.c.cities_label.label("clab"), t.c.province.label("tprov"),
    ).select_from(
        ls.join(a, a.c.id == ls.c.article_id).join(s, s.c.id == a.c.source_id)
        .outerjoin(t, t.c.article_id == a.c.id).outerjoin(lr, lr.c.article_id == ls.c.relevant_label)
    ).where(*_common(filters, a, s, dialect))
    plab, clab = ls.c.pillars_label, ls.c.cities_label
    if filters.pillars:
        q = q.where(_either(plab, _exists(PILLAR, "pillar", a.c.id, filters.pillars),
                            _exists(LABEL_PILLAR, "pillar", plab, filters.pillars)))
    if filters.cities:
        q = q.where(_either(clab, _exists(CITY, "city", a.c.id, filters.cities),
                            _exists(LABEL_CITY, "city", clab, filters.cities)))
    if filters.provinces:
        machine = sa.or_(_exists(CITY, "province", a.c.id, filters.provinces), t.c.province.in_(filters.provinces))
        q = q.where(_either(clab, machine, _exists(LABEL_CITY, "province", clab, filters.provinces)))
    return _relevance(q, filters, sa.func.coalesce(lr.c.relevant, t.c.relevant)).cte("lb")


def _either(label_id: sa.ColumnElement[int], machine: sa.ColumnElement[bool],
            analyst: sa.ColumnElement[bool]) -> sa.ColumnElement[bool]:
    """The machine's rows when no label decides this part, else the deciding label's rows."""
    return sa.or_(sa.and_(label_id.is_(None), machine), sa.and_(label_id.is_not(None), analyst))


def _label_options(b: sa.CTE, dim: str, filters: Filters) -> list[tuple[sa.FromClause | None, Any, list[Any], Any, Any]]:
    """Ways one field's values come to a labelled article: (table, join condition, conditions, value, province)."""
    if dim == "pillar":
        ap, lp = PILLAR.alias(), LABEL_PILLAR.alias()

        def only(col: sa.ColumnElement[str]) -> list[Any]:
            return [col.in_(filters.pillars)] if filters.pillars else []

        return [(ap, ap.c.article_id == b.c.id, [b.c.plab.is_(None), *only(ap.c.pillar)], ap.c.pillar, None),
                (lp, lp.c.article_id == b.c.plab, only(lp.c.pillar), lp.c.pillar, None)]
    ac, lc = CITY.alias(), LABEL_CITY.alias()

    def keep(t: sa.FromClause) -> list[Any]:
        return (([t.c.city.in_(filters.cities)] if filters.cities else [])
                + ([t.c.province.in_(filters.provinces)] if filters.provinces else []))

    col = "city" if dim == "city" else "province"
    out: list[tuple[sa.FromClause | None, Any, list[Any], Any, Any]] = [
        (ac, ac.c.article_id == b.c.id, [b.c.clab.is_(None), *keep(ac)], ac.c[col], ac.c.province),
        (lc, lc.c.article_id == b.c.clab, keep(lc), lc.c[col], lc.c.province),
    ]
    if dim == "province":
        main = [b.c.clab.is_(None), b.c.tprov.is_not(None)] + ([b.c.tprov.in_(filters.provinces)] if filters.provinces else [])
        out.append((None, None, main, b.c.tprov, b.c.tprov))
    return out


def labelled_facts(filters: Filters, dialect: str, dims: Sequence[str]) -> list[sa.Select[Any]]:
    """(id, story, outlet, published, v0, ...) for articles a label speaks for: one select per way the values arrive."""
    b = labelled_base(filters, dialect)
    own = [d for d in dims if not (d == "province" and "city" in dims)]  # with city, province is the city's
    combos: list[list[tuple[str, tuple[sa.FromClause | None, Any, list[Any], Any, Any]]]] = [[]]
    for dim in own:
        combos = [c + [(dim, opt)] for c in combos for opt in _label_options(b, dim, filters)]
    out = []
    for combo in combos:
        frm: sa.FromClause = b
        conds: list[Any] = []
        picked = dict(combo)
        for table, on, extra, _, _ in picked.values():
            if table is not None:
                frm = frm.join(table, on)
            conds.extend(extra)
        vals = [picked["city"][4] if d == "province" and "city" in dims else picked[d][3] for d in dims]
        out.append(sa.select(*(b.c[c] for c in FACT_COLUMNS), *(v.label(f"v{i}") for i, v in enumerate(vals)))
                   .select_from(frm).where(*conds))
    return out


def facts(filters: Filters, dialect: str, dims: Sequence[str]) -> sa.Subquery:
    """Every matching (article, field values) row, both halves: what counts and lists are made of."""
    # the view is named in both halves rather than shared as a CTE: SQLite plans the CTE form 3-4x slower
    return sa.union_all(*machine_facts(filters, dialect, dims), *labelled_facts(filters, dialect, dims)).subquery("f")


def anchor_epoch(tz: str, ref: datetime | None) -> int:
    """UTC epoch second of Monday 1970-01-05 00:00 at the zone's offset around ``ref``."""
    try:
        zone = ZoneInfo(tz)
    except (KeyError, ValueError) as exc:
        raise QueryError(f"unknown time zone {tz!r}: use an IANA name such as Asia/Jakarta") from exc
    offset = (ref or datetime.now(UTC)).astimezone(zone).utcoffset() or timedelta(0)
    return int((datetime(1970, 1, 5, tzinfo=UTC) - offset).timestamp())


def week_index(col: sa.ColumnElement[datetime], dialect: str, anchor: int) -> sa.ColumnElement[int]:
    """Whole weeks since the anchor Monday, exact at week boundaries."""
    if dialect == "sqlite":
        secs = sa.cast(sa.func.strftime("%s", col), sa.Integer)
        return (secs - anchor) // WEEK_SECONDS
    return sa.cast(sa.func.floor((sa.func.extract("epoch", col) - anchor) / WEEK_SECONDS), sa.Integer)
