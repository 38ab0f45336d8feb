"""`python -m pipeline.cli`: the same app as the `als` script."""
from pipeline.cli import app

app()
