"""Reading and writing a canvas's files: TOML, atomic saves, locks, backups, drafts."""
