"""Full-text search over folded text: query parsing, index values, snippets in the original text.

The index holds folded text (lower case, no diacritics, đ -> d, thidua.text.fold), so
"lao dong gioi", "Lao động giỏi" and "LAO ĐỘNG GIỎI" are the same query. The FTS5 query is
built here from tokens, every term double-quoted, so no user input reaches FTS5 or SQL syntax.
"""
from __future__ import annotations

import functools
import html
import re
from dataclasses import dataclass

from thidua.text import fold, fold_aligned, normalize_inline

from .errors import QueryError

WORD = re.compile(r"\w+")
TOKEN = re.compile(r'"[^"]*"|\S+')
OPERATORS = {"AND", "OR", "NOT", "NEAR"}
MAX_TERMS = 32
MIN_PREFIX = 2
SNIPPET_CHARS = 220
SNIPPET_SCAN = 3000  # characters searched for the snippet before the rest of a text


# Letters whose folding the index depends on; if thidua.text.fold ever folds them differently, the
# contentless indexes (which delete entries by recomputing them) must be rebuilt (Store checks).
FOLD_PROBE = ("ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬĐÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ "
              "àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ Ðð "
              "hoà thuỷ KCN&CX 1.157,42 “Lao động giỏi” — x\u00a0y \t z")


def index_signature() -> str:
    """Identifies how text is folded for the indexes (changes when fold() does)."""
    import hashlib

    return hashlib.sha256(("v1|" + fold(FOLD_PROBE)).encode("utf-8")).hexdigest()[:16]


def index_values(title: str | None, lead: str | None, text: str | None) -> tuple[str, str, str]:
    """What the search index stores for one article version."""
    return fold(title or ""), fold(lead or ""), fold(text or "")


@dataclass(frozen=True)
class Term:
    words: tuple[str, ...]  # folded words; more than one = a phrase
    prefix: bool = False


@dataclass(frozen=True)
class Query:
    groups: tuple[tuple[Term, ...], ...]  # all groups must match; a group matches if one term does

    def fts(self) -> str:
        parts = []
        for group in self.groups:
            alts = [_term_fts(term) for term in group]
            parts.append(alts[0] if len(alts) == 1 else "(" + " OR ".join(alts) + ")")
        return " AND ".join(parts)

    def words(self) -> list[Term]:
        return [term for group in self.groups for term in group]


def _term_fts(term: Term) -> str:
    phrase = '"' + " ".join(term.words) + '"'
    return phrase + "*" if term.prefix else phrase


def _term_of(token: str) -> Term | None:
    quoted = token.startswith('"')
    body = token.strip('"') if quoted else token
    prefix = not quoted and body.endswith("*")
    words = tuple(WORD.findall(fold(body.replace("_", " "))))
    if not words:
        if prefix:
            raise QueryError("'*' must follow the beginning of a word, e.g. lao*")
        return None
    if prefix and len(words[-1]) < MIN_PREFIX:  # "t*" would merge the lists of thousands of words
        raise QueryError(f"a prefix needs at least {MIN_PREFIX} letters before '*', e.g. th*")
    return Term(words, prefix)


def parse_query(text: str) -> Query:
    """Terms are ANDed; `OR` between two terms makes either enough; "..." is a phrase; lao* a prefix."""
    text = normalize_inline(text or "").replace("“", '"').replace("”", '"')
    if not text:
        raise QueryError("empty query: give words to search for")
    if text.count('"') % 2:
        raise QueryError("unbalanced quotes in the query: close every \" you open")
    groups: list[list[Term]] = []
    pending_or = False
    for token in TOKEN.findall(text):
        upper = token.upper()
        if upper in OPERATORS and not token.startswith('"'):
            if upper != "OR" or not groups or pending_or:
                raise QueryError(f"'{token}' must stand between two search words (only OR is supported)")
            pending_or = True
            continue
        term = _term_of(token)
        if term is None:
            continue  # punctuation only: nothing to search
        if pending_or:
            groups[-1].append(term)
            pending_or = False
        else:
            groups.append([term])
    if pending_or:
        raise QueryError("'OR' must stand between two search words")
    if not groups:
        raise QueryError("the query has no words to search for")
    if sum(len(g) for g in groups) > MAX_TERMS:
        raise QueryError(f"too many search terms (at most {MAX_TERMS})")
    return Query(tuple(tuple(g) for g in groups))


def _term_pattern(term: Term) -> str:
    words = [re.escape(w) for w in term.words]
    tail = r"\w*" if term.prefix else r"(?!\w)"
    return r"(?<!\w)" + r"\W+".join(words) + tail


@functools.lru_cache(maxsize=64)
def _query_pattern(query: Query) -> re.Pattern:
    """One pattern for all the query's terms, longest first (a phrase wins over its own words)."""
    terms = sorted(query.words(), key=lambda term: -sum(len(w) for w in term.words))
    return re.compile("|".join(_term_pattern(term) for term in terms))


def match_spans(text: str, query: Query) -> list[tuple[int, int]]:
    """Character spans of `text` (original) where a query term matches its folded form."""
    spans = [m.span() for m in _query_pattern(query).finditer(fold_aligned(text))]
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and (start <= merged[-1][1] or not text[merged[-1][1]:start].strip()):
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def snippet(text: str, query: Query, width: int = SNIPPET_CHARS) -> tuple[str, list[tuple[int, int]]]:
    """The window of `text` with the most matches, and the matches' spans within that window."""
    text = " ".join((text or "").split())
    spans = match_spans(text[:SNIPPET_SCAN], query)  # the opening, where matches mostly are: cheaper
    if not spans and len(text) > SNIPPET_SCAN:
        spans = match_spans(text, query)
    if not spans:
        return text[:width] + ("…" if len(text) > width else ""), []
    best = max(range(len(spans)), key=lambda i: sum(1 for s, _ in spans[i:] if s < spans[i][0] + width))
    start = max(0, spans[best][0] - width // 4)
    start = text.rfind(" ", 0, start) + 1 if start else 0
    end = min(len(text), start + width)
    if end < len(text) and text.rfind(" ", start, end) > spans[best][1]:
        end = text.rfind(" ", start, end)
    prefix = "…" if start else ""
    shift = len(prefix) - start
    inside = [(s + shift, e + shift) for s, e in spans if s >= start and e <= end]
    return prefix + text[start:end] + ("…" if end < len(text) else ""), inside


def marked(cut: str, spans: list[tuple[int, int]], before: str, after: str, escape=lambda s: s) -> str:
    """The snippet with each match wrapped in before/after (escape applies to the text between)."""
    out, pos = [], 0
    for s, e in spans:
        out += [escape(cut[pos:s]), before, escape(cut[s:e]), after]
        pos = e
    out.append(escape(cut[pos:]))
    return "".join(out)


def html_snippet(text: str, query: Query, width: int = SNIPPET_CHARS) -> str:
    return marked(*snippet(text, query, width), "<mark>", "</mark>", escape=html.escape)
