"""thidua_date_ranges on whole texts: facts recorded as spans with ISO ends."""
import pytest
from thidua.extract.nlp import analyse, extract_facts
from thidua.extract.nlp.facts import facts_of


def ranges(text, published=None):
    doc = analyse(text, published)
    return [(a["start"], a["end"]) for _, a in facts_of(doc, "date_ranges")]


def test_phase_dates_in_a_paragraph():
    text = ("Phong trào thi đua năm 2023 được tổ chức theo 2 đợt. Đợt 1 từ ngày 1/1/2023 đến 30/6/2023, "
            "với chủ đề “Đoàn kết, sáng tạo”. Đợt 2 từ 1/7/2023 đến 31/12/2023 với chủ đề “Thi đua lao động giỏi”.")
    assert ranges(text) == [("2023-01-01", "2023-06-30"), ("2023-07-01", "2023-12-31")]


def test_spans_point_at_the_evidence():
    text = "Đại hội Công đoàn các cấp nhiệm kỳ 2023 - 2028 đã thành công."
    doc = analyse(text)
    [(span, attrs)] = list(facts_of(doc, "date_ranges"))
    assert attrs["text"] == "nhiệm kỳ 2023 - 2028"
    assert text[attrs["char_start"]:attrs["char_end"]] == "nhiệm kỳ 2023 - 2028"
    assert span.text == "nhiệm kỳ 2023 - 2028"


def test_a_repeated_interval_counts_once():
    text = "Năm học 2023 – 2024 có nhiều thành tích. Cô Hân được khen thưởng trong năm học 2023 – 2024."
    assert ranges(text) == [("2023", "2024")]


def test_year_from_publication_date():
    text = "Từ nay đến hết 30/6, các CĐCS tổ chức thi đua. Đợt 2 từ ngày 1/7 đến ngày 28/7."
    assert ranges(text, "2024-04-17T08:00:00+07:00") == [("2024-04-17", "2024-06-30"), ("2024-07-01", "2024-07-28")]
    assert ranges(text) == []  # no year anywhere: nothing is guessed


def test_single_dates_and_years_are_not_ranges():
    text = "Ngày 8-1, LĐLĐ tỉnh tổ chức hội nghị. Năm 2024 là năm bản lề; tháng 6/2022 và quý Mão."
    assert ranges(text) == []


@pytest.mark.parametrize("text", ["", "   ", "The union met from 2020 to 2025 in Hanoi.", "a" * 3000, "1/1/2023 " * 500])
def test_bad_input(text):
    facts = extract_facts(text)
    assert isinstance(facts["date_ranges"], list)


@pytest.mark.parametrize("text, published, expected", [
    # laodong.vn writes day and month with dots: a year, or a cue word before, makes it a date
    ("Đợt 1 từ nay đến ngày 7.5.2024, Đợt 2 từ ngày 8.5 đến ngày 2.9.2024.", "2024-03-18",
     [("2024-03-18", "2024-05-07"), ("2024-05-08", "2024-09-02")]),
    ("Kỷ niệm 70 năm Chiến thắng Điện Biên Phủ (7.5.1954 - 7.5.2024).", None, [("1954-05-07", "2024-05-07")]),
    ("Giá trị làm lợi đạt 7.5 tỉ đồng, gấp 2.5 lần năm trước.", None, []),
    # nld.com.vn writes them with dashes
    ("Đợt 1 (từ nay đến 2-9-2025) với chủ đề “Thi đua lập thành tích”.", "2025-05-11", [("2025-05-11", "2025-09-02")]),
    # an interval that ends with an event is open-ended
    ("Đợt 2 từ ngày 1/11/2025 đến khi kết thúc Đại hội đại biểu toàn quốc lần thứ XIV của Đảng.", None,
     [("2025-11-01", None)]),
    # a comparison year does not date the period ("so với cùng kỳ năm 2024")
    ("Trong 6 tháng đầu năm, toàn ngành có 1.248 sáng kiến, tăng 18,5% so với cùng kỳ năm 2024.", None, []),
    ("Trong 6 tháng đầu năm, toàn ngành có 1.248 sáng kiến, tăng 18,5% so với cùng kỳ năm 2024.", "2025-07-10",
     [("2025-01", "2025-06")]),
])
def test_other_papers_date_styles_and_open_ends(text, published, expected):
    assert ranges(text, published) == expected


def test_an_anniversary_reaching_back_before_1900():
    assert ranges("Kỷ niệm 135 năm Ngày sinh Chủ tịch Hồ Chí Minh (19/5/1890 - 19/5/2025).") == [("1890-05-19", "2025-05-19")]


def test_from_a_year_to_a_month_of_a_later_year():
    assert ranges("Từ năm 2020 đến hết tháng 6/2025, toàn tỉnh có 4.126 sáng kiến.") == [("2020", "2025-06")]
