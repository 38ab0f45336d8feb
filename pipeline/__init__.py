"""ALS Insight: evidence from action learning set logs, anonymised before it is stored."""

__version__ = "0.1.0"
