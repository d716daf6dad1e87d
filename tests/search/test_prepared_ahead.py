"""search.engines.base.prepared_ahead: batches in order, whoever prepares them."""

import os
import pickle

import pytest

from search.bench.corpus import document as bench_document
from search.documents import IndexDocument, Passage
from search.engines import base
from search.engines.base import prepared_ahead


def tagged(batch: list[int]) -> tuple[int, list[int]]:
    """The batch, with the process that prepared it."""
    return os.getpid(), batch


@pytest.mark.parametrize("processes", [False, True])
def test_batches_come_back_in_order_with_a_smaller_first_one(processes, monkeypatch):
    monkeypatch.setattr(base.os, "cpu_count", lambda: 4)
    prepared = list(prepared_ahead(tagged, iter(range(10)), 4, ahead=2, processes=processes, first=3))
    assert [batch for _, batch in prepared] == [[0, 1, 2], [3, 4, 5, 6], [7, 8, 9]]
    preparers = {pid for pid, _ in prepared}
    assert (os.getpid() not in preparers) is processes  # threads run in this process


def test_one_batch_is_prepared_by_the_caller(monkeypatch):
    monkeypatch.setattr(base, "ThreadPoolExecutor", None)  # would fail if a pool were made
    monkeypatch.setattr(base, "ProcessPoolExecutor", None)
    assert list(prepared_ahead(tagged, [1, 2], 5, ahead=2)) == [(os.getpid(), [1, 2])]
    assert list(prepared_ahead(tagged, [], 5, ahead=2, first=1)) == []


def test_processes_on_one_core_fall_back_to_the_caller(monkeypatch):
    monkeypatch.setattr(base.os, "cpu_count", lambda: 1)
    monkeypatch.setattr(base, "ProcessPoolExecutor", None)
    prepared = list(prepared_ahead(tagged, range(5), 2, ahead=2, processes=True))
    assert prepared == [(os.getpid(), [0, 1]), (os.getpid(), [2, 3]), (os.getpid(), [4])]


def test_documents_reach_worker_processes_whole():
    """Documents are pickled by their fields' values (documents.__reduce__):
    every field, None and empty values included, comes back."""
    document = bench_document(7)
    document.passages.append(Passage("document", "document", "стр. 2", None, 11, "Отчёт", 2))
    document.passages.append(Passage("transcript", "transcript", "", 12.5))
    copy = pickle.loads(pickle.dumps(document, protocol=pickle.HIGHEST_PROTOCOL))  # noqa: S301 (its own bytes)
    assert isinstance(copy, IndexDocument)
    assert copy == document  # dataclass equality: every field, passages included
    assert copy.passages[-2].document_title == "Отчёт" and copy.passages[-1].start == 12.5
