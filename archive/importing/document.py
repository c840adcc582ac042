"""What the importing pipeline hands to the archive: one parsed document."""
import datetime
from dataclasses import dataclass, field

from .body import canonical_body, text_checksum

# Fields the archive needs an editor to complete when the source does not state them.
REVIEWABLE_FIELDS = ("title", "authors", "date", "outlet")

GENRES = ("commentary", "op_ed", "blog_post")
DATE_PRECISIONS = ("day", "month", "year", "unknown")


@dataclass
class OutletInfo:
    """The publisher as a profile or the manifest knows it."""

    name: str
    short_name: str = ""
    kind: str = "other"  # think_tank, newspaper, magazine, blog, other
    homepage: str = ""
    place: str = ""


@dataclass
class ParsedDocument:
    """Everything the pipeline found in one source file, and what it did not find.

    ``blocks`` is the body in reading order as ``("heading"|"paragraph", text)`` pairs;
    :meth:`body` turns it into the canonical text stored on an entry.
    """

    source_name: str
    profile: str = "generic"
    title: str = ""
    series: str = ""
    number: str = ""
    authors: list = field(default_factory=list)
    date: datetime.date | None = None
    date_precision: str = "unknown"
    url: str = ""
    language: str = "en"
    synopsis: str = ""
    blocks: list = field(default_factory=list)
    author_note: str = ""
    categories: list = field(default_factory=list)
    outlet: OutletInfo | None = None
    genre: str = "commentary"
    encoding: str = "utf-8"
    # Why a reviewable field was left empty although the page has candidates for it
    # ("several lines could be the headline: ..."): shown to the editor beside "needs review".
    doubts: dict = field(default_factory=dict)

    @property
    def missing(self):
        """Reviewable fields the source did not state: "title", "authors", "date", "outlet"."""
        found = {
            "title": bool(self.title),
            "authors": bool(self.authors),
            "date": self.date is not None,
            "outlet": self.outlet is not None,
        }
        return [name for name in REVIEWABLE_FIELDS if not found[name]]

    def body(self):
        """``(text, structure)`` in the format documented on ``archive.models.Entry``."""
        return canonical_body(self.blocks)

    @property
    def checksum(self):
        """SHA-256 of the normalised commentary text: the same text under any file name."""
        return text_checksum(self.body()[0])

    def headings(self):
        return [text for kind, text in self.blocks if kind == "heading"]

    def paragraphs(self):
        return [text for kind, text in self.blocks if kind == "paragraph"]
