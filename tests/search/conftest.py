import os
import uuid

import pytest
from django.db import connection

from search.engines import create_engine, database_engine_name

from .corpus import corpus


def engine_names() -> list[str]:
    """The database's own engine (SQLite FTS5 or PostgreSQL, whichever this
    run's database is; `make test` runs both) and OpenSearch (osmem, or the
    cluster named by SEARCH_TEST_URL)."""
    return [database_engine_name(), "opensearch"]


def pytest_generate_tests(metafunc):
    if "engine_name" in metafunc.fixturenames:
        metafunc.parametrize("engine_name", engine_names())


@pytest.fixture
def opensearch_url(request):
    return os.environ.get("SEARCH_TEST_URL") or request.getfixturevalue("osmem_clone").url


@pytest.fixture
def engine(engine_name, db, request):
    """An empty engine; cases it cannot do are marked as known differences."""
    if engine_name == "opensearch":
        url = request.getfixturevalue("opensearch_url")
        instance = create_engine("opensearch", url=url, index_prefix=f"test-{uuid.uuid4().hex[:8]}")
    else:
        instance = create_engine(engine_name)
    case = request.node.originalname
    if case in instance.known_differences:
        request.node.add_marker(pytest.mark.xfail(reason=instance.known_differences[case], strict=True))
    instance.clear()
    yield instance
    instance.clear()
    if hasattr(instance, "drop"):
        instance.drop()


@pytest.fixture
def filled(engine):
    engine.index(corpus())
    return engine


def vendor() -> str:
    return connection.vendor
