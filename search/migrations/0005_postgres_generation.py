"""A generation token per site and locale for the PostgreSQL engine (only on
PostgreSQL; a no-op elsewhere).

Every index write replaces the tokens of the sites and locales it touched,
in its own transaction; each process keeps facet bitmaps in memory per site
and locale (search/engines/facets.py) and rebuilds them when the token it
reads differs from the one they were built at. Random tokens, not counters:
a rolled-back write must never leave a token that a later, different write
could produce again.

Also: the big columns (vectors, passage text) compressed with lz4 where the
server has it (faster to write and to read back than pglz).
"""

from django.db import migrations

CREATE = """
CREATE TABLE search_pg_generation (
    site_id bigint NOT NULL,
    locale text NOT NULL,
    token text NOT NULL,
    PRIMARY KEY (site_id, locale)
)
"""
LZ4 = [
    "ALTER TABLE search_pg_item ALTER COLUMN vector SET COMPRESSION lz4, ALTER COLUMN head SET COMPRESSION lz4",
    "ALTER TABLE search_pg_passage ALTER COLUMN text SET COMPRESSION lz4,"
    " ALTER COLUMN vector SET COMPRESSION lz4",
]


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(CREATE)
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(
            "SELECT 1 FROM pg_settings WHERE name = 'default_toast_compression' AND 'lz4' = ANY(enumvals)"
        )
        has_lz4 = cursor.fetchone() is not None
    if has_lz4:
        for statement in LZ4:
            schema_editor.execute(statement)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("DROP TABLE IF EXISTS search_pg_generation")


class Migration(migrations.Migration):
    dependencies = [("search", "0004_sqlite_title_index")]

    operations = [migrations.RunPython(create, drop)]
