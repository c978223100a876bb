"""Start the interactive wizard; kept apart so the commands never import Textual."""

from __future__ import annotations

import sys
from pathlib import Path


def launch(path: Path | None, banks_dir: Path | None = None, coach: bool = False) -> int:
    print("canvas-wizard: the interactive wizard is not built yet; "
          "use 'score', 'check', 'banks' or 'schema'", file=sys.stderr)
    return 1
