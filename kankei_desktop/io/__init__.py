"""Spreadsheet exchange: reading xlsx/xls/csv, normalising cells, writing xlsx/csv.

Nothing here touches the database; ``services.imports`` and ``services.exports``
join these pieces to the store.
"""
