"""The fallback profile for outlets the archive has no profile for.

It takes what the shared layout rules find (a title line, a byline, a date, the
prose paragraphs and headings between them) and leaves the rest (the outlet
above all) missing, so the entry is flagged for an editor. The title and authors
the rules read from the text pass the learned acceptance gate (:mod:`..gate`); a
title the page's markup states (``title_hint``) is not gated. The outlet profiles
do not use the gate: they read a fixed place, and the seeds import as before.
"""
from .. import gate
from ..layout import find_article, split_blocks
from .base import Profile


class GenericProfile(Profile):
    name = "generic"

    def detect(self, text, url=""):
        return True

    def parse(self, text, source_name, *, title_hint=""):
        blocks = split_blocks(text)
        article = find_article(blocks, extra_boilerplate=self.extra_boilerplate, title_hint=title_hint)
        hinted = bool(title_hint) and article.title == title_hint
        doc = self.document(article, source_name, text)
        lines = [" ".join(t.split()) for t in blocks]
        if hinted:
            title, doc.title = doc.title, ""
            gate.apply(doc, lines)
            doc.title = title
        else:
            gate.apply(doc, lines)
        return doc


PROFILE = GenericProfile()
