"""Keeping the engine in step with the library.

Database engines are written inside the caller's transaction (a publish and
its index update commit or roll back together); an external engine
(OpenSearch) is written once the transaction has committed.
"""

import logging
from collections.abc import Iterable

from django.db import transaction
from wagtail.models import Page

from .documents import build_document, searchable_pages
from .engines import get_engine

logger = logging.getLogger(__name__)


def _run(action) -> None:
    engine = get_engine()
    if getattr(engine, "transactional", False):
        action(engine)
        return

    def after_commit():
        try:
            action(engine)
        except Exception:  # an unreachable cluster must not break publishing
            logger.exception("Search index update failed; run rebuild_search_index")

    transaction.on_commit(after_commit)


def update_pages(pages: Iterable[Page]) -> None:
    """Index the visible pages among these, remove the others."""
    documents, hidden = [], []
    for page in pages:
        document = build_document(page)
        if document is None:
            hidden.append(page.pk)
        else:
            documents.append(document)

    def apply(engine):
        if hidden:
            engine.delete(hidden)
        if documents:
            engine.index(documents)

    if documents or hidden:
        _run(apply)


def remove_pages(ids: Iterable[int]) -> None:
    ids = list(ids)
    if ids:
        _run(lambda engine: engine.delete(ids))


def update_subtree(page: Page) -> None:
    """A page and everything under it (moves, privacy changes)."""
    update_pages(page.get_descendants(inclusive=True).specific())


def all_documents(progress=None):
    """Index documents of every visible item, for a rebuild."""
    pages = searchable_pages()
    total = pages.count()
    for number, page in enumerate(pages.iterator(chunk_size=200), start=1):
        document = build_document(page)
        if progress:
            progress(number, total)
        if document is not None:
            yield document


def expected_ids() -> set[int]:
    """The ids the index should hold: every visible item."""
    return {page.pk for page in searchable_pages() if build_document(page) is not None}
