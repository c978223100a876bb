"""Reading and writing: TOML, atomic saves, locks, backups, drafts, the bank loader, the first-frame picture."""
