"""The read side: every SELECT the dashboard, reports, exports and CLI run lives in this package.

One module per concept (Datasette's facets.py / filters.py style). Each function takes
an open DuckDB connection (read-only where it can be) and plain arguments, and returns
rows, records or a pandas DataFrame. Only pipeline.store writes.
"""
