"""Every labelled article (corpus/labelled/*.json, however many there are) cleans to its label:
each text_must_include snippet present, each text_must_exclude snippet gone, title, author and
published exact."""
from __future__ import annotations

import pytest

from .labelled import labelled_pages, problems

PAGES = labelled_pages()


def test_the_labelled_set_is_there():
    assert len(PAGES) >= 3, "corpus/labelled/ should hold at least the three seed labels"


@pytest.mark.parametrize("page", PAGES, ids=[page.id for page in PAGES])
def test_labelled_article_cleans_to_its_label(page):
    assert page.path.exists(), f"{page.id}: source file {page.label['source_file']} is missing"
    article = page.clean()
    assert problems(page, article) == []
