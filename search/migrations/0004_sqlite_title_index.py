"""A second, title-only FTS5 table for the SQLite engine (only on SQLite).

Ranking a common word by bm25 in search_sqlite_fts reads the word's whole
doclist (every item with it anywhere); with 100,000 items that alone takes
longer than a search may. When more items match than the engine ranks in
full, the items with a query word in the title come first, and this table
ranks them from doclists a few words per item long (see
search/engines/sqlite.py). Contentless like search_sqlite_fts; rowid = item id.
"""

from django.db import migrations


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return
    schema_editor.execute(
        "CREATE VIRTUAL TABLE search_sqlite_title USING fts5("
        "title, content = '', tokenize = 'unicode61 remove_diacritics 0 tokenchars ''_''')"
    )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return
    schema_editor.execute("DROP TABLE IF EXISTS search_sqlite_title")


class Migration(migrations.Migration):
    dependencies = [("search", "0003_postgres_index")]

    operations = [migrations.RunPython(create, drop)]
