"""Pages and snippets translate into Kazakh and English without model changes:
by Wagtail's copy_for_translation and through wagtail-localize."""

import pytest
from wagtail.models import Locale
from wagtail_localize.models import Translation, TranslationSource

from library.factories import CaseStudyPageFactory, SpeakerFactory, TopicFactory
from library.models import CaseStudyPage, ItemPerson, Topic


@pytest.fixture
def case_study(library_index):
    topic = TopicFactory(name="Плейсмейкинг", slug="placemaking")
    speaker = SpeakerFactory(name="Эрика Раштон", slug="erika-rushton")
    page = CaseStudyPageFactory(
        parent=library_index, title="Baltic Triangle", slug="baltic-triangle", topics=[topic]
    )
    page.people = [ItemPerson(person=speaker, role="author")]
    page.save_revision().publish()
    return page


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["kk", "en"])
def test_copy_for_translation_serves_under_the_language_prefix(client, locales, case_study, language):
    topic = Topic.objects.get(slug="placemaking")
    translated_topic = topic.copy_for_translation(locales[language])
    translated_topic.name = {"kk": "Плейсмейкинг", "en": "Placemaking"}[language]
    translated_topic.save()

    page = case_study.copy_for_translation(locales[language], copy_parents=True)
    page.title = {"kk": "Baltic Triangle (қазақша)", "en": "Baltic Triangle (English)"}[language]
    page.topics.set([translated_topic])
    page.save_revision().publish()

    assert page.translation_key == case_study.translation_key
    assert page.url == f"/{language}/library/baltic-triangle/"
    response = client.get(page.url)
    assert response.status_code == 200
    assert f'<html lang="{language}">' in response.content.decode()
    assert page.title in response.content.decode()
    # The language switcher links the versions to each other.
    assert 'hreflang="ru" href' not in response.content.decode()
    assert f'href="{case_study.url}"' in response.content.decode()
    # The translated topic's listing shows the translated page only.
    listing = client.get(f"/{language}/library/topics/placemaking/")
    assert [item.pk for item in listing.context["items"]] == [page.pk]


@pytest.mark.django_db
def test_wagtail_localize_translates_a_case_study(
    locales, case_study, library_index, django_capture_on_commit_callbacks
):
    library_index.copy_for_translation(locales["kk"], copy_parents=True).save_revision().publish()
    source, _ = TranslationSource.get_or_create_from_instance(case_study)
    translation = Translation.objects.create(source=source, target_locale=locales["kk"])
    # wagtail-localize publishes once the transaction commits.
    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(publish=True)

    translated = CaseStudyPage.objects.get(locale=locales["kk"], translation_key=case_study.translation_key)
    assert translated.live
    assert translated.challenge == case_study.challenge  # not yet translated: synchronised from the source
    assert translated.get_parent().locale == Locale.objects.get(language_code="kk")
