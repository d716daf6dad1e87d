"""One behaviour suite, run against every engine (see conftest.engine_names).

A case an engine cannot do is listed in its ``known_differences`` with the
reason (and in docs/search.md); it then runs as a strict xfail, so it fails
the suite the day the engine starts passing it, and is never silently skipped.
"""

from datetime import date

from search.engines.base import SearchRequest

from .corpus import OTHER_SITE, SITE, doc


def search(engine, query, locale="ru", site=SITE, **kwargs):
    return engine.search(SearchRequest(query=query, locale=locale, site_id=site, **kwargs))


def ids(response):
    return [result.id for result in response.results]


def facet(response, name):
    return {bucket.value: bucket.count for bucket in response.facets[name]}


# --- morphology ---------------------------------------------------------------


def test_russian_word_forms_match(filled):
    for form in ("пространство", "пространства", "пространств", "ПРОСТРАНСТВАМИ"):
        assert 1 in ids(search(filled, form)), form


def test_two_russian_words_in_other_cases(filled):
    assert ids(search(filled, "городская среда"))[0] == 1


def test_english_stemming(filled):
    assert 3 in ids(search(filled, "transport"))
    assert 7 in ids(search(filled, "transportation", locale="en"))


def test_yo_matches_ye(filled):
    assert 4 in ids(search(filled, "елки"))
    assert 4 in ids(search(filled, "ёлки"))


def test_diacritics_are_folded(filled):
    assert 7 in ids(search(filled, "cafe", locale="en"))


def test_kazakh_letters_fold_and_match_by_prefix(filled):
    assert 6 in ids(search(filled, "қала", locale="kk"))
    assert 6 in ids(search(filled, "кала", locale="kk"))  # typed without Kazakh letters
    assert 6 in ids(search(filled, "қалалық", locale="kk"))


# --- query syntax ---------------------------------------------------------------


def test_every_word_must_match(filled):
    result = search(filled, "креативный ливерпуль")
    assert ids(result) == [2]
    assert not result.fallback


def test_falls_back_to_any_word_when_nothing_has_all(filled):
    result = search(filled, "ливерпуль манчестерский")
    assert result.fallback
    assert 2 in ids(result)


def test_phrase_in_quotes(filled):
    assert ids(search(filled, '"креативный квартал"')) == [2]
    assert 2 not in ids(search(filled, '"квартал креативный"'))


def test_minus_excludes(filled):
    with_music = ids(search(filled, "алматы"))
    without = ids(search(filled, "алматы -музыка"))
    assert 5 in with_music and 5 not in without
    assert set(without) < set(with_music)


# --- ranking ---------------------------------------------------------------------


def test_title_outranks_body(engine):
    engine.index(
        [
            doc(20, "Общие заметки", body="Здесь мимоходом упомянут велосипед.", day=date(2019, 1, 1)),
            doc(21, "Велосипед в городе", body="Материал о транспорте.", day=date(2019, 1, 1)),
        ]
    )
    assert ids(search(engine, "велосипед")) == [21, 20]


def test_newer_item_wins_a_tie_and_order_is_stable(engine):
    engine.index(
        [
            doc(30, "Самокаты", day=date(2017, 1, 1)),
            doc(31, "Самокаты", day=date(2020, 1, 1)),
            doc(32, "Самокаты", day=date(2020, 1, 1)),
        ]
    )
    first = ids(search(engine, "самокаты"))
    assert first[0] in (31, 32) and first[-1] == 30
    assert all(ids(search(engine, "самокаты")) == first for _ in range(3))


def test_sort_by_date(filled):
    result = search(filled, "алматы", sort="date")
    dates = [r.date for r in result.results]
    assert dates == sorted(dates, reverse=True)


# --- typos and suggestions -----------------------------------------------------


def test_did_you_mean(filled):
    result = search(filled, "пространсвто")
    assert result.suggestion == "пространство"


def test_as_you_type_suggestions(filled):
    suggestions = filled.suggest("Эри", locale="ru", site_id=SITE)
    assert "Erika Rushton" in suggestions
    assert any(s.lower().startswith("создание") for s in filled.suggest("созд", locale="ru", site_id=SITE))


def test_suggestions_respect_site_and_locale(filled):
    assert not any("другом сайте" in s for s in filled.suggest("Создание", locale="ru", site_id=SITE))
    assert not filled.suggest("Қала", locale="ru", site_id=SITE)


# --- facets -----------------------------------------------------------------------


def test_facet_counts(filled):
    result = search(filled, "")
    assert facet(result, "type") == {"talk": 1, "case-study": 2, "policy-brief": 2, "material": 12}
    assert facet(result, "city")["almaty"] == 3
    assert facet(result, "year")["2019"] == 4
    assert facet(result, "speaker") == {"erika-rushton": 1, "nicola-kane": 1}


def test_all_facet_buckets_not_just_ten(filled):
    topics = facet(search(filled, "волонтерство"), "topic")
    assert len(topics) == 12


def test_filters_and_across_facets_or_within(filled):
    assert set(ids(search(filled, "", filters={"city": ["almaty"], "type": ["policy-brief"]}))) == {4}
    assert set(
        ids(search(filled, "", filters={"city": ["almaty", "liverpool"], "type": ["case-study"]}))
    ) == {2, 5}


def test_facet_counts_follow_query_and_filters(filled):
    result = search(filled, "пространство", filters={"city": ["almaty"]})
    assert set(ids(result)) == {1, 4}
    assert facet(result, "type") == {"talk": 1, "policy-brief": 1}
    # Within the selected facet, the other values stay available with their counts.
    assert facet(result, "city").get("liverpool") is None or facet(result, "city")["almaty"] == 2
    selected = [bucket.value for bucket in result.facets["city"] if bucket.selected]
    assert selected == ["almaty"]


def test_unknown_facet_values_match_nothing_without_error(filled):
    result = search(filled, "", filters={"city": ["atlantis"], "colour": ["red"]})
    assert result.total == 0


# --- pagination -------------------------------------------------------------------


def test_pagination_and_total(filled):
    first = search(filled, "волонтерство", per_page=5, page=1)
    third = search(filled, "волонтерство", per_page=5, page=3)
    assert first.total == 12 and first.pages == 3
    assert len(first.results) == 5 and len(third.results) == 2
    assert not set(ids(first)) & set(ids(third))
    assert search(filled, "волонтерство", per_page=5, page=99).results == []
    assert first.took_ms >= 0


# --- what a result shows ---------------------------------------------------------


def test_snippet_marks_original_words(filled):
    result = search(filled, "пространства")
    top = next(r for r in result.results if r.id == 1)
    assert "<mark>" in top.snippet
    assert (
        "<mark>пространства</mark>" in top.snippet.lower()
        or "<mark>пространство</mark>" in top.snippet.lower()
    )
    assert top.title and top.url and top.type == "talk" and top.date == date(2018, 7, 21)


def test_transcript_hit_has_its_time_and_link(filled):
    hits = [hit for hit in search(filled, "складов").results[0].hits if hit.kind == "transcript"]
    assert hits and hits[0].start == 95.0
    assert hits[0].url.endswith("?t=95")
    assert "<mark>" in hits[0].snippet


def test_document_hit_has_its_name_and_page(filled):
    result = search(filled, "creative hub")
    top = next(r for r in result.results if r.id == 2)
    hits = [hit for hit in top.hits if hit.kind == "document"]
    assert hits and hits[0].page == 3 and hits[0].document == "Слайды 2"


def test_snippets_escape_html(engine):
    engine.index([doc(40, "Заметка", body="<script>alert('велосипед')</script> велосипед")])
    snippet = search(engine, "велосипед").results[0].snippet
    assert "<script>" not in snippet and "&lt;script&gt;" in snippet


# --- what a visitor may not see --------------------------------------------------


def test_other_sites_and_locales_are_invisible(filled):
    assert 8 not in ids(search(filled, "пространство"))
    assert ids(search(filled, "пространство", site=OTHER_SITE)) == [8]
    assert 6 not in ids(search(filled, "алматы"))


def test_deleted_items_disappear_everywhere(filled):
    filled.delete([5, 999])
    result = search(filled, "звуков")
    assert 5 not in ids(result)
    assert "startups-social-entrepreneurship" not in facet(search(filled, ""), "topic")
    assert 5 not in filled.indexed_ids()


def test_reindexing_replaces_the_old_text(filled):
    filled.index([doc(5, "Лаборатория тишины", body="Совсем другой текст.")])
    assert 5 not in ids(search(filled, "звуков"))
    assert 5 in ids(search(filled, "тишины"))
