"""Admin upload forms with the library's limits."""

from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
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
