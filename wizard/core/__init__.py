"""The guide's core: steps, the session, resuming, scoring, conformance, coaching, progress, comparing (no Textual)."""
