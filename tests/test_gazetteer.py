"""The gazetteer the package ships: every primary listing findable by its name, names as writers use them."""
from __future__ import annotations

import random

from enrich.gazetteer import REGISTERED, Name, fold, load
from enrich.mentions import TOKEN, MentionFinder

FIND = MentionFinder()
GAZ = load()


def _registered_name(symbol: str) -> str | None:
    """The listing's own name as the data file gives it (not a short form)."""
    for names in GAZ.names.values():
        for n in names:
            if n.entry.symbol == symbol and n.weight == REGISTERED:
                return n.form
    return None


def test_a_thousand_random_primary_listings_are_found_by_name():
    rng = random.Random(20261202)
    primaries = sorted(s for s, e in GAZ.entries.items() if e.primary and not e.is_index and e.source == "reference")
    names = {n.entry.symbol: n.form for ns in GAZ.names.values() for n in ns if n.weight == REGISTERED}
    # names with a lone sign or brackets ("Terna - Rete ...", "YeboYethu (RF)") are not words one can find
    writable = [s for s in primaries if s in names and all(TOKEN.fullmatch(w) for w in fold(names[s]).split(" "))]
    assert len(writable) > 0.95 * len([s for s in primaries if s in names])
    sample = rng.sample(writable, 1000)
    missed = []
    for symbol in sample:
        name = names[symbol]
        text = f"Shares of {name} rose 2.4% on Tuesday after the results."
        found = [m for m in FIND.find(text) if m.start == 10]
        # a name several listings share ("Reliance") finds one of them; the one found must bear that name
        if not found or found[0].end != 10 + len(name) or \
                symbol not in {n.entry.symbol for n in GAZ.names[fold(name)]}:
            missed.append((symbol, name, [(m.symbol, m.text) for m in found]))
    assert not missed, missed[:20]


def test_names_drop_legal_forms_and_keep_writers_short_forms():
    def names_of(symbol: str) -> set[str]:
        return {n.form for ns in GAZ.names.values() for n in ns if n.entry.symbol == symbol}

    assert "HSBC" in names_of("HSBA.L")  # HSBC Holdings Plc
    assert "Samsung" in names_of("005930.KS")  # Samsung Electronics Co., Ltd.
    assert {"Larsen & Toubro", "L&T"} <= names_of("LT.NS")
    assert "Texas Roadhouse" in names_of("TXRH")  # TEXAS ROADHOUSE, INC. in EDGAR's capitals


def test_ordinary_words_are_marked():
    apple = [n for n in GAZ.names["apple"] if n.entry.symbol == "AAPL"]
    assert apple and all(n.ambiguous for n in apple)
    assert not any(n.ambiguous for n in GAZ.names["nvidia"])


def _forms(symbol: str) -> dict[str, Name]:
    return {n.form: n for ns in GAZ.names.values() for n in ns if n.entry.symbol == symbol}


def test_a_primary_line_takes_its_writers_spelling_from_the_companys_other_lines():
    assert "Gap" in _forms("GAP")  # "GAP INC" in EDGAR, "The Gap, Inc." on its Brazilian receipt
    assert {"Domino's Pizza", "Dominos Pizza"} <= set(_forms("DPZ"))  # EDGAR drops the apostrophe
    assert "Kohl's" in _forms("KSS")
    assert GAZ.entries["GAP"].name == "Gap"
    # the receipts and re-listings are named by their company's primary line and keep only their symbols
    assert not _forms("GPSI34.SA") and "GPSI34.SA" in GAZ.entries


def test_the_same_shares_on_a_us_exchange_are_marked_cross_listed_and_receipts_are_not():
    assert GAZ.entries["SHOP"].cross_listed and not GAZ.entries["SHOP"].primary
    assert GAZ.entries["SHOP.TO"].primary and not GAZ.entries["SHOP.TO"].cross_listed
    assert not GAZ.entries["HSBC"].cross_listed  # an ADR: other shares than HSBA.L's


def test_a_namesake_named_after_a_foreign_company_holds_only_in_its_own_market():
    assert all(n.local for n in _forms("SIEMENS.NS").values())  # FinanceDatabase's "Siemens Aktiengesellschaft"
    assert not any(n.local for n in _forms("SIE.DE").values())


def test_a_name_with_its_group_is_a_company_name_even_when_the_short_name_is_a_word():
    forms = _forms("MTCH")
    assert forms["Match"].ambiguous and not forms["Match Group"].ambiguous


def test_names_carry_their_dates():
    assert GAZ.named_from["META"].isoformat() == "2021-10-28"
    assert GAZ.former_names["BALL"] == "ball corp"  # BALL replaced BLL; the company kept its name


def test_a_foreign_companys_us_line_is_recorded_with_its_primary_line():
    assert GAZ.us_lines["INFY.NS"] == "INFY"  # the New York receipt of the Mumbai company
    assert GAZ.us_lines["SHOP.TO"] == "SHOP"  # the same shares cross-listed on a US exchange
    assert "AAPL" not in GAZ.us_lines  # a US company has no other US line


def test_an_unsized_relisting_abroad_named_like_a_sized_company_holds_only_locally():
    assert all(n.local for n in _forms("ADID.BD").values())
    assert not any(n.local for n in _forms("ADS.DE").values())


def test_short_forms_drop_a_leading_kind_of_firm_and_contract_generic_words():
    assert "Generali" in _forms("G.MI") and "Generali" not in _forms("BGN.MI")  # the larger of the namesakes
    assert {"HCL Tech", "HCLTech"} <= set(_forms("HCLTECH.NS"))
    assert "Robinhood" in _forms("HOOD") and "Robinhood" not in _forms("RVI")  # a fund is no company's short form


def test_a_lower_case_registered_name_is_written_capitalised_and_inner_capitals_stay_exact():
    lulu = _forms("LULU")["lululemon"]
    assert lulu.written_as("Lululemon") and lulu.written_as("LULULEMON") and lulu.written_as("lululemon")
    ebay = _forms("EBAY")["eBay"]
    assert ebay.written_as("eBay") and not ebay.written_as("Ebay")


def test_short_forms_drop_a_country_word_or_a_founders_initial_before_a_distinctive_core():
    assert "Lufthansa" in _forms("LHA.DE") and "Sainsbury" in _forms("SBRY.L") and "Handelsbanken" in _forms("SHB-B.ST")
    assert "Post" not in _forms("DHL.DE") and "Airlines" not in _forms("AAL")  # the core is a word
    assert "Robinson" not in _forms("CHRW") and "Reilly" not in _forms("ORLY")  # a run of initials, an Irish O'
    assert not [n for n in GAZ.names.get("lufthansa", []) if n.entry.symbol == "LUFTH.BD" and not n.local]


def test_and_is_also_written_as_an_ampersand_and_gives_initials():
    assert {"Marks and Spencer", "Marks & Spencer", "M&S"} <= set(_forms("MKS.L"))
    assert "Procter and Gamble" in _forms("PG")
    assert "BMW" in _forms("BMW.DE")  # the preference-share tag is no part of the name
    assert "Campbell's" in _forms("CPB")  # capitals with an apostrophe, in writers' case


def test_a_parent_named_with_group_takes_the_bare_short_name_from_its_unit():
    assert _forms("9984.T")["SoftBank"].weight == REGISTERED
    assert _forms("9434.T")["SoftBank"].weight < REGISTERED and "SoftBank Corp" in _forms("9434.T")
    # a namesake off its exchange ("Target Group" over the counter) takes nothing
    assert all(n.weight >= REGISTERED for n in GAZ.names["target"] if n.entry.symbol == "TGT")


def test_exchange_traded_notes_carry_no_name_of_their_issuer():
    assert not _forms("AMUB") and not _forms("VXX") and "AMUB" in GAZ.entries
    assert "UBS" in _forms("UBSG.SW")


def _found(text: str) -> list[tuple[str, str]]:
    return [(m.text, m.symbol) for m in FIND.find(text)]


def test_a_kind_word_in_front_with_a_second_kind_word_a_connector_or_founders_initials_is_dropped():
    assert "Banorte" in _forms("GFNORTEO.MX") and "Richemont" in _forms("CFR.SW")  # Grupo/Compagnie Financiero/-e
    assert {"Banco Sabadell", "Sabadell"} <= set(_forms("SAB.MC"))  # "Banco de Sabadell"
    assert _forms("SAB.MC")["Sabadell"].local  # a core past "de" may be a city: only in its own market
    assert "Brasil" not in _forms("BBAS3.SA") and "Brasilia" not in _forms("BSLI3.SA")  # places past "do", "de"
    assert "Volvo" in _forms("VOLV-B.ST") and "SKF" in _forms("SKF-B.ST")  # the Nordic "AB" in front
    assert "Ericsson" in _forms("ERIC-B.ST") and "Ericsson" not in _forms("ERIC")  # "Telefonaktiebolaget LM Ericsson"
    assert "Science" not in _forms("AB.PA")  # "AB Science": the core is a common word


def test_a_brand_beside_the_legal_name_a_contraction_and_initials_the_ticker_spells_are_names():
    assert "Petrobras" in _forms("PETR3.SA") and "Petrobras" not in _forms("BRDT3.SA")  # "... S.A. - Petrobras"
    assert "Copel" in _forms("CPLE3.SA") and "Maersk" in _forms("MAERSK-B.CO")
    assert "Inditex" in _forms("ITX.MC")  # a word of EDGAR's title for its ADR that contracts the name
    assert "Walmex" in _forms("WALMEX.MX") and "Tatamotors" not in _forms("TATAMOTORS.NS")
    assert "FEMSA" in _forms("FEMSAUB.MX") and "IRCTC" in _forms("IRCTC.NS")  # the ticker spells the initials
    assert "OCBC" in _forms("O39.SI")  # Oversea-Chinese Banking Corporation: a hyphen's parts have initials
    assert "H&M" in _forms("HM-B.ST")  # "H & M Hennes & Mauritz"


def test_a_relisting_named_like_a_foreign_line_leaves_the_name_to_the_company():
    assert not _forms("MB.MI")["Mediobanca"].local and all(n.local for n in _forms("MB.VI").values())


def test_a_common_word_that_leads_a_name_with_its_trade_needs_a_cue_in_its_market():
    origin = _forms("ORG.AX")["Origin"]
    assert origin.ambiguous and origin.local
    assert _found("Origin rose 3.1% in Sydney after the utility lifted its outlook.") == [("Origin", "ORG.AX")]
    assert _found("The origin of the rally was unclear, traders in Sydney said.") == []


def test_writers_names_derived_from_the_listings_find_the_primary_line():
    cases = {
        "Stockholm-listed Ericsson dropped 2.6% after its results.": ("Ericsson", "ERIC-B.ST"),
        "Banorte climbed 1.9% after the Mexican bank's earnings.": ("Banorte", "GFNORTEO.MX"),
        "Banco Sabadell slipped 1.4% on the takeover news.": ("Banco Sabadell", "SAB.MC"),
        "H&M added 2.2% after a warm autumn lifted sales.": ("H&M", "HM-B.ST"),
        "OCBC eased 0.5% in Singapore.": ("OCBC", "O39.SI"),
        "Banco do Brasil gained 1.7% on the day.": ("Banco do Brasil", "BBAS3.SA"),
        "Ørsted sank 9% after it scrapped an offshore project.": ("Ørsted", "ORSTED.CO"),
        "Volvo climbed 2.1% on strong truck orders.": ("Volvo", "VOLV-B.ST"),
        "Richemont fell 3% as watch sales slowed.": ("Richemont", "CFR.SW"),
        "Mediobanca edged up 0.7% in early trading.": ("Mediobanca", "MB.MI"),
        "Femsa advanced 2.4% after the results.": ("Femsa", "FEMSAUB.MX"),
        "Inditex slipped 1.2% as sales growth slowed.": ("Inditex", "ITX.MC"),
        "Walmex lost 1.1% after its monthly sales report.": ("Walmex", "WALMEX.MX"),
        "IRCTC jumped 4.2% after the railway caterer's results.": ("IRCTC", "IRCTC.NS"),
        "Petrobras slid 2.8% as crude prices fell.": ("Petrobras", "PETR3.SA"),
        "Truckmaker Volvo reported higher orders; its stock rose 1%.": ("Volvo", "VOLV-B.ST"),
        "In Zurich Sika slipped 1.3% after its outlook.": ("Sika", "SIKA.SW"),  # a city is no first name
        "Elsewhere in Milan Prysmian and Pirelli rose more than 2%.": ("Prysmian", "PRY.MI"),
    }
    for text, expected in cases.items():
        assert expected in _found(text), (text, _found(text))
