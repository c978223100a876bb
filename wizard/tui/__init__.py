"""The Textual front end: screens and widgets over wizard.core.session (the only UI code)."""
