"""What an item page shows about citing it: the permanent link, the "Cite"
panel in four styles, downloads, the public list of versions and the <head>
metadata. Templates read an :class:`ItemCitation` (``{{ citation }}``); every
part is computed on first use.
"""

from django.utils import timezone
from django.utils.functional import cached_property

from library.models import LibraryIndexPage

from . import csl
from .exports import EXPORT_FORMATS
from .identifiers import current_version, identifier_for, is_public, live_public_items, public_base_url, sync
from .metadata import head_metadata

DOWNLOAD_LABELS = {"bib": "BibTeX", "ris": "RIS", "json": "CSL-JSON"}


class ItemCitation:
    def __init__(self, page, request, version=None, *, viewing_version=False):
        self.page = page
        self.request = request
        self._version = version
        # True on /id/<pid>/v/<n>/: the page is shown as it was then.
        self.viewing_version = viewing_version

    @cached_property
    def is_preview(self) -> bool:
        return bool(getattr(self.request, "is_preview", False))

    @cached_property
    def identifier(self):
        identifier = identifier_for(self.page)
        if identifier is None and not self.is_preview and is_public(self.page):
            # Made live without a publish (imported, fixtures): assign now.
            identifier = sync(self.page)
        return identifier

    @cached_property
    def version(self):
        return self._version or current_version(self.identifier)

    @cached_property
    def latest_version(self):
        return current_version(self.identifier)

    @property
    def is_current_version(self) -> bool:
        return (
            self.version is None or self.latest_version is None or self.version.pk == self.latest_version.pk
        )

    @cached_property
    def base_url(self) -> str:
        return public_base_url(self.request, self.page)

    @property
    def permanent_url(self) -> str:
        return self.base_url + self.identifier.path if self.identifier else ""

    @property
    def version_url(self) -> str:
        return self.base_url + self.version.path if self.version else ""

    @cached_property
    def canonical_url(self) -> str:
        if self.viewing_version and self.version:
            return self.version_url
        return self.base_url + (self.page.get_url(self.request) or "")

    @property
    def noindex(self) -> bool:
        return self.viewing_version and not self.is_current_version

    @cached_property
    def csl(self) -> dict:
        """The CSL-JSON item cited here, links absolute, accessed today."""
        if self.viewing_version and self.version and self.version.citation and not self.is_current_version:
            item = self.version.citation  # as it was cited then
        else:
            pid = self.identifier.pid if self.identifier else ""
            item = csl.csl_item(self.page, self.version, pid=pid)
        return csl.for_rendering(item, self.base_url, timezone.localdate())

    @cached_property
    def styles(self) -> list[dict]:
        suffix = self._cite_path()
        result = []
        for key, style in csl.STYLES.items():
            result.append(
                {
                    "key": key,
                    "label": style.label,
                    "html": csl.render(self.csl, key, "html"),
                    "text_url": f"{suffix}cite.txt?style={key}" if suffix else "",
                }
            )
        return result

    def _cite_path(self) -> str:
        if self.identifier is None:
            return ""
        if self.viewing_version and self.version and not self.is_current_version:
            return self.version.path
        return self.identifier.path

    @cached_property
    def downloads(self) -> list[dict]:
        suffix = self._cite_path()
        if not suffix:
            return []
        return [
            {"label": DOWNLOAD_LABELS[fmt], "url": f"{suffix}cite.{fmt}", "format": fmt}
            for fmt in EXPORT_FORMATS
            if fmt in DOWNLOAD_LABELS
        ]

    @cached_property
    def versions(self) -> list:
        if self.identifier is None:
            return []
        return list(self.identifier.versions.order_by("-number"))

    @cached_property
    def translations(self) -> list:
        return list(
            live_public_items()
            .filter(translation_key=self.page.translation_key)
            .exclude(pk=self.page.pk)
            .select_related("locale")
        )

    @cached_property
    def translation_links(self) -> list[tuple[str, str]]:
        links = [(self.page.locale.language_code, self.canonical_url)]
        links += [
            (item.locale.language_code, self.base_url + (item.get_url(self.request) or ""))
            for item in self.translations
        ]
        return links

    @cached_property
    def head(self):
        return head_metadata(self.page, self.csl, context=self)

    @cached_property
    def _library_index(self):
        return LibraryIndexPage.objects.live().filter(locale_id=self.page.locale_id).first()

    def listing_url(self, obj) -> str:
        """Absolute URL of a speaker's, event's or organisation's listing."""
        index = self._library_index
        route = getattr(obj, "listing_route", "")
        if index is None or not route or not getattr(obj, "slug", ""):
            return ""
        return (
            self.base_url
            + (index.get_url(self.request) or "")
            + index.reverse_subpage(route, kwargs={"slug": obj.slug})
        )
