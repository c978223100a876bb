"""The widgets the wizard's screens are built from."""
