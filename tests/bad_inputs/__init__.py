"""Hostile and messy inputs, each built by its test in tmp_path (no binary fixtures are committed)."""
