"""Search URLs: the HTML page lives under each language prefix, the JSON API
once at /api/search/ (its language comes from ?lang=, default Russian)."""

from django.urls import path

from . import views

page_urlpatterns = [path("search/", views.search_page, name="search")]
api_urlpatterns = [
    path("api/search/", views.search_api, name="search_api"),
    path("api/search/suggest/", views.suggest_api, name="search_suggest"),
]
