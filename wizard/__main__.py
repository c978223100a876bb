"""`python -m wizard`: the same as the `canvas-wizard` command."""

from wizard.cli import main

raise SystemExit(main())
