"""Use cases, one module per area. Plain Python: take a Session, return plain data."""
