"""Admin upload forms with the library's limits."""

from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtailmedia.forms import BaseMediaForm


class MediaUploadForm(BaseMediaForm):
    """wagtailmedia checks the file type; this adds the size limit."""

    def clean_file(self):
        uploaded = self.cleaned_data.get("file")
        limit = settings.LIBRARY_MEDIA_MAX_UPLOAD_SIZE
        if uploaded is not None and getattr(uploaded, "size", 0) > limit:
            raise forms.ValidationError(
                _("This file is %(size)s; recordings can be at most %(limit)s.")
                % {"size": filesizeformat(uploaded.size), "limit": filesizeformat(limit)}
            )
        return uploaded


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
