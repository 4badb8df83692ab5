"""Demo data: an intermediary organisation in 新潟 over fiscal years 2025 and 2026.

``load_demo_data`` (load.py) plans the persons and writes everything; programmes.py plans the
programmes' enrollments, stays and mail; names.py holds the fixed word lists.
"""

from kankei_desktop.services.demo.load import ORGANISATION, SEED, load_demo_data
from kankei_desktop.services.demo.programmes import DEMO_TODAY

__all__ = ["DEMO_TODAY", "ORGANISATION", "SEED", "load_demo_data"]
