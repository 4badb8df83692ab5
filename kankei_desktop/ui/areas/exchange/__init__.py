"""データの交換: exchanging changes with other offices (issue 19)."""
