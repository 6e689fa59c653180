"""Regression tests, one per bug fixed, named after the issue whose work found it."""

from pipeline.document import analyze_text


def test_issue_3_heading_and_measure_on_the_same_tokens(nlp):
    # A one-line enumeration item (首先,记者) is both a section and a measure with
    # the same character span.  spaCy keys span extension values by offsets only,
    # so storing records on the spans made the measure overwrite the section
    # (found on a news text of the scale corpus: AttributeError 'Measure' ... 'body_end').
    text = "活动分为四个环节。首先,记者\n站同学介绍了经验。最后,老师提出了要求和期望,希望大家认真总结。"
    result = analyze_text(text)
    assert all(type(s).__name__ == "Section" for s in result.sections)
    assert all(type(m).__name__ == "Measure" for m in result.measures)
    shared = {(s.start, s.end) for s in result.sections} & {(m.start, m.end) for m in result.measures}
    assert shared, "the fixture must keep a section and a measure on the same span"
    doc = nlp(text)
    for key in ("section", "measure"):
        for span in doc.spans[key]:
            assert type(span._.record).__name__ == key.capitalize()
