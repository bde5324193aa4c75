"""Cleaning: from a page (HTML bytes or a text dump) to the article's own text and metadata.

    clean_html(body, url=None, content_type=None) -> CleanArticle   site profile, else generic path
    clean_text_dump(text, url=None, site=None) -> CleanArticle      dumps like corpus/seeds/*.txt
    decode_html(body, content_type=None) -> str                     charset sniffing + normalisation

None of them raises on bad input: a page that is not an article comes back as
CleanArticle.not_article(reason). Word lists live in extract/rules/boilerplate.yaml.
"""
from .decode import decode_html
from .html import clean_html
from .textdump import clean_text_dump

__all__ = ["clean_html", "clean_text_dump", "decode_html"]
