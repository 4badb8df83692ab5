"""滞在: the calendar of stays (timeline and month views) and the stay editor."""

from kankei_desktop.ui.none_refcount import make_none_immortal

# The calendar makes tens of thousands of void Qt calls per repaint; see ui/none_refcount.py.
make_none_immortal()
