"""Generated from forms/*.ui by scripts/build_forms.py. Do not edit."""
