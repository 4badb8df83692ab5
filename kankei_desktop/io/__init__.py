"""Readers and writers of files other programs make or read (CSV, XLSX)."""
