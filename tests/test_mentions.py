from __future__ import annotations

import datetime as dt

from enrich.market.symbols import SymbolHistory, builtin_spans
from enrich.mentions import MentionFinder

FIND = MentionFinder()
HISTORY = SymbolHistory(builtin_spans())


def symbols(text: str, day: dt.date | None = None) -> list[str]:
    return [m.symbol for m in FIND.find(text, day, HISTORY.on if day else None)]


def test_short_names_and_referring_spans():
    text = "JPMorgan, Citi and Wells shares fell, while U.S. Bancorp and Alphabet rose."
    ms = FIND.find(text)
    assert [m.symbol for m in ms] == ["JPM", "C", "WFC", "USB", "GOOGL"]
    assert all(text[m.start:m.end] == m.text for m in ms)


def test_symbol_valid_on_the_date():
    assert symbols("Facebook shares fell.", dt.date(2018, 8, 6)) == ["FB"]
    assert symbols("Facebook shares fell.", dt.date(2023, 1, 5)) == ["META"]


def test_ambiguous_names_need_a_corporate_cue():
    assert symbols("She ate an apple and an Apple pie at the fair.") == []
    assert symbols("Apple shares rose 2% after the iPhone launch.") == ["AAPL"]
    assert symbols("The target is to finish by May.") == []
    assert symbols("Harrison Ford starred in the film.") == []
    assert symbols("He applied for a Visa to travel.") == []


def test_meta_before_the_rename_is_not_the_company():
    assert symbols("Meta shares rose 3% on the earnings.", dt.date(2019, 5, 1)) == []
    assert symbols("Meta shares rose 3% on the earnings.", dt.date(2023, 5, 1)) == ["META"]


def test_explicit_symbols():
    assert symbols("Tesla Inc. (NASDAQ: TSLA) rose.") == ["TSLA", "TSLA"]
    assert "FB" in symbols("Traders piled into $FB today.")
    assert "AAPL" in symbols("AAPL.O rose 1%.")


def test_publishers_agencies_and_venues_are_not_mentions():
    assert symbols("according to the Wall Street Journal, which first reported it") == []
    assert symbols("S&P Dow Jones Indices said the change takes effect Monday.") == []
    assert symbols("On the Nasdaq, TSLA finished down.") == ["TSLA"]


def test_indices():
    assert symbols("The S&P 500 fell, the Nasdaq Composite slid and the Dow Jones Industrial Average lost.") == [
        "^GSPC", "^IXIC", "^DJI"]
    assert symbols("The FTSE 100, the DAX, the Nikkei and the Sensex rose.") == ["^FTSE", "^GDAXI", "^N225", "^BSESN"]


def test_sources_are_marked():
    ms = FIND.find("Analysts at Bank of America wrote that Netflix could grow.")
    assert [(m.symbol, m.role) for m in ms] == [("BAC", "source"), ("NFLX", "company")]


def test_word_starts_agree_with_the_tokenizer():
    import random

    from enrich.mentions import TOKEN, _TOKEN_FIRST, _token_start

    rng = random.Random(2)
    alphabet = "aB3^&.'’-/! ,()$\n"
    for _ in range(2000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
        want = {m.start() for m in TOKEN.finditer(text)}
        got = {i for i, c in enumerate(text) if c in _TOKEN_FIRST and _token_start(text, i)}
        assert got == want, text


def test_names_that_begin_in_lower_case():
    assert symbols("Stocks slid and the Dow's drop deepened; the\u00a0S&P 500 fell too.") == ["^DJI", "^GSPC"]
    assert symbols("Shares of eBay rose; the tech-heavy Nasdaq gained.") == ["EBAY", "^IXIC"]
    assert symbols("Whether they rise or theDow falls.") == []


ROLL_CALL = """Global stocks: a day of records from Tokyo to Toronto

Tokyo's Nikkei 225 rose 1.2% as Sony Group gained 3% and Nintendo added 1.8%, while Sharp shares slid 4%.
In Hong Kong the Hang Seng climbed 0.9%, led by AIA Group and Galaxy Entertainment. Seoul's KOSPI gained 0.5%:
Hyundai Motor rose 2% and SK Hynix jumped 4.1%. In Taipei, MediaTek shares added 2.2%.
In London the FTSE 100 ended 0.4% higher at 8,120. Tesco rose 1.1% to 312p, Diageo lost 0.8% and Next shares
jumped 6% after the retailer raised its profit forecast. Frankfurt's DAX gained 0.7% as Siemens, BASF and Puma rose.
In Paris the CAC 40 slipped 0.2%; Orange fell 1.5% and Danone gained 0.6%. In Zurich, Roche and Novartis edged up.
Mumbai's Sensex rose 0.6%, with Wipro up 1.9% and Bajaj Auto up 2.4%. In Sydney, BHP Group rose 1.3% and
Woolworths Group fell 0.7%. In Toronto, Enbridge gained 0.4%.
On Wall Street, Target rose 2.5%, Visa added 0.9% and Oracle fell 1.2%.
The Nikkei newspaper reported the deal, citing people familiar with it. The target date is June. A sharp rise in
yields weighed on bonds, according to Dow Jones Newswires.
"""
ROLL_CALL_SYMBOLS = {
    "^N225", "6758.T", "7974.T", "6753.T", "^HSI", "1299.HK", "0027.HK", "^KS11", "005380.KS", "000660.KS",
    "2454.TW", "^FTSE", "TSCO.L", "DGE.L", "NXT.L", "^GDAXI", "SIE.DE", "BAS.DE", "PUM.DE", "^FCHI", "ORA.PA",
    "BN.PA", "RO.SW", "NOVN.SW", "^BSESN", "WIPRO.NS", "BAJAJ-AUTO.NS", "BHP.AX", "WOW.AX", "ENB.TO", "TGT", "V",
    "ORCL",
}


def test_a_roll_call_across_twelve_markets_names_each_primary_listing():
    found = {m.symbol for m in FIND.find(ROLL_CALL) if m.role != "source"}
    assert found == ROLL_CALL_SYMBOLS


def test_the_market_of_the_paragraph_decides_between_namesakes():
    # Siemens AG in Frankfurt, Siemens Ltd in Mumbai; Oracle Corp on Wall Street, Oracle Financial in Mumbai
    assert symbols("In Frankfurt, Siemens shares rose 2%.") == ["SIE.DE"]
    assert symbols("In Mumbai, the Sensex rose and Siemens shares gained 2%.") == ["^BSESN", "SIEMENS.NS"]
    assert symbols("Nestle shares rose 1% in Zurich.") == ["NESN.SW"]
    assert symbols("On the Sensex, Nestle rose 1% and Britannia fell.")[:2] == ["^BSESN", "NESTLEIND.NS"]


def test_a_ticker_in_parentheses_names_the_line_of_the_reports_market():
    assert symbols("In London, Vodafone (VOD) fell 2% to 70p.") == ["VOD.L", "VOD.L"]
    assert symbols("Kingfisher (LSE: KGF) rose 3%.") == ["KGF.L", "KGF.L"]
    assert symbols("Vodafone (NASDAQ: VOD) rose 1% in New York.") == ["VOD", "VOD"]


def test_cities_stand_for_their_markets_only_in_market_wording():
    assert symbols("Bourses in Sydney, Singapore and Taipei ended lower.") == ["^AXJO", "^STI", "^TWII"]
    assert symbols("Zurich fell 1.1% while the Amsterdam stock market held steady.") == ["^SSMI", "^AEX"]
    assert symbols("She flew from Zurich to Amsterdam on Monday.") == []


def test_firms_quoted_as_sources_have_the_source_role():
    ms = FIND.find("Tesla fell 3%, according to FactSet. Jane Doe of Charles Schwab said the fall was overdone.")
    assert [(m.symbol, m.role) for m in ms] == [("TSLA", "company"), ("FDS", "source"), ("SCHW", "source")]


def test_people_and_places_that_share_a_company_name_are_not_companies():
    assert symbols("Fed Chair Powell spoke; Ralph Larsen bought shares of nothing.") == []
    assert symbols("Oil leaked into the Gulf of Mexico, lifting prices 2%.") == []
    assert symbols("The Silicon Valley start-up's shares rose 4%.") == []


def test_ordinary_word_names_are_companies_when_the_sentence_treats_them_as_one():
    # an appositive or a relative clause before the move
    assert symbols("Oracle, the database software maker, climbed 4% on Thursday.") == ["ORCL"]
    assert symbols("Target, whose stores sell groceries, gave up 1.5% in afternoon trade.") == ["TGT"]
    assert symbols("Micron warned of weaker demand, and Apple, its biggest customer, fell 1%.") == ["MU", "AAPL"]
    # a verb of business, in an article about markets
    assert symbols("Snap unveiled new camera glasses on Tuesday. The stock added 3%.") == ["SNAP"]
    assert symbols("Ford posted a quarterly loss; the carmaker's shares fell 2.1%.") == ["F"]
    # a move, a price, a possessive of its figures, a quote table's row
    assert symbols("Carnival has climbed 20% this month.") == ["CCL"]
    assert symbols("Amazon traded near $3,300 late in the session.") == ["AMZN"]
    assert symbols("Apple's 4.2% slide dragged the Nasdaq lower.") == ["AAPL", "^IXIC"]
    assert symbols("Quotes at noon:\nIntel 31.05 +0.6%\nTarget 150.20 -1.10%") == ["INTC", "TGT"]
    # a list, another company beside it, a name with its "Group"
    assert symbols("Shares of Shell, Gap and Ball each lost about 2%.") == ["SHEL.L", "GAP", "BALL"]
    assert symbols("Broadcom ended its talks with Apple on Monday, and its stock fell 2%.") == ["AVGO", "AAPL"]
    assert symbols("Shares of Match Group slid 6%.") == ["MTCH"]
    # a capital inside the word is a brand's spelling, never the fruit
    assert symbols("BlackBerry jumped 8% on heavy volume.") == ["BB"]


def test_ordinary_words_that_are_not_the_company_stay_words():
    assert symbols("Target date funds gained popularity with savers, and the S&P 500 rose 1%.") == ["^GSPC"]
    assert symbols("Ford the river at the shallow end, the guide said, as oil stocks rose 2%.") == []
    assert symbols("Neighbours held a Block party while the Dow fell 300 points.") == ["^DJI"]
    assert symbols("She took a Gap year before joining the bank, whose shares rose 2%.") == []
    assert symbols("Match point went to the champion as Nike shares rose 1%.") == ["NKE"]
    assert symbols("Shell shock spread through markets as the FTSE 100 fell 3%.") == ["^FTSE"]
    assert symbols("The Amazon basin lost forest cover, while Apple shares rose 1%.") == ["AAPL"]
    assert symbols("Snap elections were called in Britain; the pound fell 1% and stocks slid.") == []
    assert symbols("Zoom calls replaced meetings, and Microsoft rose 2%.") == ["MSFT"]
    assert symbols("Apple pie sales rose 3% at the fair, the bakers' guild said.") == []
    # a surname the text gave a person stays the person
    assert symbols("Harrison Ford said the film would open in May. Ford said he was pleased; Disney shares "
                   "rose 1%.") == ["DIS"]


def test_the_main_line_wins_over_receipts_relistings_and_namesakes():
    assert symbols("Siemens rose 1.2% in early trade.") == ["SIE.DE"]  # not Siemens Ltd of India
    assert symbols("In Mumbai, the Sensex gained and Siemens rose 1.2%.") == ["^BSESN", "SIEMENS.NS"]
    assert symbols("Domino's Pizza rose 2%.") == ["DPZ"]  # not the UK franchisee
    assert symbols("In London, Domino's Pizza Group rose 2% to 300p.") == ["DOM.L"]
    assert symbols("Kohl's slid 4% after the department store cut its forecast.") == ["KSS"]
    assert symbols("BioNTech rose 5%.") == ["BNTX"]
    assert symbols("In Frankfurt, BioNTech rose 5%.") == ["22UA.DE"]
    assert symbols("TSMC gained 1.1% in Taipei.") == ["2330.TW"]


def test_a_dollar_price_or_no_market_at_all_means_the_us_line_of_shares_listed_in_both():
    assert symbols("Shopify rose 3% to $1,100.") == ["SHOP"]
    assert symbols("In Toronto, Shopify rose 3% to C$1,400.") == ["SHOP.TO"]
    assert symbols("In Toronto, BlackBerry jumped 8%.") == ["BB.TO"]


def test_a_company_forecasting_its_own_results_is_no_source():
    ms = FIND.find("Nvidia forecast third-quarter revenue above estimates, and its shares jumped 6%.")
    assert [(m.symbol, m.role) for m in ms] == [("NVDA", "company")]
    ms = FIND.find("Analysts at Goldman Sachs forecast more gains for Nvidia, which rose 1%.")
    assert [(m.symbol, m.role) for m in ms] == [("GS", "source"), ("NVDA", "company")]
    ms = FIND.find("Exxon Mobil slipped 1%, FactSet estimates showed.")
    assert [(m.symbol, m.role) for m in ms] == [("XOM", "company"), ("FDS", "source")]


def test_a_name_counts_from_the_day_the_company_bore_it():
    assert symbols("Shares of Block rose 4%.", dt.date(2021, 6, 1)) == []  # still Square then
    assert symbols("Shares of Block rose 4%.", dt.date(2022, 3, 1)) == ["SQ"]
    assert symbols("Ball rose 2% on the day.", dt.date(2020, 3, 2)) == ["BLL"]  # the name is older than BALL
    assert symbols("VMware gained 1% on Tuesday.", dt.date(2021, 3, 2)) == ["VMW"]  # delisted, hand-kept


def test_names_registered_in_lower_case_are_written_capitalised():
    assert symbols("Lululemon's quarterly sales beat forecasts and the stock rose 4%.") == ["LULU"]
    assert symbols("LULULEMON SHARES RISE AFTER STRONG HOLIDAY SALES") == ["LULU"]
    assert symbols("Adidas slipped 1.5% to €180.") == ["ADS.DE"]  # the German line, not a re-listing abroad


def test_writers_drop_generic_words_at_either_end_of_a_name():
    assert symbols("Robinhood jumped 6% as crypto trading picked up.") == ["HOOD"]
    assert symbols("Generali added 1.1% in Milan.") == ["G.MI"]
    assert symbols("HCLTech shares slid 2% in Mumbai.") == ["HCLTECH.NS"]
    assert symbols("Arm shares climbed 5% after its chip licences grew.") == ["ARM"]


def test_short_forms_stay_clear_of_words_people_and_places():
    assert symbols("He broke his arm skiing, and Arm wrestling drew a crowd.") == []
    assert symbols("Robin Hood stole from the rich.") == []
    assert symbols("Safety is a paramount concern for the crew.") == []
    assert symbols("She said Madison had changed a lot since spring.") == []


def test_companies_the_reference_lacks_come_from_the_hand_table():
    assert symbols("Rheinmetall advanced 3% in Frankfurt trading.") == ["RHM.DE"]
    assert symbols("In Tokyo, Fast Retailing fell 1% and Nippon Steel gained 2%.") == ["9983.T", "5401.T"]


def test_a_kind_of_firm_before_a_word_name_makes_it_the_firm():
    assert symbols("Insurer Progressive slid 3% after its catastrophe losses.") == ["PGR"]
    assert symbols("Carmakers Ford and Stellantis fell.")[:1] == ["F"]
    assert symbols("Progressive policies won support in the vote.") == []


def test_list_items_share_the_last_word_of_the_final_name():
    assert symbols("Southwest, United and American Airlines lost ground.") == ["LUV", "UAL", "AAL"]
    assert symbols("Barclays, Lloyds and HSBC Holdings fell.") == ["BARC.L", "LLOY.L", "HSBA.L"]


def test_a_word_name_modifying_a_common_noun_is_no_company():
    assert symbols("The Delta variant spread quickly, and Delta stock fell 1%.") == ["DAL"]
    assert symbols("Viewers called it a Shell game.") == []


def test_peaks_and_troughs_are_moves():
    assert symbols("Zoom topped out at $400 in late 2020.") == ["ZM"]
    assert symbols("Interest peaked at noon.") == []


def test_depositary_shares_and_us_listed_shares_mean_the_us_line():
    assert symbols("Infosys ADSs rose 3% in New York trading.") == ["INFY"]
    assert symbols("The ADRs of Infosys slid 2%.") == ["INFY"]
    assert symbols("Sony's New York-listed shares fell 2%.") == ["SONY"]
    assert symbols("Infosys rose 1% in Mumbai.") == ["INFY.NS"]


def test_an_article_set_in_no_market_means_the_us_company_of_a_shared_name():
    assert symbols("Paramount shares sank after the merger talks ended.") == ["PSKY"]
    assert symbols("Adidas fell 2% to 15,000 forint in Budapest.") == ["ADID.BD"]  # the local line, locally


def test_everyday_short_forms_of_longer_registered_names():
    assert symbols("Passengers flocked back and Lufthansa gained 2.4% in Frankfurt.") == ["LHA.DE"]
    assert symbols("In London, Sainsbury's added 3p to 281p after its trading update.") == ["SBRY.L"]
    assert symbols("Marks and Spencer rose 4% and M&S bonds rallied too.") == ["MKS.L", "MKS.L"]
    assert symbols("Marks & Spencer shares slipped 1.2% to 250p.") == ["MKS.L"]
    assert symbols("Volkswagen fell 2% while BMW held steady at €101 in Frankfurt.")[-1] == "BMW.DE"
    assert symbols("Campbell Soup shares slid 2.2% after the soup maker cut its outlook.") == ["CPB"]
    # a country word dropped only before a name, never before a word: "Post" and "Airlines" stay words
    assert symbols("The post arrived late and airlines said flights were full.") == []


def test_a_clause_stating_how_the_stock_traded_is_cue_enough():
    assert symbols("Nvidia rose 3%; Apple was unchanged.") == ["NVDA", "AAPL"]
    assert symbols("Ford was headed for its best week since June, up 6%.") == ["F"]
    assert symbols("Arm made its stock market debut on the Nasdaq in New York.") == ["ARM"]
    # without a market figure or market words in its own clause a word stays a word
    assert symbols("Apple was delicious at the fair, while shares of Nvidia rose 3%.") == ["NVDA"]
    assert symbols("Ford was crowded with tourists as stocks rose 1%.") == []


def test_a_parent_named_with_group_takes_the_bare_short_name():
    assert symbols("SoftBank said its Vision Fund lost money, and the shares fell 3% in Tokyo.")[0] == "9984.T"
    assert symbols("SoftBank Corp raised its dividend; the telecom unit's shares rose 1% in Tokyo.")[0] == "9434.T"


def test_exchange_traded_notes_never_stand_for_their_issuers_name():
    assert symbols("UBS shares rose 2.1% in Zurich on Tuesday.") == ["UBSG.SW"]
    assert symbols("UBS shares rose 2.1% on Tuesday.") == ["UBSG.SW"]


def test_time_zones_and_share_classes_are_no_tickers():
    assert symbols("By 10:15 am IST, Infosys was up 1.1 per cent at Rs 1,450.") == ["INFY.NS"]
    assert symbols("At 3 p.m. CET the DAX was 0.4% higher.") == ["^GDAXI"]
    assert symbols("Alphabet's class C stock and the A shares both rose 2% to $140.") == ["GOOGL"]
    assert symbols("Citigroup fell and C stock ended 2% lower.")[-1] == "C"


def test_the_markets_of_the_other_companies_pick_a_shared_names_listing():
    assert symbols("Tesco rose 2% while Barclays and Compass slipped.") == ["TSCO.L", "BARC.L", "CPG.L"]
    assert symbols("Apple rose 2% while Compass slipped 4%.")[-1] == "COMP"


def test_function_words_are_no_first_names():
    assert symbols("While Visa gained 1%, Amex lost 2%.")[0] == "V"
    assert symbols("Both Target and Walmart rose 3%.") == ["TGT", "WMT"]
    assert symbols("Jane Target and Paul Visa met for lunch.") == []


def test_a_broker_acting_on_another_companys_stock_is_a_source():
    def roles(text: str) -> dict[str, str]:
        return {m.symbol: m.role for m in FIND.find(text)}
    assert roles("Goldman Sachs raised its price target on Nvidia to $600.")["GS"] == "source"
    assert roles("Barclays downgraded Boeing to equal weight, and Boeing fell 2%.")["BARC.L"] == "source"
    assert roles("Jefferies initiated coverage of Uber with a buy rating.")["JEF"] == "source"
    assert roles("Goldman Sachs raised its dividend and its shares rose 2%.")["GS"] == "company"


def test_a_brand_styled_in_capitals_that_reads_as_a_word_is_also_written_as_one():
    assert symbols("Enel shares rose 2% in Milan.") == ["ENEL.MI"]
    assert symbols("Naver fell 3% in Seoul.") == ["035420.KS"]
    assert symbols("Hsbc shares rose.") == []  # initials stay in capitals


def test_an_ordinary_word_name_owning_a_move_or_after_a_figure_for_it():
    assert symbols("Apple's gain for 2019 was its best in a decade, and the Nasdaq rose too.") == ["AAPL", "^IXIC"]
    assert symbols("Gains of 1.1% for Microsoft and 1.5% for Apple lifted the index.") == ["MSFT", "AAPL"]


def test_a_chain_of_renames_gives_each_old_symbol_its_own_years_and_old_names_still_name_the_company():
    on = HISTORY.on
    assert [on("PSKY", dt.date(y, 6, 1)) for y in (2018, 2021, 2023, 2025)] == ["CBS", "VIAC", "PARA", "PARA"]
    assert symbols("ViacomCBS plunged 27% on Friday.", dt.date(2021, 3, 26)) == ["VIAC"]


def test_sources_are_what_reports_not_what_is_reported_and_a_broker_rating_another_stock_is_a_source():
    ms = FIND.find("Refinitiv data showed Palo Alto Networks was the top gainer, and Reuters reported that Target "
                   "jumped 18%.")
    assert [m.symbol for m in ms if m.role != "source"] == ["PANW", "TGT"]
    ms = FIND.find("Jefferies cut Burberry to underweight; the shares fell 3%.")
    assert [(m.symbol, m.role) for m in ms if m.symbol == "JEF"] == [("JEF", "source")]


def test_a_us_ticker_of_a_foreign_company_in_a_report_naming_its_home_line_is_the_home_line():
    assert symbols("Holders of Mitsubishi UFJ made 63% this year. MUFG shares ended 0.4% lower.") == ["8306.T", "8306.T"]
    assert symbols("MUFG shares rose 1% in New York.") == ["MUFG"]


def test_a_ticker_written_as_a_data_source_or_in_a_copyright_line_is_a_source():
    ms = FIND.find("In London, Unilever added 2.1% to 4,012p, according to LSEG data, after a strong quarter.\n"
                   "(c) 2021 Thomson Reuters")
    roles = {m.text: m.role for m in ms}
    assert roles["LSEG"] == "source" and roles["Thomson Reuters"] == "source" and roles["Unilever"] == "company"


def test_an_ordinary_word_name_before_any_move_verb_of_the_lexicon_is_the_company():
    # the reader's lexicon of moves is the one the mention rules read: "gave back", "put on", "pared"
    assert symbols("Ford gave back 41 cents from its session high.", dt.date(2022, 7, 27)) == ["F"]
    assert symbols("Next put on 2% after the update.", dt.date(2024, 3, 27)) == ["NXT.L"]


def test_brokers_newspapers_and_research_teams_named_as_sources():
    def roles(text):
        return {m.text: m.role for m in FIND.find(text, dt.date(2023, 5, 12))}
    assert roles("Jefferies reaffirmed its hold rating with a target of 410p; Tesco rose 1% in London.")[
        "Jefferies"] == "source"
    assert roles("Citi has a $210 price target on Apple, whose shares rose 1.2%.")["Citi"] == "source"
    assert roles("Nikkei reported, citing people familiar; Toyota rose 2% in Tokyo.").get("Toyota") == "company"
    assert roles("UBS's Zurich team trimmed its estimate; Nestle fell 1% in Zurich.")["UBS"] == "source"
    assert roles("Apple reported record revenue, and Apple shares rose 2%.")["Apple"] == "company"
