"""The editor's view of an item's permanent link, versions and usage."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel


class CitationPanel(Panel):
    """Read-only: permanent link, current version and usage figures."""

    def __init__(self, **kwargs):
        kwargs.setdefault("heading", _("Permanent link and usage"))
        super().__init__(**kwargs)

    @property
    def clean_name(self):
        return super().clean_name or "citation"

    class BoundPanel(Panel.BoundPanel):
        template_name = "library/admin/citation_panel.html"

        def get_context_data(self, parent_context=None):
            from .identifiers import identifier_for
            from .usage import usage_summary

            context = super().get_context_data(parent_context)
            identifier = identifier_for(self.instance) if self.instance.pk else None
            context["identifier"] = identifier
            context["versions"] = list(identifier.versions.order_by("-number")[:5]) if identifier else []
            context["usage"] = usage_summary(identifier) if identifier else None
            return context
