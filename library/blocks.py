"""StreamField blocks shared by the library's page types."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading"), max_length=200)
    level = blocks.ChoiceBlock(
        choices=[("h2", _("Section")), ("h3", _("Subsection"))], default="h2", label=_("Level")
    )

    class Meta:
        icon = "title"
        template = "blocks/heading_block.html"
        label = _("Heading")
        description = _("A section heading; sections appear in the page's contents.")
        preview_value = {"text": "Почему «маленькие шаги» важны", "level": "h2"}


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(label=_("Who said it"), required=False)

    class Meta:
        icon = "openquote"
        template = "blocks/quote_block.html"
        label = _("Quote")
        description = _("A quotation with its source.")
        preview_value = {
            "text": "Любое значительное явление складывается из тысячи маленьких шагов.",
            "attribution": "Эрика Раштон",
        }


class FigureBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    caption = blocks.CharBlock(label=_("Caption"), required=False)

    class Meta:
        icon = "image"
        template = "blocks/figure_block.html"
        label = _("Figure")
        description = _("An image with a caption; the credit comes from the image.")


class KeyFigureBlock(blocks.StructBlock):
    value = blocks.CharBlock(label=_("Figure"), max_length=30)
    label = blocks.CharBlock(label=_("What it counts"), max_length=160)

    class Meta:
        icon = "pick"
        template = "blocks/key_figure_block.html"
        label = _("Key figure")
        description = _("A number that matters, such as 1 000 forum participants.")
        preview_value = {"value": "1000", "label": "участников десяти Urban Forum"}


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(label=_("Link text"), required=False)

    class Meta:
        icon = "doc-full"
        template = "blocks/document_link_block.html"
        label = _("Document link")
        description = _("A link to a document with its type and size.")


class BodyBlock(blocks.StreamBlock):
    """The body used by every long-form page type."""

    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        features=["bold", "italic", "link", "document-link", "ol", "ul"],
        label=_("Paragraph"),
        icon="pilcrow",
        template="blocks/paragraph_block.html",
    )
    quote = QuoteBlock()
    figure = FigureBlock()
    key_figures = blocks.ListBlock(
        KeyFigureBlock(), label=_("Key figures"), icon="pick", template="blocks/key_figures_block.html"
    )
    document = DocumentLinkBlock()

    class Meta:
        template = "blocks/body_block.html"


class RecommendationBlock(blocks.StreamBlock):
    recommendation = blocks.TextBlock(label=_("Recommendation"), icon="tick")

    class Meta:
        label = _("Recommendations")


class ReferenceBlock(blocks.StructBlock):
    """One source, enough to find it again."""

    title = blocks.CharBlock(label=_("Title"))
    authors = blocks.CharBlock(label=_("Authors or publisher"), required=False)
    year = blocks.IntegerBlock(label=_("Year"), required=False, min_value=1800, max_value=2100)
    url = blocks.URLBlock(label=_("Address"), required=False)
    note = blocks.CharBlock(label=_("Note"), required=False)

    class Meta:
        icon = "link"
        template = "blocks/reference_block.html"
        label = _("Source")
        description = _("A source or reference the case study draws on.")
        preview_value = {
            "title": "В Алматы прошёл форум «МыАлматы» о создании успешных городских пространств",
            "authors": "British Council",
            "year": 2018,
        }


class ReferencesBlock(blocks.StreamBlock):
    reference = ReferenceBlock()
