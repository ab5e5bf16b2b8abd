"""Bulk import of the inventory: parsing and validation of CSV and JSON files."""
