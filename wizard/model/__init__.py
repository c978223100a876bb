"""Plain-Python data models: question banks, the catalog, the canvas and its tree (no Textual here)."""
