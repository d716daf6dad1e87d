"""The PostgreSQL full-text index tables (only on PostgreSQL; a no-op elsewhere)."""

from django.db import migrations


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return


class Migration(migrations.Migration):
    dependencies = [("search", "0002_sqlite_index")]

    operations = [migrations.RunPython(create, drop)]
