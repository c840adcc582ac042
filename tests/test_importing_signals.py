"""The twelfth round's measurement (issue 13l): stricter title rules, measured on dev, left off."""
from archive.importing import evidence, signals


def test_the_strict_variant_refuses_the_layout_only_evidence_the_reader_keeps():
    # the evidence of v-115 (a taxonomy label) and j-043 (a listing's first item): about + opens
    assert evidence.title_supported({"about", "opens"})
    assert not signals.strict({"about", "opens"})
    assert signals.strict({"about", "signed"}) and signals.strict({"about", "repeated"})
    assert not signals.strict({"about", "repeated", "below-another"})


def test_the_counted_variant_differs_from_the_reader_only_by_not_counting_first():
    assert signals.counted({"about", "opens"}) and not signals.counted({"first", "opens"})


def test_the_reader_does_not_use_the_measurement():
    from archive.importing import head
    assert head.title_supported is evidence.title_supported
