"""Documents made with reportlab (PDF)."""
