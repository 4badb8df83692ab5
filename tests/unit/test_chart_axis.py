"""The dashboard trend chart's value axis: round ticks, the data inside, not much air above."""

from __future__ import annotations

from kankei_desktop.ui.areas.home.charts import _value_axis


def test_value_axis_has_round_steps_and_fits_the_data():
    for value in [0, 1, 3, 7, 44, 57, 99, 100, 101, 999, 1234, 9_999, 65_000, 225_532, 1_000_000]:
        top, step = _value_axis(value)
        mantissa = step
        while mantissa % 10 == 0:
            mantissa //= 10
        assert mantissa in (1, 2, 5), (value, step)
        assert top % step == 0 and 2 <= top // step <= 6, (value, top, step)
        assert value < top <= max(2 * value, 4), (value, top)
