"""dates.narrative: month-days written without a year, placed in the story's year."""
from dyads.dates import find_dates
from dyads.dates.narrative import explicit_year, in_year, lacks_year


def _mention(text, published="2016-09-07"):
    [m] = find_dates(text, published)
    return m


def test_explicit_year_needs_the_month_and_the_year_written():
    assert explicit_year(_mention("On March 2, 2015")) == 2015
    assert explicit_year(_mention("in March 2015")) == 2015
    assert explicit_year(_mention("in 2015")) is None
    assert explicit_year(_mention("On March 2")) is None


def test_in_year_moves_only_a_month_day_without_its_year():
    m = _mention("On March 25")
    assert lacks_year(m) and in_year(m, 2015, "2016-09-07").date == "2015-03-25"
    written = _mention("On March 25, 2014")
    assert in_year(written, 2015, "2016-09-07") is written


def test_in_year_never_goes_past_the_article_date_nor_makes_an_impossible_day():
    assert in_year(_mention("On December 25"), 2016, "2016-09-07").date == "2015-12-25"
    leap = _mention("On February 29", "2016-09-07")
    assert in_year(leap, 2015, "2016-09-07").date == leap.date
