"""Medals won at contests and sports events are awards; counted medals are statistics too."""
import pytest

from thidua.extract.nlp import extract_facts


@pytest.mark.parametrize("text, expected", [
    ("Chị Hà Thị Thu giành Huy chương Vàng Hội thi tay nghề ASEAN.", [("Huy chương Vàng", "Hà Thị Thu")]),
    ("Anh Lý Văn Sơn đoạt huy chương Bạc môn bóng bàn tại Hội thao CNVCLĐ.", [("huy chương Bạc", "Lý Văn Sơn")]),
])
def test_medals(text, expected):
    assert [(a["title"], a["recipient"]) for a in extract_facts(text)["awards"]] == expected


def test_counted_medals():
    facts = extract_facts("Đoàn vận động viên công nhân giành 5 huy chương vàng, 3 huy chương bạc.")
    assert [(s["value"], s["unit"]) for s in facts["statistics"]] == [(5, "huy chương vàng"), (3, "huy chương bạc")]
    assert all(a["recipient"] is None for a in facts["awards"])


def test_a_medal_word_alone_is_no_award():
    assert extract_facts("Công ty đặt làm huy chương cho hội thao.")["awards"] == []
