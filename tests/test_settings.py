"""Production settings refuse to start without what they need, and pass
Django's deployment checklist when it is given."""

import os
import subprocess
import sys
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "kbtu_portal.settings.production",
    "SECRET_KEY": "a-long-random-production-secret-key-for-the-deploy-check-0123456789",
    "ALLOWED_HOSTS": "library.example.org",
    "DATABASE_URL": "sqlite:////tmp/kbtu-deploy-check.sqlite3",
}


def run_manage(*args, env):
    # Test-run variables (another database, async-unsafe mode for browser
    # tests) must not leak into the production checks.
    leave_out = {*PRODUCTION_ENV, "TEST_DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    clean = {key: value for key, value in os.environ.items() if key not in leave_out}
    return subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_refuses_to_start_without_a_secret_key():
    env = {**PRODUCTION_ENV, "SECRET_KEY": ""}
    result = run_manage("check", env=env)
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    result = run_manage("check", env={**PRODUCTION_ENV, "ALLOWED_HOSTS": ""})
    assert result.returncode != 0
    assert "ALLOWED_HOSTS must be set" in result.stderr


def test_production_passes_the_deployment_checklist():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_base_settings_are_safe_on_their_own():
    from kbtu_portal.settings import base

    assert base.DEBUG is False
    from_environment = os.environ.get("SECRET_KEY", "")
    assert from_environment == base.SECRET_KEY
