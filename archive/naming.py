"""Personal-name handling for the name authority: splitting and normalising.

Pure Python (no Django), so it is fast to test and shared by the importer,
the quote engine's archive glue and the citation formats.
"""
import re
import unicodedata

from nameparser import HumanName

# Common Chinese family names in pinyin. A two-part name whose first part is one of
# these and whose second part is a pinyin given name is written family-name first
# ("Qi Dapeng", "Liang Wenfeng"). Source: the most frequent surnames of mainland China.
CHINESE_FAMILY_NAMES = frozenset("""
wang li zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he gao lin luo
zheng liang xie song tang han feng deng cao peng zeng xiao tian dong yuan pan cai
jiang yu du ye cheng wei su lu ding ren shen yao jin fu zhong tan qiu hou xiong
meng qin bai jia yan xue lei long duan hao kong shao shi mao wan gu lai kang qian
qi niu hong mo bi fan fang dai xiang nie qiao yin ou geng an chang yi zou ji bao
zuo cui shan mei tao qu wen yue xin cong chu jing ning
""".split())

_PINYIN_SYLLABLE = re.compile(
    r"(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
    r"(?:iang|iong|uang|ang|eng|ing|ong|ian|iao|uai|uan|ai|ao|an|ei|en|er|ia|ie|in|iu|"
    r"ou|ua|ue|ui|un|uo|a|e|i|o|u|v|ü)(?:n|ng)?",
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


def is_family_name_first(name):
    """Whether a two-part name is most likely written family name first (Chinese order)."""
    parts = name.split()
    return (
        len(parts) == 2
        and parts[0].lower() in CHINESE_FAMILY_NAMES
        and _is_pinyin_word(parts[1])
        and len(parts[1]) > 2
    )


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
    >>> split_name("Ursula von der Leyen")
    ('von der Leyen', 'Ursula')
    """
    name = strip_titles(" ".join(name.split()))
    if not name:
        return "", ""
    if is_family_name_first(name):
        family, given = name.split()
        return family, given
    parsed = HumanName(name)
    family = parsed.last
    given = " ".join(part for part in (parsed.first, parsed.middle) if part)
    if not family:
        return name, ""
    return family, given


def strip_accents(text):
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def normalize_name(name):
    """A key for matching names: case, accents, punctuation and spacing folded."""
    text = strip_accents(name).casefold()
    text = re.sub(r"[^\w\s]", " ", text)
    return " ".join(text.split())
