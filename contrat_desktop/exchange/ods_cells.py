"""One OpenDocument cell, or row of empty cells, rendered straight to its XML.

Text becomes ``<text:p>`` paragraphs (a line break starts one; runs of spaces and tabs are
written as ODF keeps them, since a reader collapses plain spaces); numbers and dates carry
their value; the only formula is a ``ColumnTotal``, with its computed value.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

from contrat_desktop.exchange.cell_address import cell_name
from contrat_desktop.exchange.ods_styles import cell_style_name
from contrat_desktop.exchange.workbook_styles import Style
from contrat_desktop.exchange.workbook_writer import ColumnTotal, cell_text

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_SPACES = re.compile(r"(?<=[^ ]) {2,}|^ +| +$")
_PLAIN = re.compile(r"[&<>\t\n\r]|  |^ | $")
EMPTY = "<table:table-cell/>"


def paragraphs(text: str) -> str:
    """``text`` as ``<text:p>`` paragraphs: a line break starts a paragraph, runs of spaces
    and tabs are written as ODF keeps them (a reader collapses plain spaces)."""
    text = _NOT_XML.sub("", text)
    if not _PLAIN.search(text):
        return f"<text:p>{text}</text:p>"
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return "".join(f"<text:p>{_line(line)}</text:p>" for line in lines)


def _line(line: str) -> str:
    line = line.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    line = line.replace("\t", "<text:tab/>")
    return _SPACES.sub(_spaces, line)


def _spaces(match: re.Match[str]) -> str:
    run = len(match.group(0))
    if match.start() == 0 or match.end() == len(match.string):
        return f'<text:s text:c="{run}"/>' if run > 1 else "<text:s/>"
    return " " + (f'<text:s text:c="{run - 1}"/>' if run > 2 else "<text:s/>")


def _attribute(text: str) -> str:
    text = _NOT_XML.sub("", text).replace("&", "&amp;").replace("<", "&lt;")
    return text.replace('"', "&quot;").replace("\t", "&#9;").replace("\n", "&#10;")


def blank_rows(count: int) -> str:
    repeated = f' table:number-rows-repeated="{count}"' if count > 1 else ""
    return f"<table:table-row{repeated}>{EMPTY}</table:table-row>"


def repeated(count: int) -> str:
    if count == 1:
        return EMPTY
    return f'<table:table-cell table:number-columns-repeated="{count}"/>'


def attributes(style_name: Style | None, validation: str | None) -> str:
    attrs = f' table:style-name="{cell_style_name(style_name)}"' if style_name else ""
    if validation:
        attrs += f' table:content-validation-name="{validation}"'
    return attrs


def cell(value: Any, attrs: str, column: int) -> str:
    kind = type(value)
    if value is None or (kind is str and not value):
        return f"<table:table-cell{attrs}/>"
    if kind is str:
        if "\t" in value:  # readers differ on <text:tab/>: the value says it plainly too
            attrs += f' office:string-value="{_attribute(value)}"'
        return (
            f'<table:table-cell{attrs} office:value-type="string">'
            f"{paragraphs(value)}</table:table-cell>"
        )
    if kind is float or kind is int:
        return f'<table:table-cell{attrs} office:value-type="float" office:value="{value!r}"/>'
    if kind is date or kind is datetime:
        shown = value.isoformat(timespec="seconds") if kind is datetime else value.isoformat()
        if not attrs:
            attrs = f' table:style-name="{cell_style_name(Style.DATE)}"'
        return f'<table:table-cell{attrs} office:value-type="date" office:date-value="{shown}"/>'
    if kind is ColumnTotal:
        first = cell_name(value.first_row, column)
        last = cell_name(value.last_row, column)
        return (
            f'<table:table-cell{attrs} table:formula="of:=SUBTOTAL(9;[.{first}:.{last}])" '
            f'office:value-type="float" office:value="{value.value!r}"/>'
        )
    return cell(cell_text(value), attrs, column)
