"""`canvas-wizard banks`: list the question banks and the articles they are built from; `banks check DIR`."""

from __future__ import annotations

import argparse
from pathlib import Path

from rich.table import Column, Table

from wizard.commands.output import console
from wizard.commands.rich_text import literal
from wizard.files import banks as bank_loader
from wizard.files import locations
from wizard.model.bank import Bank, Source
from wizard.model.safetext import file_name


def run(args: argparse.Namespace) -> int:
    if args.action == "check":
        return check(args.dir)
    catalog = bank_loader.load_catalog(args.banks)
    articles = numbered_sources(catalog.banks)
    # Ids are what users type (--banks, file keys): never wrap or cut them.
    table = Table(Column("Bank", no_wrap=True), Column("Title"), Column("Questions", justify="right", no_wrap=True),
                  Column("Version", no_wrap=True), Column("Sources", no_wrap=True))
    for bank in catalog.banks:
        numbers = sorted({articles[_key(s)] for s in bank.sources})
        table.add_row(bank.id, literal(bank.title), str(len(bank.questions)), bank.version,
                      " ".join(str(n) for n in numbers))
    out = console()
    out.print(table)
    if articles:
        out.print("Sources: the articles the questions are built from")
        for source_key, number in articles.items():
            title, author = source_key
            out.print(literal(f"  {number}. {title}" + (f", by {author}" if author else "")))
    return 0


def _key(source: Source) -> tuple[str, str]:
    return source.title, source.author


def numbered_sources(banks: list[Bank]) -> dict[tuple[str, str], int]:
    """Each article once, numbered in the order the banks first cite it (a bank's file
    names the seed it came from; users know the articles by their titles)."""
    numbers: dict[tuple[str, str], int] = {}
    for bank in banks:
        for source in bank.sources:
            numbers.setdefault(_key(source), len(numbers) + 1)
    return numbers


def check(folder: Path) -> int:
    custom = bank_loader.load_dir(folder)
    bank_loader.catalog_from(bank_loader.load_dir(locations.shipped_dir()), custom, folder)
    for bank in custom:
        print(f"{file_name(folder / (bank.id + '.toml'))}: ok, {len(bank.questions)} questions")
    print(f"{file_name(folder)}: {len(custom)} valid bank{'s' * (len(custom) != 1)}")
    return 0
