"""Settings for the test suite: fast, isolated, no network."""

import tempfile

from .base import *  # noqa: F403
from .base import TASKS

SECRET_KEY = "test-only-key"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="kbtu-test-media-"))  # noqa: F405
STATIC_ROOT = Path(tempfile.mkdtemp(prefix="kbtu-test-static-"))  # noqa: F405
TASKS["default"]["BACKEND"] = "django_tasks.backends.immediate.ImmediateBackend"
# Tests may set a database through TEST_DATABASE_URL (PostgreSQL in CI).
if os.environ.get("TEST_DATABASE_URL"):  # noqa: F405
    DATABASES = {"default": dj_database_url.parse(os.environ["TEST_DATABASE_URL"])}  # noqa: F405

# Immediate tasks log every run at INFO; keep test output to what matters.
LOGGING = {**LOGGING, "loggers": {**LOGGING["loggers"], "django_tasks": {"level": "WARNING"}}}  # noqa: F405

# Uploaded media served by Django itself, with byte ranges so players can seek.
SERVE_MEDIA = True
