"""Email addresses, checked without the network."""
from __future__ import annotations

import re

from presidio_analyzer.predefined_recognizers import EmailRecognizer

from pipeline.anonymise.recognizers.base import TypedRecognizer

TOP_LEVEL_DOMAIN = re.compile(r"\.[A-Za-z]{2,24}$")


class OfflineEmailRecognizer(TypedRecognizer, EmailRecognizer):
    """Presidio's email pattern with a local top-level-domain check: its own validator calls
    tldextract, which may fetch the public suffix list over the network."""

    PLACEHOLDER = "CONTACT"

    def validate_result(self, pattern_text: str) -> bool:
        return bool(TOP_LEVEL_DOMAIN.search(pattern_text))
