"""Argument checks shared by the commands: one-line errors, real dates, budgets."""
from __future__ import annotations

import argparse
import sys
from datetime import date


class OneLineParser(argparse.ArgumentParser):
    """An argument error is one line on stderr (exit 2), naming the command and where its
    usage is told: 'dyads code: --date: ... (see dyads code --help)'."""

    def error(self, message: str):
        self.exit(2, f"{self.prog}: error: {message} (see '{self.prog} --help')\n")


def iso_date(value: str) -> str:
    """An argparse type: a real calendar date written YYYY-MM-DD."""
    try:
        if len(value) != 10:
            raise ValueError
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{value!r} is not a real date written YYYY-MM-DD") from None


def positive_int(value: str) -> int:
    number = int(value) if value.lstrip("-").isdigit() else None
    if number is None or number < 1:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number of at least 1")
    return number


def budget_number(value: str) -> float:
    """A budget: a number of at least 0 (0: no limit)."""
    try:
        number = float(value)
    except ValueError:
        number = -1.0
    if not number >= 0 or number == float("inf"):
        raise argparse.ArgumentTypeError(f"{value!r} is not a number of at least 0")
    return number


def fail(message: str) -> int:
    """Say what went wrong in one line; exit status 2."""
    print(f"dyads: {message}", file=sys.stderr)
    return 2
