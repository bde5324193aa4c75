"""thidua_phases: numbered stages with their dates, theme and campaign."""
from thidua.extract.nlp import analyse, extract_facts
from thidua.extract.nlp.facts import facts_of


def phases(text, published=None):
    doc = analyse(text, published)
    return [{k: a[k] for k in ("number", "start", "end", "theme", "campaign")} for _, a in facts_of(doc, "phases")]


SEED = ("Công đoàn yêu cầu tổ chức phát động phong trào thi đua trong CNVCLĐ năm 2023, theo 2 đợt.\n\n"
        "Đợt 1 từ ngày 1/1/2023 đến 30/6/2023, với chủ đề “Đoàn kết, sáng tạo, thi đua lập thành tích”. "
        "Đợt 2 từ 1/7/2023 đến 31/12/2023 với chủ đề “Thi đua lao động giỏi, lao động sáng tạo”.")


def test_two_phases_with_dates_and_themes():
    assert phases(SEED) == [
        {"number": 1, "start": "2023-01-01", "end": "2023-06-30", "theme": "Đoàn kết, sáng tạo, thi đua lập thành tích", "campaign": None},
        {"number": 2, "start": "2023-07-01", "end": "2023-12-31", "theme": "Thi đua lao động giỏi, lao động sáng tạo", "campaign": None},
    ]


def test_phases_in_one_sentence_with_semicolons_and_a_phase_without_theme():
    text = ("Theo kế hoạch, phong trào thi đua năm 2024 được tổ chức thành 3 đợt. Đợt 1 từ ngày 9-1 đến ngày 30-4-2024, "
            "với chủ đề “Thi đua lập thành tích”; đợt 2 từ ngày 1-5 đến ngày 2-9, với chủ đề “Vì an toàn”; "
            "đợt 3 từ ngày 3-9 đến ngày 15-12-2024, tập trung hoàn thành các chỉ tiêu cả năm.")
    found = phases(text)
    assert [(p["number"], p["start"], p["end"], p["theme"]) for p in found] == [
        (1, "2024-01-09", "2024-04-30", "Thi đua lập thành tích"),
        (2, "2024-05-01", "2024-09-02", "Vì an toàn"),
        (3, "2024-09-03", "2024-12-15", None),
    ]


def test_evidence_is_the_phase_clause():
    doc = analyse(SEED)
    texts = [attrs["text"] for _, attrs in facts_of(doc, "phases")]
    assert texts[0] == "Đợt 1 từ ngày 1/1/2023 đến 30/6/2023, với chủ đề “Đoàn kết, sáng tạo, thi đua lập thành tích”"
    assert texts[1].endswith("“Thi đua lao động giỏi, lao động sáng tạo”")
    for _, attrs in facts_of(doc, "phases"):
        assert SEED[attrs["char_start"]:attrs["char_end"]] == attrs["text"]


def test_campaign_named_in_the_announcing_sentence():
    text = ("Phong trào thi đua “Năng suất - Chất lượng - An toàn” được phát động trong hơn 1.400 doanh nghiệp, "
            "chia làm hai đợt. Đợt 1 từ 15/3/2024 đến 15/5/2024, với chủ đề “Chào mừng Tháng Công nhân”; "
            "đợt 2 từ 16/5 đến 31/8/2024.")
    assert [p["campaign"] for p in phases(text)] == ["Năng suất - Chất lượng - An toàn"] * 2


def test_campaign_referred_back_to():
    text = ("Ngày 7/4, Công đoàn phát động phong trào thi đua “Lao động sáng tạo, về đích sớm” trong toàn ngành. "
            "Phong trào được chia làm hai đợt.\n\nĐợt 1 từ ngày 8/4/2025 đến hết 30/6/2025, với chủ đề “Thi đua lập thành tích”. "
            "Đợt 2 từ 1/7 đến ngày 2/9/2025.")
    assert [p["campaign"] for p in phases(text)] == ["Lao động sáng tạo, về đích sớm"] * 2


def test_no_campaign_for_the_years_movement_in_general():
    text = ("Phong trào “Giỏi việc nước, đảm việc nhà” được hưởng ứng sôi nổi.\n\nTheo kế hoạch, phong trào thi đua "
            "năm 2024 được tổ chức thành 2 đợt. Đợt 1 từ ngày 9-1 đến ngày 30-4-2024; đợt 2 từ ngày 1-5 đến ngày 2-9-2024.")
    assert [p["campaign"] for p in phases(text)] == [None, None]


def test_campaign_named_right_after_the_cue():
    text = ("Phong trào “Lao động giỏi” được hưởng ứng. Giai đoạn 2 của Chương trình “1 triệu sáng kiến” "
            "(2023 - 2028) có chủ đề “Nỗ lực vượt khó”.")
    assert [(p["number"], p["start"], p["end"], p["campaign"]) for p in phases(text)] == [(2, "2023", "2028", "1 triệu sáng kiến")]


def test_stage_of_the_programme_named_before():
    text = ("Chương trình “Mỗi công nhân một sáng kiến” do LĐLĐ tỉnh phát động. Giai đoạn 1 của chương trình "
            "(2021 - 2023) ghi nhận 21.540 sáng kiến. Giai đoạn 2 (2024 - 2026) đặt mục tiêu mỗi năm có 15.000 sáng kiến.")
    assert [(p["number"], p["campaign"]) for p in phases(text)] == [(1, "Mỗi công nhân một sáng kiến"), (2, "Mỗi công nhân một sáng kiến")]


def test_roman_and_word_numbers():
    text = "Đợt II từ ngày 1/7/2023 đến 31/12/2023. Giai đoạn thứ hai (2021-2023) có chủ đề “Tăng tốc”."
    assert [(p["number"], p["start"], p["end"]) for p in phases(text)] == [(2, "2023-07-01", "2023-12-31"), (2, "2021", "2023")]


def test_relative_start_uses_publication_date():
    text = "Đợt 1 từ nay đến hết 30/6; đợt 2 từ ngày 1/7 đến ngày 28/7 với chủ đề “Công đoàn đồng hành”."
    found = phases(text, "2024-04-17T08:00:00+07:00")
    assert [(p["number"], p["start"], p["end"]) for p in found] == [(1, "2024-04-17", "2024-06-30"), (2, "2024-07-01", "2024-07-28")]


def test_numbered_mentions_without_dates_or_theme_are_not_phases():
    text = ("Quyết tâm phấn đấu hoàn thành chỉ tiêu đăng ký sáng kiến giai đoạn 2. "
            "Kế hoạch phát triển kinh tế - xã hội giai đoạn 2015 – 2020 đã hoàn thành. Đợt năm 2024 thành công. "
            "Giai đoạn 2 của dự án đường Vành đai 4 (2024-2026) đã khởi công.")
    assert phases(text) == []


def test_bad_input():
    for text in ("", "Đợt", "Đợt 1", "Giai đoạn 99 từ 1/1/2023 đến 2/1/2023", "đợt " * 3000):
        assert isinstance(extract_facts(text)["phases"], list)
    assert extract_facts("Giai đoạn 99 từ 1/1/2023 đến 2/1/2023")["phases"] == []


def test_a_stage_named_in_passing_does_not_take_a_later_period():
    text = ("Kết thúc đợt 1, năng suất tăng 8,4%. Bước sang đợt 2, nhất là trong quý III/2024, khi đơn hàng "
            "dồn dập, nhiều tổ làm thêm giờ. Đợt 3, từ ngày 1/10 đến 15/12/2024, với chủ đề “Về đích”.")
    assert [(p["number"], p["start"], p["end"]) for p in extract_facts(text)["phases"]] == [(3, "2024-10-01", "2024-12-15")]
