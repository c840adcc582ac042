"""A page's head: the headline, the byline, the date and the masthead, read by their layout.

Real page dumps put many things above the first paragraph: menus, a masthead, section words
("Opinion", "In Brief"), labels glued to the headline ("EDITORIAL |", "Commentary:"), a
photo caption, the site's clock, the byline in one of its shapes, a standfirst. This module
classifies each head line and then chooses, field by field, the one reading the layout
supports. Where two readings compete, or the only candidate is a known non-title (a site's
name, a section word, a tag page's label, a person's name, a caption), it reads nothing and
says why in ``doubts``: a missing value is flagged for review, a wrong one would pass as known.

Pure Python; :mod:`.layout` uses it for every profile built on the shared rules.
"""
import re
from dataclasses import dataclass, field

from nameparser.config import CONSTANTS as _NAME_CONSTANTS

from archive.naming import strip_titles

from .boilerplate import is_boilerplate
from .dates import head_date, is_clock
from .evidence import PASSIVE_KINDS, content_words, key as line_key, teaser_stream, title_evidence, title_supported
from .given_names import is_given_name
from .lexicon import all_common, lower_words
from .outlets import known_outlet, printed_name

_SUFFIX_ACRONYMS = frozenset(_NAME_CONSTANTS.suffix_acronyms)  # "phd", "msc", "cfa", "frcp" ...
HEAD_LINES = 40  # a head longer than this is a menu, not a head

# -- what a line is -------------------------------------------------------------------------

_FUNCTION_WORDS = {"the", "a", "an", "of", "in", "on", "for", "to", "with", "at", "by", "from", "and", "or", "is",
                   "are", "was", "as", "its", "his", "her", "their", "our", "your", "my", "not", "no", "how", "why",
                   "what", "who", "when", "where", "will", "can", "should", "must", "after", "before", "over",
                   "under", "into", "than", "this", "that", "these", "those", "it", "be", "has", "have", "new",
                   "we", "i", "you", "he", "she", "they", "us", "if", "but", "do", "does", "need", "want"}
def _name_word(word):
    """One word of a person's name: "Zoë", "O’Donnell", "McDonald", "Hayward-Jones", "P.", "LIU", "al-Barrak"."""
    if re.match(r"^(?:al|el|ad|ibn|bin)-", word):
        word = word.split("-", 1)[1]
    if not word or not word[0].isupper():
        return False
    if word.endswith(("'", "’")):
        return False  # a plural's possessive ("Leaders' Questions", a debate's heading) names no one
    if re.search(r"\w{2}['’]s$", word):
        return False  # nor a possessive ("Zimbabwe's Financial Situation", a headline)
    if re.fullmatch(r"(?:[^\W\d_]\.){1,3}", word) or re.fullmatch(r"(?:[^\W\d_]\.){1,2}[^\W\d_]", word):
        return True  # initials: "P.", "J.R.", "M.O"
    letters = word.replace("'", "").replace("’", "").replace("-", "")
    if not letters.isalpha():
        return False
    if word.isupper():
        return len(letters) >= 2
    # Lower case after the first letter, except after an apostrophe or hyphen, or a Mc/Mac prefix.
    for part in re.split(r"['’\-]", word):
        if part and not (part[1:].islower() or re.fullmatch(r"(?:Mc|Mac|O|La|Le|De|Di|Da|Du)[A-Z][^\W\d_]*", part) or len(part) == 1):
            return False
    return True
_PLACES = set("""
saudi arabia|united states|united kingdom|new zealand|south africa|south korea|north korea|hong kong|sri lanka|
new york|new delhi|kuala lumpur|phnom penh|buenos aires|los angeles|san francisco|costa rica|el salvador|
papua new guinea|solomon islands|east timor|timor-leste|united arab emirates|southeast asia|south asia|
east asia|central asia|middle east|latin america|north america|south america|western europe|eastern europe|
south china sea|east china sea|indo-pacific|asia pacific|asia-pacific|west africa|east africa|north africa|
great britain|czech republic|dominican republic|puerto rico|abu dhabi|tel aviv|rio de janeiro|sao paulo|
""".replace("\n", "").split("|")) - {""}
_NAME_PARTICLES = {"van", "von", "der", "den", "de", "del", "della", "da", "di", "du", "la", "le", "bin", "binti",
                   "al", "el", "ibn", "y", "dos", "das", "ter", "ten", "zu", "al-", "el-"}
ROLE_WORDS = re.compile(
    r"\b(?:fellow|director|professor|lecturer|editor|correspondent|researcher|analyst|chair|chairman|president|"
    r"columnist|writer|journalist|associate|senior|executive|founder|scholar|economist|reporter|minister|"
    r"ambassador|adviser|advisor|head|dean|chief|manager|intern|student|candidate|member|consultant|officer|"
    r"contributor|former|visiting|emeritus|principal|secretary|partner|commentator|author|counsel+or|teacher|"
    r"retired|resident|commander|admiral|colonel|lieutenant)\b",
    re.I,
)
ORG_WORDS = re.compile(
    r"\b(?:university|institute|institution|forum|centre|center|school|foundation|council|bank|group|ministry|"
    r"college|association|agency|times|post|news|review|journal|daily|press|media|tribune|herald|gazette|"
    r"observer|society|program|programme|initiative|department|office|commission|party|company|corporation|"
    r"inc|ltd|llc|academy|laboratory|lab|service|network|magazine|online|world|today|chronicle|courier|"
    r"inquirer|telegraph)\b",
    re.I,
)
# Credits that are not persons: wires, desks, teams, staff, machines.
CREDIT = re.compile(
    r"^(?:(?:the\s+)?[\w .&'’-]*\b(?:staff|staff writers?|staff reporters?|desk|team|editors|editorial board|"
    r"editorial|newsroom|bureau|writers|reporters|correspondents?|agencies|agency|wire|wires|services?)|"
    r"reuters|ap|afp|associated press|bloomberg|xinhua|pti|ians|ani|bernama|tass|upi|yonhap|kyodo|dpa|efe|ansa|"
    r"ai|admin|administrator|anonymous|guest|guest author|contributor|editor|web desk|news desk|agencies)$",
    re.I,
)
SECTION_WORDS = {
    "opinion", "opinions", "commentary", "commentaries", "comment", "comments", "analysis", "news analysis", "news",
    "the news", "world", "world news", "national news", "local news", "politics", "business", "economy",
    "economics", "markets", "us markets", "asia", "europe", "africa", "americas", "middle east", "china", "india",
    "editorial", "editorials", "letters", "letter", "letters to the editor", "letter to the editor", "features", "feature", "in brief",
    "research review", "sections", "section", "all news", "latest", "latest news", "top stories", "magazine",
    "podcasts", "podcast", "video", "videos", "press notes", "press release", "columns", "column", "columnists",
    "blog", "blogs", "explainer", "review", "reviews", "interview", "interviews", "perspective", "perspectives",
    "viewpoint", "viewpoints", "op-ed", "op-eds", "ideas", "insight", "insights", "publications", "articles",
    "report", "reports", "research", "topics", "issues", "home", "story", "stories", "science", "technology",
    "health", "sport", "sports", "culture", "lifestyle", "climate", "environment", "security", "defence",
    "defense", "diplomacy", "geopolitics", "policy", "society", "law", "justice", "energy", "trade",
    "global", "international", "region", "nation", "singapore", "world news", "big read", "the big read",
}
LABEL_PREFIX = re.compile(
    r"^(?:\[[^\]]{1,20}\]\s*|(?:opinion|commentary|comment|editorial|analysis|news analysis|letter|letters|op-ed|"
    r"column|explainer|review|interview|exclusive|perspective|viewpoint|guest essay|the big read|big read|"
    r"in brief|watch|listen)\s*(?:[|:]\s*|\s+(?=(?-i:[A-Z“\"‘'])))|"
    # a topic's label in lower case, glued to its colon, before a capitalised headline ("bitcoin price: Has ...")
    r"(?-i:[a-z][a-z0-9]*(?: [a-z0-9]+){0,2}):\s+(?=(?-i:[A-Z“\"‘'])))",
    re.I,
)
# A list whose entries the page left empty: a short word and commas or bars ("in , , , ,", an empty
# category line above a headline).
_EMPTY_LIST = re.compile(r"(?:[^\W\d_]{1,3}\s*)?(?:[,;|/·•]\s*){2,}")
_LOWER_LABEL = re.compile(r"^[a-z][a-z0-9]*(?: [a-z0-9]+){0,2}:\s+(?=[A-Z“\"‘'])")
_PART_SUFFIX = re.compile(r"\s+(?:-\d+-|--\s*\d+(?:st|nd|rd|th)|\(\d+\)|-\s*\d+(?:st|nd|rd|th))\s*$")
TAG_LABEL = re.compile(
    r"^(?:tag archive for|tag archives?|tagged|tagged with|contents tagged with|posts tagged|category|"
    r"category archives?|archives? for|archive|search results? for|results for|topic|topics|author archives?|"
    r"posts by|articles by|stories by|more from)\b.*$|^\d+\s+(?:articles|stories|posts|results|items)$|"
    r"^(?:day|month|year|daily archives?|monthly archives?|yearly archives?)\s*:.*$|"
    # a tag page's label in the singular with its value ("Tag: Greenland"; an article's "Tags:" lists its own)
    r"^tag\s*:\s*\S.*$|"
    # a section's label naming the kind of items it shows ("Featured Research & Analysis", "Featured Commentary")
    r"^featured(?:\s+(?:&|and)?\s*(?:research|analysis|commentary|commentaries|stories|articles|posts|news|"
    r"publications|reports|insights|opinions?|op-eds|videos|items|content))+$",
    re.I,
)
# A topic page's list of items named for its topic, under the topic's description ("Heat and Drought" /
# a paragraph / "Recent Items for Heat and Drought"): the page lists, its topic is no headline.
_TOPIC_ITEMS = re.compile(r"(?:recent|latest)\s+(?:items|articles|posts|stories|news|publications|reports)\s+"
                          r"(?:for|from|on|about|in|under|tagged)\s+(?P<topic>.+)", re.I)
CAPTION = re.compile(
    r"\((?:photo|photos|picture|image|file photo|illustration|reuters|afp|ap)\b[^)]*\)|"
    r"\b(?:photo|photograph|picture|image|illustration|credit|graphic|file photo|photo illustration)s?\s*(?::|/|by\b|…)|"
    r"\b(?:getty images|reuters/|afp/|/afp|/ap\b|ap photo|shutterstock|wikimedia commons|creative commons|"
    r"cc by|own work|via youtube|\[photo)|\.\s+(?:source|credit|photo|image):?\s+[A-Z][\w ]{1,30}$|"
    r"/\s*(?:reuters|afp|ap|associated press|epa|bloomberg|brookings|getty|pa|aap)\s*\)?$|"
    r",\s*[A-Z][\w.]+(?:\s+[A-Z][\w.]+){0,2}\s*/\s*[A-Z][\w ]{1,30}$|"
    r"\s\((?-i:L|R|left|right|second left|second right)\)\s|"  # who stands where: "el-Sisi (L) at the White House"
    # a photo's caption ends with its place and its month: "... in San Francisco, California, October 2013."
    r"^(?=(?:\S+\s+){5,}).*\b(?:in|at)\s+[A-Z][\w.]+(?:\s+[A-Z][\w.]+)*,\s*[A-Z][\w. ]{1,30},\s*(?:january|february|"
    r"march|april|may|june|july|august|september|october|november|december)\s+(?:19|20)\d{2}\.$|"
    # an image's description (its alternative text) says what the picture shows: "An aerial view of ..."
    r"^(?:an?\s+)?(?:(?:aerial|general|close-up|wide|file)\s+(?:view|shot|photo)|photo|photograph|picture|"
    r"image|screenshot|close-up)\s+(?:of|from|showing)\s|"
    # ... or an object and what is written on it: "A letterbox with the inscription ...", "A sign reading ..."
    r"^an?\s+[\w-]+(?:\s+[\w-]+)?\s+(?:with|bearing|showing)\s+(?:the\s+|an?\s+)?(?:inscription|words?|lettering|"
    r"text|logo|slogan|message)\b|^an?\s+(?:sign|placard|banner|poster)\s+(?:reading|saying|that reads)\b",
    re.I,
)
# An editor's note that introduces the piece ("The following is a letter to the editor ...") stands
# where a headline stands but names no article.
_INTRO_NOTE = re.compile(
    r"^(?:the following (?:is|was|are|were|letter|article|op-ed|column|piece)|what follows is|below is|"
    r"this (?:letter|article|op-ed|column|piece|post|essay) (?:was|is|first|originally))\b",
    re.I,
)
FURNITURE = re.compile(
    r"^(?:skip to (?:main )?(?:content|navigation)|skip to navigationskip to content.*|connect with us|short url|"
    r"follow|view|explore more|recommended video|sections|advertisement|print friendly.*|article highlights|"
    r"tweet this|read full article|read more.*|continue reading.*|already a subscriber\??|\d+\s*min(?:ute)?s? read|"
    r"reading time:\s*(?:\d+\s*(?:min(?:ute)?s?|seconds?)\.?)?|listen to this article.*|change size|share this article|down arrow button icon|"
    r"open/close all quotes|image|logo|images?|top picks|channels|columnists|sign in|log in|register|"
    r"subscribe.*|source|source link|related articles|related posts|leave a reply|menu|search|back|home|"
    r"(?:open|close|toggle|main|mobile) menu|menu (?:open|close|toggle)|"
    r"what's happening (?:at|on)(?: the)?|in this section|stay updated|content|article directory|"
    r"new: gift this subscriber-only story.*|play|pause|next up|volume \d+%|press shift question mark.*|"
    # a social widget's error notice, a newsletter's offer, an image's placeholder
    r"given url is not allowed by the application configuration.*|"
    r"\d+\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)\s+ago|"  # a relative stamp dates nothing
    r"(?:get|receive|sign up for|subscribe to)\b.{0,60}\bnewsletters?\b.{0,60}|(?:placeholder image|image placeholder)|"
    r"\d+ seconds of \d+ seconds.*|please update your browser|your browser is out of date.*|(?:internet explorer|ie)(?: \d+)? (?:is )?(?:not|no longer) supported.*|(?:your |this )?browser (?:is )?(?:not supported|unsupported)\b.*|for (?:an )?optimal browsing.*|add to (?:my )?(?:favorites|favourites|bookmarks|calendar)\b.*|"
    r"chat with us in facebook messenger.*|.*\btheme for wordpress\b.*|(?:proudly )?powered by .{1,40}|.*[▲▼].*|.{0,40}\d+\s*min(?:ute)?s? read|.{1,40} logo|"
    r"stay up to date with notifications.*|notifications can be managed.*|just click on the icons to get to the download page\.?|(?:support|donate to|help fund|fund)\b.{0,40}|"
    r"\S{2,12}\s+[\d,.]+\s+(?:increased by|decreased by|no change)\b.*|"  # a market ticker's line
    r"(?:published|modified|updated|posted):?(?:\s+(?:published|modified|updated|posted):?)*|"  # stamps without dates
    r"(?:(?:published|updated|posted)\s+)?on\s*[.,:]?|"  # ... and "on ." whose date the page lost
    r"dear\s+[\w'’-]+(?:\s+[\w'’-]+){0,3}[,:!]?|to the editors?\s*[,:!]?|"  # a letter's or notice's salutation names its readers, not the piece
    r"short description:.*|from wikipedia.*|from \w*wiki\w*(?:,.*)?|(?:table of )?contents|"  # an encyclopedia's page labels
    # a post's comment section, headed with the post's title in quotes: "2 thoughts on “TITLE”"
    r"(?:\d+|no|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?:thoughts?|comments?|responses?|replies|"
    r"reactions?|reviews?)\s+(?:on|to|for)\s+[“\"‘'].*|"
    r"-?\d{1,3}(?:\.\d)?\s*°?\s*[FC]|"  # a weather widget's reading ("72.3 F", "21°C") in the masthead strip
    r"[•·|\-–—×*]+|[a-z]|\d+|\d{1,2}:\d{2})$",
    re.I,
)
BYLINE = re.compile(
    r"^(?:by|written by|words by|story by|text by|essay by|analysis by|commentary by|report by|"
    # a column's or a post's own word before "by" ("Opinion by NAME", "Guest column by NAME", "Posted by NAME")
    r"(?:guest\s+)?(?:opinion|column|op-ed|editorial|blog|post|article|letter|viewpoint|perspective)\s+by|posted by|"
    r"authored by|reported by|compiled by|contributed by|byline\s*:|guest authors?\s*:|"
    r"authors?\s*:|by\s*:|contributors?\s*:|words\s*:|"
    # the author's label in the page's own language, with its colon ("Auteur: NAME", "Autor: NAME")
    r"(?:auteurs?|autor(?:a|es|en)?|autore|autori|verfasst von|forfatter|författare)\s*:|with)(?:\s*:)?\s+(?P<names>.+)$",
    re.I,
)
# (the writer's role in lower case may come before the name: "..., writes climate researcher NAME.")
_WRITES = re.compile(r"(?:,|\.|\s)\s*writes\s+(?:[a-z][\w’'-]*\s+){0,4}?(?P<name>[A-Z][\w'’.\-]+(?:\s+(?:[A-Z][\w'’.\-]+|de|van|du|der|al|el|bin)){1,3})\s*\.?\s*$")
# "..., writes NAME, but ...": the standfirst names its writer in the middle of its sentence
_WRITES_INSIDE = re.compile(r",\s*writes\s+(?:[a-z][\w’'-]*\s+){0,4}?(?P<name>[A-Z][\w'’.\-]+(?:\s+(?:[A-Z][\w'’.\-]+|de|van|du|der|al|el|bin)){1,3}),\s+[a-z]")
# a repost's or a speech's lead naming who wrote or gave it: "Letter to the Editor of X, by NAME, who
# writes:", "... the keynote address delivered by NAME at the conference on ..."
_LEAD_BY = re.compile(r"(?:,\s*by\s+(?P<writer>[A-Z][\w'’.\-]+(?:\s+[A-Z][\w'’.\-]+){1,3}),\s+who\s+(?:writes|argues|says)\s*:?\s*$|"
                      r"\b(?:address|speech|remarks|lecture|statement|testimony|sermon)\s+(?:was\s+)?(?:delivered|given|made)\s+"
                      r"by\s+(?P<speaker>[A-Z][\w'’.\-]+(?:\s+[A-Z][\w'’.\-]+){1,3})(?=\s+(?:at|on|to|before|in)\b|[.,]))", re.I)
_WRITTEN_BY = re.compile(r"\((?i:written|words|essay) by (?P<name>[A-Z][^.()]{2,60}?)\.(?:\s|\))")
_STANDFIRST_BY = re.compile(r"^(?P<name>[A-Z][\w'’.\-]+(?:\s+[A-Z][\w'’.\-]+){1,3})(?:,\s+(?:[A-Z][A-Za-z.]{1,5}|PhD),)?\s+"
                            r"(?:explores|examines|argues|considers|assesses|analyses|analyzes|discusses|explains|"
                            r"looks at|reflects on|shares|outlines|describes|offers|writes (?:on|about))\s")
_DASH_OPENING = re.compile(r"^(?P<name>[A-Z][\w'’.\-]+(?:\s+[A-Z][\w'’.\-]+){1,3})\s+[–—]\s+[A-Z“\"‘]")
_PICTURE_AGENCY = re.compile(r"\b(?:getty|shutterstock|istock|alamy|unsplash|pixabay|pexels|adobe stock|wikimedia|"
                             r"flickr|dreamstime|depositphotos)\b", re.I)
# A site's name written as its address, alone or with its slogan of short sentences
# ("News-Sentinel.com Your Town. Your Voice."): the masthead, not a headline.
_ADDRESS_MASTHEAD = re.compile(r"^(?P<name>[A-Z][\w-]*\.(?:com|org|net|news|info|online|co\.uk|com\.au|co\.nz|"
                               r"co\.za|com\.ng|in|ca|ie))(?P<slogan>(?:\s+[A-Z][\w'’-]*(?:\s+[\w'’-]+){0,3}[.!])*)$")
_PLACED_MASTHEAD = re.compile(r"^(?P<name>The\s+[A-Z][\w'’&.-]*(?:\s+[A-Z][\w'’&.-]*){0,2})\s+"
                              r"\((?P<place>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\)$")
_AGO_SOURCE = re.compile(r"^(?P<name>[A-Z][\w.&'’-]*(?:\s+[\w.&'’-]+){0,4}?)\s*\d+\s*(?:minutes?|mins?|hours?|hrs?|days?|"
                         r"weeks?)\s+ago$")
_STAMP_WORD = re.compile(r"^(?:updated|published|posted|edited|modified|last|first|created|added)\b", re.I)
_TITLE_BY = re.compile(r"^(?P<title>.{12,}?)(?:\s+|(?<=\w):\s*)[Bb]y\s+(?P<name>[A-Z][\w'’.\-]+(?:\s+[A-Z][\w'’.\-]+){1,3})(?:\s*\([^)]{2,30}\))?$")
# A title that names a work ("Review of ...", "a film directed ...") credits that work's maker with "by".
# A credit line that names the column or the venue before its byline: "“Perceptions,” by Gerry Warner",
# "Op-ed in Bulletin of the Atomic Scientists, by Gregory Falco and Sejal Jhawer".
_CREDIT_BY = re.compile(r"^(?P<pre>[^|]{2,80}?)(?:,\s*[”\"]?|[”\"],?)\s+by\s+(?P<names>[A-Z][^|]{3,120})$")
_WORK_CREDITED = re.compile(r"\b(?:reviews?|reviewed|book|novel|memoir|film|movie|album|song|poem|painting|play|"
                            r"translated|edited|illustrated|directed|photographed|composed|performed)\b", re.I)
_OPENING_BIO = re.compile(
    r"^(?P<name>[A-Z][\w'’.\-]+(?:\s+[A-Z][\w'’.\-]+){1,3}) is (?:a|an|the)\b[^.]{5,200}\.\s+"
    r"The (?:opinions|views) expressed in this (?:commentary|article|piece|column) are (?:his|her|their) own",
)
# A bio line at the top of the text: "NAME is a senior fellow at ...", "NAME is chair of ...", its
# role among the first words after "is" (never "NAME is not backing down", "NAME is being held").
_BIO_LINE = re.compile(
    r"^(?P<name>[A-Z][\w'’.\-]+(?:\s+[A-Z][\w'’.\-]+){1,3}),?\s+(?:is|was|serves as)\s+(?:(?:a|an|the)\s+)?"
    r"(?:[\w’'-]+\s+){0,4}?" + ROLE_WORDS.pattern.replace("\\b(?:", "(?:", 1) + r"(?![\w-])",
    re.I,
)
_REPORTS = re.compile(r"^(?P<name>[A-Z][\w'’.\-]+(?:\s+[A-Z][\w'’.\-]+){1,3}), (?:a|an|the) [^.:]{3,90}, (?:reports|writes):$")
_NAME_OUTLET = re.compile(r"^(?P<name>[A-Z][^()|]{3,60}?)\s*\((?P<outlet>[^()]{2,60})\)$")
_DASH_NAME = re.compile(r"^[-–—]\s*(?P<name>[A-Z].{2,60})$")
_MASTHEAD = re.compile(r"^(?:published (?:daily |weekly )?by|a publication of|brought to you by)\s+(?:the\s+)?(?P<name>[A-Z][\w .&'’-]{2,60})$", re.I)
_COPYRIGHT = re.compile(r"^(?:copyright\s*)?(?:©|\(c\))\s*(?:copyright\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*)?(?P<name>[A-Z][\w .&'’-]{2,60}?)[.,]?\s*(?:all rights reserved\.?)?$", re.I)
# "From X" without a colon is an encyclopedia's or a feed's provenance ("From HandWiki"), not a publisher.
_SOURCE_LINE = re.compile(r"^(?:source\s*:?|from\s*:|originally published (?:in|by|at)\s*:?)\s+(?P<name>[A-Z][\w .&'’-]{2,50})$", re.I)
def _take_byline(i, names, bylines, outlets, closed=False):
    """A byline's names at line ``i``, and its outlet when it says "NAME for OUTLET"; ``closed``:
    the names ended the line's byline, so the outlet's name may end them too."""
    outlet_for = _FOR_OUTLET.search(names + "," if closed else names)
    # "By NAME — OUTLET": the paper's name after a dash, in capitals or known
    dashed = re.match(r"^(?P<names>.+?)\s+[—–]\s+(?P<outlet>[^—–|,]{3,40})$", names)
    if dashed and (known_outlet(dashed.group("outlet"))
                   or (dashed.group("outlet").isupper() and len(words(dashed.group("outlet"))) <= 4)):
        outlets.append((i, known_outlet(dashed.group("outlet")) or printed_name(dashed.group("outlet"))))
        names = dashed.group("names")
    if outlet_for:
        outlets.append((i, known_outlet(outlet_for.group("name")) or printed_name(outlet_for.group("name"))))
    # A paper crediting itself ("By Telangana Today Published: ..."): the byline names the outlet, no person.
    credited = re.sub(r",?\s+(?:published|updated|posted)\b.*$", "", names, flags=re.I).strip(" ,|")
    if _paper_name(credited) and not split_byline(credited) and len(words(credited)) >= 2 \
            and not CREDIT.match(credited) and not is_section_word(credited):
        outlets.append((i, known_outlet(credited) or printed_name(credited)))
    bylines.append((i, split_byline(re.sub(r"\s+for\s+[A-Z].*$", "", names), labelled=True)))


_FOR_OUTLET = re.compile(r"\bfor (?P<name>[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,4})\s*,", re.I)
_SEGMENTS = re.compile(r"\s+\|\s*|\s*\|\s+|\s+[-–—]\s+")
_BREADCRUMB = re.compile(r"^(?:home|start)\s*[»>›/]\s*(?:.+[»>›/]\s*)?(?P<last>[^»>›/]{8,})$", re.I)
_TOPIC_LIST = re.compile(r"^[^:]{3,40}:\s*(?:[A-Z][\w-]*(?:\s+[A-Za-z][\w-]*){0,3},\s*){3,}[A-Z][\w-]*(?:\s+[A-Za-z][\w-]*){0,3}$")
_PERIODS = re.compile(r"[.!?…]$")
_DATEISH = re.compile(r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b.*\b(?:19|20)\d{2}\b|"
                      r"\b\d{1,2}(?:st|nd|rd|th)? of (?:january|february|march|april|may|june|july|august|september|"
                      r"october|november|december)\b|"
                      # a day and month alone, without a year ("31 Oct", "Oct. 31"): a stamp, never a headline
                      r"^(?:\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?|"
                      r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?)$",
                      re.I)


def words(text):
    return text.split()


_OFFICE = re.compile(
    r"^(?:(?:former|acting|deputy|vice|prime|foreign|defence|defense|finance|trade|home|interior|health|state|"
    r"chief|senior|us|u\.s\.|uk|eu|opposition|party|executive)\s+)*"
    r"(?:minister|president|premier|chancellor|secretary|governor|senator|mayor|king|queen|prince|princess|"
    r"sheikh|general|leader|counsellor|spokesman|spokeswoman|ambassador|judge|justice|chairman|chairwoman|"
    r"director|professor|dr|prof|mr|mrs|ms|sir|dame|lord|lady|rev|hon)\.?\s+",
    re.I,
)


_STAMP_WORDS = {"published", "modified", "updated", "posted", "edited", "share", "print", "email", "comments",
                "comment", "subscribe", "follow", "listen", "save", "read", "more", "reviewed", "sponsored",
                # a picture's furniture ("Placeholder Image", "Author Avatar") names no one
                "placeholder", "image", "photo", "thumbnail", "avatar", "icon", "logo",
                "dear"}  # a salutation ("Dear Readers") names its readers


def looks_like_person(text, lexicon=True):
    """A person's name as a line prints it: 2-3 capitalised names, no sentence words, no organisation words.
    ``lexicon``: nor only words that pages print in lower case (see .lexicon)."""
    text = " ".join(text.replace("\u00a0", " ").split()).strip(" ,.;:")
    text = strip_titles(_OFFICE.sub("", text) if len(_OFFICE.sub("", text).split()) >= 2 else text)
    parts = text.split()
    if not 2 <= len(parts) <= 5 or any(ch.isdigit() for ch in text) or ORG_WORDS.search(text):
        return False
    middle_initial = {k for k, p in enumerate(parts) if 0 < k < len(parts) - 1 and re.fullmatch(r"[A-Z]", p)}
    if any((p.lower() in _FUNCTION_WORDS and k not in middle_initial) or p.lower() in _STAMP_WORDS
           for k, p in enumerate(parts)) or CREDIT.match(text):
        return False
    if text.isupper() and len(text) > 3:
        parts = [p.capitalize() for p in parts]
    # A middle initial may come without its full stop ("James S Murray").
    if not all(_name_word(p) or p in _NAME_PARTICLES or (0 < k < len(parts) - 1 and re.fullmatch(r"[A-Z]", p))
               for k, p in enumerate(parts)):
        return False
    if all(p.casefold() in _PLACES for p in parts) or " ".join(parts).casefold() in _PLACES:
        return False
    # Every word one that pages print in lower case ("Satisfactory Essays", "Recent Posts"): common
    # words, not a name (a lexicon learned from the corpora; initials aside)
    if lexicon and not any(re.fullmatch(r"(?:[^\W\d_]\.?){1,2}", p) for p in parts) and all_common(" ".join(parts)):
        return False
    # Two or three full names (initials and particles aside): "Trade Talks Need Patience" is
    # a headline in title case, not a person.
    full = [p for p in parts if p not in _NAME_PARTICLES and not re.fullmatch(r"(?:[^\W\d_]\.?){1,2}", p)]
    # One name with dotted initials ("P. Sainath", "Oladoja M.O"), never a country's initials.
    dotted = [p for p in parts if "." in p and re.fullmatch(r"(?:[^\W\d_]\.?){1,3}", p)]
    if len(full) == 1 and len(parts) == 2 and dotted and not re.fullmatch(r"U\.?[SKN]\.?|E\.?U\.?|U\.?A\.?E\.?", dotted[0]):
        return True
    # (or two or three initials before it, each with its full stop: "M. J. Lopez", "A. B. C. Okafor")
    if len(full) == 1 and 3 <= len(parts) <= 4 and full[0] == parts[-1] and all(
            re.fullmatch(r"[^\W\d_]\.", p) for p in parts[:-1]):
        return True
    return 2 <= len(full) <= 3


def surely_person(text, lexicon=True):
    """A name line no headline could be: two names, or a name with an initial or an office before it."""
    text = " ".join(text.split()).strip(" ,.;:")
    if not looks_like_person(text, lexicon):
        return False
    parts = strip_titles(_OFFICE.sub("", text)).split()
    initials = any(re.fullmatch(r"(?:[^\W\d_]\.?){1,2}", p) and p[0].isupper() for p in parts)
    return len(parts) <= 2 or initials or bool(_OFFICE.match(text))


def _drop_postnominals(text):
    """Degrees and honours after a name, as nameparser knows them ("Maria Lopez, Ph.D.", "Ann Lee
    MSc FRCP", "Bo Chen, CFA"): only tokens printed as acronyms (capitals or full stops), so that a
    name's own words ("Ed", "Do") stay."""
    if text.isupper():
        return text  # (a name in capitals: "MARY MA" keeps its family name)
    while True:
        match = re.search(r"(?:,\s*|\s+)(?P<token>[A-Z][A-Za-z.\-]{1,9})\s*$", text)
        if not match or len(text[:match.start()].split()) < 2:
            return text
        token = match.group("token")
        acronym = sum(ch.isupper() for ch in token) >= 2 or "." in token
        if not acronym or token.replace(".", "").lower() not in _SUFFIX_ACRONYMS:
            return text
        text = text[:match.start()].rstrip(" ,")


def clean_name(text):
    """One name from a byline piece: titles, postnominals, places and trailing credits removed."""
    text = re.sub(r"\s*\((?:[^)]*)\)", "", text)
    text = re.sub(r"\s*\*+\)?\s*$", "", text)  # a footnote marker: "Adil Rasheed*", "Princess Saraswati*)"
    text = re.sub(r"\s+(?:in|from)\s+[A-Z][\w .'-]*$", "", text.strip(" .·,;:"))
    text = re.sub(r",?\s+(?:AO|AC|AM|OBE|MBE|CBE|FAIIA|PhD|Ph\.D\.|MP|QC|KC|MD|DO|DrPH|MPH|JD|MBA|FRS)\b\.?", "", text)
    text = _drop_postnominals(text)
    text = strip_titles(text.strip())
    # a military rank before the name: "Rear Admiral RC Wijegunaratne"
    text = re.sub(r"^(?:(?:rear|vice)\s+)?(?:admiral|commander|colonel|lieutenant(?:\s+colonel)?|brigadier|"
                  r"major\s+general|lieutenant\s+general)\s+(?=[A-Z])", "", text, flags=re.I)
    if text.isupper() and len(text) > 3:
        text = " ".join(w.capitalize() for w in text.split())
    return text.strip(" .,")


def _short_east_asian_name(name):
    """A name of two or three short syllables, one of them two letters ("Li Na", "Bo Chen", "Wu Xinbo"),
    which the name test reads as initials: taken only after a byline's own label ("By ...")."""
    parts = name.split()
    english = {"go", "do", "up", "no", "so", "be", "by", "me", "my", "we", "us", "oh", "ok", "hi", "of", "on", "in",
               "at", "to", "it", "is", "as", "an", "or", "if", "am", "ad", "ex", "id", "op", "tv", "pr"}
    return 2 <= len(parts) <= 3 and all(_name_word(p) and p.casefold() not in _FUNCTION_WORDS | english for p in parts) \
        and any(len(p) == 2 and p[1:].islower() for p in parts) and all(len(p) <= 8 for p in parts) \
        and not any(len(p) >= 3 and p.casefold() in lower_words() for p in parts)  # ("Go Big" is no name)


def split_byline(names, labelled=False):
    """Persons in a byline's name part ("A, B and C", "A, Role", "A and B, Affiliation"), credits dropped.
    ``labelled``: the names follow a byline's label ("By", "Author:"), which vouches for a short name."""
    names = re.split(r"\s+(?:\||[·•]|for\s+(?=[A-Z]))\s*", names)[0]  # (the name's furniture after a bar or a dot)
    names = re.sub(r"\s+(?:on|at)\s*$", "", names)  # "by NAME on" whose date the page lost
    names = re.sub(r",?\s+(?:published|updated|posted)\b.*$", "", names, flags=re.I)
    # a post's comment counter after the name: "by NAME 2 Comments", "by NAME Leave a comment"
    names = re.sub(r"\s+(?:\d+|no)\s+(?:comments?|responses?|replies)\b.*$|\s+leave a (?:comment|reply)\b.*$", "", names,
                   flags=re.I)
    pieces = [p for p in re.split(r"\s*(?:,|;|&|\band\b)\s*", names) if p.strip()]
    persons = []
    for piece in pieces:
        piece = piece.strip()
        if CREDIT.match(piece) or ROLE_WORDS.search(piece) or ORG_WORDS.search(piece) or (piece.isupper() and len(piece) <= 6):
            continue
        name = clean_name(piece)
        if (looks_like_person(name) or (labelled and _short_east_asian_name(name))) and name not in persons:
            persons.append(name)
    return persons


_SIGNED_SEPARATORS = re.compile(r"\s+[|·•–—/]\s+|\s+-\s+|\s*[|·•]\s*$")
_READING_TIME = re.compile(r"^\d{1,3}\s*(?:-|\s)?\s*min(?:ute)?s?(?:\s+read)?$|"
                           r"^\d{1,3}\s*(?:s|m|h|d|w|mo|y|hrs?|mins?|days?|weeks?)(?:\s+ago)?$", re.I)  # a reading time, an age
_EMAIL = re.compile(r"^\S+@\S+\.[a-z]{2,}$", re.I)
_HANDLE = re.compile(r"^@\w{2,30}$")
_STAMP_TAIL = re.compile(r"[\s,|·•–—-]*\b(?:last\s+)?(?:updated|published|posted|modified)\s*:?\s*(?:on|at)?\s*$", re.I)


_PRESS_ROLE = (r"(?:(?:guest|staff|senior|chief|contributing|special|associate|managing|deputy|political|opinion|"
               r"foreign|freelance|business)\s+)?(?:contributor|columnist|correspondent|writer|reporter|editor|"
               r"journalist|blogger)")
# a press role before the name: "Columnist Ann Lee", "Staff Writer Ann Lee"
_ROLE_THEN_NAME = re.compile(r"^(?P<role>" + _PRESS_ROLE + r")\s+(?P<name>[A-Z].{3,40})$", re.I)


def _beside_name_furniture(segment):
    """A piece printed beside a byline's name that names no one: a date, a reading time, an e-mail
    address or handle, a role, a publication's or an organisation's name in title case."""
    segment = segment.strip(" ,.;:")
    if not segment:
        return True
    found = head_date(segment)
    if found and (found.value or found.ambiguous) and len(words(found.rest)) <= 1:
        return True
    if _READING_TIME.match(segment) or _EMAIL.match(segment) or _HANDLE.match(segment) or _STAMP_TAIL.fullmatch(" " + segment):
        return True
    if known_outlet(segment) or _paper_name(segment) or is_section_word(segment):
        return True
    if looks_like_person(segment):
        return False  # a second name: a menu of columnists, or a card's names
    ws = words(segment)
    if len(ws) <= 8 and (ROLE_WORDS.search(segment) or ORG_WORDS.search(segment)) and not _PERIODS.search(segment) \
            and not any(w.casefold() in _FUNCTION_WORDS - {"of", "at", "for", "and", "the", "in", "on"} for w in ws):
        return True  # (a sentence about someone, "The president is wrong again", is no role)
    # a publication's short name in title case ("The Clarion", "Arab Digest"): no figures, no sentence
    return 2 <= len(ws) <= 4 and all(w[:1].isupper() or w.casefold() in {"of", "the", "and", "for", "&"} for w in ws) \
        and not re.search(r"[\d.!?:;,]", segment)


def name_with_furniture(text):
    """The person a line names beside its furniture, split by separators: "NAME | OUTLET",
    "NAME · 5 min read", "NAME — Senior Fellow", "NAME · March 3, 2024 · Updated". The line's
    first piece is the name; every other piece is furniture (see :func:`_beside_name_furniture`).
    ``""`` when the line is anything else."""
    text = " ".join(text.split())
    if text.endswith(":"):
        return ""  # "NAME / Outlet:" heads an aggregator's quote from that outlet, no byline
    # the name printed twice, as an avatar's label and as the name ("Ann Lee Ann Lee"), or with a
    # journalist's role word after it ("Ann Lee Contributor")
    doubled = re.fullmatch(r"(?P<name>.{5,40}?)\s+(?P=name)(?P<rest>(?:\s*[|·•–—/-]\s*.*)?)", text)
    if doubled:
        text = doubled.group("name") + (doubled.group("rest") or " |")
    roled = re.fullmatch(r"(?P<name>.{5,40}?)\s+(?P<role>" + _PRESS_ROLE + r")", text, re.I)
    if roled and looks_like_person(roled.group("name")):
        text = roled.group("name") + " | " + roled.group("role")
    pieces = [p for p in _SIGNED_SEPARATORS.split(text) if p is not None]
    if len(pieces) < 2:  # (an e-mail address or a handle after the name, without a separator)
        pieces = re.split(r"\s+(?=\S+@\S+\.[a-z]{2,}$|@\w{2,30}$)", text, flags=re.I)
    if len(pieces) < 2:
        return ""
    # (a section's word or the paper's name may come first: "Opinion | NAME", "The Clarion — NAME")
    # (never a topic's breadcrumb, "Politics | Donald Trump": only a column's own label, alone before the name)
    if len(pieces) == 2 and re.fullmatch(r"(?:opinion|opinions|commentary|column|columns|op-ed|analysis|editorial|"
                                         r"perspective|perspectives|viewpoint|guest column|guest essay|blog)",
                                         pieces[0].strip(" :").casefold()):
        pieces = pieces[1:] + pieces[:1]
    name = clean_name(_STAMP_TAIL.sub("", pieces[0].strip(" ,")))
    if not looks_like_person(name) or ROLE_WORDS.search(name) or CREDIT.match(name) \
            or not all(_beside_name_furniture(p) for p in pieces[1:]):
        return ""
    return name


def is_caption(text):
    return bool(CAPTION.search(text))


_SECTION_TAIL = {"editorial", "editorials", "opinion", "opinions", "commentary", "comment", "columns", "column",
                 "letters", "analysis", "blog", "view", "views"}


def _outlet_section(text):
    """A section label under an outlet's name or initials: "SCMP Editorial", "The Times View"."""
    ws = words(" ".join(text.split()).strip(" .:|»>"))
    if not 2 <= len(ws) <= 4 or ws[-1].casefold() not in _SECTION_TAIL:
        return False
    name = " ".join(ws[:-1])
    return bool(re.fullmatch(r"[A-Z]{2,6}", name) or known_outlet(name))


def is_section_word(text):
    key = " ".join(text.casefold().split()).strip(" .:|»>")
    return key in SECTION_WORDS or _outlet_section(text) or (len(words(text)) <= 4 and key.endswith(" says") and len(words(text)) >= 2 and known_outlet(" ".join(text.split()[:-1])))


# The site speaking to its reader about its own pages: "Explore our latest reports", "Below you
# will find pages that use the term X", "Welcome to the X blog". An index's label,
# never an article's headline.
_SITE_ADDRESS = re.compile(
    r"^(?:explore|discover|browse|find|read|see|view|search|check out)\s+(?:all\s+|more\s+(?:of\s+)?)?our\s+"
    r"(?:(?:latest|recent|newest|new|other|best|top|full|complete)\s+)*(?:reports?|articles?|pieces|stories|posts|"
    r"publications?|research|work|content|archives?|collections?|resources|coverage|analys[ie]s|insights|"
    r"podcasts|videos|commentar(?:y|ies)|opinions?|columns|news|blogs?)\b|"
    r"^(?:below|here|on this page)\b.{0,30}\byou(?:'ll|’ll| will| can| may)?\s+(?:find|see|read|browse)\b|"
    r"\bpages?\s+(?:that|which)\s+(?:use|utili[sz]e|are tagged|carry)\b|"
    # ("Welcome to the new Cold War" is a headline; "Welcome to the Harbour Institute blog" greets a visitor)
    r"^welcome to\s+(?:[\w'’&.-]+\s+){0,5}(?:website|web site|site|blog|homepage|home page|portal|page|archives?)\b",
    re.I,
)
_TAG_PAGE_NOTE = re.compile(r"^(?:below|here|on this page)\b.{0,30}\byou(?:'ll|’ll| will| can| may)?\s+(?:find|see|read|browse)\s+"
                            r"(?:all\s+)?(?:the\s+)?(?:pages|posts|articles|stories|entries)\b|"
                            r"\b(?:pages|posts|articles)\s+(?:that|which)\s+(?:use|utili[sz]e|are tagged|carry)\b", re.I)
_SAYS_NAME = re.compile(r",\s+(?:says|said|argues|warns|writes|explains|suggests)\s+(?:[a-z][\w’'-]*\s+){0,5}?"
                        r"(?P<name>[A-Z][\w'’.\-]+(?:\s+[A-Z][\w'’.\-]+){1,3})\s*\.?$")
_COMMENT_COUNT = re.compile(r"\s+(?:\d+|no)\s+(?:comments?|responses?|replies)\s*$|\s+leave a (?:comment|reply)\s*$", re.I)
# A page's counters after a label: "Topic 3 sources 0 views", "1.2k views", "12 comments"
_COUNTER = re.compile(r"(?:^|\s)\d[\d,.]*k?\s+(?:views?|comments?|reads?|likes?|shares?|sources?|reactions?|replies)\s*$",
                      re.I)


# A paywall's offer ("Only $5 for 3 months", "£1 a week for your first year", "Subscribe for €4.99/month"):
# a price with the period it buys. A journal's citation line ("Vol. 12, No. 3, pp. 45-67", "Volume 9
# Issue 2"): a volume with its issue or pages. Neither is ever a headline.
_OFFER = re.compile(r"(?:[$€£¥₹]|\b(?:US|USD|EUR|GBP|AUD|CAD|NZD|Rs\.?)\s?)\s?\d[\d.,]*\s*"
                    r"(?:(?:for|a|per|every|each|/)\s*(?:the\s+)?(?:first\s+)?(?:\d+\s+|one\s+|two\s+|three\s+|six\s+|twelve\s+)?"
                    r"(?:months?|weeks?|years?|days?|mo|yr|issues?)\b|/\s*(?:month|week|year|mo|yr)\b)", re.I)
_CITATION = re.compile(r"\b(?:vol\.?|volume)\s*\d+\b.{0,40}?\b(?:no\.?|issue|number|pp?\.)\s*\d+|"
                       r"\b(?:issn|doi)\b[:\s]*\S*\d", re.I)


# A repository's statistics ("Views 7,881 Downloads 2,443 File size 306KB"): labels, each with its count.
_STATS = re.compile(r"(?:[A-Z][a-z]+(?:\s[a-z]+)?:?\s+\d[\d,.]*\s*(?:KB|MB|GB|kB|k|%)?\s*){2,}")


def offer_or_citation(text):
    """A paywall's price line, a journal's citation line or a page's statistics (digits in their
    shapes): no headline."""
    text = " ".join(text.split())
    return bool(_OFFER.search(text) or _CITATION.search(text) or _STATS.fullmatch(text))


def reference_line(text):
    """A letters page's or an index's reference to a piece: "TITLE, Section, April 20": three
    comma-joined pieces or more, the last a date without a year's sentence around it."""
    pieces = [p.strip() for p in " ".join(text.split()).split(",")]
    if len(pieces) < 3:
        return False
    tail = pieces[-1] if not re.fullmatch(r"\d{4}", pieces[-1]) else pieces[-2] + " " + pieces[-1]
    return bool(re.fullmatch(r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:\s+\d{4})?", tail))


def signature_line(text):
    """A signature or an affiliation line: "NAME, Institution[, Institution]" whose name opens with a
    learned given name and whose other pieces are title-case institutions or roles ("Richard Roe,
    Crawford School of Public Policy, Australian National University")."""
    pieces = [p.strip() for p in " ".join(text.split()).split(",")]
    if len(pieces) < 2 or not looks_like_person(pieces[0]) or not given_name_first(pieces[0]):
        return False
    rest = pieces[1:]
    return all(p and _title_case(p) and len(words(p)) <= 8 for p in rest) and any(
        ORG_WORDS.search(p) or ROLE_WORDS.search(p) for p in rest)


def site_label(text):
    """A line in which the site speaks of its own pages or counts its readers: a label, no headline."""
    text = " ".join(text.split())
    return bool(_SITE_ADDRESS.search(text)) or (len(words(text)) <= 8 and bool(_COUNTER.search(text)))


def is_fragment(text):
    last = words(text)[-1].casefold().strip(".,") if words(text) else ""
    return last in {"the", "a", "an", "of", "and", "to", "with", "from"} or text.rstrip().endswith(":")


def headline_shape(text):
    """A line that can be a headline: short, starts with a capital, a quote or a digit, no sentence end
    (a topic's label in lower case before it aside: "bitcoin price: Has a long winter set in ...")."""
    label = _LOWER_LABEL.match(text)
    if label and len(words(text[label.end():])) >= 4:
        text = text[label.end():]
    ws = words(text)
    if not 2 <= len(ws) <= 30 or len(text) > 220:
        return False
    if not (text[0].isupper() or text[0].isdigit() or text[0] in "“\"‘'¿¡"):
        return False
    if (text[0] == "“" and "”" not in text) or (text[0] == '"' and text.count('"') == 1):
        return False  # a quotation's opening line, its closing quote further down: never a headline
    if text.endswith(("?", "!", "…", "...", "?’", "?”", "?\"", "!”")):
        return True
    if re.match(r"^[A-Z][\w']*(?:\s+\w+){0,2}!\s+\S", text):
        return False  # an exclamation, then more: a reader's comment opens so ("Well said! [...] And about time.")
    if text[-1] == "." and len(ws) > 14:
        return False
    return text[-1] not in ",;:"


# -- the head --------------------------------------------------------------------------------

@dataclass
class Head:
    """What a page's head states. ``end`` is the index of the first line after the head."""

    title: str = ""
    authors: list = field(default_factory=list)
    date: tuple | None = None
    outlet: str = ""
    listing: bool = False
    end: int = 0
    used: set = field(default_factory=set)  # indexes of head lines that are metadata, not body
    doubts: dict = field(default_factory=dict)


def _strip_title(text, outlets_found):
    """A headline without its label prefix, part suffix and site-name suffix; and the site name."""
    site = ""
    text = " ".join(text.split())
    text = _PART_SUFFIX.sub("", text)
    match = re.search(r"\s*\((?P<name>[^()]{2,40})\)$", text)
    if match and known_outlet(match.group("name")):
        site, text = known_outlet(match.group("name")), text[:match.start()]
    segments = _SEGMENTS.split(text)
    if len(segments) >= 2:
        first, rest = segments[0], segments[1:]
        tail = [s for s in rest if known_outlet(s, strict=False) or s in outlets_found
                or (head_date(s) and len(words(head_date(s).rest)) <= 2) or is_section_word(s)]
        if len(tail) == len(rest) and first:
            site = site or next((known_outlet(s) for s in rest if known_outlet(s)), "")
            text = first
        elif len(segments) == 2 and "|" in text and is_section_word(segments[0]):
            text = segments[1]
        elif len(segments) >= 3 and "|" in text and any(known_outlet(s) for s in rest):
            site = site or next(known_outlet(s) for s in rest if known_outlet(s))
            text = first
    first = True
    while True:
        match = LABEL_PREFIX.match(text)
        stripped = text[match.end():] if match else text
        if stripped == text or len(words(stripped)) < 2:
            break
        if not first and not re.search(r"[|:\]]\s*$", match.group(0)):
            break  # "[Sample] Letter Opposing ...": after a label, a bare word opens the headline
        text, first = stripped, False
    return text.strip(), site


_BULLET = re.compile(r"^\s*[•·▪►]\s+")


_JUNK_LEAD = re.compile(r"^\s*(?P<junk>\S{1,3})\s+(?=[A-Z“\"‘'])")


def _strip_junk(line):
    """An emoji or its mojibake before a line: a short token without ASCII letters, digits,
    dashes, bullets or quotes."""
    match = _JUNK_LEAD.match(line)
    if match and not re.search(r"[A-Za-z0-9\-–—•·*|>»#“\"‘'(\[]", match.group("junk")):
        return line[match.end():]
    return line


def _unbullet(lines):
    """A page that opens with one bulleted line ("• A new Republic of Impeachment?"): the line
    without its bullet. Bullets in a list (a menu, a standfirst's points) or under a headline stay.
    An emoji or its mojibake before a line ("đ„ Achieving housing abundance") goes too."""
    lines = [_strip_junk(line) for line in lines]
    filled = [k for k, line in enumerate(lines) if line.strip()]
    if len(filled) >= 2 and _BULLET.match(lines[filled[0]]) and not _BULLET.match(lines[filled[1]]):
        lines = list(lines)
        lines[filled[0]] = _BULLET.sub("", lines[filled[0]], count=1)
    return lines


_TEASER_END = re.compile(r"(?:\[(?:…|\.\.\.)\]|(?:read more|continue reading)\s*(?:…|\.\.\.|[→»›])?)\s*$", re.I)
_CUT_END = re.compile(r"\w…\s*$")
# The page's first line as a tag page prints its topic: two or three lower-case words ("free lunch").
_TOPIC_LABEL = re.compile(r"[a-z]{4,}(?:[ -][a-z]{4,}){1,2}")
_CRUMBS = re.compile(r"\s*[>»›]\s*")


def _site_name(lines, zone):
    """The site's name when a breadcrumb starts with a line printed above it ("Insight Turkey",
    then "Insight Turkey > Commentaries |"): the lines printing the name, the tagline lines
    between the name and the breadcrumb, and the breadcrumb's index."""
    texts = {i: " ".join(lines[i].split()) for i in zone}
    for i, text in texts.items():
        crumbs = [c.strip(" |") for c in _CRUMBS.split(text)]
        if len(crumbs) < 2 or not crumbs[0] or crumbs[0].casefold() in {"home", "start"} or len(words(crumbs[0])) > 5:
            continue
        named = [j for j in texts if j < i and texts[j] == crumbs[0]]
        if named:
            between = {j for j in range(min(named) + 1, i) if j not in named and texts.get(j)
                       and not is_paragraph(texts[j], lambda t: len(words(t)) >= 12)}
            return set(named), between, i
    return set(), set(), None


def _unpunctuated_headline(text, nxt):
    """A headline in sentence case, long but without a sentence's end ("Reform UK have topped a
    poll – but Farage shouldn't celebrate just yet"), right above a standfirst that has one; its last
    word may close a quotation ("... as substitute for “national dialogue”")."""
    return (headline_shape(text) and 8 <= len(words(text)) <= 25 and bool(re.search(r"\w[”\"’]?$", text))
            and len(words(nxt)) >= max(8, len(words(text))) and (nxt[-1:] in ".!?\"”’" or _WRITES.search(nxt)))


def run_in_byline(text):
    """The writer's name of a byline run into the first paragraph, the dump having lost the line break:
    "By Ann Okafor Nigerian democracy is ...". The name is the run of capitalised words after "By"
    (two to four), less its last word when a lower-case word follows it (that word opened the
    sentence: "Nigerian democracy"); a capitalised function word ends it ("By Ann Lee To be sure").
    ``""`` unless a long paragraph follows the name."""
    text = " ".join(text.split())
    match = re.match(r"^[Bb]y\s+(?P<rest>.+)$", text)
    if not match or len(words(text)) < 25:
        return ""
    ws = words(match.group("rest"))
    run = []
    for w in ws[:5]:
        if not re.fullmatch(r"[A-Z][\w'’.\-]*", w) or w.casefold() in _FUNCTION_WORDS:
            break
        run.append(w)
    if len(run) < 2 or len(run) >= 5:
        return ""
    following = ws[len(run)] if len(ws) > len(run) else ""
    if len(run) >= 3 and following[:1].islower():
        run = run[:-1]
    name = clean_name(" ".join(run))
    return name if looks_like_person(name) and not ROLE_WORDS.search(name) else ""


def is_paragraph(text, is_prose):
    """The first paragraph of the article: running text, not a headline ending in a full stop,
    a byline, a caption, a topic list or a page-title line with its "|" segments."""
    text = " ".join(text.split())
    # (a byline run into the text, "By NAME Local democracy is ...", is the paragraph)
    if not is_prose(text) or (BYLINE.match(text) and not run_in_byline(text)) or _TOPIC_LIST.match(text) \
            or is_caption(text) or FURNITURE.match(text):
        return False
    if text.count(" | ") + text.count("| ") >= 2 and len(words(text)) <= 30:
        return False
    count = len(words(text))
    if count < 15 and (text.endswith(("...", "…")) or (headline_shape(text) and _title_case(text))
                       or re.search(r"\?[”\"’']?$", text)):
        return False
    return count >= 8 or text[-1:] in ".!?\"”’"


def _tag_row(line):
    """Tags printed side by side ("Yoon Suk Yeol  south korea"): short segments two spaces apart."""
    segments = [seg for seg in re.split(r"\s{2,}", line.strip()) if seg]
    return len(segments) >= 2 and all(len(words(seg)) <= 3 for seg in segments) and any(
        seg[:1].islower() for seg in segments)


def is_listing(lines, raw_head=()):
    """Whether the first lines of a page list several articles rather than carry one.

    ``raw_head`` are the page's lines above its first paragraph before any line was taken out
    (a "Category: X" label there is a tag page's, not the article's categories).
    """
    texts = [" ".join(t.split()) for t in lines]
    if any(TAG_LABEL.match(t) and len(words(t)) <= 8 for t in raw_head):
        return True
    # a list of items named for a topic the page printed above it ("Recent Items for Heat and Drought")
    for k, t in enumerate(texts):
        named = _TOPIC_ITEMS.fullmatch(t)
        if named and any(" ".join(u.split()).casefold() == named.group("topic").casefold() for u in texts[:k]):
            return True
    teasers = sum(1 for t in texts if re.match(r"^(?:read more|continue reading|read (?:the )?full (?:text|article|story|post))\b", t, re.I)
                  or re.search(r"(?:read more|continue reading)(?:\s*(?:…|\.\.\.|“.*”|[→»›]))?\s*$|\[(?:…|\.\.\.)\]\s*$", t, re.I)
                  or (len(words(t)) >= 15 and t.endswith(("…", "...")) and not t.startswith(("“", "\""))))
    authors = sum(1 for t in texts if re.match(r"^authors?\s*:", t, re.I))
    numbered = sum(1 for t in texts if re.match(r"^\d{1,2}\s+[A-Z“‘'\"][^.]{10,}$", t) and headline_shape(t[2:].strip()))
    # Headlines each followed by a teaser cut off mid-sentence.
    cut = sum(1 for a, b in zip(texts, texts[1:]) if headline_shape(a) and not is_fragment(a) and len(words(b)) >= 20
              and b[-1:].isalnum())
    dated, typed = set(), {}
    for t in texts:
        found = head_date(t) if len(t) <= 60 else None
        if found and found.value and len(words(found.rest)) <= 2:
            dated.add(found.value)
        # a card's type beside its date, printed under each card ("Issues and Analyses|September 11, 2019")
        if found and found.value and found.rest and len(words(found.rest)) <= 5:
            typed.setdefault(found.rest.strip(" |·•-–—").casefold(), set()).add(found.value)
    names = [a for a, b in zip(texts, texts[1:]) if looks_like_person(a.split("|")[0]) and len(words(b)) >= 15]
    # Headlines each followed by their own date line (a blog's monthly archive).
    stamped = 0
    for a, b in zip(texts, texts[1:]):
        found = head_date(b) if len(b) <= 40 else None
        if found and found.value and not found.rest and headline_shape(a) and not head_date(a) and len(words(a)) >= 3:
            stamped += 1
    if stamped >= 3:
        return True
    # Three different headings each printed twice in a row: cards (an offer's, a section's), where
    # a page prints its one headline twice (page title and H1) but not three.
    shown = [t for t in texts if t]
    common = {w[:5] for t in texts for w in re.findall(r"(?<![\w'’-])[a-z]{4,}", t)}
    doubled = {t for a, t in zip(shown, shown[1:]) if a == t and headline_shape(t)
               and (not looks_like_person(t) or _common_words(t, common))}  # an author's card is no heading
    if len(doubled) >= 3:
        return True
    # One name printed under two different headlines: an author's or a topic page's cards.
    credited = {}
    for k, t in enumerate(texts):
        name = t.lstrip("•·-–— ").strip()
        by = BYLINE.match(name)  # (or its byline: "By Tony Mauro |" under each card)
        if by and not looks_like_person(name):
            name = by.group("names").strip(" |,")
        if looks_like_person(name):
            credited.setdefault(name, []).append(k)
    def headlines(part):
        return {x for x in part if headline_shape(x) and len(words(x)) >= 5 and not ROLE_WORDS.search(x)}

    for places in credited.values():
        for a, b in zip(places, places[1:]):
            above, between = headlines(texts[max(0, a - 4):a]), headlines(texts[a + 1:b])
            if b - a >= 3 and above and between - above:
                return True
    if any(len(values) >= 3 for label, values in typed.items() if label):
        return True
    return teasers >= 2 or authors >= 2 or numbered >= 2 or cut >= 3 or len(dated) >= 3 or len(set(names)) >= 3


def read_head(lines, *, extra_boilerplate=None, raw_head=None):
    """Read the head of ``lines`` (a dump's blocks in reading order) into a :class:`Head`."""
    from .layout import is_prose  # the layout module imports this one

    filled = [line for line in lines if line.strip()]
    carded = bool(filled) and bool(_BULLET.match(filled[0]))  # the page opens with a bulleted item
    lines = _unbullet(lines)
    head = Head()
    n = len(lines)
    first_prose = n
    seen_text = False
    captions = []
    openers = set()  # lines that read as prose but stand where a headline stands
    for i, t in enumerate(lines):
        t = " ".join(t.split())
        if i == 0:
            t = re.sub(r"^date\s+\d{4}-\d{2}(?:-\d{2})?\s*(?:\d{1,2}:\d{2})?\s*", "", t)
        if is_caption(t):
            captions.append(" ".join(words(t)[:6]))
            continue
        if len(words(t)) >= 6 and " ".join(words(t)[:6]) in captions:
            continue  # a caption printed again without its credit
        if not t or is_boilerplate(t, extra_boilerplate) or FURNITURE.match(t):
            continue
        nxt = " ".join(lines[i + 1].split()) if i + 1 < n else ""
        prev = " ".join(lines[i - 1].split()) if i else ""
        # (printed twice, once with a label before it: "Document - TITLE" over "TITLE")
        repeated = t in (nxt, prev) or any(
            len(line_key(u)) >= 30 and (line_key(t).endswith(" " + line_key(u)) or line_key(u).endswith(" " + line_key(t)))
            and abs(len(words(t)) - len(words(u))) <= 2 for u in (nxt, prev) if u)
        opening = not seen_text and len(words(t)) <= 12 and headline_shape(t) and len(words(nxt)) >= 20
        if opening and not t.endswith("."):
            openers.add(i)
        seen_text = True
        if t[:1].islower() and prev[-1:].isalnum() and len(words(prev)) + len(words(t)) <= 25:
            continue  # the end of a short notice wrapped over two lines, not the article's first paragraph
        if is_paragraph(t, is_prose) and not repeated and not opening and not _unpunctuated_headline(t, nxt):
            first_prose = i
            break
        if repeated and headline_shape(t) and len(words(t)) <= 25:
            openers.add(i)  # the page title and the headline: the same line twice
        elif _unpunctuated_headline(t, nxt):
            openers.add(i)
    head.end = first_prose
    zone = range(min(first_prose, HEAD_LINES))
    kinds = {}
    # words the running text uses in lower case: common words, which a person's name is not made of
    common = {w[:5] for t in lines[first_prose:] for w in re.findall(r"(?<![\w'’-])[a-z]{4,}", t)}
    dates, bylines, titles, outlets = [], [], [], []
    listing_marks = 0

    # A leading "date YYYY-MM-DD" token, as some dumps start.
    lead = re.match(r"^\s*date\s+(?P<date>\d{4}-\d{2}(?:-\d{2})?)\b", lines[0] if lines else "")
    if lead:
        found = head_date(lead.group("date"))
        if found and found.value:
            dates.append((0, found.value, "published"))

    site_at, taglines, crumb_at = _site_name(lines, zone)
    if site_at:
        outlets.append((min(site_at), printed_name(" ".join(lines[min(site_at)].split()))))
    for i in zone:
        text = " ".join(lines[i].split())
        if not text:
            continue
        if i in site_at or i == crumb_at:
            kinds[i] = "masthead"
            continue
        if i in taglines:
            kinds[i] = "tagline"  # the site's tagline under its name
            continue
        if lead and i == 0:
            text = text[lead.end():].strip()
            if not text:
                continue
        # (a name before a reading time, "NAME · 5 min read", is a byline, though the time is furniture)
        signed = name_with_furniture(text) if FURNITURE.match(text) and len(words(text)) <= 12 else ""
        if signed and not _common_words(signed, common):
            kinds[i] = "byline"
            bylines.append((i, [signed]))
            continue
        if is_boilerplate(text, extra_boilerplate) or FURNITURE.match(text) or is_clock(text) or _INTRO_NOTE.match(text) \
                or _EMPTY_LIST.fullmatch(text):
            kinds[i] = "furniture"
            continue
        if TAG_LABEL.match(text) and len(words(text)) <= 8:
            kinds[i] = "tag"
            head.listing = True
            continue
        if not kinds and _TOPIC_LABEL.fullmatch(text) and not any(
                w in _FUNCTION_WORDS for w in text.split()):
            kinds[i] = "tag"  # a topic's label in lower case over the page: a tag page's cards follow
            head.listing = True
            continue
        mast = _MASTHEAD.match(text) or _COPYRIGHT.match(text)
        if mast:
            kinds[i] = "masthead"
            outlets.append((i, printed_name(mast.group("name"))))
            continue
        if is_caption(text):
            kinds[i] = "caption"
            continue
        following = " ".join(lines[i + 1].split()) if i + 1 < n else ""
        named = split_byline(text) if is_caption(following) else []
        if (looks_like_person(text) or (len(named) >= 2 and len(named) == len(
                [p for p in re.split(r"\s*(?:,|&|\band\b)\s*", text) if p.strip()]))) and is_caption(following) \
                and re.search(r"\b" + re.escape(words(text)[-1]) + r"\b", following):
            kinds[i] = "caption"  # a name (or names) over the caption of their photo labels the picture
            continue
        ago = _AGO_SOURCE.match(text)
        if ago and (known_outlet(ago.group("name")) or (
                len(words(ago.group("name"))) >= 2 and not _STAMP_WORD.match(ago.group("name")))):
            kinds[i] = "masthead"  # an aggregator's source line: "Globe and Mail2 days ago"
            outlets.append((i, known_outlet(ago.group("name")) or printed_name(ago.group("name"))))
            continue
        if text.count("|") >= 2:
            for segment in re.split(r"\s*\|\s*", text)[1:]:
                seg_date = head_date(segment)
                if seg_date and seg_date.value and not seg_date.rest:
                    dates.append((i, seg_date.value, "plain"))
                if known_outlet(segment, strict=True):
                    outlets.append((i, known_outlet(segment)))
        found = head_date(_COMMENT_COUNT.sub("", text))  # (a post's comment counter after its stamp dates nothing)
        if found and found.value and _beside_weather(lines, i):
            kinds[i] = "furniture"  # today's date beside today's weather: the site's clock
            continue
        if found and (len(words(found.rest)) <= 3 or known_outlet(found.rest) or text.lower().startswith(
                found.rest.lower()[:0]) and _starts_with_date(text)):
            kinds[i] = "date"
            if found.ambiguous:
                head.doubts["date"] = f"the day and month of {text!r} can be read both ways"
            elif found.value:
                # a date on its byline's line, even a desk's ("4:36 pm Author: AFC Media Team"), is the
                # article's stamp
                credited = re.match(r"^(?:by|authors?|written by|posted by)\s+\S", found.rest, re.I)
                dates.append((i, found.value, "published" if credited and found.role == "plain" else found.role))
            rest_outlet = known_outlet(found.rest) if found.rest else ""
            if rest_outlet:
                outlets.append((i, rest_outlet))
            by = BYLINE.match(found.rest) if found.rest else None
            if by:
                _take_byline(i, by.group("names").rstrip(" ,"), bylines, outlets, closed=True)
            elif found.rest and found.value:
                # the author's name beside the date, after a section word at most ("News NAME DATE")
                # (a stamp's word after the name, "NAME, Updated DATE", names no one)
                signer = " ".join(w for k, w in enumerate(words(_STAMP_TAIL.sub("", found.rest).strip(" ,|·-–—")))
                                  if not (k == 0 and is_section_word(w)))
                # (never a dateline's place, "Beijing, China – September 29, 2023", which takes a comma)
                if looks_like_person(signer) and re.match(r"^(?:\w+\s+)?" + re.escape(signer) + r"(?:\s|,\s*(?i:last\s+)?(?i:updated|published|posted|modified)\b)", text) \
                        and not _common_words(signer, common) \
                        and not ROLE_WORDS.search(signer):
                    bylines.append((i, [clean_name(signer)]))
            continue
        if len(re.findall(r"[a-z][A-Z]", text)) >= 2 or _tag_row(lines[i]) or _DATEISH.search(text):
            kinds[i] = "furniture"  # menu entries glued together, tags apart, a date we cannot read
            continue
        by = BYLINE.match(text)
        if by and len(words(text)) <= 16 and not re.search(r"https?://|\bcc by\b|own work|licen[sc]ed", text, re.I):
            kinds[i] = "byline"
            names = by.group("names")
            date_in = head_date(names)
            if date_in and date_in.value and not date_in.ambiguous:
                dates.append((i, date_in.value, date_in.role))
            _take_byline(i, names, bylines, outlets)
            continue
        # a byline among a stamp's "|" pieces: "20 Mars, 2017, 20:38 | Auteur: NAME", "Opinion | By NAME"
        pieces = re.split(r"\s+\|\s+", text)
        piece_by = [BYLINE.match(p) for p in pieces[1:]] if 2 <= len(pieces) <= 4 and len(words(text)) <= 16 else []
        piece_by = [m for m in piece_by if m and split_byline(m.group("names"), labelled=True)]
        if len(piece_by) == 1 and all(len(words(p)) <= 6 for p in pieces):
            kinds[i] = "byline"
            bylines.append((i, split_byline(piece_by[0].group("names"), labelled=True)))
            continue
        # a name beside its furniture: "NAME | OUTLET", "NAME · 5 min read", "NAME — Senior Fellow"
        signed = name_with_furniture(text) if len(words(text)) <= 16 else ""
        labelled = re.match(r"^(?:authors?|written by|contributors?)\s+(?P<names>[A-Z].{3,60})$", text, re.I)
        if not signed and labelled and text[:1].isupper() and split_byline(labelled.group("names")) and len(
                split_byline(labelled.group("names"))) == len(re.split(r"\s*(?:,|&|\band\b)\s*", labelled.group("names"))):
            kinds[i] = "byline"  # the label without its colon: "Author Maria Lopez", "Authors A and B"
            bylines.append((i, split_byline(labelled.group("names"))))
            continue
        role_first = _ROLE_THEN_NAME.match(text)
        if not signed and role_first and looks_like_person(role_first.group("name")) \
                and role_first.group("role")[:1].isupper():
            signed = clean_name(role_first.group("name"))
        if signed and not _common_words(signed, common):
            kinds[i] = "byline"
            bylines.append((i, [signed]))
            continue
        # a name (or names) over, or two spaces before, the paper's name: "Ben Bova" / "Naples Daily
        # News", "Ash Ngu and Sahil Chinoy  NYTimes Opinion" (a repost credits the column so)
        parts = re.split(r"\s{2,}", lines[i].strip())
        signer, paper = (parts[0], parts[1]) if len(parts) == 2 else (text, " ".join(lines[i + 1].split()) if i + 1 < n else "")
        pieces = [p for p in re.split(r"\s*(?:,|&|\band\b)\s*", signer) if p.strip()]
        if _paper_name(paper) and pieces and len(split_byline(signer)) == len(pieces) \
                and not _common_words(signer, common):
            kinds[i] = "byline"
            bylines.append((i, split_byline(signer)))
            continue
        # a Chinese-language site's labels: "作者:NAME in London来源:OUTLET" (author, then source)
        labelled = re.match(r"^作者\s*[:：]\s*(?P<names>[^来]+?)\s*(?:来源\s*[:：]\s*(?P<outlet>.+))?$", text)
        if labelled:
            kinds[i] = "byline"
            bylines.append((i, split_byline(labelled.group("names"))))
            if labelled.group("outlet"):
                outlets.append((i, known_outlet(labelled.group("outlet")) or printed_name(labelled.group("outlet"))))
            continue
        credit = _CREDIT_BY.match(text)
        if credit and not _WORK_CREDITED.search(credit.group("pre")) and len(words(credit.group("pre"))) <= 10:
            pieces = [p for p in re.split(r"\s*(?:,|;|&|\band\b)\s*", credit.group("names")) if p.strip()]
            persons = split_byline(credit.group("names"))
            if persons and len(persons) == len(pieces):
                kinds[i] = "byline"
                bylines.append((i, persons))
                continue
        if text.lower().strip(":") in {"by", "author", "authors", "contributor", "contributors", "written by"} and i + 1 < n:
            kinds[i] = "byline"
            following = " ".join(lines[i + 1].split())
            for wire in re.findall(r"\s+(\S+)$", following):
                if known_outlet(wire):
                    following = following[: -len(wire)].strip()
            bylines.append((i, split_byline(following)))
            continue
        if text.lower() == "by" and i + 1 < n:
            kinds[i] = "byline"
            bylines.append((i, split_byline(lines[i + 1])))
            continue
        source = _SOURCE_LINE.match(text)
        if source and _PICTURE_AGENCY.search(source.group("name")):
            kinds[i] = "caption"  # "Source: Getty" credits a picture
            continue
        if source:
            kinds[i] = "masthead"
            outlets.append((i, known_outlet(source.group("name")) or printed_name(source.group("name"))))
            continue
        named = _NAME_OUTLET.match(text)
        if named and looks_like_person(clean_name(named.group("name"))):
            kinds[i] = "byline"
            bylines.append((i, [clean_name(named.group("name"))]))
            if known_outlet(named.group("outlet")):
                outlets.append((i, known_outlet(named.group("outlet"))))
            continue
        if _ADDRESS_MASTHEAD.match(text):
            kinds[i] = "masthead"
            outlets.append((i, _ADDRESS_MASTHEAD.match(text).group("name")))
            continue
        placed = _PLACED_MASTHEAD.match(text)
        if placed and not is_section_word(placed.group("place")) and not looks_like_person(placed.group("name")):
            kinds[i] = "masthead"  # "The Nation (Nairobi)": a paper named with its city
            outlets.append((i, known_outlet(placed.group("name")) or printed_name(placed.group("name"))))
            continue
        dashed = _DASH_NAME.match(text)
        # ("- Policy Analysis" over "- Fikra Forum" is a page's labels: words the text uses in lower case)
        if dashed and looks_like_person(clean_name(dashed.group("name"))) \
                and not _common_words(dashed.group("name"), common):
            kinds[i] = "byline"
            bylines.append((i, [clean_name(dashed.group("name"))]))
            continue
        if known_outlet(text, strict=True):
            kinds[i] = "masthead"
            outlets.append((i, known_outlet(text)))
            continue
        # An organisation's name printed twice at the top of the page, over another heading: the site's
        # name (its logo and its title), not the headline ("The X Foundation for Policy Research" twice).
        shown_above = {" ".join(lines[j].split()) for j in range(i) if lines[j].strip()}
        if shown_above <= {text} and ORG_WORDS.search(text) and _title_case(text) and len(words(text)) <= 8 \
                and not re.search(r"[:?!.,;|]", text) and not looks_like_person(text):
            shown_below = [" ".join(lines[j].split()) for j in range(i + 1, first_prose) if lines[j].strip()]
            twice = bool(shown_above) or (shown_below[:1] == [text])
            other = next((u for u in shown_below if u != text), "")
            if twice and other and headline_shape(other) and not is_paragraph(other, is_prose):
                kinds[i] = "masthead"
                outlets.append((i, printed_name(text)))
                continue
        if re.match(r"^read more|continue reading", text, re.I) or re.search(
                r"(?:read more|continue reading)\s*(?:…|\.\.\.|[>»›→])?$", text, re.I) or text.endswith("[…]"):
            listing_marks += 1
            kinds[i] = "teaser"
            continue
        if _TAG_PAGE_NOTE.search(text):
            kinds[i] = "tag"  # "Below you will find pages that use the term X": a tag page
            head.listing = True
            continue
        if offer_or_citation(text) or reference_line(text):
            kinds[i] = "furniture"  # a price, a citation or a reference line: never the headline
            continue
        if is_section_word(text) or _TOPIC_LIST.match(text) or site_label(text):
            kinds[i] = "section"
            says = re.match(r"^(?P<name>.+) says$", text)
            if says and known_outlet(says.group("name")):
                outlets.append((i, known_outlet(says.group("name"))))
            continue
        crumb = _BREADCRUMB.match(text)
        if crumb:
            kinds[i] = "breadcrumb"
            titles.append((i, crumb.group("last").strip(), "breadcrumb"))
            continue
        # a long line that ends by crediting a person ("..., a new approach is needed, says campaigner
        # and barrister NAME"): a standfirst or a quote's lead, never the headline
        told = _SAYS_NAME.search(text)
        if told and len(words(text)) >= 15 and looks_like_person(told.group("name")):
            kinds[i] = "other"
            continue
        led = _STANDFIRST_BY.match(text)
        if led and titles and len(words(text)) >= 8 and looks_like_person(led.group("name")):
            kinds[i] = "other"  # a standfirst under the headline that names its author ("NAME writes on ..."),
            continue  # no headline: its byline is taken below
        nxt = " ".join(lines[i + 1].split()) if i + 1 < n else ""
        if BYLINE.match(nxt) and headline_shape(text):
            kinds[i] = "headline"  # a line right above "By NAME" is the headline, even "Café Politics"
            titles.append((i, text, "above-byline"))
            continue
        # Two or more persons' names joined ("Meghan L. O’Sullivan and Jason Bordoff") on a line of their
        # own, right above the running text or a date: the piece's byline without its "By"
        # ("&", ";" or a comma alone join them too, "MARIA LOPEZ AND JOHN SMITH" in capitals, when the text
        # never names them: a line of persons the text speaks of is its topics' tags)
        joined = re.sub(r"\s+AND\s+", " and ", text) if text.isupper() else text
        pieces = [p for p in re.split(r"\s*(?:,|;|&|\band\b)\s*", joined) if p.strip()]
        persons = split_byline(joined.replace(";", ",")) if len(pieces) >= 2 else []
        if persons and " and " not in f" {joined} " and any(
                re.search(rf"(?<![\w-]){re.escape(p.split()[-1])}(?![\w-])",
                          " ".join(" ".join(t.split()) for t in lines[first_prose:first_prose + 10]), re.I)
                for p in persons):
            persons = []
        below = next((j for j in range(i + 1, n) if lines[j].strip()), None)
        if len(persons) == len(pieces) and any(surely_person(p) for p in persons) \
                and not _common_words(text, common) and below is not None \
                and (below == first_prose or head_date(" ".join(lines[below].split()))) \
                and sum(1 for t in lines[first_prose:first_prose + 6] if is_paragraph(" ".join(t.split()), is_prose)) >= 2:
            # (over one paragraph alone, the names head a card: an author page's teaser)
            kinds[i] = "byline"
            bylines.append((i, persons))
            continue
        # ("LIU YANG in Beijing" is a name and its place; "America Belongs in Space" is no name: a place is
        # never a word the text uses in lower case)
        placed_at = re.search(r"\s+(?:in|from)\s+(?P<place>[A-Z][\w .'-]*)$", text)
        # (a line of common words, "Satisfactory Essays", still stands where a name stands: it is no
        # headline, and the bylines below refuse it as a name)
        if (surely_person(text, False) or (surely_person(clean_name(text), False)
                                           and not (placed_at and _common_words(placed_at.group("place"), common)))
                or (looks_like_person(text, False) and ((ROLE_WORDS.search(nxt) and not re.search(r"[a-z]{2}\.(?:\s|$)", nxt)) or head_date(nxt)))
                or (looks_like_person(text.split(",")[0]) and "," in text and ROLE_WORDS.search(text))) \
                and not _common_words(text.split(",")[0], common):
            kinds[i] = "person"
            continue
        unlabelled = LABEL_PREFIX.sub("", text, count=1)
        if text.count("|") >= 2 and headline_shape(_SEGMENTS.split(text)[0]) and any(
                known_outlet(seg) or head_date(seg) for seg in re.split(r"\s*\|\s*", text)[1:]):
            kinds[i] = "pagetitle"
            titles.append((i, text, "line"))
            continue
        if text.count("|") >= 2:
            kinds[i] = "other"  # a tagline or a menu with "|" between its entries
            continue
        if re.match(r"^\d{1,2}\.\s+\S", text) and len(words(text)) <= 5:
            kinds[i] = "furniture"  # a numbered menu entry
            continue
        ws = words(text)
        above = next((" ".join(lines[j].split()) for j in range(i - 1, -1, -1) if lines[j].strip()), "")
        if len(ws) <= 8 and ROLE_WORDS.match(text) and len(ws) >= 2 and ws[1].casefold() in {"of", "at", "for", "and"} \
                and looks_like_person(above):
            kinds[i] = "other"  # a person's role under the name: "Founder of Friends of Europe"
            continue
        if (len(ws) <= 6 and sum(1 for w in ws if ROLE_WORDS.search(w)) * 2 >= len(ws)) or (
                len(ws) >= 8 and all(w[:1].isupper() or not w[:1].isalpha() for w in ws)
                and not any(w.casefold() in _FUNCTION_WORDS for w in ws) and not _common_words(text, common)):
            kinds[i] = "other"  # a role line, or a menu of names
            continue
        stamp = head_date(nxt) if nxt[:1].islower() and len(nxt) <= 60 else None
        echo = content_words(nxt) and content_words(nxt) <= content_words(text)  # an image's name: "payday loan solutions - tw"
        credit = re.match(r"from\s+(?:the\s+)?[A-Z]\w*(?:\s+(?:of|for|and|on|[A-Z][\w'’&.-]*)){1,7}$", nxt)
        # (a stamp in lower case with its byline, "on April 6, 2011 by NAME", continues nothing either)
        if nxt[:1].islower() and text[-1:].isalnum() and not (stamp and stamp.value and (
                len(words(stamp.rest)) <= 2 or re.match(r"^(?:on\s+)?by\s+[A-Z]", stamp.rest))) \
                and not FURNITURE.match(nxt) and not echo and not credit:
            # (a repost's source line under its headline, "from International Council of Voluntary
            # Agencies", continues nothing either)
            # a sentence wrapped onto the next line ("Please select your state / so that ..."); a date
            # stamp in lower case ("on April 6, 2011 at 6:00 PM") continues nothing
            kinds[i] = "other"
            continue
        titled = _TITLE_BY.match(text)
        if titled and " by " in text and (_WORK_CREDITED.search(titled.group("title"))
                                         or re.search(r"[a-z]{2}\.\s+[A-Z]", titled.group("title"))):
            titled = None  # "Review of BOOK by AUTHOR": a credited work's author, not the page's
        signer = titled.group("name") if titled else ""
        # a role (and its organisation's initials) before the name: "TITLE by HPHR Fellow Priya Vedula"
        roled = re.match(r"^(?:[A-Z]{2,6}\s+)?(?:[A-Z][a-z]+\s+)?(?i:" + ROLE_WORDS.pattern + r")\s+(?P<name>[A-Z].*)$",
                         signer) if titled and not looks_like_person(signer) else None
        if roled and looks_like_person(roled.group("name")):
            signer = roled.group("name")
        if titled and headline_shape(titled.group("title")) and looks_like_person(signer):
            kinds[i] = "headline"
            titles.append((i, titled.group("title"), "line"))
            bylines.append((i + 0.5, [clean_name(signer)]))
            continue
        if headline_shape(unlabelled) and not is_fragment(unlabelled) and (
                not is_paragraph(unlabelled, is_prose) or i in openers):
            kinds[i] = "headline"
            titles.append((i, text, "opener" if i in openers else "line"))
            continue
        kinds[i] = "other"

    # Lines right after the head that still belong to it: "By NAME" after a standfirst, a
    # "writes NAME" standfirst, an opening bio with the outlet's disclaimer.
    for i in range(first_prose, min(first_prose + 4, n)):
        text = " ".join(lines[i].split())
        if i > first_prose and len(text) <= 60:
            late = head_date(text)
            after = " ".join(lines[i + 1].split()) if i + 1 < n else ""
            if late and headline_shape(after) and not is_paragraph(after, is_prose) and any(
                    BYLINE.match(" ".join(x.split())) for x in lines[i + 2:i + 5]):
                continue  # a date above another headline and byline dates a quoted piece, not the page
            if late and late.value and len(words(late.rest)) <= 1 and not any(d[0] == i for d in dates):
                dates.append((i, late.value, late.role))
                kinds[i] = "date"
                continue
            named = _NAME_OUTLET.match(text) or _DASH_NAME.match(text)
            if named and looks_like_person(clean_name(named.group("name"))):
                bylines.append((i, [clean_name(named.group("name"))]))
                kinds[i] = "byline"
                if "outlet" in named.groupdict() and known_outlet(named.group("outlet")):
                    outlets.append((i, known_outlet(named.group("outlet"))))
                continue
        if i == first_prose and run_in_byline(text):
            bylines.append((i, [run_in_byline(text)]))
            continue
        by = BYLINE.match(text)
        if by and len(words(text)) <= 12 and not re.search(r"https?://|\bcc by\b|own work|licen[sc]ed", text, re.I):
            names = by.group("names")
            date_in = head_date(names)
            if date_in and date_in.value and not date_in.ambiguous and not any(d[0] == i for d in dates):
                dates.append((i, date_in.value, date_in.role))
            _take_byline(i, names, bylines, outlets)
            kinds[i] = "byline"
        elif _REPORTS.match(text) and looks_like_person(_REPORTS.match(text).group("name")):
            bylines.append((i, [clean_name(_REPORTS.match(text).group("name"))]))
            kinds[i] = "byline"
        elif _OPENING_BIO.match(text) and i <= first_prose + 1:
            bylines.append((i, [clean_name(_OPENING_BIO.match(text).group("name"))]))
        elif i == first_prose and _bio_of_writer(text, i, lines, first_prose):
            bylines.append((i, [_bio_of_writer(text, i, lines, first_prose)]))
            kinds[i] = "byline"
    for i in list(zone) + list(range(first_prose, min(first_prose + 2, n))):
        text = " ".join(lines[i].split())
        writes = (_WRITES.search(text) or _WRITES_INSIDE.search(text)) if len(words(text)) <= 60 else None
        if writes and looks_like_person(writes.group("name")):
            bylines.append((i, [clean_name(writes.group("name"))]))
        lead = _LEAD_BY.search(text) if len(words(text)) <= 80 else None
        led_name = clean_name(lead.group("writer") or lead.group("speaker")) if lead else ""
        if led_name and re.fullmatch(r"[A-Z][\w'’.\-]+(?:\s+[A-Z][\w'’.\-]+){1,3}", led_name) and looks_like_person(led_name):
            bylines.append((i, [led_name]))
        written = _WRITTEN_BY.search(text)
        if written and looks_like_person(clean_name(written.group("name"))):
            bylines.append((i, [clean_name(written.group("name"))]))
        # A standfirst that names its author ("Ann Lee explores why ..."), or a first paragraph
        # that opens with the author's name and a dash ("Ann Lee – As the election ...").
        led = _STANDFIRST_BY.match(text) if len(words(text)) <= 60 else None
        if led and led.group(0).rstrip().endswith((" on", " about")) and (
                i >= first_prose or _WORK_CREDITED.search(text)):
            led = None  # "NAME writes about ..." signs a standfirst in the head; in the running text, or
            # over a credited work ("... in a memoir"), it is the article speaking of someone
        if not led and i == first_prose:
            led = _DASH_OPENING.match(text)
            if led and led.group("name").isupper():
                led = None  # "SAN DIEGO — On April 12, ...": a dateline, not a byline
        if led and looks_like_person(led.group("name")):
            # (a role before the name: "Columnist Caroline Magdolen writes about ..."; "Dean Baker" stays)
            name = led.group("name")
            unroled = re.sub(r"^(?:\w+\s+)?" + ROLE_WORDS.pattern + r"\s+(?=[A-Z])", "", name, flags=re.I)
            bylines.append((i, [clean_name(unroled if looks_like_person(unroled) else name)]))

    # A listing: several teasers, "Author:" lines, dated or numbered items, a tag label; or a
    # first paragraph that is itself a teaser cut short ("[…]", "Continue reading"): the
    # article is elsewhere.
    opening = " ".join(lines[first_prose].split()) if first_prose < n else ""
    rest = [t for t in lines[first_prose + 1:first_prose + 3] if t.strip()]
    cut = _CUT_END.search(opening) and (not rest or not is_paragraph(" ".join(rest[0].split()), is_prose))
    # (a bulleted first item whose paragraph stops on "..." is a list's card: a teaser, whatever follows)
    carded = carded and re.search(r"\w\s?(?:…|\.\.\.)$", opening)
    if is_listing(lines[:HEAD_LINES], raw_head or []) or listing_marks >= 2 or _TEASER_END.search(opening) or cut \
            or carded:
        head.listing = True
    if head.listing:
        head.doubts.setdefault("title", "the page lists several articles")
        return head

    # An entry's one-word heading over a paragraph that opens on the word it defines ("Overfishing" /
    # "Overfishing is the removal of ..."): an encyclopedia's or a book's entry, not a section's label
    if not titles and 0 < first_prose < n:
        shown = [j for j in range(first_prose) if lines[j].strip() and kinds.get(j) not in {"furniture", "caption"}]
        word = " ".join(lines[shown[0]].split()) if len(shown) == 1 else ""
        opening = " ".join(lines[first_prose].split())
        if re.fullmatch(r"[A-Z][a-z]{4,}(?:-[a-z]+)?", word) and not is_section_word(word) \
                and re.match(re.escape(word) + r"\s+(?:is|are|was|were|refers|means)\s", opening):
            kinds[shown[0]] = "headline"
            titles.append((shown[0], word, "line"))
    # A heading made only of words pages print in lower case ("Budget Blues", "Parallel Lives") stands
    # where a name would, but names no one: with no other candidate, it is the headline candidate
    if not titles:
        common_line = next((j for j in range(first_prose) if kinds.get(j) == "person"
                            and not looks_like_person(" ".join(lines[j].split()))
                            and not surely_person(clean_name(" ".join(lines[j].split())))), None)
        if common_line is not None:
            kinds[common_line] = "headline"
            titles.append((common_line, " ".join(lines[common_line].split()), "line"))
    # The headline.
    head.title = _choose_title(head, lines, kinds, titles, {o for _, o in outlets})
    title_at = next((i for i, t, _ in titles if t == head.title or _strip_title(t, set())[0] == head.title), None)
    site = ""
    if head.title:
        raw = next((t for i, t, _ in titles if i == title_at), head.title)
        head.title, site = _strip_title(raw, {o for _, o in outlets})
        head.title = re.sub(r"^\s*[|·•]\s+|\s+[|·•]\s*$", "", head.title)  # a table's or a menu's lone bar
        if site:
            outlets.append((title_at, site))
        if " | " in head.title:
            head.doubts["title"] = f"the headline line joins several parts: {head.title!r}"
            head.title = ""
        # A headline that ends with its authors' names: "Improving Policy – Ann Lee and Bo Chen".
        segments = re.split(r"\s+[–—-]\s+", head.title)
        if len(segments) >= 2:
            tail = segments[-1]
            # (the names may end with the publication's name: "- A, B and C, University World News")
            tail = re.sub(r",\s*(?P<paper>[A-Z][^,]{2,60})$", lambda m: "" if _paper_name(m.group("paper")) or (
                ORG_WORDS.search(m.group("paper")) and _title_case(m.group("paper"))) else m.group(0), tail)
            pieces = [p for p in re.split(r",\s*|\s+and\s+|\s*&\s*", tail) if p.strip()]
            persons = split_byline(tail)
            if persons and len(persons) == len(pieces) and all(looks_like_person(p) for p in pieces) \
                    and not any(_heading_not_name(p) for p in pieces):
                head.title = " – ".join(segments[:-1]) if len(segments) > 2 else segments[0]
                bylines.append((title_at + 0.5, persons))

    # A name with its role right above the headline ("Ann Lee, Columnist") signs it.
    if title_at is not None and not any(b for _, b in bylines) and title_at >= 1 and kinds.get(title_at - 1) == "person":
        above = " ".join(lines[title_at - 1].split())
        named, _, role = above.partition(",")
        if role and ROLE_WORDS.search(role) and looks_like_person(named):
            bylines.append((title_at - 1, [clean_name(named)]))
    # A name line over the headline, with its date or role beside it ("NAME" / "March 3, 2024" /
    # headline; "March 3, 2024" / "NAME" / headline; "NAME" / "Senior Fellow" / headline), signs it.
    # A topic's label over a headline can be a person too ("Donald Trump" over a story about him):
    # the name is taken only when neither the headline nor the running text's opening names that
    # person, as a piece never speaks of its own writer in the third person.
    if title_at is not None and not any(b for _, b in bylines):
        shown = [j for j in range(int(title_at) - 1, -1, -1)
                 if lines[j].strip() and kinds.get(j) not in {"furniture", "caption"}][:3]
        for j in shown[:2]:
            if kinds.get(j) == "date" and j == shown[0]:
                continue  # (the date between the name and the headline)
            if kinds.get(j) != "person":
                break
            name = clean_name(" ".join(lines[j].split()).split(",")[0])
            near = [k for k in (next((k for k in range(j - 1, -1, -1) if lines[k].strip()), None),
                                next((k for k in range(j + 1, n) if lines[k].strip()), None)) if k is not None]
            roled = any(ROLE_WORDS.search(" ".join(lines[k].split())) and len(words(lines[k])) <= 8
                        and kinds.get(k) != "headline" for k in near)
            dated = any(kinds.get(k) == "date" for k in near)
            family = name.split()[-1] if name.split() else ""
            opening = " ".join(" ".join(t.split()) for t in lines[first_prose:first_prose + 10])
            spoken_of = len(family) >= 2 and re.search(rf"(?<![\w-]){re.escape(family)}(?![\w-])",
                                                       " ".join(lines[int(title_at)].split()) + " " + opening)
            if looks_like_person(name) and not ROLE_WORDS.search(name) and not _common_words(name, common) \
                    and (dated or roled or given_name_first(name)) and not spoken_of:
                bylines.append((j, [name]))
            break
    # A name line under the headline (with its role on the next line, or as the only byline).
    bare_name = None
    # A name with its role or its date on the next line ("Giles Merritt" / "Founder of Friends of
    # Europe") among the lines under the headline signs it, before a bare pair of capitalised words above it (a column's
    # name, "Frankly Speaking").
    if title_at is not None and not any(b for _, b in bylines):
        for i in range(title_at + 1, min(title_at + 6, head.end)):
            at = next((j for j in range(i + 1, min(i + 3, n)) if lines[j].strip()), None)
            following = " ".join(lines[at].split()) if at is not None else ""
            # (or its date: "Peter English" / "13-Aug-2010" under the headline and its standfirst)
            if kinds.get(i) == "person" and ((ROLE_WORDS.match(following) and len(words(following)) <= 8)
                                            or kinds.get(at) == "date"):
                bylines.append((i, [clean_name(lines[i].split(",")[0])]))
                bare_name = i
                break
    if title_at is not None and not any(b for _, b in bylines):
        standfirst = False
        for i in range(title_at + 1, min(title_at + 4, head.end)):
            if kinds.get(i) == "person" and not looks_like_person(clean_name(lines[i].split(",")[0])) \
                    and not _name_supported(clean_name(lines[i].split(",")[0]), i, lines, kinds) \
                    and not any(kinds.get(j) in {"date", "byline"} for j in range(i + 1, i + 5)):
                head.doubts["authors"] = (f"the line {clean_name(lines[i].split(',')[0])!r} under the headline is "
                                          f"made of common words, not a name")
                break
            if kinds.get(i) == "person":
                name = lines[i].split(",")[0]
                nxt = lines[i + 1] if i + 1 < n else ""
                # (under the headline and its standfirst, right over the running text: the layout's
                # byline slot, "Headline" / "Standfirst sentence" / "NAME" / text)
                slotted = i == title_at + 2 and standfirst and i + 1 == first_prose \
                    and looks_like_person(clean_name(name)) and not _common_words(name, common)
                if slotted or (i == title_at + 1 or kinds.get(i + 1) in {"date", "byline", None, "other", "tagline",
                                                                         "furniture", "caption"}
                               or ROLE_WORDS.search(nxt) or kinds.get(i + 1) == "person") \
                        and (i == title_at + 1 or _name_supported(clean_name(name), i, lines, kinds)):
                    bylines.append((i, [clean_name(name)]))
                    bare_name = i
                elif head.title:
                    head.doubts["authors"] = (f"nothing but its place under the headline supports the name "
                                              f"{clean_name(name)!r} (no role, date or byline beside it, "
                                              f"not printed again on the page)")
                break
            if i == title_at + 1 and kinds.get(i) in {"headline", "other"} and len(words(lines[i])) >= 6 \
                    and kinds.get(i + 1) == "person":
                standfirst = True  # the headline's standfirst, then a name line
                continue
            if kinds.get(i) in {"headline", "other", "tagline"} and not (
                    kinds.get(i) == "other" and re.fullmatch(r"[a-z][\w.]{2,30}", " ".join(lines[i].split()))):
                break  # (a stray word in lower case, a site's name printed so, "italiatelegraph", stands aside)

    # The headline is kept only with evidence independent of its shape (see .evidence).
    found = set()
    if head.title:
        found = title_evidence(lines, kinds, title_at, head.title, first_prose, is_prose) if title_at is not None else set()
        if title_at is not None and any(i == title_at + 0.5 and names for i, names in bylines):
            found.add("signed")  # the headline carries its own byline ("TITLE:By NAME", "TITLE – NAME")
            found.discard("part-of-line")  # (the rest of its line is that byline, however long)
        if title_at is not None and any(names and title_at < i <= title_at + 2 and i <= first_prose and all(
                kinds.get(j) in PASSIVE_KINDS | {None} for j in range(title_at + 1, int(i)) if lines[j].strip())
                for i, names in bylines):
            found.add("signed")  # a standfirst under it that names its writer ("NAME writes on ...")
            if not any(lines[j].strip() and kinds.get(j) not in PASSIVE_KINDS for j in range(title_at)):
                found.add("named-top")  # ... and nothing above it: the page opens with it
        if title_at is not None and dates:
            # a date line right above or right under the headline line, with nothing between
            above_at = next((j for j in range(int(title_at) - 1, -1, -1) if lines[j].strip()), None)
            below_at = next((j for j in range(int(title_at) + 1, n) if lines[j].strip()), None)
            raw = list(raw_head or [])

            def side_by_side(j):  # (and so printed: no furniture taken out between them)
                a, b = " ".join(lines[j].split()), " ".join(lines[int(title_at)].split())
                return a not in raw or b not in raw or abs(raw.index(a) - raw.index(b)) == 1
            if any(d[0] in (above_at, below_at) and d[1][1] == "day" and side_by_side(d[0]) for d in dates):
                found.add("dated")
        if "first" in found and "about" not in found and _credit_or_name(head.title):
            found.discard("first")  # the page's first line names its authors or its publisher
        if signature_line(head.title):
            head.doubts["title"] = f"the line {head.title!r} signs the piece (a name and its institution): no headline"
            head.title = ""
        elif not title_supported(found):
            head.doubts["title"] = (f"nothing but its layout supports the headline {head.title!r} "
                                    f"(evidence: {', '.join(sorted(found)) or 'none'})")
            head.title = ""
    # A bare name takes its standing from the headline above it: under a headline the evidence did
    # not keep (a banner, a teaser), it is kept only with support of its own.
    if bare_name is not None and not head.title:
        name = bylines[[i for i, _ in bylines].index(bare_name)][1][0]
        if not _name_supported(name, bare_name, lines, kinds):
            bylines = [(i, names) for i, names in bylines if i != bare_name]
            head.doubts["authors"] = (f"the name {name!r} stands under a headline that was not kept, "
                                      f"with nothing else beside it")
    # the words of short lines above the headline (a tag page's topic label, "Lula da Silva")
    labels = set()
    for j in range(0, first_prose - 1):
        if kinds.get(j) in {"person", "section", "tag", "other", "headline"} and len(words(lines[j])) <= 5 \
                and lines[j].strip() and j != title_at:
            labels |= content_words(lines[j])
    if teaser_stream(lines, first_prose, is_prose, headline_shape, words, labels, head.title) or (
            head.title and _signed_card_under(lines, title_at, first_prose, is_prose)):
        head.listing = True
        head.title = ""
        head.doubts["title"] = "the running text reads as a stream of teasers: the page lists articles"
        return head

    # The byline: the first one after the headline; names that disagree make no reading.
    after = [(i, names) for i, names in bylines if names and (title_at is None or i > title_at)]
    before = [(i, names) for i, names in bylines if names and title_at is not None and i < title_at]
    chosen = after[0][1] if after else (before[0][1] if len(before) == 1 else [])
    head.authors = chosen
    # A first-person column titled with its writer's name: "NAME: headline" ("Dan Walls: Drug prices
    # and a new, different school year", "John Giles: Corruption has always been a part of the game we
    # love"). Two signals beside the headline's shape: the text speaks in the first person singular
    # (or the name opens with a learned given name), and it never names the person (a piece about someone, "Pep Guardiola: Manchester City boss
    # thanks fans", names its subject again and again).
    if not head.authors and head.title and not head.listing:
        column = re.match(r"^(?P<name>[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,2}):\s+(?P<rest>\S.*)$", head.title)
        if column and looks_like_person(column.group("name")) and not ROLE_WORDS.search(column.group("name")) \
                and len(words(column.group("rest"))) >= 4:
            running = " ".join(" ".join(t.split()) for t in lines[first_prose:first_prose + 12])
            surname = column.group("name").split()[-1]
            first_person = re.findall(r"(?<![\w'’])(?:I|I'm|I’m|I've|I’ve|I'd|I’d|my|me)(?![\w'’])", running)
            # (or, instead of the first person, a name that opens with a learned given name: see .given_names)
            if (len(first_person) >= 2 or given_name_first(column.group("name"))) \
                    and not re.search(r"\b" + re.escape(surname) + r"\b", running):
                head.authors = [clean_name(column.group("name"))]

    # The date: only from a line that says what it dates ("Published ...", "Updated ...") or stands
    # by the headline's line (up to four lines under it, two above; the line the layout reads as the
    # headline, even when it lacked the evidence to be kept, if it is about the text) or the byline (two
    # lines either side); a date alone at the top of the page (a
    # site's clock, an archive's label) dates nothing we know. "published" beats "updated"; two
    # different dates make no reading.
    # the line right above the running text, when it is a date, dates it (a site's clock stands
    # above its menus, not on the text)
    lead_in = next((j for j in range(first_prose - 1, -1, -1) if lines[j].strip()), None) if first_prose < n else None
    # A month without its day above the headline labels an archive or an issue, not the article.
    near = [d for d in dates if d[2] != "plain" or any(0 <= d[0] - i <= 4 or (
        0 <= i - d[0] <= 2 and d[1][1] == "day") for i in (
        [title_at] if title_at is not None and (head.title or "about" in found) else [])) or any(abs(d[0] - i) <= 2 for i, names in bylines if names)
        or (title_at is not None and 0 < d[0] - title_at <= 2 and found & {"signed", "opens"}
            and not found & {"part-of-line", "below-another"})
        or d[0] == lead_in]
    read_both_ways = "both ways" in head.doubts.get("date", "")  # an ambiguous numeric date on the page
    if dates and not near:
        head.doubts["date"] = "a date stands on the page, but neither by a headline nor by a byline"
    head.date = _choose_date(head, near)
    # The page's one date over its text: where no date stands by the headline or a byline, a
    # day-precise date line at most five lines above the first paragraph, the only date the head
    # carries, dates the text ("Monday 11th of December 2023" / headline / text; "Magazine October
    # 19, 2009, Issue" / headline / caption / text). Two signals: the line's date shape and its place
    # just over the running text, with no page furniture ("Advertisement", a menu) between them; a
    # site's clock stands at the top of its menus, adverts and teasers.
    if dates and not near and head.date is None and not read_both_ways:
        values = {d[1] for d in dates}
        at = max(d[0] for d in dates)
        between = [" ".join(lines[j].split()) for j in range(at + 1, first_prose) if lines[j].strip()]
        raw = list(raw_head or [])
        stamp = " ".join(lines[at].split())
        if stamp in raw:  # (the page's furniture was taken out of ``lines``: look at it as printed)
            between += raw[raw.index(stamp) + 1:]
        if len(values) == 1 and next(iter(values))[1] == "day" and at < first_prose and first_prose - at <= 5 \
                and not any(d[0] >= first_prose for d in dates) \
                and not any(is_boilerplate(t, extra_boilerplate) or FURNITURE.match(t) for t in between):
            head.date = values.pop()
            head.doubts.pop("date", None)

    # A page title that prints the kept headline again with a name after a bar ("Sour Notes Off the
    # Court for Pickleball | Pickler Pickleball", above the text or under it) names the site: a page
    # title is "headline | site".
    if head.title and not any(o for _, o in outlets):
        for j in range(0, min(n, first_prose + 30)):  # (above the text, or printed again under it)
            text = " ".join(lines[j].split())
            if j == title_at or not text.startswith(head.title):
                continue
            suffix = re.fullmatch(r"\s+\|\s+(?P<name>[A-Z][\w'’&.-]*(?:\s+[\w'’&.-]+){0,4})", text[len(head.title):])
            if suffix and not is_section_word(suffix.group("name")) and not head_date(suffix.group("name")) \
                    and not (looks_like_person(suffix.group("name")) and not _common_words(suffix.group("name"), common)):
                # (a name of words the text uses in lower case is no person's: "Pickler Pickleball")
                outlets.append((j, known_outlet(suffix.group("name")) or printed_name(suffix.group("name"))))
                break
    # The outlet: the one name the head prints as its masthead, suffix or source.
    names = []
    for _, name in outlets:
        canonical = known_outlet(name) or name
        if canonical not in names:
            names.append(canonical)
    if len(names) == 1:
        head.outlet = names[0]
    elif len(names) > 1:
        head.doubts["outlet"] = "the page names several publications: " + ", ".join(names)

    head.used = {i for i, kind in kinds.items() if kind not in {"other", "tagline", "headline"}} | (
        {title_at} if title_at is not None else set())
    return head


def _bio_of_writer(text, at, lines, first_prose):
    """The writer a short bio line names at the top of the text ("Joshua Lee is a senior fellow at the
    Institute."): one or two sentences, the role right after "is", and a person the running text
    does not speak of again (a piece names its own writer once, in its bio; a person it reports on,
    "Shannon Smith is the executive director of ...", comes back as "Smith said")."""
    text = re.sub(r"^\((.*)\)\.?$", r"\1", text.strip())  # (a bio printed in parentheses)
    if len(words(text)) > 45 or len(re.findall(r"[.!?](?:\s|$)", text)) > 2:
        return ""
    bio = _BIO_LINE.match(text)
    # (the name is matched without the pattern's case folding: capitalised words only)
    if not bio or not re.fullmatch(r"[A-Z][\w'’.\-]+(?:\s+[A-Z][\w'’.\-]+){1,3}", bio.group("name")):
        return ""
    name = clean_name(bio.group("name"))
    if not looks_like_person(name) or ROLE_WORDS.search(name):
        return ""
    family = name.split()[-1]
    others = " ".join(" ".join(t.split()) for j, t in enumerate(lines[first_prose:first_prose + 12], first_prose) if j != at)
    if re.search(rf"(?<![\w-]){re.escape(family)}(?![\w-])", others):
        return ""
    return name


def _signed_card_under(lines, title_at, first_prose, is_prose):
    """Whether the headline's one paragraph is followed by another heading with its own byline
    ("Magazine Reviews" / "Find literary magazine reviews on ..." / "Service Workers’ Words" /
    "Magazine Review by Katy Haas"): the first heading is a section's label over its blurb, and the
    page lists signed items. An article's sections carry no byline of their own."""
    if title_at is None or title_at >= first_prose or first_prose >= len(lines):
        return False
    if len(words(lines[first_prose])) > 60:
        return False  # a blurb is short; an article's first paragraph may run long ("Author: NAME" at its foot)
    after = [" ".join(t.split()) for t in lines[first_prose + 1:first_prose + 6] if t.strip()][:2]
    if len(after) < 2 or is_prose(after[0]) or not headline_shape(after[0]) or len(words(after[0])) < 2 \
            or ROLE_WORDS.search(after[0]) or looks_like_person(after[0]) or is_caption(after[0]) \
            or re.search(r"[()\[\]]", after[0]):
        return False  # (a role, a name or a caption over the byline belongs to the article's own byline;
        # a link's label, "Full text version (PDF)", heads nothing)
    # the card's byline: "By NAME" or its type and "by NAME" ("Magazine Review by Katy Haas"), names only
    by = re.match(r"^(?:[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,2}\s+)?[Bb]y\s+(?P<names>[^,;:]+)$", after[1])
    return bool(by) and bool(split_byline(by.group("names"))) and all(
        looks_like_person(n) for n in split_byline(by.group("names")))


def _paper_name(text):
    """A publication's name as a credit prints it: a known outlet, or a short title-case name with a
    publication's word ("Naples Daily News", "NYTimes Opinion")."""
    text = " ".join(text.split())
    ws = words(text)
    if not 1 <= len(ws) <= 5 or re.search(r"[\d.!?:,;|]", text):
        return False
    return bool(known_outlet(text, strict=True)) or (
        all(w[:1].isupper() for w in ws) and bool(re.search(
            r"\b(?:times|post|news|daily|herald|gazette|tribune|journal|observer|chronicle|courier|"
            r"inquirer|telegraph|guardian|independent|opinion|review|magazine|press|star|sun|today)\b", text, re.I)))


def _credit_or_name(text):
    """A line that names people or a publisher rather than an article: several persons ("A, B and
    C"), a person and a credit ("Dr. NAME, 2022 in Politico"), an organisation's name in title case
    ("Naples Daily News")."""
    pieces = [p for p in re.split(r"\s*(?:,|;|&|\band\b)\s*", text) if p.strip()]
    if split_byline(text) and len(split_byline(text)) == len(pieces):
        return True
    if "," in text and looks_like_person(clean_name(text.split(",")[0])):
        return True
    return bool(known_outlet(text) or (ORG_WORDS.search(text) and _title_case(text) and len(words(text)) <= 6))


def _common_words(text, common):
    """Whether half or more of a line's longer words are words the running text uses in lower case
    ("Union Strikes" over a text about a union, "Policy Considerations"): a heading in title case,
    not a person's name, whose words the text would print capitalised."""
    parts = [p.casefold() for p in re.findall(r"[^\W\d_]+", text) if len(p) >= 4]
    return bool(parts) and sum(1 for p in parts if p[:5] in common) * 2 >= len(parts)


def _heading_not_name(name):
    """A heading in a name's shape: its last word one that pages print in lower case and its first word
    no learned given name ("Questionnaire Responses", the tail of "May 2025 Primary - Questionnaire
    Responses"); "Ann Lee" and "Ryo Hinata-Yamaguchi" pass."""
    parts = " ".join(name.split()).split()
    return len(parts) >= 2 and parts[-1].casefold().strip(".,") in lower_words() and not is_given_name(parts[0])


def given_name_first(name):
    """Whether a name line of two to four words opens with a learned given name (see .given_names)
    and is not made of common words: a second signal that a bare capitalised line names a person."""
    parts = " ".join(name.split()).split()
    return 2 <= len(parts) <= 4 and is_given_name(parts[0]) and not all_common(" ".join(parts))


def _name_supported(name, at, lines, kinds):
    """Whether a bare name line under the headline has support beyond its place: its role on the
    next line, a date or another byline beside it, or the page printing the name again (a closing
    bio, a "Ms Lee said"). A bare capitalised pair of words under a headline is as often a label
    ("Satisfactory Essays", "Recent Posts") as a signature, and a wrong author passes as known."""
    nxt = " ".join(lines[at + 1].split()) if at + 1 < len(lines) else ""
    if ROLE_WORDS.search(nxt) or any(kinds.get(j) in {"date", "byline", "person"} for j in (at - 1, at + 1)):
        return True
    # its place on the next line, right over the running text, as a contributor's card prints it ("Altaf
    # Moti" / "Pakistan"): one or two capitalised words, no section's word, no common words
    after = next((j for j in range(at + 2, len(lines)) if lines[j].strip()), None)
    if re.fullmatch(r"[A-Z][a-z]+(?: [A-Z][a-z]+)?", nxt) and not is_section_word(nxt) and not any(w.casefold() in lower_words() for w in nxt.split()) \
            and after is not None and is_paragraph(" ".join(lines[after].split()), lambda t: len(t.split()) >= 20):
        return True
    # its first word a given name the annotated corpora print in persons' names in two outlets or more
    # ("Laura Southgate"; never "English Politik", "Recent Posts")
    if given_name_first(name):
        return True
    family = name.split()[-1] if name.split() else ""
    if len(family) < 2:
        return False
    elsewhere = "\n".join(t for j, t in enumerate(lines) if j != at)
    return bool(re.search(rf"(?<![\w-]){re.escape(family)}(?![\w-])", elsewhere))


_WEATHER = re.compile(r"(?:^|\s)-?\d{1,3}(?:\.\d)?\s*°?\s*[FC](?:\s|$)|\d\s*°")


def _beside_weather(lines, i):
    """Whether the line at ``i`` stands beside a weather reading ("72.3 F" above "Thursday,
    September 29, 2022"): the masthead's strip of today's weather and date, the site's clock."""
    near = [" ".join(lines[j].split()) for j in (i - 1, i + 1) if 0 <= j < len(lines)]
    near += [" ".join(lines[j].split()) for j in (i - 2, i + 2) if 0 <= j < len(lines) and not lines[(i + j) // 2].strip()]
    return any(t and len(words(t)) <= 4 and _WEATHER.search(t) for t in near) or bool(_WEATHER.search(lines[i]))


def _starts_with_date(text):
    found = head_date(text.split("  ")[0][:40])
    return bool(found and found.value)


def _title_case(text):
    content = [w for w in words(text) if w.casefold().strip("“”\"‘’'(") not in _FUNCTION_WORDS and w[:1].isalpha()]
    return bool(content) and sum(w[0].isupper() for w in content) * 10 >= len(content) * 6


_SEPARATED = re.compile(r"\s[|»>–—-]\s|\s-\w|:\w|>\s*\w|^Home\s")  # (a breadcrumb glued: "Home OP-ED TITLE")
_KEY_QUOTES = str.maketrans({"′": "'", "’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-"})


def _key(text):
    return " ".join(re.sub(r"[^\w\s]", " ", text.translate(_KEY_QUOTES).casefold()).split())


def _choose_title(head, lines, kinds, titles, outlets_found):
    """The headline among the head's candidate lines, or "" with a doubt."""
    counts, candidates, seen = {}, [], set()
    keys = [_key(_strip_title(t, outlets_found)[0]) for _, t, _ in titles]
    common = {w[:5] for t in lines[head.end:] for w in re.findall(r"(?<![\w'’-])[a-z]{4,}", t)}
    # The same headline twice: with a site name or menu words around it (a page-title line,
    # dropped), or cut short (an image's alternative text, dropped). A page-title line never
    # makes its own clean headline count as cut short.
    wrapped = {key for (_, text, _), key in zip(titles, keys)
               if any(other != key and len(other) >= 12 and other in key for other in keys) and _SEPARATED.search(text)}
    # ... or with a menu's or a section's word glued to its start ("EditorialTHEWILL Editorial: TITLE" over
    # "THEWILL Editorial: TITLE"): the line printed again with no space at the joint
    texts = [" ".join(t.split()) for _, t, _ in titles]
    wrapped |= {key for text, key in zip(texts, keys)
                if any(len(other) >= 12 and text.endswith(other) and len(text) > len(other)
                       and text[-len(other) - 1].isalpha() and other[:1].isupper() for other in texts)}
    for (i, text, how), key in zip(titles, keys):
        clean, _ = _strip_title(text, outlets_found)
        if key in wrapped:
            continue
        if any(other != key and other not in wrapped and len(key) >= 12 and key in other for other in keys) \
                and not _SEPARATED.search(text):
            continue
        counts[key] = counts.get(key, 0) + 1
        if key in seen:
            continue
        seen.add(key)
        if known_outlet(clean, strict=True) or is_section_word(clean) or (
                surely_person(clean) and how != "above-byline" and not _common_words(clean, common)):
            continue
        if len(words(clean)) > 16 and not _title_case(clean) and how not in ("breadcrumb", "opener"):
            continue  # a standfirst in sentence case, not a headline
        candidates.append((i, text, clean, how, key))
    counts = {c[4]: sum(1 for k in keys if k == c[4] or (c[4] in k and len(c[4]) >= 12)) for c in candidates}
    if not candidates:
        if any(kind == "person" for kind in kinds.values()) and not head.doubts.get("title"):
            head.doubts["title"] = "the only heading is a person's name"
        return ""
    if len(candidates) == 1:
        return candidates[0][1]
    repeated = [c for c in candidates if counts[c[4]] > 1]
    if len(repeated) == 1:
        return repeated[0][1]
    labelled = [c for c in candidates if c[2] != " ".join(c[1].split()) and LABEL_PREFIX.match(" ".join(c[1].split()))]
    if len(labelled) == 1:
        return labelled[0][1]
    # A short line (a section, a masthead, a series name) beside a full headline.
    long_ones = [c for c in candidates if len(words(c[2])) >= 5]
    if len(long_ones) == 1:
        # ... unless the long one is two sentences right under a short headline ("Angela's clashes" over
        # "Cracks widen in the German coalition. But it is unlikely to fall yet"): a headline then its
        # standfirst, or a rubric then its headline; the layout cannot tell which, so nothing is taken
        long = long_ones[0]
        above = next((c for c in reversed(candidates) if c[0] < long[0]), None)
        if above is not None and re.search(r"[a-z]{2}[.!?]\s+[A-Z]", long[2]) and all(
                kinds.get(j) in {"furniture", "caption", None} for j in range(int(above[0]) + 1, int(long[0]))):
            head.doubts["title"] = ("a short headline stands over a line of two sentences (its standfirst, or "
                                    f"the headline under a rubric): {above[2]!r} / {long[2]!r}")
            return ""
        return long[1]
    if long_ones:
        candidates = long_ones
    # The one candidate with its byline or author's name right below it is the article's
    # headline; a site notice in a sentence above it is not.
    def signed_below(at):
        below = [kinds.get(j) for j in range(int(at) + 1, int(at) + 4) if kinds.get(j) not in {"furniture", "caption"}]
        return bool(below) and below[0] in {"byline", "person"}

    signed = [c for c in candidates if signed_below(c[0])]
    if len(signed) == 1 and signed[0] is not candidates[0] and all(
            c[2].endswith(".") for c in candidates if c[0] < signed[0][0]):
        return signed[0][1]  # the lines above it are sentences: a notice, not a headline
    # A headline then its standfirst: the first of two candidates with nothing between them.
    first, second = candidates[0], candidates[1]
    between = [kinds.get(j) for j in range(int(first[0]) + 1, int(second[0]))]
    if all(k in {"furniture", "caption", None} for k in between) and (
            second[2].endswith((".", "?")) or len(words(second[2])) > len(words(first[2]))
            or len(words(first[2])) >= 6):
        return first[1]
    # A headline line followed by a date or byline is the article's; one above it is a label.
    # (the date or byline under its own line, before the next candidate: one further down dates that one)
    starts = sorted(int(c[0]) for c in candidates)
    def stop(at):
        return min([x for x in starts if x > at] + [int(at) + 4])
    anchored = [c for c in candidates if any(kinds.get(j) in {"date", "byline"} for j in range(int(c[0]) + 1, stop(c[0])))]
    if len(anchored) == 1:
        return anchored[0][1]
    head.doubts["title"] = "several lines could be the headline: " + " / ".join(c[2] for c in candidates[:3])
    return ""


def _choose_date(head, dates):
    if not dates:
        return None
    for role in ("published", "plain", "print", "updated"):
        values = {d[1] for d in dates if d[2] == role}
        if len(values) == 1:
            others = {d[1] for d in dates if d[2] in ("published", "plain")} - values
            if role in ("published",) or not others:
                return values.pop()
        if len(values) > 1:
            head.doubts["date"] = "the head carries several dates: " + ", ".join(sorted(str(v[0]) for v in values))
            return None
    return None
