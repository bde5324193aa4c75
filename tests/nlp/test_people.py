"""thidua_people: people named in the article, with role, organisation and later mentions."""
import pytest

from thidua.extract.nlp import extract_facts


def people(text):
    return [(p["name"], p["role"], p["organization"]) for p in extract_facts(text)["people"]]


@pytest.mark.parametrize("text, expected", [
    ("Theo Chủ tịch Công đoàn các KCN&CX Hà Nội Đinh Quốc Toản, mục tiêu là đổi mới sáng tạo.",
     ("Đinh Quốc Toản", "Chủ tịch", "Công đoàn các KCN&CX Hà Nội")),
    ("Phó Chủ tịch Liên đoàn Lao động Thành phố Lê Đình Hùng biểu dương các cá nhân.",
     ("Lê Đình Hùng", "Phó Chủ tịch", "Liên đoàn Lao động Thành phố")),
    ("Theo Chủ tịch LĐLĐ quận Đống Đa, Cụm trưởng Cụm thi đua số 1 LĐLĐ Thành phố năm 2025 Lê Thị Kim Huệ, các đơn vị đã ký kết.",
     ("Lê Thị Kim Huệ", "Chủ tịch", "LĐLĐ quận Đống Đa")),
    ("Đó là anh Vũ Văn Long, cán bộ của công ty TNHH Ans Asia Việt Nam, anh luôn hoàn thành tốt nhiệm vụ.",
     ("Vũ Văn Long", "cán bộ", "công ty TNHH Ans Asia Việt Nam")),
    ("Hay chị Nguyễn Thị Thu Hương, Hiệu trưởng trường mầm non Đại Mỗ A có đề tài sáng kiến cấp quận.",
     ("Nguyễn Thị Thu Hương", "Hiệu trưởng", "trường mầm non Đại Mỗ A")),
    ("Phát biểu tại hội nghị, ông Nguyễn Minh Trí, Phó Chủ tịch Thường trực LĐLĐ tỉnh, ghi nhận những đóng góp.",
     ("Nguyễn Minh Trí", "Phó Chủ tịch Thường trực", "LĐLĐ tỉnh")),
    ("Tiêu biểu là anh Phạm Văn Khải, tổ trưởng tổ cơ khí Công ty TNHH Thủy sản Tân Lộc Phát, có 2 sáng kiến.",
     ("Phạm Văn Khải", "tổ trưởng tổ cơ khí", "Công ty TNHH Thủy sản Tân Lộc Phát")),
    ("Người trẻ nhất là chị Kiều Thị Ngân, 24 tuổi, công nhân may Công ty TNHH May mặc Bảo Minh.",
     ("Kiều Thị Ngân", "công nhân may", "Công ty TNHH May mặc Bảo Minh")),
    ("Từ một công nhân đứng máy, anh Huỳnh Tấn Phát trở thành Chủ tịch Công đoàn Công ty TNHH Điện tử Sao Việt.",
     ("Huỳnh Tấn Phát", "Chủ tịch", "Công đoàn Công ty TNHH Điện tử Sao Việt")),
    ("Ở khối sự nghiệp, bác sĩ Huỳnh Thanh Sơn, Phó Giám đốc Trung tâm Y tế huyện Phụng Hiệp, được đồng nghiệp quý mến.",
     ("Huỳnh Thanh Sơn", "Phó Giám đốc", "Trung tâm Y tế huyện Phụng Hiệp")),
    ("Điều dưỡng trưởng Khoa Hồi sức tích cực Phạm Thị Hương chia sẻ về mô hình chăm sóc.",
     ("Phạm Thị Hương", "Điều dưỡng trưởng", "Khoa Hồi sức tích cực")),
    ("Tới dự có Phó Chủ tịch UBND quận Hoàng Mai Trần Quốc Bảo cùng hơn 400 đoàn viên.",
     ("Trần Quốc Bảo", "Phó Chủ tịch", "UBND quận Hoàng Mai")),
    ("Bà Phan Thị Mỹ Dung, Trưởng Ban Tuyên giáo LĐLĐ TP HCM, cho biết như vậy.",
     ("Phan Thị Mỹ Dung", "Trưởng Ban Tuyên giáo", "LĐLĐ TP HCM")),
    ("Ông Phạm Quang Khải, Trưởng Ban Tuyên giáo - Nữ công Công đoàn các KCN&CX Hà Nội cho biết, năm nay khác.",
     ("Phạm Quang Khải", "Trưởng Ban Tuyên giáo - Nữ công", "Công đoàn các KCN&CX Hà Nội")),
])
def test_role_and_organisation_before_or_after_the_name(text, expected):
    assert people(text) == [expected]


def test_later_short_mentions_are_the_same_person():
    text = ("Chủ tịch Liên đoàn Lao động quận Nam Từ Liêm Lê Thị Kim Điệp thừa nhận còn hạn chế. "
            "“Một số đoàn viên chưa tích cực hưởng ứng” – bà Điệp nhận định. Lê Thị Kim Điệp cũng đề nghị đổi mới.")
    found = extract_facts(text)["people"]
    assert [(p["name"], p["role"]) for p in found] == [("Lê Thị Kim Điệp", "Chủ tịch")]
    assert [text[s:e] for s, e in found[0]["mentions"]] == ["Điệp", "Lê Thị Kim Điệp"]


@pytest.mark.parametrize("text", [
    "Đoàn viên học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh; thấm nhuần lời Bác Hồ dạy.",
    "Anh Khải là 1 trong 10 cá nhân được đề nghị xét tặng Giải thưởng Nguyễn Đức Cảnh năm 2024.",
    "Lãnh đạo trao quà cho giáo viên Trường Tiểu học Võ Thị Sáu và Trường THCS Lê Quý Đôn.",
    "Hội thi diễn ra tại Trường Cao đẳng nghề Nguyễn Văn Trỗi, số 6 đường Nguyễn Trãi.",
    "LĐLĐ 6 quận: Đống Đa, Hai Bà Trưng, Ba Đình, Hoàn Kiếm, Long Biên, Hoàng Mai cùng ký giao ước.",
    "CNLĐ các KCN&CX Hà Nội và NLĐ trong các CĐCS tích cực tham gia Tổng LĐLĐ Việt Nam phát động.",
    "Công đoàn cơ sở Công ty CP Sợi Hà Nam Tiến được tặng Huân chương Lao động hạng Ba.",
    "Bài, ảnh: GIA NGUYỄN",
    "Công nhân các doanh nghiệp tại Thành phố Hồ Chí Minh hăng hái thi đua.",
])
def test_places_streets_schools_awards_abbreviations_and_bylines_are_not_people(text):
    assert people(text) == []


def test_two_syllable_name_needs_a_cue():
    assert people("Ông Lâm Bảo, Chủ tịch Công đoàn các Khu công nghiệp tỉnh, cho biết.") == [
        ("Lâm Bảo", "Chủ tịch", "Công đoàn các Khu công nghiệp tỉnh")]
    assert people("Đoàn công tác đến Hà Nam và Lâm Đồng trong tháng 5.") == []


def test_name_without_role_is_kept_with_no_role():
    assert people("Trong buổi gặp mặt, Nguyễn Văn Bình chia sẻ kinh nghiệm sản xuất.") == [("Nguyễn Văn Bình", None, None)]


@pytest.mark.parametrize("text", ["", "\n\n", "Mr John Smith, Chairman of the Union, spoke.", "ông " * 5000,
                                  "Nguyễn Văn A " * 3000])
def test_bad_input_gives_no_exception(text):
    assert isinstance(extract_facts(text)["people"], list)


SEEDS = ["seed-000", "seed-001", "seed-003"]


@pytest.mark.parametrize("seed", SEEDS)
def test_seed_articles_give_their_gold_people(corpus, seed):
    """Every gold item of the hand-labelled seeds comes out, and nothing outside gold and optional."""
    import json

    from thidua.evals.match import align
    from thidua.extract.pipeline import extract_path

    gold = json.loads((corpus / "labelled" / f"{seed}.json").read_text(encoding="utf-8"))
    record = extract_path(corpus / gold["source_file"])
    pairs, missed, extras = align("people", gold["people"], gold.get("people_optional", []), record["people"])
    assert missed == [] and extras == []
    assert len(pairs) == len(gold["people"])


@pytest.mark.parametrize("seed", SEEDS)
def test_seed_people_have_the_gold_role(corpus, seed):
    import json

    from thidua.evals.match import align, same_name
    from thidua.extract.pipeline import extract_path

    gold = json.loads((corpus / "labelled" / f"{seed}.json").read_text(encoding="utf-8"))
    record = extract_path(corpus / gold["source_file"])
    pairs, _, _ = align("people", gold["people"], gold.get("people_optional", []), record["people"])
    assert all(same_name(g["role"], p["role"]) and same_name(g["organization"], p["organization"]) for g, p in pairs)


def test_abbreviated_department_birth_year_and_student_roles():
    text = ("Giám đốc Sở LĐ-TB&XH Hà Nội Nguyễn Thị Hà cho biết như vậy. Chị Trần Thị Mai (SN 1992), công nhân "
            "Công ty TNHH Canon Việt Nam, được khen. Em Lê Minh Khoa, học sinh Trường THPT Chuyên Lương Thế Vinh, đoạt giải.")
    assert people(text) == [("Nguyễn Thị Hà", "Giám đốc", "Sở LĐ-TB&XH Hà Nội"),
                            ("Trần Thị Mai", "công nhân", "Công ty TNHH Canon Việt Nam"),
                            ("Lê Minh Khoa", "học sinh", "Trường THPT Chuyên Lương Thế Vinh")]


def test_party_and_union_leaders_listed_with_semicolons():
    text = ("Dự lễ có đồng chí Lê Văn Ánh, Phó Bí thư Thường trực Tỉnh ủy; đồng chí Nguyễn Thị Hạnh, Chủ tịch LĐLĐ tỉnh. "
            "Phát biểu tại buổi lễ, bà Hạnh đề nghị các CĐCS đẩy mạnh phong trào thi đua.")
    found = extract_facts(text)["people"]
    assert [(p["name"], p["role"], p["organization"]) for p in found] == [
        ("Lê Văn Ánh", "Phó Bí thư Thường trực", "Tỉnh ủy"), ("Nguyễn Thị Hạnh", "Chủ tịch", "LĐLĐ tỉnh")]
    assert len(found[1]["mentions"]) == 1


def test_a_short_mention_before_the_full_name_gives_the_role_and_bare_place_like_names_are_dropped():
    text = ("Đồng Tháp Mười và Hoàng Su Phì có nhiều lao động đi làm xa. Theo anh Tuấn, tổ trưởng tổ bảo trì, công ty "
            "luôn tạo điều kiện. Ông Đặng Văn Tuấn cho biết thêm, đơn vị đã có 30 sáng kiến.")
    assert people(text) == [("Đặng Văn Tuấn", "tổ trưởng tổ bảo trì", None)]


def test_a_bare_name_without_any_cue_is_kept_only_when_it_reads_as_a_person():
    assert people("Trong buổi gặp mặt, Trần Minh Quang Huy chia sẻ kinh nghiệm.") == []
    assert people("Trong buổi gặp mặt, Lê Thị Hoa chia sẻ kinh nghiệm.") == [("Lê Thị Hoa", None, None)]


def test_leaders_listed_after_cac_dong_chi_and_units_in_brackets():
    text = ("Tham dự có các đồng chí: Nguyễn Đình Khang, Ủy viên Trung ương Đảng, Chủ tịch Tổng LĐLĐ Việt Nam; Ngọ Duy Hiểu, "
            "Phó Chủ tịch Tổng LĐLĐ Việt Nam. Chị Vũ Thị Hoa (Công ty May Thăng Long) là một trong số đó. Giải Đặc biệt "
            "thuộc về thí sinh Đỗ Văn Nam (Công ty Cơ khí Hà Nội).")
    # a committee seat listed first gives way to the office after it
    assert people(text) == [("Nguyễn Đình Khang", "Chủ tịch", "Tổng LĐLĐ Việt Nam"),
                            ("Ngọ Duy Hiểu", "Phó Chủ tịch", "Tổng LĐLĐ Việt Nam"),
                            ("Vũ Thị Hoa", None, "Công ty May Thăng Long"),
                            ("Đỗ Văn Nam", "thí sinh", "Công ty Cơ khí Hà Nội")]
