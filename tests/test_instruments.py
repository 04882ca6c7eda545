from enrich.instruments import instrument


def test_london_shares_are_quoted_in_pence_against_the_ftse():
    i = instrument("GLEN.L")
    assert (i.calendar, i.currency, i.market.quote_unit, i.market.per_major, i.benchmark) == (
        "XLON", "GBP", "GBp", 100.0, "^FTSE")


def test_us_and_unknown_suffixes_trade_in_new_york():
    assert instrument("FB").calendar == "XNYS" and instrument("FB").benchmark == "^GSPC"
    assert instrument("XYZ.QQ").calendar == "XNYS"


def test_indices_take_their_market():
    assert instrument("^NSEI").calendar == "XBOM" and instrument("^NSEI").is_index
    assert instrument("^GSPC").is_index and not instrument("RELIANCE.NS").is_index
    assert instrument("RELIANCE.NS").currency == "INR"
