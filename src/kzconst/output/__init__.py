"""Output: the renderer (the only module that imports rich), layouts and JSON records."""
