"""search.engines.base.prepared_ahead: batches in order, whoever prepares them."""

import gc
import importlib
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


def collector_enabled(batch: list[int]) -> bool:
    return gc.isenabled()


def test_worker_processes_run_without_the_cyclic_collector(monkeypatch):
    monkeypatch.setattr(base.os, "cpu_count", lambda: 2)
    assert list(prepared_ahead(collector_enabled, range(4), 2, ahead=1, processes=True)) == [False, False]
    assert gc.isenabled()  # the caller's process keeps it
    assert list(prepared_ahead(collector_enabled, range(4), 2, ahead=1)) == [True, True]  # a thread


@pytest.mark.parametrize("engine", ["postgres", "sqlite"])
def test_prepared_batches_hold_no_reference_cycles(engine):
    """What lets worker processes turn the cyclic collector off: reference
    counting alone frees everything prepare_batch makes."""
    prepare_batch = importlib.import_module(f"search.engines.{engine}").prepare_batch
    documents = [bench_document(number) for number in range(1, 41)]
    documents[0].passages.append(Passage("document", "document", "стр. 2", None, 11, "Отчёт", 2))
    prepare_batch(documents)  # caches filled once
    gc.collect()
    gc.disable()
    try:
        del documents[:20]  # documents and their batch become garbage together
        batch = prepare_batch(documents)
        del batch, documents
        assert gc.collect() == 0
    finally:
        gc.enable()
