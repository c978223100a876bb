"""The guide's core: steps, the session, scoring, coaching and conformance (no Textual)."""
