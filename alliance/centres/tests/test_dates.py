from datetime import date

import pytest

from alliance.centres.services import term_end
from alliance.centres.services.common import add_years


@pytest.mark.parametrize(
    ("start", "end"),
    [
        (date(2024, 3, 1), date(2027, 2, 28)),
        (date(2023, 9, 1), date(2026, 8, 31)),
        (date(2025, 1, 1), date(2027, 12, 31)),
        # A term starting on a leap day ends on 28 February; the next starts on 1 March.
        (date(2024, 2, 29), date(2027, 2, 28)),
        # A term ending before a leap day: 29 February 2028 is inside the next term.
        (date(2025, 3, 1), date(2028, 2, 29)),
    ],
)
def test_three_year_term_ends_the_day_before_the_anniversary(start, end):
    assert term_end(start) == end


def test_leap_day_anniversary_falls_on_first_of_march():
    assert add_years(date(2024, 2, 29), 3) == date(2027, 3, 1)
    assert add_years(date(2024, 2, 29), 4) == date(2028, 2, 29)
