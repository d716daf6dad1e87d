"""WSGI entry point for gunicorn: ``gunicorn kbtu_portal.wsgi``."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kbtu_portal.settings.production")

application = get_wsgi_application()
