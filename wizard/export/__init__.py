"""Exports: what leaves a session (persona documents, a one-page canvas, interview guides)."""
