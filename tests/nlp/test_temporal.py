"""The date grammar, row by row: what the text says -> (start, end), or no interval."""
import pytest
from thidua.extract.nlp.temporal import date_mentions, find_ranges, ranges_in_sentence

PUBLISHED = "2024-08-15T07:00:00+07:00"


def ranges(text, published=None):
    return [(r.start, r.end) for r in ranges_in_sentence(text, 0, len(text), published)]


@pytest.mark.parametrize("text, expected", [
    ("Đợt 1 từ ngày 1/1/2023 đến 30/6/2023, với chủ đề", [("2023-01-01", "2023-06-30")]),
    ("Đợt 2 từ 1/7/2023 đến 31/12/2023 với chủ đề", [("2023-07-01", "2023-12-31")]),
    ("hội thi diễn ra 10-13/4/2025 tại Hà Nội", [("2025-04-10", "2025-04-13")]),
    ("kỷ niệm Ngày thành lập (27/7/1947-27/7/2021)", [("1947-07-27", "2021-07-27")]),
    ("(20/11/1982 - 20/11/2024)", [("1982-11-20", "2024-11-20")]),
    ("kế hoạch giai đoạn 2015 – 2020", [("2015", "2020")]),
    ("kế hoạch 5 năm giai đoạn (2015 – 2020).", [("2015", "2020")]),
    ("Đại hội nhiệm kỳ 2023 - 2028", [("2023", "2028")]),
    ("Đại hội lần thứ II nhiệm kỳ 2020-2025,", [("2020", "2025")]),
    ("chiến sĩ thi đua (2020-2023) và", [("2020", "2023")]),
    ("Năm học 2024 – 2025, Công đoàn ngành", [("2024", "2025")]),
    ("6 tháng đầu năm 2025", [("2025-01", "2025-06")]),
    ("trong 9 tháng đầu năm 2024", [("2024-01", "2024-09")]),
    ("8 tháng đầu năm 2024", [("2024-01", "2024-08")]),
    ("ba tháng cuối năm 2023", [("2023-10", "2023-12")]),
    ("nửa cuối năm 2023", [("2023-07", "2023-12")]),
    ("quý II/2024", [("2024-04", "2024-06")]),
    ("quý 2/2024", [("2024-04", "2024-06")]),
    ("trong quý IV năm 2023", [("2023-10", "2023-12")]),
    ("Từ tháng 3 đến tháng 5/2024, các cấp công đoàn", [("2024-03", "2024-05")]),
    ("Đợt 1 từ ngày 9-1 đến ngày 30-4-2024, với", [("2024-01-09", "2024-04-30")]),
    ("từ ngày 1 tháng 7 năm 2023 đến ngày 31 tháng 12 năm 2023", [("2023-07-01", "2023-12-31")]),
    ("từ ngày 1/11 đến 31/1/2025", [("2024-11-01", "2025-01-31")]),
    ("từ năm 2020 đến năm 2025", [("2020", "2025")]),
    ("Từ năm 2021 đến năm 2024, bác sĩ", [("2021", "2024")]),
    ("năm 2024, từ ngày 1-5 đến ngày 2-9", [("2024-05-01", "2024-09-02")]),
    ("từ 8h ngày 1/7 đến 17h ngày 5/7/2024", [("2024-07-01", "2024-07-05")]),
    ("từ 7 giờ 30 ngày 10/3/2024 đến 11 giờ ngày 12/3/2024", [("2024-03-10", "2024-03-12")]),
    ("từ sáng 8/3 đến chiều 10/3/2025", [("2025-03-08", "2025-03-10")]),
    ("Hội thi diễn ra ngày 27-28/7/2024", [("2024-07-27", "2024-07-28")]),
    ("Từ ngày 25 - 27/7/2024, đoàn công tác", [("2024-07-25", "2024-07-27")]),
    ("Đợt 1 (tháng 3 - tháng 5/2024)", [("2024-03", "2024-05")]),
    ("từ quý I đến quý III/2025", [("2025-01", "2025-09")]),
    ("chào mừng Quốc khánh (1945-2025)", [("1945", "2025")]),
])
def test_intervals(text, expected):
    assert ranges(text) == expected


@pytest.mark.parametrize("text", [
    "tháng 6/2022",  # a single month
    "ngày 12/6/2021 và 8/3",  # single dates
    "năm 2023",  # a bare year
    "Tết Nguyên đán Quý Mão 2023",  # a lunar year name, not a quarter
    "12 tháng đầu năm 2023",  # not a part of a year
    "năm tháng đầu năm",  # no year: unresolved
    "Nghị định 145/2020/NĐ-CP",  # a document number
    "từ ngày 31/2/2023 đến 5/3/2023",  # 31 February does not exist
    "từ ngày 30/6/2023 đến 1/1/2023",  # backwards
    "giai đoạn 2025 – 2020",  # backwards years
    "1947-2021",  # bare years too far apart to be a period
    "Covid-19 và CO2",
    "từ 8-10 triệu đồng",
    "6 tháng cuối năm",  # no year anywhere: cannot be resolved
    "từ 8h đến 11h",  # times of day, no dates
    "tăng 15-20% so với",
])
def test_not_intervals(text):
    assert ranges(text) == []


@pytest.mark.parametrize("text, expected", [
    ("từ nay đến hết 30/6", [("2024-08-15", "2025-06-30")]),  # 30/6 already past: next year
    ("từ nay đến hết năm 2025", [("2024-08-15", "2025")]),
    ("từ nay đến cuối tháng 12", [("2024-08-15", "2024-12")]),
    ("6 tháng cuối năm", [("2024-07", "2024-12")]),
    ("trong 9 tháng đầu năm nay", [("2024-01", "2024-09")]),
    ("Từ ngày 15 đến 17-5, LĐLĐ tỉnh", [("2024-05-15", "2024-05-17")]),
    ("từ ngày 1-10 đến ngày 20-11, phát động đợt thi đua (20/11/1982 - 20/11/2024)",
     [("2024-10-01", "2024-11-20"), ("1982-11-20", "2024-11-20")]),
])
def test_publication_date_gives_the_year(text, expected):
    assert ranges(text, PUBLISHED) == expected


@pytest.mark.parametrize("text, expected", [
    ("Từ năm 2021 đến nay, công nhân đã đăng ký 412 sáng kiến", [("2021", None)]),
    ("Từ tháng 3/2023 đến nay", [("2023-03", None)]),
    ("từ nay đến nay", []),
])
def test_until_now_leaves_the_end_open(text, expected):
    assert ranges(text, PUBLISHED) == expected


def test_from_now_without_publication_date_has_open_start():
    assert ranges("Từ nay đến hết ngày 30/6/2025, các cấp") == [(None, "2025-06-30")]


def test_sentence_year_before_publication_year():
    assert ranges("Năm 2023, từ ngày 1/3 đến 30/4 diễn ra", PUBLISHED) == [("2023-03-01", "2023-04-30")]


def test_evidence_text_keeps_keyword_and_parentheses():
    text = "kế hoạch 5 năm giai đoạn (2015 – 2020)."
    [found] = ranges_in_sentence(text, 0, len(text))
    assert found.text == "giai đoạn (2015 – 2020)"
    text = "Đợt 1 từ ngày 1/1/2023 đến 30/6/2023, với"
    [found] = ranges_in_sentence(text, 0, len(text))
    assert found.text == "từ ngày 1/1/2023 đến 30/6/2023"
    assert text[found.start_char:found.end_char] == found.text


def test_offsets_are_absolute_across_sentences():
    text = "Năm 2023 có nhiều hoạt động. Đợt 2 từ 1/7/2023 đến 31/12/2023."
    found = find_ranges(text, [(0, 28), (29, len(text))])
    assert [(text[r.start_char:r.end_char], r.start) for r in found] == [("từ 1/7/2023 đến 31/12/2023", "2023-07-01")]


def test_date_mentions_cover_single_dates_and_years():
    text = "Ngày 8-1, năm 2024, tháng 6/2022 và quý II, 52.223 sáng kiến"
    covered = [text[s:e] for s, e in date_mentions(text)]
    assert covered == ["Ngày 8-1", "năm 2024", "tháng 6/2022", "quý II"]


@pytest.mark.parametrize("text", ["", "Hello world, from 2020 to 2025!", "1" * 5000, "đến " * 2000, "từ - - - đến"])
def test_odd_input_does_not_raise(text):
    ranges(text, PUBLISHED)
