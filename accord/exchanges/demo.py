"""Demo: the 314-prisoner exchange with two small illustrative lists, one from each side.

The article gives the number (314) and nothing else: the 40-row lists below are invented,
deterministic (a fixed name pool and a seeded generator, no Faker) and marked illustrative.
Ukraine's list is in Ukrainian, Russia's in Russian, with the usual trouble: other forms of the
same names, a typo, a swapped day and month, a missing date, a repeated row, people on one side
only. Both are uploaded by the demo seats and reconciled at load; a few pairs stay in review.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from accord.demo.load import demo_seat
from accord.domain.visibility import Visibility
from accord.exchanges import services
from accord.talks.models import Process

SURNAMES = [
    ("Шевченко", "Шевченко"), ("Коваленко", "Коваленко"), ("Бондаренко", "Бондаренко"),
    ("Ткаченко", "Ткаченко"), ("Кравченко", "Кравченко"), ("Олійник", "Олейник"),
    ("Мельник", "Мельник"), ("Шевчук", "Шевчук"), ("Поліщук", "Полищук"), ("Лисенко", "Лысенко"),
    ("Савченко", "Савченко"), ("Руденко", "Руденко"), ("Мороз", "Мороз"),
    ("Марченко", "Марченко"), ("Іваненко", "Иваненко"), ("Петренко", "Петренко"),
    ("Гончаренко", "Гончаренко"), ("Павленко", "Павленко"), ("Левченко", "Левченко"),
    ("Кузьменко", "Кузьменко"), ("Білик", "Билык"), ("Литвиненко", "Литвиненко"),
    ("Клименко", "Клименко"), ("Кравчук", "Кравчук"), ("Захарченко", "Захарченко"),
    ("Гриценко", "Гриценко"), ("Ковальчук", "Ковальчук"), ("Сидоренко", "Сидоренко"),
]  # fmt: skip
GIVEN = [
    ("Олексій", "Алексей"), ("Андрій", "Андрей"), ("Сергій", "Сергей"), ("Дмитро", "Дмитрий"),
    ("Юрій", "Юрий"), ("Олександр", "Александр"), ("Микола", "Николай"), ("Іван", "Иван"),
    ("Василь", "Василий"), ("Михайло", "Михаил"), ("Віктор", "Виктор"),
    ("Володимир", "Владимир"), ("Богдан", "Богдан"), ("Тарас", "Тарас"), ("Олег", "Олег"),
    ("Ігор", "Игорь"), ("Роман", "Роман"), ("Максим", "Максим"),
]  # fmt: skip
PATRONYMICS = [
    ("Олексійович", "Алексеевич"), ("Андрійович", "Андреевич"), ("Сергійович", "Сергеевич"),
    ("Іванович", "Иванович"), ("Миколайович", "Николаевич"), ("Петрович", "Петрович"),
    ("Васильович", "Васильевич"), ("Михайлович", "Михайлович"), ("Вікторович", "Викторович"),
    ("Володимирович", "Владимирович"), ("Олегович", "Олегович"), ("Юрійович", "Юрьевич"),
]  # fmt: skip
CATEGORIES = [
    ("військовополонений", "военнопленный"), ("цивільний", "гражданский"),
    ("поранений", "раненый"),
]  # fmt: skip
UA_HEADER = ["№", "Прізвище", "Ім'я", "По батькові", "Дата народження", "Категорія"]
RU_HEADER = ["№", "Фамилия", "Имя", "Отчество", "Дата рождения", "Категория"]
PEOPLE = 43  # persons 0-38 on Ukraine's list, 0-36 and 40-42 on Russia's
SWAPPED, TYPO, UNDATED, REPEATED = 11, 7, 15, 5
REVIEW = (20, 24, 30)  # Russia's list gives another birth year and patronymic


def _people(rng: random.Random) -> list[dict]:
    combos = [(s, g) for s in range(len(SURNAMES)) for g in range(len(GIVEN))]
    people = []
    for surname, given in rng.sample(combos, PEOPLE):
        born = date(1966, 1, 1) + timedelta(days=rng.randrange(365 * 38))
        people.append({
            "surname": SURNAMES[surname], "given": GIVEN[given],
            "patronymic": rng.choice(PATRONYMICS), "born": born,
            "category": CATEGORIES[rng.choices(range(3), weights=(7, 2, 1))[0]],
        })  # fmt: skip
    people[SWAPPED]["born"] = people[SWAPPED]["born"].replace(day=9)
    return people


def _ua_row(number: int, person: dict) -> list[str]:
    born = person["born"].strftime("%d.%m.%Y")
    return [f"UA-{number:03d}", person["surname"][0], person["given"][0],
            person["patronymic"][0], born, person["category"][0]]  # fmt: skip


def _ru_row(number: int, index: int, person: dict) -> list[str]:
    surname, born = person["surname"][1], person["born"]
    text = born.strftime("%d.%m.%Y")
    if index == SWAPPED:
        text = born.strftime("%m.%d.%Y")
    if index == UNDATED:
        text = ""
    if index == TYPO:
        surname = surname[:2] + surname[3:]
    if index in REVIEW:
        text = born.replace(year=born.year - 9, day=min(born.day, 28)).strftime("%d.%m.%Y")
    patronymic = person["patronymic"][1]
    if index in REVIEW:  # and another patronymic: a relative, or a clerk's slip?
        patronymic = PATRONYMICS[(PATRONYMICS.index(person["patronymic"]) + 1) % 12][1]
    return [f"RU-{number:03d}", surname, person["given"][1], patronymic, text,
            person["category"][1]]  # fmt: skip


def _csv(header: list[str], rows: list[list[str]]) -> bytes:
    return ("\n".join(",".join(cells) for cells in [header, *rows]) + "\n").encode()


def demo_lists(seed: int = 314) -> tuple[bytes, bytes]:
    """Ukraine's and Russia's lists as CSV bytes (40 rows each), the same on every call."""
    people = _people(random.Random(seed))
    ua = [_ua_row(n, p) for n, p in enumerate(people[:39], start=1)]
    ua.append(_ua_row(40, people[REPEATED]))
    on_ru = [*range(37), 40, 41, 42]
    ru = [_ru_row(n, i, people[i]) for n, i in enumerate(on_ru, start=1)]
    return _csv(UA_HEADER, ua), _csv(RU_HEADER, ru)


def load_demo_extras(process: Process) -> None:
    mediator = demo_seat(process, None)
    exchange = services.exchange_create(
        seat=mediator, title="Prisoner exchange (314): illustrative sample lists",
        agreed_number=314, visibility=Visibility.PARTIES, illustrative=True,
    )  # fmt: skip
    ua, ru = demo_lists()
    for code, name, data in (("UA", "ua-list-illustrative.csv", ua),
                             ("RU", "ru-list-illustrative.csv", ru)):  # fmt: skip
        services.list_upload(
            seat=demo_seat(process, code), exchange=exchange, file_name=name, data=data,
            illustrative=True,
        )  # fmt: skip
    services.exchange_reconcile(actor=mediator.membership.user, exchange=exchange)
