"""Every labelled article (corpus/labelled/*.json, however many there are) cleans to its label:
each text_must_include snippet present, each text_must_exclude snippet gone, title, author and
published exact."""
from __future__ import annotations

import pytest

from thidua.paths import labelled_dir

from .labelled import labelled_pages, problems

PAGES = labelled_pages()


def test_the_labelled_set_is_there():
    """Every label file is read (a label whose source is missing is dropped by the loader)."""
    assert len(PAGES) >= 3 and len(PAGES) == len(list(labelled_dir().glob("*.json")))


@pytest.mark.parametrize("page", PAGES, ids=[page.id for page in PAGES])
def test_labelled_article_cleans_to_its_label(page):
    article = page.clean()
    assert problems(page, article) == []
