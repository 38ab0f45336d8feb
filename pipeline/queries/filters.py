"""What a reader narrows the programme to: code families, log types, settings, org types, sets, months.

One Filters object is built by the dashboard's sidebar or the report's command line and turned
into SQL conditions here, so a filter means the same thing on every page and in every report.
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Filters:
    families: list[str] = field(default_factory=list)
    log_types: list[str] = field(default_factory=list)
    settings: list[str] = field(default_factory=list)
    org_types: list[str] = field(default_factory=list)
    sets: list[str] = field(default_factory=list)
    month_from: str | None = None  # YYYY-MM
    month_to: str | None = None

    def documents_where(self) -> tuple[str, list]:
        """SQL conditions on documents `d` and their parameters."""
        clauses, params = ["TRUE"], []
        for column, values in (("log_type", self.log_types), ("setting", self.settings),
                               ("org_type", self.org_types), ("set_id", self.sets)):
            if values:
                clauses.append(f"d.{column} IN ({', '.join('?' * len(values))})")
                params += list(values)
        if self.month_from:
            clauses.append("d.meeting_month >= ?")
            params.append(self.month_from)
        if self.month_to:
            clauses.append("d.meeting_month <= ?")
            params.append(self.month_to)
        return " AND ".join(clauses), params

    def codes_where(self) -> tuple[str, list]:
        if not self.families:
            return "TRUE", []
        return f"cb.family IN ({', '.join('?' * len(self.families))})", list(self.families)
