"""views that apply analyst labels over machine tags, and indexes for the analyst queries

Views (same SQL on SQLite and PostgreSQL, handy in Datasette or psql):
  label_scope       the label that governs each labelled article: its own, else the newest label
                    on another copy of its story (syndicated copies are one piece of news)
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
SELECT article_id, label_article_id FROM (
  SELECT a.id AS article_id, l.article_id AS label_article_id,
         ROW_NUMBER() OVER (
           PARTITION BY a.id
           ORDER BY CASE WHEN a.id = l.article_id THEN 0 ELSE 1 END, l.labelled_at DESC, l.article_id DESC
         ) AS rn
  FROM label l
  JOIN article la ON la.id = l.article_id
  JOIN article a ON a.id = l.article_id OR (la.story_id IS NOT NULL AND a.story_id = la.story_id)
) ranked
WHERE rn = 1
"""

EFFECTIVE_TAG = """
CREATE VIEW effective_tag AS
SELECT a.id AS article_id,
       COALESCE(a.story_id, -a.id) AS story_key,
       COALESCE(l.relevant, t.relevant) AS relevant,
       CASE WHEN l.pillars_set THEN (
         SELECT lp.pillar FROM label_pillar lp WHERE lp.article_id = l.article_id
         ORDER BY lp.is_main DESC, lp.pillar LIMIT 1) ELSE t.main_pillar END AS main_pillar,
       CASE WHEN l.cities_set THEN (
         SELECT lc.city FROM label_city lc WHERE lc.article_id = l.article_id
         ORDER BY lc.is_main DESC, lc.city LIMIT 1) ELSE t.main_city END AS main_city,
       CASE WHEN l.cities_set THEN (
         SELECT lc.province FROM label_city lc WHERE lc.article_id = l.article_id
         ORDER BY lc.is_main DESC, lc.city LIMIT 1) ELSE t.province END AS province,
       t.relevance AS relevance,
       t.model_version AS model_version,
       ls.label_article_id AS label_article_id
FROM article a
LEFT JOIN article_tag t ON t.article_id = a.id
LEFT JOIN label_scope ls ON ls.article_id = a.id
LEFT JOIN label l ON l.article_id = ls.label_article_id
"""

EFFECTIVE_PILLAR = """
CREATE VIEW effective_pillar AS
SELECT ap.article_id AS article_id, ap.pillar AS pillar, ap.is_main AS is_main, 'machine' AS origin
FROM article_pillar ap
LEFT JOIN label_scope ls ON ls.article_id = ap.article_id
LEFT JOIN label l ON l.article_id = ls.label_article_id
WHERE l.pillars_set IS NULL OR NOT l.pillars_set
UNION ALL
SELECT ls.article_id, lp.pillar, lp.is_main, 'analyst'
FROM label_scope ls
JOIN label l ON l.article_id = ls.label_article_id
JOIN label_pillar lp ON lp.article_id = l.article_id
WHERE l.pillars_set
"""

EFFECTIVE_CITY = """
CREATE VIEW effective_city AS
SELECT ac.article_id AS article_id, ac.city AS city, ac.province AS province, ac.is_main AS is_main,
       'machine' AS origin
FROM article_city ac
LEFT JOIN label_scope ls ON ls.article_id = ac.article_id
LEFT JOIN label l ON l.article_id = ls.label_article_id
WHERE l.cities_set IS NULL OR NOT l.cities_set
UNION ALL
SELECT ls.article_id, lc.city, lc.province, lc.is_main, 'analyst'
FROM label_scope ls
JOIN label l ON l.article_id = ls.label_article_id
JOIN label_city lc ON lc.article_id = l.article_id
WHERE l.cities_set
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
