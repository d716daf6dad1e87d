from django.core.management.base import BaseCommand, CommandError

from search.engines import ENGINE_CLASSES, create_engine, database_engine_name, get_engine
from search.indexing import expected_ids


class Command(BaseCommand):
    help = "Report what each search engine holds, and anything out of step with the library."

    def add_arguments(self, parser):
        parser.add_argument(
            "--engine", action="append", choices=sorted(ENGINE_CLASSES), help="Engines to check (repeatable)."
        )
        parser.add_argument("--url", help="OpenSearch/Elasticsearch address, for --engine opensearch")

    def handle(self, *args, **options):
        engines = []
        for name in options["engine"] or []:
            try:
                engines.append(
                    create_engine(
                        name, **({"url": options["url"]} if options["url"] and name == "opensearch" else {})
                    )
                )
            except (ValueError, ImportError) as error:
                raise CommandError(str(error)) from error
        if not engines:
            engines = [get_engine()]
        expected = expected_ids()
        self.stdout.write(
            f"Library: {len(expected)} visible items (database engine here: {database_engine_name()})."
        )
        out_of_step = False
        for engine in engines:
            health = engine.health()
            if not health.get("ok"):
                self.stdout.write(self.style.ERROR(f"{engine.name}: not answering ({health.get('error')})"))
                out_of_step = True
                continue
            indexed = engine.indexed_ids()
            missing, stale = expected - indexed, indexed - expected
            line = (
                f"{engine.name}: {len(indexed)} indexed, {len(missing)} missing, "
                f"{len(stale)} that should not be there"
            )
            if missing or stale:
                out_of_step = True
                self.stdout.write(self.style.WARNING(line))
                if missing:
                    self.stdout.write(f"  missing: {sorted(missing)[:20]}")
                if stale:
                    self.stdout.write(f"  stale: {sorted(stale)[:20]}")
            else:
                self.stdout.write(self.style.SUCCESS(line + " — in step."))
        if out_of_step:
            self.stdout.write("Run `manage.py rebuild_search_index` to bring the index in step.")
