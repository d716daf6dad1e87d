from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "search"
    verbose_name = _("Library search")

    def ready(self):
        from . import signals  # noqa: F401  (connects the index to publishing)
