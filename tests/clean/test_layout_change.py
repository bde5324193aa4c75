"""A site whose layout changed: its profile's selectors match nothing, the generic path takes over
and the labelled checks still hold."""
from __future__ import annotations

import pytest

from .labelled import labelled_pages, problems

# Class names of the profiled layouts, renamed as a redesign would.
RENAMES = {
    "detail_info": "story-body-v2", "sapo_detail": "story-lead-v2", "content_detail": "story-v2",
    "divDetail newscontent": "story-body-v2", "view-page-Tit": "story-title-v2",
    "art-body": "story-body-v2", "chappeau": "story-lead-v2",
    "detail-content afcbc-body": "story-body-v2", "content-news-detail": "story-body-v2", "detail-sapo": "story-lead-v2",
}
PROFILED = [p for p in labelled_pages() if p.path.suffix == ".html" and p.label.get("site") in
            ("laodongthudo.vn", "baohaugiang.com.vn", "laodong.vn", "nld.com.vn")]


def _redesigned(html: str) -> str:
    for old, new in RENAMES.items():
        html = html.replace(f'"{old}"', f'"{new}"').replace(f'"{old} ', f'"{new} ')
    return html


@pytest.mark.skipif(not PROFILED, reason="no labelled pages of profiled sites yet")
@pytest.mark.parametrize("page", PROFILED, ids=[p.id for p in PROFILED])
def test_changed_layout_falls_back_to_the_generic_path(page, monkeypatch):
    from thidua.extract.clean import clean_html

    html = _redesigned(page.path.read_text(encoding="utf-8"))
    article = clean_html(html.encode("utf-8"), url=page.label["url"], content_type=page.content_type())
    assert article.method == "generic"
    assert problems(page, article) == []
