"""`canvas-wizard schema`: print the JSON Schema of canvas files (built by wizard/files/schema.py)."""

from __future__ import annotations

import argparse

from wizard.commands.output import print_json
from wizard.files import banks as bank_loader


def run(args: argparse.Namespace) -> int:
    from wizard.files.schema import canvas_schema

    print_json(canvas_schema(bank_loader.load_catalog(args.banks)))
    return 0
