"""thidua_awards: titles, certificates, flags and prizes, with recipient, year and giver."""
import pytest

from thidua.extract.nlp import extract_facts


def awards(text):
    return [{k: a[k] for k in ("title", "recipient", "year", "kind", "giver")} for a in extract_facts(text)["awards"]]


def brief(text):
    return [(a["title"], a["recipient"], a["year"]) for a in extract_facts(text)["awards"]]


def test_quoted_title_after_danh_hieu_with_counted_recipients():
    text = "Các cá nhân được tuyên dương đều đạt danh hiệu “Lao động tiên tiến” từ 3 năm liền trở lên."
    assert awards(text) == [{"title": "Lao động tiên tiến", "recipient": None, "year": None, "kind": "danh hiệu", "giver": None}]


def test_unquoted_titles_after_danh_hieu_and_the_year_before_them():
    text = "Năm 2020, quận có 321 công nhân lao động được công nhận danh hiệu Công nhân giỏi, 423 sáng kiến cấp cơ sở."
    assert brief(text) == [("Công nhân giỏi", None, 2020)]


def test_title_with_its_level_qualifier():
    text = "Năm 2024, bác sĩ Chu Văn Khiêm được tặng danh hiệu Chiến sĩ thi đua cấp thành phố."
    assert brief(text) == [("Chiến sĩ thi đua cấp thành phố", "Chu Văn Khiêm", 2024)]


def test_lowercase_title_after_danh_hieu():
    text = "Toàn ngành có 2.103 giáo viên đạt danh hiệu giáo viên dạy giỏi các cấp."
    assert [a["title"] for a in extract_facts(text)["awards"]] == ["giáo viên dạy giỏi"]


def test_certificate_with_giver_after_and_subject_unit_as_recipient():
    text = ("Dịp này, 15 tập thể và 27 cá nhân được nhận Bằng khen của LĐLĐ tỉnh vì có thành tích xuất sắc năm 2023; "
            "Công đoàn ngành Giáo dục tỉnh vinh dự nhận Cờ thi đua của Tổng LĐLĐ Việt Nam.")
    assert awards(text) == [
        {"title": "Bằng khen của LĐLĐ tỉnh", "recipient": None, "year": 2023, "kind": "bằng khen", "giver": "LĐLĐ tỉnh"},
        {"title": "Cờ thi đua của Tổng LĐLĐ Việt Nam", "recipient": "Công đoàn ngành Giáo dục tỉnh", "year": None,
         "kind": "cờ thi đua", "giver": "Tổng LĐLĐ Việt Nam"},
    ]


def test_giver_written_before_and_a_short_mention_resolved_to_the_full_name():
    text = ("Bác sĩ Huỳnh Thanh Sơn, Phó Giám đốc Trung tâm Y tế huyện Phụng Hiệp, được đồng nghiệp quý mến. "
            "Bác sĩ Sơn được Sở Y tế tặng Giấy khen vì có thành tích xuất sắc.")
    found = awards(text)
    assert found == [{"title": "Giấy khen", "recipient": "Huỳnh Thanh Sơn", "year": None, "kind": "giấy khen", "giver": "Sở Y tế"}]


def test_pronoun_subject_points_back_to_the_person_named_before():
    text = ("Tiêu biểu là anh Phạm Văn Khải, tổ trưởng tổ cơ khí Công ty TNHH Thủy sản Tân Lộc Phát. "
            "Anh vinh dự nhận Bằng khen của Tổng LĐLĐ Việt Nam năm 2023.")
    assert brief(text) == [("Bằng khen của Tổng LĐLĐ Việt Nam", "Phạm Văn Khải", 2023)]


def test_contest_prizes_end_before_where_and_when():
    text = ("Hay như anh Vũ Văn Hà, tổ trưởng tổ kỹ thuật của Công ty TNHH Kỹ thuật Lạc Việt, anh đã đạt giải nhất nghề "
            "Hàn CO2 tại Hội thi nghề giỏi lần thứ II năm 2019.")
    assert brief(text) == [("giải nhất nghề Hàn CO2", "Vũ Văn Hà", 2019)]


def test_prize_given_to_someone_named_after_it():
    text = "Giải nhất Hội thi thuộc về chị Lò Thị Xuân, công nhân tổ may số 7, Công ty CP May Sông Hồng Xanh."
    assert brief(text) == [("Giải nhất Hội thi", "Lò Thị Xuân", None)]


def test_giver_as_subject_gives_no_recipient_unless_named_after_cho():
    text = "LĐLĐ Thành phố trao Cờ thi đua xuất sắc năm 2024 cho LĐLĐ quận Hà Đông; tặng Bằng khen cho 3 đơn vị còn lại."
    found = awards(text)
    assert [(a["title"], a["recipient"], a["giver"]) for a in found] == [
        ("Cờ thi đua xuất sắc", "LĐLĐ quận Hà Đông", "LĐLĐ Thành phố"),
        ("Bằng khen", None, "LĐLĐ Thành phố"),
    ]


def test_named_prize_and_order_with_grade():
    text = ("Anh Nguyễn Hữu Tài nhận Giải thưởng Nguyễn Đức Cảnh năm 2022. Công đoàn cơ sở Công ty CP Sợi Hà Nam Tiến "
            "được Chủ tịch nước tặng Huân chương Lao động hạng Ba.")
    assert brief(text) == [("Giải thưởng Nguyễn Đức Cảnh", "Nguyễn Hữu Tài", 2022),
                           ("Huân chương Lao động hạng Ba", "Công đoàn cơ sở Công ty CP Sợi Hà Nam Tiến", None)]


def test_medal_with_quoted_name_and_an_apposition_before_the_verb():
    text = "ThS.BS Lê Thị Hải Yến, Trưởng khoa Nhi, Bệnh viện Đa khoa tỉnh Phú Thọ, được trao Kỷ niệm chương “Vì sức khỏe nhân dân”."
    assert brief(text) == [("Kỷ niệm chương “Vì sức khỏe nhân dân”", "Lê Thị Hải Yến", None)]


@pytest.mark.parametrize("text", [
    "Phong trào thi đua “Công nhân giỏi Thủ đô” được triển khai rộng khắp.",
    "LĐLĐ Thành phố sẽ xét tặng các danh hiệu cao hơn cho công nhân giỏi.",
    "Việc tổ chức tôn vinh các danh hiệu thi đua được tổ chức trang trọng.",
    "Chị Xuân còn được đề nghị Tổng LĐLĐ Việt Nam tặng Bằng khen.",
    "Học sinh do cô bồi dưỡng đã giành 2 giải Nhất, 5 giải Nhì cấp thành phố.",
    "Giải bóng đá công nhân Cúp báo Lao động Thủ đô khởi tranh ngày 20/4.",
    "Công tác thi đua, khen thưởng được đổi mới, bám sát tiêu chuẩn.",
])
def test_campaign_names_generic_titles_proposals_counts_and_events_are_not_awards(text):
    assert brief(text) == []


def test_one_entry_per_title_filling_the_year_from_a_later_mention():
    text = ("Phong trào thi đua “Lao động giỏi”, phấn đấu đạt danh hiệu “Công nhân giỏi” được triển khai. "
            "Phó Chủ tịch LĐLĐ Thành phố Lê Đình Hùng biểu dương các cá nhân đạt danh hiệu \"Công nhân giỏi\" năm 2020.")
    assert brief(text) == [("Công nhân giỏi", None, 2020)]


@pytest.mark.parametrize("text", ["", "Bằng khen", "danh hiệu", "giải nhất", "Giải thưởng", "Bằng khen của",
                                  "English text: the Certificate of Merit was given in 2020.", "danh hiệu " * 2000])
def test_bad_input_gives_no_exception(text):
    assert isinstance(extract_facts(text)["awards"], list)


SEEDS = ["seed-000", "seed-001", "seed-003"]


@pytest.mark.parametrize("seed", SEEDS)
def test_seed_articles_give_their_gold_awards(corpus, seed):
    """Every gold item of the hand-labelled seeds comes out, and nothing outside gold and optional."""
    import json

    from thidua.evals.match import align
    from thidua.extract.pipeline import extract_path

    gold = json.loads((corpus / "labelled" / f"{seed}.json").read_text(encoding="utf-8"))
    record = extract_path(corpus / gold["source_file"])
    pairs, missed, extras = align("awards", gold["awards"], gold.get("awards_optional", []), record["awards"])
    assert missed == [] and extras == []
    assert len(pairs) == len(gold["awards"])


def test_birth_year_is_not_the_award_year_and_a_second_award_shares_the_subject():
    text = ("Chị Trần Thị Mai (SN 1992), công nhân Công ty TNHH Canon Việt Nam, được Thủ tướng Chính phủ tặng Bằng khen "
            "và Huân chương Lao động hạng Ba.")
    assert [(a["title"], a["recipient"], a["year"], a["giver"]) for a in extract_facts(text)["awards"]] == [
        ("Bằng khen", "Trần Thị Mai", None, "Thủ tướng Chính phủ"),
        ("Huân chương Lao động hạng Ba", "Trần Thị Mai", None, "Thủ tướng Chính phủ")]


def test_medal_with_its_unquoted_name_and_prize_with_its_quoted_contest():
    text = ("Thứ trưởng Trương Thanh Hoài trao Kỷ niệm chương Vì sự nghiệp xây dựng tổ chức Công đoàn cho 5 cá nhân. "
            "Tại hội thi năm 2024, đội Công ty CP Đồng Tiến giành giải Nhì toàn đoàn. Em Lê Minh Khoa, học sinh "
            "Trường THPT Chuyên Lương Thế Vinh, đoạt giải Ba cuộc thi “Sáng tạo trẻ”.")
    assert brief(text) == [("Kỷ niệm chương Vì sự nghiệp xây dựng tổ chức Công đoàn", None, None),
                           ("giải Nhì toàn đoàn", "Công ty CP Đồng Tiến", 2024),
                           ("giải Ba cuộc thi “Sáng tạo trẻ”", "Lê Minh Khoa", None)]


def test_prize_won_by_a_team_of_a_named_unit():
    text = "Ban Tổ chức trao 1 giải Nhất, 2 giải Nhì cho các đội. Giải Nhất thuộc về đội Công đoàn Công ty Điện lực Hà Đông."
    assert brief(text) == [("Giải Nhất", "Công đoàn Công ty Điện lực Hà Đông", None)]


def test_certificates_from_two_givers_are_two_awards_named_by_giver():
    text = ("Nhân dịp này, Tổng LĐLĐ Việt Nam tặng Bằng khen cho 15 cá nhân; LĐLĐ Thành phố tặng Bằng khen và danh hiệu "
            "“Công nhân giỏi Thủ đô” năm 2024 cho 100 công nhân.")
    assert [a["title"] for a in extract_facts(text)["awards"]] == [
        "Bằng khen của Tổng LĐLĐ Việt Nam", "Bằng khen của LĐLĐ Thành phố", "Công nhân giỏi Thủ đô"]


def test_one_body_written_in_full_and_short_gives_one_certificate():
    text = ("Lãnh đạo LĐLĐ huyện Đông Anh trao Giấy khen cho các tập thể. Dịp này, LĐLĐ huyện tặng Giấy khen cho 21 tập thể.")
    assert [a["title"] for a in extract_facts(text)["awards"]] == ["Giấy khen"]


def test_passive_giver_before_a_title_and_an_abbreviated_union_as_giver():
    text = ("Anh Nguyễn Đức Thắng, thợ lò Công ty Than Mạo Khê, là một điển hình. Năm 2023, anh được Chủ tịch nước tặng "
            "danh hiệu Anh hùng Lao động. Dịp này, Công đoàn TKV tặng Bằng khen cho 45 tập thể, 120 cá nhân.")
    assert [(a["title"], a["recipient"], a["year"], a["giver"]) for a in extract_facts(text)["awards"]] == [
        ("Anh hùng Lao động", "Nguyễn Đức Thắng", 2023, None), ("Bằng khen", None, None, "Công đoàn TKV")]


def test_a_heading_about_titles_in_general_is_no_title():
    text = "Những danh hiệu nối dài\n\nAnh Lường Văn Khiêm đạt danh hiệu Chiến sĩ thi đua cơ sở năm 2021."
    assert [a["title"] for a in extract_facts(text)["awards"]] == ["Chiến sĩ thi đua cơ sở"]
