"""The library's content model, split by concept and re-exported here."""

from .accounts import User
from .media import DocumentPageText, ExtractionStatus, LibraryDocument, LibraryImage, LibraryRendition
from .pages import (
    ITEM_TYPES,
    CaptionTrack,
    CaseStudyImage,
    CaseStudyPage,
    ItemAttachment,
    ItemPerson,
    ItemRelation,
    LibraryIndexPage,
    LibraryItemPage,
    MaterialPage,
    PolicyBriefPage,
    TalkChapter,
    TalkPage,
    TranscriptSegment,
)
from .snippets import City, Event, Organisation, Speaker, Topic

__all__ = [
    "ITEM_TYPES",
    "CaptionTrack",
    "CaseStudyImage",
    "CaseStudyPage",
    "City",
    "DocumentPageText",
    "Event",
    "ExtractionStatus",
    "ItemAttachment",
    "ItemPerson",
    "ItemRelation",
    "LibraryDocument",
    "LibraryImage",
    "LibraryIndexPage",
    "LibraryItemPage",
    "LibraryRendition",
    "MaterialPage",
    "Organisation",
    "PolicyBriefPage",
    "Speaker",
    "TalkChapter",
    "TalkPage",
    "Topic",
    "TranscriptSegment",
    "User",
]
