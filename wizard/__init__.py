"""Canvas Wizard: work out who your customers are, one question at a time."""

__version__ = "0.1.0"
