"""One award entry per title and recipient: coordinated recipients, two named winners of one
title, and an award to a numbered group kept apart from a named person's."""
import pytest

from thidua.extract.nlp import extract_facts


def awards(text):
    return [(a["title"], a["recipient"], a["year"]) for a in extract_facts(text)["awards"]]


@pytest.mark.parametrize("text, expected", [
    ("LĐLĐ tỉnh trao Cờ thi đua xuất sắc năm 2023 cho LĐLĐ huyện Yên Phong và LĐLĐ huyện Quế Võ.",
     [("Cờ thi đua xuất sắc", "LĐLĐ huyện Yên Phong", 2023), ("Cờ thi đua xuất sắc", "LĐLĐ huyện Quế Võ", 2023)]),
    ("UBND tỉnh tặng Bằng khen cho anh Trần Văn Hòa, chị Lê Thị Hiền và anh Phạm Văn Lộc.",
     [("Bằng khen", "Trần Văn Hòa", None), ("Bằng khen", "Lê Thị Hiền", None), ("Bằng khen", "Phạm Văn Lộc", None)]),
    # a company after a person is her workplace, not a second recipient
    ("Giải ba thuộc về chị Huỳnh Thị Linh, Công ty CP Thủy sản Năm Căn.", [("Giải ba", "Huỳnh Thị Linh", None)]),
    # the same title won by two named people is two awards
    ("Anh Nguyễn Văn An đạt danh hiệu Công nhân giỏi. Chị Lê Thị Bình cũng đạt danh hiệu Công nhân giỏi năm 2024.",
     [("Công nhân giỏi", "Nguyễn Văn An", None), ("Công nhân giỏi", "Lê Thị Bình", 2024)]),
    # a numbered group's award is another award than the named person's
    ("Anh Trương Văn Lợi 5 năm liền đạt danh hiệu Lao động tiên tiến. Năm 2023, công ty có 268 lao động "
     "đạt danh hiệu Lao động tiên tiến.",
     [("Lao động tiên tiến", "Trương Văn Lợi", None), ("Lao động tiên tiến", None, 2023)]),
    # an unnumbered group under a photo is the same award again
    ("Chị Lê Thị Nga được tặng Giấy khen của Công đoàn ngành Giáo dục. Lãnh đạo Công đoàn ngành Giáo dục "
     "trao Giấy khen cho các cá nhân tiêu biểu.",
     [("Giấy khen của Công đoàn ngành Giáo dục", "Lê Thị Nga", None)]),
])
def test_recipients(text, expected):
    assert awards(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("LĐLĐ tổ chức Lễ tuyên dương 100 “Công nhân giỏi Thủ đô” năm 2024.", [("Công nhân giỏi Thủ đô", None, 2024)]),
    ("Năm 2023 công ty có 12 Lao động tiên tiến.", [("Lao động tiên tiến", None, 2023)]),
    # a known title with no count and no award verb is not an award mention
    ("Phong trào Lao động tiên tiến lan tỏa khắp nhà máy.", []),
])
def test_titles_after_the_number_honoured(text, expected):
    assert awards(text) == expected


def test_a_group_of_authors_of_a_named_unit():
    assert awards("Giải Đặc biệt thuộc về nhóm tác giả Công ty Nhiệt điện Phả Lại.") == [
        ("Giải Đặc biệt", "Công ty Nhiệt điện Phả Lại", None)]


def test_the_named_members_of_a_counted_group_each_get_the_award():
    text = ("Tổng LĐLĐ Việt Nam trao Cờ thi đua xuất sắc năm 2024 cho 24 đơn vị dẫn đầu phong trào thi đua, "
            "trong đó có LĐLĐ tỉnh Bắc Ninh, Công đoàn Dầu khí Việt Nam và LĐLĐ thành phố Hồ Chí Minh.")
    awards = [(a["title"], a["recipient"]) for a in extract_facts(text)["awards"]]
    assert awards == [("Cờ thi đua xuất sắc", "LĐLĐ tỉnh Bắc Ninh"), ("Cờ thi đua xuất sắc", "Công đoàn Dầu khí Việt Nam"),
                      ("Cờ thi đua xuất sắc", "LĐLĐ thành phố Hồ Chí Minh")]


def test_listed_recipients_after_a_colon_or_gom_each_get_the_award():
    text = ("Cờ thi đua của LĐLĐ thành phố Hà Nội được trao cho 3 tập thể: Công đoàn Công ty Cổ phần Xe khách Hà Nội, "
            "Công đoàn Xí nghiệp Xe buýt Thăng Long và Công đoàn Công ty Vận tải Biển Bắc. Bằng khen của Tổng Liên đoàn "
            "Lao động Việt Nam được trao cho Công đoàn Công ty Cầu đường Thăng Long cùng 2 cá nhân: ông Trần Quang Huy, "
            "Chủ tịch Công đoàn Tổng công ty Vận tải Hà Nội; anh Lương Văn Chiến, lái xe buýt, Xí nghiệp Xe buýt Thăng Long.")
    awards = [(a["title"].split(" của ")[0], a["recipient"]) for a in extract_facts(text)["awards"]]
    assert awards == [("Cờ thi đua", "Công đoàn Công ty Cổ phần Xe khách Hà Nội"),
                      ("Cờ thi đua", "Công đoàn Xí nghiệp Xe buýt Thăng Long"),
                      ("Cờ thi đua", "Công đoàn Công ty Vận tải Biển Bắc"),
                      ("Bằng khen", "Công đoàn Công ty Cầu đường Thăng Long"),
                      ("Bằng khen", "Trần Quang Huy"), ("Bằng khen", "Lương Văn Chiến")]
