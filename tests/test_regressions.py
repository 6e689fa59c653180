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


def test_regression_figures_and_dates_broken_across_a_pdfs_lines():
    """heldout18 a: a report copied out of a PDF wraps lines at the page width inside a figure (8\\n个) and a date
    (5月1\\n6日); they are read whole, their spans holding the break, and the page line between two lines too."""
    from pipeline.document import analyze_text

    lines = ["　　集团党委坚持问题导向，对巡察反馈的问题逐项建立",
             "台账，明确整改措施和完成时限。截至目前，已召开专题会议8",
             "个，印发制度文件12项，追回资金46.5万元。今年5月1",
             "6日，集团党委召开整改推进会，听取各部门整改情况汇报，",
             "                        — 1 —",
             "对进度滞后的事项逐项督办，确保按期完成全部整改任务，对整",
             "改不力的2名同志进行了约谈提醒，推动各项整改任务落地见效。",
             "　　下一步，集团党委将持续巩固整改成果，健全长效机制。"]
    text = "集团党委关于巡察整改进展情况的通报\n" + "\n".join(lines) + "\n"
    result = analyze_text(text)
    assert [q.text for q in result.quantities if q.text.replace("\n", "") == "8个"] == ["8\n个"]
    assert [t.text for t in result.times if t.text.replace("\n", "").endswith("5月16日")] == ["今年5月1\n6日"]
    assert all(result.text[r.start:r.end] == r.text for r in [*result.quantities, *result.times])
