"""Lines that web pages wrap around a commentary and that are never part of it.

Shared by every outlet profile; a profile adds its own outlet-specific lines.
Each pattern matches a whole line (after trimming), case-insensitively.
"""
import re

PATTERNS = [
    # Links to other articles and sharing.
    r"(read|see) (more|also)\s*[:>»-].*",
    r"(also read|related)\s*[:>»-].*",
    r"(also read|related( articles?| stories| news| posts)?|recommended( for you)?|more from .{1,40}"
    r"|you may also like|trending( now)?)\s*[:>»]?",
    r"share( this( article| story| page)?)?( on \w+| via \w+)?\s*:?",
    r"(follow|find|connect with|like) us( on .{0,60})?",
    r"(facebook|twitter|x|linkedin|whatsapp|telegram|email|e-mail|print|copy link|reddit)",
    r"subscribe\b.{0,80}",
    # Paywall notices: "To read this full article you need to be subscribed to ...".
    r"(to|please|you need to|you must) (read|continue reading|access|view|see) (this|the( full)?) .{0,120}"
    r"(subscri\w+|select|log ?in|sign ?in|options|below|member\w*).{0,80}",
    r"sign up (for|to) .{0,80}",
    r"(get|receive) (our|the) .{0,40}newsletters?.{0,60}",
    r"click here.{0,80}",
    r"download( the)? pdf",
    r"comments? powered by disqus",
    r"(\d+ )?comments?",
    r"advertisement|sponsored( content)?|back to top|top|menu|search|home|skip to (main )?content",
    # Captions and credits.
    r"(photo|image|picture|file photo|illustration|graphic)( credit)?\s*[:/|].{0,160}",
    r"\[(photo|video|image|file photo)[^\]]{0,80}\]",
    # Cookie banners.
    r".{0,80}\b(uses|use) cookies\b.*",
    r"(accept|reject|allow|manage)( all)?( cookies)?|ok|got it|i agree|learn more",
    # Footers and legal lines.
    r"(copyright\s*)?(©|\(c\)).{0,200}|copyright\s+(\d{4}|by)\b.{0,200}",
    r".{0,80}all rights reserved\.?.{0,80}",
    r"(privacy (policy|statement|notice)|terms (of use|and conditions|of service))( ?[/|•] ?.{0,60})?",
    # Disclaimers.
    r"the views (expressed )?(here |in this .{1,30})?do not necessarily (reflect|represent) .{1,120}",
    r"(the )?views expressed .{0,120}(own|author|authors|writer)('s|s')?.{0,80}",
    r"(this|the) (article|commentary|piece|column|op-ed) (was |is )?(first|originally) (appeared|published|ran)\b.{0,200}",
    r"contact the (writer|writers|author|authors|reporter) at .{1,120}",
    r"(if you have a specific expertise|contact us|send us your)\b.{0,300}",
    # Feedback forms.
    r"(help us improve|rate your experience.{0,60}|what did you like\??|what can be improved\??)",
    r"(your (email|name|comment)|please enter a valid email\.?|thank you for your feedback\.?)",
    r"\d+\s*/\s*\d+ characters",
    r"not satisfied\s*very satisfied|\d{1,10}",
    r"(latest|popular) (book|links|posts|stories|news)|more info|editor'?s picks?",
]

_BOILERPLATE = re.compile(r"^(?:" + "|".join(f"(?:{p})" for p in PATTERNS) + r")$", re.IGNORECASE)
READ_MORE = re.compile(r"^(read|see) (more|also)\s*[:>»-]", re.IGNORECASE)


def is_boilerplate(line, extra=None):
    """Whether a trimmed line is site furniture rather than commentary text."""
    line = " ".join(line.split())
    if not line:
        return True
    if _BOILERPLATE.match(line):
        return True
    return bool(extra and extra.match(line))
