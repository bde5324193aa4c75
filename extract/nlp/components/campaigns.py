"""Component thidua_campaigns: writes doc.spans["campaigns"].

A campaign is a quoted name whose nearest cue on the left is a campaign cue ("phong trào thi
đua “…”", "cuộc vận động “…”", lists “A”, “B” included; see quotes.py), or an unquoted
number-led or dash-built name right after "Chương trình"/"phong trào" ("Chương trình 1 triệu
sáng kiến - nỗ lực vượt khó, …"). Themes, slogans, titles, events, models and speech are left
out by the negative cues. One entry per distinct name. Rules: extract/rules/campaigns.yaml.
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from thidua.text import match_key

from ..facts import add_fact
from ..lexicon import campaign_lexicon
from ..quotes import quotes_of
from ..scan import text_of, is_title, sentence_at

_HARD_STOP = re.compile(r"[;:(\n“”\"!?]|\.(?!\d)")
_LEADING_WORD = re.compile(r" ([^\W_]+)")


def _unquoted_end(text: str, start: int, limit: int) -> int:
    lex = campaign_lexicon()
    hard = _HARD_STOP.search(text, start, limit)
    end = hard.start() if hard else limit
    for stop in lex.unquoted_stops:
        found = text.find(stop, start, end)
        if found > start:
            end = found
    words = text[start:end].split()
    if len(words) > lex.max_unquoted_words:
        return -1  # too long to be a name: an ordinary clause
    return start + len(text[start:end].rstrip(" ,-–"))


def _titled_items(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A capitalised list "Lao động giỏi, Lao động sáng tạo" split into its names."""
    items, item_start = [], start
    for sep in re.finditer(r"(?:,\s*|\s+và\s+)(?=[^\W\d_])", text[start:end]):
        following = text[start + sep.end():start + sep.end() + 12].split()
        if following and is_title(following[0]):
            items.append((item_start, start + sep.start()))
            item_start = start + sep.end()
    items.append((item_start, end))
    return [(s, e) for s, e in items if 1 <= len(text[s:e].split()) <= 10 and is_title(text[s:e].split()[0])]


def _unquoted(doc: Doc) -> list[tuple[int, int, str, str]]:
    """Unquoted names: number-led ("1 triệu sáng kiến …"), dash-built ("Xanh - Sạch - Đẹp"), or
    capitalised after a strong cue ("cuộc vận động Người Việt Nam ưu tiên dùng hàng Việt Nam")."""
    lex = campaign_lexicon()
    text, found = text_of(doc), []
    for cue in lex.unquoted_cue.finditer(text):
        word = _LEADING_WORD.match(text, cue.end())
        if not word or lex.not_name_start.match(text, word.start(1)):
            continue
        first, start = word.group(1), word.start(1)
        end = _unquoted_end(text, start, sentence_at(doc, start)[1])
        name = text[start:end] if end > start else ""
        cue_text = " ".join(cue.group("cue").lower().split())
        kind = lex.cue_kinds.get(cue_text, "chương trình")
        if not name:
            continue
        if first[0].isdigit() and lex.period_after_number.match(name):
            continue  # "phong trào thi đua 6 tháng đầu năm": when, not which
        if first[0].isdigit() and re.match(r"\d+(?:[.,]\d+)?\s+[^\W\d_]", name):
            found.append((start, end, name, kind))
        elif is_title(first) and re.search(r"\s[-–]\s", name) and len(name.split()) <= 12:
            found.append((start, end, name, kind))
        elif is_title(first) and cue_text in lex.titled_cues:
            found.extend((s, e, text[s:e], kind) for s, e in _titled_items(text, start, end))
    return found


def _merge(found: list[tuple[int, int, str, str]]) -> list[tuple[int, int, str, str]]:
    """One entry per name; a name that is another's head before a dash ("1 triệu sáng kiến" of
    "1 triệu sáng kiến - nỗ lực vượt khó, …") stands for both, written in its short form."""
    first: dict[str, tuple[int, int, str, str]] = {}
    for item in found:
        first.setdefault(match_key(item[2]), item)
    kept = {}
    for key, item in first.items():
        head = re.split(r"\s*[-–:]\s", key, maxsplit=1)[0]
        if head != key and head in first:
            key, item = head, first[head]
        kept.setdefault(key, item)
    return sorted(kept.values())


def find_campaigns(doc: Doc) -> list[tuple[int, int, str, str]]:
    found = [(q.inner_start, q.inner_end, q.text, q.kind or "phong trào") for q in quotes_of(doc) if q.label == "campaign"]
    quoted = [(s, e) for s, e, _, _ in found]
    found += [item for item in _unquoted(doc) if not any(s <= item[0] < e for s, e in quoted)]
    return _merge(sorted(found))


@Language.component("thidua_campaigns")
def campaigns(doc: Doc) -> Doc:
    for start, end, name, kind in find_campaigns(doc):
        add_fact(doc, "campaigns", start, end, name=name, kind=kind)
    return doc
