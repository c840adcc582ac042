"""A deterministic generator of realistic-looking commentaries for benchmarks.

Pure Python (no Django): ``generate_corpus`` turns what this yields into records.
The same (entries, seed) always gives the same corpus, so figures from two runs or two
machines compare.

What makes it realistic enough for search benchmarks: English prose with a Zipf-like
vocabulary (a few words in nearly every entry, a long tail in a handful), bodies of
600-1,200 words in paragraphs under headings, titles and synopses on the same topics,
ordered authors, tags, outlets, and quoted statements whose speakers come from a pool
of thousands of names, some quoted far more often than others.
"""
from __future__ import annotations

import datetime
import random
from dataclasses import dataclass, field

#: Words the benchmark query mix relies on (see archive/bench/search.py).
COMMON_WORD = "policy"      # in nearly every entry
RARE_WORD = "vexillology"   # in about one entry in 2,000
RARE_RATE = 1 / 2000

GIVEN = """James Mary Wei Li Ahmed Fatima Hiroshi Yuki Carlos Ana Ivan Olga Raj Priya Kwame Amara
Liam Emma Noah Olivia Lucas Sofia Chen Mei Omar Layla Mateo Valentina Arjun Ananya Tunde Zainab
Pierre Claire Hans Greta Marco Giulia Sven Ingrid Kenji Sakura Daniel Sarah Michael Laura Thomas
Anna Rahul Deepa Joon Minji Tariq Noor Diego Lucia Pavel Irina Samuel Grace Felix Nora Victor Elena
David Rachel Ali Aisha Benjamin Hannah Nikolai Tatiana Kofi Abena Rafael Camila Jakob Freya""".split()
FAMILY = """Smith Johnson Wang Zhang Khan Ali Tanaka Suzuki Garcia Rodriguez Ivanov Petrova Sharma
Patel Mensah Okafor Brown Wilson Lee Kim Park Nguyen Tran Martin Bernard Müller Schmidt Rossi Bianchi
Andersson Nilsson Sato Watanabe Silva Santos Kowalski Nowak Haddad Mansour Cohen Levi Singh Gupta
Chowdhury Rahman Tan Lim Ong Goh Yamamoto Kobayashi Fernandez Lopez Gonzalez Perez Moreau Laurent
Dubois Fischer Weber Meyer Wagner Becker Hoffmann Novak Horvat Popescu Ionescu Papadopoulos Georgiou
Yilmaz Kaya Demir Adeyemi Balogun Mwangi Otieno Banda Phiri Jensen Hansen Larsen Virtanen Korhonen
O'Brien Murphy Kelly Walsh MacDonald Campbell Stewart Ahmed Hussain Iqbal Qureshi Farouk Nasser""".split()
ORGANISATIONS = """the World Bank|the International Monetary Fund|the Ministry of Commerce|the European Commission
|the State Council|the Asian Development Bank|the World Trade Organization|the United Nations
|the Ministry of Foreign Affairs|the Central Bank|the Federal Reserve|ASEAN Secretariat
|the African Union|the OECD|the G20 Presidency|the Treasury|the Pentagon|the National Security Council
|the Bank of Japan|the Reserve Bank of India""".replace("\n", "").split("|")
OUTLETS = [
    ("S. Rajaratnam School of International Studies", "RSIS", "think_tank"),
    ("China Daily", "China Daily", "newspaper"), ("The Straits Times", "Straits Times", "newspaper"),
    ("Lowy Institute", "Lowy", "think_tank"), ("Brookings Institution", "Brookings", "think_tank"),
    ("Chatham House", "Chatham House", "think_tank"), ("East Asia Forum", "EAF", "blog"),
    ("The Diplomat", "Diplomat", "magazine"), ("South China Morning Post", "SCMP", "newspaper"),
    ("Carnegie Endowment", "Carnegie", "think_tank"), ("Council on Foreign Relations", "CFR", "think_tank"),
    ("The Hindu", "Hindu", "newspaper"), ("Nikkei Asia", "Nikkei", "newspaper"),
    ("Jakarta Post", "Jakarta Post", "newspaper"), ("ISEAS Yusof Ishak Institute", "ISEAS", "think_tank"),
    ("Observer Research Foundation", "ORF", "think_tank"), ("War on the Rocks", "WOTR", "blog"),
    ("Foreign Policy", "FP", "magazine"), ("The Guardian", "Guardian", "newspaper"),
    ("Bruegel", "Bruegel", "think_tank"), ("RAND Corporation", "RAND", "think_tank"),
    ("Global Times", "Global Times", "newspaper"), ("The Interpreter", "Interpreter", "blog"),
    ("Asia Times", "Asia Times", "newspaper"), ("IISS", "IISS", "think_tank"),
]
TAGS = """AI|China|United States|ASEAN|Trade|Technology|Security|Climate|Energy|Maritime|Taiwan|India
|Japan|Korea|Europe|Russia|Ukraine|Middle East|Africa|Semiconductors|Supply chains|Finance|Digital economy
|Cybersecurity|Defence|Diplomacy|Multilateralism|Belt and Road|South China Sea|Indonesia|Vietnam
|Philippines|Singapore|Malaysia|Thailand|Australia|Pacific|Nuclear|Space|Health|Migration|Food security
|Water|Development|Governance|Elections|Democracy|Human rights|Terrorism|Extremism|Religion|Education
|Labour|Inflation|Monetary policy|Sanctions|Tariffs|Export controls|Data governance|Open source
|Telecommunications|5G|Electric vehicles|Critical minerals|Shipping|Aviation|Tourism|Urbanisation
|Demography|Ageing|Gender|Youth|Media|Disinformation|Public opinion|Soft power|Strategic competition
|Alliances|Arms control|Peacekeeping|Humanitarian aid|Disasters|Pandemics|Biotechnology|Quantum
|Blockchain|Central bank digital currency|Banking|Debt|Investment|Infrastructure|Ports|Railways|Arctic
|Antarctica|Oceans|Fisheries|Agriculture|Deforestation|Carbon markets|Renewables|Hydrogen|Oil|Gas|Coal
|Grid|Batteries""".replace("\n", "").split("|")

NOUNS = """policy economy trade security technology growth market power strategy region government
cooperation competition alliance investment industry innovation development stability crisis reform
regulation governance infrastructure diplomacy negotiation agreement framework partnership sovereignty
influence risk resilience capacity leadership transition integration order system network supply chain
model data sector finance currency debt energy climate emission border conflict dialogue summit
initiative corridor standard rule institution budget tariff sanction export import manufacturing
semiconductor chip platform research talent workforce education election coalition parliament court
ministry agency military navy deterrence doctrine escalation ceasefire treaty""".split()
ADJECTIVES = """global regional strategic economic political digital open new emerging rising uncertain
fragile resilient sustainable inclusive multipolar technological national domestic international
maritime financial industrial military diplomatic critical long-term short-term competitive
cooperative bilateral multilateral southern northern western eastern Asian European African""".split()
VERBS = """shapes reshapes challenges strengthens weakens supports undermines drives accelerates
slows transforms complicates defines tests limits expands reflects signals reveals threatens
enables constrains redefines deepens balances""".split()
PLACES = """China|the United States|Singapore|Indonesia|India|Japan|Europe|Africa|the region
|Southeast Asia|the Indo-Pacific|Beijing|Washington|Brussels|Tokyo|Jakarta|New Delhi|Canberra|Seoul|Hanoi
|Manila|Kuala Lumpur|Bangkok|the Global South|the Pacific|the Gulf|Latin America|Central Asia""".replace(
    "\n", "").split("|")
CUES = ["said", "noted", "argued", "remarked", "warned", "observed", "told reporters", "wrote", "added"]
ROLES = ["a senior official", "an economist", "a former minister", "a professor of international relations",
         "a trade negotiator", "an analyst", "a spokesperson", "a researcher", "a diplomat", "an industry executive"]
SYLLABLES = "ka lo mi ne ra su to vi ze ba de fi go hu ja ke lu ma no pe qui ri sa te vo wa xe ya zu".split()


@dataclass
class StatementSpec:
    quote: str
    start: int
    end: int
    speaker: int  # index into the corpus's speakers
    cue: str
    mention: str


@dataclass
class EntrySpec:
    title: str
    synopsis: str
    body: str
    blocks: list
    outlet: int
    authors: list
    tags: list
    published_on: datetime.date
    published: bool
    statements: list = field(default_factory=list)


@dataclass
class Corpus:
    people: list      # display names (persons and organisations)
    kinds: list       # "person" or "organisation", per name
    outlets: list     # (name, short name, kind)
    tags: list
    entries: object   # iterator of EntrySpec


def _pseudo_words(rng, n):
    words = set()
    while len(words) < n:
        words.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(3, 4))))
    return sorted(words)


def _names(rng, n):
    names = [f"{g} {f}" for g in GIVEN for f in FAMILY]
    rng.shuffle(names)
    people = names[:max(0, n - len(ORGANISATIONS))]
    return people + ORGANISATIONS, ["person"] * len(people) + ["organisation"] * len(ORGANISATIONS)


class _Writer:
    """Sentences and titles from the vocabulary, with a skewed (Zipf-like) word choice."""

    def __init__(self, rng, tail):
        self.rng = rng
        self.tail = tail
        self.noun_weights = [1 / (i + 1) for i in range(len(NOUNS))]
        self.pool = [self._sentence() for _ in range(6000)]

    def noun(self):
        return self.rng.choices(NOUNS, self.noun_weights)[0]

    def _sentence(self):
        r = self.rng
        forms = [
            lambda: f"The {r.choice(ADJECTIVES)} {self.noun()} {r.choice(VERBS)} the {self.noun()} of {r.choice(PLACES)}.",
            lambda: f"For {r.choice(PLACES)}, {COMMON_WORD} on {self.noun()} {r.choice(VERBS)} how the {self.noun()} evolves.",
            lambda: f"Observers in {r.choice(PLACES)} see a {r.choice(ADJECTIVES)} {self.noun()} emerging as {self.noun()} and {self.noun()} converge.",
            lambda: f"This {r.choice(VERBS).rstrip('s')}s a {r.choice(ADJECTIVES)} {COMMON_WORD} debate over {self.noun()} and {self.noun()}.",
            lambda: f"Yet the {self.noun()} question remains, because {r.choice(PLACES)} {r.choice(VERBS)} its {r.choice(ADJECTIVES)} {self.noun()}.",
            lambda: f"In practice, {self.noun()} {r.choice(VERBS)} {r.choice(ADJECTIVES)} {self.noun()} more than any single {COMMON_WORD} could.",
            lambda: f"The supply chain for {self.noun()} {r.choice(VERBS)} the {r.choice(ADJECTIVES)} balance between {r.choice(PLACES)} and {r.choice(PLACES)}.",
        ]
        return r.choice(forms)()

    def sentence(self):
        return self.rng.choice(self.pool)

    def rare_sentence(self):
        word = self.rng.choice(self.tail)
        return f"The {word.capitalize()} {self.noun()} {self.rng.choice(VERBS)} the {COMMON_WORD} of {self.rng.choice(PLACES)}."

    def title(self):
        r = self.rng
        forms = [
            lambda: f"{r.choice(ADJECTIVES).capitalize()} {self.noun()} and the {self.noun()} of {r.choice(PLACES)}",
            lambda: f"Why {r.choice(PLACES)} {r.choice(VERBS)} the {r.choice(ADJECTIVES)} {self.noun()}",
            lambda: f"{r.choice(PLACES).capitalize()}: {r.choice(ADJECTIVES)} {self.noun()}, {r.choice(ADJECTIVES)} {self.noun()}",
            lambda: f"The {self.noun()} {COMMON_WORD} {r.choice(PLACES)} needs",
        ]
        return r.choice(forms)()

    def heading(self):
        return f"{self.rng.choice(ADJECTIVES).capitalize()} {self.noun()}"


def generate(entries, seed=1, published_share=0.95):
    """The corpus for ``entries`` entries and ``seed``; entries are produced lazily."""
    rng = random.Random(seed)
    tail = _pseudo_words(rng, max(2000, entries // 2))
    people, kinds = _names(rng, max(3000, entries // 20))
    writer = _Writer(rng, tail)
    n_people = len(people)
    # Speakers: a few are quoted very often, most rarely (Zipf-like).
    speaker_weights = [1 / (i + 1) ** 0.8 for i in range(n_people)]
    cumulative, total = [], 0.0
    for w in speaker_weights:
        total += w
        cumulative.append(total)
    persons = [i for i, kind in enumerate(kinds) if kind == "person"]
    authors_pool = persons[: max(500, len(persons) // 4)]
    start_day = datetime.date(2005, 1, 1).toordinal()
    span = datetime.date(2025, 12, 31).toordinal() - start_day

    def entry(i):
        blocks_text, blocks = [], []
        statements = []
        offset = 0
        target = rng.randint(600, 1200)
        words = 0
        paragraph_no = 0
        rare = rng.random() < RARE_RATE
        while words < target:
            if paragraph_no and paragraph_no % 4 == 0:
                text, kind = writer.heading(), "heading"
            else:
                sentences = [writer.sentence() for _ in range(rng.randint(3, 6))]
                if paragraph_no == 1:
                    sentences.append(writer.rare_sentence())
                    if rare:
                        sentences.append(f"Even {RARE_WORD} has a bearing on {COMMON_WORD} here.")
                text, kind = " ".join(sentences), "paragraph"
                if rng.random() < 0.25:
                    speaker = rng.choices(range(n_people), cum_weights=cumulative)[0]
                    quote = writer.sentence().rstrip(".")
                    cue = rng.choice(CUES)
                    role = rng.choice(ROLES)
                    mention = people[speaker] if kinds[speaker] == "organisation" else f"{role} {people[speaker]}"
                    prefix = text + " “"
                    statements.append(StatementSpec(
                        quote=quote, start=offset + len(prefix), end=offset + len(prefix) + len(quote),
                        speaker=speaker, cue=cue, mention=mention,
                    ))
                    text = f"{prefix}{quote},” {cue} {mention}."
            blocks_text.append(text)
            blocks.append({"type": kind, "start": offset, "end": offset + len(text)})
            offset += len(text) + 2
            words += text.count(" ") + 1
            paragraph_no += 1
        authors = rng.sample(authors_pool, k=rng.choice([1, 1, 1, 2, 2, 3]))
        return EntrySpec(
            title=writer.title(),
            synopsis=" ".join(writer.sentence() for _ in range(2)),
            body="\n\n".join(blocks_text),
            blocks=blocks,
            outlet=rng.randrange(len(OUTLETS)),
            authors=authors,
            tags=rng.sample(range(len(TAGS)), k=rng.randint(1, 4)),
            published_on=datetime.date.fromordinal(start_day + rng.randrange(span)),
            published=rng.random() < published_share,
            statements=statements,
        )

    return Corpus(people=people, kinds=kinds, outlets=OUTLETS, tags=TAGS,
                  entries=(entry(i) for i in range(entries)))
