"""The admin form of library item pages.

Its own module, not library/forms.py: models import it, and the upload forms
there import wagtailmedia's models, which cannot load while models do."""

from django import forms
from wagtail.admin.forms import WagtailAdminPageForm


class LibraryItemForm(WagtailAdminPageForm):
    """The item editor offers only topics and organisations in the page's own
    language: each language has its own translated rows, and mixing them
    would link a Russian page to English topics."""

    locale_filtered_fields = ("topics", "organisations")

    def __init__(self, *args, parent_page=None, **kwargs):
        super().__init__(*args, parent_page=parent_page, **kwargs)
        locale_id = self.instance.locale_id or (parent_page.locale_id if parent_page else None)
        if not locale_id:
            return
        for name in self.locale_filtered_fields:
            field = self.fields.get(name)
            if field is not None:
                field.queryset = field.queryset.filter(locale_id=locale_id)
                field.widget = forms.CheckboxSelectMultiple(choices=field.choices)
