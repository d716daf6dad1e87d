"""The SQLite FTS5 index tables (only on SQLite; a no-op elsewhere).

Raw tables, not Django models: only search/engines/sqlite.py reads and writes
them (see the module docstring there for what each holds). The FTS5 columns
are search.documents.FIELDS in that order (bm25() weights are given by
position), then ``scope`` (tokens naming the locale and site and the facet
values; "_" is a token character so that no analysed word, which never
holds one, can match them);
tests/search/test_sqlite_engine.py checks they agree.
"""

from django.db import migrations

CREATE = [
    """
    CREATE TABLE search_sqlite_item (
        id INTEGER PRIMARY KEY,
        locale TEXT NOT NULL,
        site_id INTEGER NOT NULL,
        type TEXT NOT NULL,
        day INTEGER NOT NULL,
        url TEXT NOT NULL,
        title TEXT NOT NULL,
        summary TEXT NOT NULL,
        language TEXT NOT NULL,
        provider TEXT NOT NULL
    )
    """,
    "CREATE INDEX search_sqlite_item_browse ON search_sqlite_item (locale, site_id, day DESC, id)",
    # Covering: matching looks up every hit's locale, site and date by id.
    "CREATE INDEX search_sqlite_item_scope ON search_sqlite_item (id, locale, site_id, day)",
    """
    CREATE TABLE search_sqlite_passage (
        id INTEGER PRIMARY KEY,
        item_id INTEGER NOT NULL,
        kind TEXT NOT NULL,
        field TEXT NOT NULL,
        text TEXT NOT NULL,
        terms TEXT NOT NULL,
        start REAL,
        document_id INTEGER,
        document_title TEXT NOT NULL,
        page INTEGER
    )
    """,
    """
    CREATE VIRTUAL TABLE search_sqlite_fts USING fts5(
        title, summary, people, topics, body, transcript, document, scope,
        content = '',
        tokenize = 'unicode61 remove_diacritics 0 tokenchars ''_'''
    )
    """,
    """
    CREATE TABLE search_sqlite_facet_value (
        id INTEGER PRIMARY KEY,
        locale TEXT NOT NULL,
        facet TEXT NOT NULL,
        value TEXT NOT NULL,
        label TEXT NOT NULL,
        UNIQUE (locale, facet, value)
    )
    """,
    """
    CREATE TABLE search_sqlite_facet (
        item_id INTEGER NOT NULL,
        value_id INTEGER NOT NULL,
        facet TEXT NOT NULL,
        label TEXT NOT NULL,
        PRIMARY KEY (item_id, value_id)
    ) WITHOUT ROWID
    """,
    "CREATE INDEX search_sqlite_facet_items ON search_sqlite_facet (value_id, item_id)",
    """
    CREATE TABLE search_sqlite_generation (
        locale TEXT NOT NULL,
        site_id INTEGER NOT NULL,
        token TEXT NOT NULL,
        PRIMARY KEY (locale, site_id)
    ) WITHOUT ROWID
    """,
    """
    CREATE TABLE search_sqlite_vocab (
        locale TEXT NOT NULL,
        site_id INTEGER NOT NULL,
        term TEXT NOT NULL,
        count INTEGER NOT NULL,
        form TEXT NOT NULL,
        cased INTEGER NOT NULL,
        PRIMARY KEY (locale, site_id, term)
    ) WITHOUT ROWID
    """,
    """
    CREATE TABLE search_sqlite_suggest (
        locale TEXT NOT NULL,
        site_id INTEGER NOT NULL,
        key TEXT NOT NULL,
        text TEXT NOT NULL,
        kind INTEGER NOT NULL,
        count INTEGER NOT NULL,
        PRIMARY KEY (locale, site_id, key, text)
    ) WITHOUT ROWID
    """,
]

TABLES = [
    "search_sqlite_suggest",
    "search_sqlite_vocab",
    "search_sqlite_generation",
    "search_sqlite_facet",
    "search_sqlite_facet_value",
    "search_sqlite_fts",
    "search_sqlite_passage",
    "search_sqlite_item",
]


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return
    for statement in CREATE:
        schema_editor.execute(statement)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return
    for table in TABLES:
        schema_editor.execute(f"DROP TABLE IF EXISTS {table}")


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [migrations.RunPython(create, drop)]
