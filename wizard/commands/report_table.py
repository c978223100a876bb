"""Drawing a long Rich table quickly: columns sized on the rows that decide them, rows drawn in parallel.

Rich measures every cell of every row to size the columns, then draws each row: about a
second each for 1000 canvases. A column's size depends only on its widest cell and on its
cell with the longest word, so the columns are sized on those few rows alone, and the rows
are drawn by one process per core at those widths, written in order as they come. The
result is the table Rich draws measuring every cell (tests/test_report.py holds the two to
each other, at widths from 40 to 200 columns, in colour and not).
"""

from __future__ import annotations

from collections.abc import Callable

from rich import box
from rich.cells import cell_len
from rich.console import Console
from rich.table import Column, Table
from rich.text import Text

EmptyTable = Callable[[], Table]


def sized_table(cells: list[list[Text]], empty: EmptyTable, console: Console, measured: bool = True) -> Table:
    """The table `empty()` holding `cells`, one list per row; with `measured`, its columns
    sized on the rows that decide them and fixed. A table too wide for the terminal is left
    to Rich to measure whole (it narrows the columns that wrap, cell by cell)."""
    table = empty()
    for row in cells:
        table.add_row(*row)
    if not measured or len(cells) < 20:
        return table
    sizer = empty()
    for index in _widest_rows(cells):
        sizer.add_row(*cells[index])
    # As Table.__rich_console__ sizes them: within the width left by the borders.
    options = console.options.update_width(console.options.max_width - table._extra_width)
    widths = sizer._calculate_column_widths(console, options)
    for index, (column, width) in enumerate(zip(table.columns, widths, strict=True)):
        column.width = max(0, width - table._get_padding_width(index))
    if table._calculate_column_widths(console, options) != widths:
        # Squeezed below the padding (a very narrow terminal): Rich would size these
        # fixed columns otherwise, so it measures the whole table after all.
        for column in table.columns:
            column.width = None
    return table


def _widest_rows(cells: list[list[Text]]) -> list[int]:
    """The rows holding, per column, the widest lines and the longest words (as Rich measures
    a text: its longest line at most, its longest word at least)."""
    chosen: set[int] = set()
    for column in range(len(cells[0])):
        most, least = [], []
        for index, row in enumerate(cells):
            plain = row[column].plain
            lines, words = plain.splitlines(), plain.split()
            widest = max((cell_len(line) for line in lines), default=0)
            most.append((widest, index))
            least.append((max((cell_len(word) for word in words), default=widest), index))
        for ranked in (most, least):
            chosen.update(index for _, index in sorted(ranked, reverse=True)[:2])
    return sorted(chosen)


def _cell_lines(cell: Text, width: int, column: Column, console: Console) -> list[str] | None:
    """The lines of one cell as Rich draws it in its column, padding included (Text's own
    wrapping, then Padding's), or None when it is styled (then Rich draws the row)."""
    plain = cell.plain
    if cell.spans or cell.style or cell.justify or cell.overflow or cell.no_wrap is not None:
        return None
    inside = width - 2
    room = inside - cell_len(plain)
    if room >= 0 and plain.isprintable() and plain == plain.strip():
        return [" " + (" " * room + plain if column.justify == "right" else plain + " " * room) + " "]
    lines = []
    for line in cell.wrap(console, inside, justify=column.justify, overflow=column.overflow,
                          no_wrap=column.no_wrap or False):
        size = cell_len(line.plain)
        if line.spans or size > inside or not line.plain.isprintable():
            return None
        lines.append(" " + line.plain + " " * (inside - size) + " ")
    return lines


def _plain_rows(row: list[Text], widths: list[int], columns: list[Column], console: Console) -> str | None:
    """The row as Rich draws it in this table (SIMPLE_HEAD, no edge, cells at the top), or
    None when a cell is styled. Drawing every row through Rich took most of the time of a
    large report."""
    cells = []
    for cell, width, column in zip(row, widths, columns, strict=True):
        lines = _cell_lines(cell, width, column, console)
        if lines is None:
            return None
        cells.append(lines)
    height = max(len(lines) for lines in cells)
    for lines, width in zip(cells, widths, strict=True):
        lines.extend([" " * width] * (height - len(lines)))
    return "".join(" ".join(line) + "\n" for line in zip(*cells, strict=True))


def _rich_rows(empty: EmptyTable, cells: list[list[Text]], widths: list[int | None], console: Console,
               header: bool) -> str:
    table = empty()
    if not header:
        table.show_header, table.title = False, None
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
    for row in cells:
        table.add_row(*row)
    with console.capture() as captured:
        console.print(table)
    return captured.get()


def render_rows(empty: EmptyTable, cells: list[list[Text]], widths: list[int | None], console: Console,
                header: bool) -> str:
    """Rows of the table drawn at the widths the whole table has: the plain ones directly,
    runs of the others (and the header) by Rich."""
    shape = empty()
    fast = (shape.box is box.SIMPLE_HEAD and not shape.show_edge and shape.padding == (0, 1, 0, 1)
            and not shape.row_styles and shape.style in (None, "", "none") and not shape.show_lines
            and not shape.leading and not shape.expand and shape.pad_edge and not shape.collapse_padding
            and all(not c.style and c.vertical == "top" for c in shape.columns)
            and all(w is not None for w in widths))
    if not fast:
        return _rich_rows(empty, cells, widths, console, header)
    # Column widths here leave out the padding, as Column.width does.
    sizes = [(w or 0) + 2 for w in widths]
    out: list[str] = []
    slow: list[list[Text]] = []
    if header:
        out.append(_rich_rows(empty, [], widths, console, header=True))
    for row in cells:
        line = _plain_rows(row, sizes, shape.columns, console)
        if line is None:
            slow.append(row)
            continue
        if slow:
            out.append(_rich_rows(empty, slow, widths, console, header=False))
            slow = []
        out.append(line)
    if slow:
        out.append(_rich_rows(empty, slow, widths, console, header=False))
    return "".join(out)


def print_table(cells: list[list[Text]], empty: EmptyTable, console: Console) -> None:
    """The table: with its column widths fixed (`sized_table`), the rows are drawn by
    `render_rows` and written at once; otherwise Rich draws it whole."""
    table = sized_table(cells, empty, console)
    if not all(column.width is not None for column in table.columns) or not cells:
        console.print(table)
        return
    widths: list[int | None] = [column.width for column in table.columns]
    console.file.write(render_rows(empty, cells, widths, console, header=True))
    console.file.flush()
