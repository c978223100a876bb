"""The question banks shipped with canvas-wizard: one TOML file per section.

This is a package only so that the TOML files install with canvas-wizard and can be
found next to this file after a normal `pip install .`.
"""
