"""views that apply analyst labels over machine tags, and indexes for the analyst queries

Views (same SQL on SQLite and PostgreSQL, handy in Datasette or psql):
  label_scope       for each article under a label: which label decides its relevance, its pillars
                    and its cities. A label speaks for every copy of its story (syndicated copies
                    are one piece of news); for each part, the newest label that sets it wins.
  effective_tag     one row per article: relevance, main pillar, main city, province after labels
  effective_pillar  the pillars of each article after labels
  effective_city    the kabupaten/kota of each article after labels
  coverage          relevant articles with title, date, outlet, link and their effective tags

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-29
"""

from __future__ import annotations

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

LABEL_SCOPE = """
CREATE VIEW label_scope AS
SELECT DISTINCT article_id, relevant_label, pillars_label, cities_label FROM (
  SELECT a.id AS article_id,
    FIRST_VALUE(CASE WHEN l.relevant IS NOT NULL THEN l.article_id END) OVER (
      PARTITION BY a.id ORDER BY CASE WHEN l.relevant IS NOT NULL THEN 0 ELSE 1 END,
      l.labelled_at DESC, l.article_id DESC) AS relevant_label,
    FIRST_VALUE(CASE WHEN l.pillars_set THEN l.article_id END) OVER (
      PARTITION BY a.id ORDER BY CASE WHEN l.pillars_set THEN 0 ELSE 1 END,
      l.labelled_at DESC, l.article_id DESC) AS pillars_label,
    FIRST_VALUE(CASE WHEN l.cities_set THEN l.article_id END) OVER (
      PARTITION BY a.id ORDER BY CASE WHEN l.cities_set THEN 0 ELSE 1 END,
      l.labelled_at DESC, l.article_id DESC) AS cities_label
  FROM label l
  JOIN article la ON la.id = l.article_id
  JOIN article a ON a.id = l.article_id OR (la.story_id IS NOT NULL AND a.story_id = la.story_id)
) ranked
"""

EFFECTIVE_TAG = """
CREATE VIEW effective_tag AS
SELECT a.id AS article_id,
       COALESCE(a.story_id, -a.id) AS story_key,
       COALESCE(lr.relevant, t.relevant) AS relevant,
       CASE WHEN ls.pillars_label IS NOT NULL THEN (
         SELECT lp.pillar FROM label_pillar lp WHERE lp.article_id = ls.pillars_label
         ORDER BY lp.is_main DESC, lp.pillar LIMIT 1) ELSE t.main_pillar END AS main_pillar,
       CASE WHEN ls.cities_label IS NOT NULL THEN (
         SELECT lc.city FROM label_city lc WHERE lc.article_id = ls.cities_label
         ORDER BY lc.is_main DESC, lc.city LIMIT 1) ELSE t.main_city END AS main_city,
       CASE WHEN ls.cities_label IS NOT NULL THEN (
         SELECT lc.province FROM label_city lc WHERE lc.article_id = ls.cities_label
         ORDER BY lc.is_main DESC, lc.city LIMIT 1) ELSE t.province END AS province,
       t.relevance AS relevance,
       t.model_version AS model_version,
       CASE WHEN ls.article_id IS NULL THEN 0 ELSE 1 END AS labelled
FROM article a
LEFT JOIN article_tag t ON t.article_id = a.id
LEFT JOIN label_scope ls ON ls.article_id = a.id
LEFT JOIN label lr ON lr.article_id = ls.relevant_label
"""

EFFECTIVE_PILLAR = """
CREATE VIEW effective_pillar AS
SELECT ap.article_id AS article_id, ap.pillar AS pillar, ap.is_main AS is_main, 'machine' AS origin
FROM article_pillar ap
LEFT JOIN label_scope ls ON ls.article_id = ap.article_id
WHERE ls.pillars_label IS NULL
UNION ALL
SELECT ls.article_id, lp.pillar, lp.is_main, 'analyst'
FROM label_scope ls
JOIN label_pillar lp ON lp.article_id = ls.pillars_label
"""

EFFECTIVE_CITY = """
CREATE VIEW effective_city AS
SELECT ac.article_id AS article_id, ac.city AS city, ac.province AS province, ac.is_main AS is_main,
       'machine' AS origin
FROM article_city ac
LEFT JOIN label_scope ls ON ls.article_id = ac.article_id
WHERE ls.cities_label IS NULL
UNION ALL
SELECT ls.article_id, lc.city, lc.province, lc.is_main, 'analyst'
FROM label_scope ls
JOIN label_city lc ON lc.article_id = ls.cities_label
"""

COVERAGE = """
CREATE VIEW coverage AS
SELECT a.id AS article_id, e.story_key AS story_key, a.published AS published,
       COALESCE(NULLIF(a.outlet, ''), s.name) AS outlet, a.title AS title, a.canonical_url AS url,
       e.main_pillar AS main_pillar, e.main_city AS main_city, e.province AS province
FROM article a
JOIN effective_tag e ON e.article_id = a.id
JOIN source s ON s.id = a.source_id
WHERE e.relevant
"""

VIEWS = ("coverage", "effective_city", "effective_pillar", "effective_tag", "label_scope")


def upgrade() -> None:
    # plain CREATE INDEX (no batch copy: rebuilding article would drop the FTS triggers of 0002)
    op.create_index("ix_article_coverage", "article", ["published", "story_id", "source_id", "outlet"], unique=False)
    op.create_index("ix_article_city_province", "article_city", ["province"], unique=False)
    for sql in (LABEL_SCOPE, EFFECTIVE_TAG, EFFECTIVE_PILLAR, EFFECTIVE_CITY, COVERAGE):
        op.execute(sql)


def downgrade() -> None:
    for view in VIEWS:
        op.execute(f"DROP VIEW IF EXISTS {view}")
    op.drop_index("ix_article_city_province", table_name="article_city")
    op.drop_index("ix_article_coverage", table_name="article")
