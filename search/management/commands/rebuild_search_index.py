import time

from django.core.management.base import BaseCommand, CommandError

from search.engines import create_engine, get_engine
from search.indexing import all_documents


class Command(BaseCommand):
    help = "Rebuild the library search index from every live, public item."

    def add_arguments(self, parser):
        parser.add_argument(
            "--engine", help="sqlite, postgres or opensearch (default: the configured SEARCH_ENGINE)"
        )
        parser.add_argument("--url", help="OpenSearch/Elasticsearch address, for --engine opensearch")

    def handle(self, *args, **options):
        try:
            if options["engine"]:
                extra = {"url": options["url"]} if options["url"] else {}
                engine = create_engine(options["engine"], **extra)
            else:
                engine = get_engine()
        except (ValueError, ImportError) as error:
            raise CommandError(str(error)) from error
        started = time.perf_counter()
        try:
            count = engine.rebuild(all_documents(progress=self.progress))
        except Exception as error:
            raise CommandError(f"The {engine.name} index could not be rebuilt: {error}") from error
        self.stdout.write("")
        elapsed = time.perf_counter() - started
        self.stdout.write(self.style.SUCCESS(f"{engine.name}: indexed {count} items in {elapsed:.1f} s."))

    def progress(self, done: int, total: int) -> None:
        width = 30
        filled = int(width * done / total) if total else width
        bar = "#" * filled + "-" * (width - filled)
        self.stdout.write(f"\r[{bar}] {done}/{total}", ending="")
        self.stdout.flush()
