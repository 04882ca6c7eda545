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


def test_each_market_reads_its_venue_from_the_listing():
    from enrich.calendar import calendar_code

    cases = {"7203.T": ("XTKS", "JPY", "^N225"), "0700.HK": ("XHKG", "HKD", "^HSI"), "SAP.DE": ("XETR", "EUR", "^GDAXI"),
             "005930.KS": ("XKRX", "KRW", "^KS11"), "2317.TW": ("XTAI", "TWD", "^TWII"), "BHP.AX": ("XASX", "AUD", "^AXJO"),
             "RELIANCE.BO": ("XBOM", "INR", "^BSESN"), "SHOP.TO": ("XTSE", "CAD", "^GSPTSE")}
    for symbol, want in cases.items():
        i = instrument(symbol)
        assert (i.calendar, i.currency, i.benchmark) == want, symbol
        assert calendar_code(symbol) == i.calendar  # one source of truth


def test_quote_units_follow_the_venue_and_the_lines_currency():
    assert instrument("NPN.JO").market.quote_unit == "ZAc" and instrument("NPN.JO").market.per_major == 100.0
    assert instrument("TEVA.TA").market.quote_unit == "ILA"
    london_dollar_line = next(s for s in ("0R2V.L", "0QZ4.L", "0A28.L") if instrument(s).currency == "USD")
    assert instrument(london_dollar_line).market.per_major == 1.0


def test_indices_follow_their_exchange():
    assert instrument("^KS11").calendar == "XKRX" and instrument("^STOXX50E").calendar == "XETR"
