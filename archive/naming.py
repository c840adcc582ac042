"""Personal-name handling for the name authority: splitting and normalising.

Pure Python (no Django), so it is fast to test and shared by the importer,
the quote engine's archive glue and the citation formats.
"""
import re
import unicodedata

from nameparser import HumanName

# Common Chinese family names in pinyin, roughly by frequency (the most frequent surnames
# of mainland China, then others often met in commentaries: Xi, Liao, Xia, ...).
# A name whose first part is one of these and whose other parts look like a Chinese
# given name is written family name first ("Qi Dapeng", "Xi Jinping").
_PINYIN_FAMILY_NAMES = """
wang li zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he gao lin luo
zheng liang xie song tang han feng deng cao peng zeng xiao tian dong yuan pan cai
jiang yu du ye cheng wei su lu ding ren shen yao jin fu zhong tan qiu hou xiong
meng qin bai jia yan xue lei long duan hao kong shao shi mao wan gu lai kang qian
qi niu hong mo bi fan fang dai xiang nie qiao yin ou geng an chang yi zou ji bao
zuo cui shan mei tao qu wen yue xin cong chu jing ning
xi xia liao gong zhan pang tong zhai zhuang lan rao lou ni ge shu mu hua ai bian
zang gan sheng shang guan tu huo kuang ruan weng ran lian
""".split()
# The same surnames as Singapore, Malaysia, Hong Kong and Taiwan write them (Hokkien,
# Teochew, Cantonese, Wade-Giles): "Tan Mei Ling", "Lee Hsien Loong", "Ho Ching".
_ROMANISED_FAMILY_NAMES = """
tan lee lim ng wong chan goh ong teo koh chua leung cheung ho lau chow yeo tay toh
low yap yip kwok tsang tse hsu chiang chao tsai kuo hsieh ko lo loh quek foo khoo
poh yong yeoh chong choo chin liew leong siew tham chia neo sim soh seow chee chiu
chung kok fong hui kwan mok tsui tung yuen hsiao au
""".split()
PINYIN_FAMILY_NAMES = frozenset(_PINYIN_FAMILY_NAMES)
CHINESE_FAMILY_NAMES = PINYIN_FAMILY_NAMES | frozenset(_ROMANISED_FAMILY_NAMES)
# The most frequent of them, which decide an ambiguous three-part name (see
# is_family_name_first): "Tan Wei Long" is Tan's, "Mei Ling Tan" is too.
MOST_COMMON_FAMILY_NAMES = frozenset(_PINYIN_FAMILY_NAMES[:20]) | frozenset(_ROMANISED_FAMILY_NAMES[:12])

_PINYIN_SYLLABLE = re.compile(
    r"(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
    r"(?:iang|iong|uang|ang|eng|ing|ong|ian|iao|uai|uan|ai|ao|an|ei|en|er|ia|ie|in|iu|"
    r"ou|ua|ue|ui|un|uo|a|e|i|o|u|v|ü)(?:n|ng)?",
)
# One syllable as the other romanisations write it: Wade-Giles ("Hsien", "Ch'ing"),
# Cantonese and Hokkien ("Loong", "Kwok", "Hock", "Yew", "Kar"). Deliberately without the
# vowel pairs English names use ("ea", "ay", "oe"), so "Lee Dean" stays western.
_ROMANISED_SYLLABLE = re.compile(
    r"(?:ch'|chh|ch|hs|ts'|ts|tz|sz|sh|zh|sw|kh|kw|gw|ng|k'|p'|t'|[bcdfghjklmnpqrstwxyz])?"
    r"(?:aau|aai|iao|iau|ieu|uai|eow|ai|ao|ar|au|aa|ee|ei|eo|eu|ew|ia|ie|io|iu|oi|oo|ou|ua|ue|ui|uo|ü|[aeiou])"
    r"(?:ng|ck|[nmkpth])?",
)

TITLES = frozenset(
    "dr prof professor mr mrs ms mx sir dame lord lady rev hon president premier "
    "minister senator ambassador general admiral judge justice".split()
)


def _is_pinyin_word(word):
    word = word.lower().replace("-", "").replace("'", "")
    pos = 0
    while pos < len(word):
        match = _PINYIN_SYLLABLE.match(word, pos)
        if not match or match.end() == pos:
            return False
        pos = match.end()
    return bool(word)


def _is_syllable(word):
    """One capitalised Chinese syllable, in pinyin or another romanisation ("Mei", "Hsien")."""
    if not word[:1].isupper():
        return False
    word = word.lower().replace("’", "'")
    return bool(_PINYIN_SYLLABLE.fullmatch(word) or _ROMANISED_SYLLABLE.fullmatch(word))


def _is_given_name(word, pinyin):
    """A Chinese given name written as one word: pinyin ("Dapeng", only when ``pinyin``:
    after a pinyin family name), syllables joined by hyphens ("Yat-sen", "Kar-wai"), or
    one romanised syllable ("Ching")."""
    if len(word) <= 2:
        return False
    if pinyin and _is_pinyin_word(word):
        return True
    pieces = word.split("-")
    return all(_is_syllable(piece[:1].upper() + piece[1:]) for piece in pieces if piece) and all(pieces)


def is_family_name_first(name):
    """Whether a name is most likely written family name first (Chinese order).

    Two parts: a known family name, then a given name in one word ("Qi Dapeng",
    "Xi Jinping", "Ho Ching", "Sun Yat-sen"). Three parts: a known family name, then a
    given name written one syllable a part ("Tan Mei Ling", "Lee Hsien Loong"); a
    western name fails the syllable test ("Lee Harvey Oswald", "Joseph S. Nye").
    When the last part is itself a family name the order is ambiguous ("Mei Ling Tan"
    is written the western way): the first part wins only when it is one of the most
    frequent family names and the last is not.
    """
    parts = name.split()
    if len(parts) not in (2, 3) or parts[0].lower() not in CHINESE_FAMILY_NAMES:
        return False
    if len(parts) == 2:
        return _is_given_name(parts[1], pinyin=parts[0].lower() in PINYIN_FAMILY_NAMES)
    if not all(_is_syllable(part) for part in parts[1:]):
        return False
    first, last = parts[0].lower(), parts[-1].lower()
    if last in CHINESE_FAMILY_NAMES:
        return first in MOST_COMMON_FAMILY_NAMES and last not in MOST_COMMON_FAMILY_NAMES
    return True


def strip_titles(name):
    """Drop leading honorifics ("Dr", "Prof.", "President") that are not part of a name."""
    parts = name.split()
    while len(parts) > 1 and parts[0].lower().rstrip(".") in TITLES:
        parts = parts[1:]
    return " ".join(parts)


def split_name(name):
    """Guess (family, given) for a personal name. Editors correct the guesses.

    >>> split_name("Qi Dapeng")
    ('Qi', 'Dapeng')
    >>> split_name("Tan Mei Ling")
    ('Tan', 'Mei Ling')
    >>> split_name("Ursula von der Leyen")
    ('von der Leyen', 'Ursula')
    """
    name = strip_titles(" ".join(name.split()))
    if not name:
        return "", ""
    if is_family_name_first(name):
        family, *given = name.split()
        return family, " ".join(given)
    parsed = HumanName(name)
    family = parsed.last
    given = " ".join(part for part in (parsed.first, parsed.middle) if part)
    if not family:
        return name, ""
    return family, given


def strip_accents(text):
    # ASCII text has nothing to fold (NFKD leaves it as it is, and it holds no combining
    # marks); returning it as it is spares the per-character loop, which was most of a
    # search-index rebuild's Python time (6,000-character bodies).
    if text.isascii():
        return text
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def normalize_name(name):
    """A key for matching names: case, accents, punctuation and spacing folded."""
    text = strip_accents(name).casefold()
    text = re.sub(r"[^\w\s]", " ", text)
    return " ".join(text.split())
