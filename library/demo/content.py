"""Sample content for the «МыАлматы» / WeAlmaty knowledge library.

Written from two programme documents: the British Council overview of the
«МыАлматы» project and the press release of 21 July 2018 on the fifth
#МыАлматы forum «Создание городской среды (Placemaking)». Names, dates, places
and figures follow those documents; the wording is new, and where the
documents are vague the text stays vague.

Sample values rather than facts from the documents:

* the publication dates of case studies and policy briefs;
* the talk's duration, chapter timings and transcripts, and the slide deck:
  they reconstruct what the press release says Erika Rushton spoke about and
  are not a verbatim record of her talk.

Plain data only: no Django imports and no file access. Every record carries a
stable, slug-like ``key`` so the loader can be run repeatedly.
"""

# ---------------------------------------------------------------------------
# Organisations
# ---------------------------------------------------------------------------

ORGANISATIONS = [
    {
        "key": "european-union",
        "name": {"ru": "Европейский союз", "en": "European Union"},
        "short_name": {"ru": "ЕС", "en": "EU"},
        "role": "funder",
        "url": "https://european-union.europa.eu/",
        "description": {
            "ru": (
                "Европейский союз финансирует программу «МыАлматы»: по данным "
                "пресс-релиза июля 2018 года, его финансовая поддержка "
                "составляет 430 тысяч евро, а в обзоре программы источником "
                "финансирования названа Европейская комиссия.\n\n"
                "В справке к пресс-релизу ЕС представлен как объединение 28 "
                "государств-членов, которое за 60 лет расширения стало зоной "
                "стабильности, демократии и устойчивого развития, не утратив "
                "культурного многообразия, терпимости и гражданских свобод. "
                "Своим опытом и ценностями Союз готов делиться и со странами "
                "за его пределами."
            ),
            "en": (
                "The European Union funds the WeAlmaty programme. The July 2018 "
                "press release puts its financial support at €430,000, and the "
                "programme overview names the European Commission as the "
                "source of funding.\n\n"
                "The background note to the release describes the EU as 28 "
                "member states which, over 60 years of enlargement, have built "
                "a zone of stability, democracy and sustainable development "
                "while keeping cultural diversity, tolerance and civil "
                "liberties, and which are willing to share that experience "
                "with countries beyond the Union."
            ),
        },
    },
    {
        "key": "british-council",
        "name": {"ru": "Британский совет", "en": "British Council"},
        "short_name": {"ru": "Британский совет", "en": "British Council"},
        "role": "lead",
        "url": "https://www.britishcouncil.org/",
        "description": {
            "ru": (
                "Британская международная организация, которая развивает "
                "культурные связи и открывает образовательные возможности. "
                "Британский совет разработал программу "
                "«МыАлматы» и руководит ею вместе с акиматом Алматы, Центром "
                "развития города Алматы и КБТУ.\n\n"
                "Сегодня организация присутствует более чем в 100 странах и "
                "занимается искусством и культурой, преподаванием "
                "английского языка, образованием и гражданским обществом. По "
                "ее данным, мероприятия "
                "Британского совета ежегодно охватывают более 20 миллионов "
                "человек, а онлайн-каналы и СМИ — более 500 миллионов."
            ),
            "en": (
                "The United Kingdom's international organisation for cultural "
                "relations and educational opportunities. The British Council "
                "designed WeAlmaty and leads it together with the Akimat of "
                "Almaty, the Almaty Development Center and KBTU.\n\n"
                "It works in more than 100 countries in arts and culture, "
                "English, education and civil society. By its own account, its "
                "events reach more than 20 million people a year, and its "
                "online channels and media coverage more than 500 million."
            ),
        },
    },
    {
        "key": "akimat-almaty",
        "name": {"ru": "Акимат города Алматы", "en": "Akimat of Almaty"},
        "short_name": {"ru": "Акимат Алматы", "en": "Almaty Akimat"},
        "role": "partner",
        "url": "https://www.gov.kz/memleket/entities/almaty",
        "description": {
            "ru": (
                "Городская администрация Алматы, партнер Британского совета "
                "по программе «МыАлматы». Программа помогает акимату "
                "вырабатывать политику в восьми сферах — от интегрированного "
                "транспорта до волонтерства и активной гражданской позиции. "
                "Акимат — один из организаторов V форума #МыАлматы."
            ),
            "en": (
                "Almaty's city administration and the British Council's "
                "partner in WeAlmaty. The programme helps the akimat shape "
                "policy in eight areas, from integrated transport to "
                "volunteering and active citizenship. The akimat was one of "
                "the organisers of the fifth #WeAlmaty forum."
            ),
        },
    },
    {
        "key": "almaty-development-center",
        "name": {
            "ru": "АО «Центр развития города Алматы»",
            "en": "Almaty Development Center JSC",
        },
        "short_name": {
            "ru": "Центр развития города Алматы",
            "en": "Almaty Development Center",
        },
        "role": "partner",
        "url": "",
        "description": {
            "ru": (
                "Специальное агентство акимата по градостроительству. Задача "
                "центра — помогать Алматы развиваться устойчиво в социальном "
                "и экономическом отношении и делать городскую экономику "
                "конкурентоспособнее. Для этого он прежде всего консультирует "
                "город при разработке стратегий и программных "
                "документов.\n\n"
                "Центр следит за позициями Алматы в международных рейтингах, "
                "ведет исследования и реализует инновационные проекты, в том "
                "числе «Smart Almaty», проводит урбанистические проекты и "
                "мероприятия. Кроме того, он консультирует организации с "
                "участием акимата по вопросам корпоративного управления и "
                "анализирует качество государственных услуг."
            ),
            "en": (
                "The akimat's special agency for urban development. The center "
                "was set up to support Almaty's sustainable social and economic "
                "development and to make the city's economy more competitive; "
                "its main tool is consulting support for the city's strategic "
                "and programme documents.\n\n"
                "It tracks Almaty's standing in international rankings, "
                "carries out research and innovation projects, including Smart "
                "Almaty, and runs urban projects and events. It also advises "
                "organisations in which the akimat takes part on corporate "
                "governance and reviews the quality of public services."
            ),
        },
    },
    {
        "key": "kbtu",
        "name": {
            "ru": "Казахстанско-Британский технический университет",
            "en": "Kazakh-British Technical University",
        },
        "short_name": {"ru": "КБТУ", "en": "KBTU"},
        "role": "content_provider",
        "url": "https://kbtu.edu.kz/",
        "description": {
            "ru": (
                "КБТУ появился в 2001 году: его создание стало совместным "
                "проектом Казахстана и Великобритании, патронаж над которым "
                "осуществлял Президент Республики Казахстан Нурсултан "
                "Назарбаев. Университет — один из "
                "ведущих вузов страны; вместе с Центром развития города "
                "Алматы и акиматом он участвовал в проектах интеллектуального "
                "развития города и считает это направление одним из главных "
                "приоритетов своей научной работы.\n\n"
                "В программе «МыАлматы» университет отвечает за контент и его "
                "размещение на платформе для взаимодействия и диалога."
            ),
            "en": (
                "Founded in 2001 as a joint Kazakh-British project under the "
                "patronage of Nursultan Nazarbayev, President of the Republic "
                "of Kazakhstan. One of the country's leading universities, "
                "KBTU has worked with the Almaty Development Center and the "
                "akimat on projects for the city's intellectual development "
                "and counts this among the main priorities of its research.\n\n"
                "In WeAlmaty the university provides content and hosts it on "
                "the programme's platform for engagement and dialogue."
            ),
        },
    },
    {
        "key": "baltic-triangle-cic",
        "name": {
            "ru": "Baltic Triangle CIC / Baltic Creative",
            "en": "Baltic Triangle CIC / Baltic Creative",
        },
        "short_name": {"ru": "Baltic Creative", "en": "Baltic Creative"},
        "role": "partner",
        "url": "https://www.baltic-creative.com/",
        "city": "liverpool",
        "description": {
            "ru": (
                "Организация, связанная с ливерпульским районом Baltic "
                "Triangle. Ее директор Эрика Раштон выступила на V форуме "
                "#МыАлматы в июле 2018 года. В документах программы "
                "организация упоминается под двумя названиями: в пресс-релизе "
                "форума — Baltic Triangle CIC, в обзоре проекта — Baltic "
                "Creative."
            ),
            "en": (
                "An organisation connected with Liverpool's Baltic Triangle "
                "district. Its director, Erika Rushton, spoke at the fifth "
                "#WeAlmaty forum in July 2018. Programme documents give it two "
                "names: Baltic Triangle CIC in the forum press release and "
                "Baltic Creative in the project overview."
            ),
        },
    },
    {
        "key": "tfgm",
        "name": {
            "ru": "Transport for Greater Manchester",
            "en": "Transport for Greater Manchester",
        },
        "short_name": {"ru": "TfGM", "en": "TfGM"},
        "role": "partner",
        "url": "https://tfgm.com/",
        "description": {
            "ru": (
                "Транспортная организация Большого Манчестера. Никола Кейн, "
                "руководитель ее управления по стратегическому планированию и "
                "исследованиям, была в числе британских экспертов, которых "
                "«МыАлматы» приглашал на свои мероприятия."
            ),
            "en": (
                "The transport organisation for Greater Manchester. Nicola "
                "Kane, its head of strategic planning and research, was among "
                "the UK experts WeAlmaty invited to its events."
            ),
        },
    },
]

# ---------------------------------------------------------------------------
# Cities
# ---------------------------------------------------------------------------

_KAZAKHSTAN = {"ru": "Казахстан", "en": "Kazakhstan"}
_UK = {"ru": "Великобритания", "en": "United Kingdom"}

CITIES = [
    {
        "key": "almaty",
        "name": {"ru": "Алматы", "en": "Almaty", "kk": "Алматы"},
        "country": dict(_KAZAKHSTAN),
    },
    {
        "key": "nur-sultan",
        "name": {"ru": "Нур-Султан", "en": "Nur-Sultan", "kk": "Нұр-Сұлтан"},
        "country": dict(_KAZAKHSTAN),
    },
    {
        "key": "shymkent",
        "name": {"ru": "Шымкент", "en": "Shymkent", "kk": "Шымкент"},
        "country": dict(_KAZAKHSTAN),
    },
    {
        "key": "liverpool",
        "name": {"ru": "Ливерпуль", "en": "Liverpool", "kk": "Ливерпуль"},
        "country": dict(_UK),
    },
    {
        "key": "london",
        "name": {"ru": "Лондон", "en": "London", "kk": "Лондон"},
        "country": dict(_UK),
    },
    {
        "key": "bristol",
        "name": {"ru": "Бристоль", "en": "Bristol", "kk": "Бристоль"},
        "country": dict(_UK),
    },
    {
        "key": "manchester",
        "name": {"ru": "Манчестер", "en": "Manchester", "kk": "Манчестер"},
        "country": dict(_UK),
    },
    {
        "key": "salford",
        "name": {"ru": "Солфорд", "en": "Salford", "kk": "Солфорд"},
        "country": dict(_UK),
    },
]

# ---------------------------------------------------------------------------
# Topics
# ---------------------------------------------------------------------------

#: The eight policy areas in which WeAlmaty supports the akimat.
POLICY_AREAS = (
    "integrated-transport",
    "health-wellbeing",
    "smart-city",
    "parks-public-spaces",
    "accessibility-inclusion",
    "startups-social-entrepreneurship",
    "childhood-early-development-play",
    "volunteering-active-citizenship",
)

TOPICS = [
    {
        "key": "integrated-transport",
        "policy_area": True,
        "name": {
            "ru": "Интегрированный транспорт",
            "en": "Integrated transport",
            "kk": "Интеграцияланған көлік",
        },
        "description": {
            "ru": (
                "Транспорт как единая система, в которой разные виды "
                "передвижения дополняют друг друга. Одна из восьми сфер, в "
                "которых «МыАлматы» помогает акимату вырабатывать политику."
            ),
            "en": (
                "Transport planned as one system in which different ways of "
                "getting around complement each other. One of the eight areas "
                "in which WeAlmaty helps the akimat develop policy."
            ),
        },
    },
    {
        "key": "health-wellbeing",
        "policy_area": True,
        "name": {
            "ru": "Здоровье и благополучие",
            "en": "Health and wellbeing",
            "kk": "Денсаулық және әл-ауқат",
        },
        "description": {
            "ru": (
                "Как город и его сообщества поддерживают здоровье и "
                "благополучие жителей. Одна из восьми сфер политики программы "
                "«МыАлматы»."
            ),
            "en": (
                "How the city and its communities support residents' health "
                "and wellbeing. One of the eight WeAlmaty policy areas."
            ),
        },
    },
    {
        "key": "smart-city",
        "policy_area": True,
        "name": {"ru": "«Умный» город", "en": "Smart city", "kk": "Ақылды қала"},
        "description": {
            "ru": (
                "Развитие Алматы как «умного» города, удобного для жизни и "
                "работы, — цель, с которой программа «МыАлматы» была запущена "
                "в апреле 2017 года."
            ),
            "en": (
                "Developing Almaty as a smart city that is a good place to "
                "live and work: the goal WeAlmaty set itself at its launch in "
                "April 2017."
            ),
        },
    },
    {
        "key": "parks-public-spaces",
        "policy_area": True,
        "name": {
            "ru": "Парки и общественные пространства",
            "en": "Parks and public spaces",
            "kk": "Саябақтар мен қоғамдық кеңістіктер",
        },
        "description": {
            "ru": (
                "Парки, скверы, улицы и другие места, открытые для всех "
                "горожан, и то, как жители участвуют в их преобразовании."
            ),
            "en": (
                "Parks, squares, streets and other places open to everyone, "
                "and how residents take part in changing them."
            ),
        },
    },
    {
        "key": "accessibility-inclusion",
        "policy_area": True,
        "name": {
            "ru": "Доступная среда и инклюзия",
            "en": "Disability access and inclusion",
            "kk": "Қолжетімді орта және инклюзия",
        },
        "description": {
            "ru": (
                "Доступность города для людей с инвалидностью и участие всех "
                "жителей в городской жизни. Одна из восьми сфер политики "
                "программы «МыАлматы»."
            ),
            "en": (
                "Making the city accessible to disabled people and open to the "
                "participation of all residents. One of the eight WeAlmaty "
                "policy areas."
            ),
        },
    },
    {
        "key": "startups-social-entrepreneurship",
        "policy_area": True,
        "name": {
            "ru": "Стартапы и инкубаторы социального предпринимательства",
            "en": "Startups and incubators for social entrepreneurship",
            "kk": "Әлеуметтік кәсіпкерлік стартаптары мен инкубаторлары",
        },
        "description": {
            "ru": (
                "Поддержка стартапов, которые решают городские и социальные "
                "задачи. Программа «МыАлматы» выделила 50 000 евро на "
                "финансирование инноваций в этой области."
            ),
            "en": (
                "Support for startups that tackle urban and social problems. "
                "WeAlmaty provided €50,000 of innovation funding in this "
                "field."
            ),
        },
    },
    {
        "key": "childhood-early-development-play",
        "policy_area": True,
        "name": {
            "ru": "Детство, раннее развитие и игра",
            "en": "Childhood, early development and play",
            "kk": "Балалық шақ, ерте даму және ойын",
        },
        "description": {
            "ru": (
                "Город, в котором детям хорошо расти, учиться и играть. Одна "
                "из восьми сфер политики программы «МыАлматы»."
            ),
            "en": (
                "A city where children can grow, learn and play well. One of the eight WeAlmaty policy areas."
            ),
        },
    },
    {
        "key": "volunteering-active-citizenship",
        "policy_area": True,
        "name": {
            "ru": "Волонтерство и активная гражданская позиция",
            "en": "Volunteering and active citizenship",
            "kk": "Еріктілік және белсенді азаматтық ұстаным",
        },
        "description": {
            "ru": (
                "Участие горожан в жизни и решениях города — от волонтерских "
                "инициатив до диалога с местной властью. Главная цель "
                "программы «МыАлматы»."
            ),
            "en": (
                "Residents taking part in the life and decisions of their "
                "city, from volunteer initiatives to dialogue with local "
                "government. The core aim of WeAlmaty."
            ),
        },
    },
    {
        "key": "placemaking",
        "policy_area": False,
        "name": {
            "ru": "Создание городской среды (плейсмейкинг)",
            "en": "Placemaking",
            "kk": "Қалалық ортаны қалыптастыру",
        },
        "description": {
            "ru": (
                "Как из конкретного места, сообщества и людей вырастает "
                "успешное общественное пространство. Тема V форума "
                "#МыАлматы (21 июля 2018 года)."
            ),
            "en": (
                "How a successful public space grows out of a particular "
                "place, its community and its people. The theme of the fifth "
                "#WeAlmaty forum on 21 July 2018."
            ),
        },
    },
    {
        "key": "creative-economy",
        "policy_area": False,
        "name": {
            "ru": "Креативная экономика",
            "en": "Creative economy",
            "kk": "Креативті экономика",
        },
        "description": {
            "ru": (
                "Креативные индустрии, хабы и кластеры и их роль в развитии "
                "города. В Алматы они формируются в рамках курса на "
                "полицентричность."
            ),
            "en": (
                "Creative industries, hubs and clusters and their part in a "
                "city's development. In Almaty they are emerging as the city "
                "pursues a polycentric model."
            ),
        },
    },
]

# ---------------------------------------------------------------------------
# Speakers
# ---------------------------------------------------------------------------

SPEAKERS = [
    {
        "key": "erika-rushton",
        "name": {"ru": "Эрика Раштон", "en": "Erika Rushton"},
        "role": {
            "ru": "Директор Baltic Triangle CIC / Baltic Creative",
            "en": "Director, Baltic Triangle CIC / Baltic Creative",
        },
        "organisation": "baltic-triangle-cic",
        "profile_url": "https://www.baltic-creative.com/about/team/erika-rushton/",
        "bio": {
            "ru": (
                "Британский эксперт по развитию успешных городских "
                "пространств из Ливерпуля. В пресс-релизе форума она названа "
                "директором Baltic Triangle CIC, в обзоре программы — "
                "директором Baltic Creative.\n\n"
                "По приглашению «МыАлматы» выступила на V форуме #МыАлматы "
                "«Создание городской среды (Placemaking)» 21 июля 2018 года в "
                "Алматы: рассказала о преображении района Baltic Triangle и о "
                "том, как вовлекать жителей и местные власти в изменение "
                "городских пространств."
            ),
            "en": (
                "A UK expert on developing successful urban spaces, from "
                "Liverpool. The forum press release names her director of "
                "Baltic Triangle CIC; the programme overview calls her "
                "director of Baltic Creative.\n\n"
                "At WeAlmaty's invitation she spoke at the fifth #WeAlmaty "
                "forum, Placemaking, in Almaty on 21 July 2018, describing the "
                "transformation of the Baltic Triangle and how residents and "
                "local authorities can be brought into changing urban spaces."
            ),
        },
    },
    {
        "key": "emma-nicholson",
        "name": {"ru": "Баронесса Эмма Николсон", "en": "Baroness Emma Nicholson"},
        "role": {"ru": "Член Палаты лордов", "en": "Member of the House of Lords"},
        "organisation": None,
        "bio": {
            "ru": (
                "Член Палаты лордов. Входит в число британских гостей, "
                "которых программа «МыАлматы» приглашала в качестве спикеров "
                "и участников своих мероприятий."
            ),
            "en": (
                "Member of the House of Lords. One of the UK guests WeAlmaty "
                "invited to speak at and take part in its events."
            ),
        },
    },
    {
        "key": "nicola-kane",
        "name": {"ru": "Никола Кейн", "en": "Nicola Kane"},
        "role": {
            "ru": (
                "Руководитель управления по стратегическому планированию и "
                "исследованиям, Transport for Greater Manchester"
            ),
            "en": ("Head of Strategic Planning and Research, Transport for Greater Manchester"),
        },
        "organisation": "tfgm",
        "bio": {
            "ru": (
                "Руководитель управления по стратегическому планированию и "
                "исследованиям в Transport for Greater Manchester. Входит в "
                "число британских экспертов, которых программа «МыАлматы» "
                "приглашала в качестве спикеров и участников своих "
                "мероприятий."
            ),
            "en": (
                "Head of strategic planning and research at Transport for "
                "Greater Manchester. One of the UK experts WeAlmaty invited "
                "to speak at and take part in its events."
            ),
        },
    },
]

# ---------------------------------------------------------------------------
# Events
# ---------------------------------------------------------------------------

EVENTS = [
    {
        "key": "urban-forum-5-placemaking",
        "number": 5,
        "title": {
            "ru": "V форум #МыАлматы «Создание городской среды (Placemaking)»",
            "en": "Fifth #WeAlmaty Urban Forum: Placemaking",
        },
        "date": "2018-07-21",
        "city": "almaty",
        "venue": {"ru": "Алматы", "en": "Almaty"},
        "organisers": [
            "british-council",
            "almaty-development-center",
            "kbtu",
            "akimat-almaty",
        ],
        "funders": ["european-union"],
        "topics": ["placemaking", "creative-economy", "parks-public-spaces"],
        "description": {
            "ru": (
                "Пятый форум проекта Европейского союза #МыАлматы был "
                "посвящен тому, как создавать успешные городские пространства, "
                "опираясь на принципы креативной экономики. Для Алматы тема "
                "актуальна: город взял курс на полицентричность, и в нем "
                "складываются креативные хабы и кластеры. Гостем форума стала "
                "Эрика Раштон, британский эксперт и директор Baltic Triangle "
                "CIC, — она рассказала о преображении ливерпульского района "
                "Baltic Triangle.\n\n"
                "Участники обменялись идеями о развитии креативных кварталов "
                "в Алматы. Несколько «культурных кварталов», вокруг которых "
                "складывается жизнь города, уже существуют, у других мест "
                "есть такой потенциал. Один из главных выводов дискуссии: "
                "успешное общественное пространство начинается с самого "
                "места, сообщества и людей, а также с «маленьких» шагов — "
                "например, с совместных дел и постоянного диалога между "
                "представителями сообщества и жителями.\n\n"
                "Организаторы — Британский совет, АО «Центр развития города "
                "Алматы», Казахстанско-Британский технический университет и "
                "акимат Алматы. Европейский союз поддерживает проект "
                "«МыАлматы» суммой 430 тысяч евро."
            ),
            "en": (
                "The fifth forum of the EU-funded #WeAlmaty project looked at "
                "how to create successful urban spaces using the principles of "
                "the creative economy. The topic is a live one for Almaty: the "
                "city has committed to a polycentric model, and creative hubs "
                "and clusters are taking shape. The guest expert was Erika "
                "Rushton from the UK, director of Baltic Triangle CIC, who "
                "described how Liverpool's Baltic Triangle district was "
                "transformed.\n\n"
                "Participants exchanged ideas on creative quarters for Almaty. "
                "A few 'cultural quarters' that anchor city life already "
                "exist, and other places could become one. A key conclusion "
                "was that a successful public space starts with the place "
                "itself, its community and its people, and with 'small' "
                "steps, such as joint activities and an ongoing dialogue "
                "between community representatives and residents.\n\n"
                "The forum was organised by the British Council, Almaty "
                "Development Center JSC, the Kazakh-British Technical "
                "University and the Akimat of Almaty. WeAlmaty receives "
                "€430,000 of financial support from the European Union."
            ),
        },
    },
]

# ---------------------------------------------------------------------------
# Talks
# ---------------------------------------------------------------------------

_RUSHTON_VOICE = "Erika Rushton"

# (start, end, English text, Russian text); timings in seconds.
_RUSHTON_CUES = (
    # Introduction
    (
        0.5,
        7.0,
        "Good afternoon, and thank you to WeAlmaty for inviting me to share our experience.",
        "Добрый день! Спасибо «МыАлматы» за приглашение поделиться нашим опытом.",
    ),
    (
        7.0,
        15.0,
        "My subject today is placemaking: what it takes for an urban space to succeed.",
        "Сегодня я буду говорить о создании городской среды — о том, что "
        "нужно, чтобы городское пространство стало успешным.",
    ),
    (
        15.0,
        24.0,
        "I know that Almaty is moving towards a polycentric city, and that "
        "creative hubs and clusters are taking shape here.",
        "Я знаю, что Алматы движется к полицентричности и в городе появляются креативные хабы и кластеры.",
    ),
    (
        24.0,
        33.0,
        "So I'll tell you the story of one Liverpool district, the Baltic "
        "Triangle, and what it has taught us.",
        "Поэтому я расскажу историю одного района Ливерпуля — Baltic Triangle — и о том, чему он нас научил.",
    ),
    (
        33.0,
        39.5,
        "And I'll finish with three recommendations.",
        "А в конце поделюсь тремя рекомендациями.",
    ),
    # The Baltic Triangle: from crisis to renaissance
    (
        40.0,
        50.0,
        "The Baltic Triangle is part of Liverpool's historic centre.",
        "Baltic Triangle — часть исторического центра Ливерпуля.",
    ),
    (
        50.0,
        61.0,
        "It has been through a deep economic crisis.",
        "Район пережил тяжелый экономический кризис.",
    ),
    (
        61.0,
        72.0,
        "Today people describe it as going through a renaissance.",
        "Сегодня о нем говорят как о районе, который переживает «ренессанс».",
    ),
    (
        72.0,
        86.0,
        "I want to show you how a place like this can come back to life, and who makes that happen.",
        "Я хочу показать, как такое место может вернуться к жизни и кто за этим стоит.",
    ),
    (
        86.0,
        99.0,
        "In our case, the answer is creative people.",
        "В нашем случае ответ — творческие люди.",
    ),
    # A creative hub
    (
        100.0,
        110.0,
        "The district has become a large creative hub.",
        "Район превратился в крупный креативный хаб.",
    ),
    (
        110.0,
        121.0,
        "It is home to digital agencies, record labels, entrepreneurs and architects.",
        "Здесь работают цифровые агентства, звукозаписывающие компании, предприниматели и архитекторы.",
    ),
    (
        121.0,
        133.0,
        "Artists, photographers and film-makers are here too, with many "
        "others from the creative and innovation industries.",
        "А еще художники, фотографы, кинематографисты и многие другие "
        "представители креативных и инновационных индустрий.",
    ),
    (
        133.0,
        145.0,
        "Among them are the games developer MilkyTea and the office of Karibu, a pop-culture website.",
        "Среди них — разработчик игр MilkyTea и офис сайта о поп-культуре Karibu.",
    ),
    (
        145.0,
        159.0,
        "As these businesses arrived, cafés, bars, shopping centres and "
        "other places to spend free time followed.",
        "Вслед за ними появились кафе, бары, торговые центры и другие места для досуга.",
    ),
    # Economic and social effects
    (
        160.0,
        171.0,
        "That has been good for the district's economy, and for the city's as a whole.",
        "Это пошло на пользу экономике района и всего города.",
    ),
    (
        171.0,
        183.0,
        "But the benefit was not only economic: the change also helped local people come together.",
        "Но эффект был не только экономическим: перемены способствовали и социальной интеграции жителей.",
    ),
    (
        183.0,
        195.0,
        "Our experience shows that it is creative people who start new and valuable initiatives.",
        "По нашему опыту, именно с творческих людей начинаются новые стоящие инициативы.",
    ),
    (
        195.0,
        207.0,
        "And research suggests that entrepreneurs and investors are drawn to "
        "cities with a strong creative sector.",
        "А исследования говорят о том, что предприниматели и инвесторы "
        "выбирают города с развитым креативным сектором.",
    ),
    (
        207.0,
        214.5,
        "That is worth keeping in mind as Almaty plans its own creative quarters.",
        "Об этом стоит помнить, планируя креативные кварталы в Алматы.",
    ),
    # Involving residents and local authorities
    (
        215.0,
        226.0,
        "It matters that residents and local authorities take part in changing a place themselves.",
        "Важно, чтобы жители и местные власти сами участвовали в преобразовании места.",
    ),
    (
        226.0,
        238.0,
        "In Liverpool, the projects of the Beautiful Ideas Festival are one example of how that can work.",
        "В Ливерпуле пример того, как это может работать, — проекты Beautiful Ideas Festival.",
    ),
    (
        238.0,
        250.0,
        "They show how people and the city's authorities can be brought into "
        "reshaping the spaces they share.",
        "Они показывают, как вовлечь людей и городские власти в изменение общих пространств.",
    ),
    (
        250.0,
        262.0,
        "What we are trying to do is make places that pull people in and give them ideas,",
        "Мы стремимся создавать места, которые притягивают людей и дают им идеи,",
    ),
    (
        262.0,
        269.5,
        "and that help those willing to take a risk to make something worthwhile.",
        "и помогают тем, кто готов идти на риск, раскрыться и сделать что-то стоящее.",
    ),
    # Three recommendations
    (
        270.0,
        280.0,
        "Let me close with three recommendations.",
        "В завершение — три рекомендации.",
    ),
    (
        280.0,
        292.0,
        "First, back risky ideas and people who are just starting out in "
        "business: believe in them and invest in them.",
        "Первая: не бойтесь рискованных идей и начинающих предпринимателей — "
        "верьте в них и вкладывайтесь в них.",
    ),
    (
        292.0,
        304.0,
        "Second, remember that anything significant is made up of a thousand "
        "small steps, each connected to the next.",
        "Вторая: все значительное складывается из тысячи небольших шагов, связанных друг с другом.",
    ),
    (
        304.0,
        317.0,
        "Third, focus on a particular place or community, and on the people who live there or would like to.",
        "Третья: думайте о конкретном месте или сообществе — и о тех, кто "
        "уже там живет или хотел бы там поселиться.",
    ),
    (
        317.0,
        326.0,
        "Thank you very much.",
        "Большое спасибо.",
    ),
)


def _timestamp(seconds):
    millis = round(seconds * 1000)
    hours, millis = divmod(millis, 3_600_000)
    minutes, millis = divmod(millis, 60_000)
    secs, millis = divmod(millis, 1000)
    return f"{hours:02d}:{minutes:02d}:{secs:02d}.{millis:03d}"


def _webvtt(cues, column, note):
    blocks = ["WEBVTT", f"NOTE\n{note}"]
    for number, cue in enumerate(cues, start=1):
        start, end, text = cue[0], cue[1], cue[column]
        blocks.append(f"{number}\n{_timestamp(start)} --> {_timestamp(end)}\n<v {_RUSHTON_VOICE}>{text}")
    return "\n\n".join(blocks) + "\n"


_TRANSCRIPT_NOTE = {
    "en": (
        "Sample reconstruction for the WeAlmaty library, based on the press "
        "release of 21 July 2018. Not a verbatim record of the talk."
    ),
    "ru": (
        "Образец для библиотеки «МыАлматы», реконструированный по "
        "пресс-релизу от 21 июля 2018 года. Не является дословной записью "
        "выступления."
    ),
}

TALKS = [
    {
        "key": "erika-rushton-placemaking",
        "title": {
            "ru": "Эрика Раштон: как создаются успешные городские пространства",
            "en": "Erika Rushton: how successful urban places are made",
        },
        "speakers": ["erika-rushton"],
        "event": "urban-forum-5-placemaking",
        "date": "2018-07-21",
        "language": "en",
        "duration_seconds": 330,
        "is_sample_reconstruction": True,
        "summary": {
            "ru": (
                "Эрика Раштон рассказывает, как исторический район Ливерпуля "
                "Baltic Triangle пережил экономический кризис и стал крупным "
                "креативным хабом, что это дало району и городу и как в "
                "перемены вовлекали жителей и местные власти. В конце — три "
                "рекомендации для городов.\n\n"
                "Это демонстрационный образец, а не дословная запись. "
                "Расшифровка и главы реконструированы по пресс-релизу "
                "форума, аудиодорожка — синтетическая заглушка."
            ),
            "en": (
                "Erika Rushton explains how Liverpool's historic Baltic "
                "Triangle came through an economic crisis to become a large "
                "creative hub, what that meant for the district and the city, "
                "and how residents and local authorities were involved. She "
                "ends with three recommendations for cities.\n\n"
                "This is a sample reconstruction, not a verbatim record. The "
                "transcript and chapters are based on the forum press "
                "release, and the audio track is a synthetic placeholder."
            ),
        },
        "topics": ["placemaking", "creative-economy", "parks-public-spaces"],
        "provider": "kbtu",
        "chapters": [
            {"start": 0, "title": {"ru": "Вступление", "en": "Introduction"}},
            {
                "start": 40,
                "title": {
                    "ru": "Baltic Triangle: от кризиса к «ренессансу»",
                    "en": "The Baltic Triangle: from crisis to renaissance",
                },
            },
            {"start": 100, "title": {"ru": "Креативный хаб", "en": "A creative hub"}},
            {
                "start": 160,
                "title": {
                    "ru": "Экономический и социальный эффект",
                    "en": "Economic and social effects",
                },
            },
            {
                "start": 215,
                "title": {
                    "ru": "Вовлечение жителей и местных властей",
                    "en": "Involving residents and local authorities",
                },
            },
            {
                "start": 270,
                "title": {"ru": "Три рекомендации", "en": "Three recommendations"},
            },
        ],
        "transcript": {
            "en": _webvtt(_RUSHTON_CUES, 2, _TRANSCRIPT_NOTE["en"]),
            "ru": _webvtt(_RUSHTON_CUES, 3, _TRANSCRIPT_NOTE["ru"]),
        },
    },
]

# ---------------------------------------------------------------------------
# Speaker materials
# ---------------------------------------------------------------------------

MATERIALS = [
    {
        "key": "erika-rushton-placemaking-slides",
        "title": {
            "ru": "Эрика Раштон: как создаются успешные городские пространства (слайды)",
            "en": "Erika Rushton: how successful urban places are made (slides)",
        },
        "talk": "erika-rushton-placemaking",
        "event": "urban-forum-5-placemaking",
        "speakers": ["erika-rushton"],
        "material_type": "slides",
        "language": "en",
        "is_sample_reconstruction": True,
        "summary": {
            "ru": (
                "Слайды к выступлению Эрики Раштон на V форуме #МыАлматы: "
                "история Baltic Triangle, состав креативного хаба, "
                "экономический и социальный эффект, вовлечение жителей и три "
                "рекомендации. Демонстрационный образец, составленный по "
                "пресс-релизу форума, а не оригинальная презентация спикера."
            ),
            "en": (
                "Slides for Erika Rushton's talk at the fifth #WeAlmaty "
                "forum: the Baltic Triangle's story, who works in the creative "
                "hub, the economic and social effects, involving residents, "
                "and three recommendations. A sample reconstruction based on "
                "the forum press release, not the speaker's original deck."
            ),
        },
        "topics": ["placemaking", "creative-economy"],
        "provider": "kbtu",
        "slides": [
            {
                "title": "How successful urban places are made",
                "bullets": [
                    "Erika Rushton, Baltic Triangle CIC / Baltic Creative, Liverpool",
                    "Fifth #WeAlmaty Urban Forum: Placemaking",
                    "Almaty, 21 July 2018",
                    "Sample slides reconstructed from the forum press release",
                ],
            },
            {
                "title": "The Baltic Triangle, Liverpool",
                "bullets": [
                    "Part of Liverpool's historic centre",
                    "Went through a deep economic crisis",
                    "Now described as going through a renaissance",
                ],
            },
            {
                "title": "A creative hub",
                "bullets": [
                    "Digital agencies and record labels",
                    "Entrepreneurs and architects",
                    "Artists, photographers and film-makers",
                    "Games developer MilkyTea",
                    "The office of Karibu, a pop-culture website",
                ],
            },
            {
                "title": "What followed",
                "bullets": [
                    "Cafes, bars, shopping centres and other places for leisure",
                    "A stronger economy for the district and for Liverpool",
                    "Social integration as well as economic growth",
                ],
            },
            {
                "title": "Bringing people in",
                "bullets": [
                    "Involve residents in changing urban spaces",
                    "Involve local authorities too",
                    "Example: projects of the Beautiful Ideas Festival, Liverpool",
                ],
            },
            {
                "title": "Why creative places matter",
                "bullets": [
                    "Places should draw people in and give them ideas",
                    "They should help people willing to take risks to make something worthwhile",
                    "Creative people start new, valuable initiatives",
                    "Research: entrepreneurs and investors are drawn to cities with a strong creative sector",
                ],
            },
            {
                "title": "Three recommendations",
                "bullets": [
                    "Believe in risky ideas and new entrepreneurs, and invest in them",
                    "Anything significant is 1,000 small, connected steps",
                    "Focus on a particular place or community, and on the "
                    "people who live there or would like to",
                ],
            },
        ],
    },
]

# ---------------------------------------------------------------------------
# Case studies
# ---------------------------------------------------------------------------

_OVERVIEW_SOURCE = {
    "title": "Проект «МыАлматы» British Council в Казахстане",
    "publisher": "British Council",
    "year": None,
    "url": "",
}

_PROGRAMME_PERIOD = {
    "ru": "Период программы «МыАлматы» (2017–2020)",
    "en": "During the WeAlmaty programme (2017–2020)",
}

_STARTUP_FUNDING = {
    "ru": (
        "Проект получил поддержку фонда инноваций «МыАлматы»: всего "
        "программа направила 50 000 евро на стартапы в сфере гражданской "
        "активности и социального предпринимательства. Размер поддержки "
        "отдельных проектов в материалах программы не раскрывается."
    ),
    "en": (
        "The project was supported by WeAlmaty's innovation fund: in total "
        "the programme provided €50,000 for startups in civic engagement and "
        "social entrepreneurship. Programme materials do not give the amount "
        "awarded to individual projects."
    ),
}

_STARTUP_OUTCOMES_NOTE = {
    "ru": (
        "Обзор программы называет проект среди поддержанных стартапов, но не "
        "приводит данных о его результатах."
    ),
    "en": (
        "The programme overview lists the project among the startups it "
        "supported but gives no data on its results."
    ),
}


def _join(*parts):
    return {
        "ru": "\n\n".join(part["ru"] for part in parts),
        "en": "\n\n".join(part["en"] for part in parts),
    }


CASE_STUDIES = [
    {
        "key": "baltic-triangle-liverpool",
        "title": {
            "ru": "Baltic Triangle, Ливерпуль: от экономического кризиса к креативному кварталу",
            "en": "Baltic Triangle, Liverpool: from economic crisis to creative quarter",
        },
        "city": "liverpool",
        "period": {
            "ru": "По состоянию на июль 2018 года, когда опыт района был представлен на форуме #МыАлматы",
            "en": "As of July 2018, when the district's experience was presented at the #WeAlmaty forum",
        },
        "organisations": ["baltic-triangle-cic"],
        "summary": {
            "ru": (
                "Исторический район в центре Ливерпуля пережил тяжелый "
                "экономический кризис и превратился в крупный креативный хаб. "
                "Вслед за креативными компаниями здесь появились места "
                "досуга, а перемены принесли району и городу не только "
                "экономический рост, но и социальную интеграцию. Кейс "
                "основан на выступлении Эрики Раштон на V форуме #МыАлматы "
                "21 июля 2018 года."
            ),
            "en": (
                "A historic district in central Liverpool came through a "
                "severe economic crisis and became a large creative hub. "
                "Leisure venues followed the creative businesses, and the "
                "change brought the district and the city social integration "
                "as well as economic growth. Based on Erika Rushton's talk at "
                "the fifth #WeAlmaty forum on 21 July 2018."
            ),
        },
        "challenge": {
            "ru": (
                "Baltic Triangle — часть исторического центра Ливерпуля — "
                "прошел через значительный экономический кризис.\n\n"
                "Перед районом стоял вопрос, знакомый многим городам: как "
                "вернуть к жизни территорию, потерявшую экономическую опору, "
                "и сделать так, чтобы перемены пошли на пользу ее жителям."
            ),
            "en": (
                "The Baltic Triangle, part of Liverpool's historic centre, "
                "went through a serious economic crisis.\n\n"
                "The district faced a question many cities know well: how to "
                "bring an area that has lost its economic base back to life, "
                "and how to make sure the change benefits the people who live "
                "there."
            ),
        },
        "approach": {
            "ru": (
                "Основой возрождения района стали креативные и инновационные "
                "индустрии. Здесь сосредоточились цифровые агентства, "
                "звукозаписывающие компании, предприниматели, архитекторы, "
                "художники, фотографы и кинематографисты; среди них — "
                "разработчик игр MilkyTea и офис сайта о поп-культуре "
                "Karibu.\n\n"
                "Важной частью подхода было участие жителей и местных "
                "властей в преобразовании городских пространств. В качестве "
                "примера Эрика Раштон привела проекты Beautiful Ideas "
                "Festival в Ливерпуле."
            ),
            "en": (
                "The creative and innovation industries drove the district's "
                "revival. Digital agencies, record labels, entrepreneurs, "
                "architects, artists, photographers and film-makers clustered "
                "here, among them the games developer MilkyTea and the office "
                "of the pop-culture website Karibu.\n\n"
                "Involving residents and local authorities in reshaping urban "
                "spaces was an important part of the approach. Erika Rushton "
                "gave the projects of the Beautiful Ideas Festival in "
                "Liverpool as an example."
            ),
        },
        "outcomes": {
            "ru": (
                "Вслед за креативными компаниями в Baltic Triangle открылись "
                "кафе, бары, торговые центры и другие места досуга. Это "
                "укрепило экономику района и Ливерпуля в целом, а кроме "
                "экономического роста перемены способствовали социальной "
                "интеграции жителей. Сегодня о районе говорят как о "
                "переживающем «ренессанс».\n\n"
                "Количественных показателей в материалах форума нет."
            ),
            "en": (
                "Cafés, bars, shopping centres and other leisure venues "
                "opened in the Baltic Triangle after the creative businesses "
                "arrived. This strengthened the economy of the district and "
                "of Liverpool as a whole, and beyond economic growth the "
                "change supported the social integration of residents. The "
                "district is now described as going through a "
                "renaissance.\n\n"
                "The forum materials give no figures."
            ),
        },
        "lessons": {
            "ru": (
                "Творческие люди запускают новые ценные инициативы, а "
                "предпринимателей и инвесторов, по данным исследований, на "
                "которые ссылалась Эрика Раштон, привлекают города с "
                "развитым креативным сектором. Поэтому задача города — "
                "создавать места, которые притягивают и вдохновляют людей и "
                "помогают раскрыться тем, кто готов рисковать.\n\n"
                "Для Алматы, где в рамках курса на полицентричность "
                "формируются креативные хабы и кластеры, этот опыт важен "
                "тем, что креативный квартал строится вокруг конкретного "
                "места и сообщества. К тому же выводу пришли участники "
                "форума: начинать стоит с «маленьких» шагов — совместных дел "
                "и постоянного диалога сообщества и жителей."
            ),
            "en": (
                "Creative people start new and valuable initiatives, and, "
                "according to research Erika Rushton cited, entrepreneurs and "
                "investors are drawn to cities with a well-developed creative "
                "sector. The city's task is therefore to create places that "
                "attract and inspire people and help those willing to take "
                "risks to realise their potential.\n\n"
                "For Almaty, where creative hubs and clusters are forming as "
                "part of a polycentric strategy, the lesson is that a "
                "creative quarter is built around a specific place and "
                "community. Forum participants reached the same conclusion: "
                "start with 'small' steps, such as joint activities and an "
                "ongoing dialogue between the community and residents."
            ),
        },
        "recommendations": [
            {
                "ru": "Верить в рискованные идеи и начинающих предпринимателей и вкладываться в них.",
                "en": "Believe in risky ideas and new entrepreneurs, and invest in them.",
            },
            {
                "ru": "Помнить, что любое крупное изменение складывается из "
                "тысячи небольших взаимосвязанных шагов.",
                "en": "Remember that any major change is made of a thousand small, connected steps.",
            },
            {
                "ru": "Сосредоточиться на конкретном месте или сообществе — "
                "и на тех, кто уже там живет или хотел бы поселиться.",
                "en": "Focus on a particular place or community and on the "
                "people who live there or would like to.",
            },
        ],
        "sources": [
            {
                "title": "В Алматы прошел форум «МыАлматы» о создании успешных "
                "городских пространств (пресс-релиз)",
                "publisher": "British Council / МыАлматы",
                "year": 2018,
                "url": "",
            },
            {
                "title": "Erika Rushton: how successful urban places are made "
                "(talk at the fifth #WeAlmaty Urban Forum, 21 July 2018)",
                "publisher": "МыАлматы / KBTU",
                "year": 2018,
                "url": "",
            },
            {
                "title": "Erika Rushton (team profile)",
                "publisher": "Baltic Creative",
                "year": None,
                "url": "https://www.baltic-creative.com/about/team/erika-rushton/",
            },
        ],
        "topics": [
            "placemaking",
            "creative-economy",
            "parks-public-spaces",
            "startups-social-entrepreneurship",
        ],
        "talks": ["erika-rushton-placemaking"],
        "provider": "kbtu",
        "language": "ru",
        "publication_date": "2018-09-03",
    },
    {
        "key": "office-waste-separation",
        "title": {
            "ru": "Раздельный сбор мусора в офисах",
            "en": "Separate waste collection in offices",
        },
        "city": "almaty",
        "period": dict(_PROGRAMME_PERIOD),
        "organisations": ["british-council"],
        "summary": {
            "ru": (
                "Один из стартапов, поддержанных программой «МыАлматы», "
                "занимается раздельным сбором мусора в офисах. Кейс кратко "
                "описывает идею и ее место в программе; подробных данных о "
                "работе и результатах проекта в материалах программы нет."
            ),
            "en": (
                "One of the startups supported by WeAlmaty works on separate "
                "waste collection in offices. This case study outlines the "
                "idea and its place in the programme; programme materials "
                "give no detail on how the project works or what it achieved."
            ),
        },
        "challenge": {
            "ru": (
                "Раздельный сбор отходов — одна из самых понятных форм "
                "повседневной ответственности за город, но привычка "
                "сортировать мусор не появляется сама собой. Офис, где "
                "многие горожане проводят рабочий день, — удобное место, "
                "чтобы такая привычка сложилась."
            ),
            "en": (
                "Separating waste is one of the most tangible everyday ways "
                "of taking responsibility for a city, but the habit does not "
                "form by itself. The office, where many residents spend their "
                "working day, is a practical place for it to take root."
            ),
        },
        "approach": _join(
            {
                "ru": "Проект предлагает организовать раздельный сбор мусора непосредственно в офисах.",
                "en": "The project brings separate waste collection into offices themselves.",
            },
            _STARTUP_FUNDING,
            {
                "ru": "Детали модели — кто сортирует отходы, куда они "
                "передаются и как финансируется работа — в обзоре программы "
                "не описаны.",
                "en": "The overview does not describe the details of the "
                "model: who sorts the waste, where it goes or how the work is "
                "paid for.",
            },
        ),
        "outcomes": _join(
            _STARTUP_OUTCOMES_NOTE,
            {
                "ru": "Для будущей оценки полезно собрать сведения о числе "
                "подключенных офисов, объеме отсортированных отходов и о "
                "том, сохраняется ли практика без внешней поддержки.",
                "en": "A future review could look at the number of offices "
                "taking part, the volume of waste separated and whether the "
                "practice continues without outside support.",
            },
        ),
        "lessons": {
            "ru": (
                "Даже небольшая бытовая инициатива может стать точкой входа "
                "в социальное предпринимательство и гражданскую активность. "
                "Чтобы опыт таких проектов можно было сравнивать и "
                "передавать, важно с самого начала фиксировать простые "
                "показатели."
            ),
            "en": (
                "Even a small, everyday initiative can be a way into social "
                "entrepreneurship and civic engagement. Recording simple "
                "indicators from the start makes it possible to compare such "
                "projects and pass on what they learn."
            ),
        },
        "recommendations": [
            {
                "ru": "Отрабатывать модель на нескольких офисах-партнерах, прежде чем расширять ее.",
                "en": "Test the model with a few partner offices before scaling up.",
            },
            {
                "ru": "С первого дня вести учет участников и объемов собранных отходов.",
                "en": "Keep track of participants and collected volumes from day one.",
            },
            {
                "ru": "Делиться результатами с другими стартапами и городскими службами.",
                "en": "Share results with other startups and with city services.",
            },
        ],
        "sources": [dict(_OVERVIEW_SOURCE)],
        "topics": [
            "startups-social-entrepreneurship",
            "volunteering-active-citizenship",
        ],
        "provider": "kbtu",
        "language": "ru",
        "publication_date": "2019-10-07",
    },
    {
        "key": "urban-sounds-lab",
        "title": {
            "ru": "Лаборатория городских звуков",
            "en": "The urban sounds lab",
        },
        "city": "almaty",
        "period": dict(_PROGRAMME_PERIOD),
        "organisations": ["british-council"],
        "summary": {
            "ru": (
                "Лаборатория городских звуков — один из стартапов, "
                "получивших поддержку «МыАлматы». Проект обращает внимание "
                "на звук как на часть городской среды; подробностей о его "
                "работе в материалах программы нет."
            ),
            "en": (
                "The urban sounds lab is one of the startups supported by "
                "WeAlmaty. It treats sound as part of the urban environment; "
                "programme materials give no further detail about its work."
            ),
        },
        "challenge": {
            "ru": (
                "О городской среде обычно говорят в терминах застройки, "
                "транспорта и озеленения, а звук остается в тени. Между тем "
                "то, как звучат улица, двор или парк, влияет на то, "
                "насколько там комфортно."
            ),
            "en": (
                "Discussions of the urban environment usually focus on "
                "buildings, transport and greenery, and sound is easily "
                "overlooked. Yet how a street, courtyard or park sounds "
                "affects how comfortable it feels."
            ),
        },
        "approach": _join(
            {
                "ru": "Проект задуман как лаборатория, посвященная звукам города.",
                "en": "The project is set up as a lab devoted to the sounds of the city.",
            },
            _STARTUP_FUNDING,
            {
                "ru": "Формат работы лаборатории в обзоре программы не описан.",
                "en": "The overview does not describe how the lab works.",
            },
        ),
        "outcomes": _join(
            _STARTUP_OUTCOMES_NOTE,
            {
                "ru": "Полезно было бы узнать, какие материалы собрала "
                "лаборатория, кто ими пользуется и повлияли ли они на "
                "решения о конкретных пространствах.",
                "en": "It would be useful to know what material the lab has "
                "gathered, who uses it and whether it has informed decisions "
                "about particular spaces.",
            },
        ),
        "lessons": {
            "ru": (
                "Проект показывает, насколько широко участники программы "
                "понимают городскую среду: это не только здания и улицы, но "
                "и звук. Такие инициативы хорошо сочетаются с темами "
                "плейсмейкинга и креативной экономики."
            ),
            "en": (
                "The project shows how broadly programme participants think "
                "about the urban environment: it includes sound as well as "
                "buildings and streets. Initiatives like this fit naturally "
                "with placemaking and the creative economy."
            ),
        },
        "recommendations": [
            {
                "ru": "Открыто описывать методы работы, чтобы их могли повторить другие.",
                "en": "Describe working methods openly so that others can repeat them.",
            },
            {
                "ru": "Связывать работу со звуком с проектами по преобразованию общественных пространств.",
                "en": "Link work on sound to projects that reshape public spaces.",
            },
            {
                "ru": "Делиться собранными материалами с городом и исследователями.",
                "en": "Share the material gathered with the city and with researchers.",
            },
        ],
        "sources": [dict(_OVERVIEW_SOURCE)],
        "topics": [
            "startups-social-entrepreneurship",
            "creative-economy",
            "placemaking",
        ],
        "provider": "kbtu",
        "language": "ru",
        "publication_date": "2019-10-14",
    },
    {
        "key": "community-lake-restoration",
        "title": {
            "ru": "Восстановление городского озера силами местного сообщества",
            "en": "Community-led restoration of a city lake",
        },
        "city": "almaty",
        "period": dict(_PROGRAMME_PERIOD),
        "organisations": ["british-council"],
        "summary": {
            "ru": (
                "Амбициозный проект, в котором местное сообщество взялось "
                "восстановить городское озеро. Один из стартапов, "
                "поддержанных «МыАлматы»; обзор программы не называет ни "
                "само озеро, ни сроки работ."
            ),
            "en": (
                "An ambitious project in which a local community set out to "
                "restore a city lake. One of the startups supported by "
                "WeAlmaty; the programme overview names neither the lake nor "
                "the timeline."
            ),
        },
        "challenge": {
            "ru": (
                "Городской водоем может быть ценным общественным "
                "пространством, но без заботы теряет свою ценность для "
                "жителей. Вопрос в том, кто возьмет на себя эту заботу."
            ),
            "en": (
                "A city lake can be a valuable public space, but without care "
                "it loses its value to residents. The question is who takes "
                "that care on."
            ),
        },
        "approach": _join(
            {
                "ru": "Инициатива исходит от самого местного сообщества, "
                "которое ставит перед собой амбициозную цель — восстановить "
                "озеро.",
                "en": "The initiative comes from the local community itself, "
                "which has set itself the ambitious goal of restoring the "
                "lake.",
            },
            _STARTUP_FUNDING,
        ),
        "outcomes": _join(
            _STARTUP_OUTCOMES_NOTE,
            {
                "ru": "Для оценки стоит проследить, как менялось состояние "
                "озера и окружающей территории, сколько жителей участвовало "
                "в работе и удалось ли договориться о дальнейшем уходе с "
                "городскими службами.",
                "en": "A review could trace changes in the state of the lake "
                "and its surroundings, how many residents took part and "
                "whether long-term care was agreed with city services.",
            },
        ),
        "lessons": {
            "ru": (
                "Проект иллюстрирует вывод V форума #МыАлматы: успешное "
                "общественное пространство начинается с места, сообщества и "
                "людей. Крупная цель достигается через множество небольших "
                "связанных шагов — об этом говорила и Эрика Раштон."
            ),
            "en": (
                "The project illustrates a conclusion of the fifth #WeAlmaty "
                "forum: a successful public space starts with the place, the "
                "community and its people. A large goal is reached through "
                "many small, connected steps, as Erika Rushton also said."
            ),
        },
        "recommendations": [
            {
                "ru": "Разбить большую цель на понятные этапы, каждый из которых дает видимый результат.",
                "en": "Break the large goal into clear stages, each with a visible result.",
            },
            {
                "ru": "С самого начала вовлекать в работу местные власти и городские службы.",
                "en": "Involve local authorities and city services from the start.",
            },
            {
                "ru": "Поддерживать постоянный диалог между активистами и жителями окрестных домов.",
                "en": "Keep up a continuing dialogue between activists and people living nearby.",
            },
        ],
        "sources": [dict(_OVERVIEW_SOURCE)],
        "topics": [
            "parks-public-spaces",
            "volunteering-active-citizenship",
            "startups-social-entrepreneurship",
        ],
        "provider": "kbtu",
        "language": "ru",
        "publication_date": "2019-10-21",
    },
    {
        "key": "s-lyubovyu-v-kazhdoy-petelke",
        "title": {
            "ru": "«С любовью в каждой петельке»: социальный проект, объединяющий поколения",
            "en": "“With Love in Every Stitch” (S lyubovyu v kazhdoy "
            "petelke): an intergenerational social project",
        },
        "city": "almaty",
        "period": dict(_PROGRAMME_PERIOD),
        "organisations": ["british-council"],
        "summary": {
            "ru": (
                "Социальный проект, в котором участвуют люди разных "
                "поколений: он продает вещи ручной работы и параллельно "
                "предлагает услуги для здоровья и благополучия. Один из "
                "стартапов, поддержанных программой «МыАлматы»."
            ),
            "en": (
                "A social project that brings generations together, sells "
                "handmade goods and at the same time provides health and "
                "wellbeing services. One of the startups supported by "
                "WeAlmaty."
            ),
        },
        "challenge": {
            "ru": (
                "Проект работает на стыке нескольких задач: связь между "
                "поколениями, здоровье и благополучие горожан и собственный "
                "доход, который позволяет социальной инициативе не зависеть "
                "только от внешней поддержки."
            ),
            "en": (
                "The project sits where several needs meet: links between "
                "generations, residents' health and wellbeing, and earned "
                "income that keeps a social initiative from relying solely on "
                "outside support."
            ),
        },
        "approach": _join(
            {
                "ru": "Модель сочетает продажу изделий ручной работы с "
                "услугами в сфере здоровья и благополучия, а участие разных "
                "поколений заложено в сам замысел.",
                "en": "The model combines selling handmade goods with health "
                "and wellbeing services, and involving different generations "
                "is built into the idea.",
            },
            _STARTUP_FUNDING,
        ),
        "outcomes": _join(
            _STARTUP_OUTCOMES_NOTE,
            {
                "ru": "Для оценки полезно понять, кто участвует в проекте, "
                "какие услуги он оказывает и какую долю расходов покрывают "
                "продажи.",
                "en": "A review could look at who takes part, which services "
                "are provided and what share of costs sales cover.",
            },
        ),
        "lessons": {
            "ru": (
                "Социальное предпринимательство способно соединить доход и "
                "общественную пользу в одной модели. Проекты, объединяющие "
                "поколения, работают сразу на несколько сфер политики "
                "«МыАлматы»: здоровье и благополучие, социальное "
                "предпринимательство и активную гражданскую позицию."
            ),
            "en": (
                "Social entrepreneurship can combine income and public "
                "benefit in a single model. Intergenerational projects serve "
                "several WeAlmaty policy areas at once: health and wellbeing, "
                "social entrepreneurship and active citizenship."
            ),
        },
        "recommendations": [
            {
                "ru": "Рассматривать социальные предприятия как партнеров "
                "города в сфере здоровья и благополучия.",
                "en": "Treat social enterprises as the city's partners in health and wellbeing.",
            },
            {
                "ru": "Поддерживать проекты, в которых разные поколения работают вместе.",
                "en": "Support projects in which different generations work together.",
            },
            {
                "ru": "Отслеживать и социальный, и финансовый результат.",
                "en": "Track both social and financial results.",
            },
        ],
        "sources": [dict(_OVERVIEW_SOURCE)],
        "topics": [
            "health-wellbeing",
            "startups-social-entrepreneurship",
            "volunteering-active-citizenship",
        ],
        "provider": "kbtu",
        "language": "ru",
        "publication_date": "2019-10-28",
    },
]

# ---------------------------------------------------------------------------
# Policy briefs (publication dates are sample values)
# ---------------------------------------------------------------------------

_PROGRAMME_CONTEXT = {
    "ru": (
        "«МыАлматы» — трехлетняя программа, запущенная в апреле 2017 года "
        "при финансовой поддержке Европейского союза. Ее ведет Британский "
        "совет вместе с акиматом Алматы, Центром развития города Алматы и "
        "КБТУ. Цель программы — расширить участие горожан в решениях о "
        "будущем Алматы и развивать культуру гражданской активности и "
        "инноваций."
    ),
    "en": (
        "WeAlmaty is a three-year programme launched in April 2017 with "
        "funding from the European Union. The British Council runs it "
        "together with the Akimat of Almaty, the Almaty Development Center "
        "and KBTU. Its aim is to give residents a greater say in decisions "
        "about Almaty's future and to build a culture of civic engagement "
        "and innovation."
    ),
}

POLICY_BRIEFS = [
    {
        "key": "brief-integrated-transport",
        "title": {
            "ru": "Интегрированный транспорт: как вовлекать горожан в транспортную политику",
            "en": "Integrated transport: involving residents in transport policy",
        },
        "topics": ["integrated-transport"],
        "summary": {
            "ru": (
                "Записка о том, как инструменты «МыАлматы» — форумы, учебные "
                "туры, обучение и обмен опытом с британскими городами — "
                "могут помочь акимату выстраивать транспортную политику "
                "вместе с жителями. Среди британских собеседников программы "
                "была Никола Кейн из Transport for Greater Manchester."
            ),
            "en": (
                "How WeAlmaty's tools (forums, study tours, training and "
                "exchange with UK cities) can help the akimat develop "
                "transport policy together with residents. Nicola Kane of "
                "Transport for Greater Manchester was among the programme's "
                "UK contributors."
            ),
        },
        "key_recommendations": [
            {
                "ru": "Обсуждать крупные транспортные решения с жителями на "
                "ранней стадии, используя формат Urban Forum.",
                "en": "Discuss major transport decisions with residents at an "
                "early stage, using the Urban Forum format.",
            },
            {
                "ru": "Выделить стратегическое планирование и исследования в "
                "самостоятельное направление работы — по примеру Transport "
                "for Greater Manchester, где для этого есть отдельное "
                "управление.",
                "en": "Make strategic planning and research a distinct "
                "function, as Transport for Greater Manchester does with a "
                "dedicated team.",
            },
            {
                "ru": "Включать транспортных специалистов акимата в программы обучения и учебные туры.",
                "en": "Include the akimat's transport staff in training programmes and study tours.",
            },
            {
                "ru": "Рассматривать транспорт вместе с доступностью среды и общественными пространствами.",
                "en": "Consider transport together with accessibility and public spaces.",
            },
        ],
        "body": [
            {
                "heading": {"ru": "Контекст", "en": "Context"},
                "text": _join(
                    _PROGRAMME_CONTEXT,
                    {
                        "ru": "Интегрированный транспорт — одна из восьми "
                        "сфер, в которых программа помогает акимату "
                        "вырабатывать политику.",
                        "en": "Integrated transport is one of the eight areas "
                        "in which the programme helps the akimat develop "
                        "policy.",
                    },
                ),
            },
            {
                "heading": {
                    "ru": "Опыт Великобритании",
                    "en": "Experience from the UK",
                },
                "text": {
                    "ru": (
                        "Среди британских экспертов, которых программа "
                        "приглашала на свои мероприятия, была Никола Кейн, "
                        "руководитель управления по стратегическому "
                        "планированию и исследованиям Transport for Greater "
                        "Manchester. Отдельное управление по стратегическому "
                        "планированию и исследованиям в транспортной "
                        "организации — пример того, как эти функции можно "
                        "закрепить институционально.\n\n"
                        "Манчестер и Солфорд вошли в маршрут третьего "
                        "учебного тура «МыАлматы» в Великобританию, "
                        "запланированного на январь 2020 года."
                    ),
                    "en": (
                        "The UK experts invited to the programme's events "
                        "included Nicola Kane, head of strategic planning and "
                        "research at Transport for Greater Manchester. A "
                        "dedicated strategic planning and research team in a "
                        "transport organisation is one way to give these "
                        "functions an institutional home.\n\n"
                        "Manchester and Salford are on the route of "
                        "WeAlmaty's third UK study tour, planned for January "
                        "2020."
                    ),
                },
            },
            {
                "heading": {
                    "ru": "Участие горожан",
                    "en": "Resident participation",
                },
                "text": {
                    "ru": (
                        "Тысяча участников десяти мероприятий Urban Forum "
                        "показывают, что жители готовы обсуждать городские "
                        "вопросы. Транспортные решения выигрывают, когда "
                        "такое обсуждение проходит до утверждения планов, а "
                        "не после."
                    ),
                    "en": (
                        "A thousand people taking part in ten Urban Forum "
                        "events shows that residents are ready to discuss "
                        "city issues. Transport decisions benefit when that "
                        "discussion happens before plans are approved rather "
                        "than after."
                    ),
                },
            },
        ],
        "authors": [],
        "related_speakers": ["nicola-kane"],
        "provider": "almaty-development-center",
        "language": "ru",
        "publication_date": "2019-11-04",
    },
    {
        "key": "brief-health-wellbeing",
        "title": {
            "ru": "Здоровье и благополучие: роль сообществ и социальных предприятий",
            "en": "Health and wellbeing: the role of communities and social enterprises",
        },
        "topics": ["health-wellbeing", "startups-social-entrepreneurship"],
        "summary": {
            "ru": (
                "Записка о том, как городская политика в области здоровья и "
                "благополучия может опираться на инициативы сообществ и "
                "социальных предпринимателей. Пример из Алматы — "
                "поддержанный программой проект «С любовью в каждой "
                "петельке»."
            ),
            "en": (
                "How city policy on health and wellbeing can build on "
                "community initiatives and social entrepreneurs. The Almaty "
                "example is “With Love in Every Stitch”, a project the "
                "programme supported."
            ),
        },
        "key_recommendations": [
            {
                "ru": "Рассматривать социальные предприятия и инициативы "
                "сообществ как партнеров города в сфере здоровья и "
                "благополучия.",
                "en": "Treat social enterprises and community initiatives as "
                "the city's partners in health and wellbeing.",
            },
            {
                "ru": "Поддерживать проекты, объединяющие разные поколения.",
                "en": "Support projects that bring generations together.",
            },
            {
                "ru": "Учитывать благополучие жителей при планировании общественных пространств.",
                "en": "Take residents' wellbeing into account when planning public spaces.",
            },
            {
                "ru": "Договориться о простых показателях, по которым можно "
                "оценивать результат таких проектов.",
                "en": "Agree simple indicators for judging the results of such projects.",
            },
        ],
        "body": [
            {
                "heading": {"ru": "Контекст", "en": "Context"},
                "text": _join(
                    _PROGRAMME_CONTEXT,
                    {
                        "ru": "Здоровье и благополучие — одна из восьми "
                        "сфер, в которых программа помогает акимату "
                        "вырабатывать политику.",
                        "en": "Health and wellbeing is one of the eight areas "
                        "in which the programme helps the akimat develop "
                        "policy.",
                    },
                ),
            },
            {
                "heading": {"ru": "Пример из Алматы", "en": "An Almaty example"},
                "text": {
                    "ru": (
                        "Среди стартапов, получивших поддержку из фонда "
                        "инноваций программы (всего 50 000 евро), — "
                        "«С любовью в каждой петельке». В этом социальном "
                        "проекте люди разных возрастов вместе делают и "
                        "продают вещи ручной работы, а проект параллельно "
                        "предлагает услуги для здоровья и благополучия.\n\n"
                        "Модель показывает, как забота о благополучии может "
                        "сочетаться с социальным бизнесом, а не оставаться "
                        "только задачей государственных служб."
                    ),
                    "en": (
                        "The startups backed by the programme's innovation "
                        "fund (€50,000 in total) include “With Love in Every "
                        "Stitch”, a social project that brings generations "
                        "together, sells handmade goods and provides health "
                        "and wellbeing services at the same time.\n\n"
                        "The model shows how caring for wellbeing can be "
                        "combined with a social business rather than left "
                        "to public services alone."
                    ),
                },
            },
        ],
        "authors": [],
        "case_studies": ["s-lyubovyu-v-kazhdoy-petelke"],
        "provider": "kbtu",
        "language": "ru",
        "publication_date": "2019-11-11",
    },
    {
        "key": "brief-smart-city",
        "title": {
            "ru": "«Умный» город: технологии и участие горожан",
            "en": "Smart city: technology and resident participation",
        },
        "topics": ["smart-city", "volunteering-active-citizenship"],
        "summary": {
            "ru": (
                "С самого запуска в апреле 2017 года «МыАлматы» ставил "
                "целью помочь Алматы развиваться как «умный» город, удобный "
                "для жизни и работы. Записка предлагает рассматривать "
                "участие горожан как равноправную часть этой повестки "
                "наряду с технологиями."
            ),
            "en": (
                "Since its launch in April 2017, WeAlmaty has aimed to help "
                "Almaty develop as a smart city that is a good place to live "
                "and work. This brief argues that resident participation "
                "belongs on that agenda alongside technology."
            ),
        },
        "key_recommendations": [
            {
                "ru": "Связать проекты «Smart Almaty» с механизмами участия горожан.",
                "en": "Link Smart Almaty projects to ways for residents to take part.",
            },
            {
                "ru": "Использовать небольшие гранты, чтобы пилотировать "
                "гражданские технологические решения вместе со "
                "стартапами.",
                "en": "Use small grants to pilot civic technology with startups.",
            },
            {
                "ru": "Обучать сотрудников местных органов управления "
                "работе с сообществами наравне с цифровыми навыками.",
                "en": "Train local government staff in community engagement as well as digital skills.",
            },
        ],
        "body": [
            {
                "heading": {"ru": "Контекст", "en": "Context"},
                "text": {
                    "ru": (
                        "Центр развития города Алматы, один из партнеров "
                        "программы, ведет проект «Smart Almaty» и следит за "
                        "позициями города в международных рейтингах. "
                        "«МыАлматы» дополняет эту работу: программа "
                        "наращивает способность общественных организаций и "
                        "местных органов власти вовлекать горожан в развитие "
                        "городской экономики и поддерживает социальное "
                        "предпринимательство."
                    ),
                    "en": (
                        "The Almaty Development Center, one of the programme "
                        "partners, runs the Smart Almaty project and tracks "
                        "the city's position in international rankings. "
                        "WeAlmaty complements this work by helping community "
                        "organisations and local government involve "
                        "residents in the city's economy, and by supporting "
                        "social entrepreneurship."
                    ),
                },
            },
            {
                "heading": {
                    "ru": "Участие как часть «умного» города",
                    "en": "Participation as part of a smart city",
                },
                "text": {
                    "ru": (
                        "Более 150 человек — организаторы сообществ, "
                        "представители местных органов управления и "
                        "социальные предприниматели — прошли программу "
                        "обучения и менторства с фасилитаторами из "
                        "Великобритании и Алматы. Поддержанные программой "
                        "стартапы — среди них раздельный сбор мусора в "
                        "офисах и лаборатория городских звуков — показывают, что "
                        "горожане сами предлагают решения для повседневных "
                        "задач города."
                    ),
                    "en": (
                        "More than 150 community organisers, local "
                        "government staff and social entrepreneurs have "
                        "completed a training and mentoring programme led by "
                        "facilitators from the UK and Almaty. The startups "
                        "the programme supported, from office waste "
                        "separation to an urban sounds lab, show residents "
                        "proposing their own solutions to everyday city "
                        "problems."
                    ),
                },
            },
        ],
        "authors": [],
        "provider": "almaty-development-center",
        "language": "ru",
        "publication_date": "2019-11-18",
    },
    {
        "key": "brief-parks-public-spaces",
        "title": {
            "ru": "Парки и общественные пространства: начинать с места и сообщества",
            "en": "Parks and public spaces: start with the place and the community",
        },
        "topics": ["parks-public-spaces", "placemaking", "creative-economy"],
        "summary": {
            "ru": (
                "Записка обобщает выводы V форума #МыАлматы «Создание "
                "городской среды (Placemaking)», прошедшего 21 июля 2018 "
                "года, опыт ливерпульского района Baltic Triangle и "
                "инициативы алматинских сообществ."
            ),
            "en": (
                "This brief draws together the conclusions of the fifth "
                "#WeAlmaty forum, Placemaking, held on 21 July 2018, the "
                "experience of Liverpool's Baltic Triangle and initiatives "
                "by Almaty communities."
            ),
        },
        "key_recommendations": [
            {
                "ru": "Строить проекты вокруг конкретного места, его "
                "сообщества и тех, кто живет там сейчас или хотел бы жить "
                "в будущем.",
                "en": "Build projects around a particular place, its "
                "community and the people who live there or would like to.",
            },
            {
                "ru": "Начинать с «маленьких» шагов: совместных дел и "
                "постоянного диалога сообщества и жителей.",
                "en": "Start with 'small' steps: joint activities and an "
                "ongoing dialogue between the community and residents.",
            },
            {
                "ru": "Вовлекать жителей и местные власти в преобразования с самого начала.",
                "en": "Involve residents and local authorities in change from the outset.",
            },
            {
                "ru": "Поддерживать инициативы сообществ, такие как восстановление городского озера.",
                "en": "Support community initiatives such as the restoration of a city lake.",
            },
        ],
        "body": [
            {
                "heading": {
                    "ru": "Выводы форума",
                    "en": "What the forum concluded",
                },
                "text": {
                    "ru": (
                        "Участники V форума обсуждали, как создавать "
                        "успешные городские пространства на принципах "
                        "креативной экономики. В Алматы, взявшем курс на "
                        "полицентричность, уже есть несколько «культурных "
                        "кварталов», а другие места обладают таким "
                        "потенциалом.\n\n"
                        "Главный вывод: основа успешного общественного "
                        "пространства — само место, сообщество и люди, а "
                        "начинать стоит с небольших шагов."
                    ),
                    "en": (
                        "Participants in the fifth forum discussed how to "
                        "create successful urban spaces on creative-economy "
                        "principles. Almaty, which has committed to a "
                        "polycentric model, already has a few 'cultural "
                        "quarters', and other places have the potential to "
                        "become one.\n\n"
                        "The main conclusion was that a successful public "
                        "space rests on the place itself, its community and "
                        "its people, and that it is best to start with small "
                        "steps."
                    ),
                },
            },
            {
                "heading": {
                    "ru": "Опыт Ливерпуля",
                    "en": "Liverpool's experience",
                },
                "text": {
                    "ru": (
                        "Эрика Раштон рассказала, как Baltic Triangle после "
                        "экономического кризиса стал креативным хабом, а "
                        "вслед за компаниями в районе появились кафе, бары и "
                        "другие места досуга. Вовлечение жителей и местных "
                        "властей она показала на примере проектов Beautiful "
                        "Ideas Festival."
                    ),
                    "en": (
                        "Erika Rushton described how the Baltic Triangle "
                        "became a creative hub after an economic crisis, with "
                        "cafés, bars and other leisure venues following the "
                        "businesses. She illustrated how residents and local "
                        "authorities were involved with the projects of the "
                        "Beautiful Ideas Festival."
                    ),
                },
            },
            {
                "heading": {
                    "ru": "Инициативы горожан в Алматы",
                    "en": "Resident initiatives in Almaty",
                },
                "text": {
                    "ru": (
                        "Среди стартапов, поддержанных программой, — "
                        "амбициозный проект по восстановлению городского "
                        "озера силами местного сообщества. Третий учебный "
                        "тур в Великобританию в январе 2020 года возглавит "
                        "советник акима по общественному пространству и "
                        "искусственной среде, что позволит напрямую "
                        "перенести британский опыт в работу города."
                    ),
                    "en": (
                        "The startups the programme supported include an "
                        "ambitious community-led project to restore a city "
                        "lake. The third UK study tour, in January 2020, is "
                        "to be led by the akim's adviser on public space and "
                        "the built environment, which offers a direct route "
                        "for UK experience into the city's work."
                    ),
                },
            },
        ],
        "authors": [],
        "related_speakers": ["erika-rushton"],
        "case_studies": ["baltic-triangle-liverpool", "community-lake-restoration"],
        "provider": "kbtu",
        "language": "ru",
        "publication_date": "2019-11-25",
    },
    {
        "key": "brief-accessibility-inclusion",
        "title": {
            "ru": "Доступная среда и инклюзия: участие для всех",
            "en": "Disability access and inclusion: participation for everyone",
        },
        "topics": ["accessibility-inclusion", "parks-public-spaces"],
        "summary": {
            "ru": (
                "Доступ для людей с инвалидностью и инклюзия — одна из "
                "восьми сфер политики «МыАлматы». В материалах программы "
                "это направление описано в общих чертах, поэтому записка "
                "предлагает рамку для дальнейшей работы, опираясь на "
                "инструменты программы."
            ),
            "en": (
                "Disability access and inclusion is one of WeAlmaty's eight "
                "policy areas. Programme materials describe it only in "
                "general terms, so this brief offers a framework for further "
                "work built on the programme's tools."
            ),
        },
        "key_recommendations": [
            {
                "ru": "Привлекать людей с инвалидностью и их организации к "
                "обсуждению городских проектов на ранней стадии.",
                "en": "Bring disabled people and their organisations into "
                "discussions of city projects at an early stage.",
            },
            {
                "ru": "Делать доступными сами форматы участия: площадки, материалы и каналы обратной связи.",
                "en": "Make participation itself accessible: venues, materials and feedback channels.",
            },
            {
                "ru": "Учитывать доступность в каждом проекте общественного пространства.",
                "en": "Build accessibility into every public-space project.",
            },
            {
                "ru": "Включать тему инклюзии в обучение организаторов "
                "сообществ и сотрудников местных органов управления.",
                "en": "Include inclusion in training for community organisers and local government staff.",
            },
        ],
        "body": [
            {
                "heading": {"ru": "Контекст", "en": "Context"},
                "text": _join(
                    _PROGRAMME_CONTEXT,
                    {
                        "ru": "Доступ для людей с инвалидностью и инклюзия "
                        "входят в число восьми сфер, в которых программа "
                        "помогает акимату вырабатывать политику.",
                        "en": "Disability access and inclusion is among the "
                        "eight areas in which the programme helps the akimat "
                        "develop policy.",
                    },
                ),
            },
            {
                "heading": {
                    "ru": "Инструменты программы",
                    "en": "The programme's tools",
                },
                "text": {
                    "ru": (
                        "Программа уже располагает каналами, через которые "
                        "можно продвигать инклюзию: десять мероприятий Urban "
                        "Forum с тысячей участников, обучение и менторство "
                        "для более чем 150 человек, учебные туры в "
                        "Великобританию. Третий тур, в январе 2020 года, "
                        "посвящен сотрудничеству государственного и частного "
                        "секторов и социальному сотрудничеству ради "
                        "инклюзивного экономического роста."
                    ),
                    "en": (
                        "The programme already has channels for advancing "
                        "inclusion: ten Urban Forum events with a thousand "
                        "participants, training and mentoring for more than "
                        "150 people, and UK study tours. The third tour, in "
                        "January 2020, focuses on public-private and social "
                        "collaboration for inclusive economic growth."
                    ),
                },
            },
        ],
        "authors": [],
        "provider": "almaty-development-center",
        "language": "ru",
        "publication_date": "2019-12-02",
    },
    {
        "key": "brief-startups-social-entrepreneurship",
        "title": {
            "ru": "Стартапы и инкубаторы социального предпринимательства: уроки фонда инноваций «МыАлматы»",
            "en": "Startups and incubators for social entrepreneurship: "
            "lessons from the WeAlmaty innovation fund",
        },
        "topics": [
            "startups-social-entrepreneurship",
            "creative-economy",
        ],
        "summary": {
            "ru": (
                "Программа направила 50 000 евро на финансирование "
                "инноваций для стартапов в сфере гражданской активности и "
                "социального предпринимательства. Записка описывает, какие "
                "проекты получили поддержку, и предлагает, как развивать "
                "эту работу, опираясь на опыт Ливерпуля."
            ),
            "en": (
                "The programme provided €50,000 of innovation funding for "
                "startups in civic engagement and social entrepreneurship. "
                "This brief describes the projects it backed and suggests "
                "how to take the work further, drawing on Liverpool's "
                "experience."
            ),
        },
        "key_recommendations": [
            {
                "ru": "Сохранить небольшие гранты для социальных стартапов как постоянный инструмент города.",
                "en": "Keep small grants for social startups as a permanent city instrument.",
            },
            {
                "ru": "Сочетать финансирование с обучением и менторством.",
                "en": "Combine funding with training and mentoring.",
            },
            {
                "ru": "Размещать инкубаторы в формирующихся креативных хабах и кварталах.",
                "en": "Locate incubators in the creative hubs and quarters now taking shape.",
            },
            {
                "ru": "Быть готовыми к риску: верить в рискованные идеи и начинающих предпринимателей.",
                "en": "Accept risk: believe in risky ideas and new entrepreneurs.",
            },
            {
                "ru": "Публиковать результаты поддержанных проектов.",
                "en": "Publish the results of supported projects.",
            },
        ],
        "body": [
            {
                "heading": {
                    "ru": "Что сделала программа",
                    "en": "What the programme did",
                },
                "text": {
                    "ru": (
                        "Помимо финансирования инноваций в размере 50 000 "
                        "евро, «МыАлматы» учил и сопровождал тех, кто "
                        "меняет город: активистов, объединяющих сообщества, "
                        "сотрудников местных органов управления и социальных "
                        "предпринимателей. Через эту программу прошли более "
                        "150 человек, а работали с ними фасилитаторы из "
                        "Великобритании и Алматы."
                    ),
                    "en": (
                        "Alongside €50,000 of innovation funding, WeAlmaty "
                        "ran a training and mentoring programme for community "
                        "organisers, local government and social "
                        "entrepreneurs. More than 150 people took part, with "
                        "facilitators from the UK and Almaty."
                    ),
                },
            },
            {
                "heading": {
                    "ru": "Поддержанные проекты",
                    "en": "Projects supported",
                },
                "text": {
                    "ru": (
                        "Спектр проектов широк: раздельный сбор мусора в "
                        "офисах, лаборатория городских звуков, амбициозный "
                        "проект по восстановлению городского озера силами "
                        "местного сообщества и «С любовью в каждой "
                        "петельке» — проект, где разные поколения вместе "
                        "создают вещи ручной работы, а выручка от продаж "
                        "соседствует с заботой о здоровье и благополучии."
                    ),
                    "en": (
                        "The projects are varied: separate waste collection "
                        "in offices, an urban sounds lab, an ambitious "
                        "community-led restoration of a city lake, and “With "
                        "Love in Every Stitch”, a social project that brings "
                        "generations together, sells handmade goods and "
                        "provides health and wellbeing services."
                    ),
                },
            },
            {
                "heading": {
                    "ru": "Опыт Ливерпуля",
                    "en": "Liverpool's experience",
                },
                "text": {
                    "ru": (
                        "В Baltic Triangle креативный хаб собрал цифровые "
                        "агентства, звукозаписывающие компании, "
                        "предпринимателей и представителей других "
                        "креативных индустрий, включая разработчика игр "
                        "MilkyTea. По словам Эрики Раштон, исследования "
                        "показывают, что предприниматели и инвесторы тянутся "
                        "в города с развитым креативным сектором, а первая "
                        "из ее рекомендаций — верить в рискованные идеи и "
                        "начинающих предпринимателей и инвестировать в них."
                    ),
                    "en": (
                        "In the Baltic Triangle, the creative hub brought "
                        "together digital agencies, record labels, "
                        "entrepreneurs and other creative businesses, "
                        "including the games developer MilkyTea. Erika "
                        "Rushton noted research showing that entrepreneurs "
                        "and investors are drawn to cities with a strong "
                        "creative sector, and her first recommendation was "
                        "to believe in and invest in risky ideas and new "
                        "entrepreneurs."
                    ),
                },
            },
        ],
        "authors": [],
        "case_studies": [
            "office-waste-separation",
            "urban-sounds-lab",
            "community-lake-restoration",
            "s-lyubovyu-v-kazhdoy-petelke",
        ],
        "provider": "kbtu",
        "language": "ru",
        "publication_date": "2019-12-09",
    },
    {
        "key": "brief-childhood-early-development-play",
        "title": {
            "ru": "Детство, раннее развитие и игра: город глазами ребенка",
            "en": "Childhood, early development and play: the city through a child's eyes",
        },
        "topics": ["childhood-early-development-play", "parks-public-spaces"],
        "summary": {
            "ru": (
                "Детство, раннее развитие и игра — одна из восьми сфер "
                "политики «МыАлматы». Материалы программы не описывают "
                "конкретных проектов в этой области, поэтому записка "
                "предлагает, как применить к ней подходы, опробованные в "
                "других направлениях."
            ),
            "en": (
                "Childhood, early development and play is one of WeAlmaty's "
                "eight policy areas. Programme materials describe no "
                "specific projects in this field, so this brief suggests how "
                "approaches tested elsewhere in the programme could apply."
            ),
        },
        "key_recommendations": [
            {
                "ru": "Учитывать потребности детей и семей в каждом проекте общественного пространства.",
                "en": "Consider the needs of children and families in every public-space project.",
            },
            {
                "ru": "Приглашать семьи с детьми к обсуждению изменений в своих районах.",
                "en": "Invite families with children to discuss changes in their neighbourhoods.",
            },
            {
                "ru": "Поддерживать инициативы, которые объединяют разные поколения.",
                "en": "Support initiatives that bring generations together.",
            },
        ],
        "body": [
            {
                "heading": {"ru": "Контекст", "en": "Context"},
                "text": _join(
                    _PROGRAMME_CONTEXT,
                    {
                        "ru": "Детство, раннее развитие и игра входят в "
                        "число восьми сфер, в которых программа помогает "
                        "акимату вырабатывать политику.",
                        "en": "Childhood, early development and play is among "
                        "the eight areas in which the programme helps the "
                        "akimat develop policy.",
                    },
                ),
            },
            {
                "heading": {
                    "ru": "Что можно перенести из других направлений",
                    "en": "What can be carried over from other areas",
                },
                "text": {
                    "ru": (
                        "V форум #МыАлматы пришел к выводу, что успешное "
                        "общественное пространство начинается с места, "
                        "сообщества и людей. Дети и их семьи — часть этого "
                        "сообщества, и их опыт стоит учитывать так же, как "
                        "опыт взрослых жителей.\n\n"
                        "Поддержанный программой проект «С любовью в каждой "
                        "петельке» показывает, как инициатива может "
                        "объединять разные поколения."
                    ),
                    "en": (
                        "The fifth #WeAlmaty forum concluded that a "
                        "successful public space starts with the place, the "
                        "community and its people. Children and their "
                        "families are part of that community, and their "
                        "experience deserves the same attention as that of "
                        "adult residents.\n\n"
                        "“With Love in Every Stitch”, a project the programme "
                        "supported, shows how an initiative can bring "
                        "generations together."
                    ),
                },
            },
        ],
        "authors": [],
        "provider": "almaty-development-center",
        "language": "ru",
        "publication_date": "2019-12-16",
    },
    {
        "key": "brief-volunteering-active-citizenship",
        "title": {
            "ru": "Волонтерство и активная гражданская позиция: от обсуждения к совместным делам",
            "en": "Volunteering and active citizenship: from discussion to joint action",
        },
        "topics": ["volunteering-active-citizenship"],
        "summary": {
            "ru": (
                "Записка подводит итоги работы «МыАлматы» по развитию "
                "гражданской активности: тысяча участников десяти форумов, "
                "более 150 человек, прошедших обучение, 40 участников двух "
                "учебных туров и конференции в Нур-Султане и Шымкенте."
            ),
            "en": (
                "A summary of WeAlmaty's work on civic engagement: a "
                "thousand participants in ten forums, more than 150 people "
                "trained, 40 people on two study tours, and conferences in "
                "Nur-Sultan and Shymkent."
            ),
        },
        "key_recommendations": [
            {
                "ru": "Сделать Urban Forum регулярной площадкой диалога горожан и акимата.",
                "en": "Make the Urban Forum a regular space for dialogue between residents and the akimat.",
            },
            {
                "ru": "Продолжить обучение и менторство для организаторов сообществ.",
                "en": "Continue training and mentoring for community organisers.",
            },
            {
                "ru": "Делиться опытом Алматы с другими городами Казахстана.",
                "en": "Share Almaty's experience with other cities in Kazakhstan.",
            },
            {
                "ru": "Поддерживать постоянный диалог между сообществами и "
                "жителями, а не только разовые мероприятия.",
                "en": "Sustain an ongoing dialogue between communities and "
                "residents, not just one-off events.",
            },
        ],
        "body": [
            {
                "heading": {"ru": "Что сделано", "en": "What has been done"},
                "text": {
                    "ru": (
                        "Десять мероприятий Urban Forum собрали 1000 "
                        "участников. Сорок человек съездили в Великобританию "
                        "в рамках двух учебных туров. Свыше 150 организаторов "
                        "сообществ, сотрудников местных органов управления и "
                        "социальных предпринимателей учились и получали "
                        "менторскую поддержку в специальной программе.\n\n"
                        "На третьем году программа вышла за пределы Алматы: "
                        "на конференциях в Нур-Султане и Шымкенте команда "
                        "рассказала местным активистам о своем опыте и "
                        "успешных проектах."
                    ),
                    "en": (
                        "A thousand people took part in ten Urban Forum "
                        "events. Forty went on one of two study tours to the "
                        "UK. More than 150 completed a training and "
                        "mentoring programme for community organisers, local "
                        "government and social entrepreneurs.\n\n"
                        "In the programme's third year, two conferences in "
                        "Nur-Sultan and Shymkent shared its experience and "
                        "success stories with local activists."
                    ),
                },
            },
            {
                "heading": {
                    "ru": "Инициативы сообществ",
                    "en": "Community initiatives",
                },
                "text": {
                    "ru": (
                        "Восстановление городского озера местным "
                        "сообществом и раздельный сбор мусора в офисах — "
                        "примеры того, как гражданская активность переходит "
                        "от обсуждения к делу."
                    ),
                    "en": (
                        "The community-led restoration of a city lake and "
                        "separate waste collection in offices are examples "
                        "of civic engagement moving from talk to action."
                    ),
                },
            },
            {
                "heading": {"ru": "Что дальше", "en": "Next steps"},
                "text": {
                    "ru": (
                        "В январе 2020 года группа во главе с советником "
                        "акима по общественному пространству и искусственной "
                        "среде отправится в третий учебный тур по "
                        "Великобритании — в Лондон, "
                        "Бристоль, Манчестер и Солфорд. В феврале 2020 года "
                        "в Алматы пройдет фестиваль «МыАлматы», который "
                        "станет праздником достижений проекта и источником "
                        "новых идей, которые город сможет реализовать."
                    ),
                    "en": (
                        "In January 2020 a group led by the akim's adviser "
                        "on public space and the built environment will make "
                        "a third study tour, to London, Bristol, Manchester "
                        "and Salford. In February 2020 a WeAlmaty festival in "
                        "Almaty will celebrate what the project has achieved "
                        "and give momentum to new ideas for the city."
                    ),
                },
            },
        ],
        "authors": [],
        "case_studies": ["community-lake-restoration", "office-waste-separation"],
        "provider": "kbtu",
        "language": "ru",
        "publication_date": "2019-12-23",
    },
]

# ---------------------------------------------------------------------------
# Programme (home page)
# ---------------------------------------------------------------------------

PROGRAMME = {
    "title": {
        "ru": "«МыАлматы» — библиотека знаний о городе",
        "en": "WeAlmaty: a knowledge library for the city",
    },
    "intro": {
        "ru": (
            "«МыАлматы» — трехлетняя программа, которую Британский совет "
            "запустил в апреле 2017 года вместе с акиматом Алматы, Центром "
            "развития города Алматы и Казахстанско-Британским техническим "
            "университетом при финансовой поддержке Европейского союза. Ее "
            "цель — чтобы горожане активнее участвовали в решениях о будущем "
            "Алматы, а в городе крепла культура гражданской активности и "
            "социальных инноваций.\n\n"
            "Программа помогает акимату вырабатывать политику в восьми "
            "сферах — от интегрированного транспорта и «умного» города до "
            "парков, инклюзии, детства и волонтерства. Важная часть работы — "
            "обмен идеями с лидерами общественного, социального и "
            "креативного секторов британских городов.\n\n"
            "В библиотеке собраны записи выступлений на форумах с "
            "расшифровками, материалы спикеров, кейсы и аналитические "
            "записки на русском, казахском и английском языках — для "
            "активистов, исследователей и всех, кто хочет менять свой город."
        ),
        "en": (
            "WeAlmaty is a three-year programme that the British Council "
            "launched in April 2017 with the Akimat of Almaty, the Almaty "
            "Development Center and the Kazakh-British Technical University, "
            "funded by the European Union. It aims to give residents a "
            "greater say in decisions about Almaty's future and to grow a "
            "culture of civic engagement and social innovation.\n\n"
            "The programme helps the akimat develop policy in eight areas, "
            "from integrated transport and the smart city to parks, "
            "inclusion, childhood and volunteering. Exchanging ideas with "
            "civic, social and creative leaders from UK cities is a central "
            "part of the work.\n\n"
            "This library brings together forum talk recordings with "
            "transcripts, speaker materials, case studies and policy briefs "
            "in Russian, Kazakh and English, for activists, researchers and "
            "anyone who wants to change their city."
        ),
    },
    "figures": [
        {
            "value": "1000",
            "label": {
                "ru": "участников мероприятий Urban Forum",
                "en": "participants in Urban Forum events",
            },
        },
        {
            "value": "10",
            "label": {"ru": "мероприятий Urban Forum", "en": "Urban Forum events"},
        },
        {
            "value": "40",
            "label": {
                "ru": "участников двух учебных туров в Великобританию",
                "en": "people on two study tours to the UK",
            },
        },
        {
            "value": "150+",
            "label": {
                "ru": "человек прошли обучение и менторство",
                "en": "people trained and mentored",
            },
        },
        {
            "value": "€50,000",
            "label": {
                "ru": "на финансирование инноваций для стартапов",
                "en": "of innovation funding for startups",
            },
        },
        {
            "value": "€430,000",
            "label": {
                "ru": "финансовой поддержки Европейского союза (пресс-релиз 2018 года)",
                "en": "of European Union financial support (2018 press release)",
            },
        },
    ],
}
