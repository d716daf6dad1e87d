"""PostgreSQL engine, second schema (only on PostgreSQL; a no-op elsewhere).

* ``search_pg_generation``: a token per site and locale. Every index write
  replaces the tokens of the sites and locales it touched, in its own
  transaction; each process keeps facet bitmaps in memory per site and
  locale (search/engines/facets.py) and rebuilds them when the token it reads
  differs from the one they were built at. Random tokens, not counters: a
  rolled-back write must never leave a token that a later, different write
  could produce again.
* Lexemes are stored as the analysed terms themselves (quoted in every
  literal) instead of each UTF-8 byte as two letters a–p: vectors and GIN
  indexes about a third smaller, literals half as long to write and parse.
  Existing vectors are re-written here.
* ``search_pg_item.title_vector`` (the title's lexemes, GIN-indexed) replaces
  ``head`` (title, summary, people and topics): "query words in the title
  first" picks the items to score exactly from far fewer rows.
* The GIN index on ``facets`` goes: facet counts and filters never used it.
* ``vocab`` becomes one text, an entry per line: far cheaper to write than a
  text[] of several hundred elements.
* The big columns are compressed with lz4 where the server has it (faster
  to write and to read back than pglz).
"""

from django.db import migrations

# A vector's lexemes re-written: ``raw`` true turns the encoding of 0003 (each
# UTF-8 byte as two letters a–p) into the terms themselves, false back.
LEXEMES = r"""
CREATE FUNCTION pg_temp.search_pg_lexemes(v tsvector, raw boolean) RETURNS tsvector LANGUAGE sql AS $$
SELECT coalesce(string_agg(
    '''' || replace(replace(
        CASE WHEN raw
            THEN convert_from(decode(translate(u.lexeme, 'abcdefghijklmnop', '0123456789abcdef'), 'hex'), 'UTF8')
            ELSE translate(encode(convert_to(u.lexeme, 'UTF8'), 'hex'), '0123456789abcdef', 'abcdefghijklmnop')
        END, '\', '\\'), '''', '''''') || ''''
    || coalesce(':' || (SELECT string_agg(x.p::text || x.w, ',') FROM unnest(u.positions, u.weights) AS x (p, w)), ''),
    ' '), '')::tsvector
FROM unnest(v) AS u
$$
"""

FORWARD = [
    """
    CREATE TABLE search_pg_generation (
        site_id bigint NOT NULL,
        locale text NOT NULL,
        token text NOT NULL,
        PRIMARY KEY (site_id, locale)
    )
    """,
    LEXEMES,
    "UPDATE search_pg_passage SET vector = pg_temp.search_pg_lexemes(vector, true)",
    "UPDATE search_pg_item SET vector = pg_temp.search_pg_lexemes(vector, true)",
    "DROP FUNCTION pg_temp.search_pg_lexemes(tsvector, boolean)",
    "ALTER TABLE search_pg_item ADD COLUMN title_vector tsvector NOT NULL DEFAULT ''",
    """
    UPDATE search_pg_item i SET title_vector = coalesce((
        SELECT search_pg_tsvector_agg(p.vector ORDER BY p.position) FROM search_pg_passage p
        WHERE p.item_id = i.id AND p.field = 'title'
    ), '')
    """,
    "ALTER TABLE search_pg_item ALTER COLUMN title_vector DROP DEFAULT",
    "DROP INDEX IF EXISTS search_pg_item_head",
    "DROP INDEX IF EXISTS search_pg_item_facets",
    "ALTER TABLE search_pg_item DROP COLUMN head",
    "ALTER TABLE search_pg_item ALTER COLUMN vocab TYPE text USING array_to_string(vocab, E'\\n')",
    "CREATE INDEX search_pg_item_title ON search_pg_item USING gin (title_vector)",
]
LZ4 = [
    "ALTER TABLE search_pg_item ALTER COLUMN vector SET COMPRESSION lz4,"
    " ALTER COLUMN title_vector SET COMPRESSION lz4, ALTER COLUMN vocab SET COMPRESSION lz4",
    "ALTER TABLE search_pg_passage ALTER COLUMN text SET COMPRESSION lz4, ALTER COLUMN vector SET COMPRESSION lz4",
]
BACKWARD = [
    "DROP TABLE IF EXISTS search_pg_generation",
    LEXEMES,
    "UPDATE search_pg_passage SET vector = pg_temp.search_pg_lexemes(vector, false)",
    "UPDATE search_pg_item SET vector = pg_temp.search_pg_lexemes(vector, false)",
    "DROP FUNCTION pg_temp.search_pg_lexemes(tsvector, boolean)",
    "ALTER TABLE search_pg_item ALTER COLUMN vocab TYPE text[] USING string_to_array(vocab, E'\\n')",
    "ALTER TABLE search_pg_item ADD COLUMN head tsvector NOT NULL DEFAULT ''",
    """
    UPDATE search_pg_item i SET head = coalesce((
        SELECT search_pg_tsvector_agg(p.vector ORDER BY p.position) FROM search_pg_passage p
        WHERE p.item_id = i.id AND p.field IN ('title', 'summary', 'people', 'topics')
    ), '')
    """,
    "ALTER TABLE search_pg_item ALTER COLUMN head DROP DEFAULT",
    "DROP INDEX IF EXISTS search_pg_item_title",
    "ALTER TABLE search_pg_item DROP COLUMN title_vector",
    "CREATE INDEX search_pg_item_head ON search_pg_item USING gin (head)",
    "CREATE INDEX search_pg_item_facets ON search_pg_item USING gin (facets)",
]


def forward(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for statement in FORWARD:
        schema_editor.execute(statement)
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(
            "SELECT 1 FROM pg_settings WHERE name = 'default_toast_compression' AND 'lz4' = ANY(enumvals)"
        )
        has_lz4 = cursor.fetchone() is not None
    if has_lz4:
        for statement in LZ4:
            schema_editor.execute(statement)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for statement in BACKWARD:
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("search", "0004_sqlite_title_index")]

    operations = [migrations.RunPython(forward, backward)]
