"""thidua_statistics: value, unit, kind; what is not a statistic."""
import pytest
import spacy
from spacy.tokens import Doc
from thidua.extract.nlp import analyse, extract_facts
from thidua.extract.nlp.components.date_ranges import date_ranges
from thidua.extract.nlp.components.phases import phases
from thidua.extract.nlp.components.statistics import statistics
from thidua.extract.nlp.facts import facts_of


def stats(text, published=None):
    doc = analyse(text, published)
    return [(a["value"], a["unit"]) for _, a in facts_of(doc, "statistics")]


@pytest.mark.parametrize("text, expected", [
    ("Năm 2020, quận có 321 công nhân lao động được công nhận danh hiệu", [(321, "công nhân lao động")]),
    ("biểu dương 48 công nhân giỏi, 12 sáng kiến sáng tạo cấp quận năm 2020.", [(48, "công nhân giỏi"), (12, "sáng kiến sáng tạo")]),
    ("CNVCLĐ đã có 52.223 sáng kiến hợp lệ.", [(52223, "sáng kiến")]),
    ("giá trị làm lợi 1.157,42 tỷ đồng.", [(1157420000000, "đồng")]),
    ("tổng kinh phí hơn 258,7 tỉ đồng", [(258700000000, "đồng")]),
    ("thăm hỏi 2,2 triệu lượt đoàn viên", [(2200000, "lượt đoàn viên")]),
    ("Hơn 300 đại biểu là cán bộ công đoàn dự hội nghị.", [(300, "đại biểu")]),
    ("đạt 108,9% chỉ tiêu", [(108.9, "%")]),
    ("phiếu mua hàng 500.000 đồng", [(500000, "đồng")]),
    ("12 cụm, khối thi đua trực thuộc LĐLĐ tỉnh", [(12, "cụm, khối thi đua")]),
    ("tổ chức 5 “Phiên chợ Công đoàn”, bán hàng", [(5, "Phiên chợ Công đoàn")]),
    ("hơn 1.200 lượt bệnh nhân không phải chuyển tuyến", [(1200, "lượt bệnh nhân")]),
    ("trao 30 suất quà cho đoàn viên", [(30, "suất quà")]),
    ("chăm lo cho 18.500 đoàn viên, người lao động với tổng kinh phí", [(18500, "đoàn viên, người lao động")]),
    ("15 tập thể và 27 cá nhân được nhận Bằng khen", [(15, "tập thể"), (27, "cá nhân")]),
    ("Cụm gồm LĐLĐ 6 quận: Đống Đa, Hai Bà Trưng", [(6, "quận")]),
    ("giảm 15% thời gian dừng máy", [(15, "%")]),
    ("tổng kinh phí 3 tỷ 500 triệu đồng cho", [(3500000000, "đồng")]),
    ("thu nhập bình quân 8,7 triệu đồng/người/tháng", [(8700000, "đồng")]),
    ("hơn 1.100 lái xe, phụ xe, Công ty CP Vận tải", [(1100, "lái xe, phụ xe")]),
    ("30 quận, huyện, thị xã có", [(30, "quận, huyện, thị xã")]),
    ("5.372 sáng kiến, làm lợi 45,8 tỉ đồng", [(5372, "sáng kiến"), (45800000000, "đồng")]),
    ("kết nạp 1,2 triệu đoàn viên", [(1200000, "đoàn viên")]),
    ("trao 20 “Công nhân giỏi”", [(20, "Công nhân giỏi")]),
])
def test_value_and_unit(text, expected):
    assert stats(text) == expected


@pytest.mark.parametrize("text", [
    "Các đơn vị trong Cụm thi đua số 1 luôn đổi mới",
    "Đại hội Đảng bộ thành phố lần thứ 17 thành công",
    "theo Kế hoạch số 126/KH-LĐLĐ ngày 2/1/2025 về công tác thi đua",
    "Nghị quyết số 02-NQ/TW ngày 12/6/2021 của Bộ Chính trị",
    "kỷ niệm 95 năm Ngày thành lập Công đoàn Việt Nam",
    "chị 4 năm liền đạt danh hiệu, anh 35 tuổi",
    "Năm 2023 là năm bản lề; ngày 8/3 và tháng 6/2022",
    "Liên hệ đường dây nóng 0912 345 678",
    "hưởng ứng phong trào “500 ngày đêm thi đua hoàn thành 3.000 km đường bộ cao tốc”",
    "1 trong những đơn vị dẫn đầu",
    "Đợt 1 từ ngày 1/1/2023 đến 30/6/2023",
    "Covid-19 và CO2",
    "hàng ngàn CNVCLĐ",
    "tại số 12 phố Chu Văn An, Quận 1",
    "tại 12 Trần Hưng Đạo",  # an address, not a count
    "mô hình 5S và công nghiệp 4.0 và",
    "từ 8-10 triệu đồng",  # a spread, not one value
    "mỗi tổ từ 5 đến 7 người",
    "khai mạc lúc 8 giờ 30 phút",
    "bố trí xe 45 chỗ",
    "1/3 số đoàn viên là nữ",
    "đứng top 10 doanh nghiệp",
])
def test_not_statistics(text):
    assert stats(text) == []


def test_kind_and_qualifier():
    text = "Năm 2023 kết nạp hơn 2.614 đoàn viên. LĐLĐ tỉnh phấn đấu có ít nhất 70% CĐCS hoàn thành tốt nhiệm vụ."
    doc = analyse(text)
    found = [a for _, a in facts_of(doc, "statistics")]
    assert [(f["value"], f["kind"], f["qualifier"]) for f in found] == [(2614, "result", "hơn"), (70, "target", "ít nhất")]
    assert found[1]["text"] == "ít nhất 70%"


def test_target_cue_reaches_over_numbers_with_dots():
    text = "Trong đợt 2, công đoàn đặt mục tiêu có thêm ít nhất 2.000 sáng kiến và 100% công đoàn cơ sở tổ chức đối thoại."
    doc = analyse(text)
    assert [(a["value"], a["kind"]) for _, a in facts_of(doc, "statistics")] == [(2000, "target"), (100, "target")]


def test_a_repeated_statistic_counts_once():
    assert stats("Biểu dương 48 công nhân giỏi. Trong số 48 công nhân giỏi có 5 nữ đoàn viên.") == [
        (48, "công nhân giỏi"), (5, "nữ đoàn viên")]


@pytest.mark.parametrize("text", ["", "English text with 300 workers and 95% coverage.", "9" * 20000, "1.2.3.4.5,6,7 %%% đồng"])
def test_bad_input(text):
    assert isinstance(extract_facts(text)["statistics"], list)


MEGABYTE_WORDS = ("công nhân lao động 300 đoàn viên từ ngày 1/1/2023 đến 30/6/2023 đợt 1 giai đoạn 2015 2020 "
                  "quý II năm nay hơn 52.223 sáng kiến Cụm thi đua số 1 0912345678")


def test_a_megabyte_without_punctuation():
    """The components alone on 1 MB of words (no sentence bounds, words split at spaces as
    when segmentation fails): no error, sensible facts."""
    words = MEGABYTE_WORDS.split()
    text = " ".join(words[i % len(words)] for i in range(80000))[:1_000_000]
    doc = Doc(spacy.blank("vi", config={"nlp": {"tokenizer": {"use_pyvi": False}}}).vocab, words=text.split())
    doc.user_data["published"] = "2024-01-01"
    for component in (date_ranges, phases, statistics):
        doc = component(doc)
    found = {(a["value"], a["unit"]) for _, a in facts_of(doc, "statistics")}
    assert (52223, "sáng kiến") in found and (300, "đoàn viên") in found
    assert all(value not in (1, 912345678) for value, _ in found)
    assert [(a["start"], a["end"]) for _, a in facts_of(doc, "date_ranges")][:1] == [("2023-01-01", "2023-06-30")]


@pytest.mark.parametrize("text, expected", [
    ("Năm 2024, LĐLĐ huyện đứng thứ 2 trong Cụm thi đua số 3.", [(2, "thứ", "result")]),
    ("Đội tuyển xếp hạng 3 toàn đoàn, phấn đấu năm sau xếp thứ 1.", [(3, "hạng", "result"), (1, "thứ", "target")]),
    ("Đại hội Công đoàn huyện lần thứ 2 diễn ra thành công.", []),
])
def test_ranks_are_statistics_ordinals_are_not(text, expected):
    assert [(s["value"], s["unit"], s["kind"]) for s in extract_facts(text)["statistics"]] == expected


@pytest.mark.parametrize("text, expected", [
    ("Công nhân đã có 1.200 sáng kiến, cải tiến kỹ thuật được áp dụng.", [(1200, "sáng kiến, cải tiến kỹ thuật")]),
    ("Có 450 đoàn viên nữ tham gia hội thao gồm 6 môn thể thao.", [(450, "đoàn viên nữ"), (6, "môn thể thao")]),
    ("Huyện có 12 trường trung học phổ thông.", [(12, "trường trung học phổ thông")]),
    ("Anh đạt bậc 3 chứ không phải bậc 2 như năm trước.", []),
])
def test_kinds_of_things_counted(text, expected):
    assert stats(text) == expected


def test_zero_dong_is_free_not_an_amount():
    assert stats("Gian hàng 0 đồng phục vụ 500 công nhân.") == [(500, "công nhân")]


@pytest.mark.parametrize("text, expected", [
    ("Chị Lê Thị Ngát, công nhân Tổ may 3 kể lại năm đầu vào nghề.", []),
    ("Công nhân Xí nghiệp 6 thay mặt đoàn viên phát biểu.", []),
    ("Năng suất tăng bình quân 9,2%/năm trong giai đoạn.", [(9.2, "%")]),
])
def test_a_number_in_a_name_before_a_verb_and_a_yearly_rate(text, expected):
    assert stats(text) == expected
