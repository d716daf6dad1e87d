"""Where the benchmark corpus gets its words: real sentences, pooled by
language and topic.

* Russian and English: every sentence of the demo library
  (``library.demo.content``: organisation and speaker descriptions, case
  studies, policy briefs, the reconstructed talk transcript), plus Faker's
  ``ru_RU``/``en_US`` word lists and names for a long tail of rarer words
  and proper nouns.
* Kazakh: Faker has no Kazakh locale and the demo content only names topics
  and cities in Kazakh, so the sentences below were written for the
  benchmark (plain urban-policy Kazakh in the register of the library).

Sentences are assigned to the library's ten topics by keywords, so an item
about transport mostly talks about transport: a query word is frequent in
its topic and rare elsewhere, as in a real topical library, instead of every
word being spread evenly over every item.
"""

import random
import re
from dataclasses import dataclass, field
from functools import cache

from faker import Faker

LANGUAGES = ("ru", "en", "kk")
KAZAKH_LETTERS = frozenset("әғқңөұүһіӘҒҚҢӨҰҮҺІ")
SENTENCE_SPLIT_RE = re.compile(r"(?<=[.!?…])\s+|\n+")
CYRILLIC_RE = re.compile(r"[а-яА-ЯёЁ]")

# Lower-case fragments that put a sentence into a topic's pool (Russian |
# English | Kazakh, separated by "|").
TOPIC_KEYWORDS = {
    topic: tuple(keyword.strip() for keyword in keywords.split("|"))
    for topic, keywords in {
        "integrated-transport": "транспорт|автобус|дорог|велосипед|пешеход|мобильност|улиц|движени|"
        "transport|bus|cycl|road|traffic|walk|street|mobility|көлік|жол|метро",
        "health-wellbeing": "здоров|благополуч|медицин|спорт|воздух|"
        "health|wellbeing|well-being|sport|air|денсаулық|әл-ауқат|ауа",
        "smart-city": "умн|цифров|данны|технолог|онлайн|приложени|"
        "smart|digital|data|technolog|online|app|ақылды|цифрлық|деректер|технология|қосымша",
        "parks-public-spaces": "парк|сквер|общественн|площад|двор|зелен|дерев|"
        "park|public space|square|green|tree|саябақ|кеңістік|ағаш|аула",
        "accessibility-inclusion": "доступн|инклюзи|инвалид|маломобил|барьер|"
        "accessib|inclusi|disab|barrier|қолжетімді|инклюзия|мүмкіндігі шектеулі|пандус",
        "startups-social-entrepreneurship": "стартап|предприним|бизнес|инкубатор|инвест|компани|"
        "startup|start-up|entrepreneur|business|incubator|invest|compan|кәсіпкер|инвестор",
        "childhood-early-development-play": "дет|ребен|игр|школ|образован|семь|"
        "child|play|school|educat|famil|бала|ойын|мектеп|білім",
        "volunteering-active-citizenship": "волонт|гражданск|сообществ|жител|участ|активист|"
        "volunteer|citizen|communit|resident|activist|take part|ерікті|азамат|тұрғын|белсенді|бастама",
        "placemaking": "мест|сред|район|простран|город|place|district|urban|neighbourhood|орта|аудан|қала",
        "creative-economy": "креатив|культур|искусств|хаб|кластер|музык|дизайн|"
        "creative|cultur|art|hub|cluster|music|design|мәдениет|өнер|музыка|шығармашылық",
    }.items()
}
TOPICS = tuple(TOPIC_KEYWORDS)

# Written for the benchmark: (topic or "" for general or "spoken", sentence).
KAZAKH_SENTENCES = (
    ("", "Алматы — Қазақстанның ең ірі қаласы және маңызды мәдени орталығы."),
    ("", "Форумда сарапшылар қаланың болашағы туралы пікір алмасты."),
    ("", "Жоба аясында қала тұрғындары үшін ашық дәрістер өтті."),
    ("", "Біз жергілікті қауымдастықтың пікірін мұқият тыңдауымыз керек."),
    ("", "Бағдарлама үш жыл бойы Британ кеңесінің қолдауымен жүзеге асты."),
    ("", "Әкімдік пен қала тұрғындары арасындағы диалог жолға қойылды."),
    ("", "Зерттеу нәтижелері қоғамдық талқылауға ұсынылды."),
    ("", "Ұлыбритания қалаларының тәжірибесі Алматы үшін пайдалы болды."),
    ("", "Семинарға қатысушылар шағын топтарда жұмыс істеді."),
    ("", "Келесі кездесу күзде Нұр-Сұлтан қаласында өтеді."),
    ("placemaking", "Қалалық кеңістікті тұрғындармен бірге жоспарлау маңызды."),
    ("placemaking", "Аудандарды дамыту жоспары қоғамдық талқылаудан өтті."),
    ("placemaking", "Қаланың тарихи орталығы жаңа өмірге ие болды."),
    ("placemaking", "Қалалық ортаны қалыптастыру ұзақ уақыт пен шыдамдылықты талап етеді."),
    ("placemaking", "Тұрғындар өз ауласын жақсарту туралы ұсыныстар берді."),
    ("placemaking", "Ескі қоймалар орнында жаңа қоғамдық орта пайда болды."),
    ("integrated-transport", "Қоғамдық көлік қала өмірінің маңызды бөлігі болып табылады."),
    ("integrated-transport", "Велосипед жолдары қаланың барлық аудандарын байланыстыруы тиіс."),
    ("integrated-transport", "Автобус маршруттары жаңа жүйе бойынша қайта құрылды."),
    ("integrated-transport", "Жаяу жүргіншілерге арналған көшелер саны артып келеді."),
    ("integrated-transport", "Көлік кептелісі Алматының басты мәселелерінің бірі."),
    ("integrated-transport", "Метро желісін кеңейту жоспары тұрғындармен талқыланды."),
    ("health-wellbeing", "Денсаулық пен әл-ауқат қала саясатының басым бағыты болып қала береді."),
    ("health-wellbeing", "Таза ауа тұрғындардың денсаулығына тікелей әсер етеді."),
    ("health-wellbeing", "Спорт алаңдары барлық жастағы адамдарға қолжетімді болуы керек."),
    ("health-wellbeing", "Дәрігерлер қала тұрғындарына көбірек жаяу жүруге кеңес береді."),
    ("smart-city", "Ақылды қала технологиялары мемлекеттік қызметтерді жеделдетеді."),
    ("smart-city", "Цифрлық платформа арқылы тұрғындар өтініш бере алады."),
    ("smart-city", "Ашық деректер қала басқаруын түсінікті етеді."),
    ("smart-city", "Смартфондағы қосымша автобус қозғалысын нақты уақытта көрсетеді."),
    ("parks-public-spaces", "Саябақтар мен скверлер қаланың жасыл өкпесі саналады."),
    ("parks-public-spaces", "Жаңа саябақта балаларға арналған ойын алаңы ашылды."),
    ("parks-public-spaces", "Қоғамдық кеңістіктер әр түрлі адамдарды біріктіреді."),
    ("parks-public-spaces", "Ағаш отырғызу акциясына мыңдаған ерікті қатысты."),
    ("parks-public-spaces", "Бұрынғы өнеркәсіп аймағы қоғамдық саябаққа айналды."),
    ("accessibility-inclusion", "Қолжетімді орта мүмкіндігі шектеулі адамдар үшін өте маңызды."),
    ("accessibility-inclusion", "Пандустар мен лифттер барлық қоғамдық ғимараттарда болуы тиіс."),
    ("accessibility-inclusion", "Инклюзия қоғамның әр мүшесін ескеруді білдіреді."),
    ("accessibility-inclusion", "Көру қабілеті нашар адамдарға арналған белгілер орнатылды."),
    ("startups-social-entrepreneurship", "Әлеуметтік кәсіпкерлік қала мәселелерін шешуге көмектеседі."),
    ("startups-social-entrepreneurship", "Жас стартаптар инкубаторда алғашқы тәжірибесін жинақтады."),
    ("startups-social-entrepreneurship", "Бизнес-инкубатор жас кәсіпкерлерге тегін кеңес береді."),
    ("startups-social-entrepreneurship", "Стартап командасы қалалық дыбыстардың картасын жасады."),
    ("startups-social-entrepreneurship", "Инвесторлар әлеуметтік жобаларға қызығушылық танытты."),
    ("childhood-early-development-play", "Балалық шақ пен ерте даму қала саясатында ескерілуі керек."),
    ("childhood-early-development-play", "Ойын балалардың дамуы үшін аса маңызды."),
    ("childhood-early-development-play", "Мектеп маңындағы көшелер балалар үшін қауіпсіз болуы тиіс."),
    ("childhood-early-development-play", "Балабақшалардың саны жыл сайын көбейіп келеді."),
    ("volunteering-active-citizenship", "Еріктілер қаланы тазалау акциясына белсенді қатысты."),
    ("volunteering-active-citizenship", "Белсенді азаматтық ұстаным қоғамды біртіндеп өзгертеді."),
    ("volunteering-active-citizenship", "Жастар еріктілік қозғалысына көптеп қосылуда."),
    ("volunteering-active-citizenship", "Тұрғындар бастамасы қала әкімдігінің қолдауына ие болды."),
    ("creative-economy", "Креативті экономика жаңа жұмыс орындарын ашады."),
    ("creative-economy", "Креативті хаб суретшілер мен дизайнерлерді бір шаңырақ астына жинады."),
    ("creative-economy", "Мәдениет пен өнер қаланың бейнесін қалыптастырады."),
    ("creative-economy", "Музыка фестивалі мыңдаған көрерменді жинады."),
    ("creative-economy", "Шығармашылық индустриялар қала экономикасын әртараптандырады."),
    ("spoken", "Қайырлы күн, құрметті қонақтар!"),
    ("spoken", "Сөз бергендеріңіз үшін көп рахмет."),
    ("spoken", "Енді келесі слайдқа көшейік."),
    ("spoken", "Сұрақтарыңыз болса, қоюға болады."),
    ("spoken", "Бұл тәжірибені басқа қалаларда да қолдануға болады."),
    ("spoken", "Біздің командамыз үш жыл бойы осы жобамен айналысты."),
    ("spoken", "Қысқаша айтқанда, бәрі тұрғындардан басталады."),
    ("spoken", "Мен сіздерге бір мысал келтірейін."),
)
KAZAKH_NAMES = (
    "Айгүл Сейітқызы",
    "Нұрлан Әбенов",
    "Дәурен Қасымов",
    "Гүлнар Жұмабаева",
    "Ерлан Серікбаев",
    "Әсем Тұрсынова",
    "Бауыржан Оспанов",
    "Меруерт Ахметова",
    "Қанат Әлиев",
    "Жанар Бекова",
    "Айдос Нұрмағамбетов",
    "Сәуле Қалиева",
    "Тимур Жақсылықов",
    "Динара Оразбекова",
)

# Phrases of a talk that are not about anything in particular.
SPOKEN = {
    "ru": (
        "Добрый день, коллеги!",
        "Спасибо за приглашение.",
        "Перейдем к следующему слайду.",
        "Если есть вопросы, задавайте.",
        "Приведу один пример.",
        "Это очень важный момент.",
        "Давайте посмотрим на цифры.",
        "Короче говоря, все начинается с жителей.",
    ),
    "en": (
        "Good afternoon, everyone.",
        "Thank you for having me.",
        "Let's move to the next slide.",
        "Please ask questions as we go.",
        "Let me give you one example.",
        "This is a really important point.",
        "Let's look at the numbers.",
        "In short, it all starts with residents.",
    ),
}


@dataclass
class LanguagePools:
    topic: dict[str, list[str]] = field(default_factory=dict)  # topic -> sentences about it
    general: list[str] = field(default_factory=list)  # sentences about no topic in particular
    spoken: list[str] = field(default_factory=list)  # transcript-like sentences
    noise: list[str] = field(default_factory=list)  # long tail: rarer words, names, places
    names: list[str] = field(default_factory=list)


def language_of(sentence: str) -> str:
    if any(char in KAZAKH_LETTERS for char in sentence):
        return "kk"
    return "ru" if CYRILLIC_RE.search(sentence) else "en"


def _demo_strings():
    """Every readable string of the demo content, in a stable order; talk
    cues (start, end, en, ru) come out tagged as spoken."""
    from library.demo import content

    def walk(value, spoken=False):
        if isinstance(value, str):
            if "-->" in value or value.startswith("WEBVTT"):
                return  # caption files: their cues are walked separately
            if " " in value.strip() and not value.startswith(("http://", "https://")):
                yield value, spoken
        elif isinstance(value, dict):
            for item in value.values():
                yield from walk(item, spoken)
        elif isinstance(value, list | tuple):
            for item in value:
                yield from walk(item, spoken)

    yield from walk(getattr(content, "_RUSHTON_CUES", ()), spoken=True)
    for name in sorted(vars(content)):
        if name.isupper():
            yield from walk(getattr(content, name))


def _sentences(text: str) -> list[str]:
    return [s.strip() for s in SENTENCE_SPLIT_RE.split(text) if len(s.split()) >= 3]


def topics_of(sentence: str) -> list[str]:
    lowered = sentence.lower()
    return [topic for topic, keywords in TOPIC_KEYWORDS.items() if any(k in lowered for k in keywords)]


def _add(pools: dict[str, LanguagePools], sentence: str, kind: str = "") -> None:
    language = language_of(sentence)
    if language not in pools:
        return
    pool = pools[language]
    if kind == "spoken":
        pool.spoken.append(sentence)
        return
    if kind == "general":
        pool.general.append(sentence)
        return
    matched = [kind] if kind else topics_of(sentence)
    # Placemaking words ("город", "place") are everywhere: a sentence that
    # also names a narrower topic goes only there.
    if len(matched) > 1 and "placemaking" in matched:
        matched.remove("placemaking")
    if len(matched) > 2:
        # "…in eight areas, from transport to volunteering": a list of the
        # topics is about none of them and would put every topic's words
        # into every item.
        return
    if not matched:
        pool.general.append(sentence)
    for topic in matched:
        pool.topic.setdefault(topic, []).append(sentence)


def _noise(language: str, faker: Faker, rng: random.Random, count: int) -> list[str]:
    """Sentences of the long tail: Faker's real-word lorem with people,
    companies and places in them."""
    result = []
    for _ in range(count):
        sentence = faker.sentence(nb_words=rng.randint(6, 14))
        roll = rng.random()
        if roll < 0.25:
            sentence = f"{faker.name()}: {sentence[0].lower()}{sentence[1:]}"
        elif roll < 0.4:
            sentence = f"{sentence[:-1]} ({faker.company()}, {faker.city()})."
        result.append(sentence)
    return result


def _kazakh_noise(pools: LanguagePools, rng: random.Random, count: int) -> list[str]:
    words = [w.strip(".,!?—") for _, s in KAZAKH_SENTENCES for w in s.split()]
    words = [w for w in words if w]
    result = []
    for _ in range(count):
        chosen = rng.sample(words, rng.randint(6, 12))
        if rng.random() < 0.25:
            chosen.insert(0, rng.choice(KAZAKH_NAMES) + ":")
        sentence = " ".join(chosen)
        result.append(sentence[0].upper() + sentence[1:] + ".")
    return result


@cache
def pools(seed: int = 2018) -> dict[str, LanguagePools]:
    """The sentence pools of each language, the same for the same seed."""
    result = {language: LanguagePools() for language in LANGUAGES}
    seen = set()
    for text, spoken in _demo_strings():
        for sentence in _sentences(text):
            if sentence not in seen:
                seen.add(sentence)
                _add(result, sentence, "spoken" if spoken else "")
    for kind, sentence in KAZAKH_SENTENCES:
        _add(result, sentence, kind or "general")
    for language, phrases in SPOKEN.items():
        result[language].spoken.extend(phrases)
    rng = random.Random(seed)  # noqa: S311  (benchmark data, not secrets)
    for language, locale in (("ru", "ru_RU"), ("en", "en_US")):
        faker = Faker(locale)
        faker.seed_instance(seed)
        result[language].noise = _noise(language, faker, rng, 6000)
        result[language].names = sorted({faker.name() for _ in range(400)})
    result["kk"].noise = _kazakh_noise(result["kk"], rng, 3000)
    result["kk"].names = list(KAZAKH_NAMES)
    return result
