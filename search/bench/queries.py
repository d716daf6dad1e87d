"""The fixed query mix every engine answers in the benchmark.

Words were picked from the corpus at several document frequencies (in the
Russian locale "транспорт" is in about half the items, "волонтерство" in
one in seven, "велосипед" in one in forty), so the mix has long and short
posting lists, as real traffic does. Every request asks for the first page
with facet counts and snippets, as the search page does.
"""

from dataclasses import dataclass, field

from search.engines.base import SearchRequest

from .corpus import SITE_ID

CATEGORIES = ("one word", "two words", "three words", "phrase", "two facet filters", "typo")


@dataclass(frozen=True)
class BenchQuery:
    category: str
    text: str
    locale: str = "ru"
    filters: dict = field(default_factory=dict)

    def request(self) -> SearchRequest:
        return SearchRequest(
            query=self.text,
            locale=self.locale,
            site_id=SITE_ID,
            filters={name: list(values) for name, values in self.filters.items()},
        )

    def __str__(self) -> str:
        filters = " ".join(f"{k}={','.join(v)}" for k, v in self.filters.items())
        return f"[{self.locale}] {self.text}" + (f" ({filters})" if filters else "")


QUERIES = (
    BenchQuery("one word", "транспорт"),
    BenchQuery("one word", "волонтерство"),
    BenchQuery("one word", "велосипед"),
    BenchQuery("one word", "creative", "en"),
    BenchQuery("one word", "қала", "kk"),
    BenchQuery("two words", "городская среда"),
    BenchQuery("two words", "Эрика Раштон"),
    BenchQuery("two words", "public space", "en"),
    BenchQuery("three words", "развитие креативной экономики"),
    BenchQuery("three words", "integrated transport planning", "en"),
    BenchQuery("phrase", '"общественное пространство"'),
    BenchQuery("phrase", '"local authorities"', "en"),
    BenchQuery(
        "two facet filters", "транспорт", filters={"topic": ("integrated-transport",), "year": ("2019",)}
    ),
    BenchQuery("two facet filters", "жители", filters={"city": ("almaty",), "type": ("talk",)}),
    BenchQuery(
        "two facet filters", "city", "en", filters={"language": ("en",), "provider": ("british-council",)}
    ),
    BenchQuery("typo", "пространсвто"),
    BenchQuery("typo", "транспрот"),
    BenchQuery("typo", "creatve", "en"),
)
