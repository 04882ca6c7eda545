#!/usr/bin/env python3
"""Build enrich/data/listings.csv, indices.csv and symbol_changes.csv from the reference folder.

    .venv/bin/pip install -e ".[build]"
    .venv/bin/python scripts/build_gazetteer.py ../shared/reference

Sources (read from the folder given; its README.md names where each row came from and its date):
- listings.csv: 49,013 listed lines (SEC company_tickers_exchange.json of 2026-06-01, FinanceDatabase
  equities of 2026-08-02/07) with Yahoo symbol, MIC, currency, country, size class, primary flag.
- indices.csv: 61 indices with the names writers use.
- symbol_changes.csv: US renames (seer ticker_aliases.csv, verified against fja05680/sp500) and NSE India's
  symbol-change list.
Word lists, used only to mark names that are also ordinary words or common phrases:
- english-words (web2, Webster's Second International of 1934, lower-cased): is a word an English word or a
  common proper name (Ford, Jackson, Dover)?
- wordfreq (Zipf frequencies of English): is a leading word too common to stand for one company (First, China)?

What is written, per listing: the names writers use for it, each marked with how it was made, so the program
can weigh them without re-deriving anything at start-up (see enrich/gazetteer.py for the markers). The forms of
one name (legal forms dropped, cores, brands, contractions, initials) are scripts/name_forms.py's; this script
decides which company each form goes to.
"""
from __future__ import annotations

import argparse
import csv
import re
import sys
from collections import defaultdict
from pathlib import Path

from english_words import get_english_words_set
from wordfreq import zipf_frequency

from name_forms import (COMPANY_WORDS, CONNECTORS, GENERIC, KIND_HEAD, NOT_INITIALS, PUBLIC_INITIALS, brand_part,
                        contractions, contracts, cores, group_form, initials, joined_forms, over_connector,
                        short_name, spaced_initials, squash, title, writers_spelling)

OUT = Path(__file__).resolve().parent.parent / "enrich" / "data"
US_VENUES = {"XNYS", "XNAS", "XASE"}
RELISTING_VENUES = {"XWBO", "XMEX", "XBUE"}  # venues quoting many foreign companies' shares (reference, section 3)
SIZES = {"Mega": 5, "Large": 4, "Mid": 3, "Small": 2, "Micro": 1, "Nano": 0, "": 0}
FUND_WORDS = {"fund", "trust", "acquisition", "etf", "portfolio", "income", "municipal", "ventures"}


def size_of(r: dict) -> int:
    """A line's size class; a US registrant on NYSE or Nasdaq that the reference could not size (a recent listing:
    Robinhood, Arm) ranks as a small company, unless its name says it is a fund or a blank-cheque shell."""
    if SIZES[r["size"]] or r["source"] != "sec" or r["mic"] not in ("XNYS", "XNAS"):
        return SIZES[r["size"]]
    words = set(re.findall(r"[a-z]+", r["name"].lower()))
    return 0 if words & FUND_WORDS else 2


def products(rows: list[dict], shorts: dict[str, str]) -> set[str]:
    """Lines of an issuer of exchange-traded notes and other products: an EDGAR registrant of no country with
    four or more symbols, none sized, named like a sized company abroad ("UBS AG" issuing notes on NYSE Arca
    beside UBS Group of Zurich). Its products never stand for the company's name."""
    by_cik: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        if r["source"] == "sec" and r["cik"]:
            by_cik[r["cik"]].append(r)
    sized_abroad = {shorts[r["symbol"]].split(" ")[0].lower() for r in rows
                    if r["primary"] == "1" and SIZES[r["size"]] and r["mic"] not in US_VENUES}
    out: set[str] = set()
    for group in by_cik.values():
        if len(group) >= 4 and not any(r["size"] or r["country"] for r in group) \
                and shorts[group[0]["symbol"]].split(" ")[0].lower() in sized_abroad:
            out |= {r["symbol"] for r in group}
    return out


def yielding(rows: list[dict], shorts: dict[str, str]) -> dict[str, str]:
    """Primary lines that yield their bare short name to a parent on the same exchange whose registered name is
    the short name and "Group" or "Holdings" ("SoftBank" is SoftBank Group; its unit SoftBank Corp is named with
    its legal word): symbol -> the name with that word."""
    by_short: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for r in rows:
        if r["primary"] == "1" and r["country"]:
            by_short[(shorts[r["symbol"]].lower(), r["mic"])].append(r)
    out = {}
    for group in by_short.values():
        parents = [r for r in group if group_form(r["name"], shorts[r["symbol"]])]
        if len(parents) != 1 or len(group) < 2 or any(size_of(r) > size_of(parents[0]) for r in group):
            continue
        for r in group:
            short = shorts[r["symbol"]]
            rest = re.sub(r"\s+", " ", r["name"]).strip().rstrip(",.").split(" ")[len(short.split(" ")):]
            if r is not parents[0] and rest:
                out[r["symbol"]] = f"{short} {title(rest[0].strip(','))}"
    return out


def link_lines(rows: list[dict], shorts: dict[str, str]) -> dict[str, dict]:
    """Each line that is not primary -> the primary line of its company: the one primary line with the same ISIN,
    else the one with the same name (letters and digits) in the same known country."""
    by_isin: dict[str, list[dict]] = defaultdict(list)
    by_name: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for r in rows:
        if r["primary"] == "1":
            if r["isin"]:
                by_isin[r["isin"]].append(r)
            if r["country"]:
                by_name[(squash(shorts[r["symbol"]]), r["country"])].append(r)
    out = {}
    for r in rows:
        if r["primary"] == "1":
            continue
        found = by_isin.get(r["isin"], []) if r["isin"] else []
        found = found or (by_name.get((squash(shorts[r["symbol"]]), r["country"]), []) if r["country"] else [])
        if len(found) == 1:
            out[r["symbol"]] = found[0]
    return out


def namesakes(rows: list[dict]) -> set[str]:
    """Primary lines named exactly like a primary line in another country that carries an ISIN, while they carry
    none: FinanceDatabase gives some Indian companies their foreign namesake's name ("Siemens Aktiengesellschaft"
    for Siemens Ltd, "Sanofi" for Sanofi India) and the reference blanks the copied ISIN. Their names hold only in
    an article about their own market."""
    by_name: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        if r["primary"] == "1":
            by_name[re.sub(r"\s+", " ", r["name"]).strip().lower()].append(r)
    out = set()
    for group in by_name.values():
        with_isin = {r["country"] for r in group if r["isin"]}
        out |= {r["symbol"] for r in group if not r["isin"] and with_isin - {r["country"]}}
        # A foreign company's re-listing in Vienna, Mexico or Buenos Aires that FinanceDatabase marks primary with
        # the venue's country ("Mediobanca ..." in Vienna, "Austria"), named exactly like a line of another country.
        elsewhere = {r["country"] for r in group if r["mic"] not in RELISTING_VENUES}
        out |= {r["symbol"] for r in group if r["mic"] in RELISTING_VENUES and elsewhere - {r["country"]}}
    # A foreign company's shares quoted on a small exchange abroad, which FinanceDatabase marks primary but cannot
    # size ("ADIDAS" in Budapest for adidas AG of Frankfurt): named like a sized primary line of another country.
    # The sized line may be known by the core of its name ("LUFTHANSA" in Budapest, "Deutsche Lufthansa AG").
    by_squash: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        if r["primary"] == "1":
            words = short_name(r["name"]).split(" ")  # an ordinary-word core ("Science" of "AB Science") is no name
            forms = [c for c in cores(words) if c is words or zipf_frequency(" ".join(c).lower(), "en") < 4.0] \
                if SIZES[r["size"]] else [words]
            for form in {squash(" ".join(words)) for words in forms}:
                by_squash[form].append(r)
    for group in by_squash.values():
        sized = {r["country"] for r in group if SIZES[r["size"]]}
        out |= {r["symbol"] for r in group if r["source"] != "sec" and not SIZES[r["size"]] and not r["isin"]
                and sized - {r["country"]}}
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("reference", type=Path, help="the reference folder (listings.csv, indices.csv, ...)")
    args = ap.parse_args()
    web2 = get_english_words_set(["web2"], lower=True)

    def ordinary(phrase: str) -> bool:
        """A word in Webster's (an English word, or a proper name it lists: Ford, Dover), or a phrase of common
        dictionary words ("Best Buy", "State Street"): such a name needs a corporate cue."""
        words = [w for w in re.split(r"[\s\-]+", phrase.lower().replace(".", "")) if w and w not in CONNECTORS]
        known = [w in web2 or w.removesuffix("'s") in web2 for w in words]
        if len(words) == 1:
            return known[0]
        return bool(words) and all(known) and all(zipf_frequency(w, "en") >= 4.0 for w in words)

    rows = list(csv.DictReader((args.reference / "listings.csv").open(encoding="utf-8")))
    places = {r["country"].lower() for r in rows if r["country"]}
    with (OUT / "markets.csv").open(encoding="utf-8") as f:  # cities and countries of the markets: never a short form
        for r in csv.DictReader(line for line in f if not line.startswith("#")):
            places |= {p.lower() for p in r["places"].split(";") if p}
    shorts = {r["symbol"]: short_name(r["name"]) for r in rows}
    # A company's lines: its writers' spelling may be on another line ("GAP INC" in EDGAR, "The Gap, Inc." on
    # B3; "DOMINOS PIZZA INC", "Domino's Pizza, Inc." in Vienna). The primary line takes every spelling of its
    # name; the other lines are named by it and keep only their symbols, except the same shares on a US
    # exchange (Shopify in Toronto and on Nasdaq), which an article set in the US market may mean.
    home_of = link_lines(rows, shorts)
    spellings: dict[str, set[str]] = defaultdict(set)
    for symbol, home in home_of.items():
        if squash(shorts[symbol]) == squash(shorts[home["symbol"]]):
            spellings[home["symbol"]].add(shorts[symbol])
    for symbol, forms in spellings.items():
        forms.add(shorts[symbol])
        shorts[symbol] = max(sorted(forms), key=writers_spelling)
    cross_listed = {r["symbol"] for r in rows if r["primary"] != "1" and r["mic"] in US_VENUES and r["isin"]
                    and r["symbol"] in home_of and home_of[r["symbol"]]["mic"] not in US_VENUES
                    and home_of[r["symbol"]]["isin"] == r["isin"]}
    unnamed = {s for s, home in home_of.items() if s not in cross_listed
               and squash(shorts[s]) == squash(shorts[home["symbol"]])}
    unnamed |= products(rows, shorts)
    local_only = namesakes(rows)
    yields = yielding(rows, shorts)
    own_names = {s.lower() for s in shorts.values()}

    # Leading-word short forms ("Barratt" for Barratt Developments, "Samsung" for Samsung Electronics): a
    # form goes to the one largest company that leads with it, worldwide ("~"), or else in its own country ("@").
    leads: dict[str, list[dict]] = defaultdict(list)
    extra: dict[str, list[str]] = defaultdict(list)
    spelled_as: dict[tuple[str, str], str] = {}  # (lead, symbol) -> the lead as that company spells it
    common: set[tuple[str, str]] = set()  # (symbol, lead): a common word, a name only with a cue in its own market
    local_leads: set[tuple[str, str]] = set()  # (symbol, lead): a name only in the company's own market
    for r in rows:
        if r["primary"] != "1" or size_of(r) < 2 or r["symbol"] in local_only:
            continue  # no short forms for micro caps, shells, funds of unknown size, nor a namesake's re-listing
        legal, brand = brand_part(shorts[r["symbol"]])
        words = legal.split(" ")
        for core in cores(words) + ([[brand]] if brand else []):
            if core != [brand] and over_connector(words, core):
                # "Banco de Sabadell" is "Sabadell", "Banco do Brasil" no "Brasil": a core past a connector is often a
                # place, so it must be rare in English text (a capital English news names, "Banco de Brasilia"'s, is
                # not) and holds only in the company's own market
                if size_of(r) < 3 or len(core) > 1 or zipf_frequency(core[0].lower(), "en") >= 2.0:
                    continue
                extra[r["symbol"]].append("~" + " ".join(words[:-2] + core))  # the kind word kept: "Banco Sabadell"
                local_leads.add((r["symbol"], core[0]))
            # a core is a form whole, and so is the legal name beside a brand ("Air France" of "Air France - KLM")
            for k in range(1, len(core) + (core is not words or bool(brand))):
                lead = " ".join(core[:k])
                last = core[k - 1].lower()
                if len(lead) < 3 or last in CONNECTORS or last in GENERIC or lead.lower() in places \
                        or not lead[0].isalpha():
                    continue
                frequency = zipf_frequency(lead.lower(), "en")
                if k == 1 and frequency >= 4.3:  # "First", "China", "American": too common to name one company,
                    if frequency >= 5.0 or size_of(r) < 3 or len(core) != 2 or core[1].lower() not in GENERIC:
                        continue
                    common.add((r["symbol"], lead))  # but "Origin" for Origin Energy, the rest saying its trade
                if core is not words and core != [brand] and words[0].lower() not in KIND_HEAD and (
                        ordinary(lead) or frequency >= 3.5):
                    continue  # "Deutsche Post" is no "Post", "American Airlines" no "Airlines", "T Stamp" no "Stamp"
                leads[lead.lower()].append(r)
                spelled_as[(lead.lower(), r["symbol"])] = lead

    def unique_largest(group: list[dict]) -> dict | None:
        ranked = sorted(group, key=lambda r: -size_of(r))
        if len(ranked) == 1 or size_of(ranked[0]) > size_of(ranked[1]):
            return ranked[0]
        return None

    owned_by: dict[str, set[str]] = defaultdict(set)  # a short name -> the countries of primary lines bearing it
    for r in rows:
        if r["primary"] == "1" and r["symbol"] not in local_only:  # "LUFTHANSA" in Budapest owns no name
            owned_by[shorts[r["symbol"]].lower()].add(r["country"])
    for lead, group in leads.items():
        best = unique_largest(group)
        owners = owned_by.get(lead, set())
        if owners:  # the full name of another company ("Reliance, Inc."): only a local form elsewhere
            group = [r for r in group if r["country"] not in owners]
            best = None
        if best is not None:
            form = spelled_as[(lead, best["symbol"])]
            extra[best["symbol"]].append(("@" if (best["symbol"], form) in common | local_leads else "~") + form)
            continue
        by_country: dict[str, list[dict]] = defaultdict(list)
        for r in group:
            by_country[r["country"]].append(r)
        for country, members in by_country.items():
            local = unique_largest(members)
            if country and local is not None:
                extra[local["symbol"]].append("@" + spelled_as[(lead, local["symbol"])])

    for r in rows:
        if r["primary"] == "1" and size_of(r) >= 3:
            extra[r["symbol"]] += ["~" + form for form in contractions(shorts[r["symbol"]])]
    # Initials writers use for large companies: "M&M", "L&T" for two names joined by "&"; "RIL", "SBI", "TCS",
    # "OCBC" (Oversea-Chinese Banking Corporation); and for mid-sized ones, initials their ticker spells out
    # ("IRCTC", Indian Railway Catering & Tourism Corporation; "FEMSA", Fomento Economico Mexicano, S.A.B.).
    for r in rows:
        if r["primary"] != "1":
            continue
        words = shorts[r["symbol"]].split(" ")
        if len(words) == 3 and words[1] in ("&", "and") and all(w[:1].isupper() for w in (words[0], words[2])):
            extra[r["symbol"]].append("~" + f"{words[0][0]}&{words[2][0]}")
        ticker = r["symbol"].split(".")[0].upper()
        if SIZES[r["size"]] < 3:
            continue
        significant = [w for w in words if w.lower() not in CONNECTORS]
        if len(significant) < 2 or any(w.isupper() and len(w) > 1 for w in significant):
            continue  # one word, or already an acronym ("HDFC Bank")
        legal = [w[0].upper() for w in re.findall(r"\b(Corporation|Limited)\b", r["name"], re.I)]
        forms = [initials(words) + "".join(legal[:j]) for j in range(len(legal) + 1)]
        spelled = [f + "SA" for f in forms if re.search(r"\bS\.A\.", r["name"])]  # "Fomento ..., S.A.B."
        spelt = max((f for f in forms + spelled if ticker.startswith(f) and len(f) >= 4), key=len, default="")
        for form in dict.fromkeys(forms + spelled):
            if len(form) >= 3 and form not in NOT_INITIALS and form.lower() not in own_names and (
                    SIZES[r["size"]] >= 4 and form in forms or form == spelt):
                extra[r["symbol"]].append("~" + form)
    # A ticker or a word of another line's title that contracts the name ("WALMEX" for Wal-Mart de Mexico; EDGAR's
    # "Industria de Diseno Textil Inditex SA / ADR"): the name writers use, for a company of mid size or more.
    primary_named: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        if r["primary"] == "1" and size_of(r) >= 3 and r["symbol"] not in local_only:
            primary_named[shorts[r["symbol"]].lower()].append(r)
    for r in rows:
        words = shorts[r["symbol"]].split(" ")
        owner = primary_named.get(" ".join(words[:-1]).lower(), [])
        if len(words) >= 3 and len(owner) == 1 and contracts(words[-1], words[:-1]):
            extra[owner[0]["symbol"]].append("~" + words[-1].capitalize())
        ticker = r["symbol"].split(".")[0]
        if r in primary_named.get(shorts[r["symbol"]].lower(), []) and r["mic"] not in US_VENUES \
                and len(ticker) >= 5 and contracts(ticker, words) and ticker.lower() not in web2 \
                and sum(c in "AEIOU" for c in ticker.upper()) >= 2:
            extra[r["symbol"]].append("~" + ticker.capitalize())
    # Local names: a company written "<Parent> <Country>" is "<Parent>" in an article about its own market
    # ("Nestle" in a Mumbai report is Nestle India).
    for r in rows:
        words = shorts[r["symbol"]].split(" ")
        if r["primary"] == "1" and len(words) >= 2 and words[-1].lower() == r["country"].lower():
            parent = words[:-1]
            while parent and parent[-1].lower() in CONNECTORS:
                parent.pop()
            if parent:
                extra[r["symbol"]].append("@" + " ".join(parent))

    with (OUT / "listings.csv").open("w", encoding="utf-8", newline="") as f:
        f.write("# Built by scripts/build_gazetteer.py from the reference folder (see README, 'The gazetteer').\n"
                "# names: '|'-separated; '?' before a name: an ordinary word or phrase (needs a corporate cue);\n"
                "# '~' a short form or initials (weaker than a name); '@' a form that holds only in an article\n"
                "# about the listing's own market. primary: 1 the company's primary line, 2 the same shares on a\n"
                "# US exchange (an article set in the US market means it), 0 any other line (named by its primary).\n"
                "# home: for a line that is not primary (an ADR, a cross-listing, a line in another market), the\n"
                "# company's primary line.\n")
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["symbol", "mic", "currency", "country", "primary", "size", "names", "home"])
        for r in rows:
            symbol, short = r["symbol"], shorts[r["symbol"]]
            names = [] if symbol in unnamed else [short] + joined_forms(short) + group_form(r["name"], short) + sorted(
                f for f in spellings.get(symbol, ()) if f.lower() != short.lower()) + extra.get(symbol, [])
            if symbol in yields and names:
                names = [yields[symbol], "~" + short] + names[1:]
            names += [joined for n in names if (joined := spaced_initials(n))]  # "H & M" is "H&M"
            marked = []
            for n in dict.fromkeys(names):
                bare = n.lstrip("~@")
                if not bare or bare.lower() in GENERIC or bare.lower() in places or (
                        n.startswith(("~", "@")) and bare.lower() in PUBLIC_INITIALS):
                    continue
                if bare.isupper() and bare.isalpha() and len(bare) >= 4 and bare.lower() in web2:
                    n = n[:len(n) - len(bare)] + bare.capitalize()  # "NEXT plc" is Next, a word, not an acronym
                    bare = bare.capitalize()
                if symbol in local_only:
                    n = "@" + bare
                flag = "?" if (symbol, bare) in common or ordinary(bare) and not (bare.isupper() and len(bare) <= 5) \
                    and not bare.endswith(COMPANY_WORDS) else ""
                marked.append(flag + n)
                if n == short and r["primary"] == "1" and bare.isupper() and bare.isalpha() and len(bare) == 3 \
                        and bare.lower() in web2 and 4.0 <= zipf_frequency(bare.lower(), "en") < 5.0:
                    marked.append("?" + bare.capitalize())  # "ARM" may be initials, but writers spell "Arm"
            primary = "2" if symbol in cross_listed else r["primary"]
            home = home_of[symbol]["symbol"] if symbol in home_of else ""
            w.writerow([symbol, r["mic"], r["currency"], r["country"], primary, SIZES[r["size"]], "|".join(marked),
                        home])

    with (OUT / "indices.csv").open("w", encoding="utf-8", newline="") as f:
        f.write("# Built by scripts/build_gazetteer.py from the reference folder's indices.csv.\n")
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["symbol", "name", "aliases", "country", "mic", "currency"])
        for r in csv.DictReader((args.reference / "indices.csv").open(encoding="utf-8")):
            # an alias that is an ordinary word in capitals ("SET", "IPC") would be read in any case: left out
            aliases = [a for a in r["aliases"].split("|") if not (a.isupper() and a.lower() in web2)]
            w.writerow([r["symbol"], r["name"], "|".join(aliases), r["country"], r["mic"], r["currency"]])

    with (OUT / "symbol_changes.csv").open("w", encoding="utf-8", newline="") as f:
        f.write("# Built by scripts/build_gazetteer.py from the reference folder's symbol_changes.csv.\n")
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["company", "old_symbol", "new_symbol", "date", "source"])
        for r in csv.DictReader((args.reference / "symbol_changes.csv").open(encoding="utf-8")):
            if r["old_symbol"] != r["new_symbol"]:
                w.writerow([r["company"], r["old_symbol"], r["new_symbol"], r["date"], r["source"].split(" @ ")[0]])
    print(f"wrote {len(rows)} listings to {OUT}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
