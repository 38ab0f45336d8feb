"""Exchange with the qualitative analysis tools evaluators use (NVivo, ATLAS.ti, MAXQDA, QualCoder)
through the REFI-QDA standard: `.qdpx` projects (qdpx_export, qdpx_import) and `.qdc` codebooks (qdc)."""
