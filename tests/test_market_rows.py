"""The rules a vendor row must pass, and what is kept when one fails."""
from __future__ import annotations

import datetime as dt
import math

import pytest

from enrich.market.rows import Row, sound_rows

TODAY = dt.date(2021, 3, 1)


def row(line, day, o=10.0, h=11.0, lo=9.0, c=10.5, v=1000.0):
    return Row(line, dt.date.fromisoformat(day), o, h, lo, c, c, v)


def check(rows):
    kept, problems = sound_rows(rows, "shelf/prices/XYZ.csv", "XYZ", TODAY)
    return [r.line for r in kept], problems


@pytest.mark.parametrize("bad,words", [
    (row(3, "2020-01-03", h=8.0, lo=9.0, c=8.5), "High 8 is below Low 9"),
    (row(3, "2020-01-03", c=12.0), "Close 12 is outside"),
    (row(3, "2020-01-03", c=8.0), "Close 8 is outside"),
    (row(3, "2020-01-03", lo=0.0), "zero or negative"),
    (row(3, "2020-01-03", h=-1.0, lo=-2.0, c=-1.5), "zero or negative"),
    (row(3, "2020-01-03", o=-4.0), "negative Open"),
    (row(3, "2020-01-03", v=-5.0), "negative volume"),
    (row(3, "2021-06-01"), "after today"),
])
def test_a_bad_row_is_set_aside_alone_with_file_line_and_date(bad, words):
    lines, problems = check([row(2, "2020-01-02"), bad, row(4, "2020-01-06")])
    assert lines == [2, 4]
    (p,) = problems
    assert (p.file, p.line, p.date, p.symbol) == ("shelf/prices/XYZ.csv", 3, bad.date, "XYZ")
    assert words in p.message and "set aside" in p.message
    assert str(p).startswith("shelf/prices/XYZ.csv:3: ")


def test_rounding_at_the_range_edge_is_not_a_glitch():
    lines, problems = check([row(2, "2020-01-02", h=25.000001, lo=24.0, c=25.0000012)])
    assert lines == [2] and problems == []


def test_an_open_of_zero_means_not_recorded():
    kept, problems = sound_rows([row(2, "1975-01-02", o=0.0)], "f", "XYZ", TODAY)
    assert math.isnan(kept[0].open) and problems == []


def test_the_same_row_twice_keeps_one_and_says_so():
    lines, problems = check([row(2, "2020-01-02"), row(3, "2020-01-03"), row(4, "2020-01-03")])
    assert lines == [2, 3]
    assert [p.line for p in problems] == [4] and "repeats line 3" in problems[0].message


def test_the_same_date_with_other_values_is_a_conflict_and_neither_row_is_used():
    lines, problems = check([row(2, "2020-01-02"), row(3, "2020-01-03", c=10.2), row(4, "2020-01-03", c=10.8),
                             row(5, "2020-01-06")])
    assert lines == [2, 5]
    assert [p.line for p in problems] == [3, 4]
    assert all("conflict" in p.message for p in problems)
    assert "line 4" in problems[0].message and "line 3" in problems[1].message


def test_a_row_out_of_order_is_set_aside_and_the_longest_ordered_run_kept():
    days = ["2020-01-02", "2020-01-03", "2020-03-09", "2020-01-06", "2020-01-07", "2020-01-08"]
    lines, problems = check([row(i + 2, d) for i, d in enumerate(days)])
    assert lines == [2, 3, 5, 6, 7]
    (p,) = problems
    assert p.line == 4 and "out of date order" in p.message and "2020-01-03 to 2020-01-06" in p.message


def test_a_file_written_newest_first_is_read_backwards_not_set_aside():
    days = ["2020-01-08", "2020-01-07", "2020-01-06", "2020-01-03"]
    kept, problems = sound_rows([row(i + 2, d) for i, d in enumerate(days)], "f", "XYZ", TODAY)
    assert [str(r.date) for r in kept] == sorted(days) and problems == []


def test_a_glitch_row_inside_a_duplicate_pair_leaves_the_good_one():
    lines, problems = check([row(2, "2020-01-02"), row(3, "2020-01-02", h=1.0, lo=2.0, c=1.5)])
    assert lines == [2] and len(problems) == 1 and "below Low" in problems[0].message
