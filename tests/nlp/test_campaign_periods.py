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


def _phases(text):
    return [(p["number"], p["start"], p["end"], p["campaign"]) for p in extract_facts(text)["phases"]]


def test_owner_named_after_the_stage_dates():
    assert _phases("Kết thúc giai đoạn 1 (2020-2022), tỉnh tiếp tục giai đoạn 2 (2023-2025) của phong trào "
                   "“Xanh - Sạch - Đẹp”.") == [(1, "2020", "2022", "Xanh - Sạch - Đẹp"), (2, "2023", "2025", "Xanh - Sạch - Đẹp")]


def test_owner_after_day_ranges():
    assert _phases("Đợt 1 từ ngày 1/3 đến 30/4/2025, đợt 2 từ ngày 1/6 đến 31/8/2025 của chương trình "
                   "“Tháng công nhân”.") == [(1, "2025-03-01", "2025-04-30", "Tháng công nhân"),
                                              (2, "2025-06-01", "2025-08-31", "Tháng công nhân")]


def test_a_project_stage_after_its_dates_is_no_phase():
    assert _phases("Giai đoạn 2 (2023-2025) của dự án “Đường vành đai 3” đã khởi công.") == []


def test_a_later_stage_of_another_campaign_lends_nothing_far_away():
    text = ("Giai đoạn 1 (2019-2021) đã kết thúc. " + "Công nhân tiếp tục lao động sản xuất. " * 30
            + "Giai đoạn 2 (2022-2024) của phong trào “Thợ giỏi” bắt đầu.")
    assert _phases(text) == [(1, "2019", "2021", None), (2, "2022", "2024", "Thợ giỏi")]


@pytest.mark.parametrize("text, expected", [
    ("Công nhân hưởng ứng các phong trào thi đua: “Lao động giỏi”, “Lao động sáng tạo”.",
     ["Lao động giỏi", "Lao động sáng tạo"]),
    ("Công đoàn triển khai 2 phong trào: “Xanh - Sạch - Đẹp”, “Văn hóa doanh nghiệp”.",
     ["Xanh - Sạch - Đẹp", "Văn hóa doanh nghiệp"]),
    # a singular cue before a colon introduces a slogan or speech, not a campaign
    ("Công nhân nêu cao tinh thần thi đua: “Làm hết việc, không hết giờ”.", []),
    ("Nói về phong trào, chị Lan chia sẻ: “Chúng tôi rất phấn khởi”.", []),
])
def test_plural_cue_before_a_colon(text, expected):
    assert names(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Công đoàn phát động phong trào ‘Xanh - Sạch - Đẹp’ trong công nhân.", ["Xanh - Sạch - Đẹp"]),
    ("Công đoàn phát động phong trào «Lao động giỏi» trong công nhân.", ["Lao động giỏi"]),
    ("Công đoàn phát động phong trào 'Tết sum vầy' trong công nhân.", ["Tết sum vầy"]),
    # an apostrophe inside a name opens no quote
    ("Chị H'Hen Niê và chị H'Mai tham gia phong trào “Lao động giỏi”.", ["Lao động giỏi"]),
    # a single-quoted slogan is still a slogan
    ("Công ty phát động với khẩu hiệu 'An toàn là bạn' trong phong trào chung.", []),
])
def test_other_quote_marks(text, expected):
    assert names(text) == expected
