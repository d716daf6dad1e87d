"""The SQLite FTS5 index tables (only on SQLite; a no-op elsewhere)."""

from django.db import migrations


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [migrations.RunPython(create, drop)]
