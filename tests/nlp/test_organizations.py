"""thidua_organizations: union bodies and units named in the article, with kind and expansion."""
import pytest

from thidua.extract.nlp import extract_facts


def organizations(text):
    return [(o["name"], o["kind"]) for o in extract_facts(text)["organizations"]]


@pytest.mark.parametrize("text, expected", [
    ("Ban Thường vụ Công đoàn các Khu công nghiệp và Chế xuất (KCN&CX) Hà Nội vừa ban hành kế hoạch.",
     [("Ban Thường vụ Công đoàn các Khu công nghiệp và Chế xuất Hà Nội", "ban")]),
    ("LĐLĐ tỉnh tổ chức hội nghị tại Trung tâm Y tế huyện Phụng Hiệp.",
     [("LĐLĐ tỉnh", "liên đoàn lao động"), ("Trung tâm Y tế huyện Phụng Hiệp", "đơn vị sự nghiệp")]),
    ("Anh Hòa làm việc tại Công ty TNHH Cơ khí chính xác Tân Hưng (KCN Thăng Long).",
     [("Công ty TNHH Cơ khí chính xác Tân Hưng", "doanh nghiệp")]),
    ("Giáo viên Trường THCS Lê Quý Đôn và trường mầm non Đại Mỗ A được khen.",
     [("Trường THCS Lê Quý Đôn", "trường"), ("trường mầm non Đại Mỗ A", "trường")]),
    ("Công đoàn ngành Giáo dục tỉnh phối hợp với Tổng LĐLĐ Việt Nam.",
     [("Công đoàn ngành Giáo dục tỉnh", "công đoàn"), ("Tổng LĐLĐ Việt Nam", "liên đoàn lao động")]),
])
def test_heads_with_their_names(text, expected):
    assert organizations(text) == expected


def test_a_person_after_the_organisation_is_cut_off():
    text = "Theo Chủ tịch Công đoàn các KCN&CX Hà Nội Đinh Quốc Toản, phong trào đạt kết quả tốt."
    assert organizations(text) == [("Công đoàn các KCN&CX Hà Nội", "công đoàn")]


def test_abbreviations_are_expanded_and_repeats_counted_once():
    text = "LĐLĐ quận Đống Đa phối hợp với UBND quận. LĐLĐ quận Đống Đa cũng khen thưởng."
    found = extract_facts(text)["organizations"]
    assert [(o["name"], o["expansion"]) for o in found] == [
        ("LĐLĐ quận Đống Đa", "Liên đoàn Lao động quận Đống Đa"), ("UBND quận", "Ủy ban nhân dân quận")]


@pytest.mark.parametrize("text", [
    "Vai trò của tổ chức Công đoàn ngày càng được khẳng định.",
    "Các cấp Công đoàn quan tâm chăm lo cho đoàn viên.",
    "Công đoàn cơ sở cần chủ động tham mưu với người sử dụng lao động.",
    "Công đoàn các KCN&CX Hà Nội yêu cầu các CĐCS quan tâm tổ chức phong trào thi đua.",
    "Đó là nhiệm vụ trọng tâm của tổ chức Công đoàn và thành phố Hà Nội năm 2023.",
])
def test_generic_mentions_and_verbs_after_a_name(text):
    names = [name for name, _ in organizations(text)]
    assert all(" yêu cầu" not in name and " và thành phố" not in name for name in names)
    assert "Công đoàn" not in names and "Công đoàn cơ sở" not in names


@pytest.mark.parametrize("text", ["", "Công đoàn", "LĐLĐ", "Công ty " * 3000, "The Trade Union of Vietnam met."])
def test_bad_input_gives_no_exception(text):
    assert isinstance(extract_facts(text)["organizations"], list)


def test_a_spaced_dash_inside_a_name_and_one_before_an_event():
    names = [o["name"] for o in extract_facts("Bằng khen của Công đoàn Than - Khoáng sản Việt Nam được trao.")["organizations"]]
    assert names == ["Công đoàn Than - Khoáng sản Việt Nam"]
    names = [o["name"] for o in extract_facts("Đại diện Công đoàn Dệt May Việt Nam - Hội nghị diễn ra sáng nay.")["organizations"]]
    assert names == ["Công đoàn Dệt May Việt Nam"]


def test_lower_case_words_joined_by_va_inside_a_name():
    names = [o["name"] for o in extract_facts("Chị nhận Giấy khen của Công đoàn các Khu công nghiệp và chế xuất Hà Nội.")["organizations"]]
    assert names == ["Công đoàn các Khu công nghiệp và chế xuất Hà Nội"]
