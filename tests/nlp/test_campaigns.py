"""thidua_campaigns: named movements and programmes, and what is not one."""
import pytest
from thidua.extract.nlp import extract_facts


def campaigns(text):
    return [(c["name"], c["kind"]) for c in extract_facts(text)["campaigns"]]


def names(text):
    return [c["name"] for c in extract_facts(text)["campaigns"]]


@pytest.mark.parametrize("text, expected", [
    ("LĐLĐ huyện phát động phong trào thi đua “Lao động giỏi, lao động sáng tạo” trong CNVCLĐ.",
     [("Lao động giỏi, lao động sáng tạo", "phong trào")]),
    ("Các CĐCS hưởng ứng cuộc vận động “Mỗi công nhân một sáng kiến” năm 2024.",
     [("Mỗi công nhân một sáng kiến", "cuộc vận động")]),
    ("Đoàn viên tích cực tham gia Chương trình “1 triệu sáng kiến” của Tổng LĐLĐ Việt Nam.",
     [("1 triệu sáng kiến", "chương trình")]),
    ("Công đoàn ngành đẩy mạnh thi đua “Dạy tốt - Học tốt” trong các trường học.",
     [("Dạy tốt - Học tốt", "thi đua")]),
    ("Công đoàn phát động đợt thi đua “100 ngày đêm lao động sáng tạo” trong công nhân.",
     [("100 ngày đêm lao động sáng tạo", "thi đua")]),
    ("Nữ CNVCLĐ hưởng ứng phong trào thi đua yêu nước “Giỏi việc nước, đảm việc nhà”.",
     [("Giỏi việc nước, đảm việc nhà", "phong trào")]),
])
def test_quoted_name_after_a_cue(text, expected):
    assert campaigns(text) == expected


def test_a_list_gives_one_campaign_per_quote():
    text = ("Trọng tâm là các phong trào thi đua “Lao động giỏi, lao động sáng tạo”, “Công nhân giỏi Thủ đô”, "
            "\"Sáng kiến, sáng tạo Thủ đô” và “Xanh - Sạch - Đẹp”.")
    assert names(text) == ["Lao động giỏi, lao động sáng tạo", "Công nhân giỏi Thủ đô",
                           "Sáng kiến, sáng tạo Thủ đô", "Xanh - Sạch - Đẹp"]


def test_a_list_introduced_by_nhu():
    text = "Công đoàn đẩy mạnh các phong trào thi đua như: “Lao động giỏi”, “Sáng kiến vì an toàn”."
    assert campaigns(text) == [("Lao động giỏi", "phong trào"), ("Sáng kiến vì an toàn", "phong trào")]


def test_unquoted_number_led_programme_and_its_quoted_short_form_count_once():
    text = ("CNLĐ tích cực hưởng ứng Chương trình 1 triệu sáng kiến - nỗ lực vượt khó, sáng tạo, quyết tâm chiến thắng "
            "đại dịch Covid-19, do Tổng LĐLĐ Việt Nam phát động. Mỗi CĐCS cập nhật sáng kiến trên hệ thống Chương trình "
            "“1 triệu sáng kiến”.")
    assert names(text) == ["1 triệu sáng kiến"]


def test_unquoted_number_led_programme_alone_keeps_its_full_name():
    text = "Công nhân hưởng ứng Chương trình 1 triệu sáng kiến - nỗ lực vượt khó, do Tổng LĐLĐ Việt Nam phát động."
    assert names(text) == ["1 triệu sáng kiến - nỗ lực vượt khó"]


def test_unquoted_capitalised_names_after_strong_cues():
    text = ("Các LĐLĐ quận triển khai các phong trào thi đua Lao động giỏi, Lao động sáng tạo trong công nhân và "
            "phong trào Giỏi việc nước - Đảm việc nhà trong nữ CNVCLĐ. Công đoàn vận động đoàn viên hưởng ứng cuộc "
            "vận động Người Việt Nam ưu tiên dùng hàng Việt Nam qua các phiên chợ.")
    assert names(text) == ["Lao động giỏi", "Lao động sáng tạo", "Giỏi việc nước - Đảm việc nhà",
                           "Người Việt Nam ưu tiên dùng hàng Việt Nam"]


@pytest.mark.parametrize("text", [
    "LĐLĐ tỉnh chọn chủ đề năm 2024 là “Đẩy mạnh chuyển đổi số, nâng cao chất lượng hoạt động công đoàn”.",
    "Phong trào gắn với khẩu hiệu “Công đoàn đồng hành cùng người lao động”.",
    "Đợt 1 từ ngày 1/1/2023 đến 30/6/2023, với chủ đề “Đoàn kết, sáng tạo, thi đua lập thành tích”.",
    "Công đoàn tổ chức Hội thi “Thợ giỏi ngành Xây dựng” lần thứ VI.",
    "Nhiều đơn vị xây dựng mô hình “Bữa cơm công đoàn” cho công nhân.",
    "Chị Lan đạt danh hiệu “Chiến sĩ thi đua cơ sở” năm 2023.",
    "Thấm nhuần lời Bác Hồ dạy: “Thi đua là yêu nước, yêu nước thì phải thi đua”.",
    "Cán bộ thực hiện Nghị quyết số 02-NQ/TW về “Đổi mới tổ chức và hoạt động của Công đoàn Việt Nam”.",
    "Công nhân vẫn nêu cao tinh thần thi đua: “Khó khăn gấp đôi, cố gắng gấp ba”.",
    "Theo kế hoạch, các phong trào thi đua được triển khai sâu rộng trong toàn ngành.",
    "Tháng Công nhân năm nay có chủ đề “Đoàn kết, sáng tạo, nâng cao đời sống công nhân lao động”.",
    "“Mỗi hoạt động đều xuất phát từ nhu cầu thực tế của đoàn viên”, ông Bảo nói.",
    "Theo Chỉ thị, Nghị quyết, Chương trình, Kế hoạch của Trung ương, các đơn vị triển khai nhiệm vụ.",
    "Tạo động lực cho phong trào thi đua\n\nPhát biểu tại buổi họp mặt, ông Trí ghi nhận.",
    "Tại chương trình “Đối thoại, tư vấn, hướng nghiệp”, hơn 1.000 học sinh được tư vấn.",
])
def test_themes_slogans_events_models_titles_and_speech_are_not_campaigns(text):
    assert names(text) == []


def test_campaign_title_used_as_award_is_not_a_campaign_there():
    text = "Phong trào thi đua “Lao động giỏi”, phấn đấu đạt danh hiệu “Công nhân giỏi”, “Sáng kiến sáng tạo” được triển khai."
    assert names(text) == ["Lao động giỏi"]


def test_one_entry_per_name_and_offsets_point_at_the_name():
    text = "Phong trào “Lao động giỏi” lan tỏa. Nâng cao chất lượng phong trào thi đua “lao động giỏi”."
    found = extract_facts(text)["campaigns"]
    assert len(found) == 1
    assert text[found[0]["char_start"]:found[0]["char_end"]] == "Lao động giỏi"


@pytest.mark.parametrize("text", ["", "   \n\n", "The union launched the “Good Worker” campaign in 2024.",
                                  "“”“ \" phong trào “", "phong trào " * 3000])
def test_bad_input_gives_no_exception(text):
    assert isinstance(extract_facts(text)["campaigns"], list)


SEEDS = ["seed-000", "seed-001", "seed-003"]


@pytest.mark.parametrize("seed", SEEDS)
def test_seed_articles_give_their_gold_campaigns(corpus, seed):
    """Every gold item of the hand-labelled seeds comes out, and nothing outside gold and optional."""
    import json

    from thidua.evals.match import align
    from thidua.extract.pipeline import extract_path

    gold = json.loads((corpus / "labelled" / f"{seed}.json").read_text(encoding="utf-8"))
    record = extract_path(corpus / gold["source_file"])
    pairs, missed, extras = align("campaigns", gold["campaigns"], gold.get("campaigns_optional", []), record["campaigns"])
    assert missed == [] and extras == []
    assert len(pairs) == len(gold["campaigns"])


def test_an_adjective_between_the_cue_and_the_quoted_names():
    text = ("Công đoàn ngành yêu cầu gắn đợt thi đua với các phong trào thi đua thường xuyên “Lao động giỏi, lao động "
            "sáng tạo”, “Xanh - Sạch - Đẹp, bảo đảm an toàn vệ sinh lao động”.")
    assert [c["name"] for c in extract_facts(text)["campaigns"]] == [
        "Lao động giỏi, lao động sáng tạo", "Xanh - Sạch - Đẹp, bảo đảm an toàn vệ sinh lao động"]
