"""Word lists the rules share: roles, group nouns, kinds of bodies, known AI systems.

Plain vocabulary of English news writing, not facts about any one text.
"""
import re

# Roles and descriptors that stand before or after a name ("Harvard AI expert Louis Tompros").
ROLES = set("""
gov sen rep amb host anchor presenter moderator interviewer panelist administrator
mp mep msp mla mlc mpp mna pm
expert researcher scientist scholar professor lecturer academic analyst economist
historian fellow director president vice chairman chairwoman chairperson chair founder
co-founder cofounder ceo cto cfo coo executive chief head leader minister secretary
spokesperson spokesman spokeswoman official officer ambassador envoy diplomat senator
congressman congresswoman representative lawmaker legislator governor mayor premier
chancellor king queen prince princess emperor pope commissioner commander general admiral
colonel lieutenant captain judge justice lawyer attorney prosecutor advocate author writer
journalist editor correspondent columnist commentator reporter blogger novelist poet critic
strategist adviser advisor consultant engineer developer designer investor entrepreneur
banker trader manager partner associate member activist campaigner organiser organizer
candidate politician statesman stateswoman leader deputy principal dean provost rector
chancellor doctor physician surgeon nurse teacher student pastor priest imam rabbi bishop
cardinal monk spokesperson owner boss founder-ceo veteran observer insider pundit
technologist futurist ethicist philosopher sociologist psychologist physicist chemist
biologist mathematician statistician demographer anthropologist diplomat negotiator
specialist pioneer inventor architect coach player athlete actor actress singer artist
treasurer attorney-general solicitor-general governor-general secretary-general comptroller auditor
magistrate aide counsellor councillor councilor undersecretary under-secretary consul ombudsman
president-elect sultan emir ayatollah monarch chief-of-staff whip convener convenor
person individual librarian shopowner trader driver nurse doctor clerk cleric monk villager fisherman fishermen
counterpart interlocutor source contact acquaintance delegate participant witness survivor victim
protester protestor passenger shopkeeper vendor team panel delegation friend colleague wife husband son daughter mother father neighbour neighbor relative
head-of-state thinker theorist user resident citizen farmer worker employee official
researcher-at-large scientist-turned-entrepreneur laureate nominee appointee envoy
shadow menteri besar taoiseach tanaiste tánaiste
""".split())

# Plural nouns naming anonymous groups of speakers ("some researchers", "critics").
GROUP_NOUNS = set("""
researchers scientists scholars experts analysts economists historians observers critics
commentators officials diplomats sources insiders investors executives engineers developers
users residents people citizens activists academics lawmakers legislators politicians
policymakers policy-makers voters protesters protestors sceptics skeptics supporters
opponents proponents advocates analysts strategists pundits watchers traders bankers
journalists reporters editors authors writers bloggers leaders ministers governments
officials observers economists workers farmers students teachers doctors parents
commentators netizens americans europeans chinese westerners scientists technologists
futurists ethicists regulators authorities companies firms countries nations others states
negotiators delegates delegations members allies partners neighbours neighbors
many some few several most
""".split())
GROUP_DETERMINERS = set("some many several most few other certain numerous various various "
                        "two three four five dozens hundreds thousands a few one".split())

DETERMINERS = {"the", "a", "an", "this", "that", "these", "those", "his", "her", "their", "its", "our", "my"}
NAME_PARTICLES = {"von", "van", "der", "den", "de", "del", "della", "di", "da", "dos", "das", "du",
                  "le", "la", "al", "el", "bin", "ibn", "ben", "ter", "ten", "zu", "y", "st", "st."}
CONNECTORS = {"of", "for", "at", "on", "in", "and", "&"}
# Particles a name joins to its next word with a hyphen or an apostrophe ("el-Sisi", "al-Hayya",
# "d'Estaing", "van-Dyke"): the joined word is a name word, though it starts in lower case. The
# first group also carries a family name on after a given name ("Nasser Nafeh al-Barrak").
FAMILY_PARTICLES = ("al", "el", "ad", "as", "ash", "at", "az", "abu", "bin", "ibn")
JOINED_PARTICLES = FAMILY_PARTICLES + ("d", "l", "da", "de", "di", "du", "la", "le", "van", "von")
JOINED_PARTICLE_ALT = "(?:" + "|".join(sorted(JOINED_PARTICLES, key=len, reverse=True)) + ")"
FAMILY_PARTICLE_ALT = "(?:" + "|".join(sorted(FAMILY_PARTICLES, key=len, reverse=True)) + ")"
# Letters after a name that give a seat or an honour, not a name ("Russell George MS", "Jane Doe MP",
# "John Smith QC"): a name is filed without them.
POST_NOMINALS = {"mp", "ms", "msp", "mla", "mlc", "mep", "mpp", "mha", "mna", "td", "qc", "kc", "sc", "obe", "mbe",
                 "cbe", "kbe", "dbe", "frs", "mnz", "ao", "ac", "phd", "ph.d.", "esq", "esq."}
TITLES = {"dr", "dr.", "prof", "prof.", "professor", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "mx",
          "sir", "dame", "lord", "lady", "rev", "rev.", "hon", "hon.", "commodore", "colonel", "col.",
          "general", "gen.", "admiral", "adm.", "captain", "capt.", "major", "lieutenant", "lt.", "sergeant",
          "brigadier", "commander", "marshal", "president", "premier", "senator", "sen.", "ambassador",
          "judge", "justice", "chancellor", "governor", "mayor", "sheikh", "prince", "princess", "king",
          "queen", "emperor", "pope", "cardinal", "bishop", "rabbi", "imam", "father", "sister", "brother",
          "maj-gen", "maj.-gen.", "lt-gen", "lt.-gen.", "brig-gen", "brig.-gen.", "lt-col", "lt.-col.", "major-general",
          "lieutenant-general", "brigadier-general", "rear-admiral", "vice-admiral", "air-marshal", "gen", "maj",
          "maj.", "lt", "col", "sgt", "cpl", "pte", "cdr", "cmdr", "adm", "brig",
          # abbreviated titles, with or without their point
          "gov", "gov.", "sen", "rep", "rep.", "sgt.", "capt", "cmdr.", "brig.", "amb", "amb.", "supt", "supt.",
          "insp", "insp.", "pres", "pres.",
          # honorifics and offices written before a name in other traditions and chambers
          "archbishop", "patriarch", "barrister", "speaker", "datuk", "dato", "datin", "seri", "tun",
          "pandit", "shri", "smt", "seyyed", "sayyid", "mullah", "haji", "presidente", "dra", "dra."}
# Titles of peers: "Lord Darzi" is how a peer is named, so the title stays with one word after it.
PEERAGES = {"lord", "lady", "baroness", "baron", "earl", "viscount", "dame", "sir"}
# Lower-case place nouns that close a place name ("Ben Tre province", "Kikuyo town").
PLACE_NOUNS = {"province", "state", "county", "district", "city", "town", "village", "region", "prefecture",
               "township", "municipality", "island", "valley", "governorate", "oblast", "commune"}
# Capitalised words that open a sentence or clause and are never part of a name.
STOP_CAPS = set("""
is was are were has have had does did do will would can could should might must
as but and or yet so when while if although though because since after before in on at for
from with by under during following then meanwhile however moreover indeed also still this
that these those it its their his her our my your here there now today yesterday tomorrow last
next earlier later even only thus hence instead besides furthermore nevertheless ultimately
finally perhaps similarly likewise asked speaking writing according not no why what how where
who whom whose which nor once recently consequently therefore notably crucially importantly
interestingly unsurprisingly clearly meanwhile against amid amidst despite unlike like
monday tuesday wednesday thursday friday saturday sunday january february march april may
june july august september october november december he she they we i you it one
every each any all no none
""".split())
# A subject opened by these is anyone at all ("every government promises “…”"): no speaker.
GENERIC_QUANTIFIERS = {"every", "each", "any", "all", "no", "none", "whoever", "anyone", "everyone", "nobody"}

# Back-reference nouns: "the company said" refers to an organisation named earlier.
BACKREF_KIND = {
    "company": "organisation", "firm": "organisation", "startup": "organisation",
    "start-up": "organisation", "group": "organisation", "organisation": "organisation",
    "organization": "organisation", "ministry": "organisation", "agency": "organisation",
    "bank": "organisation", "government": "organisation", "department": "organisation",
    "institute": "organisation", "university": "organisation", "lab": "organisation",
    "laboratory": "organisation", "think tank": "organisation", "tank": "organisation", "regulator": "organisation",
    "party": "organisation", "commission": "organisation", "council": "organisation",
    "giant": "organisation", "maker": "organisation", "chipmaker": "organisation",
    "carrier": "organisation", "airline": "organisation", "embassy": "organisation",
    "consulate": "organisation",
    "fund": "organisation", "alliance": "organisation", "bloc": "organisation",
    # bodies of a type, named before with that word ("the Federal Open Market Committee … the
    # committee said", "the China Coast Guard … the coast guard insisted")
    "committee": "organisation", "authority": "organisation", "board": "organisation",
    "guard": "organisation", "coastguard": "organisation", "court": "organisation",
    "tribunal": "organisation", "secretariat": "organisation",
    "parliament": "organisation", "assembly": "organisation", "navy": "organisation",
    "army": "organisation", "police": "organisation", "coalition": "organisation",
    "watchdog": "organisation", "charity": "organisation", "chamber": "organisation",
    "report": "publication", "study": "publication", "survey": "publication",
    "paper": "publication", "newspaper": "publication", "daily": "publication",
    "magazine": "publication", "journal": "publication", "editorial": "publication",
    "document": "publication", "declaration": "publication", "analysis": "publication",
    "review": "publication", "index": "publication", "book": "publication", "article": "publication",
    "outlet": "publication", "tabloid": "publication", "white paper": "publication",
    "chatbot": "ai_system", "bot": "ai_system", "model": "ai_system", "assistant": "ai_system",
    "system": "ai_system", "ai": "ai_system", "tool": "ai_system",
}

ORG_WORDS = set("""
corporation corp corp. inc inc. ltd ltd. llc plc company co co. group bank fund ministry
department agency commission council committee institute institution university college
school foundation association organisation organization union party government office
bureau administration authority centre center federation forum alliance coalition board
court parliament congress senate assembly reserve labs laboratory laboratories technologies
technology holdings systems motors airlines network endowment embassy consulate army navy police
service services kremlin pentagon nations secretariat cabinet consortium society academy
exchange tribunal observatory house programme program initiative trust partners capital
securities research ai firm watch international guard coastguard semiconductor semiconductors
steel chemicals mining metals energy panel confederation league guild electronics pharmaceuticals industries enterprises airways petroleum shipping logistics telecom telecoms chamber studies
ratings advisors advisers analytics economics intelligence insights
""".split())
# Possessors that are common nouns, so "X's" belongs to the name that follows it ("The People's Daily",
# "King's College London", "the Women's Tennis Association"), not to an owner of it.
COMMON_POSSESSORS = set("""people king queen women men children workers farmers veterans citizens st saint
lloyd prince princess""".split())
# Leading articles of titles in other languages ("Le Monde", "Die Zeit", "El País").
FOREIGN_ARTICLES = {"le", "la", "les", "el", "los", "las", "die", "der", "das", "il", "lo", "de", "het"}
# Later back-references that tell a body's kind: "The Hindu reported … The newspaper said".
PUBLICATION_BACKREFS = {"newspaper", "paper", "daily", "magazine", "outlet", "broadsheet", "tabloid",
                        "publication", "journal", "weekly", "broadcaster", "network", "channel"}
ORGANISATION_BACKREFS = {"group", "organisation", "organization", "charity", "watchdog", "ngo", "agency", "body",
                         "company", "firm", "institute", "think tank", "party", "union", "coalition"}
PUBLICATION_WORDS = set("""
report study survey index review journal newspaper magazine editorial paper papers
declaration charter communique communiqué strategy outlook yearbook bulletin brief briefing
times post daily herald gazette tribune economist guardian telegraph independent diplomat
atlantic monitor observer chronicle standard express mail mirror sun globe nikkei xinhua
weekly quarterly insider wire news bloomberg reuters affairs shimbun ilbo zeitung nippo monde
""".split())
PERIODICAL_WORDS = set("""
times post daily herald gazette tribune economist guardian telegraph independent diplomat
atlantic monitor observer chronicle standard express mail mirror sun globe journal weekly
""".split())
AI_DESCRIPTORS = {"chatbot", "bot", "model", "assistant", "llm", "ai", "system", "tool"}
AI_NAME_RE = re.compile(
    r"^(?:chatgpt|gpt(?:-?\d[\w.]*)?|grok(?:\s*\d[\w.]*)?|gemini(?:\s[\w.]+)?|bard|claude(?:\s[\w.]+)?|"
    r"copilot|llama(?:\s*\d[\w.]*)?|ernie(?:\s*bot)?|qwen[\w.]*|kimi|doubao|deepseek-[rv]\d|"
    r"deepseek\s+[rv]\d|mistral\s+le\s+chat|le\s+chat|perplexity|siri|alexa|cortana|watson|"
    r"alphago|sora|midjourney|dall-e\s*\d?|bing\s+chat|character\.ai|pi)$",
    re.IGNORECASE,
)
KNOWN_ORGS = set("""
openai google microsoft meta nvidia apple amazon alibaba tencent baidu huawei deepseek
anthropic tesla samsung tsmc intel ibm bytedance xai facebook twitter netflix oracle
unitree sony toyota hsbc nato asean imf wto opec eu g7 g20 brics
""".split())

# Capitals and seats of government that stand for a government when they "say" something.
GOVERNMENT_SEATS = set(w.replace("_", " ") for w in """
beijing washington moscow tokyo seoul pyongyang delhi new_delhi canberra london paris berlin brussels manila
hanoi jakarta kuala_lumpur bangkok taipei tehran kyiv kiev ankara ottawa islamabad dhaka singapore
wellington pretoria brasilia riyadh jerusalem cairo nairobi naypyidaw phnom_penh vientiane
white_house kremlin pentagon elysee élysée downing_street whitehall zhongnanhai
""".split())

# Documents and other written words that speak for whoever issued them ("an editorial in Global
# Times", "the statement read", "the ruling said").
DOCUMENT_NOUNS = set("""
account analysis announcement article articles briefing bulletin column commentary communique communiqué document draft editorial editorials filing headline judgement judgment leader letter memo message note op-ed opinion order paper piece post readout release reply report reports response ruling statement story study survey transcript tweet verdict
""".split())
