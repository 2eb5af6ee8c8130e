"""The weekly digest as data: ``build_weekly(runner, week, options=...) -> Digest``; no rendering here.

Weeks are ISO weeks in ``WeeklyOptions.timezone`` (Asia/Jakarta by default). Every figure counts
stories through ``storage.queries`` (syndicated copies once, analyst labels first, relevant only).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from storage.queries import (
    PILLARS,
    CoverageRow,
    Filters,
    GroupCount,
    StoryRow,
    article_rows,
    city_province,
    count_stories,
    list_stories,
)

WEEK_TEXT = re.compile(r"^\s*(\d{4})-?[Ww](\d{1,2})\s*$")


class WeekError(ValueError):
    """A week the digest cannot be made for; the message shows the expected form."""


@dataclass(frozen=True, order=True)
class IsoWeek:
    """An ISO week (Monday to Sunday), e.g. 2022-W40."""

    year: int
    week: int

    @classmethod
    def parse(cls, text: str) -> IsoWeek:
        """"2022-W40" (also "2022W40", "2022-w40")."""
        m = WEEK_TEXT.match(text)
        if not m:
            raise WeekError(f"week {text!r}: write it as YEAR-Wnn, e.g. 2022-W40")
        year, week = int(m.group(1)), int(m.group(2))
        try:
            date.fromisocalendar(year, week, 1)
        except ValueError:
            raise WeekError(f"week {text!r}: {year} has no ISO week {week} (weeks run 1 to 52 or 53)") from None
        return cls(year, week)

    @classmethod
    def containing(cls, when: datetime, tz: str) -> IsoWeek:
        """The week ``when`` falls in, in zone ``tz``."""
        year, week, _ = when.astimezone(ZoneInfo(tz)).isocalendar()
        return cls(year, week)

    @property
    def monday(self) -> date:
        return date.fromisocalendar(self.year, self.week, 1)

    def start(self, tz: str) -> datetime:
        """Monday 00:00 in ``tz``."""
        return datetime.combine(self.monday, datetime.min.time(), tzinfo=ZoneInfo(tz))

    def end(self, tz: str) -> datetime:
        """The next Monday 00:00 in ``tz`` (exclusive)."""
        return datetime.combine(self.monday + timedelta(days=7), datetime.min.time(), tzinfo=ZoneInfo(tz))

    def shift(self, weeks: int) -> IsoWeek:
        """The week ``weeks`` later (negative: earlier)."""
        year, week, _ = (self.monday + timedelta(weeks=weeks)).isocalendar()
        return IsoWeek(year, week)

    def __str__(self) -> str:
        return f"{self.year}-W{self.week:02d}"


@dataclass(frozen=True)
class WeeklyOptions:
    """How the digest is cut; the defaults are what a Diskominfo office reads."""

    timezone: str = "Asia/Jakarta"
    top_stories: int = 10
    top_cities: int = 10
    heatmap_cities: int = 12
    trend_weeks: int = 8
    new_lookback_weeks: int = 4  # a place is "new" with no story in this many weeks before
    rising_min: int = 2  # a place is "rising" with at least this many more stories than last week
    listed_places: int = 8  # new / rising places listed
    outlets: int = 15


@dataclass(frozen=True)
class PillarLine:
    pillar: str
    stories: int
    previous: int


@dataclass(frozen=True)
class CityLine:
    city: str
    province: str | None
    stories: int
    previous: int
    articles: int = 0
    outlets: int = 0


@dataclass(frozen=True)
class OutletLine:
    outlet: str
    stories: int
    articles: int


@dataclass(frozen=True)
class TrendPoint:
    week: str
    stories: int


@dataclass(frozen=True)
class CityFocus:
    """The ``--city`` section: the place's stories per pillar and how it compares."""

    city: str
    province: str | None
    stories: int
    previous: int
    pillars: tuple[PillarLine, ...]
    province_stories: int
    province_previous: int
    rank: int | None  # among places of the province with stories this week
    peers: tuple[CityLine, ...]  # places of the same province, most stories first
    top_stories: tuple[StoryRow, ...]


@dataclass(frozen=True)
class Digest:
    """Everything a weekly digest shows, computed once; renderers only format it."""

    week: IsoWeek
    timezone: str
    start: datetime
    end: datetime
    stories: int
    previous_stories: int
    articles: int
    outlet_count: int
    city_count: int
    pillars: tuple[PillarLine, ...]
    cities: tuple[CityLine, ...]
    heatmap_cities: tuple[str, ...]
    heatmap: tuple[tuple[int, ...], ...]  # heatmap_cities x PILLARS
    trend: tuple[TrendPoint, ...]
    top_stories: tuple[StoryRow, ...]
    new_cities: tuple[CityLine, ...]
    rising_cities: tuple[CityLine, ...]
    outlets: tuple[OutletLine, ...]
    focus: CityFocus | None = None
    rows: tuple[CoverageRow, ...] = field(default=(), repr=False)

    @property
    def empty(self) -> bool:
        """No Smart City story this week."""
        return self.stories == 0

    @property
    def last_day(self) -> date:
        return (self.end - timedelta(days=1)).date()


def _by_key(counts: list[GroupCount]) -> dict[str | None, GroupCount]:
    return {c.keys[0]: c for c in counts}


def build_weekly(
    runner: object,
    week: IsoWeek,
    *,
    options: WeeklyOptions = WeeklyOptions(),
    city: str | None = None,
    province: str | None = None,
    include_rows: bool = False,
) -> Digest:
    """The digest of ``week``; ``city`` adds a focus section (its province looked up when not given)."""
    tz = options.timezone
    start, end = week.start(tz), week.end(tz)
    this = Filters(since=start, until=end)
    last = Filters(since=week.shift(-1).start(tz), until=start)
    total = count_stories(runner, this, tz=tz)[0]
    before = count_stories(runner, last, tz=tz)[0]
    p_now = _by_key(count_stories(runner, this, group_by=["pillar"], tz=tz))
    p_before = _by_key(count_stories(runner, last, group_by=["pillar"], tz=tz))
    pillars = tuple(PillarLine(p, _n(p_now, p), _n(p_before, p)) for p in PILLARS)
    c_now = count_stories(runner, this, group_by=["city"], tz=tz)
    c_before = _by_key(count_stories(runner, last, group_by=["city"], tz=tz))
    provinces = _provinces(runner, this)
    lines = [CityLine(str(c.keys[0]), provinces.get(str(c.keys[0])), c.stories, _n(c_before, c.keys[0]), c.articles,
                      c.outlets) for c in c_now]
    earlier = Filters(since=week.shift(-options.new_lookback_weeks).start(tz), until=start)
    seen_before = {c.keys[0] for c in count_stories(runner, earlier, group_by=["city"], tz=tz)}
    new = tuple(line for line in lines if line.city not in seen_before)[: options.listed_places]
    rising = sorted((line for line in lines if line.city in seen_before and line.stories - line.previous >= options.rising_min),
                    key=lambda line: (line.previous - line.stories, line.city))
    heat_cities = tuple(line.city for line in lines[: options.heatmap_cities])
    grid: dict[tuple[str, str], int] = {}
    if heat_cities:
        for c in count_stories(runner, Filters(since=start, until=end, cities=heat_cities), group_by=["city", "pillar"], tz=tz):
            grid[(str(c.keys[0]), str(c.keys[1]))] = c.stories
    trend_from = week.shift(-(options.trend_weeks - 1))
    weekly = _by_key(count_stories(runner, Filters(since=trend_from.start(tz), until=end), group_by=["week"], tz=tz))
    trend = tuple(TrendPoint(str(w), _n(weekly, str(w))) for w in (trend_from.shift(i) for i in range(options.trend_weeks)))
    outlets = tuple(OutletLine(str(c.keys[0]), c.stories, c.articles)
                    for c in count_stories(runner, this, group_by=["outlet"], tz=tz))
    focus = _focus(runner, city, province, this, last, options) if city else None
    return Digest(
        week=week, timezone=tz, start=start, end=end,
        stories=total.stories, previous_stories=before.stories, articles=total.articles, outlet_count=total.outlets,
        city_count=len(lines), pillars=pillars, cities=tuple(lines[: options.top_cities]),
        heatmap_cities=heat_cities, heatmap=tuple(tuple(grid.get((c, p), 0) for p in PILLARS) for c in heat_cities),
        trend=trend, top_stories=tuple(list_stories(runner, this, order="reach", limit=options.top_stories)),
        new_cities=new, rising_cities=tuple(rising[: options.listed_places]), outlets=outlets[: options.outlets],
        focus=focus, rows=tuple(article_rows(runner, this)) if include_rows else (),
    )


def _n(counts: dict[str | None, GroupCount], key: str | None) -> int:
    found = counts.get(key)
    return found.stories if found else 0


def _provinces(runner: object, filters: Filters) -> dict[str, str]:
    """Province of each place in the period (from the same rows the counts use)."""
    out: dict[str, str] = {}
    for c in count_stories(runner, filters, group_by=["city", "province"]):
        out.setdefault(str(c.keys[0]), str(c.keys[1]))
    return out


def _focus(runner: object, city: str, province: str | None, this: Filters, last: Filters, options: WeeklyOptions) -> CityFocus:
    tz = options.timezone
    province = province or city_province(runner, city)
    mine = Filters(since=this.since, until=this.until, cities=(city,))
    mine_before = Filters(since=last.since, until=last.until, cities=(city,))
    now = count_stories(runner, mine, tz=tz)[0].stories
    before = count_stories(runner, mine_before, tz=tz)[0].stories
    p_now = _by_key(count_stories(runner, mine, group_by=["pillar"], tz=tz))
    p_before = _by_key(count_stories(runner, mine_before, group_by=["pillar"], tz=tz))
    pillars = tuple(PillarLine(p, _n(p_now, p), _n(p_before, p)) for p in PILLARS)
    prov_now = prov_before = 0
    peers: tuple[CityLine, ...] = ()
    rank = None
    if province:
        in_prov = Filters(since=this.since, until=this.until, provinces=(province,))
        in_prov_before = Filters(since=last.since, until=last.until, provinces=(province,))
        prov_now = count_stories(runner, in_prov, tz=tz)[0].stories
        prov_before = count_stories(runner, in_prov_before, tz=tz)[0].stories
        before_by_city = _by_key(count_stories(runner, in_prov_before, group_by=["city"], tz=tz))
        peers = tuple(CityLine(str(c.keys[0]), province, c.stories, _n(before_by_city, c.keys[0]), c.articles, c.outlets)
                      for c in count_stories(runner, in_prov, group_by=["city"], tz=tz))
        ranked = [p.city for p in peers]
        rank = ranked.index(city) + 1 if city in ranked else None
    stories = tuple(list_stories(runner, mine, order="reach", limit=5))
    return CityFocus(city, province, now, before, pillars, prov_now, prov_before, rank, peers, stories)
