"""The Textual front end: screens and widgets over wizard.session (the only UI code)."""
