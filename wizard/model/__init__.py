"""Plain-Python data models: question banks and the canvas (no Textual here)."""
