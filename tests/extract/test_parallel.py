"""Parallel extraction gives the same records, in the same order, as one process."""
from __future__ import annotations

from thidua.extract.parallel import Page, extract_many


def test_two_workers_match_one_worker(corpus, tmp_path):
    (tmp_path / "empty.txt").write_text("")
    pages = [Page(path=p) for p in sorted((corpus / "seeds").glob("*.txt"))] + [Page(path=tmp_path / "empty.txt")]
    serial = list(extract_many(pages, workers=1))
    parallel = list(extract_many(pages, workers=2, chunksize=1))
    assert [o.page for o in parallel] == pages
    assert [o.record for o in parallel] == [o.record for o in serial]
    assert serial[-1].record is None and "empty" in serial[-1].skipped
    assert all(o.record["text"] for o in serial[:3])


def test_a_failing_page_does_not_stop_the_batch(tmp_path):
    missing = Page(path=tmp_path / "gone.html")
    good = Page(body="<html><body><article><h1>Công đoàn phát động thi đua lao động giỏi năm 2024</h1><p>" + "Công đoàn phát động thi đua. " * 20
                + "</p></article></body></html>", url="https://example.org/a-1.html")
    outcomes = list(extract_many([missing, good]))
    assert outcomes[0].error and "cannot read" in outcomes[0].error
    assert outcomes[1].record is not None and outcomes[1].record["title"] == "Công đoàn phát động thi đua lao động giỏi năm 2024"
