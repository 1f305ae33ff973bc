"""Absolute dates as they appear in metadata and datelines."""
from __future__ import annotations

import re
from datetime import date

MONTHS = {m: i for i, ms in enumerate(
    ["jan january", "feb february", "mar march", "apr april", "may", "jun june", "jul july",
     "aug august", "sep sept september", "oct october", "nov november", "dec december"], start=1)
    for m in ms.split()}

_ISO = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.+Z-]*)?\s*$")
_DMY = re.compile(r"^\s*(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})\s*$")
_MDY = re.compile(r"^\s*([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\s*$")


def _make(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def parse_date(text: str) -> date | None:
    """'2024-01-30', '30th Jan, 2024', 'January 30, 2024' -> date; anything else -> None."""
    if not text:
        return None
    if m := _ISO.match(text):
        return _make(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    if (m := _DMY.match(text)) and m.group(2).lower() in MONTHS:
        return _make(int(m.group(3)), MONTHS[m.group(2).lower()], int(m.group(1)))
    if (m := _MDY.match(text)) and m.group(1).lower() in MONTHS:
        return _make(int(m.group(3)), MONTHS[m.group(1).lower()], int(m.group(2)))
    return None
