"""The counts of an ingest pass (or of every pass of a run) and the line that sums them up."""
from __future__ import annotations

from dataclasses import dataclass, field, fields

COUNTS = ("items", "fetched", "new", "updated", "unchanged", "duplicates", "skipped",
          "failed", "events")


@dataclass
class IngestReport:
    """``new`` counts articles coded and stored (``updated`` of them replaced an earlier
    version of the same article); ``unchanged``: known items and bodies, not coded again;
    ``duplicates``: bodies already stored under another id (kept as aliases); ``skipped``:
    not fetched on purpose (robots.txt); ``failed``: fetch, feed or extraction errors."""

    items: int = 0       # pages and files the sources listed
    fetched: int = 0     # HTTP answers with a page (or a 304)
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    duplicates: int = 0
    skipped: int = 0
    failed: int = 0
    events: int = 0      # events coded in the new articles
    passes: int = 0
    interrupted: bool = False
    problems: list[tuple[str, str]] = field(default_factory=list)  # (url or path, reason)

    def add(self, other: "IngestReport") -> None:
        for name in COUNTS + ("passes",):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.problems += other.problems
        self.interrupted = self.interrupted or other.interrupted

    @property
    def nothing_new(self) -> bool:
        return self.new == 0 and self.duplicates == 0

    def counts(self) -> dict:
        return {f.name: getattr(self, f.name) for f in fields(self) if f.name != "problems"}

    def summary(self) -> str:
        updated = f" ({self.updated} updated)" if self.updated else ""
        line = (f"fetched {self.fetched}, new {self.new}{updated} ({self.events} events), "
                f"unchanged {self.unchanged}, duplicates {self.duplicates}, "
                f"skipped {self.skipped}, failed {self.failed}")
        if self.nothing_new:
            line += "; nothing new"
        return line + ("; interrupted" if self.interrupted else "")
