import os
import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from library.demo.loader import DemoLoader

ADMIN_USERNAME = "admin"


class Command(BaseCommand):
    help = (
        "Load the sample WeAlmaty library (Russian with English translations). "
        "Safe to run again: existing content is left untouched."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--no-admin", action="store_true", help="Do not create or print the demo admin login."
        )
        parser.add_argument(
            "--site-url",
            default="http://127.0.0.1:8000",
            help="where the site will be served, for the admin link printed (default: %(default)s)",
        )

    def handle(self, *args, **options):
        try:
            report = DemoLoader().load()
        except Exception as error:
            raise CommandError(f"The demo library could not be loaded: {error}") from error
        if report.created:
            for line in report.created:
                self.stdout.write(f"  + {line}")
            self.stdout.write(self.style.SUCCESS(f"Demo library loaded: {len(report.created)} new objects."))
        else:
            self.stdout.write(self.style.SUCCESS("Demo library already loaded: nothing to change."))
        if not options["no_admin"]:
            self.ensure_admin(options["site_url"].rstrip("/"))

    def ensure_admin(self, site_url: str):
        """A superuser for trying the admin, with its password kept in var/.

        The password is generated once and stored next to the database so
        every run can print it; set DEMO_ADMIN_PASSWORD to choose it.
        """
        password_file = settings.VAR_DIR / "demo-admin-password.txt"
        password = os.environ.get("DEMO_ADMIN_PASSWORD")
        if not password and password_file.exists():
            password = password_file.read_text().strip()
        User = get_user_model()
        user = User.objects.filter(username=ADMIN_USERNAME).first()
        if user is None or not password or not user.check_password(password):
            password = password or secrets.token_urlsafe(12)
            if user is None:
                user = User.objects.create_superuser(ADMIN_USERNAME, "admin@example.org", password)
            else:
                user.set_password(password)
                user.save(update_fields=["password"])
            password_file.parent.mkdir(parents=True, exist_ok=True)
            password_file.write_text(password + "\n")
            password_file.chmod(0o600)
        self.stdout.write(
            self.style.SUCCESS(
                f"Admin login: {site_url}/admin/  user: {ADMIN_USERNAME}  password: {password}"
            )
        )
