from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from search import urls as search_urls

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap),
    *search_urls.api_urlpatterns,
    path("", include("library.urls")),
]

if settings.DEBUG:
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()

if settings.SERVE_MEDIA:
    from django.urls import re_path

    from .media import serve_media

    urlpatterns.append(re_path(r"^media/(?P<path>.+)$", serve_media))

# Public pages live under /ru/, /kk/ and /en/; "/" redirects by the visitor's
# language (LocaleMiddleware).
urlpatterns += i18n_patterns(
    *search_urls.page_urlpatterns,
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
