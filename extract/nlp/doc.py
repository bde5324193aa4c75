"""Build a spaCy Doc over the stored text from underthesea's word segmentation.

The Doc's text is exactly the stored text (words + spaces), so every span's character
offsets point into what the store keeps. underthesea may rewrite a token (tone placement
"hoà" -> "hòa"); tokens are therefore aligned by counting non-space characters, and the
Doc always carries the original characters.
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc
from underthesea import word_tokenize

from .sentences import split_sentences

# underthesea's CRF slows down sharply on very long inputs without punctuation; cut there.
MAX_SEGMENT_CHARS = 2000
_SPACE = re.compile(r"\s+")


def _pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Character spans of underthesea tokens within text[start:end], aligned to the original."""
    chunk = text[start:end]
    if not chunk.strip():
        return []
    try:
        tokens = word_tokenize(chunk) if len(chunk) <= MAX_SEGMENT_CHARS else chunk.split()
    except Exception:  # a segmenter failure must not lose the text: fall back to spaces
        tokens = chunk.split()
    spans, pos = [], 0
    for token in tokens:
        need = len(_SPACE.sub("", token))
        while pos < len(chunk) and chunk[pos].isspace():
            pos += 1
        token_start, seen = pos, 0
        while pos < len(chunk) and seen < need:
            if not chunk[pos].isspace():
                seen += 1
            pos += 1
        if seen < need:  # segmentation changed the characters: realign on whitespace
            return [(start + m.start(), start + m.end()) for m in re.finditer(r"\S+", chunk)]
        spans.append((start + token_start, start + pos))
    return spans


def make_doc(nlp: Language, text: str, published: str | None = None) -> Doc:
    """A Doc whose tokens are underthesea words and whose sentences are ours."""
    words, spaces, sent_starts = [], [], []
    cursor = 0
    for sent_start, sent_end in split_sentences(text):
        first = True
        for tok_start, tok_end in _pieces(text, sent_start, sent_end):
            if tok_start > cursor and words:
                # whitespace between tokens: one space is a "space after"; more becomes a token
                gap = text[cursor:tok_start]
                if gap == " ":
                    spaces[-1] = True
                else:
                    words.append(gap)
                    spaces.append(False)
                    sent_starts.append(False)
            elif tok_start > cursor:
                words.append(text[cursor:tok_start])
                spaces.append(False)
                sent_starts.append(True)
                first = False
            words.append(text[tok_start:tok_end])
            spaces.append(False)
            sent_starts.append(first)
            first = False
            cursor = tok_end
    if cursor < len(text):
        words.append(text[cursor:])
        spaces.append(False)
        sent_starts.append(not words[:-1])
    if words:
        sent_starts[0] = True
    doc = Doc(nlp.vocab, words=words, spaces=spaces, sent_starts=sent_starts)
    doc.user_data["published"] = published
    assert doc.text == text, "Doc text must equal the stored text"
    return doc
