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


def test_publication_lines_found_near_month_names_as_a_full_scan_finds_them():
    import random

    from enrich.published import MONTH_AT, PUBLISHED_LINES
    from enrich.textcase import near

    pieces = ["First Published: Tue, August 07 2018. 00:05 IST", "Updated: Sep. 27, 2018, 04:54 PM", "Oct 11, 2011",
              "26 July 2018 10:00 BST", "Posted on 3 May 2019", "Mayor", "March", "in May 2018 shares", "Dec.", "text",
              "Wednesday, June 5, 2019", "12", "2018", ", ", "\n"]
    rng = random.Random(4)
    for _ in range(500):
        text = " ".join(rng.choice(pieces) for _ in range(rng.randint(1, 10)))
        anchors = [m.start() for m in MONTH_AT.finditer(text)]
        for pattern in PUBLISHED_LINES[:2]:
            assert [m.span() for m in near(pattern, text, anchors, 64)] == [m.span() for m in pattern.finditer(text)]
