"""Search: query parsing, the full-text index, ranking."""
