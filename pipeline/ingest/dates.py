"""Meeting dates and meeting numbers as people and spreadsheets write them.

The programme is in England, so slashed and dashed dates are day-first
(04/05/2021 is 4 May). A value that fits no accepted form is not guessed at:
a wrong month would silently misplace a log in every monthly count.
"""
from __future__ import annotations

import datetime as dt
import re

_MONTHS = {name: number for number, names in enumerate(
    [("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",),
     ("jun", "june"), ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"),
     ("oct", "october"), ("nov", "november"), ("dec", "december")], start=1) for name in names}

_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})"
                  r"(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?", re.IGNORECASE)
_DAY_FIRST = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:,?\s+\d{1,2}:\d{2}(?::\d{2})?)?")
_WEEKDAY = r"(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*,?\s+)?"
_DAY_MONTH = re.compile(_WEEKDAY + r"(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?([a-z]+)\.?,?\s+(\d{4})")
_MONTH_DAY = re.compile(_WEEKDAY + r"([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})")
_MEETING_NUMBER = re.compile(
    r"(?:meeting|mtg)?\s*(?:no\.?|number|num|nr|#)?\s*(\d{1,4})(?:\.0+)?(?:st|nd|rd|th)?(?:\s+meeting)?")


def parse_meeting_date(value: object) -> dt.date | None:
    """A date from a cell, key or YAML value; None if it is not one of the accepted forms."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        return None
    text = " ".join(value.strip().lower().split())
    for pattern, order in ((_ISO, "ymd"), (_DAY_FIRST, "dmy")):
        match = pattern.fullmatch(text)
        if match:
            parts = dict(zip(order, (int(g) for g in match.groups())))
            return _date(parts["y"], parts["m"], parts["d"])
    match = _DAY_MONTH.fullmatch(text)
    if match:
        day, month, year = match.groups()
        return _date(int(year), _MONTHS.get(month), int(day))
    match = _MONTH_DAY.fullmatch(text)
    if match:
        month, day, year = match.groups()
        return _date(int(year), _MONTHS.get(month), int(day))
    return None


def parse_meeting_number(value: object) -> int | None:
    """A meeting number of 1 or more from "3", 3.0, "Meeting 3", "3rd"; None otherwise."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        number = value
    elif isinstance(value, float):
        if not value.is_integer():
            return None
        number = int(value)
    elif isinstance(value, str):
        match = _MEETING_NUMBER.fullmatch(" ".join(value.strip().lower().split()))
        if not match:
            return None
        number = int(match.group(1))
    else:
        return None
    return number if number >= 1 else None


def _date(year: int, month: int | None, day: int) -> dt.date | None:
    if month is None:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None
