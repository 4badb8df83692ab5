"""手紙・発送: letters, shipments, follow-ups, お米レター batch, labels and carrier CSV."""
