"""The library's content model, split by concept and re-exported here."""

from .accounts import User
from .identifiers import ItemVersion, PersistentIdentifier
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
from .usage import ItemUsage

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
    "ItemUsage",
    "ItemVersion",
    "LibraryDocument",
    "LibraryImage",
    "LibraryIndexPage",
    "LibraryItemPage",
    "LibraryRendition",
    "MaterialPage",
    "Organisation",
    "PersistentIdentifier",
    "PolicyBriefPage",
    "Speaker",
    "TalkChapter",
    "TalkPage",
    "Topic",
    "TranscriptSegment",
    "User",
]
