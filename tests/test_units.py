"""Display units: exact conversions, formatting and parsing of lengths and areas."""

from __future__ import annotations

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from siteplanner.units import (
    FOOT_M,
    INCH_M,
    SQFT_M2,
    UnitError,
    format_area,
    format_length,
    format_point,
    parse_area,
    parse_length,
    plan_units_for_style,
    style_for_plan_units,
)


def test_exact_definitions():
    assert FOOT_M == 0.3048
    assert INCH_M * 12 == pytest.approx(FOOT_M, abs=1e-15)
    assert SQFT_M2 == pytest.approx(0.09290304, abs=1e-15)


@pytest.mark.parametrize(
    ("metres", "style", "text"),
    [
        (3.25, "metric", "3.25 m"),
        (0.3048, "ft", "1.00 ft"),
        (3.048, "ft", "10.00 ft"),
        (1.2192, "ft_in", "4' 0\""),
        (3.0, "ft_in", "9' 10\""),  # 118.11 in
        (0.3048 * 2 - 0.001, "ft_in", "2' 0\""),  # 23.96 in rounds up into the next foot
        (0.0254 * 5, "ft_in", "0' 5\""),
        (-0.3048, "ft_in", "-1' 0\""),
        (0.0, "ft_in", "0' 0\""),
    ],
)
def test_format_length(metres, style, text):
    assert format_length(metres, style) == text


def test_format_length_inch_fractions():
    m = 12 * FOOT_M + 6.5 * INCH_M
    assert format_length(m, "ft_in", inch_denominator=2) == "12' 6 1/2\""
    assert format_length(0.5 * INCH_M, "ft_in", inch_denominator=4) == "0' 1/2\""
    assert format_length(m, "ft_in") in ("12' 6\"", "12' 7\"")


@pytest.mark.parametrize(
    ("text", "style", "metres"),
    [
        ("3.5", "metric", 3.5),
        ("3,5", "metric", 3.5),
        ("3.5 m", "ft_in", 3.5),
        ("350 cm", "metric", 3.5),
        ("1200mm", "metric", 1.2),
        ("10", "ft", 3.048),
        ("10", "ft_in", 3.048),
        ("12' 6\"", "ft_in", 12 * 0.3048 + 6 * 0.0254),
        ("12'-6\"", "metric", 12 * 0.3048 + 6 * 0.0254),
        ("12' 6", "ft_in", 12 * 0.3048 + 6 * 0.0254),
        ("12 ft 6 1/2 in", "ft", 12 * 0.3048 + 6.5 * 0.0254),
        ("6 in", "metric", 0.1524),
        ("-2 ft", "metric", -0.6096),
    ],
)
def test_parse_length(text, style, metres):
    assert parse_length(text, style) == pytest.approx(metres, abs=1e-12)


@pytest.mark.parametrize("text", ["", "abc", "3 parsecs", "1..2", "ft"])
def test_parse_length_rejects(text):
    with pytest.raises(UnitError):
        parse_length(text)


@given(st.floats(min_value=-1000, max_value=1000, allow_nan=False))
@example(0.125)  # an exact half: rounds to even
@example(0.0127)  # half an inch
def test_roundtrip_within_display_precision(m):
    eps = 1e-9  # half a display unit, plus float noise at exact halves such as 0.125
    assert parse_length(format_length(m, "metric"), "metric") == pytest.approx(m, abs=0.005 + eps)
    ft = parse_length(format_length(m, "ft"), "ft")
    assert ft == pytest.approx(m, abs=0.005 * FOOT_M + eps)
    assert parse_length(format_length(m, "ft_in"), "ft_in") == pytest.approx(
        m, abs=INCH_M / 2 + eps
    )


def test_areas():
    assert format_area(12.5) == "12.5 m²"
    assert format_area(1.0, "ft") == "10.8 ft²"  # 1 / 0.09290304 = 10.7639
    assert format_area(SQFT_M2 * 100, "ft_in") == "100.0 ft²"
    assert parse_area("100 ft²") == pytest.approx(9.290304)
    assert parse_area("100 sq ft", "metric") == pytest.approx(9.290304)
    assert parse_area("100", "ft") == pytest.approx(9.290304)
    assert parse_area("12.5 m2", "ft") == 12.5
    with pytest.raises(UnitError):
        parse_area("12 acres")


def test_point_and_plan_units():
    assert format_point(1.0, -2.5) == "x 1.00 m, y -2.50 m"
    assert format_point(FOOT_M, 0, "ft") == "x 1.00 ft, y 0.00 ft"
    assert style_for_plan_units("imperial") == "ft_in"
    assert style_for_plan_units("imperial", "ft") == "ft"
    assert style_for_plan_units("metric", "ft") == "metric"
    assert plan_units_for_style("ft") == "imperial" and plan_units_for_style("metric") == "metric"
    with pytest.raises(ValueError):
        format_length(1.0, "furlongs")
