"""Evals: score the whole pipeline against a labelled set (format union-news-gold/1)."""
