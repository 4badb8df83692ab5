"""Kankei Desktop (関係人口デスク): an offline record of a region's relationship population."""

__version__ = "0.1.0"
APP_NAME = "Kankei Desktop"
APP_NAME_JA = "関係人口デスク"
