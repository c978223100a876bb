"""The wizard's screens and dialogs."""
