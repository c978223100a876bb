"""`python -m wizard`: the same as the `canvas-wizard` command."""

from wizard.commands.cli import main

raise SystemExit(main())
