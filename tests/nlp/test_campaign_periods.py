"""A number after a campaign cue: a number-led name ("45 ngày đêm thi đua …") or a period
("phong trào thi đua 6 tháng đầu năm")."""
import pytest

from thidua.extract.nlp import extract_facts


def names(text):
    return [c["name"] for c in extract_facts(text)["campaigns"]]


@pytest.mark.parametrize("text", [
    "Quận biểu dương 15 tập thể trong phong trào thi đua 6 tháng đầu năm 2024.",
    "Kết quả phong trào thi đua 9 tháng năm 2023 được đánh giá cao.",
    "Nhìn lại phong trào 5 năm qua, nhiều mô hình hay đã xuất hiện.",
    "Phong trào 3 năm liên tiếp dẫn đầu cụm thi đua.",
    "Phong trào thi đua 2 quý cuối năm được đẩy mạnh.",
])
def test_a_period_after_a_cue_is_no_campaign(text):
    assert names(text) == []


@pytest.mark.parametrize("text, expected", [
    ("Công đoàn phát động phong trào thi đua 60 ngày đêm hoàn thành dự án đường vành đai.",
     ["60 ngày đêm hoàn thành dự án đường vành đai"]),
    ("Công nhân hưởng ứng Chương trình 1 triệu sáng kiến - nỗ lực vượt khó, sáng tạo.",
     ["1 triệu sáng kiến - nỗ lực vượt khó, sáng tạo"]),
    ("LĐLĐ tỉnh phát động phong trào thi đua “Công nhân Bình Phước giỏi nghề, sáng tạo” giai đoạn 2024 - 2026.",
     ["Công nhân Bình Phước giỏi nghề, sáng tạo"]),
])
def test_number_led_names_still_found(text, expected):
    assert names(text) == expected


def test_phase_with_years_in_brackets():
    facts = extract_facts("Tổng kết phong trào thi đua “Thợ giỏi đất Mỏ” giai đoạn 2021 – 2023 "
                          "và phát động giai đoạn 2 (2024 - 2026) của phong trào.")
    phases = [(p["number"], p["start"], p["end"], p["campaign"]) for p in facts["phases"]]
    assert (2, "2024", "2026", "Thợ giỏi đất Mỏ") in phases
    assert ("2024", "2026") in [(d["start"], d["end"]) for d in facts["date_ranges"]]
