"""Shared set-up for the exchange tests: an exchange and two small lists, UA and RU."""

from __future__ import annotations

from accord.exchanges import services
from accord.exchanges.models import Exchange, ExchangeList
from tests.table import Table

UA_ROWS = [
    ("UA-1", "Шевченко", "Олексій", "Петрович", "12.03.1990", "військовополонений"),
    ("UA-2", "Коваленко", "Андрій", "Іванович", "05.07.1985", "цивільний"),
    ("UA-3", "Бондаренко", "Сергій", "Миколайович", "21.11.1979", "поранений"),
    ("UA-4", "Ткаченко", "Дмитро", "Олегович", "02.01.1995", "військовополонений"),
    ("UA-5", "Мельник", "Юрій", "Васильович", "30.06.1988", "військовополонений"),
]
RU_ROWS = [
    ("RU-1", "Шевченко", "Алексей", "Петрович", "12.03.1990", "военнопленный"),
    ("RU-2", "Коваленко", "Андрей", "Иванович", "05.07.1985", "гражданский"),
    ("RU-3", "Бондаренко", "Сергей", "Николаевич", "21.11.1979", "раненый"),
    ("RU-4", "Ткаченко", "Дмитрий", "Олегович", "02.01.1995", "военнопленный"),
    ("RU-9", "Петров", "Иван", "Иванович", "01.01.1970", "военнопленный"),
]
UA_HEADER = "ID,Прізвище,Ім'я,По батькові,Дата народження,Категорія"
RU_HEADER = "ID,Фамилия,Имя,Отчество,Дата рождения,Категория"


def csv_bytes(header: str, rows: list[tuple[str, ...]]) -> bytes:
    return ("\n".join([header, *(",".join(row) for row in rows)]) + "\n").encode()


def make_exchange(table: Table, agreed: int = 5) -> Exchange:
    return services.exchange_create(
        seat=table.seat("mediator"), title="Prisoner exchange", agreed_number=agreed
    )


def upload(table: Table, seat: str, exchange: Exchange) -> ExchangeList:
    header, rows = (UA_HEADER, UA_ROWS) if seat == "ua" else (RU_HEADER, RU_ROWS)
    return services.list_upload(
        seat=table.seat(seat), exchange=exchange, file_name=f"{seat}.csv",
        data=csv_bytes(header, rows),
    )  # fmt: skip


def reconciled(table: Table) -> Exchange:
    exchange = make_exchange(table)
    upload(table, "ua", exchange)
    upload(table, "ru", exchange)
    services.exchange_reconcile(actor=None, exchange=exchange)
    return exchange


LATIN_ROWS = [
    ("M-1", "Shevchenko", "Oleksii", "Petrovych", "12.03.1990"),
    ("M-2", "Kovalenko", "Andriy", "Ivanovych", "05.07.1985"),
    ("M-3", "Bondarenko", "Sergei", "", "21.11.1979"),
    ("M-4", "Tkachenko", "Dmytro", "Olehovych", "02.01.1995"),
    ("M-7", "Sydorenko", "Taras", "", "09.09.1969"),
]
LATIN_HEADER = "ID,Surname,Given name,Patronymic,Date of birth"


def upload_mediator_list(table: Table, exchange: Exchange) -> ExchangeList:
    """The mediators' own list: Latin spellings (KMU, legacy, Russian ICAO) of some persons."""
    return services.list_upload(
        seat=table.seat("mediator"), exchange=exchange, file_name="icrc.csv",
        data=csv_bytes(LATIN_HEADER, LATIN_ROWS),
    )  # fmt: skip
