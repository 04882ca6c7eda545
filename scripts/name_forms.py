"""The names writers use for a listed company, derived from the name it is registered under.

Pure functions of a name (and of its words): the registered name with its legal forms dropped, the core after a
leading word that only says the kind of firm or its country, initials, contractions, the forms of "&" and "and".
scripts/build_gazetteer.py decides which company a derived form goes to; nothing here reads a file.
"""
from __future__ import annotations

import re

# Legal forms and registry tags writers leave out; removed from the end, repeatedly ("Tencent Holding Ltd.").
LEGAL_TAIL = re.compile(
    r"(?:[ ,]+(?:Inc|Incorporated|Corp|Corporation|Co|Company|Cos|Companies|Ltd|Limited|plc|Plc|PLC|L\.?P|LLC|"
    r"Holdings?|Group|S\.?A|S\.?A\.?B\.? de C\.?V|SAB de CV|S\.?A\.?A|SAA|AG|N\.?V|S\.?E|ASA|AB|A/?S|Oyj|Oy|Abp|"
    r"S\.?p\.?A|KGaA|& Co\.? KGaA|SE & Co|Berhad|Bhd|Tbk|PJSC|OJSC|PAO|JSC|K\.?K|Kabushiki Kaisha|"
    r"Public Company|Pcl|PCL|SpA|Societe Anonyme|Aktiengesellschaft|N\.?V\.?/?S\.?A|The|Ord|ADR|"
    r"Class [A-C]|Cl [A-C]|Series [A-C]|Common Stock|Ordinary Shares|Pref|Preference|Units?|Reit|REIT)\.?|\s*\(publ\)|\s*\(The\)|"
    r"\s*/[A-Z]{2,3}/?|\s*\\[A-Z]{2,3}\\?|,)\s*$", re.I)
LEGAL_HEAD = re.compile(r"^(?:The |PT |PJSC |OAO |JSC )", re.I)
GENERIC = {  # words that never stand alone for one company
    "group", "holdings", "holding", "international", "global", "industries", "corporation", "company", "bank",
    "financial", "capital", "resources", "energy", "technologies", "technology", "systems", "services", "partners",
    "trust", "fund", "investment", "investments", "properties", "realty", "acquisition", "pharmaceuticals",
    "financiero", "financiera", "financiere", "financière", "finanziaria",
}
# Connectors of the Romance languages; after a kind word writers drop them with the kind word or keep the kind word
# alone ("Banco de Sabadell" is "Banco Sabadell" and "Sabadell"). The core after one is often a place ("Banco do
# Brasil", "Banco de Chile"), so the build keeps it only when it is no common word.
ROMANCE_CONNECTORS = {"de", "do", "da", "dos", "das", "di", "dei", "del", "della", "degli", "delle", "du", "des"}
CONNECTORS = {"of", "and", "the", "&", "la", "y", "und", "for"} | ROMANCE_CONNECTORS
# Initials that market news uses for public bodies and economic measures, never for a company's short form
# ("ECB" in "Thursday's ECB decision" is the central bank, not ECB Bancorp): central banks, regulators,
# statistics offices, international bodies, and the measures they publish (common usage in financial news).
PUBLIC_INITIALS = {
    "ecb", "fed", "boe", "boj", "bok", "boc", "rba", "rbi", "rbnz", "snb", "pboc", "fomc", "imf", "bis", "oecd",
    "wto", "opec", "iea", "eu", "un", "who", "sec", "fca", "sebi", "csrc", "cftc", "ftc", "doj", "fda", "esma", "eba",
    "ons", "bls", "cbo", "irs", "nhs", "gdp", "cpi", "ppi", "pmi", "ipo", "ceo", "cfo", "etf",
}
# Leading words that say what kind of firm it is, in several languages; writers drop them and keep the core
# ("Assicurazioni Generali" is "Generali", "Banco Santander" is "Santander", "Grupo Televisa" is "Televisa").
KIND_HEAD = {"assicurazioni", "banca", "banco", "bank", "compagnie", "companhia", "compania", "grupo", "gruppo",
             "groupe", "societe", "société", "industrias", "cia", "koninklijke", "empresas",
             # the Nordic company ("aktiebolag", "aktieselskab") written in front: "AB Volvo", "Telefonaktiebolaget
             # LM Ericsson" (a telephone company), "Aktieselskabet Schouw"
             "ab", "aktiebolaget", "telefonaktiebolaget", "aktieselskabet"}
# A second word of the kind, after the first: "Grupo Financiero Banorte", "Compagnie Financiere Richemont".
KIND_SECOND = {"financiero", "financiera", "financiere", "financière", "finanziaria"}
# Leading words that say only the firm's country; writers drop them when the rest is a name, not an ordinary word
# ("Deutsche Lufthansa" is "Lufthansa"; "Deutsche Post" stays whole, "Post" being a word).
NATION_HEAD = {"deutsche", "deutscher", "british", "american", "swiss", "nippon", "japan", "china", "korea",
               "indian", "australian", "canadian", "svenska", "norsk", "danske", "suomen", "royal"}
# Generic words writers shorten, and their short forms: "HCL Technologies" is "HCL Tech" or "HCLTech".
CONTRACTED = {"technologies": "Tech", "technology": "Tech", "pharmaceuticals": "Pharma", "pharmaceutical": "Pharma"}
# Common capitalised abbreviations that are never taken as a company's initials.
NOT_INITIALS = {
    "CEO", "CFO", "COO", "CTO", "GDP", "IPO", "USA", "EPS", "ETF", "USD", "EUR", "GBP", "JPY", "INR", "IMF", "ECB",
    "SEC", "FBI", "CIA", "NYSE", "NSE", "BSE", "LSE", "TSX", "ASX", "AGM", "EBIT", "EBITDA", "YOY", "QOQ", "FY",
    "BBC", "CNN", "UN", "EU", "UK", "US", "AI", "IT", "PM", "AM", "LLC", "PLC", "RBI", "SEBI", "FII", "FIIS", "DII",
    "GST", "NPA", "CPI", "PMI", "OPEC", "WTO", "WHO", "NATO", "BJP", "NDA", "API", "ATM", "EV", "EVS", "CAC", "DAX",
    "FTSE", "IPL", "HNI", "MSCI", "IST", "GMT", "EST", "EDT", "UTC", "CET", "BST", "PST", "HKT", "JST", "LIC",
}


def title(word: str) -> str:
    """An EDGAR word in writers' case: acronyms (no vowel, or three letters at most) stay in capitals,
    connectors go lower-case, and words with signs ("AT&T", "3M") stay as written."""
    if word.lower() in CONNECTORS:
        return word.lower()
    bare = word.strip(",.")
    if not bare.isupper() or not bare.replace("'", "").isalpha() or len(bare) <= 3 or not re.search(r"[AEIOUY]", bare):
        return word
    return word.capitalize()


def shouted(name: str) -> bool:
    """An EDGAR title: its letters nearly all capitals ("PROCTER & GAMBLE Co")."""
    letters = [c for c in name if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) >= 0.8 * len(letters)


def short_name(name: str) -> str:
    """The name as writers use it: legal forms, registry tags and a leading "The" dropped."""
    name = re.sub(r"\s+", " ", name.replace("’", "'")).strip()
    if shouted(name):
        name = " ".join(title(w) for w in name.split(" "))
    prev = None
    while prev != name:
        prev = name
        name = LEGAL_TAIL.sub("", name).strip(" ,.-/")
        name = re.sub(r"\s+(?:&|and)$", "", name)  # "Mitsui & Co" -> "Mitsui"
        name = LEGAL_HEAD.sub("", name).strip()
    return name


def cores(words: list[str]) -> list[list[str]]:
    """The name's words, and its words after what writers drop in front: a leading word that only says the kind of
    firm (with a second kind word, a Romance connector and a founder's initials after it: "Grupo Financiero
    Banorte", "Banco de Sabadell", "Telefonaktiebolaget LM Ericsson"), or, before one last word, its country or a
    founder's initial ("J Sainsbury" is "Sainsbury")."""
    out = [words]
    head = words[0].lower().rstrip(".") if words else ""
    if head in KIND_HEAD:
        rest = words[1:]
        if len(rest) >= 2 and rest[0].lower() in KIND_SECOND:
            rest = rest[1:]
        if len(rest) >= 2 and rest[0].lower() in ROMANCE_CONNECTORS:
            rest = rest[1:]
        if len(rest) >= 2 and re.fullmatch(r"[A-Z]{1,2}", rest[0]) and len(rest[1]) > 2:
            rest = rest[1:]  # "LM Ericsson": Lars Magnus Ericsson's initials
        if rest and rest[0][:1].isupper() and rest[0].lower() not in CONNECTORS:
            out.append(rest)
    elif len(words) == 2 and words[1][:1].isupper() and words[1].lower() not in CONNECTORS and (
            head in NATION_HEAD or initial(head, words[1])):
        out.append(words[1:])
    return out


def over_connector(words: list[str], core: list[str]) -> bool:
    """Whether the core was reached over a Romance connector ("Sabadell" of "Banco de Sabadell")."""
    return len(core) < len(words) and words[len(words) - len(core) - 1].lower() in ROMANCE_CONNECTORS


def brand_part(short: str) -> tuple[str, str]:
    """A name written "<legal name> - <brand>" or "<brand> - <legal name>" ("Petroleo Brasileiro S.A. - Petrobras",
    "Companhia Paranaense de Energia - COPEL", EDGAR's "PETROBRAS - PETROLEO BRASILEIRO"): the legal name without
    its legal form, and the brand, one word, which writers use; else the name and ""."""
    parts = short.split(" - ")
    if len(parts) != 2:
        return short, ""
    a, b = (short_name(part) for part in parts)
    if " " in a and b and " " not in b:
        return a, b
    if " " in b and a and " " not in a:
        return b, a
    return short, ""


def contracts(word: str, name_words: list[str]) -> bool:
    """Whether `word` is made of the beginnings of two or more of the name's words, in order, each of two letters or
    more and short of its word, one of three or more: "Walmex" (WALmart de MEXico), "Inditex" (INdustria DIseno
    TEXtil); not "Tatamotors", the words written together."""
    parts = [w.replace("-", "").lower() for w in name_words if w.lower() not in CONNECTORS]
    target = word.lower()

    def built(i: int, j: int, used: int, longest: int) -> bool:
        if i == len(target):
            return used >= 2 and longest >= 3
        for k in range(j, len(parts)):
            n = 0
            while n < len(parts[k]) - 1 and i + n < len(target) and parts[k][n] == target[i + n]:
                n += 1
                if n >= 2 and built(i + n, k + 1, used + 1, max(longest, n)):
                    return True
        return False

    return target.isalpha() and built(0, 0, 0, 0)


def initial(head: str, second: str) -> bool:
    """A founder's initial before a surname ("J Sainsbury"); not an Irish "O" nor a run of initials ("J M")."""
    return len(head) == 1 and head.isalpha() and head != "o" and len(second.rstrip(".")) > 1


def contractions(short: str) -> list[str]:
    """An acronym and a generic word writers shorten: "HCL Technologies" -> "HCL Tech", "HCLTech"."""
    words = short.split(" ")
    if len(words) != 2 or not (words[0].isupper() and words[0].isalpha() and 2 <= len(words[0]) <= 5):
        return []
    short_word = CONTRACTED.get(words[1].lower())
    return [f"{words[0]} {short_word}", f"{words[0]}{short_word}"] if short_word else []


def initials(words: list[str]) -> str:
    """The first letters of the name's words and of the parts of a hyphenated word ("Oversea-Chinese Banking" is
    OCB, so OCBC with its "Corporation")."""
    parts = [p for w in words for p in w.split("-")]
    return "".join(w[0] for w in parts if w.lower() not in CONNECTORS and w[:1].isalpha()).upper()


def spaced_initials(name: str) -> str:
    """Letters joined by a spaced "&" written without spaces, as writers do ("H & M" is "H&M"); "" when none."""
    joined = re.sub(r"(?<![\w&])([A-Z]) & ([A-Z])(?![\w&])", r"\1&\2", name)
    return joined if joined != name else ""


COMPANY_WORDS = (" Group", " Holdings")


def group_form(registered: str, short: str) -> list[str]:
    """The name with the "Group" or "Holdings" writers often keep ("Match Group", "Sony Group"): a company's
    name by its form, even when the short name is an ordinary word."""
    words = re.sub(r"\s+", " ", registered).strip().rstrip(",.").split(" ")
    n = len(short.split(" "))
    if len(words) > n and " ".join(words[:n]).lower() == short.lower() and \
            any(words[n].strip(",.").lower() == w.strip().lower() for w in COMPANY_WORDS):
        return [f"{short} {words[n].strip(',.').capitalize()}"]
    return []


def joined_forms(name: str) -> list[str]:
    """The name with "and" written "&" and the other way ("Marks and Spencer", "Marks & Spencer"), and a spaced
    dash written as a hyphen ("A.P. Moller - Maersk" is "A.P. Moller-Maersk")."""
    out = [name.replace(" - ", "-")] if " - " in name else []
    if " and " in name:
        return out + [name.replace(" and ", " & ")]
    return out + ([name.replace(" & ", " and ")] if " & " in name else [])


def squash(name: str) -> str:
    """A name's letters and digits alone, in lower case: "Domino's Pizza", "DOMINOS PIZZA" are one name."""
    return re.sub(r"[^0-9a-z]", "", name.lower())


def writers_spelling(name: str) -> tuple[bool, int]:
    """How much a spelling looks like a writer's: an apostrophe ("Kohl's", EDGAR drops it), then lower case."""
    return "'" in name, sum(c.islower() for c in name)
