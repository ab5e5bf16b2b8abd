"""Each CRM provider's verification and parsing, one module each (`common` is what they share)."""
