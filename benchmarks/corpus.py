"""A deterministic generator of news-like election articles, for benchmarks and scale tests.

Every sentence is assembled here from templates and word lists written for this purpose;
nothing is copied from real articles. The figures are random (seeded), so a generated
article is *not* a faithful report of any election: it exercises the extractor, binder and
checks with the shapes real coverage uses — percentages in several styles ("99%",
"87.05 percent", "99,23 %"), counts ("1,234,567", "2.115.800", "1.2 million", "four"),
dates, date ranges, relative dates, durations, ages — plus filler without figures.
About 80% of articles are English, the rest German, French and Russian.

The same ``(n, seed)`` always gives the same articles, byte for byte, and article ``i``
does not depend on how many articles are generated (each has its own seeded
``random.Random``), so a 1k set is a prefix of the 10k set.

>>> a = next(generate_articles(1, seed=7))
>>> a == next(generate_articles(5, seed=7))
True
>>> 1500 < len(a.text.encode()) < 6000
True
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import random
import string
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

MB = 1_000_000  # benchmarks count megabytes of UTF-8 text in SI units

Language = Literal["en", "de", "fr", "ru"]
Slot = Callable[[random.Random, "Story"], str]


@dataclass(frozen=True, slots=True)
class GeneratedArticle:
    """One generated article and its metadata (what a sidecar or JSON record carries)."""

    id: str
    title: str
    text: str
    published: dt.date
    source: str
    url: str
    language: Language


@dataclass(frozen=True, slots=True)
class Contest:
    """A vote the generated stories talk about; names follow common English spellings."""

    place: str
    names: dict[str, str]  # language -> how the place is written
    first_day: dt.date
    days: int
    options: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Story:
    """What one article is about: a contest and the publication date."""

    contest: Contest
    published: dt.date
    language: Language

    @property
    def place(self) -> str:
        return self.contest.names.get(self.language, self.contest.place)


CONTESTS: tuple[Contest, ...] = (
    Contest(
        "Donetsk",
        {"de": "Donezk", "fr": "Donetsk", "ru": "Донецке"},
        dt.date(2022, 9, 23),
        5,
        ("joining Russia", "staying in Ukraine"),
    ),
    Contest(
        "Luhansk",
        {"de": "Luhansk", "fr": "Louhansk", "ru": "Луганске"},
        dt.date(2022, 9, 23),
        5,
        ("joining Russia", "staying in Ukraine"),
    ),
    Contest(
        "Zaporizhzhia",
        {"de": "Saporischschja", "fr": "Zaporijjia", "ru": "Запорожье"},
        dt.date(2022, 9, 23),
        5,
        ("joining Russia",),
    ),
    Contest(
        "Kherson",
        {"de": "Cherson", "fr": "Kherson", "ru": "Херсоне"},
        dt.date(2022, 9, 23),
        5,
        ("annexation",),
    ),
    Contest(
        "Crimea",
        {"de": "der Krim", "fr": "Crimée", "ru": "Крыму"},
        dt.date(2014, 3, 16),
        1,
        ("reunification with Russia",),
    ),
    Contest(
        "Russia",
        {"de": "Russland", "fr": "Russie", "ru": "России"},
        dt.date(2024, 3, 15),
        3,
        ("Vladimir Putin", "Nikolay Kharitonov", "Vladislav Davankov", "Leonid Slutsky"),
    ),
    Contest(
        "Belarus",
        {"de": "Belarus", "fr": "Biélorussie", "ru": "Белоруссии"},
        dt.date(2020, 8, 9),
        1,
        ("Alexander Lukashenko", "Sviatlana Tsikhanouskaya"),
    ),
    Contest(
        "Georgia",
        {"de": "Georgien", "fr": "Géorgie", "ru": "Грузии"},
        dt.date(2024, 10, 26),
        1,
        ("Georgian Dream", "the opposition coalition"),
    ),
    Contest(
        "Moldova",
        {"de": "Moldau", "fr": "Moldavie", "ru": "Молдавии"},
        dt.date(2024, 10, 20),
        1,
        ("EU membership",),
    ),
)

PEOPLE: tuple[tuple[str, int], ...] = (  # (name, birth year) for ages; fictional officials included
    ("Vladimir Putin", 1952),
    ("Alexander Lukashenko", 1954),
    ("Volodymyr Zelensky", 1978),
    ("Marta Ilyina", 1969),
    ("Oleg Sarkis", 1981),
    ("Anna Berezina", 1975),
)

OUTLETS = (
    "Daily Ledger",
    "Evening Courier",
    "Northern Wire",
    "Civic Review",
    "Harbour Post",
    "Metro Gazette",
)

MONTHS = {
    "en": (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
    "de": (
        "Januar",
        "Februar",
        "März",
        "April",
        "Mai",
        "Juni",
        "Juli",
        "August",
        "September",
        "Oktober",
        "November",
        "Dezember",
    ),
    "fr": (
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ),
    "ru": (
        "января",
        "февраля",
        "марта",
        "апреля",
        "мая",
        "июня",
        "июля",
        "августа",
        "сентября",
        "октября",
        "ноября",
        "декабря",
    ),
}
EN_SHORT_MONTHS = (
    "Jan.",
    "Feb.",
    "March",
    "April",
    "May",
    "June",
    "July",
    "Aug.",
    "Sept.",
    "Oct.",
    "Nov.",
    "Dec.",
)
WEEKDAYS = {
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
    "de": ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"),
    "fr": ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"),
    "ru": ("понедельник", "вторник", "среду", "четверг", "пятницу", "субботу", "воскресенье"),
}
NUMBER_WORDS = {
    "en": ("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"),
    "de": ("zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun", "zehn", "elf", "zwölf"),
    "fr": ("deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "onze", "douze"),
    "ru": (
        "два",
        "три",
        "четыре",
        "пять",
        "шесть",
        "семь",
        "восемь",
        "девять",
        "десять",
        "одиннадцать",
        "двенадцать",
    ),
}


# --- number and date formatting ------------------------------------------------------------


def _group(digits: str, sep: str) -> str:
    """Thousands grouping: ``_group("1234567", ",") == "1,234,567"``."""
    head = len(digits) % 3 or 3
    parts = [digits[:head]] + [digits[i : i + 3] for i in range(head, len(digits), 3)]
    return sep.join(parts)


def _share(rng: random.Random) -> str:
    """A share as digits with 0-2 decimals and a dot ("87", "87.1", "87.05")."""
    decimals = rng.choice((0, 0, 1, 1, 2))
    value = rng.uniform(0.5, 99.9)
    return f"{value:.{decimals}f}"


def fmt_percent(rng: random.Random, lang: Language) -> str:
    """A percentage in one of the styles of ``lang``."""
    share = _share(rng)
    if lang == "en":
        style = rng.choice(("{}%", "{}%", "{} percent", "{} per cent", "{} pc"))
        return style.format(share)
    comma = share.replace(".", ",")
    if lang == "de":
        return rng.choice(("{} Prozent", "{} %", "{}%")).format(comma)
    if lang == "fr":
        return rng.choice(("{} %", "{}\u00a0%", "{} pour cent")).format(comma)
    return rng.choice(("{}%", "{} %", "{} процента")).format(comma)


def fmt_count(rng: random.Random, lang: Language) -> str:
    """A vote count: grouped digits, "1.2 million" or a number word."""
    roll = rng.random()
    if roll < 0.15:
        return rng.choice(NUMBER_WORDS[lang])
    if roll < 0.4:
        millions = f"{rng.uniform(1.0, 9.9):.1f}"
        if lang == "en":
            return f"{millions} million"
        comma = millions.replace(".", ",")
        return {"de": f"{comma} Millionen", "fr": f"{comma} millions", "ru": f"{comma} млн"}[lang]
    digits = str(rng.randint(1_000, 9_999_999))
    sep = {"en": ",", "de": ".", "fr": rng.choice((" ", "\u202f")), "ru": rng.choice((" ", "\u00a0"))}[lang]
    return _group(digits, sep)


def fmt_date(rng: random.Random, lang: Language, day: dt.date) -> str:
    """A calendar date in one of the styles of ``lang`` (with or without the year)."""
    month = MONTHS[lang][day.month - 1]
    if lang == "en":
        style = rng.choice(("{m} {d}", "{m} {d}, {y}", "{d} {m} {y}", "{s} {d}, {y}", "{iso}"))
        return style.format(
            m=month, d=day.day, y=day.year, s=EN_SHORT_MONTHS[day.month - 1], iso=day.isoformat()
        )
    if lang == "de":
        return rng.choice(("{d}. {m} {y}", "{d}. {m}")).format(d=day.day, m=month, y=day.year)
    if lang == "fr":
        return rng.choice(("{d} {m} {y}", "{d} {m}")).format(d=day.day, m=month, y=day.year)
    return rng.choice(("{d} {m} {y} года", "{d} {m}")).format(d=day.day, m=month, y=day.year)


def fmt_date_range(rng: random.Random, lang: Language, first: dt.date, days: int) -> str:
    """A span of voting days: "between March 15 and 17", "vom 23. bis 27. September"."""
    last = first + dt.timedelta(days=max(days - 1, 1))
    month = MONTHS[lang][first.month - 1]
    if lang == "en":
        style = rng.choice(
            ("between {m} {a} and {b}", "{m} {a}-{b}", "from {m} {a} to {b}", "{a} to {b} {m} {y}")
        )
        return style.format(m=month, a=first.day, b=last.day, y=first.year)
    if lang == "de":
        return f"vom {first.day}. bis {last.day}. {month}"
    if lang == "fr":
        return f"du {first.day} au {last.day} {month}"
    return f"с {first.day} по {last.day} {month}"


def fmt_relative(rng: random.Random, lang: Language) -> str:
    """A date counted from the publication date ("eight years ago", "on Wednesday")."""
    words = NUMBER_WORDS[lang]
    day = rng.choice(WEEKDAYS[lang])
    if lang == "en":
        return rng.choice(
            (
                f"{rng.choice(words)} years ago",
                "exactly one year ago",
                f"on {day}",
                f"late {day}",
                "last week",
                "over the weekend",
                "last spring",
                f"{rng.choice(words)} days earlier",
            )
        )
    if lang == "de":
        return rng.choice((f"vor {rng.choice(words)} Jahren", f"am {day}", "letzte Woche"))
    if lang == "fr":
        return rng.choice((f"il y a {rng.choice(words)} ans", day, "la semaine dernière"))
    return rng.choice((f"{rng.choice(words)} лет назад", f"в {day}", "на прошлой неделе"))


def fmt_duration(rng: random.Random, lang: Language) -> str:
    """A span of time ("five days", "two weeks")."""
    n = rng.choice(NUMBER_WORDS[lang][:6])
    if lang == "en":
        return rng.choice((f"{n} days", f"{n} weeks", f"{n} months"))
    if lang == "de":
        return rng.choice((f"{n} Tage", f"{n} Wochen"))
    if lang == "fr":
        return rng.choice((f"{n} jours", f"{n} semaines"))
    return rng.choice((f"{n} дней", f"{n} недели"))


# --- slots: one function per kind of phrase a template can ask for --------------------------


def _person_age(rng: random.Random, story: Story) -> tuple[str, int]:
    name, born = rng.choice(PEOPLE)
    return name, story.published.year - born - rng.choice((0, 1))


SLOTS: dict[str, Slot] = {
    "pct": lambda rng, s: fmt_percent(rng, s.language),
    "count": lambda rng, s: fmt_count(rng, s.language),
    "date": lambda rng, s: fmt_date(
        rng, s.language, s.contest.first_day + dt.timedelta(days=rng.randint(0, s.contest.days + 3))
    ),
    "range": lambda rng, s: fmt_date_range(rng, s.language, s.contest.first_day, s.contest.days),
    "rel": lambda rng, s: fmt_relative(rng, s.language),
    "dur": lambda rng, s: fmt_duration(rng, s.language),
    "place": lambda rng, s: s.place,
    "option": lambda rng, s: rng.choice(s.contest.options),
    "outlet": lambda rng, s: rng.choice(OUTLETS),
    "year": lambda rng, s: str(rng.randint(1991, s.published.year)),
    "weekday": lambda rng, s: rng.choice(WEEKDAYS[s.language]),
}


def _age_phrase(rng: random.Random, story: Story) -> str:
    name, age = _person_age(rng, story)
    if story.language == "en":
        return rng.choice((f"{name}, {age},", f"{name}, aged {age},", f"the {age}-year-old {name}"))
    if story.language == "de":
        return f"{name} ({age})"
    if story.language == "fr":
        return f"{name}, {age} ans,"
    return f"{age}-летний {name}"


SLOTS["age"] = _age_phrase

TEMPLATES: dict[Language, tuple[str, ...]] = {
    "en": (
        "Officials in {place} said {pct} of voters backed {option}, with turnout of {pct}.",
        "According to the electoral commission, {count} ballots were cast {range}.",
        "The count, published {rel}, gave {option} {pct} of the vote and {count} votes.",
        "Observers from the {outlet} noted that turnout reached {pct} by the evening of {date}.",
        "{age} appeared on state television {rel} to praise the result.",
        "Voting lasted {dur} and ended on {date}, {rel}.",
        "In the previous vote in {year}, more than {pct} of registered voters took part.",
        "Almost {count} people were registered to vote, the commission said {rel}.",
        "Preliminary figures put support for {option} at about {pct}, well above the {pct} forecast.",
        "The last such vote in {place} was held {rel}, when {option} received {pct}.",
        "Polling stations opened on {date} and closed {dur} later.",
        "{age} told reporters {rel} that the count of {count} ballots was complete.",
        "Critics pointed out that {pct} and {pct}, respectively, were reported for the two districts.",
        "Results from {place} showed {option} winning {pct}, up from {pct} in {year}.",
    ),
    "de": (
        "Nach Angaben der Wahlkommission stimmten in {place} {pct} für {option}.",
        "Die Abstimmung dauerte {range}; die Beteiligung lag bei {pct}.",
        "Insgesamt wurden {count} Stimmzettel gezählt, teilte die Behörde {rel} mit.",
        "{age} sprach {rel} von einem klaren Ergebnis.",
        "Beobachter berichteten, dass die Wahl {dur} dauerte und am {date} endete.",
    ),
    "fr": (
        "Selon la commission électorale, {pct} des votants en {place} ont choisi {option}.",
        "Le scrutin s'est tenu {range} et la participation a atteint {pct}.",
        "Au total, {count} bulletins ont été dépouillés, a indiqué la commission {rel}.",
        "{age} a salué le résultat {rel}.",
        "Le vote a duré {dur} et s'est achevé le {date}.",
    ),
    "ru": (
        "По данным избирательной комиссии, в {place} за {option} проголосовали {pct} избирателей.",
        "Голосование прошло {range}, явка составила {pct}.",
        "Всего было подсчитано {count} бюллетеней, сообщила комиссия {rel}.",
        "{age} {rel} назвал итоги убедительными.",
        "Голосование длилось {dur} и завершилось {date}.",
    ),
}

# Sentences without figures: most of a real article is context, quotes and background.
FILLER: dict[Language, tuple[str, ...]] = {
    "en": (
        "The vote was widely criticised by foreign governments and independent monitors.",
        "Residents described long queues outside schools that served as polling stations.",
        "The opposition said it would not recognise the outcome and called for a recount.",
        "Election officials rejected accusations of pressure on voters as baseless.",
        "Several international organisations declined to send observers.",
        "A spokesperson for the commission did not respond to a request for comment.",
        "Analysts said the margin mattered less than the appearance of broad support.",
        "Local media carried little coverage of the campaign in its final days.",
        "Independent pollsters were not allowed to conduct surveys near polling stations.",
        "Diplomats said the result would not change their governments' position.",
        "Some voters said they had been visited at home by officials carrying ballot boxes.",
        "The commission promised to publish detailed results by district later.",
    ),
    "de": (
        "Die Abstimmung wurde international scharf kritisiert.",
        "Unabhängige Beobachter waren nicht zugelassen.",
        "Die Opposition sprach von massiven Unregelmäßigkeiten.",
        "Die Regierung wies alle Vorwürfe zurück.",
    ),
    "fr": (
        "Le scrutin a été largement critiqué à l'étranger.",
        "Aucun observateur indépendant n'a pu suivre le dépouillement.",
        "L'opposition a dénoncé des pressions sur les électeurs.",
        "Les autorités ont rejeté ces accusations.",
    ),
    "ru": (
        "Голосование подверглось резкой критике за рубежом.",
        "Независимых наблюдателей на участки не допустили.",
        "Оппозиция заявила о многочисленных нарушениях.",
        "Власти отвергли все обвинения.",
    ),
}

TITLES: dict[Language, tuple[str, ...]] = {
    "en": (
        "Results announced in {place}",
        "{place} vote: what the figures say",
        "Turnout questions in {place}",
    ),
    "de": ("Ergebnisse aus {place}", "Abstimmung in {place}: die Zahlen"),
    "fr": ("Résultats en {place}", "Le vote en {place} en chiffres"),
    "ru": ("Итоги голосования в {place}", "Цифры голосования в {place}"),
}

_FORMATTER = string.Formatter()


def fill(template: str, rng: random.Random, story: Story) -> str:
    """Fill every ``{slot}`` of a template; each occurrence gets a fresh value.

    >>> s = Story(CONTESTS[0], dt.date(2022, 9, 28), "en")
    >>> fill("In {place}.", random.Random(1), s)
    'In Donetsk.'
    """
    out: list[str] = []
    for literal, name, _spec, _conv in _FORMATTER.parse(template):
        out.append(literal)
        if name is not None:
            out.append(SLOTS[name](rng, story))
    return "".join(out)


def _language(rng: random.Random) -> Language:
    roll = rng.random()
    return "en" if roll < 0.8 else "de" if roll < 0.87 else "fr" if roll < 0.94 else "ru"


def generate_article(index: int, seed: int) -> GeneratedArticle:
    """Article number ``index`` of the corpus ``seed``: 2-5 KB, a title line, then paragraphs."""
    rng = random.Random(f"checkfigures-bench:{seed}:{index}")
    lang = _language(rng)
    contest = rng.choice(CONTESTS)
    end = contest.first_day + dt.timedelta(days=contest.days - 1)
    published = end + dt.timedelta(days=rng.choice((1, 1, 2, 3, 7, 30, 365, 3 * 365)))
    story = Story(contest, published, lang)
    title = fill(rng.choice(TITLES[lang]), rng, story)
    target = rng.randint(2000, 5000)
    paragraphs: list[str] = [title]
    size = len(title.encode())
    while size < target:
        sentences = []
        for _ in range(rng.randint(2, 5)):
            pool = TEMPLATES[lang] if rng.random() < 0.45 else FILLER[lang]
            sentence = fill(rng.choice(pool), rng, story)
            sentences.append(sentence[:1].upper() + sentence[1:])
        paragraph = " ".join(sentences)
        paragraphs.append(paragraph)
        size += len(paragraph.encode()) + 2
    outlet = rng.choice(OUTLETS)
    slug = outlet.lower().replace(" ", "-")
    return GeneratedArticle(
        id=f"gen-{seed}-{index:06d}",
        title=title,
        text="\n\n".join(paragraphs) + "\n",
        published=published,
        source=outlet,
        url=f"https://{slug}.example/{published.isoformat()}/{index}",
        language=lang,
    )


def generate_articles(n: int, seed: int = 0) -> Iterator[GeneratedArticle]:
    """The first ``n`` articles of the corpus ``seed``, lazily."""
    for i in range(n):
        yield generate_article(i, seed)


def iter_articles_by_size(mb: float, seed: int = 0) -> Iterator[GeneratedArticle]:
    """Articles until their text adds up to at least ``mb`` megabytes of UTF-8."""
    total = 0
    i = 0
    while total < mb * MB:
        a = generate_article(i, seed)
        total += len(a.text.encode())
        i += 1
        yield a


def generate_text(mb: float, seed: int = 0) -> str:
    """At least ``mb`` MB of article text (articles separated by a blank line).

    >>> text = generate_text(0.01, seed=3)
    >>> len(text.encode()) >= 10_000 and text == generate_text(0.01, seed=3)
    True
    """
    return "\n".join(a.text for a in iter_articles_by_size(mb, seed))


def write_articles(folder: Path, n: int, seed: int = 0, fmt: Literal["txt", "jsonl"] = "txt") -> list[Path]:
    """Write ``n`` generated articles under ``folder`` and return the files written.

    ``txt``: one UTF-8 file per article plus a sidecar ``articles.csv`` (file, title,
    published, source, url, language). ``jsonl``: one ``articles.jsonl`` with one record a line.
    """
    folder.mkdir(parents=True, exist_ok=True)
    if fmt == "jsonl":
        path = folder / "articles.jsonl"
        with path.open("w", encoding="utf-8", newline="\n") as out:
            for a in generate_articles(n, seed):
                record = {
                    "id": a.id,
                    "title": a.title,
                    "published": a.published.isoformat(),
                    "source": a.source,
                    "url": a.url,
                    "language": a.language,
                    "text": a.text,
                }
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
        return [path]
    if fmt != "txt":
        raise ValueError(f"unknown format {fmt!r}; use 'txt' or 'jsonl'")
    written: list[Path] = []
    sidecar = folder / "articles.csv"
    with sidecar.open("w", encoding="utf-8", newline="") as meta:
        writer = csv.writer(meta)
        writer.writerow(["file", "title", "published", "source", "url", "language"])
        for a in generate_articles(n, seed):
            path = folder / f"{a.id}.txt"
            path.write_text(a.text, encoding="utf-8", newline="\n")
            writer.writerow([path.name, a.title, a.published.isoformat(), a.source, a.url, a.language])
            written.append(path)
    return [*written, sidecar]


# --- hostile input ---------------------------------------------------------------------------

_HOSTILE_PIECES: tuple[Callable[[random.Random], str], ...] = (
    lambda rng: "7" * rng.randint(1_000, 20_000),  # one endless number
    lambda rng: ",".join("123" for _ in range(rng.randint(500, 5_000))),  # endless thousands groups
    lambda rng: ".".join(str(rng.randint(0, 999)) for _ in range(rng.randint(500, 3_000))),
    lambda rng: " ".join("1" for _ in range(rng.randint(500, 5_000))),  # space-grouped digits
    lambda rng: "\u00a0".join("12" for _ in range(rng.randint(500, 3_000))),
    lambda rng: "%" * rng.randint(500, 5_000),
    lambda rng: "99%" * rng.randint(500, 3_000),
    lambda rng: "1,2 % " * rng.randint(500, 3_000),
    lambda rng: "September " * rng.randint(500, 3_000),  # month names without a day
    lambda rng: "23 September " * rng.randint(300, 2_000),
    lambda rng: "between March 15 and " * rng.randint(300, 2_000),
    lambda rng: "(" * rng.randint(500, 5_000) + "42" + ")" * rng.randint(0, 5_000),  # deep parentheses
    lambda rng: "more than " * rng.randint(500, 5_000) + "5%",
    lambda rng: "about nearly roughly " * rng.randint(300, 2_000),
    lambda rng: "eight years ago " * rng.randint(300, 2_000),
    lambda rng: "1-" * rng.randint(500, 5_000),  # a range that never ends
    lambda rng: "1.2 million " * rng.randint(300, 2_000),
    lambda rng: "four " * rng.randint(500, 3_000),
    lambda rng: "- " * rng.randint(500, 5_000),
    lambda rng: "0." * rng.randint(500, 5_000),
    lambda rng: " " * rng.randint(500, 5_000),
    lambda rng: "сентября 2022 года " * rng.randint(300, 2_000),
)


def hostile_text(mb: float, seed: int = 0) -> str:
    """At least ``mb`` MB of text built to trip up regexes: runs of digits and separators,
    percent signs, month names, deep parentheses, "more than more than ...", all without a
    sentence end for long stretches.

    >>> t = hostile_text(0.1, seed=1)
    >>> len(t.encode()) >= 100_000 and t == hostile_text(0.1, seed=1)
    True
    """
    rng = random.Random(f"checkfigures-hostile:{seed}")
    parts: list[str] = []
    total = 0
    makers = list(_HOSTILE_PIECES)
    while total < mb * MB:
        rng.shuffle(makers)  # every kind of piece once per round, so even 1 MB holds them all
        for make in makers:
            piece = make(rng)
            parts.append(piece)
            total += len(piece.encode()) + 1
            if total >= mb * MB:
                break
    return " ".join(parts)


__all__ = [
    "MB",
    "GeneratedArticle",
    "fmt_count",
    "fmt_date",
    "fmt_date_range",
    "fmt_percent",
    "generate_article",
    "generate_articles",
    "generate_text",
    "hostile_text",
    "iter_articles_by_size",
    "write_articles",
]
