from django.db import models
from django.utils.translation import gettext_lazy as _

# The language an item is in (not the interface language of the site).
LANGUAGE_CHOICES = [
    ("ru", _("Russian")),
    ("kk", _("Kazakh")),
    ("en", _("English")),
    ("mul", _("Several languages")),
]

LICENCE_CHOICES = [
    ("cc-by-4.0", "CC BY 4.0"),
    ("cc-by-sa-4.0", "CC BY-SA 4.0"),
    ("cc-by-nc-4.0", "CC BY-NC 4.0"),
    ("cc-by-nc-nd-4.0", "CC BY-NC-ND 4.0"),
    ("cc0-1.0", "CC0 1.0"),
    ("all-rights-reserved", _("All rights reserved")),
]

LICENCE_URLS = {
    "cc-by-4.0": "https://creativecommons.org/licenses/by/4.0/",
    "cc-by-sa-4.0": "https://creativecommons.org/licenses/by-sa/4.0/",
    "cc-by-nc-4.0": "https://creativecommons.org/licenses/by-nc/4.0/",
    "cc-by-nc-nd-4.0": "https://creativecommons.org/licenses/by-nc-nd/4.0/",
    "cc0-1.0": "https://creativecommons.org/publicdomain/zero/1.0/",
}

DEFAULT_LICENCE = "cc-by-4.0"


class OrganisationRole(models.TextChoices):
    FUNDER = "funder", _("Funder")
    LEAD = "lead", _("Lead partner")
    PARTNER = "partner", _("Partner")
    CONTENT_PROVIDER = "content_provider", _("Content provider")


class PersonRole(models.TextChoices):
    SPEAKER = "speaker", _("Speaker")
    AUTHOR = "author", _("Author")
    EDITOR = "editor", _("Editor")
    MODERATOR = "moderator", _("Moderator")


class MaterialType(models.TextChoices):
    SLIDES = "slides", _("Slides")
    HANDOUT = "handout", _("Handout")
    DATASET = "dataset", _("Dataset")
    REPORT = "report", _("Report")
    OTHER = "other", _("Other")


class VideoProvider(models.TextChoices):
    YOUTUBE = "youtube", "YouTube"
    VIMEO = "vimeo", "Vimeo"


class CaptionKind(models.TextChoices):
    CAPTIONS = "captions", _("Captions (same language as the recording)")
    SUBTITLES = "subtitles", _("Subtitles (translation)")
