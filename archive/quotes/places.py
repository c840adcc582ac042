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

# The adjective → the place it names (CLDR carries no demonyms), written out: English demonyms
# follow no rule reliable enough to derive them.
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
    "slovak": "slovakia", "icelandic": "iceland", "kiwi": "new zealand",
    "malagasy": "madagascar", "burmese": "myanmar", "lao": "laos", "laotian": "laos", "khmer": "cambodia",
    "korean": "south korea", "north korean": "north korea", "south korean": "south korea", "taiwanese": "taiwan",
    "european": "europe", "african": "africa", "asian": "asia", "soviet": "russia", "ukrainian": "ukraine", "russian": "russia", "japanese": "japan",
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
           "burma": "myanmar", "turkiye": "turkey", "türkiye": "turkey"}
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


@lru_cache(maxsize=4096)
def places_in(text):
    """The places a description names, by name or demonym, one or two words at a time
    ("the South Korean foreign minister" → {"south korea"}). "us" counts only as written "US"
    or "U.S." (else it is the pronoun)."""
    tokens = _WORD_RE.findall(text or "")
    words = [t.lower().rstrip(".,;:").removesuffix("’s").removesuffix("'s") for t in tokens]
    places = _places()
    found, i = set(), 0
    while i < len(words):
        two = " ".join(words[i:i + 2]) if i + 1 < len(words) else ""
        hit = DEMONYMS.get(two) or places.get(two)
        if hit:
            found.add(hit)
            i += 2
            continue
        if words[i] != "us" or tokens[i].startswith(("US", "U.S.")):
            hit = DEMONYMS.get(words[i]) or places.get(words[i])
            if hit:
                found.add(hit)
        i += 1
    return frozenset(found)


def same_place(word, text):
    """Whether a demonym or place name ("Spanish") names a place ``text`` names too ("Spain’s prime
    minister")."""
    place = place_of(word)
    return place is not None and place in places_in(text)
