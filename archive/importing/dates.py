"""Publication dates as page dumps write them, with how precise they are."""
import datetime
import re

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
