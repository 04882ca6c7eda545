"""The rules that decide whether a name in the text is a listed company or index, and in which role.

Kept apart from the finder (mentions.py) so each rule reads on its own: names that hold a company's name but are
not one (publishers, venues, products), the corporate cues an ordinary-word name needs, venues and publishers that share an index's name, and the wordings that make a firm the source of a
report rather than its subject, a company's initials after its full name, and lists whose names share a last
word. The article's market context is market_context.py's.
"""
from __future__ import annotations

import re

from .market_context import Context as Context  # the market context the rules weigh (tickers.py reads it here)
from .market_context import cities
from .models import Mention
from .textcase import icase

# Names that contain a company or index name but are not one: publishers, agencies, venues, products.
BLOCKERS = (
    "S&P Dow Jones Indices", "Dow Jones Newswires", "Dow Jones & Co", "Dow Jones & Company", "Dow Jones Market Data",
    "Dow Jones News", "Standard & Poor's", "Standard and Poor's", "New York Stock Exchange", "Nasdaq Stock Market",
    "Nasdaq Stock Exchange", "Wall Street Journal", "Bloomberg Billionaires Index", "Apple Daily", "Apple Music",
    "Apple Pay", "Apple TV", "Apple Watch", "Amazon rainforest", "Amazon River", "Google Scholar", "Nikkei Asia",
    "Nikkei Asian Review", "Nikkei newspaper", "Nikkei business daily", "FTSE Russell", "London Stock Exchange",
    "Tokyo Stock Exchange", "Hong Kong Stock Exchange", "Bombay Stock Exchange", "National Stock Exchange",
    "Shanghai Stock Exchange", "Shenzhen Stock Exchange", "Toronto Stock Exchange", "Australian Securities Exchange",
)
# A corporate cue near an ordinary-word name: shares, trading, money, a ticker, a legal form (lower-cased text).
CORPORATE_CUE = icase(
    r"\b(?:inc|corp|plc|shares?|stocks?|company|companies|firm|market value|market cap\w*|valu\w+|trillion|"
    r"billion|ceo|chief executive|earnings|results|investors|listed|nasdaq|nyse|quarter\w*|revenue|profit|sales|"
    r"iphone|wall street|brands?|advertis\w+|boycott\w*|retailer|maker|traded|trading|gainers?|losers?|fallers?|"
    r"risers?|heavyweights?|per ?cent|pct|points?|rall\w+|slump\w*|tumbl\w+|index|sensex|nifty|ftse|dax|"
    r"rose|fell|gained|lost|jumped|dropped|climbed|slipped|surged|plunged|declined|advanced|shed|added|"
    r"lender|bank|insurer|group|miner|carmaker|drugmaker|chipmaker|airline|conglomerate|\$)\b|[\$%£€¥₹]|\d\s?p\b")
def _lexicon_moves() -> str:
    """The reader's verbs of a move (lexicon.toml, direction.verb): a word is added there once. Past forms and
    phrases ("fell", "gave back", "put on") as they are; -s forms ("rises", "sheds", a headline's tense) only before a
    figure ("Meta Sheds $230bn"), since after an ordinary-word name they are more often nouns ("Pool rises at the
    club"); base and -ing forms not at all."""
    from .reader.lexicon import lexicon

    verbs = lexicon().words("direction.verb")

    def third_person(v: str) -> bool:
        return v.endswith("s") and (v[:-1] in verbs or v[:-2] in verbs or v[:-3] + "y" in verbs)
    past = [v for v in verbs if " " in v or not (v + "s" in verbs or v + "es" in verbs or v.endswith("ing")
                                                 or third_person(v))]
    present = [v for v in verbs if " " not in v and third_person(v)]

    def alternation(words: list[str]) -> str:
        return "|".join(re.escape(v) for v in sorted(words, key=lambda v: (-len(v), v)))
    return rf"{alternation(past)}|(?:{alternation(present)})(?=\s+(?:by\s+|nearly\s+|about\s+)?[$£€¥₹]?\d)"


MOVES = (_lexicon_moves() + "|" +
         r"shed|slid|fell back|"  # past forms the same as a base form the lexicon has ("sheds", "slides")
         r"(?:peaked|bottomed|topped out|troughed|bottomed out)\s+(?:at|near|around|above|below)|"
         r"(?:closed|ended|finished|opened|traded|trades|trading|stood|was valued|is valued|was worth|hit|touched)"
         r"\s+(?:at|up|down|higher|lower|above|below|near|around|as|\$|\d)")
STRONG_AFTER = icase(
    r"^(?:'s?|’s?)?\s*(?:\((?:[a-z]+:\s*)?[a-z0-9.\-]{1,9}\)|inc\b|corp\b|plc\b|ltd\b|shares?\b|stock\b|"
    r"(?:was|were|is)?\s*(?:up|down|higher|lower)\b|"
    rf"(?:(?:has|had|have)\s+(?:been\s+)?|(?:was|is)\s+)?(?:{MOVES})\b|was the|led\b|\s*\|\s*[\d,.]+|"
    r"\s+[\d,]+\.\d+\s+(?:[+−–]\s?)?\d[\d.]*\s?%|"  # "Oracle 98.15 -0.40%": a quote table's row (fold made "-" " ")
    r"\s+[\d,]+(?:\.\d+)?\s?(?:m|mn|million)\b|"  # "Ford 82.3m shares, Apple 58.9m": a list of volumes
    r"\s*\(\s*(?:[+−–]\s?)?\d[\d.,]*\s*(?:%|per cent|percent|pct)\s*\)|"  # "gains in Westpac (1.1 per cent)"
    r"\s+[$£€¥₹]?\s?[\d,]+(?:\.\d+)?p?\s*\((?:\s?[+−–\s]\s*\d[\d.,]*\s*%?|\d[\d.,]*\s*%)\s*\))")  # "Amazon $136.20 (+0.8%)": a quote list's item
# A verb of business right after a name ("Apple reported record revenue", "Ford notched a 3.5% loss"): a
# company's, in an article about markets (lower-cased text).
BUSINESS_AFTER = icase(
    r"^\s+(?:(?:has|had|have|will|would|is|was|also)\s+)*(?:reported|reports|posted|posts|forecast|forecasts|"
    r"predicted|announced|announces|said|says|unveiled|launched|raised|lowered|cut|slashed|boosted|beat|missed|"
    r"topped|agreed|signed|settled|sued|won|bought|sold|acquired|hired|named|warned|notched|recorded|booked|"
    r"delivered|shipped|spent|earned|paid|priced|filed|issued|plans|expects|outperformed|underperformed|"
    r"overtook|reached|trimmed|returned|generated|swung|doubled|disclosed|confirmed|completed)\b")
# A predicate stating how a stock traded or listed, after a name at the start of a clause ("Apple was flat",
# "Ford was on pace for its worst day since March, down 9%", "Arm made its debut on the Nasdaq"): its clause, up to
# a subordinate one, holds a market figure or market words (lower-cased text).
PREDICATE_AFTER = icase(r"\s+(?:(?:has|had|have|was|were|is|are|will|would)\s+(?:been\s+)?\w+|made|makes|"
                        r"hit|touched|set|posted|marked|logged|notched|saw|suffered|headed|extended|pared|"
                        r"erased|trimmed|reversed|[a-z]+ed)\b")
CLAUSE_END = re.compile(r"[.;!?](?:\s|$)|\s(?:as|while|after|when|because|since|though|although|but|and)\s")
MARKET_CLAUSE = icase(r"\d\s?(?:%|percent|per cent|pct)|[$£€¥₹]\s?\d|\d\s?p\b|\b(?:flat|unchanged|little changed|"
                      r"debut|nasdaq|nyse|ipo|shares?|stock|(?:worst|best|biggest) (?:day|session|week)|"
                      r"record high|all time high|52 week|market value|market cap\w*)\b")


US_VENUE = icase(r"\b(?:nasdaq|nyse|new york stock exchange|wall street)\b")


def predicate_clause(low: str, end: int) -> str:
    """The clause a name is the subject of ("was on pace for its worst day"), up to a subordinate one; "" when
    no verb follows the name."""
    if not PREDICATE_AFTER.match(low, end, end + 60):
        return ""
    stop = CLAUSE_END.search(low, end + 1, end + 160)
    return low[end:stop.start() if stop else end + 160]


def market_predicate(low: str, end: int) -> bool:
    """A name as the subject of a clause that states a market figure or says how its stock traded."""
    return bool(MARKET_CLAUSE.search(predicate_clause(low, end)))


def us_venue_predicate(low: str, end: int) -> bool:
    """A name whose own clause sets it on a US exchange ("Arm made its debut on the Nasdaq")."""
    return bool(US_VENUE.search(predicate_clause(low, end)))


# A possessive of a company's figures: "Zoom's 17.4% share-price plunge", "Visa's 52-week range" (folded
# text, where a hyphen is a space).
POSSESSIVE_CUE = icase(
    r"^(?:'s|’s)\s+(?:\d[\d.,]*\s?(?:%|percent|per cent)\s+(?:[a-z]+\s+){0,2}?(?:plunge|drop|fall|gain|rise|"
    r"jump|slide|decline|rally|loss|surge|advance|climb|slump|tumble|share|stock)|"
    r"(?:gain|loss|rise|fall|drop|slide|rally|decline|surge|slump)s?\s+(?:for|in|since|this|last|so far)\s+"
    r"(?:(?:19|20)\d\d|the year|this year|year|the week|the month|the quarter)\b|52 week|share price|"
    r"market (?:value|cap)|valuation|earnings|revenue|sales|profit|results|quarterly|chief executive|ceo\b|"
    r"guidance|outlook|(?:stock market |market |trading |nasdaq |nyse )?debut|listing|ipo\b|shares|stock\b)")
# An appositive or a relative clause between commas right after a name: "Amazon, the online retailer, ...".
ASIDE = re.compile(r"^,\s+(?:the|a|an|which|who|whose|that|its|one of)\b(?:[^,;.()\n]|[.,](?=\d)){1,80},")
# An article that states market figures or names shares (lower-cased text).
MARKET_TEXT = icase(r"\d\s?(?:%|percent|per cent|pct)|\bshares?\b|\bstocks?\b|\$\s?\d|\bnasdaq\b|\bnyse\b|"
                    r"\bwall street\b|\bmarket value\b|\bindex\b")


# A foreign company's shares on a US exchange: "Infosys ADRs", "Sony's New York-listed shares", "ADSs of Baidu".
_US_LINE = r"(?:(?:American|U\.?S\.?)\s+)?(?:ADRs?|ADSs?|depositary\s+(?:receipts|shares))|" \
           r"(?:New\s+York|U\.?S\.?|US|NYSE|Nasdaq|Wall\s+Street)[-\s]listed\s+(?:shares|stock|ADRs?|ADSs?)"
US_LINE_AFTER = re.compile(rf"(?:'s|’s|'|’)?\s+(?:{_US_LINE})\b")
US_LINE_BEFORE = re.compile(rf"(?:{_US_LINE})\s+(?:of|in)\s+$")


# After "the" or "a", a word-like name followed by a common noun is that noun's modifier ("the Delta variant",
# "a Shell game"), unless the noun belongs to a company ("the Delta shares", "the Apple board").
NOUN_AFTER = re.compile(r"\s+([a-z][a-z\-]+)\b")
COMPANY_NOUNS = frozenset(
    "share shares stock stocks group board boss chief chairman executive executives investors shareholders management "
    "deal offer bid results earnings sale stake unit division subsidiary brand brands name listing price plant "
    "factory fleet store stores".split())


def noun_modifier(before: str, text: str, end: int) -> bool:
    """A name used as a modifier of the common noun after it ("the Delta variant")."""
    m = NOUN_AFTER.match(text, end)
    return m is not None and bool(THE_BEFORE.search(before)) and m.group(1) not in COMPANY_NOUNS \
        and not m.group(1).endswith("ed")  # "reported that Target jumped": a verb follows, not a noun


def past_aside(tail: str) -> str:
    """The text after a name, past an appositive or relative clause between commas (else the text itself)."""
    m = ASIDE.match(tail)
    return tail[m.end():] if m else tail


FIRM_AFTER = icase(r"^(?:'s?|’s?)?\s*(?:\((?:[a-z]+:\s*)?[a-z0-9.\-]{1,9}\)|inc\b|corp\b|plc\b|ltd\b|shares\b|stock\b)")
STRONG_BEFORE = icase(r"(?:shares|stock|stocks|shareholders)\s+(?:of|in)\s+$|(?:led by|such as|including|like)\s+$|"
                      r"\d\s?(?:%|percent|per cent|points?)\s+(?:for|in)\s+$")  # "and 1.5% for Apple"
# A kind of firm written before names ("Insurers Progressive, Allstate and Travelers", "carmaker Ford"): what follows
# is a firm of that kind, not a person's surname after a first name.
SECTOR_BEFORE = icase(
    r"\b(?:insurers?|lenders?|banks?|carmakers?|automakers?|truckmakers?|airlines?|carriers?|retailers?|miners?|"
    r"chipmakers?|drugmakers?|brewers?|grocers?|utilities|refiners?|homebuilders?|telecoms?|"
    r"(?:oil|tech|technology|media|energy|mining|software|steel|travel|defen[cs]e|payments?|streaming|"
    r"cruise|luxury|fashion|chip|bank|insurance)\s+(?:groups?|firms?|companies|giants?|majors?|"
    r"makers?|stocks?|names|operators?))\s+$")
CAPITALISED_NEXT = re.compile(r"^(?:\s+(?:of|de)\s+|[ \-]+)[A-Z][a-z]")  # "Silicon Valley": the name runs into a longer proper noun
# "in the Gulf", "a Gap year", "their Block party": a company is seldom "the" or "a" anything
THE_BEFORE = re.compile(r"\b(?i:the|a|an|this|that|every|each|his|her|their|our|my|your)\s+$")
SENTENCE_START = re.compile(r"(?:^|[.!?]\s+|\n\s*|[:;]\s+|[\"“]\s*)$")
FIRST_NAME_BEFORE = re.compile(r"\b(?:[A-Z][a-z]+|[A-Z]\.)[ \t]+$")  # on the same line
# Capitalised words that begin a clause or a list and are never anyone's first name ("Both Visa and ...").
NOT_FIRST_NAMES = frozenset(
    "A An The And But Or Nor So Yet Both Either Neither While Whereas Although Though As If When Whilst Since "
    "Because After Before Until Unless Also Then Meanwhile Only Even Still Shares Stocks Rivals Peers Including "
    "Like Unlike With Without For From Against Among Between Despite Plus Elsewhere Overall Instead Investors "
    "Analysts Traders Banks Insurers Lenders Miners Carmakers Airlines Retailers Names Heavyweights".split())


def first_name_before(before: str) -> bool:
    """A capitalised word right before, as a person's first name is ("Harrison Ford"), that no function word nor a
    market's city is ("in Zurich Sika gained 2%")."""
    m = FIRST_NAME_BEFORE.search(before)
    return m is not None and m.group().strip() not in NOT_FIRST_NAMES and m.group().strip() not in cities()
TITLE_BEFORE = icase(r"\b(?:mr|mrs|ms|dr|chair\w*|president|governor|senator|minister|secretary|judge|"
                     r"sir|lord|lady|actor|actress|singer|star|player|coach|director|prince|king|queen)\.?\s+$")
# A clock time: a capitalised word right after it is a time zone ("At 1:45 pm IST", "11:00 CET"), never a firm.
CLOCK_BEFORE = re.compile(r"\b\d{1,2}(?:[:.]\d{2}\s*(?:[ap]\.?\s?m\.?)?|\s*[ap]\.?\s?m\.?)\s+$", re.I)
# A letter naming a class of a company's shares ("the B shares", "its class A stock", "the group's B shares",
# "Volvo B shares"), not a ticker: after an article, a possessive or the company's name.
SHARE_CLASS_BEFORE = re.compile(r"(?:\b(?:the|its|their|class|series)|['’]s|(?-i:\b[A-Z][\w&.-]+))\s+$", re.I)
LIST_JOIN = re.compile(r"^(?:,\s*|\s+and\s+|\s+or\s+|\s*/\s*|,\s+and\s+|\s*;\s*|\s+&\s+)$")

# Exchanges that share a name with their index ("on the Nasdaq" is the venue): the names, and venue wording.
EXCHANGE_NAMES = frozenset({"nasdaq", "tsx", "asx", "kosdaq", "nyse", "set", "moex", "jse"})
VENUE_BEFORE = re.compile(r"(?:\bon|\bat|\bto|\bonto|\boff|listed on|trading on|traded on|debut on|list on|"
                          r"listing on|float on|IPO on)\s+(?:the\s+)?$", re.I)
VENUE_AFTER = re.compile(r"^(?:-listed|\s+exchange|\s+stock exchange|\s+market\s*place|\s+listing|\s+debut|"
                         r"\s+Stock Market|\s+OMX|\s+Inc|:\s*[A-Z]{1,5}\b)", re.I)
# Publishers and data services named like an index ("citing the Nikkei", "Dow Jones Newswires").
PUBLISHER_BEFORE = re.compile(r"(?:according to|told|reported by|citing|cited by|quoted by|interview with|"
                              r"said|says|wrote in|published by|report in)\s+(?:the\s+)?$", re.I)
PUBLISHER_AFTER = re.compile(r"^(?:'s)?\s+(?:Indices|Newswires|News|newspaper|daily|business daily|Asia|Asian|"
                             r"reported|report|said|says|Market Data|Russell|Group|Inc|Co\b|& Co|index provider)")

# A firm named as the source of a report or its data (lower-cased text around the name).
SOURCE_BEFORE = icase(
    r"(?:according to|told|data from|data compiled by|figures from|reported by|cited by|compiled by|"
    r"estimates from|a note from|research from|report from|survey by|poll by|citing|"
    r"(?:analysts?|strategists?|economists?|researchers?|traders?|brokers?|analysis|team)\s+(?:at|from|with|of)|"
    r"(?:©|\(c\)|copyright)(?:\s+\d{4})?|sources?:[^\n]{0,80}?|\([^()\n]{0,60}?data[^()\n]{0,10}?[;,])\s*(?:the\s+)?$")
SOURCE_AFTER = icase(
    r"^(?:'s?|’s?)?\s+(?:(?:estimates?|forecasts?)(?=\s+(?:of|for|show\w*|compiled|suggest\w*|indicat\w*)\b|"
    r"\s*[,.;:)]|\s*$)|data|analysts?|calculations?|i/b/e/s|strategists?|economists?|"
    r"research\b|market data|securities analyst|equity research|said in a (?:research )?note|wrote in a note|"
    r"analyst|economist|strategist|survey|poll|indices|index provider|"
    r"reported(?=\s*(?:[,;.]|$|that\b|on\b|citing\b)))"  # "Il Sole 24 Ore reported;" (not "reported record sales")
    r"|^(?:'s?|’s?)?(?:\s+[a-z&]{2,7})?\s+(?:analysts?|strategists?|economists?|research|team)\b")
# A broker acting on another company's stock: "Morgan Stanley lifted its price target on Tesla", "Jefferies
# downgraded Nike to hold", "raised its price objective on" (lower-cased text after the name).
RATINGS = (r"underweight|overweight|neutral|hold|buy|sell|outperform|underperform|equal[- ]weight|market perform|"
           r"sector perform|reduce|accumulate|add|strong buy")
BROKER_AFTER = icase(
    r"(?:'s?|’s?)?(?:\s+[a-z&]{2,5}(?=\s+(?:raised|lifted|cut|lowered|kept|maintained|retained|reiterated|set|"
    r"has)\b))?"
    r"\s+(?:(?:has|have|had|also|on \w+)\s+)*(?:(?:raised|lifted|boosted|hiked|increased|cut|lowered|"
    r"trimmed|reduced|slashed|set|kept|maintained|retained|reaffirmed|reiterated|initiated|started|resumed)\s+"
    r"(?:its|their|a|the)\s+(?:\d+ month\s+)?(?:price target|target price|price objective|stock target|rating|"
    rf"recommendation|(?:{RATINGS})\s+(?:call|rating|recommendation))\s+(?:on|for|with)\b"
    r"|(?:has|have|had|sets?|puts?)\s+an?\s+[^.;\n]{0,24}?\btarget\s+(?:price\s+)?(?:on|for)\b"  # "has a $45 target on"
    r"|(?:upgraded|downgraded)\s+(?:shares of\s+|the stock\b|[a-z][\w&.]*\s+(?:to|from)\b)"
    r"|(?:initiated|started|resumed|began)\s+coverage\s+(?:of|on)\b"
    r"|(?:cut|lowered|raised|lifted|moved|upgraded|downgraded)\s+[a-z][\w&.'’]*(?:\s+[a-z][\w&.'’]*)?\s+to\s+(?:an?\s+)?"
    rf"(?:{RATINGS})\b)")  # "cut Burberry to underweight"
PERSON_OF = re.compile(r"\b[A-Z][a-z]+(?:\s+[A-Z]\.)?\s+[A-Z][a-zA-Z'\-]+(?:,\s+[^,\n]{1,60},)?\s+(?:of|at|from|with)\s+$")
QUOTE_NEAR = re.compile(r"(?:\bsaid\b|\bsays\b|\bwrote\b|\btold\b|[\"“”])")


def title_line(text: str, pos: int) -> bool:
    """A headline or a table row: most of its longer words capitalised, so a capital says nothing."""
    lo = text.rfind("\n", 0, pos) + 1
    hi = text.find("\n", pos)
    words = [w for w in re.findall(r"[A-Za-z][\w']{3,}", text[lo:hi if hi >= 0 else len(text)])]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.7 * len(words)


def sentence(text: str, start: int, end: int) -> tuple[int, int]:
    """The span of the sentence (or table line) holding [start, end)."""
    # The stops are looked for within the line only (a stop beyond the line break is never nearer than it): a
    # search back to the text's start for a "!" it may not have made a long text's mentions cost its square.
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    stop = len(text) if line_end < 0 else line_end + 1
    lo = max(text.rfind(". ", line_start, start) + 1, line_start, text.rfind("! ", line_start, start) + 1,
             text.rfind("? ", line_start, start) + 1, 0)
    hi_candidates = [i for i in (text.find(". ", end, stop), line_end, text.find("! ", end, stop)) if i >= 0]
    return lo, min(hi_candidates) if hi_candidates else len(text)


def is_source(text: str, low: str, start: int, end: int) -> bool:
    """Named only as where a report, its data or a quoted analysis comes from."""
    before, after = low[max(0, start - 90):start], low[end:end + 40]
    if SOURCE_BEFORE.search(before) or SOURCE_AFTER.match(after) or BROKER_AFTER.match(low, end, end + 120):
        return True
    lo, hi = sentence(text, start, end)
    return bool(PERSON_OF.search(text[max(lo, start - 80):start])) and bool(QUOTE_NEAR.search(text[lo:hi]))


# A list before a name: "Delta, United and " (capitalised items of one or two words; `LIST_ITEM` reads them).
LIST_BEFORE = re.compile(r"(?:[A-Z][\w&'.\-]*(?: [A-Z][\w&'.\-]*)?,\s+)*[A-Z][\w&'.\-]*(?: [A-Z][\w&'.\-]*)?"
                         r",?\s+(?:and|or|&)\s+$")
LIST_ITEM = re.compile(r"[A-Z][\w&'.\-]*(?: [A-Z][\w&'.\-]*)?(?=,|\s+(?:and|or|&)\s)")
INITIALS = re.compile(r"\b[A-Z][A-Za-z&]{1,4}\b")
LEGAL = frozenset("inc corp co ltd plc group holdings the of and & sa ag nv".split())


def initials(text: str, named: list[Mention]) -> list[Mention]:
    """A company the article names in full, then by its initials ("Silicon Valley Bank ... SVB shares lost 60%",
    "Tata Consultancy Services ... TCS"): the initials are that company too."""
    by_initials: dict[str, Mention] = {}
    for m in named:
        words = [w for w in re.findall(r"[A-Za-z]+", m.text) if w.lower() not in LEGAL]
        if len(words) >= 2 and m.role != "source":
            by_initials.setdefault("".join(w[0] for w in words).upper(), m)
    if not any(key in text for key in by_initials):
        return []  # none is written (looking for them costs far less than reading every short capitalised word)
    taken = [(m.start, m.end) for m in named]
    out = []
    for hit in INITIALS.finditer(text):
        found = by_initials.get(hit.group().upper())
        if found is None or hit.group() != hit.group().upper() or any(a <= hit.start() < b for a, b in taken):
            continue
        out.append(Mention(found.symbol, found.name, hit.group(), hit.start(), hit.end(), found.role, found.exchange))
    return out
