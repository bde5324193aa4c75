import unicodedata

import pytest

from thidua.text import fold, match_key, normalize, normalize_inline, unify_tones


def test_normalize_makes_nfc_and_fixes_eth():
    nfd = unicodedata.normalize("NFD", "Công đoàn")
    assert normalize(nfd) == "Công đoàn"
    assert normalize("\u00d0oàn viên") == "Đoàn viên"


def test_normalize_keeps_line_breaks_but_unifies_spaces():
    assert normalize("a\u00a0 b \r\n c\u200d") == "a b\nc"


def test_normalize_inline_is_one_line():
    assert normalize_inline("  Lao  động\n giỏi ") == "Lao động giỏi"


@pytest.mark.parametrize("text", ["lao dong gioi", "Lao động giỏi", "LAO ĐỘNG GIỎI", "Lao  động giỏi"])
def test_fold_gives_one_search_key(text):
    assert fold(text) == "lao dong gioi"


def test_fold_maps_d_bar_which_unicode_decomposition_does_not():
    assert fold("Đinh Quốc Toản") == "dinh quoc toan"


@pytest.mark.parametrize("old, new", [("hoà", "hòa"), ("thuỷ", "thủy"), ("khoẻ", "khỏe"), ("HOÀ", "HÒA")])
def test_unify_tones_puts_both_placements_in_one_form(old, new):
    assert unify_tones(old) == unify_tones(new)


def test_unify_tones_leaves_syllables_with_a_final_consonant():
    assert unify_tones("hoàng") == "hoàng"


def test_match_key_ignores_case_quotes_spacing_and_tone_placement():
    assert match_key("“Lao động giỏi,  Lao động sáng tạo”") == match_key("lao động giỏi, lao động sáng tạo")
    assert match_key("hài hoà") == match_key("hài hòa")
    assert match_key("Lao động giỏi") != match_key("Lao động sáng tạo")


def test_fold_aligned_keeps_offsets_and_agrees_with_fold():
    from thidua.text import fold_aligned

    text = "Đinh Quốc Toản – LĐLĐ  Hà Nội: “Lao động giỏi”"
    aligned = fold_aligned(text)
    assert len(aligned) == len(text)
    assert " ".join(aligned.split()) == fold(text)
    assert fold_aligned("a\u0300") == "a\u0300"  # a lone combining mark keeps its place
    assert fold("a \u0300 b") == "a b"
