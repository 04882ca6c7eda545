"""Time words to sessions, relative to the publish time, through the exchange calendar."""
from __future__ import annotations

import datetime as dt

from helpers import article

from enrich.calendar import Phase, get_calendar
from enrich.models import Moment
from enrich.pipeline import Enricher

ENRICHER = Enricher()
D = dt.date


def first(text: str, published: str, url: str = "https://example.com/a"):
    return ENRICHER.extract(article(text, published, url)).claims[0]


def test_weekday_yesterday_and_today():
    assert first("Apple shares fell 2 percent on Friday.", "2020-07-02T12:00:00-04:00").session == D(2020, 6, 26)
    assert first("JP Morgan shares dropped 2.45 per cent yesterday.", "2012-06-29T08:00:00+01:00",
                 "https://www.cityam.com/x").session == D(2012, 6, 28)
    # stated as current in an article published while the session ran: as of the moment of writing
    c = first("Apple shares are trading up 2 percent today.", "2019-03-04T12:00:00-05:00")
    assert c.session == D(2019, 3, 4) and c.time.moment is Moment.CLOCK_TIME
    c = first("Apple shares traded up 2 percent in morning trading today.", "2019-03-04T14:00:00-05:00")
    assert c.session == D(2019, 3, 4) and c.time.moment is Moment.INTRADAY


def test_holiday_falls_back_to_the_previous_session():
    # 2018-07-04 was a holiday: "on Wednesday" is the session before it
    c = first("Apple shares fell 2 percent on Wednesday.", "2018-07-05T18:00:00-04:00")
    assert c.session == D(2018, 7, 3) and "not a trading day" in c.time.why


def test_moments():
    assert first("Netflix shares fell 27% in extended trading.", "2014-10-15T18:00:00-04:00").time.moment is \
        Moment.AFTER_HOURS
    assert first("In premarket trading Amazon.com gained 4.6 percent.", "2018-07-27T08:00:00-04:00").time.moment is \
        Moment.PRE_MARKET
    assert first("Netflix stock rose as much as 20% on Tuesday morning.", "2016-10-18T12:00:00-04:00").approx == \
        "as much as"
    assert first("Netflix stock was up 6 percent at 10:30 a.m.", "2018-10-17T12:00:00-04:00").time.moment is \
        Moment.CLOCK_TIME


def test_ranges():
    c = first("Amazon's stock is up 55% so far this year.", "2015-07-24T12:00:00+01:00", "https://netimperative.com/a")
    assert (c.time.from_session, c.session) == (D(2014, 12, 31), D(2015, 7, 23))
    c = first("Since July 22nd the S&P 500 has dropped about 17 per cent.", "2011-08-08T18:00:00-04:00")
    assert c.time.from_session == D(2011, 7, 22)
    text = "All three indexes have declined for four sessions in a row. Over that stretch the Nasdaq has slid 8.7%."
    c = first(text, "2018-12-24T14:00:00-05:00")
    assert (c.time.from_session, c.session) == (D(2018, 12, 18), D(2018, 12, 24))


def test_calendar_locates_an_instant():
    cal = get_calendar()
    ist = dt.timezone(dt.timedelta(hours=5, minutes=30))
    where = cal.locate(dt.datetime(2018, 8, 7, 0, 5, tzinfo=ist))
    assert (where.session, where.phase) == (D(2018, 8, 6), Phase.DURING)
    where = cal.locate(dt.datetime(2018, 12, 24, 14, 0, tzinfo=dt.timezone(dt.timedelta(hours=-5))))
    assert where.phase is Phase.AFTER_CLOSE  # Christmas Eve closed at 13:00


def test_sessions_follow_the_listing_exchange_calendar():
    # 2 May 2016 was a bank holiday in London but a trading day in New York
    # HSBC's New York line, named by its exchange-prefixed ticker (the name alone is the primary London line)
    cs = ENRICHER.extract(article("HSBC (NYSE: HSBC) shares fell 3 percent on Monday. The FTSE 100 lost 1 percent on Monday.",
                                  "2016-05-03T12:00:00+01:00", "https://www.ft.com/x")).claims
    assert [(c.symbol, c.session) for c in cs] == [("HSBC", D(2016, 5, 2)), ("^FTSE", D(2016, 4, 29))]


def test_an_exchange_with_a_shorter_calendar_history_works():
    # Bombay's holidays are recorded from 1997 only
    cs = ENRICHER.extract(article("The Sensex fell 1,138 points, or 2.4 per cent, to close at 46,285.77, while the "
                                  "Nifty declined 2.3 per cent.", "2021-02-26T18:00:00+05:30",
                                  "https://www.livemint.com/x")).claims
    assert {(c.symbol, c.session) for c in cs} == {("^BSESN", D(2021, 2, 26)), ("^NSEI", D(2021, 2, 26))}
    assert {c.value for c in cs} == {-1138.0, -2.4, 46285.77, -2.3}


def test_a_move_restated_as_after_hours_is_that_move():
    text = ("Netflix missed forecasts and its shares slumped 14 percent on Monday. After the bell on Monday the "
            "shares slid 14 percent to $343.60.")
    cs = ENRICHER.extract(article(text, "2018-07-16T18:30:00-04:00")).claims
    moves = [c for c in cs if c.value == -14]
    assert len(moves) == 2 and all(c.time.moment is Moment.AFTER_HOURS for c in moves)
    assert "same move as after-hours" in moves[0].time.why
    # another figure is another move: the regular session's stays a close move
    text = text.replace("slumped 14 percent", "slumped 1.4 percent")
    cs = ENRICHER.extract(article(text, "2018-07-16T18:30:00-04:00")).claims
    assert next(c for c in cs if c.value == -1.4).time.moment is Moment.CLOSE


def claims_of(text: str, published: str, url: str = "https://example.com/a"):
    return ENRICHER.extract(article(text, published, url)).claims


def test_a_timetable_in_the_present_names_a_day_to_come_not_a_past_one():
    text = ("Wall Street closed early on Monday and remains closed on Tuesday for the holiday. "
            "The Nasdaq Composite fell 2.1 percent to 6,192.92.")
    assert {c.session for c in claims_of(text, "2018-12-24")} == {D(2018, 12, 24)}


def test_a_publication_stamp_line_dates_the_article_not_the_figures():
    text = "12/06/2019 - 04:10\n\nCisco Systems slid on Wednesday.\n\nCisco's stock fell 1.2% on the day to $44.10."
    assert {c.session for c in claims_of(text, "2019-12-06")} == {D(2019, 12, 4)}


def test_since_then_points_back_to_a_date_the_sentence_named():
    c = [x for x in claims_of("Pfizer finished 2019 at $39.18, and the stock has gained 12% since then.",
                              "2020-06-10T17:00:00-04:00") if x.value == 12][0]
    assert c.time.from_session == D(2019, 12, 31) and c.session == D(2020, 6, 10)


def test_a_day_that_ends_a_period_takes_the_period_named_before():
    text = "No bank in the index has fared worse this year: Citigroup had shed 21 percent through Friday's close."
    c = [x for x in claims_of(text, "2020-05-12") if x.value == -21][0]
    assert c.time.from_session == D(2019, 12, 31) and c.session == D(2020, 5, 8)


def test_a_since_clause_dates_the_start_of_a_move_not_its_end():
    text = "Amazon's stock has soared roughly 1,900 percent since Jeff Bezos took it public in May 1997."
    c = first(text, "2008-05-15T17:00:00-04:00")
    assert c.time.from_session == D(1997, 4, 30) and c.session == D(2008, 5, 15)


def test_a_headline_without_time_words_is_about_the_day_the_story_tells():
    text = ("Story from May 9, 2019\n\nNasdaq ends above 8,000 for first time in a month\n\n"
            "The Nasdaq Composite climbed back in late trading on Wednesday, finishing up 0.9 percent.")
    head = [c for c in claims_of(text, "2019-05-09") if c.value == 8000][0]
    assert head.session == D(2019, 5, 8)


def test_a_story_written_while_the_session_ran_makes_its_bare_figures_intraday():
    text = ("The S&P 500 broke through 3,000 in late-morning trading on Friday. "
            "The index rose 12.40, or 0.4 percent, to 3,004.10.")
    got = {c.value: c for c in claims_of(text, "2019-07-13")}
    assert got[12.4].session == D(2019, 7, 12) and got[12.4].time.moment is Moment.INTRADAY


def test_a_move_from_a_high_or_low_in_a_named_month_measures_from_that_extreme():
    c = [x for x in claims_of("Carnival's stock is now up 120% from its April low.", "2020-06-05T17:00:00-04:00")
         if x.value == 120][0]
    assert c.session == D(2020, 6, 5) and c.time.extreme == "low"
    assert min(c.time.candidates) == D(2020, 4, 1) and max(c.time.candidates) == D(2020, 4, 30)


def test_a_period_a_close_verb_ends_is_the_period_as_it_closed():
    c = first("The Hang Seng ended the week 2.4% higher.", "2019-09-14T09:00:00+08:00", "https://example.com/hk")
    assert (c.time.from_session, c.session) == (D(2019, 9, 6), D(2019, 9, 13))
    c = first("Lloyds shares finished the month down 9 percent.", "2019-10-01T10:00:00+01:00", "https://example.co.uk/a")
    assert (c.time.from_session, c.session) == (D(2019, 8, 30), D(2019, 9, 30))


def test_clock_times_written_with_a_stop():
    c = first("At 10.15am, Barclays was down 2% at 150p.", "2020-03-18T17:30:00+00:00", "https://example.co.uk/a")
    assert c.time.moment is Moment.CLOCK_TIME


def test_a_current_figure_with_a_time_of_day_in_a_running_session_is_as_of_the_writing():
    assert first("Boeing is down 4% this morning.", "2020-03-17T10:30:00-04:00").time.moment is Moment.CLOCK_TIME
    assert first("Boeing fell 4% this morning.", "2020-03-17T10:30:00-04:00").time.moment is Moment.INTRADAY


def test_a_price_at_the_exchanges_closing_time_is_the_close():
    from enrich.models import Kind
    c = first("At 4 p.m. ET on Monday, Home Depot stock was at $310.20.", "2021-06-15T08:00:00-04:00")
    assert c.kind is Kind.CLOSE and c.session == D(2021, 6, 14)


def test_a_year_written_before_a_move_or_a_level_is_that_year():
    c = first("Toyota's 2021 gain now stands at 31%.", "2021-11-20T09:00:00+09:00", "https://example.jp/a")
    assert (c.time.from_session, c.session) == (D(2020, 12, 30), D(2021, 11, 19))
    got = {x.value: x for x in claims_of(
        "The Dow stood 9% above its 2020 closing low of 18,591.93 on Thursday.", "2021-01-09T09:00:00-05:00")}
    assert got[18591.93].time.extreme == "low"
    assert min(got[18591.93].time.candidates) == D(2020, 1, 2)


def test_since_its_dated_low_measures_from_that_day():
    c = first("Ford shares have climbed 40% since their June 6 low.", "2022-08-10T16:30:00-04:00")
    assert c.time.from_session == D(2022, 6, 6) and c.session == D(2022, 8, 10)


def test_a_calendar_quarter_is_a_period_and_quarterly_results_are_no_time():
    c = first("Intel stock slid 14% in the third quarter of 2022.", "2022-10-15T09:00:00-04:00")
    assert (c.time.from_session, c.session) == (D(2022, 6, 30), D(2022, 9, 30))
    c = first("Intel stock rose 6% in Q1.", "2023-05-02T09:00:00-04:00")
    assert (c.time.from_session, c.session) == (D(2022, 12, 30), D(2023, 3, 31))
    assert not claims_of("Intel's second-quarter revenue fell 15%.", "2023-08-02T09:00:00-04:00")


def test_a_move_the_opening_makes_is_the_open_against_the_previous_close():
    c = first("Unilever opened 2.2% lower on Wednesday.", "2023-03-08T17:00:00+00:00", "https://example.co.uk/a")
    assert c.time.moment is Moment.OPEN and c.session == D(2023, 3, 8)
    c = first("Sony posted an opening gain of 1.5% before giving it back.", "2023-03-08T16:00:00+09:00",
              "https://example.jp/a")
    assert c.time.moment is Moment.OPEN
    c = first("Sony gained 1.5% after opening lower.", "2023-03-08T16:00:00+09:00", "https://example.jp/a")
    assert c.time.moment is not Moment.OPEN


def test_a_move_from_a_days_close_is_that_days_move():
    from enrich.models import Kind
    got = {c.value: c for c in claims_of("Caterpillar finished 1.4% above Monday's close of $221.10 on Tuesday.",
                                         "2023-03-07T17:00:00-05:00")}
    assert got[1.4].kind is Kind.PCT_CHANGE and got[1.4].session == D(2023, 3, 7)
    assert got[221.10].kind is Kind.CLOSE and got[221.10].session == D(2023, 3, 6)
    got = {c.value: c for c in claims_of("Lloyds ended 2.5% below Friday's 44.1p.", "2023-03-06T17:00:00+00:00",
                                         "https://example.co.uk/a")}
    assert got[-2.5].kind is Kind.PCT_CHANGE and got[-2.5].session == D(2023, 3, 6)
    assert got[44.1].kind is Kind.CLOSE and got[44.1].session == D(2023, 3, 3)


def test_a_time_of_day_with_a_place_or_midsession_is_intraday_and_noon_is_a_clock_time():
    c = first("Siemens slipped 1.1% in late Frankfurt trade.", "2023-06-29T18:30:00+02:00", "https://example.de/a")
    assert c.time.moment is Moment.INTRADAY
    got = claims_of("In midsession trade, Wipro was up 1.8 per cent at Rs 412.", "2023-06-29T17:00:00+05:30",
                    "https://example.in/a")
    assert [c.time.moment for c in got] == [Moment.INTRADAY, Moment.INTRADAY] and got[1].value == 412
    assert first("Shortly before noon, Ford was down 2%.", "2023-06-29T17:00:00-04:00").time.moment \
        is Moment.CLOCK_TIME


def test_a_clock_time_trailing_one_figure_does_not_time_another_predicate():
    got = {c.value: c for c in claims_of(
        "Wipro, up 0.9% at 10:40 a.m., had fallen 2.6% in the previous session.", "2023-07-20T16:00:00+05:30",
        "https://example.in/a")}
    assert got[0.9].time.moment is Moment.CLOCK_TIME
    assert got[-2.6].time.moment is Moment.CLOSE and got[-2.6].session == D(2023, 7, 19)


def test_a_clock_time_before_the_figures_times_the_clauses_that_follow():
    got = {c.value: c for c in claims_of("At 10.05am the FTSE 100 was 0.2% higher and BP had gained 1.4%.",
                                         "2023-07-18T17:00:00+01:00", "https://example.co.uk/a")}
    assert got[0.2].time.moment is Moment.CLOCK_TIME and got[1.4].time.moment is Moment.CLOCK_TIME
    got = {c.value: c for c in claims_of("The DAX was up 0.3% by 1015 GMT, with SAP adding 1.9%.",
                                         "2023-07-18T17:00:00+02:00", "https://example.de/a")}
    assert got[1.9].time.moment is Moment.CLOCK_TIME


def test_the_verb_nearest_the_figure_says_whether_it_is_current():
    got = {c.value: c for c in claims_of("Ford closed at $12.40 yesterday and is up 1.2% this morning.",
                                         "2023-06-29T10:30:00-04:00")}
    assert got[1.2].time.moment is Moment.CLOCK_TIME


def test_a_high_or_low_of_a_named_month_or_year_is_that_periods_extreme():
    got = {c.value: c for c in claims_of("Netflix peaked at $691.69 in November 2021 and bottomed near $163 in 2022.",
                                         "2024-01-05")}
    assert got[691.69].time.extreme == "high" and got[691.69].session <= D(2021, 11, 30)
    assert min(got[691.69].time.candidates) == D(2021, 11, 1)
    assert got[163].approx == "near" and got[163].time.extreme == "low"
    c = [x for x in claims_of("Intel trades 60% below its August 2020 peak of $53.60.", "2023-10-05T20:00:00-04:00")
         if x.value == 53.6][0]
    assert c.session == D(2020, 8, 31) and c.time.extreme == "high"


def test_a_run_the_sentence_ends_is_no_period_of_the_move_that_ended_it():
    from enrich.models import Kind
    c = first("Toyota broke a five-day losing streak with a 1.9 percent gain.", "2023-10-12T16:00:00+09:00",
              "https://example.jp/a")
    assert c.kind is Kind.PCT_CHANGE and c.time.from_session is None


def test_that_stretch_is_a_run_of_sessions_named_earlier_in_the_sentence():
    c = [x for x in claims_of("Boeing has fallen six sessions in a row; it is off 9.5% over that stretch.",
                              "2023-03-10T17:00:00-05:00") if x.value == -9.5][0]
    assert c.time.from_session == D(2023, 3, 2) and c.session == D(2023, 3, 10)


def test_a_move_its_closing_verb_states_is_at_the_close_whatever_the_morning_words():
    got = {c.value: c for c in claims_of("Fanuc rose as much as 5.1% in morning trade before closing up 2.2%.",
                                         "2023-11-08T16:00:00+09:00", "https://example.jp/a")}
    assert got[5.1].time.moment is Moment.INTRADAY and got[2.2].time.moment is Moment.CLOSE


def test_lunch_breaks_are_intraday_and_extended_trade_after_hours():
    c = first("By the midday break, Sony was 1.4% higher.", "2023-11-08T16:00:00+09:00", "https://example.jp/a")
    assert c.time.moment is Moment.INTRADAY
    assert first("Intel added 2.9% in extended trade.", "2023-11-08T18:00:00-05:00").time.moment \
        is Moment.AFTER_HOURS


def test_a_day_that_owns_the_figure_after_it_dates_it_even_after_after():
    got = {c.value: c for c in claims_of("Intel rose 2% on Monday after Friday's 5% slide.", "2024-05-20T17:00:00-04:00")}
    assert got[2.0].session == D(2024, 5, 20) and got[-5.0].session == D(2024, 5, 17)
    c = first("Shares rebounded after Tuesday's sharp losses, and Ford gained 2%.", "2024-05-22T17:00:00-04:00")
    assert c.session == D(2024, 5, 22)


def test_a_days_record_close_is_that_days_and_a_move_from_it_is_the_next_sessions():
    got = ENRICHER.extract(article("The Nasdaq slid 0.9% from Wednesday's record close of 18,647.45.",
                                   "2024-07-11T17:00:00-04:00")).claims
    move, level = got
    assert (move.kind.value, move.session, move.time.from_session) == ("index_pct_change", D(2024, 7, 11), None)
    assert (level.kind.value, level.session) == ("index_level", D(2024, 7, 10))
    c = first("Nvidia is up 2.1% since Monday.", "2024-07-09T17:00:00-04:00")  # Tuesday: since Monday's close
    assert (c.kind.value, c.session, c.time.from_session) == ("pct_change", D(2024, 7, 9), None)


def test_a_tally_of_moves_over_a_span_dates_no_figure():
    c = first("Boeing's 4.1% drop on Tuesday was its fifth decline in six sessions.", "2024-01-09T17:00:00-05:00")
    assert (c.kind.value, c.session, c.time.from_session) == ("pct_change", D(2024, 1, 9), None)


def test_a_quarter_named_by_its_months():
    c = first("The Kospi gained 7.2% in the April-June quarter.", "2023-07-03T09:00:00+09:00",
              "https://example.kr/a")
    assert (c.session, c.time.from_session) == (D(2023, 6, 30), D(2023, 3, 31))
    c = first("Wipro shares fell 4% in the December quarter.", "2024-01-15T17:00:00+05:30", "https://example.in/a")
    assert (c.session, c.time.from_session) == (D(2023, 12, 29), D(2023, 9, 29))


def test_a_level_crossed_early_in_the_session_is_in_the_days_range():
    c = first("Ford slipped below $11 soon after the opening bell.", "2024-07-25T17:00:00-04:00")
    assert (c.kind.value, c.time.moment) == ("low", Moment.INTRADAY)
    c = first("Ford was trading at $11.20 in the first hour of trading.", "2024-07-25T17:00:00-04:00")
    assert c.time.moment is Moment.CLOCK_TIME  # a price at a moment: daily bars cannot fix it


def test_the_edge_of_the_reference_dates_own_year_month_or_week():
    c = first("Sony ended the year's last session 1.1% higher.", "2023-12-29T16:00:00+09:00", "https://example.jp/a")
    assert (c.kind.value, c.session, c.time.from_session) == ("pct_change", D(2023, 12, 29), None)
    c = first("Barclays rose 2% in the month's first trading session.", "2024-03-20T17:00:00+00:00",
              "https://example.co.uk/a")
    assert c.session == D(2024, 3, 1)


def test_a_level_a_span_back_is_that_days_and_a_move_over_it_a_range():
    got = ENRICHER.extract(article("Rio Tinto traded at A$118.40, against A$104.10 on the same day a year earlier.",
                                   "2023-06-20T17:00:00+10:00", "https://example.com.au/a")).claims
    assert [(c.value, c.session) for c in got] == [(118.4, D(2023, 6, 20)), (104.1, D(2022, 6, 20))]
    c = first("Nvidia has climbed 190% from a year ago.", "2024-06-20T17:00:00-04:00")
    assert (c.kind.value, c.session, c.time.from_session) == ("range_pct_change", D(2024, 6, 20), D(2023, 6, 20))


def test_a_clause_after_a_semicolon_shares_the_period_of_the_one_before_and_total_returns_are_no_moves():
    got = ENRICHER.extract(article("On a total-return basis the Nikkei gained 31% in 2023; the index itself rose 28.2%.",
                                   "2023-12-29T17:00:00+09:00", "https://example.jp/a")).claims
    assert [(c.kind.value, c.value, c.session, c.time.from_session) for c in got] == [
        ("range_pct_change", 28.2, D(2023, 12, 29), D(2022, 12, 30))]


def test_a_course_from_one_months_price_to_anothers():
    got = ENRICHER.extract(article("Peloton went from $162 in January 2021 to about $9 in December 2022.",
                                   "2023-01-10T17:00:00-05:00")).claims
    assert [(c.kind.value, c.value, c.session, len(c.time.candidates) > 15) for c in got] == [
        ("price", 162.0, D(2021, 1, 29), True), ("price", 9.0, D(2022, 12, 30), True)]


def test_a_colon_spells_out_the_clause_before_and_an_item_named_anew_keeps_its_own_time():
    got = ENRICHER.extract(article("Intel has lagged the market over the past year: its 48 percent slide is steeper "
                                   "than the 12 percent drop in the Nasdaq.", "2024-08-05T17:00:00-04:00")).claims
    assert [(c.symbol, c.kind.value, c.value, c.time.from_session) for c in got] == [
        ("INTC", "range_pct_change", -48.0, D(2023, 8, 4)), ("^IXIC", "range_pct_change", -12.0, D(2023, 8, 4))]
    got = ENRICHER.extract(article("Movers: Apple has gained 40% this year; Nvidia rose 1%.",
                                   "2024-06-12T17:00:00-04:00")).claims
    assert [(c.symbol, c.kind.value) for c in got] == [("AAPL", "range_pct_change"), ("NVDA", "pct_change")]


def test_a_value_over_a_period_starts_at_its_start_and_ends_at_its_end():
    got = ENRICHER.extract(article("In 2022 Tesla's market value shrank from about $1.1 trillion to $390 billion.",
                                   "2023-01-03T09:00:00-05:00")).claims
    assert [(c.value, c.session) for c in got] == [(1.1e12, D(2021, 12, 31)), (390e9, D(2022, 12, 30))]


def test_the_weeks_final_session_before_it_has_come_is_last_weeks():
    c = first("The DAX rose 0.3% in the week's final session.", "2024-05-06T10:00:00+02:00", "https://example.de/a")
    assert c.session == D(2024, 5, 3)


def test_a_since_clause_dating_an_event_anchors_the_span_after_it():
    got = ENRICHER.extract(article("Boeing fell again.\nSince Dave Calhoun took over as chief executive in January "
                                   "2020, the stock has lost 38%.", "2024-03-25T17:00:00-04:00")).claims
    assert [(c.kind.value, c.session, c.time.from_session) for c in got] == [
        ("range_pct_change", D(2024, 3, 25), D(2019, 12, 31))]
    c = first("Since it lost $6.19 on Jan. 28, Apple has recovered.", "2009-02-19T17:00:00-05:00")
    assert (c.kind.value, c.session) == ("abs_change", D(2009, 1, 28))  # a clause with its own figure


def test_a_clock_time_after_as_of_ending_the_sentence_times_all_its_figures():
    got = ENRICHER.extract(article("Regions Financial had lost 4% and KeyCorp was 6.1% lower as of 11:05 a.m. ET.",
                                   "2023-03-10T17:00:00-05:00")).claims
    assert [c.time.moment for c in got] == [Moment.CLOCK_TIME, Moment.CLOCK_TIME]


def test_the_previous_sessions_after_a_named_day_end_the_session_before_it():
    cs = claims_of("The Kospi sank 2.3% on Thursday. It had climbed 3.1% over the previous three sessions.",
                    "2024-05-23T16:30:00+09:00")
    span = [c for c in cs if c.value == 3.1][0]
    assert (span.session, span.time.from_session) == (dt.date(2024, 5, 22), dt.date(2024, 5, 17))
    # with no day named, the previous sessions are the latest ones
    cs = claims_of("The Kospi has climbed 3.1% over the previous three sessions.", "2024-05-23T16:30:00+09:00")
    assert (cs[0].session, cs[0].time.from_session) == (dt.date(2024, 5, 23), dt.date(2024, 5, 20))


def test_a_close_a_move_is_measured_from_is_not_the_moves_day():
    cs = claims_of("The FTSE 100 ended at 7,702.1 on Tuesday. That left it 0.8% above the prior session's close.",
                    "2024-05-21T17:30:00+01:00")
    assert {(c.value, c.session) for c in cs} == {(7702.1, dt.date(2024, 5, 21)), (0.8, dt.date(2024, 5, 21))}
    cs = claims_of("Following the jobs data, Nvidia was trading 1.1% under Monday's close of $884.55.",
                    "2024-04-09T11:00:00-04:00")
    close = [c for c in cs if c.value == 884.55][0]
    assert close.session == dt.date(2024, 4, 8)
    assert [c.session for c in cs if c.value == -1.1] == [dt.date(2024, 4, 9)]


def test_last_week_in_a_sunday_paper_is_the_week_just_ended():
    cs = claims_of("Adidas shares fell 5.2% last week after a profit warning.", "2024-03-10T09:00:00+01:00")
    assert (cs[0].session, cs[0].time.from_session) == (dt.date(2024, 3, 8), dt.date(2024, 3, 1))
    cs = claims_of("Adidas shares fell 5.2% last week after a profit warning.", "2024-03-12T09:00:00+01:00")
    assert (cs[0].session, cs[0].time.from_session) == (dt.date(2024, 3, 8), dt.date(2024, 3, 1))


def test_a_span_since_a_dated_low_keeps_its_day_beside_a_later_clause():
    cs = claims_of("The CAC 40 has climbed 18% since its Oct. 26 low, ending at a record 8,017.21 on Friday.",
                   "2024-02-23T18:00:00+01:00")
    span = [c for c in cs if c.value == 18][0]
    assert span.time.from_session == dt.date(2023, 10, 26)
    level = [c for c in cs if c.value == 8017.21][0]
    assert (level.session, level.time.extreme) == (dt.date(2024, 2, 23), "high")  # the record is a high


def test_after_a_when_clause_a_subject_pronoun_resumes_the_main_clause():
    cs = claims_of("Rolls-Royce has had a strong run. Since 14 March 2023, when the shares closed at 151.2p, they "
                   "have climbed to 402.6p.", "2024-06-14T17:00:00+01:00")
    by_value = {c.value: c for c in cs}
    assert by_value[151.2].session == dt.date(2023, 3, 14)
    assert by_value[402.6].session == dt.date(2024, 6, 14)


def test_a_clock_time_after_a_price_and_its_bracketed_move_times_both():
    cs = claims_of("Sony stood at ¥12,810 (-1.2%) at 11:05 JST.", "2024-09-03T16:00:00+09:00")
    assert {c.time.moment for c in cs} == {Moment.CLOCK_TIME} and len(cs) == 2


def test_a_caption_line_with_a_clock_time_times_the_lines_under_it():
    cs = claims_of("Quotes at 2:40 p.m. HKT:\nTencent HK$301.20 +0.8%\nAIA HK$58.35 -1.1%", "2024-03-20T18:00:00+08:00")
    assert len(cs) == 4 and {c.time.moment for c in cs} == {Moment.CLOCK_TIME}


def test_the_start_or_end_of_a_month_is_its_first_or_last_session_and_early_late_a_third_of_it():
    cs = claims_of("Qantas went from A$5.10 at the beginning of March to A$6.02 at the end of May.",
                   "2024-06-28T17:00:00+10:00")
    assert sorted(c.session for c in cs) == [dt.date(2024, 3, 1), dt.date(2024, 5, 31)]
    cs = claims_of("Qantas slid to A$5.10 in late March.", "2024-06-28T17:00:00+10:00")
    assert cs[0].session == dt.date(2024, 3, 28) and cs[0].time.candidates[0] >= dt.date(2024, 3, 21)


def test_a_date_in_brackets_after_a_span_back_is_where_the_move_starts():
    cs = claims_of("Microsoft has gained 31% from a year earlier (March 4, 2023).", "2024-03-04T17:00:00-05:00")
    assert (cs[0].session, cs[0].time.from_session) == (dt.date(2024, 3, 4), dt.date(2023, 3, 3))
    cs = claims_of("Boeing is down 18.5% from 52 weeks ago (March 6, 2023).", "2024-03-04T17:00:00-05:00")
    assert cs[0].time.from_session == dt.date(2023, 3, 6)


def test_a_fronted_since_the_start_of_a_month_is_a_span_from_the_close_before_it():
    cs = claims_of("Since the start of March, Sony has lost 4.2%.", "2024-03-22T16:00:00+09:00")
    assert (cs[0].session, cs[0].time.from_session) == (dt.date(2024, 3, 22), dt.date(2024, 2, 29))


def test_months_from_the_years_start_a_year_back_from_a_months_end_and_an_ordinal_run():
    from helpers import article
    from enrich.pipeline import Enricher
    e = Enricher()
    cs = e.extract(article("The CAC 40 gained 14% in the first five months of the year.",
                           "2023-06-02T07:00:00+02:00")).claims
    assert [(c.time.from_session.isoformat(), c.session.isoformat()) for c in cs] == [("2022-12-30", "2023-05-31")]
    cs = e.extract(article("Sony shares have risen 30% over the past year.", "2024-12-31T07:00:00+09:00")).claims
    assert [c.time.from_session.isoformat() for c in cs] == ["2023-12-29"]  # Dec 30 a year back, not Dec 28
    cs = e.extract(article("Volvo Cars fell 1.1%, its sixth straight decline, and has lost 9% in that run. Volvo slid "
                           "0.8%, its third straight loss, and is down 3% in the period.",
                           "2024-07-18T18:00:00+02:00")).claims
    got = {(c.value, c.time.from_session.isoformat() if c.time.from_session else None) for c in cs}
    assert (-0.8, None) in got and (-3, "2024-07-15") in got
