"""Language detection: metadata hints, scripts and stop words, on sentences we wrote."""

from __future__ import annotations

import pytest

from checker.language import STOP_WORDS, detect_language, parse_language_hint

# (case id, text, expected language); every text is our own news-style sentence.
TEXTS: list[tuple[str, str, str | None]] = [
    ("en", "The commission said that turnout was 61.2% and the count would be final by Friday.", "en"),
    ("de", "Die Wahlkommission teilte mit, dass die Beteiligung bei 61,2 Prozent lag und das Ergebnis "
           "nach der Auszählung nicht mehr geändert wurde.", "de"),
    ("fr", "La commission a annoncé que la participation était de 61,2 % et que le décompte serait "
           "terminé dans la soirée pour les bureaux du nord.", "fr"),
    ("es", "La comisión dijo que la participación fue del 61,2% y que el recuento de los votos "
           "terminará el viernes, según las autoridades.", "es"),
    ("it", "La commissione ha detto che l'affluenza è stata del 61,2% e che il conteggio delle schede "
           "non sarà concluso prima di venerdì, anche per il voto della capitale.", "it"),
    ("pt", "A comissão disse que a participação foi de 61,2% e que a contagem dos votos não terminou "
           "ainda, segundo o presidente da mesa.", "pt"),
    ("pl", "Komisja poinformowała, że frekwencja wyniosła 61,2 proc. i że liczenie głosów nie jest "
           "jeszcze zakończone, jak podała w piątek.", "pl"),
    ("hu", "A bizottság szerint a részvétel 61,2 százalék volt, és a szavazatok számlálása még nem "
           "fejeződött be, de a bizottság azt is közölte, hogy az eredmény péntekre várható.", "hu"),
    ("ru-letters", "Избирательная комиссия сообщила, что явка составила 61,2%, а подсчёт голосов "
                   "завершится в пятницу.", "ru"),
    ("ru-words-only", "Явка была 61,2%, сообщили в комиссии.", "ru"),
    ("uk", "Виборча комісія повідомила, що явка становила 61,2%, а підрахунок голосів завершиться "
           "у п'ятницю.", "uk"),
    ("be", "Цэнтральная камісія паведаміла, што яўка склала 61,2%, а падлік галасоў скончыцца ў пятніцу.",
     "be"),
    ("ka", "ცენტრალურმა საარჩევნო კომისიამ განაცხადა, რომ აქტივობამ 61,2% შეადგინა.", "ka"),
    ("el", "Η εκλογική επιτροπή ανακοίνωσε ότι η συμμετοχή έφτασε το 61,2% την Κυριακή.", "el"),
    ("serbian-cyrillic-unsure", "Изборна комисија је саопштила да је излазност била 61,2% у недељу.", None),
    ("bulgarian-unsure", "Избирателната комисия съобщи, че активността е 61,2% в неделя.", None),
    ("numbers-only", "61,2% 38,2% 29,5% 1 234 567", None),
    ("too-short", "Turnout 61%.", None),
    ("empty", "", None),
    ("unknown-latin-language", "Vaalilautakunta kertoi, että äänestysprosentti oli 61,2 ja laskenta "
                               "jatkuu perjantaina kaupungin kouluissa.", None),
]  # fmt: skip


@pytest.mark.parametrize(("text", "language"), [c[1:] for c in TEXTS], ids=[c[0] for c in TEXTS])
def test_detect_language(text: str, language: str | None) -> None:
    assert detect_language(text) == language


HINTS: list[tuple[str | None, str | None]] = [
    ("en", "en"),
    ("en-GB", "en"),
    ("de_DE", "de"),
    ("pt-BR", "pt"),
    ("RU", "ru"),
    ("rus", "ru"),
    ("Ukrainian", "uk"),
    ("sr-Latn-RS", "sr"),
    ("", None),
    (None, None),
    ("not a language", None),
    ("xyz", None),
]


@pytest.mark.parametrize(("hint", "code"), HINTS, ids=[repr(h) for h, _ in HINTS])
def test_parse_language_hint(hint: str | None, code: str | None) -> None:
    assert parse_language_hint(hint) == code


def test_metadata_wins_over_the_text() -> None:
    english = TEXTS[0][1]
    assert detect_language(english, hint="de") == "de"


def test_unusable_hint_falls_back_to_the_text() -> None:
    english = TEXTS[0][1]
    assert detect_language(english, hint="unknown value") == "en"


def test_only_the_first_few_kb_are_read() -> None:
    # A German article followed by a long English quote block is still German.
    text = TEXTS[1][1] * 40 + " " + TEXTS[0][1] * 400
    assert detect_language(text) == "de"


def test_stop_word_tables_are_comparable() -> None:
    sizes = {lang: len(words) for lang, words in STOP_WORDS.items()}
    assert set(sizes) == {"en", "de", "fr", "es", "it", "pt", "pl", "hu"}
    assert max(sizes.values()) - min(sizes.values()) <= 3, sizes
