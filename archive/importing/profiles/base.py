"""What every outlet profile is: detection from the text, then parsing into a document."""
from ..document import OutletInfo, ParsedDocument
from ..layout import find_article, split_blocks


class Profile:
    """An outlet's page-dump conventions.

    The base class parses with the shared layout rules (:mod:`..layout`); a profile
    for a known outlet adds its outlet facts, its own furniture lines and whatever
    its pages state in a fixed place (a series number, a synopsis).
    """

    name = "generic"
    outlet = None  # OutletInfo
    genre = "commentary"
    extra_boilerplate = None  # compiled regex of outlet-specific furniture lines
    # Where a page prints the outlet's name as its publisher (masthead, copyright, label). A
    # profile recognised by layout alone does not claim the outlet: only what a page states
    # is taken, and the pipeline adds the outlet when the page's URL is the outlet's.
    masthead = None

    def detect(self, text, url=""):
        """Whether ``text`` (or the page's ``url``) comes from this profile's outlet."""
        return False

    def parse(self, text, source_name, *, title_hint=""):
        article = find_article(split_blocks(text), extra_boilerplate=self.extra_boilerplate,
                               title_hint=title_hint)
        return self.document(article, source_name, text)

    def document(self, article, source_name, text=""):
        doc = ParsedDocument(source_name=source_name, profile=self.name, genre=self.genre)
        doc.title = article.title
        doc.authors = list(article.authors)
        if article.date:
            doc.date, doc.date_precision = article.date
        doc.url = article.url
        doc.blocks = list(article.blocks)
        doc.author_note = article.author_note
        doc.categories = list(article.categories)
        doc.outlet = (OutletInfo(name=article.outlet) if article.outlet else None)
        if self.outlet is not None and (self.masthead is None or self.masthead.search(text)):
            doc.outlet = self.outlet
        doc.doubts = dict(article.doubts)
        return doc
