import pytest
from wagtail.models import Locale, Page

from library.factories import LibraryIndexPageFactory


@pytest.fixture
def locales(db):
    return {code: Locale.objects.get_or_create(language_code=code)[0] for code in ("ru", "kk", "en")}


@pytest.fixture
def home(locales):
    """The Russian home page created by the site-root migration."""
    return Page.objects.get(depth=2, locale=locales["ru"]).specific


@pytest.fixture
def library_index(home):
    index = LibraryIndexPageFactory(parent=home)
    index.save_revision().publish()
    return index
