"""The public site in a real browser: the talk player follows timestamp
links, the search works on a phone, keyboard users can skip to content."""

import pytest

from library.demo.loader import DemoLoader
from library.models import TalkPage

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demo(transactional_db):
    DemoLoader().load()


def test_timestamp_links_seek_the_player(demo, live_server, page):
    talk = TalkPage.objects.get(locale__language_code="ru")
    page.goto(live_server.url + talk.url)
    page.wait_for_function("document.querySelector('[data-player]').readyState >= 1")
    link = page.locator(".transcript__lines a.timestamp").nth(3)
    seconds = int(link.get_attribute("data-seek"))
    link.click()
    position = page.evaluate("document.querySelector('[data-player]').currentTime")
    assert abs(position - seconds) < 1.5
    assert page.url.endswith(f"?t={seconds}")


def test_arriving_with_t_starts_at_that_moment(demo, live_server, page):
    talk = TalkPage.objects.get(locale__language_code="en")
    page.goto(live_server.url + talk.url + "?t=95")
    page.wait_for_function("document.querySelector('[data-player]').currentTime > 90")


def test_skip_link_is_the_first_stop_for_keyboard_users(demo, live_server, page):
    page.goto(live_server.url + "/ru/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.className")
    assert focused == "skip-link"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_search_on_a_phone(demo, live_server, phone):
    phone.goto(live_server.url + "/ru/")
    phone.fill("#site-search-q", "городская среда")
    phone.press("#site-search-q", "Enter")
    phone.wait_for_url("**/ru/search/?q=*")
    assert phone.locator(".result").count() > 0
    assert phone.locator(".result mark").count() > 0
    # Nothing wider than the screen.
    assert phone.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
