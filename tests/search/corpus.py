"""A small multilingual corpus of index documents for the engine behaviour
suite: built directly (no pages), so every engine sees exactly the same input."""

from datetime import date

from search.documents import IndexDocument, Passage

SITE = 1
OTHER_SITE = 2


def doc(
    id,
    title,
    *,
    summary="",
    body="",
    locale="ru",
    site=SITE,
    type="case-study",
    day=date(2019, 1, 1),
    topics=(),
    speakers=(),
    city=None,
    event=None,
    provider="kbtu",
    language="ru",
    transcript=(),
    pages=(),
):
    facets = {
        "type": [(type, type)],
        "topic": [(slug, slug.replace("-", " ").title()) for slug in topics],
        "event": [(event, event.upper())] if event else [],
        "city": [(city, city.title())] if city else [],
        "year": [(str(day.year), str(day.year))],
        "language": [(language, language)],
        "provider": [(provider, provider.upper())] if provider else [],
        "speaker": [(slug, slug.replace("-", " ").title()) for slug in speakers],
    }
    passages = [Passage("text", "title", title)]
    if summary:
        passages.append(Passage("text", "summary", summary))
    people = " ".join(label for key in ("speaker", "provider", "event", "city") for _, label in facets[key])
    if people:
        passages.append(Passage("text", "people", people))
    if topics:
        passages.append(Passage("text", "topics", " ".join(label for _, label in facets["topic"])))
    if body:
        passages.append(Passage("text", "body", body))
    for start, text in transcript:
        passages.append(Passage("transcript", "transcript", text, start=start))
    for number, text in pages:
        passages.append(
            Passage(
                "document", "document", text, document_id=900 + id, document_title=f"Слайды {id}", page=number
            )
        )
    return IndexDocument(
        id=id,
        locale=locale,
        site_id=site,
        url=f"/{locale}/library/item-{id}/",
        type=type,
        title=title,
        summary=summary,
        date=day,
        language=language,
        provider=provider.upper() if provider else "",
        facets=facets,
        passages=passages,
    )


def corpus():
    documents = [
        doc(
            1,
            "Создание городской среды",
            summary="Как общественные пространства меняют район.",
            body="Пространство начинается с места и сообщества. Маленькие шаги важнее больших планов.",
            type="talk",
            day=date(2018, 7, 21),
            topics=["placemaking", "parks-public-spaces"],
            speakers=["erika-rushton"],
            city="almaty",
            event="forum-5",
            transcript=[
                (0.5, "Добрый день, Алматы!"),
                (95.0, "Креативный хаб вырос на месте старых складов."),
            ],
        ),
        doc(
            2,
            "Baltic Triangle: креативный квартал Ливерпуля",
            summary="История района, пережившего кризис.",
            body="Район стал креативным хабом: цифровые агентства, звукозаписывающие компании, архитекторы.",
            day=date(2019, 3, 1),
            topics=["placemaking", "creative-economy"],
            city="liverpool",
            pages=[(1, "How successful urban places are made"), (3, "A creative hub in the Baltic Triangle")],
        ),
        doc(
            3,
            "Интегрированный транспорт",
            summary="Транспортная политика и участие горожан.",
            body="Опыт Transport for Greater Manchester: transportation planning with residents.",
            type="policy-brief",
            day=date(2019, 11, 1),
            topics=["integrated-transport"],
            speakers=["nicola-kane"],
            city="manchester",
        ),
        doc(
            4,
            "Парки и общественные пространства",
            summary="Рекомендации для акимата по паркам.",
            body="Ёлки и скамейки: общественных пространств в городе становится больше.",
            type="policy-brief",
            day=date(2019, 12, 1),
            topics=["parks-public-spaces"],
            city="almaty",
        ),
        doc(
            5,
            "Лаборатория городских звуков",
            summary="Стартап, который записывает звуки города.",
            body="Звуковая карта Алматы и музыка улиц.",
            day=date(2019, 5, 1),
            topics=["startups-social-entrepreneurship", "creative-economy"],
            city="almaty",
        ),
        doc(
            6,
            "Қала кеңістігі және қоғам",
            summary="Қалалық орта туралы қазақ тіліндегі материал.",
            body="Алматы қаласының қоғамдық кеңістіктері.",
            locale="kk",
            language="kk",
            day=date(2020, 1, 15),
            topics=["placemaking"],
        ),
        doc(
            7,
            "Creating urban places",
            summary="Transportation and public space in English.",
            body="The café culture of the Baltic Triangle followed the creative businesses.",
            locale="en",
            language="en",
            day=date(2019, 2, 1),
            topics=["placemaking"],
            speakers=["erika-rushton"],
            transcript=[(42.0, "Creative people start new and valuable initiatives.")],
        ),
        # Same locale, another site: must never be found from site 1.
        doc(
            8, "Создание городской среды на другом сайте", body="Пространство чужого сайта.", site=OTHER_SITE
        ),
    ]
    # Many topics on their own items, so facets must return more than ten buckets.
    for number in range(12):
        documents.append(
            doc(
                100 + number,
                f"Заметка о волонтерстве номер {number}",
                body="Волонтерство и активная гражданская позиция.",
                type="material",
                day=date(2017, 5, 1 + number),
                topics=[f"topic-{number:02d}"],
                city="shymkent",
            )
        )
    return documents
