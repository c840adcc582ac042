"""The registry of export formats: one entry per format, used by views, the command and unAPI.

Adding a format is one writer module plus one line here. Every format is a function
from an iterable of CSL-JSON items to an iterable of text chunks, so exports stream.
Pure Python.
"""
from dataclasses import dataclass
from itertools import islice
from typing import Callable

from . import bibtex, csljson, ris, styles


@dataclass(frozen=True)
class ExportFormat:
    name: str  # as the command and ?format= take it
    label: str
    extension: str
    content_type: str
    write: Callable  # iterable of CSL items -> iterable of str
    title_case: bool = True  # needs the sentence-case title (BibTeX braces, APA, Harvard)


def styled_writer(style_key, output="text", chunk=200, first_chunk=20):
    """A bibliography in one style, one entry per line (HTML: one <li> per entry),
    rendered in chunks so a compiled style serves many entries per call; the first
    chunk is small so a download starts at once."""

    def write(items):
        if output == "html":
            yield '<!doctype html>\n<meta charset="utf-8">\n<ol class="bibliography">\n'
        iterator = iter(items)
        size = first_chunk
        while True:
            batch = list(islice(iterator, size))
            size = chunk
            if not batch:
                break
            for line in styles.bibliography(batch, style_key, output):
                yield f"<li>{line}</li>\n" if output == "html" else line + "\n"
        if output == "html":
            yield "</ol>\n"

    return write


FORMATS = {
    f.name: f
    for f in (
        ExportFormat("bibtex", "BibTeX", "bib", "application/x-bibtex; charset=utf-8", bibtex.export),
        ExportFormat("ris", "RIS", "ris", "application/x-research-info-systems; charset=utf-8", ris.export,
                     title_case=False),
        ExportFormat("csl-json", "CSL-JSON", "json", "application/vnd.citationstyles.csl+json; charset=utf-8",
                     csljson.export, title_case=False),
        *(
            ExportFormat(key, style.label, "txt", "text/plain; charset=utf-8", styled_writer(key))
            for key, style in styles.STYLES.items()
        ),
    )
}

# File extensions of the download links; formatted styles are chosen by ?style=.
BY_EXTENSION = {"bib": FORMATS["bibtex"], "ris": FORMATS["ris"], "json": FORMATS["csl-json"]}


class UnknownFormat(ValueError):
    pass


def get_format(name):
    try:
        return FORMATS[name]
    except KeyError:
        raise UnknownFormat(f"unknown format {name!r}; choose one of {', '.join(FORMATS)}") from None
