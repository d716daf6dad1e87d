"""Local development: debug pages, a throwaway key, tasks run inline."""

from .base import *  # noqa: F403
from .base import TASKS, env_list

DEBUG = True
SECRET_KEY = os.environ.get(  # noqa: F405
    "SECRET_KEY", "dev-only-insecure-key-never-use-in-production"
)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
# One process for `make demo`: extraction runs inline, no worker to start.
TASKS["default"]["BACKEND"] = os.environ.get(  # noqa: F405
    "TASKS_BACKEND", "django_tasks.backends.immediate.ImmediateBackend"
)

# The embedded SQLite database and uploads live under var/.
VAR_DIR.mkdir(parents=True, exist_ok=True)  # noqa: F405

# Uploaded media served by Django itself, with byte ranges so players can seek.
SERVE_MEDIA = True
