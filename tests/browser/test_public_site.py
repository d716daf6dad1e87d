"""The public site in a real browser: the talk player follows timestamp
links, the search works on a phone, keyboard users can skip to content.

One test function on one demo library: transactional tests flush the
database between tests, and the demo takes a while to build."""

import pytest

from library.demo.loader import DemoLoader
from library.models import TalkPage

pytestmark = [pytest.mark.browser]

PLAYER = "document.querySelector('[data-player]')"


@pytest.mark.django_db(transaction=True)
def test_public_site_in_a_browser(live_server, browser):
    DemoLoader().load()
    desktop = browser.new_context()
    page = desktop.new_page()

    # Timestamp links seek the player to that moment.
    talk = TalkPage.objects.get(locale__language_code="ru")
    page.goto(live_server.url + talk.url)
    page.wait_for_function(f"{PLAYER}.readyState >= 1")
    link = page.locator(".transcript__lines a.timestamp").nth(3)
    seconds = int(link.get_attribute("data-seek"))
    link.click()
    page.wait_for_function(f"Math.abs({PLAYER}.currentTime - {seconds}) < 1.5", timeout=10_000)
    assert page.url.endswith(f"?t={seconds}")

    # Arriving with ?t= starts the recording at that moment.
    talk_en = TalkPage.objects.get(locale__language_code="en")
    page.goto(live_server.url + talk_en.url + "?t=95")
    page.wait_for_function(f"{PLAYER}.currentTime > 90", timeout=10_000)

    # The skip link is the first stop for keyboard users and moves focus to the content.
    page.goto(live_server.url + "/ru/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    desktop.close()

    # Searching on a phone: results with highlights, nothing wider than the screen.
    mobile = browser.new_context(viewport={"width": 375, "height": 740}, is_mobile=True, has_touch=True)
    phone = mobile.new_page()
    phone.goto(live_server.url + "/ru/")
    phone.fill("#site-search-q", "городская среда")
    phone.press("#site-search-q", "Enter")
    phone.wait_for_url("**/ru/search/?q=*")
    assert phone.locator(".result").count() > 0
    assert phone.locator(".result mark").count() > 0
    assert phone.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
    mobile.close()
