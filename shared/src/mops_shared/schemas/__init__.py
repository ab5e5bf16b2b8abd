"""Wire models, one module per area. Services and clients speak only these."""
