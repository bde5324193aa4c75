"""A bare number after "lên", "là", "đạt" … counts the noun of "(tổng) số <noun>" earlier in
its clause; numbers with no such subject stay out."""
import pytest

from thidua.extract.nlp import extract_facts


def stats(text):
    return [(s["value"], s["unit"]) for s in extract_facts(text)["statistics"]]


@pytest.mark.parametrize("text, expected", [
    ("Công đoàn phấn đấu nâng tổng số đoàn viên lên 12.000 trong năm nay.", [(12000, "đoàn viên")]),
    ("Số sáng kiến tăng đều: năm 2022 có 140 sáng kiến, đến năm 2024 con số này là 390.",
     [(140, "sáng kiến"), (390, "sáng kiến")]),
    ("Số lượng công đoàn cơ sở tăng lên 86.", [(86, "công đoàn cơ sở")]),
    ("Tổng số hội viên đạt hơn 2.500 và còn tiếp tục tăng.", [(2500, "hội viên")]),
    ("Số vụ tai nạn lao động giảm xuống 3.", [(3, "vụ tai nạn")]),
    # a unit written after the number still wins
    ("Tổng số đoàn viên lên 3.000 người.", [(3000, "người")]),
])
def test_unit_from_the_subject(text, expected):
    assert stats(text) == expected


@pytest.mark.parametrize("text", [
    "Theo số liệu, điểm trung bình là 95.",         # "số liệu" counts nothing
    "Con số này là 517.",                          # no noun to refer to
    "Năm nay sản lượng tăng lên 300.",             # no "số <noun>"
    "Cụm thi đua số 1 có tổng điểm là 95.",        # "số 1" is an identifier
    "Số tiền hỗ trợ lên 500.",                     # amount with no currency: unknown unit
    "Trong số đó, đơn vị dẫn đầu là 12.",
    "Số người tham gia là 45 tuổi trở lên.",       # a word after the number that is no unit
])
def test_no_subject_unit(text):
    assert stats(text) == []


@pytest.mark.parametrize("text, expected", [
    ("Sau một năm, 4/4 đơn vị trong Cụm vượt các chỉ tiêu.", [(4, "đơn vị")]),
    ("Có 11/13 CĐCS đạt vững mạnh.", [(11, "CĐCS")]),
    ("Đến nay 9/10 doanh nghiệp đã ký thỏa ước, trong đó 100% có bữa ăn ca.", [(9, "doanh nghiệp"), (100, "%")]),
])
def test_fraction_counts(text, expected):
    assert stats(text) == expected


@pytest.mark.parametrize("text", [
    "Ngày 5/5 đơn vị tổ chức lễ ra quân.",           # a date before its subject
    "Sáng 2/3, công nhân nghỉ giữa ca.",
    "Dịp 2/9 công nhân được thưởng thêm.",
    "Từ 1/6 công nhân được nghỉ thêm.",
    "Nhân dịp 20/11 giáo viên được tặng hoa.",      # the part is larger than the whole: a date
    "Công ty trực 24/24 giờ, 7/7 ngày.",              # time, not a count
    "Có 3/4 số doanh nghiệp đã ký thỏa ước.",         # a share, not a count
])
def test_fractions_that_are_not_counts(text):
    assert stats(text) == []


@pytest.mark.parametrize("text, expected", [
    ("Lễ phát động năm 2025 tới 112 công đoàn cơ sở trực thuộc.", [(112, "công đoàn cơ sở")]),
    ("Ngày 5/3 tới 40 công nhân được nhận quà.", [(40, "công nhân")]),
    ("Mỗi tổ có từ 5 đến 7 người.", []),                     # a spread is not one value
    ("Có từ 1.000 đến 2.000 lượt người tham gia.", []),
])
def test_a_date_before_tới_is_no_spread(text, expected):
    assert stats(text) == expected
