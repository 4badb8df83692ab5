"""滞在: the calendar of stays (timeline and month views) and the stay editor."""
