"""References: the grammar, resolution against the corpus, extraction from free text."""
