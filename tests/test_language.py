import spacy

from pipeline.nlp.components import PIPE_NAMES
from pipeline.nlp.language import load_nlp, make_nlp


def test_language_has_every_component_in_order(nlp):
    assert tuple(nlp.pipe_names) == PIPE_NAMES
    assert type(nlp.tokenizer).__name__ == "JiebaTokenizer"


def test_language_is_loaded_once_per_process():
    assert load_nlp() is load_nlp(hmm=False)


def test_language_spans_hold_records_with_exact_offsets(nlp, report_text):
    doc = nlp(report_text)
    assert doc.text == report_text
    for key in ("section", "quantity", "time", "citation", "claim", "measure"):
        spans = doc.spans[key]
        assert len(spans) > 0
        for span in spans:
            record = span._.record
            # the span is expanded to token bounds; the record keeps the exact characters
            assert span.start_char <= record.start and record.end <= span.end_char
    assert doc._.meta.kind == "progress"


def test_language_round_trips_through_disk(tmp_path):
    nlp = make_nlp(pipes=("zhenggai_outline", "zhenggai_quantities"))
    nlp.to_disk(tmp_path / "nlp")
    back = spacy.load(tmp_path / "nlp")
    assert type(back.tokenizer).__name__ == "JiebaTokenizer"
    text = "召开18次部务会会议,新建制度13项。"
    assert [t.text for t in back(text)] == [t.text for t in nlp(text)]
    doc = back(text)
    assert [s.text for s in doc.spans["quantity"]] == ["18次", "13项"]
