"""Language-independent library URLs (persistent identifiers, citations, OAI-PMH)."""

from django.urls import path

from . import views

urlpatterns = [
    path("id/<str:pid>/", views.resolve_identifier, name="library_pid"),
    path("id/<str:pid>/cite.<str:fmt>", views.cite, name="library_cite"),
    path("id/<str:pid>/v/<int:number>/", views.version_view, name="library_version"),
    path("id/<str:pid>/v/<int:number>/cite.<str:fmt>", views.cite, name="library_version_cite"),
    path("cite/export/", views.export_selection, name="library_cite_selection"),
    path("cite/export.<str:fmt>", views.export_selection, name="library_cite_selection_format"),
    path("oai/", views.oai_endpoint, name="library_oai"),
]
