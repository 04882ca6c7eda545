"""The grammar of figures: one named entry per way a sentence states (or does not state) a market figure.

Entries are tried in order; the first whose pattern fits around the quantity (and whose `units` and `when`
test pass) decides how it is read. What each reading means:

    none         not a market figure (revenue, a dividend, a deal price, a stake, a currency conversion)
    change       a move: pct -> pct_change, money -> abs_change (per share) or market_cap_change (millions and
                 more), points or a bare number on an index -> abs_change
    restate      the same move again in another unit (", or 14.65%"): the move's sign and period
    level        a price at a point of the session (`level`: close, open, high, low, price); a bare number on an
                 index is its level
    after_move   the price a move ended at ("fell 3% to $40.10"): the close when the move is to the close
    before_move  the price a move started from ("down from $60.48")
    value        a market value;  value_change  a change of market value
    volume       shares traded in the session
    from_extreme a gap from a high or low ("17.5% below its 52-week closing high")
    gapped       "..., and the Sensex 1.4 percent": the move of the clause before, for another subject

The examples beside each entry are (sentence, figure as written, expected reading) and are run by the tests
(tests/test_grammar.py); a new wording is a new example, a new phenomenon a new entry.
"""
from __future__ import annotations

from .grammar import Entry, entry

FILL = "?another|only|just|a|an|further|additional|extra|roughly"

ENTRIES: tuple[Entry, ...] = (
    # -- not market figures ---------------------------------------------------------------------------------
    entry("a level aimed at, not reached", "@target *5 ?@hedge ?the|a|an #", "none", when="no_move_noun_after",
          examples=(
        ("Amazon gained 4.6 percent, putting it on track for a return to a $900 billion market cap.", "$900 billion",
         "none"),
        ("At last check, Walmart was headed for a 1.8% gain.", "1.8%", "change+"),)),
    entry("an estimate the figure is compared with", "# *2 analysts|economists|wall|forecasters|traders|investors *2 "
          "@expectation", "none", examples=(
              ("Procter & Gamble earned $1.37 a share, topping the $1.24 analysts had forecast.", "$1.24", "none"),)),
    entry("a figure in a narrative of weeks", "#", "none", when="narrative", examples=(
        ("Peloton drifted lower until it reached $30 and hovered there for weeks.", "$30", "none"),)),
    entry("a conversion in brackets", "Q:money ( #", "none", units="money", examples=(
        ("At that level Acme was worth $267bn (£172bn).", "£172bn", "none"),)),
    entry("a figure about revenue, earnings, dividends, targets or a deal", "#", "none", when="about_non_market",
          examples=(
              ("Acme earned 64 cents a share, beating the 59 cents analysts had expected.", "64 cents", "none"),
              ("Revenue slipped 1% to $11.89 billion.", "1%", "none"),
              ("It agreed to buy Globex for about $11 billion, or $137 per share, in cash.", "$137", "none"),
              ("Brent crude fell to $61 a barrel.", "$61", "none"),
              ("The quarterly dividend is being cut to 12 cents a share.", "12 cents", "none"),
              ("Acme priced its IPO at $72 a share.", "$72", "none"),
              ("Analysts raised their price target to $250.", "$250", "none"),
              ("Sterling was down 0.13% against the dollar.", "0.13%", "none"),
              ("Bitcoin sank below $23,000.", "$23,000", "none"),)),
    entry("a share of a whole or a stake", "# of|in ?the|its|their|total|all|global|outstanding *2 "
          "@not_market|@market_noun", "none", units="pct", when="not_value_share", examples=(
              ("Financial stocks, 15% of the S&P 500, fell hardest.", "15%", "none"),
              ("Berkshire holds more than 26 percent of Acme's outstanding shares.", "26 percent", "none"),)),
    entry("a block of shares or a stake and what it is worth", "Q *2 worth ?@hedge #", "none", units="money",
          examples=(("The founder holds 17.6 million shares worth $2.2 billion.", "$2.2 billion", "none"),)),
    entry("a stake, premium or discount", "# ?@hedge @not_market", "none", units="pct", examples=(
        ("BP holds a 65 percent stake in the field.", "65 percent", "none"),
        ("The offer is an 89% premium to Friday's close.", "89%", "none"),)),
    entry("a year", "#", "none", units="plain", when="is_year", examples=(
        ("Acme fell the most since 2008.", "2008", "none"),)),
    entry("a definition", "#", "none", when="generic_subject", examples=(
        ("A bear market is one that is 20% below a recent record high.", "20%", "none"),
        ("A 10% drop from a peak is called a correction.", "10%", "none"),)),

    # -- moves ------------------------------------------------------------------------------------------------
    entry("the same move in another unit", "Q *4 ?,|—|–|( or " + FILL + " ?@hedge #", "restate",
          when="after_change", scope="sentence", examples=(
              ("The stock is up 75 cents — or nearly 22% — over the past week.", "22%", "change+"),
              ("Acme slid 2.4 percent, or $1.13 a share, to $45.87.", "$1.13", "change-"),
              ("Initech fell 38 cents, or 1.1 per cent.", "1.1 per cent", "change-"),
              ("The Dow rose 117.07, or 1.2 per cent, to 9,988.13.", "1.2 per cent", "change+"),
              ("The index gained 129.89 points in the session, or 0.5 per cent.", "0.5 per cent", "change+"),)),
    entry("the same move in another unit, no 'or' between", "Q , ?@hedge #", "restate", when="other_unit_change",
          examples=(("After hours the stock was down $117.59, almost 27%, at $331.", "27%", "change-"),)),
    entry("a high and a low named together, the second", "@level.high and ?its|the @level.low "
          "?is|are|were|was|of|stand|stood|at|: ?@hedge Q ?, and|, ?@hedge #", "level", level="low",
          units="plain money points", scope="sentence", examples=(
              ("Its 52-week high and low are Rs 2,856.15 and Rs 2,180.00.", "Rs 2,180.00", "level:low"),)),
    entry("a low and a high named together, the second", "@level.low and ?its|the @level.high "
          "?is|are|were|was|of|stand|stood|at|: ?@hedge Q ?, and|, ?@hedge #", "level", level="high",
          units="plain money points", scope="sentence", examples=(
              ("The index's session low and high were 9,810 and 9,990.", "9,990", "level:high"),)),
    entry("a figure of a list of moves each owned by the name after it", ", ?@hedge # in|for|at ?the N", "coordinate",
          when="coordinated", scope="sentence", examples=(
              ("With drops of 2% in Shell, 3.1% in BP and 1.2% in Unilever, the FTSE 100 fell 0.4%.", "3.1%",
               "change-"),)),
    entry("a figure inside a list of figures of one kind", ", ?@hedge #", "coordinate", when="listed",
          scope="sentence", examples=(
              ("Target, Gap and Best Buy slid 3.1%, 4.5% and 2.2%.", "4.5%", "change-"),
              ("The FTSE 100, the DAX and the CAC 40 ended at 7,410, 15,200 and 7,100 points.", "15,200",
               "level:close"),)),
    entry("a second figure of the same kind, with its own time", "and|then ?another|a|further ?@hedge #", "coordinate",
          when="coordinated", scope="sentence", examples=(
              ("Zorblax fell 4.1% to $111.67 on Thursday and another 2.3% on Friday.", "2.3%", "change-"),
              ("The S&P 500 has gained 8 percent this year and 16 percent over the past 12 months.", "16 percent",
               "change+"),
              ("Its shares are up nearly 60 per cent this month and about 329 per cent this year.", "329 per cent",
               "change+"),
              ("About 4.7 million Delta shares traded on Tuesday and 7.6 million on Wednesday.", "7.6 million",
               "volume"),)),
    entry("a figure compared with another of its kind", "compared|against|versus|vs ?with|to ?@hedge #", "coordinate",
          when="after_level", examples=(
              ("Rio Tinto traded at A$118.40, against A$104.10 a year earlier.", "A$104.10", "level:price"),
              ("Intel shares closed at $42.10 on Friday, compared with $40.69 on Thursday.", "$40.69",
               "level:close"),)),
    entry("a move and its restatement, the direction after both", "# ?, or Q ?, ?@hedge @direction.after", "change",
          examples=(("It finally settled 92.94 points or 0.22 per cent higher at 41,952.63.", "92.94 points",
                     "change+"),
                    ("The Nifty ended 32.75 points, or 0.27 per cent, higher at 12,362.30.", "32.75 points",
                     "change+"))),
    entry("a change labelled on a quote board", "change|chg|chng ?: #", "change", units="plain money pct", examples=(
        ("NKE (NIKE INC.): last 142.15, change +1.25, +0.89%", "+1.25", "change+"),)),
    entry("a move after a name on a ticker tag", "N ?N , #", "change", units="pct", when="signed", examples=(
        ("Stocks fell, with the S&P 500 SPX, -1.22% lower.", "-1.22%", "change-"),)),
    entry("a signed move right after a name", "N ?) #", "change", units="pct", when="signed", examples=(
        ("Decliners: Boeing -3.1% at $201.40 after a grounding", "-3.1%", "change-"),
        ("Zoom (ZM.O) +3.2% to $68.01; Okta (OKTA.O) -4.2%.", "-4.2%", "change-"),)),
    entry("a move in brackets after a name, its direction before", "N ( ?@hedge #", "change", units="pct",
          when="moved_before", examples=(
              ("Miners led the gains, with rises in BHP (2.1 per cent) and Rio Tinto (3 per cent).", "3 per cent",
               "change+"),
              ("Falls in Lloyds (1.2%) and Barclays (0.9%) weighed.", "1.2%", "change-"),)),
    entry("a figure on a quote row: the price, then its change", "N ?| #", "level", level="price", units="plain money",
          when="quote_row", examples=(("IBM 141.20 +1.35%", "141.20", "level:price"),)),
    entry("a change on a quote row", "Q ?| #", "change", units="pct plain", when="quote_row_change", examples=(
        ("IBM 141.20 +1.35%", "+1.35%", "change+"),
        ("|HDFC Bank |1,289.45 |0.17", "0.17", "change+"),)),
    entry("a change in brackets on a quote line", "Q ( #", "change", units="plain money pct", when="quote_line",
          examples=(("Dow Jones: 10,809.85 (-634.76) Nasdaq: 2,357.69 (-174.72)", "-634.76", "change-"),)),
    entry("the change's other unit in the same brackets", "( Q ;|,|/ #", "change", units="pct plain money",
          when="other_unit_change", examples=(
              ("Sensex: 72,079.05 (-4,389.73; -5.74%)", "-5.74%", "change-"),)),
    entry("a move named after the figure by a falling or rising word", "# ?@hedge @direction.after", "change",
          when="direction_not_preposition", examples=(
              ("Nike ended flat at $94.20 ahead of the report.", "$94.20", "level:close"),
              ("The Dax in Frankfurt ended 6.8% lower.", "6.8%", "change-"),
              ("The shares settled $85.54 higher in after-market trading.", "$85.54", "change+"),
              ("Infosys finished 1.6 percent higher.", "1.6 percent", "change+"),)),
    entry("a threshold that defines a market term", "# @direction.noun from a|an|its|their ?recent @level.high",
          "none", examples=(("The S&P 500 sat at the edge of the 20% drop from a recent peak that is widely regarded "
                             "as a bear market.", "20%", "none"),)),
    entry("a move as a noun after the figure", "# ?- ?@per_share ?@market_noun ?@move_modifier @direction.noun",
          "change", when="noun_move", examples=(
        ("Boeing ended down 4.2%, a $9.51-a-share decline, at $216.85.", "$9.51", "change-"),
        ("UBS shares recovered from a 16% early loss to end 3.3% higher.", "16%", "change-"),
        ("Intel's 26% single-day collapse on Friday was its worst since 1974.", "26%", "change-"),
        ("Its 68.4 percent tumble is steeper than the market's.", "68.4 percent", "change-"),
        ("Contoso's 8.45% share price plunge surprised traders.", "8.45%", "change-"),
        ("The $17.80 drop in Contoso's share price wiped out gains.", "$17.80", "change-"),
        ("By the close, the stock was down $1.24 at $35.21, a 3.4 percent decline.", "3.4 percent", "change-"),
        ("The bank disclosed a surprise $2bn loss on derivatives trading.", "$2bn", "none"),)),
    entry("a price a move noun's figure reached", "Q @direction.noun to|at #", "after_move", units="money",
          examples=(("Contoso's $20.31 tumble to $262.90 came after a recall.", "$262.90", "after_move"),)),
    entry("a move as a noun before the figure", "@direction.noun of|to|at " + FILL + " ?@hedge #", "change",
          examples=(
              ("Thursday's gain of 22 cents took the stock to $4.17.", "22 cents", "change+"),
              ("It recovered from a deficit of more than 300 points in the morning session.", "300 points", "change-"),
              ("The Hang Seng ended higher, paring a weekly loss to 1.3 per cent.", "1.3 per cent", "change-"),)),
    entry("a move noun and its figure set off by commas", "@direction.noun ?T , ?@hedge #", "change",
          units="pct money points", when="set_off", examples=(
              ("Apple's gain for 2019, 86 per cent, was its best since 2009.", "86 per cent", "change+"),
              ("The Dax's loss on Monday, 1.8%, was its worst in a month.", "1.8%", "change-"),)),
    entry("a move from the close of a day it names", "# ?@hedge @direction.compare ?its|the|their T ?'s "
          "?regular-session close|closing|finish|settlement", "change", examples=(
              ("It now stands 19.8% under its Sept. 20 record close.", "19.8%", "from_extreme-"),
              ("Acme opened 3% above Tuesday's close of $48.40.", "3%", "change+"),
              ("The shares finished 2.1% below their Friday close.", "2.1%", "change-"),)),
    entry("a move from the previous close", "# ?@hedge @direction.compare ?its|the|their|a "
          "previous|prior|preceding|last|overnight|yesterday's ?day's|session's|trading ?regular-session "
          "close|closing|finish|settlement", "change", examples=(
              ("Contoso traded 2.4 per cent over its previous close of Rs 121.10.", "2.4 per cent", "change+"),
              ("It ended 0.8% below the prior day's close.", "0.8%", "change-"),)),
    entry("a move from a day's price", "# ?@hedge @direction.compare T ?'s Q", "change", examples=(
        ("Shares ended 3.1% above Monday's 620.4p.", "3.1%", "change+"),)),
    entry("a gap from a high or low", "# ?@hedge @direction.compare *6 @level.high|@level.low|@level.close",
          "from_extreme", examples=(
              ("It now stands 23.6% below its record close of Aug. 29.", "23.6%", "from_extreme-"),
              ("The stock is 17.5% below its 52-week closing high of $80.44.", "17.5%", "from_extreme-"),)),
    # -- market values ----------------------------------------------------------------------------------------
    entry("a loss or gain of market value", "@direction.noun of|in ?stock|total @value.nouns *3 ?@hedge #",
          "value_change", units="money", when="large", examples=(
              ("The company's total loss of stock market value topped $12 billion Friday morning.", "$12 billion",
               "value_change-"),)),
    entry("a change of market value named after the figure", "# ?of|in|from|off ?N ?the|its|their|'s|company's "
          "@value.nouns", "value_change", units="money", when="value_change_context", examples=(
              ("The fall wiped 56 billion USD off Facebook's market value.", "56 billion USD", "value_change-"),
              ("Meta lost $232 billion in market capitalization.", "$232 billion", "value_change-"),)),
    entry("a market value a change took it to", "@value.change_verbs|@direction.verb it|them to ?@hedge #", "value",
          units="money", when="large", examples=(
              ("Alphabet added $115 billion on Friday, lifting it to $2.15 trillion.", "$2.15 trillion", "value"),)),
    entry("a change of market value by its verb", "@value.change_verbs *3 ?@hedge #", "value_change", units="money",
          when="large", examples=(
              ("Shares plummeted last week, wiping out some $100 billion.", "$100 billion", "value_change-"),
              ("The jump added about $191bn in market value.", "$191bn", "value_change+"),)),
    entry("a change of market value, the verb after it", "# *4 @value.change_verbs", "value_change", units="money",
          when="large", examples=(
              ("More than $120billion has been stripped from Facebook's value.", "$120billion", "value_change-"),)),
    entry("a market value crossed after a move", "@direction.verb @threshold ?the|a #", "value", units="money",
          when="value_topic", examples=(
              ("Contoso's market value slipped below $2 trillion.", "$2 trillion", "value"),)),
    entry("a move of a company's market value", "@direction.verb ?@hedge ?by ?@hedge #", "value_change",
          units="money", when="value_topic", examples=(
              ("Nvidia's value would rise by $181 billion.", "$181 billion", "value_change+"),
              ("Its market value shrank by about $54 billion.", "$54 billion", "value_change-"),)),
    entry("a market value set off after a name", "N , at|around|near ?@hedge #", "value", units="money", when="large",
          examples=(("It overtook Alphabet, at $2.1 trillion, and Amazon.", "$2.1 trillion", "value"),)),
    entry("a price set off after a name", "N , at|around|near ?@hedge #", "level", level="price", units="money",
          when="small", examples=(("Exxon, at $110, and Chevron, at $155, both gained.", "$155", "level:price"),)),
    entry("a market value", "@value.level_verbs ?N ?at ?@hedge ?the|a|an #", "value", units="money", when="large",
          examples=(
              ("Facebook shares closed on Thursday, valuing the company at about $509 billion.", "$509 billion",
               "value"),
              ("Rivian finished its first day valued at almost $88 billion.", "$88 billion", "value"),
              ("Microsoft is now worth about $2.5 trillion.", "$2.5 trillion", "value"),
              ("It left the bank with a market value of $5.7 billion.", "$5.7 billion", "value"),
              ("That valued the postal operator at £4.55bn.", "£4.55bn", "value"),)),
    entry("a figure that names a club, mark or milestone of market value", "# ?stock @value.nouns "
          "club|mark|milestone|threshold|level|barrier|territory|range|company|companies", "none", examples=(
              ("Apple shared the $2 trillion market value club with Microsoft.", "$2 trillion", "none"),)),
    entry("a market value named after the figure", "# ?stock @value.nouns", "value", units="money", when="large",
          examples=(("Apple became the first company to hit a $3 trillion stock market value.", "$3 trillion",
                     "value"),)),
    entry("a market value a value noun governs", "@value.nouns *4 ?@hedge ?the|a #", "value", units="money",
          when="large", examples=(
              ("Apple's market value was just above $3 trillion.", "$3 trillion", "value"),)),
    entry("a level reached, as high as", "as high as #", "level", level="high", units="plain money points", examples=(
        ("The Dow rose 117.07 after trading as high as 10,001.58.", "10,001.58", "level:high"),)),
    entry("a level reached, as low as", "as low as #", "level", level="low", units="plain money points", examples=(
        ("Cisco sank as low as $8.60 in late 2002.", "$8.60", "level:low"),)),
    entry("a price the subject is said to have ended at, after the figure", "# it|they|which ?had @level.close",
          "level", level="close", units="plain money", examples=(
              ("Kraft closed at $28.42, well below the $35.95 it ended at on Feb. 22.", "$35.95", "level:close"),)),
    entry("a move the subject is said to have made, after the figure", "# it|they|which ?had @direction.verb",
          "change", units="pct money", examples=(
              ("By noon Lloyds was 9 per cent lower, deeper than the 8.2 per cent it lost on Friday.", "8.2 per cent",
               "change-"),)),
    entry("a price a day owns", "T ?'s #", "level", level="close", units="money plain points", examples=(
        ("Shares ended 3.1% above Monday's 620.4p.", "620.4p", "level:close"),
        ("Tuesday's $4.37 slide in Contoso stock came after a downgrade.", "$4.37", "change-"),)),
    entry("a close named by its price", "its|the|a|their ?regular-session #  @level.close", "level", level="close",
          units="plain money", examples=(("After hours, Snap fell to $11.00, about 25% below its $14.63 close.",
                                          "$14.63", "level:close"),)),
    entry("a gap from a stated close, high or low", "# ?@hedge @direction.compare its|the|their Q "
          "@level.close|@level.high|@level.low", "from_extreme", examples=(
              ("After hours, Snap fell to $11.00, about 25% below its $14.63 close.", "25%", "from_extreme-"),)),
    entry("a range over a year, its low", "@extreme.year ?trading range is|of|was|from|: ?@hedge #", "level",
          level="low", units="plain money", examples=(("Visa's 52-week range is $190.10 to $252.67.", "$190.10",
                                                        "level:low"),)),
    entry("a range over a year, its high", "@extreme.year ?trading range is|of|was|from|: ?@hedge Q to|-|– #",
          "level", level="high", units="plain money", examples=(
              ("Visa's 52-week range is $190.10 to $252.67.", "$252.67", "level:high"),)),
    entry("a high and a low named together, the first", "@level.high and ?its|the @level.low "
          "?is|are|were|was|of|stand|stood|at|: ?@hedge #", "level", level="high", units="plain money points",
          examples=(("Its 52-week high and low are Rs 2,856.15 and Rs 2,180.00.", "Rs 2,856.15", "level:high"),)),
    entry("a low and a high named together, the first", "@level.low and ?its|the @level.high "
          "?is|are|were|was|of|stand|stood|at|: ?@hedge #", "level", level="low", units="plain money points",
          examples=(("The index's session low and high were 9,810 and 9,990.", "9,810", "level:low"),)),
    entry("a level crossed", "@threshold ?the|a #", "level", level="crossed", units="plain money points",
          when="crossing", examples=(
              ("Nifty breaches 10,500 for the first time.", "10,500", "level:high"),
              ("The DAX hit a record high, topping 13,000 points.", "13,000 points", "level:high"),
              ("The Dow traded above the 26,000-point threshold on Tuesday.", "26,000", "level:high"),
              ("Strong bank results gave the index its final push past 10,000.", "10,000", "level:high"),)),
    entry("a threshold after a move: a level, not a move", "@direction.verb|@direction.adverb ?@hedge @threshold "
          "?the|a #", "level", level="price", units="money plain", examples=(
              ("Acme slipped below $50 soon after the opening bell.", "$50", "level:low"),)),
    entry("a move a verb gives its object", "@causative ?the N ?'s ?shares|stock|stocks ?@direction.adverb "
          "?by ?@hedge # ?@direction.adverb", "change", examples=(
              ("Copper jumped, lifting Contoso shares 3.1 percent.", "3.1 percent", "change+"),
              ("The miss sent Fabrikam stock 12% lower.", "12%", "change-"),
              ("Tech selling dragged the Nasdaq down 1.4%.", "1.4%", "change-"),)),
    entry("a move the verb gives a named object", "@direction.verb ?the N by ?@hedge #", "change", examples=(
        ("Sony's rise of 3% helped lift the Nikkei 225 by 0.6% on Wednesday.", "0.6%", "change+"),)),
    entry("a move measured from a high or low", "@direction.verb|@direction.adverb ?@hedge ?by # from|off "
          "its|the|their|a *3 @level.high|@level.low", "from_extreme", examples=(
              ("The Dow is now up 53 per cent from its March low.", "53 per cent", "from_extreme+"),
              ("Shares have tumbled 40% from their peak in February.", "40%", "from_extreme-"),)),
    entry("a move by a verb or an adverb", "@direction.verb|@direction.adverb ?@hedge ?by " + FILL + " ?@hedge #",
          "change", examples=(
              ("Netflix shares fell 27% in extended trading.", "27%", "change-"),
              ("Royal Dutch Shell rose by more than 5%.", "5%", "change+"),
              ("The stock jumped another 12.25 percent on Wednesday.", "12.25 percent", "change+"),
              ("At last check, shares were down $6.11, or 14.65%, at $35.59.", "$6.11", "change-"),
              ("The Dow Jones Industrial Average lost 876.05 points, or 2.79%.", "876.05 points", "change-"),
              ("Kraft Heinz shares plunged nearly 25 percent Friday.", "25 percent", "change-"),)),
    entry("a move with words between the verb and the figure", "@direction.verb *3 ?@hedge #", "change",
          units="pct points", examples=(
              ("Taylor Wimpey dropped an eye-watering 29.3%.", "29.3%", "change-"),)),

    # -- volumes ----------------------------------------------------------------------------------------------
    entry("shares that changed hands", "# ?N shares|stocks ?of|in ?N *2 @volume.verbs", "volume", units="plain",
          examples=(
              ("More than 600 million BofA shares changed hands.", "600 million", "volume"),
              ("More than 25 million shares of Ford had changed hands by 11 a.m.", "25 million", "volume"),
              ("Nvidia saw 58 million shares change hands on Monday.", "58 million", "volume"),)),
    entry("a count that changed hands", "# changed|change|changing|exchanged hands", "volume", units="plain",
          when="large", examples=(
              ("The most since March 16, when 160 million changed hands.", "160 million", "volume"),)),
    entry("a volume named before the figure", "@volume.nouns ?in|for|of ?N ?and|, ?N *3 ?: ?@hedge #", "volume",
          units="plain",
          examples=(
              ("- Volume: 4.6 million shares", "4.6 million", "volume"),
              ("Volume came to 81,305,068 shares.", "81,305,068", "volume"),
              ("Volume in General Electric reached 188 million shares on Thursday.", "188 million", "volume"),)),

    # -- levels -----------------------------------------------------------------------------------------------
    entry("a high or a low", "@level.high|@level.low *5 ?of|at|to|near|around|was ?@hedge ?the|a #", "level",
          level="extreme", examples=(
              ("The stock hit a high of $31.24 and a low of $25.05 for the day.", "$31.24", "level:high"),
              ("The Sensex hit a life-time high of 41,994.26 in day trade.", "41,994.26", "level:high"),
              ("It has yet to regain the record high of $423.21 it hit in June.", "$423.21", "level:high"),
              ("The Nifty touched its lifetime high (intra-day) of 12,374.25.", "12,374.25", "level:high"),)),
    entry("a price after a move", "to|at ?@hedge ?the|a|an ?@extreme|new #", "after_move", when="after_change",
          examples=(
        ("Glencore shares rose 21% to 115p.", "115p", "after_move"),
        ("The S&P 500 index rose 26.14 points, or 0.9 percent, to 2,802.56.", "2,802.56", "after_move"),
        ("Nvidia's value would rise by $181 billion to a record $936 billion.", "$936 billion", "value"),)),
    entry("a price a course started from", "went|gone|go|goes|going|moved|swung from ?@hedge #", "before_move",
          units="money plain points", examples=(
              ("Moderna went from $497 in August 2021 to about $100 in December 2023.", "$497", "before_move"),)),
    entry("a price a move started from", "from ?@hedge #", "before_move", when="after_change_or_move_word",
          examples=(("The shares are down from $60.48 on the day of the explosion.", "$60.48", "before_move"),)),
    entry("a level after a comma, the clause's close before it", ", at ?@hedge #", "level", level="close",
          when="closed_before", examples=(
              ("The Kospi ended above 3,000 for the first time on Wednesday, at 3,031.68.", "3,031.68", "level:close"),
              ("Acme settled below $10 for the first time since its debut on Friday, at $9.62.", "$9.62",
               "level:close"),)),
    entry("a close", "@level.close *4 ?at|of|to|near|around|was|is|on ?@hedge ?the|a #", "level", level="close",
          examples=(
              ("The stock finished at $109.11.", "$109.11", "level:close"),
              ("JP Morgan stock finished yesterday's session at $35.88.", "$35.88", "level:close"),
              ("The Nasdaq closed topping 8,000 points.", "8,000 points", "level:close"),)),
    entry("an opening price", "@level.open *4 ?at|of ?@hedge #", "level", level="open", examples=(
        ("Square opened on Thursday at $11.20 a share.", "$11.20", "level:open"),)),
    entry("a price traded at", "@level.trade *3 ?at|to|near|around|of|for ?@hedge ?the|a #", "level", level="price",
          examples=(
              ("BP was trading at $37.60 by early afternoon.", "$37.60", "level:price"),
              ("The shares touched 97 cents before ending the day at $1.02.", "97 cents", "level:price"),)),
    entry("a name at a price", "N ?was|is|were|are at ?@hedge #", "level", level="price", units="plain money",
          when="small",
          examples=(("Figures show the stock at $111.62 at the close of business on Monday.", "$111.62",
                     "level:price"),)),
    entry("a level on a quote line", "N : #", "level", level="price", units="plain money", examples=(
        ("Dow Jones: 10,809.85 (-634.76)", "10,809.85", "level:price"),)),
    entry("a price paid for each share", "#", "level", level="price", units="money", when="per_share_price",
          examples=(("Immelt's purchase was at $8.26 a share.", "$8.26", "level:price"),)),
    entry("a move compared with the sentence's, for the name after it", "compared|comparing|versus|vs|against "
          "?with|to ?@hedge # for|in ?the N", "gapped", when="gapped", examples=(
              ("Contoso has gained 52% this year, compared with 8% for the Stoxx 600.", "8%", "change+"),
              ("Fabrikam fell 3%, versus a 0.4% drop in the Dax.", "0.4%", "change-"),)),
    entry("a move of the sentence's verb, for another subject", "N ?@hedge #", "gapped", when="gapped",
          scope="sentence", examples=(
        ("Bajaj Finance rose 2.1 per cent to Rs 7,020, HUL 1.4 per cent to Rs 2,105.", "1.4 per cent", "change+"),
        ("Alphabet lost 9.1% to $94.82 and Microsoft 7.7% to $231.32.", "7.7%", "change-"),
        ("For the week, the Nifty gained 1.6 percent and the Sensex 1.4 percent.", "1.4 percent", "change+"),)),
)
