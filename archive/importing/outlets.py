"""Publication names the importer recognises on a page: mastheads, site-name suffixes, wires.

The list is of widely read English-language outlets (wires, newspapers, magazines, think
tanks) and the names they print on their pages. It is used to *recognise* a name a page
states, never to guess one: a line or title suffix that equals one of these names is the
publication, not a headline. An outlet profile's own name is added by the profile.
"""
import re
import unicodedata

# Canonical name -> other spellings a page prints (case and a leading "The" are ignored).
OUTLETS = {
    # Wires and agencies
    "Reuters": ["Thomson Reuters"], "Associated Press": ["AP"], "AFP": ["Agence France-Presse"],
    "Bloomberg": [], "Xinhua": ["Xinhua News Agency"], "Kyodo News": ["Kyodo"], "Yonhap": ["Yonhap News"],
    "Bernama": [], "PTI": ["Press Trust of India"], "IANS": [], "ANI": [], "TASS": [], "RIA Novosti": [],
    "Anadolu Agency": [], "Antara": [], "dpa": [], "EFE": [], "UPI": [], "IRNA": [], "Newser": [],
    # Asia-Pacific newspapers and magazines
    "The Straits Times": ["Straits Times", "ST"], "The Business Times": [], "TODAY": ["TODAYonline"],
    "CNA": ["Channel NewsAsia"], "South China Morning Post": ["SCMP"], "China Daily": ["chinadaily.com.cn"],
    "Global Times": [], "Caixin": ["Caixin Global"], "The Standard": [], "Hong Kong Free Press": ["HKFP"],
    "Taipei Times": [], "Focus Taiwan": [], "The Japan Times": ["Japan Times"], "Nikkei Asia": ["Nikkei Asian Review"],
    "The Asahi Shimbun": ["Asahi Shimbun"], "The Mainichi": [], "The Yomiuri Shimbun": ["Japan News"],
    "The Korea Herald": ["Korea Herald"], "The Korea Times": ["Korea Times"], "JoongAng Daily": [],
    "The Jakarta Post": ["Jakarta Post", "TheJakartaPost"], "Jakarta Globe": [], "Tempo": [],
    "The Star": [], "New Straits Times": [], "Malaysiakini": [], "Free Malaysia Today": [], "The Edge": [],
    "Bangkok Post": [], "The Nation": [], "Khmer Times": [], "VnExpress": [], "Vietnam News": [],
    "Philippine Daily Inquirer": ["Inquirer"], "Rappler": [], "The Philippine Star": ["Philstar"],
    "BusinessWorld": ["Business World"], "The Irrawaddy": [], "Frontier Myanmar": [],
    "The Hindu": [], "The Hindu BusinessLine": ["BusinessLine"], "Hindustan Times": [], "The Indian Express": [],
    "The Times of India": ["Times of India"], "India Today": [], "The Economic Times": [], "Mint": ["Livemint"],
    "The Print": ["ThePrint"], "Scroll": ["Scroll.in"], "The Wire": [], "Deccan Herald": [],
    "Dawn": [], "The Express Tribune": [], "The News International": ["The News"], "Business Recorder": [],
    "Daily Times": [], "The Daily Star": [], "Dhaka Tribune": [], "Kathmandu Post": [],
    "The Sydney Morning Herald": ["Sydney Morning Herald"], "The Age": [], "The Australian": [],
    "Australian Financial Review": ["AFR", "The Australian Financial Review"], "ABC News": [],
    "The Interpreter": [], "Lowy Institute": [], "East Asia Forum": [], "The Diplomat": [], "Asia Times": [],
    "Asia Sentinel": [], "ASPI": ["The Strategist", "Australian Strategic Policy Institute"],
    "RNZ": ["Radio New Zealand"], "Stuff": [], "The New Zealand Herald": ["NZ Herald"],
    "Arab News": [], "Al Jazeera": [], "Al Arabiya": [], "Gulf News": [], "The National": [], "Al-Monitor": [],
    "Haaretz": [], "The Times of Israel": [], "The Jerusalem Post": [], "Tehran Times": [], "Iran Daily": [],
    # Americas, Europe, Africa
    "The New York Times": ["New York Times", "NYT"], "The Washington Post": ["Washington Post"],
    "The Wall Street Journal": ["Wall Street Journal", "WSJ"], "Los Angeles Times": [], "USA Today": [],
    "CNN": [], "CNBC": [], "NBC News": [], "CBS News": [], "Fox News": [], "NPR": [], "Politico": [],
    "Axios": [], "The Hill": [], "Vox": [], "Slate": [], "Salon": [], "The Atlantic": [], "The New Yorker": [],
    "The New Republic": [], "The Nation (US)": [], "National Review": [], "The Daily Beast": [], "Time": [],
    "Newsweek": [], "Forbes": [], "Fortune": [], "Business Insider": [], "The Week": ["The Week (US)", "The Week UK"],
    "Foreign Policy": [], "Foreign Affairs": [], "The National Interest": [], "War on the Rocks": [],
    "Project Syndicate": [], "The Conversation": [], "Just Security": [], "Lawfare": [], "Semafor": [],
    "The Globe and Mail": ["Globe and Mail"], "National Post": [], "Toronto Star": [], "CBC": ["CBC News"],
    "CTV News": [], "Buenos Aires Times": [], "MercoPress": [], "Jamaica Gleaner": ["The Gleaner"],
    "The Guardian": ["Guardian"], "The Times": [], "The Sunday Times": [], "The Telegraph": ["Daily Telegraph"],
    "The Independent": ["Independent"], "Financial Times": ["FT"], "The Economist": [], "The Spectator": [],
    "New Statesman": [], "BBC": ["BBC News"], "Sky News": [], "Daily Mail": [], "Metro": [], "The Irish Times": [],
    "Deutsche Welle": ["DW"], "Der Spiegel": ["Spiegel", "DER SPIEGEL"], "Le Monde": [], "France 24": [],
    "Euronews": [], "Politico Europe": [], "EUobserver": [], "Euractiv": [], "The Local": [],
    "Daily Maverick": [], "Mail & Guardian": [], "News24": [], "BusinessLIVE": ["Business Day"],
    "The East African": [], "Nation": [], "Premium Times": [], "The Guardian Nigeria": [], "allAfrica": [],
    # Think tanks and institutes that publish commentary
    "Brookings": ["Brookings Institution"], "CSIS": ["Center for Strategic and International Studies"],
    "Carnegie Endowment for International Peace": ["Carnegie Endowment", "Carnegie"],
    "Council on Foreign Relations": ["CFR"], "Chatham House": [], "RAND": ["RAND Corporation"],
    "Atlantic Council": [], "Stimson Center": [], "Wilson Center": [], "Hudson Institute": [],
    "Heritage Foundation": [], "Cato Institute": [], "AEI": ["American Enterprise Institute"],
    "CNAS": ["Center for a New American Security"], "RUSI": ["Royal United Services Institute"],
    "IISS": [], "ECFR": ["European Council on Foreign Relations"], "Bruegel": [], "ORF": ["Observer Research Foundation"],
    "ISEAS": ["ISEAS-Yusof Ishak Institute", "Fulcrum"], "RSIS": ["S. Rajaratnam School of International Studies"],
    "East-West Center": [], "Peterson Institute for International Economics": ["PIIE"],
    "Centre for European Reform": [], "ChinaFile": [], "China-US Focus": [], "Small Wars Journal": [],
}

_QUOTES = str.maketrans({"’": "'", "‘": "'", "–": "-", "—": "-"})


def _key(name):
    text = unicodedata.normalize("NFKC", name).translate(_QUOTES).casefold().strip(" .,:;|-")
    text = re.sub(r"\s+", " ", text)
    return text[4:] if text.startswith("the ") else text


_INDEX = {}
for _canonical, _aliases in OUTLETS.items():
    for _name in [_canonical, *_aliases]:
        _INDEX.setdefault(_key(_name), _canonical)
# Short aliases that are also ordinary words or initials stand for an outlet only where
# a page prints them as a masthead or a title suffix, never inside a sentence.
_AMBIGUOUS = {_key(n) for n in ("ST", "AP", "FT", "Time", "Mint", "Stuff", "Nation", "The Star", "The Edge", "Metro",
                                 "The News", "The Standard", "The Wire", "The Print", "The Times", "Guardian",
                                 "Independent", "The Week", "Tempo", "Scroll", "Carnegie")}


def known_outlet(text, *, strict=False):
    """The canonical name when ``text`` is (only) a known outlet's name, else ``""``.

    ``strict`` refuses the short aliases that are also ordinary words ("Time", "Stuff").
    """
    key = _key(text)
    if not key or (strict and key in _AMBIGUOUS):
        return ""
    return _INDEX.get(key, "")


def printed_name(text):
    """The outlet's name as the page prints it (without a trailing edition or domain noise)."""
    return " ".join(text.split()).strip(" .,:;|-")
