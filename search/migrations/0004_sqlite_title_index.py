"""A second, title-only FTS5 table for the SQLite engine (only on SQLite).

Ranking a common word by bm25 in search_sqlite_fts reads the word's whole
doclist (every item with it anywhere); with 100,000 items that alone takes
longer than a search may. When more items match than the engine ranks in
full, the items with a query word in the title come first, and this table
ranks them from doclists a few words per item long (see
search/engines/sqlite.py). Contentless like search_sqlite_fts; rowid = item id.

An index built before this table existed is copied in from the title
passages, in the form the engine writes (a contentless table's "delete" must
be given exactly the terms that were inserted).
"""

from django.db import migrations

CREATE = """
CREATE VIRTUAL TABLE search_sqlite_title USING fts5(
    title,
    content = '',
    tokenize = 'unicode61 remove_diacritics 0 tokenchars ''_'''
)
"""


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return
    schema_editor.execute(CREATE)
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("SELECT id FROM search_sqlite_item ORDER BY id")
        titles: dict[int, list[str]] = {row[0]: [] for row in cursor.fetchall()}
        cursor.execute("SELECT item_id, terms FROM search_sqlite_passage WHERE field = 'title' ORDER BY id")
        for item_id, terms in cursor.fetchall():
            if item_id in titles:
                titles[item_id].append(terms)
        cursor.executemany(
            "INSERT INTO search_sqlite_title (rowid, title) VALUES (%s, %s)",
            [(item_id, "\n".join(parts)) for item_id, parts in titles.items()],
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return
    schema_editor.execute("DROP TABLE IF EXISTS search_sqlite_title")


class Migration(migrations.Migration):
    dependencies = [("search", "0003_postgres_index")]

    operations = [migrations.RunPython(create, drop)]
