from __future__ import annotations

import datetime as dt

import pytest

from enrich.published import resolve

IST_LINE = "Shares rose.\n\nFirst Published: Tue, August 07 2018. 00:05 IST"


def offset(p) -> dt.timedelta:
    return p.when.utcoffset()


def test_ist_is_india_for_an_indian_outlet():
    p = resolve(None, IST_LINE, "https://www.business-standard.com/article/x")
    assert offset(p) == dt.timedelta(hours=5, minutes=30) and p.region == "IN"
    assert "IST read as UTC+05:30" in p.how


def test_ist_is_irish_summer_time_for_an_irish_outlet():
    p = resolve(None, IST_LINE, "https://www.irishtimes.com/business/x")
    assert offset(p) == dt.timedelta(hours=1)


def test_ist_without_other_cues_defaults_to_india():
    p = resolve(None, "Markets fell.\nPublished: August 07 2018 09:00 IST")
    assert offset(p) == dt.timedelta(hours=5, minutes=30)


@pytest.mark.parametrize("text,expected", [
    ("RTTNews\nSep. 27, 2018, 04:54 PM\n\nTesla fell.", dt.datetime(2018, 9, 27, 16, 54)),
    ("07/10/2020 - 03:59\n\nNvidia rose.", dt.datetime(2020, 7, 10, 3, 59)),
    ("Posted 2019-03-04T10:15:00-05:00 by staff", dt.datetime(2019, 3, 4, 10, 15)),
])
def test_publication_lines(text, expected):
    p = resolve(None, text)
    assert p.when.replace(tzinfo=None) == expected and not p.date_only


def test_field_wins_and_date_only_is_assumed_and_said():
    p = resolve("2018-07-26", "Facebook fell.", "https://example.com/a")
    assert p.date_only and p.when.hour == 16 and "assumed" in p.how
    uk = resolve("2018-07-27", "Facebook fell.", "https://www.thisismoney.co.uk/a")
    assert uk.when.hour == 12 and uk.when.utcoffset() == dt.timedelta(hours=1)


def test_unknown_is_said():
    p = resolve(None, "No date anywhere in this text.")
    assert p.when is None and "unknown" in p.how
    q = resolve(None, "No date.", fallback="2018-08-06T14:35:00-04:00")
    assert q.when == dt.datetime(2018, 8, 6, 14, 35, tzinfo=dt.timezone(dt.timedelta(hours=-4)))


@pytest.mark.parametrize("value,offset", [
    ("Fri, 27 Jul 2018 18:00:00 +0900", dt.timedelta(hours=9)),
    ("Fri, 27 Jul 2018 09:00:00 GMT", dt.timedelta(0)),
    ("Fri, 27 Jul 2018 05:00:00 -0400", dt.timedelta(hours=-4)),
    ("2018-07-27T18:00:00+09:00", dt.timedelta(hours=9)),
])
def test_rss_and_iso_times_keep_their_own_offset(value, offset):
    for p in (resolve(value, "Globex fell."), resolve(None, f"Globex fell.\n\nPosted: {value}")):
        assert p.when.utcoffset() == offset and p.when.astimezone(dt.timezone.utc).hour == 9 and not p.date_only


def test_a_date_in_the_story_is_not_the_publish_date():
    text = ("Initech went public on May 18, 2012, at $38 a share.\n\nIts shares fell 3 percent on Tuesday, "
            "the company said.")
    p = resolve(None, text)
    assert p.when is None and "unknown" in p.how
    assert resolve(None, text, fallback="2019-04-16").when.date() == dt.date(2019, 4, 16)


@pytest.mark.parametrize("text,expected,why", [
    ("Globex jumps\n\n12 March 2019 - 09:45 Jane Roe\n\nGlobex rose.", dt.datetime(2019, 3, 12, 9, 45), "byline"),
    ("Globex jumps\n\nBy Jane Roe\nMarch 12, 2019, 9:45 AM ET\n\nGlobex rose.", dt.datetime(2019, 3, 12, 9, 45),
     "own"),
    ("Globex jumps\n\nMarch 12, 2019 / 9:45 AM\n\nGlobex rose.", dt.datetime(2019, 3, 12, 9, 45), "own"),
    ("Globex jumps\n\n03/12/2019 | 09:45am EDT\n\nGlobex rose.", dt.datetime(2019, 3, 12, 9, 45), "own"),
    ("CHICAGO, March 12, 2019 (Newswire) - Globex rose on Tuesday.", dt.datetime(2019, 3, 12, 16, 0), "dateline"),
    ("Globex rose.\n\nLast Updated: Mar 13 2019 | 8:00 AM IST\nFirst Published: Mar 12 2019 | 9:45 PM IST",
     dt.datetime(2019, 3, 12, 21, 45), "First Published"),
])
def test_publication_lines_by_place_and_wording(text, expected, why):
    p = resolve(None, text)
    assert p.when.replace(tzinfo=None) == expected and why in p.how


def test_numeric_dates_are_read_in_the_outlets_order():
    us = resolve(None, "05/06/2020 | 10:49\n\nGlobex rose.")
    uk = resolve(None, "05/06/2020 | 10:49\n\nGlobex rose.", "https://www.example.co.uk/markets/story")
    assert us.when.date() == dt.date(2020, 5, 6) and "month first" in us.how
    assert uk.when.date() == dt.date(2020, 6, 5) and "day first" in uk.how


def test_the_url_date_is_used_when_the_text_has_none():
    p = resolve(None, "Globex rose 2 percent.", "https://news.example.com/2019/03/12/globex-rises/")
    assert p.when.date() == dt.date(2019, 3, 12) and p.date_only and "URL" in p.how


def test_order_field_then_html_then_text():
    text = "Globex rose.\n\nPublished: March 10, 2019"
    html = (("JSON-LD datePublished", "2019-03-11T08:00:00-04:00"),)
    assert resolve("2019-03-12T08:00:00-04:00", text, html_dates=html).when.day == 12
    p = resolve(None, text, html_dates=html)
    assert p.when.day == 11 and "JSON-LD" in p.how
    assert resolve(None, text).when.day == 10


def test_an_unreadable_field_is_said_and_the_next_source_used():
    p = resolve("2019-13-45", "Globex rose.\n\nPublished: March 10, 2019")
    assert p.when.day == 10 and "'2019-13-45' was not used" in p.how


def test_a_date_only_field_takes_the_time_the_text_states_that_day():
    p = resolve("2019-03-12", "Globex rose.\n\nPosted on March 12, 2019 at 2:15 PM EDT")
    assert p.when == dt.datetime(2019, 3, 12, 14, 15, tzinfo=dt.timezone(dt.timedelta(hours=-4)))


def test_a_publication_line_counts_only_in_the_head_or_the_tail():
    middle = "Globex rose 2 percent. " * 60  # about 1,400 characters
    p = resolve(None, middle + "\nPublished: March 12, 2019 09:45\n" + middle)
    assert p.when is None
    assert resolve(None, "Published: March 12, 2019 09:45\n" + middle * 3).when.day == 12
    assert resolve(None, middle * 3 + "\nPublished: March 12, 2019 09:45").when.day == 12


def test_a_date_only_field_keeps_the_date_when_the_text_time_names_no_zone():
    p = resolve("2019-03-12", "Globex jumps\n\nMarch 12, 2019 / 2:58 PM\n\nGlobex rose.", url="https://uk.example.com/a")
    assert p.date_only and p.when.date() == dt.date(2019, 3, 12)
