"""The `canvas-wizard` command line: the parser and one module per subcommand."""
