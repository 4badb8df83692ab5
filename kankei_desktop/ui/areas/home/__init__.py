"""ホーム: the dashboard of the figures (services.kpis) and the 要対応 list."""
