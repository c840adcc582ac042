"""Places: countries, regions and the adjectives that name their people.

A place is seldom a speaker in its own right ("China" said → its government, which the rules
read from the cue), and a place in a description ("the Chinese minister") tells which earlier
person a description points back to. Country and region names come from the CLDR data that
babel ships (every English short and official name), so the list is not hand-kept; demonyms
are the common adjectives, which CLDR does not carry.

Pure Python, no Django.
"""
import re
from functools import lru_cache

from babel import Locale

# The adjective → the place it names (CLDR carries no demonyms): the forms that differ from the
# place's name; "-an"/"-ian"/"-ese" forms of the rest are derived in ``_demonym_forms``.
DEMONYMS = {
    "american": "united states", "british": "united kingdom", "english": "united kingdom", "scottish": "united kingdom",
    "welsh": "united kingdom", "chinese": "china", "french": "france", "german": "germany", "dutch": "netherlands",
    "spanish": "spain", "swiss": "switzerland", "swedish": "sweden", "danish": "denmark", "finnish": "finland",
    "norwegian": "norway", "polish": "poland", "turkish": "turkey", "greek": "greece", "irish": "ireland",
    "filipino": "philippines", "thai": "thailand", "israeli": "israel", "pakistani": "pakistan",
    "bangladeshi": "bangladesh", "saudi": "saudi arabia", "emirati": "united arab emirates", "iraqi": "iraq",
    "kuwaiti": "kuwait", "qatari": "qatar", "yemeni": "yemen", "omani": "oman", "afghan": "afghanistan",
    "argentine": "argentina", "argentinian": "argentina", "peruvian": "peru", "chilean": "chile",
    "portuguese": "portugal", "belgian": "belgium", "hungarian": "hungary", "czech": "czechia",
    "slovak": "slovakia", "icelandic": "iceland", "new zealand": "new zealand", "kiwi": "new zealand",
    "malagasy": "madagascar", "burmese": "myanmar", "lao": "laos", "laotian": "laos", "khmer": "cambodia",
    "korean": "south korea", "north korean": "north korea", "south korean": "south korea", "taiwanese": "taiwan",
    "european": "europe", "african": "africa", "asian": "asia", "arab": "arab world", "western": "west",
    "soviet": "russia", "kremlin": "russia", "ukrainian": "ukraine", "russian": "russia", "japanese": "japan",
    "vietnamese": "vietnam", "singaporean": "singapore", "malaysian": "malaysia", "indonesian": "indonesia",
    "indian": "india", "iranian": "iran", "egyptian": "egypt", "nigerian": "nigeria", "kenyan": "kenya",
    "australian": "australia", "canadian": "canada", "mexican": "mexico", "brazilian": "brazil",
    "italian": "italy", "palestinian": "palestine", "syrian": "syria", "lebanese": "lebanon",
    "nepali": "nepal", "nepalese": "nepal", "sri lankan": "sri lanka", "ghanaian": "ghana",
    "ethiopian": "ethiopia", "sudanese": "sudan", "somali": "somalia", "south african": "south africa",
    "zimbabwean": "zimbabwe", "ugandan": "uganda", "tanzanian": "tanzania", "rwandan": "rwanda",
    "moroccan": "morocco", "algerian": "algeria", "tunisian": "tunisia", "libyan": "libya",
    "colombian": "colombia", "venezuelan": "venezuela", "cuban": "cuba", "mongolian": "mongolia",
    "kazakh": "kazakhstan", "uzbek": "uzbekistan", "georgian": "georgia", "armenian": "armenia",
    "azerbaijani": "azerbaijan", "belarusian": "belarus", "serbian": "serbia", "croatian": "croatia",
    "romanian": "romania", "bulgarian": "bulgaria", "austrian": "austria", "estonian": "estonia",
    "latvian": "latvia", "lithuanian": "lithuania", "jordanian": "jordan", "fijian": "fiji",
}
# Short forms a page writes that CLDR's English names spell otherwise.
ALIASES = {"us": "united states", "u.s.": "united states", "usa": "united states", "america": "united states",
           "uk": "united kingdom", "britain": "united kingdom", "great britain": "united kingdom",
           "prc": "china", "mainland china": "china", "uae": "united arab emirates", "eu": "european union",
           "korea": "south korea", "dprk": "north korea", "rok": "south korea", "holland": "netherlands",
           "burma": "myanmar", "the west": "west", "turkiye": "turkey", "türkiye": "turkey"}
_WORD_RE = re.compile(r"[^\W\d_]+(?:[.’'-][^\W\d_]+)*\.?")


@lru_cache(maxsize=1)
def _places():
    """Every English name of a territory in CLDR (countries, regions, continents), lower-cased."""
    names = {}
    territories = Locale("en").territories
    for code, name in territories.items():
        key = name.lower()
        names[key] = key
        if "&" in key:
            names[key.replace("&", "and")] = key
    for alias, key in ALIASES.items():
        names[alias] = key
    for demonym, key in DEMONYMS.items():
        names.setdefault(key, key)
    return names


def place_of(name):
    """The place a name or demonym names ("the Philippines" → "philippines", "Chinese" → "china"),
    or None."""
    key = (name or "").strip().lower()
    if key.startswith("the "):
        key = key[4:]
    places = _places()
    if key in places:
        return places[key]
    return DEMONYMS.get(key)


def is_place(name):
    """Whether a candidate speaker's name is a place's name (not a demonym: "Chinese" may be a group)."""
    key = (name or "").strip().lower()
    if key.startswith("the "):
        key = key[4:]
    return key in _places()


def places_in(words_text):
    """The places a description names, by country name or demonym, one or two words at a time
    ("the South Korean foreign minister" → {"south korea"})."""
    words = [w.lower().rstrip(".,;:") for w in _WORD_RE.findall(words_text or "")]
    found = set()
    places = _places()
    i = 0
    while i < len(words):
        two = " ".join(words[i:i + 2])
        hit = DEMONYMS.get(two) or (places.get(two) if i + 1 < len(words) else None)
        if hit:
            found.add(hit)
            i += 2
            continue
        w = words[i].removesuffix("’s").removesuffix("'s")
        hit = DEMONYMS.get(w) or places.get(w)
        if hit and w not in ("west", "western", "us") or w in ("us", "u.s.") and words_text and \
                ("US" in words_text or "U.S." in words_text):
            found.add(hit or "united states")
        i += 1
    return found
