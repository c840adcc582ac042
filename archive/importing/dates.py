"""Publication dates as page dumps write them, with how precise they are.

Two levels:

- :func:`parse_date` reads a string that is a date and nothing else (a manifest value, a
  ``Date:`` line), as the profiles always have;
- :func:`head_date` reads a line of a page's head that *carries* a date: "PUBLISHED :
  Saturday, 10 May, 2014, 4:13am", "Updated 1538 GMT (2338 HKT) May 23, 2019",
  "10:57 am on 21 April 2022", "The Straits Times |May 28, 2025". It says what role the
  line gives the date (published, updated, print edition), and it refuses what is not a
  publication date: a masthead clock ("Tuesday 20 Feb 2018 | 22:41 | SYDNEY"), a relative
  date ("2 days ago"), a date without a year, and a numeric date whose day and month can be
  read both ways ("01/07/2022"), which it reports as ambiguous instead of guessing.

Why not dateparser (installed with trafilatura)? It guesses the order of an ambiguous
numeric date and turns "2 days ago" into a date relative to today: both are wrong values
for an archive. The formats below are the ones real page heads use (see the corpus in
``tests/data/importing/real``).
"""
import datetime
import re
from dataclasses import dataclass

MONTHS = {
    name: number
    for number, names in enumerate(
        [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
         ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
         ("october", "oct"), ("november", "nov"), ("december", "dec")],
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_PREFIX = r"^(?:(?:published|updated|posted|date|first published)(?: on)?\s*:?\s*)?"
_SUFFIX = r"(?:[\sT,]+\d{1,2}:\d{2}(?::\d{2})?(?:\s*(?:am|pm))?(?:\s*[A-Z]{2,4}|[+-]\d{2}:?\d{2}|Z)?)?\s*$"

PATTERNS = [
    (re.compile(_PREFIX + r"(?P<year>\d{4})[-/.](?P<mon>\d{1,2})[-/.](?P<day>\d{1,2})" + _SUFFIX, re.I), "day"),
    (re.compile(_PREFIX + r"(?:[a-z]+day,?\s+)?(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+(?P<year>\d{4})" + _SUFFIX, re.I), "day"),
    (re.compile(_PREFIX + r"(?:[a-z]+day,?\s+)?" + _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})" + _SUFFIX, re.I), "day"),
    (re.compile(_PREFIX + _MONTH + r",?\s+(?P<year>\d{4})\s*$", re.I), "month"),
    (re.compile(_PREFIX + r"(?P<year>\d{4})-(?P<mon>\d{1,2})\s*$", re.I), "month"),
    (re.compile(_PREFIX + r"(?P<year>\d{4})\s*$", re.I), "year"),
]


def parse_date(text, *, allow_year_only=False):
    """``(date, precision)`` when ``text`` is a date and nothing else, else ``None``.

    Precision is "day", "month" or "year"; a month-precise date is stored as the
    first of the month. A bare year is accepted only where a date is expected
    (the manifest), because a lone "2025" line in a dump is rarely a date.
    """
    text = " ".join(str(text).split())
    for pattern, precision in PATTERNS:
        match = pattern.match(text)
        if not match:
            continue
        if precision == "year" and not allow_year_only:
            return None
        parts = match.groupdict()
        year = int(parts["year"])
        month = int(parts["mon"]) if parts.get("mon") else MONTHS.get((parts.get("month") or "").lower().rstrip("."), 1)
        day = int(parts["day"]) if parts.get("day") else 1
        try:
            return datetime.date(year, month, day), precision
        except ValueError:
            return None
    return None


def find_date(text):
    """A date anywhere in a short line such as a byline ("By X | China Daily | Updated: 2025-02-05")."""
    for piece in re.split(r"\s*[|•·]\s*", text):
        found = parse_date(piece)
        if found:
            return found
    return None


# -- dates in a page's head ---------------------------------------------------------------------

@dataclass(frozen=True)
class HeadDate:
    """A date a head line carries. ``value`` is ``(date, precision)``, or None when ambiguous."""

    value: tuple | None
    role: str  # "published", "updated", "print", "plain"
    ambiguous: bool = False
    rest: str = ""  # the line's other words, once the date and its furniture are gone


_YEAR = r"(?P<year>(?:19|20)\d{2})"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_WEEKDAY = r"(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|sday|nesday|rsday|urday)?\.?,?\s+)"
_TIME = r"(?:\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?|\d{3,4}\s*(?:GMT|UTC))"
# A year ends at a word's end, or where the next item of a strip was glued to it ("Apr 22, 20267 min
# listen", "October 9, 2023No Comments").
_YEAR_END = r"(?:\b|(?=\d\s*min)|(?=(?-i:[A-Z])))"
_TEXT_DATES = [
    # 10 May, 2014 / Saturday 28 February 2015 / 8 Jan 2023 / Monday 11th of December 2023 / 13-Aug-2010
    re.compile(_WEEKDAY + r"?" + _DAY + r"(?:\s+(?:of\s+)?|-)" + _MONTH + r"(?:,?\s+|-)" + _YEAR + _YEAR_END, re.I),
    # May 23, 2019 / Thursday, Sep 01, 2022 / January9, 2018 / March 4 2018
    re.compile(_WEEKDAY + r"?" + _MONTH + r"\s*" + _DAY + r"(?:,\s*|\s+)" + _YEAR + _YEAR_END, re.I),
]
_ISO = re.compile(r"(?<![\d/.])(?P<year>(?:19|20)\d{2})[-/.](?P<mon>[01]?\d)[-/.](?P<day>[0-3]?\d)(?![\d/.])")
_ISO_MONTH = re.compile(r"(?<![\d/.-])(?P<year>(?:19|20)\d{2})-(?P<mon>[01]\d)(?![\d/.-])")
_NUMERIC = re.compile(r"(?<![\d/.-])(?P<a>[0-3]?\d)(?P<sep>[/.-])(?P<b>[0-3]?\d)(?P=sep)(?P<year>(?:19|20)\d{2})(?![\d/.-])")
_MONTH_YEAR = re.compile(r"^(?:published\s*:?\s*|date\s*:?\s*)?" + _MONTH + r",?\s+" + _YEAR + r"$", re.I)

_ROLE_UPDATED = re.compile(r"\b(?:updated|last updated|modified|last modified|edited)\b", re.I)
_ROLE_PUBLISHED = re.compile(r"\b(?:published|posted|first published|publication date|date)\b", re.I)
_ROLE_PRINT = re.compile(r"\bprint edition\b|\bin print\b", re.I)
_RELATIVE = re.compile(r"\b(?:\d+|an?|one)\s+(?:second|minute|min|hour|hr|day|week|month|year)s?\s+ago\b|\b(?:today|yesterday)\b", re.I)
# "Tuesday 20 Feb 2018 | 22:41 | SYDNEY": the site's clock, not the article's date.
_CLOCK = re.compile(r"^" + _WEEKDAY + r"\d{1,2}\s+\w+\s+\d{4}\s*\|\s*\d{1,2}:\d{2}\s*\|\s*[A-Z .]+$", re.I)
# Words that may surround a date on a date line without making it something else.
_FURNITURE = re.compile(
    r"\b(?:published|updated|last updated|posted|first published|publication date|date|on|at|am|pm|a\.m\.|p\.m\.|"
    r"gmt|utc|bst|est|edt|et|pt|pst|jst|hkt|sgt|ist|aest|aedt|cet|cest|wib|pht|ict|kst|time|issue|magazine|"
    r"edition|read|min|mins|minute|minutes|reading|\d+)\b|[|•·:,()\-–—/]+",
    re.I,
)


def _make(year, month, day):
    try:
        return datetime.date(int(year), int(month), int(day))
    except ValueError:
        return None


# A masthead strip whose text runs into today's weekday ("Abu Dhabi, UAESaturday 20 January 2018"):
# the place and the clock of the site, glued together because they sat side by side.
_GLUED_CLOCK = re.compile(r"[A-Za-z,](?-i:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+\d{1,2}\s+[A-Za-z]+,?\s+\d{4}\s*$")


# A news theme's header clock: a weekday cut short with a full stop, then a short month and an ordinal
# day ("Wed. Feb 21st, 2024", "Fri. Sep 12th, 2025"), alone on its line; an article's date line is
# not printed in this shape.
_THEME_CLOCK = re.compile(r"^(?:[•·]\s*)?(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)\.\s+[A-Z][a-z]{2}\.?\s+\d{1,2}(?:st|nd|rd|th),\s+\d{4}$")


def is_clock(line):
    """A masthead clock line ("Tuesday 20 Feb 2018 | 22:41 | SYDNEY"): the site's time, not a date."""
    text = " ".join(str(line).split())
    return bool(_CLOCK.match(text) or _GLUED_CLOCK.search(text) or _THEME_CLOCK.match(text))


def head_date(line):
    """The publication date a head line carries, as a :class:`HeadDate`, or None.

    The line must be *about* the date: once the date, a time, a weekday, a time zone and
    role words are taken out, at most a few words may remain (an outlet's name, a place).
    """
    text = " ".join(str(line).split())
    if not text or len(text) > 160 or is_clock(text):
        return None
    text = _RELATIVE.sub(" ", text)
    role = "plain"
    if _ROLE_PRINT.search(text):
        role = "print"
    elif _ROLE_UPDATED.search(text) and not _ROLE_PUBLISHED.search(text):
        role = "updated"
    elif _ROLE_PUBLISHED.search(text):
        role = "published"
    value, span, ambiguous = None, None, False
    for pattern in _TEXT_DATES:
        match = pattern.search(text)
        if match:
            month = MONTHS.get(match.group("month").lower().rstrip("."))
            value = _make(match.group("year"), month, match.group("day"))
            span = match.span()
            if value:
                value = (value, "day")
            break
    if value is None:
        match = _ISO.search(text)
        if match:
            found = _make(match.group("year"), match.group("mon"), match.group("day"))
            value, span = ((found, "day") if found else None), match.span()
    if value is None:
        match = _NUMERIC.search(text)
        if match:
            a, b, year = int(match.group("a")), int(match.group("b")), match.group("year")
            span = match.span()
            if match.group("sep") in "/-" and b > 12 >= a:  # 9/16/2016, 05-30-2022: month first
                found = _make(year, a, b)
            elif a > 12 >= b:  # 22.11.2017, 16/09/2016: day first
                found = _make(year, b, a)
            elif a == b:
                found = _make(year, a, b)
            else:
                found, ambiguous = None, True
            value = (found, "day") if found else None
    if value is None and not ambiguous:
        match = _ISO_MONTH.search(text)
        if match and 1 <= int(match.group("mon")) <= 12:
            value, span = (_make(match.group("year"), match.group("mon"), 1), "month"), match.span()
        else:
            match = _MONTH_YEAR.match(text)
            if match:
                month = MONTHS.get(match.group("month").lower().rstrip("."))
                value, span = (_make(match.group("year"), month, 1), "month"), match.span()
    if span is None or (value is None and not ambiguous) or (value is not None and value[0] is None):
        return None
    rest = text[:span[0]] + " " + text[span[1]:]
    rest = re.sub(_WEEKDAY, " ", rest, flags=re.I)
    rest = re.sub(_TIME, " ", rest, flags=re.I)
    rest = " ".join(_FURNITURE.sub(" ", rest).split())
    return HeadDate(value=None if ambiguous else value, role=role, ambiguous=ambiguous, rest=rest)
