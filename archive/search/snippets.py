"""Turning an engine's highlighted text into safe HTML.

Both engines are asked to wrap matches in two private-use characters instead of
``<mark>`` tags; the text is then HTML-escaped as a whole and only then are the
markers turned into tags. So no stored text can inject markup, whatever the engine
does with it. Pure Python (no Django).
"""
from html import escape

START = "\ue000"
STOP = "\ue001"
ELLIPSIS = "…"


def strip_markers(text):
    """Remove the marker characters from text before it is indexed or highlighted."""
    return text.replace(START, "").replace(STOP, "") if text else ""


def marked_to_html(text):
    """Escape ``text`` and turn the match markers into balanced ``<mark>`` elements."""
    if not text:
        return ""
    out, open_ = [], False
    for chunk in _split(text):
        if chunk == START:
            if not open_:
                out.append("<mark>")
                open_ = True
        elif chunk == STOP:
            if open_:
                out.append("</mark>")
                open_ = False
        else:
            out.append(escape(chunk, quote=False))
    if open_:
        out.append("</mark>")
    return "".join(out)


def has_mark(text):
    return bool(text) and START in text


def _split(text):
    chunk = []
    for ch in text:
        if ch in (START, STOP):
            if chunk:
                yield "".join(chunk)
                chunk = []
            yield ch
        else:
            chunk.append(ch)
    if chunk:
        yield "".join(chunk)


def leading_words(text, words=40):
    """The first ``words`` words of ``text``, escaped, with an ellipsis when cut."""
    parts = (text or "").split()
    cut = " ".join(parts[:words])
    return escape(cut, quote=False) + (f" {ELLIPSIS}" if len(parts) > words else "")
