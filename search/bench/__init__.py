"""Search benchmarks: a generated multilingual corpus (``corpus``), a fixed
query mix (``queries``), the runner that times every engine and Wagtail's
database search on it (``runner``), and a BEIR-layout collection generator
for the relevance evaluation's tests (``collection``).

Nothing here runs in ``make test``; ``make bench-search`` runs it.
"""
