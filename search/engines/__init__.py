"""Choosing the engine: ``SEARCH_ENGINE`` in settings (or the environment)
names it; ``auto`` takes the database's own full-text search.

    SEARCH_ENGINE=sqlite       FTS5 tables in the SQLite database
    SEARCH_ENGINE=postgres     tsvector/GIN tables in the PostgreSQL database
    SEARCH_ENGINE=opensearch   OpenSearch or Elasticsearch at SEARCH_URL
"""

from django.conf import settings
from django.db import connection
from django.utils.module_loading import import_string

from .base import SearchEngine

ENGINE_CLASSES = {
    "sqlite": "search.engines.sqlite.SQLiteEngine",
    "postgres": "search.engines.postgres.PostgresEngine",
    "opensearch": "search.engines.opensearch.OpenSearchEngine",
}
DATABASE_ENGINES = {"sqlite": "sqlite", "postgresql": "postgres"}

_engine: SearchEngine | None = None


def database_engine_name() -> str:
    """The engine that lives in the current database."""
    return DATABASE_ENGINES[connection.vendor]


def create_engine(name: str, **options) -> SearchEngine:
    if name == "auto":
        name = database_engine_name()
    if name not in ENGINE_CLASSES:
        raise ValueError(f"Unknown search engine {name!r}; choose one of {', '.join(ENGINE_CLASSES)}.")
    if name == "opensearch":
        options.setdefault("url", settings.SEARCH_URL)
        options.setdefault("index_prefix", settings.SEARCH_INDEX_PREFIX)
    return import_string(ENGINE_CLASSES[name])(**options)


def get_engine() -> SearchEngine:
    """The engine the site uses, created once per process."""
    global _engine
    if _engine is None:
        _engine = create_engine(settings.SEARCH_ENGINE)
    return _engine


def set_engine(engine: SearchEngine | None) -> None:
    """Replace the process's engine (tests; a rebuild into another engine)."""
    global _engine
    _engine = engine
