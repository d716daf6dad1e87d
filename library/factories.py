"""Test factories for the library's snippets and pages (wagtail-factories)."""

import datetime

import factory
import wagtail_factories
from django.core.files.base import ContentFile
from wagtail.models import Locale

from . import models


class LocaleDefaultMixin(factory.django.DjangoModelFactory):
    locale = factory.LazyFunction(Locale.get_default)


class TopicFactory(LocaleDefaultMixin):
    name = factory.Sequence(lambda n: f"Тема {n}")
    slug = factory.Sequence(lambda n: f"topic-{n}")

    class Meta:
        model = models.Topic


class CityFactory(LocaleDefaultMixin):
    name = "Алматы"
    slug = factory.Sequence(lambda n: f"city-{n}")
    country = "Казахстан"

    class Meta:
        model = models.City


class OrganisationFactory(LocaleDefaultMixin):
    name = factory.Sequence(lambda n: f"Организация {n}")
    slug = factory.Sequence(lambda n: f"organisation-{n}")
    role = "content_provider"

    class Meta:
        model = models.Organisation


class SpeakerFactory(LocaleDefaultMixin):
    name = factory.Faker("name", locale="ru_RU")
    slug = factory.Sequence(lambda n: f"speaker-{n}")
    role = "Директор"
    organisation = factory.SubFactory(OrganisationFactory)

    class Meta:
        model = models.Speaker


class EventFactory(LocaleDefaultMixin):
    title = factory.Sequence(lambda n: f"Urban Forum {n}")
    slug = factory.Sequence(lambda n: f"event-{n}")
    date = datetime.date(2018, 7, 21)
    city = factory.SubFactory(CityFactory)

    class Meta:
        model = models.Event


class DocumentFactory(factory.django.DjangoModelFactory):
    title = factory.Sequence(lambda n: f"Document {n}")
    file = factory.LazyAttribute(lambda o: ContentFile(o.content, name=o.filename))

    class Meta:
        model = models.LibraryDocument

    class Params:
        filename = "notes.txt"
        content = b"Baltic Triangle notes"

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        document = model_class(*args, **kwargs)
        document._set_document_file_metadata()
        document.save()
        return document


class LibraryIndexPageFactory(wagtail_factories.PageFactory):
    title = "Библиотека"
    slug = "library"

    class Meta:
        model = models.LibraryIndexPage


class LibraryItemFactoryMixin(wagtail_factories.PageFactory):
    summary = factory.Faker("paragraph", locale="ru_RU")
    publication_date = datetime.date(2019, 5, 1)
    provider = factory.SubFactory(OrganisationFactory)

    @factory.post_generation
    def topics(self, create, extracted, **kwargs):
        if extracted:
            self.topics.set(extracted)
            if create:
                self.save()

    @factory.post_generation
    def people(self, create, extracted, **kwargs):
        """``people=[speaker, …]`` credits them as authors, in order;
        ``people=[(speaker, "editor"), …]`` with a role."""
        if extracted:
            credits = [entry if isinstance(entry, tuple) else (entry, "author") for entry in extracted]
            self.people = [
                models.ItemPerson(person=person, role=role, sort_order=position)
                for position, (person, role) in enumerate(credits)
            ]
            if create:
                self.save()

    @factory.post_generation
    def publish(self, create, extracted, **kwargs):
        """``publish=True`` publishes a revision, as an editor would: the page
        gets its permanent identifier and first version."""
        if create and extracted:
            self.save_revision().publish()


class TalkPageFactory(LibraryItemFactoryMixin):
    title = factory.Sequence(lambda n: f"Выступление {n}")
    item_language = "en"
    event = factory.SubFactory(EventFactory)
    duration_seconds = 300

    class Meta:
        model = models.TalkPage
        skip_postgeneration_save = True


class MaterialPageFactory(LibraryItemFactoryMixin):
    title = factory.Sequence(lambda n: f"Слайды {n}")

    class Meta:
        model = models.MaterialPage
        skip_postgeneration_save = True


class CaseStudyPageFactory(LibraryItemFactoryMixin):
    title = factory.Sequence(lambda n: f"Кейс {n}")
    city = factory.SubFactory(CityFactory)
    challenge = "<p>Район пережил экономический кризис.</p>"

    class Meta:
        model = models.CaseStudyPage
        skip_postgeneration_save = True


class PolicyBriefPageFactory(LibraryItemFactoryMixin):
    title = factory.Sequence(lambda n: f"Аналитическая записка {n}")

    class Meta:
        model = models.PolicyBriefPage
        skip_postgeneration_save = True
