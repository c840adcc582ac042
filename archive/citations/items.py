"""The plain records the citation formats are built from: no Django here.

``records.py`` builds these from the models; every format module reads them (or the
CSL-JSON item ``csl.py`` makes of them), so formatting is tested without a database.
"""
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Name:
    """One author. A person has family/given names; a body (organisation) a literal name."""

    family: str = ""
    given: str = ""
    literal: str = ""
    family_first: bool = False  # written family name first, as "Qi Dapeng"
    key: object = field(default=None, compare=False)  # the name record's id, when known

    @property
    def is_literal(self):
        return bool(self.literal) or not (self.family or self.given)

    @property
    def display(self):
        """The name in reading order, as the page shows it ("Ursula von der Leyen")."""
        if self.literal:
            return self.literal
        parts = (self.family, self.given) if self.family_first else (self.given, self.family)
        return " ".join(part for part in parts if part)

    @property
    def inverted(self):
        """Family name first ("von der Leyen, Ursula"), for RIS and BibTeX."""
        if self.literal:
            return self.literal
        return ", ".join(part for part in (self.family, self.given) if part)


# Genres as ``Entry.genre`` stores them.
COMMENTARY, OP_ED, BLOG_POST = "commentary", "op_ed", "blog_post"


@dataclass
class EntryRecord:
    """Everything a citation of one entry needs, read once from the database.

    ``date`` holds only the parts the entry's date precision vouches for:
    ``(2025, 3, 17)``, ``(2025, 3)``, ``(2025,)`` or ``()`` when unknown.
    ``url`` is the publication's own address when known, else the archive page;
    ``archive_url`` is always the archive page (statement anchors live there). When the
    two differ, citations cite the original and give the archive's copy as its archive
    location (``archive_name``, ``archive_url``).
    ``proper_nouns`` are the title words that stay capitalised in sentence case
    (found in the entry's text; see ``titles.proper_nouns``); None when not looked for,
    as in RIS and CSL-JSON exports, which carry titles as published.
    ``outlet_short`` is the outlet's short name ("RSIS"); the citation mapping drops it
    from the publisher's name when the name repeats it in parentheses.
    ``accessed`` is the date the citation is made (the export date), as date parts.
    ``key_suffix`` makes the citation key unique in the archive ("", "a", "b", ...;
    see ``records.KeySuffixes``).
    """

    id: int
    title: str
    genre: str = COMMENTARY
    authors: list = field(default_factory=list)
    outlet: str = ""
    outlet_short: str = ""
    place: str = ""
    series: str = ""
    number: str = ""
    date: tuple = ()
    url: str = ""
    archive_url: str = ""
    abstract: str = ""
    language: str = ""
    keywords: list = field(default_factory=list)
    proper_nouns: frozenset = frozenset()  # or None: not computed
    updated: str = ""
    accessed: tuple = ()
    key_suffix: str = ""
    archive_name: str = "Commentary Archive"  # settings.ARCHIVE_SITE_NAME: the archive holding the copy


@dataclass
class StatementRecord:
    """A quoted statement inside an entry: cited as the entry plus who said what."""

    id: int
    entry: EntryRecord
    quote: str
    speaker: Name = None
    anchor: str = ""
    kind: str = "direct"  # "direct", "partial" or "reported" (the entry's paraphrase, not the speaker's words)

    @property
    def is_reported(self):
        return self.kind == "reported"

    @property
    def url(self):
        return f"{self.entry.archive_url}#{self.anchor}" if self.anchor else self.entry.archive_url

    @property
    def speaker_is_author(self):
        """The entry's own author speaking ("when he posed, '...'"): cited as the entry itself."""
        if self.speaker is None:
            return False
        for author in self.entry.authors:
            if self.speaker.key is not None and author.key is not None:
                if self.speaker.key == author.key:
                    return True
            elif self.speaker == author:
                return True
        return False
