"""Cleaning: from a page (HTML bytes or a text dump) to the article's own text and metadata."""
from .decode import decode_html
from .html import clean_html
from .textdump import clean_text_dump

__all__ = ["clean_html", "clean_text_dump", "decode_html"]
