"""A prize named by a capitalised phrase after "giải", taken where the text says who won it."""
import pytest

from thidua.extract.nlp import extract_facts


def awards(text):
    return [(a["title"], a["recipient"], a["year"]) for a in extract_facts(text)["awards"]]


@pytest.mark.parametrize("text, expected", [
    ("Giải nhì thuộc về anh Lý Văn Khánh; giải Thí sinh xuất sắc nhất thuộc về chị Trần Thị Mơ.",
     [("Giải nhì", "Lý Văn Khánh", None), ("giải Thí sinh xuất sắc nhất", "Trần Thị Mơ", None)]),
    ("Anh Lê Văn Hòa đoạt giải Tay nghề trẻ năm 2024.", [("giải Tay nghề trẻ", "Lê Văn Hòa", 2024)]),
    ("Chị Phạm Thị Xuân giành giải Phong cách biểu diễn tại hội thi.",
     [("giải Phong cách biểu diễn", "Phạm Thị Xuân", None)]),
])
def test_titled_prizes(text, expected):
    assert awards(text) == expected


@pytest.mark.parametrize("text", [
    "Giải Bóng đá Công nhân khai mạc sáng nay.",        # an event: nobody won it here
    "Đội tuyển tham dự Giải Việt dã toàn quốc.",
    "Ban tổ chức công bố Giải Thí sinh triển vọng vào ngày mai.",
])
def test_events_and_unwon_prizes_are_not_awards(text):
    assert awards(text) == []


def test_rank_prizes_stay_contest_prizes():
    assert awards("Chị Phạm Thị Xuân đạt giải Nhì cuộc thi tay nghề.") == [("giải Nhì cuộc thi tay nghề", "Phạm Thị Xuân", None)]


def test_a_bare_prize_rank_joins_the_full_prize_of_the_same_winner():
    text = ("Công đoàn ngành tổ chức Hội thi “Điều dưỡng trưởng giỏi”. Giải nhất thuộc về điều dưỡng Lê Thu Trang, "
            "Bệnh viện Đa khoa Đức Giang. Điều dưỡng Lê Thu Trang nhận giải nhất Hội thi “Điều dưỡng trưởng giỏi” năm 2024.")
    awards = [(a["title"], a["recipient"], a["year"]) for a in extract_facts(text)["awards"]]
    assert awards == [("giải nhất Hội thi “Điều dưỡng trưởng giỏi”", "Lê Thu Trang", 2024)]


def test_a_ministry_named_with_va_gives_its_whole_name():
    awards = extract_facts("Năm 2024, cô Đinh Thị Nguyệt vinh dự nhận Bằng khen của Bộ Giáo dục và Đào tạo.")["awards"]
    assert [(a["title"], a["giver"]) for a in awards] == [("Bằng khen của Bộ Giáo dục và Đào tạo", "Bộ Giáo dục và Đào tạo")]


def test_what_a_prize_was_for_ends_at_a_comma_and_a_verb():
    text = "Chị Đinh Thị Hoa giành giải Nhất nghề may công nghiệp, vượt qua 64 thí sinh đến từ các doanh nghiệp."
    assert [a["title"] for a in extract_facts(text)["awards"]] == ["giải Nhất nghề may công nghiệp"]


@pytest.mark.parametrize("text, expected", [
    # what follows the rank is what the prize was for only if it reads so
    ("Cơ cấu giải gồm 1 giải Nhất trị giá 30 triệu đồng và 2 giải Nhì.", []),
    ("Giải Nhất cũng thuộc về anh Lê Văn Tuấn, công nhân Công ty Giấy Lam Sơn.", [("Giải Nhất", "Lê Văn Tuấn")]),
    ("Chị giành giải Nhì Hội thi thợ giỏi năm 2024.", [("giải Nhì Hội thi thợ giỏi", None)]),
    ("Anh Vũ Văn Hà đạt giải nhất nghề Hàn CO2 tại Hội thi.", [("giải nhất nghề Hàn CO2", "Vũ Văn Hà")]),
])
def test_the_subject_of_a_prize(text, expected):
    assert [(a["title"], a["recipient"]) for a in extract_facts(text)["awards"]] == expected
