"""Browser tests drive Debian's chromium through Playwright (no browser
download). CI installs chromium and sets REQUIRE_BROWSER=1, so a missing
browser fails there instead of being skipped."""

import os
import shutil

import pytest

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def browser():
    if not shutil.which(CHROMIUM):
        if os.environ.get("REQUIRE_BROWSER"):
            pytest.fail(f"chromium is required for browser tests but {CHROMIUM} is missing")
        pytest.skip(f"chromium not installed at {CHROMIUM} (CI installs it and requires these tests)")
    # Playwright's sync API runs an event loop; the ORM calls in the test body
    # are still plain synchronous ones.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield instance
        instance.close()
    if previous is None:
        os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    else:
        os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture(scope="session", autouse=True)
def media_through_the_site():
    """Django's live server answers /media/ itself, without byte ranges, so a
    browser cannot seek in a recording. Let those requests reach the site's
    own media view (kbtu_portal/media.py, SERVE_MEDIA), which the demo uses."""
    from django.test import testcases

    original = testcases._MediaFilesHandler._should_handle
    testcases._MediaFilesHandler._should_handle = lambda self, path: False
    yield
    testcases._MediaFilesHandler._should_handle = original
