"""プログラム: programmes by 年度, the enrollment board and table, stages, duplicates and merge."""
