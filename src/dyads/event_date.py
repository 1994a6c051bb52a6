"""The date given to one event. Its own module so that dyads.dating (which assigns dates)
and dyads.occasions (which hands on dates already assigned) both import it, and neither
imports the other back."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class EventDate:
    date: str | None
    precision: str | None
    text: str | None
