"""A tiny stand-in for the quote engine, so statement workflows are tested on known findings.

It returns the engine's own result objects (archive.quotes.model) for the spans it is
told about; tests with the real engine live next to these.
"""
from archive.quotes.model import NonStatement, Result, Statement


def fake_engine(findings, terms=()):
    """An extractor that finds each (quote, speaker, kind) of ``findings`` wherever it occurs.

    ``findings`` items may carry a fourth element: a dict of extra fields (cue, mention...).
    """
    def extract(text, author=None):
        result = Result()
        for quote, speaker, speaker_kind, *extra in findings:
            fields = extra[0] if extra else {}
            pos = text.find(quote)
            while pos != -1:
                result.statements.append(Statement(
                    quote=quote, start=pos, end=pos + len(quote), speaker=speaker, speaker_kind=speaker_kind,
                    cue=fields.get("cue", "said"), speaker_mention=fields.get("mention", speaker or ""),
                    description=fields.get("description", ""), kind=fields.get("kind", "direct"),
                    confidence=fields.get("confidence", 0.9),
                    alternatives=list(fields.get("alternatives", [])),
                ))
                pos = text.find(quote, pos + 1)
        for term in terms:
            pos = text.find(term)
            if pos != -1:
                result.non_statements.append(NonStatement(text=term, start=pos, end=pos + len(term),
                                                          reason="scare quote"))
        extract.calls.append((text, author))
        return result

    extract.calls = []
    return extract
