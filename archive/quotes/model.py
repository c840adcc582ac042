"""The engine's results: plain dataclasses, so callers need nothing but this package."""
from dataclasses import asdict, dataclass, field

KINDS = ("direct", "partial", "reported")
SPEAKER_KINDS = ("person", "organisation", "ai_system", "publication", "group")


@dataclass
class Statement:
    """Words that reproduce what a source said or wrote, with who said them.

    ``text[start:end] == quote`` always holds for the text given to ``extract``.
    """

    quote: str
    start: int
    end: int
    kind: str = "direct"
    cue: str = ""
    speaker: str | None = None
    speaker_kind: str | None = None
    speaker_mention: str = ""
    description: str = ""
    confidence: float = 0.5
    # The next-best speaker candidates for the review screen, best first, at most three:
    # [{"speaker": str, "speaker_kind": str | None, "speaker_mention": str, "score": float}].
    alternatives: list = field(default_factory=list)

    def to_dict(self):
        return asdict(self)


@dataclass
class NonStatement:
    """Quoted words judged not to be anyone's statement (scare quote, term, title...)."""

    text: str
    start: int
    end: int
    reason: str

    def to_dict(self):
        return asdict(self)


@dataclass
class Result:
    statements: list = field(default_factory=list)
    non_statements: list = field(default_factory=list)

    def to_dict(self):
        """The JSON shape of the ``extract_quotes --json`` contract."""
        return {
            "statements": [s.to_dict() for s in self.statements],
            "non_statements": [n.to_dict() for n in self.non_statements],
        }
