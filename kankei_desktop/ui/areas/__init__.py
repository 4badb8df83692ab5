"""One package per area of the main window (参加者, プログラム, 滞在 …)."""
