"""Admin: what visitors search for (editors' picks come from
wagtail.contrib.search_promotions, under Reports → Promoted search results)."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .admin_views import query_report_view


@hooks.register("register_admin_urls")
def register_query_report_url():
    return [path("search-queries/", query_report_view, name="search_query_report")]


@hooks.register("register_reports_menu_item")
def register_query_report_menu_item():
    return MenuItem(_("Search queries"), reverse("search_query_report"), icon_name="search", order=900)
