"""Each recognizer says, as class data, which placeholder type its findings get and which detector it is."""
from __future__ import annotations

import pytest

from pipeline.anonymise.placeholders import DETECTOR_PRIORITY, TYPE_PRIORITY
from pipeline.anonymise.recognizers import (ContextNameRecognizer, RosterRecognizer, placeholder_and_detector,
                                            recognizer_class, uk_recognizers)


def test_every_default_recognizer_gives_each_entity_a_placeholder_type_and_a_detector():
    recognizers = uk_recognizers()
    assert len({r.name for r in recognizers}) == len(recognizers)  # findings find their recognizer by name
    for recognizer in recognizers:
        for entity in recognizer.supported_entities:
            placeholder, detector = placeholder_and_detector(recognizer, entity)
            assert placeholder in TYPE_PRIORITY and detector in DETECTOR_PRIORITY, (recognizer.name, entity)


@pytest.mark.parametrize("recognizer_type", [ContextNameRecognizer, RosterRecognizer])
def test_recognizers_built_from_data_map_every_entity_they_emit(recognizer_type):
    assert set(recognizer_type.PLACEHOLDERS.values()) <= set(TYPE_PRIORITY)
    assert recognizer_type.DETECTOR in DETECTOR_PRIORITY


def test_presidio_recognizers_are_mapped_by_entity_and_unknown_entities_are_not_personal_data():
    nhs = recognizer_class("NhsRecognizer")()
    assert placeholder_and_detector(nhs, "UK_NHS") == ("ID", "pattern")
    assert placeholder_and_detector(None, "DATE_TIME")[0] is None


def test_an_unknown_recognizer_name_is_an_error():
    with pytest.raises(ValueError, match="NoSuchRecognizer"):
        recognizer_class("NoSuchRecognizer")
