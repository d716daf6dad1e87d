from django.shortcuts import render
from django.utils.translation import gettext as _

from .reports import PERIODS, query_report


def query_report_view(request):
    try:
        days = int(request.GET.get("days", PERIODS[0]))
    except ValueError:
        days = PERIODS[0]
    if days not in PERIODS:
        days = PERIODS[0]
    context = {
        "report": query_report(days),
        "periods": PERIODS,
        "header_title": _("Search queries"),
        "page_title": _("Search queries"),
        "header_icon": "search",
    }
    return render(request, "search/admin/query_report.html", context)
