"""The Textual front end: the app, screens and widgets over wizard.core.session (the only code importing Textual)."""
