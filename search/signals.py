"""Follow publishing: publish, unpublish, delete, move, privacy, translation,
snippet edits that show in many items, and new text extracted from files."""

from django.db.models.signals import post_delete, post_save, pre_delete
from django.dispatch import receiver
from wagtail.models import PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from library.models import City, Event, LibraryItemPage, Organisation, Speaker, Topic
from library.tasks import document_text_extracted

from . import indexing


@receiver(page_published)
def index_published_page(sender, instance, **kwargs):
    if isinstance(instance, LibraryItemPage):
        indexing.update_pages([instance])


@receiver(page_unpublished)
def remove_unpublished_page(sender, instance, **kwargs):
    if isinstance(instance, LibraryItemPage):
        indexing.remove_pages([instance.pk])


@receiver(pre_delete)
def remove_deleted_page(sender, instance, **kwargs):
    if isinstance(instance, LibraryItemPage):
        indexing.remove_pages([instance.pk])


@receiver(post_page_move)
def reindex_moved_pages(sender, instance, **kwargs):
    indexing.update_subtree(instance)


@receiver([post_save, post_delete], sender=PageViewRestriction)
def reindex_after_privacy_change(sender, instance, **kwargs):
    indexing.update_subtree(instance.page)


def items_mentioning(snippet):
    """Live items whose index document shows this snippet's name."""
    if isinstance(snippet, Topic):
        items = LibraryItemPage.objects.filter(topics=snippet)
    elif isinstance(snippet, Speaker):
        items = LibraryItemPage.objects.filter(people__person=snippet)
    elif isinstance(snippet, Organisation):
        items = LibraryItemPage.objects.filter(provider=snippet) | LibraryItemPage.objects.filter(
            casestudypage__organisations=snippet
        )
    elif isinstance(snippet, Event):
        items = LibraryItemPage.objects.filter(talkpage__event=snippet) | LibraryItemPage.objects.filter(
            materialpage__event=snippet
        )
    elif isinstance(snippet, City):
        items = LibraryItemPage.objects.filter(casestudypage__city=snippet) | LibraryItemPage.objects.filter(
            talkpage__event__city=snippet
        )
    else:
        return LibraryItemPage.objects.none()
    return items.live().distinct().specific()


@receiver(post_save)
def reindex_after_snippet_edit(sender, instance, created=False, raw=False, **kwargs):
    if raw or created or sender not in (Topic, Speaker, Organisation, Event, City):
        return
    indexing.update_pages(items_mentioning(instance))


@receiver(document_text_extracted)
def reindex_items_with_document(sender, document, **kwargs):
    items = LibraryItemPage.objects.filter(attachments__document=document) | LibraryItemPage.objects.filter(
        policybriefpage__pdf=document
    )
    indexing.update_pages(items.live().distinct().specific())
