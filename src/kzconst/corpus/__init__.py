"""The corpus: its model, loading (with a cache) and validation."""
