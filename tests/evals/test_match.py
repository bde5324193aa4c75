"""The matching rules of ANNOTATION.md, row by row."""
import pytest

from thidua.evals.match import align, same_head, same_name, scaled, statistic_matches, token_f1


@pytest.mark.parametrize("a, b", [
    ("Lao động giỏi, lao động sáng tạo", "“Lao động giỏi, Lao động sáng tạo”"),
    ("Hài hoà", "hài hòa"),
    ("Giỏi  việc nước, đảm việc nhà", "Giỏi việc nước, đảm việc nhà"),
])
def test_names_match_ignoring_case_quotes_spacing_tones(a, b):
    assert same_name(a, b)


def test_different_campaigns_do_not_match():
    assert not same_name("Lao động giỏi", "Lao động sáng tạo")
    assert not same_name("Lao động giỏi", "Lao động giỏi, lao động sáng tạo")


def test_token_f1_threshold():
    assert token_f1("a b c d e f g", "a b c d e f g h") > 0.85
    assert token_f1("công nhân lao động", "công nhân") < 0.85


def test_statistics_match_by_value_and_unit_with_scale_words():
    assert scaled(258.7, "tỉ đồng") == (258700000000.0, "đồng")
    assert statistic_matches({"value": 258700000000, "unit": "đồng"}, {"value": 258.7, "unit": "tỉ đồng"})
    assert statistic_matches({"value": 20, "unit": "%"}, {"value": 20.0, "unit": "%"})
    assert not statistic_matches({"value": 20, "unit": "%"}, {"value": 21, "unit": "%"})
    assert not statistic_matches({"value": 48, "unit": "công nhân giỏi"}, {"value": 48, "unit": "sáng kiến"})


def test_a_unit_with_modifiers_added_or_left_out_still_matches():
    assert same_head("công nhân", "công nhân nhận khoán")
    assert same_head("đoàn viên, người lao động", "đoàn viên")
    assert not same_head("công nhân", "công trình")
    assert not same_head("nhân", "công nhân")  # whole words only
    assert statistic_matches({"value": 300, "unit": "công nhân nhận khoán"}, {"value": 300, "unit": "công nhân"})
    assert not statistic_matches({"value": 300, "unit": "công nhân nhận khoán"}, {"value": 301, "unit": "công nhân"})
    assert not statistic_matches({"value": 6, "unit": "quận"}, {"value": 6, "unit": "đơn vị"})


def test_an_exact_unit_is_matched_before_a_looser_one():
    # both facts have value 100; the looser unit must not take the exact one's gold item
    gold = [{"value": 100, "unit": "công nhân"}, {"value": 100, "unit": "Công nhân giỏi Thủ đô"}]
    predicted = [{"value": 100, "unit": "Công nhân giỏi Thủ đô"}, {"value": 100, "unit": "công nhân"}]
    pairs, missed, extras = align("statistics", gold, [], predicted)
    assert [(g["unit"], p["unit"]) for g, p in pairs] == [("công nhân", "công nhân"),
                                                          ("Công nhân giỏi Thủ đô", "Công nhân giỏi Thủ đô")]
    assert not missed and not extras


def test_align_counts_repeats_once_and_ignores_optional_items():
    gold = [{"name": "Lao động giỏi"}, {"name": "1 triệu sáng kiến", "aliases": ["1 triệu sáng kiến - nỗ lực vượt khó"]}]
    optional = ["thi đua yêu nước"]
    predicted = [{"name": "Lao động giỏi"}, {"name": "lao động giỏi"}, {"name": "1 triệu sáng kiến - nỗ lực vượt khó"},
                 {"name": "Thi đua yêu nước"}, {"name": "Tháng Công nhân"}]
    pairs, missed, extras = align("campaigns", gold, optional, predicted)
    assert len(pairs) == 2 and not missed
    assert extras == [{"name": "Tháng Công nhân"}]


def test_phases_need_number_and_both_dates():
    gold = [{"number": 1, "start": "2023-01-01", "end": "2023-06-30"}]
    assert align("phases", gold, [], [{"number": 1, "start": "2023-01-01", "end": "2023-06-30"}])[0]
    assert not align("phases", gold, [], [{"number": 2, "start": "2023-01-01", "end": "2023-06-30"}])[0]
    assert not align("phases", gold, [], [{"number": 1, "start": "2023-01-01", "end": None}])[0]


def test_repeats_are_merged_exactly_never_fuzzily():
    gold = [{"title": "Giải nhất Hội thi thợ giỏi nghề may công nghiệp"},
            {"title": "Giải nhì Hội thi thợ giỏi nghề may công nghiệp"}]
    predicted = [{"title": g["title"]} for g in gold] + [{"title": "giải nhất hội thi thợ giỏi nghề may công nghiệp"}]
    pairs, missed, extras = align("awards", gold, [], predicted)
    assert len(pairs) == 2 and not missed and not extras


def test_a_role_split_elsewhere_between_role_and_organisation_is_the_same_role():
    from thidua.evals.match import same_role
    gold = {"role": "công nhân Tổ may 3", "organization": "Công ty May Hà Phong"}
    assert same_role(gold, {"role": "công nhân", "organization": "Tổ may 3, Công ty May Hà Phong"})
    assert same_role({"role": "Phó Trưởng phòng", "organization": "phòng Giáo dục và Đào tạo huyện Ba Vì"},
                     {"role": "Phó Trưởng phòng Giáo dục và Đào tạo", "organization": "huyện Ba Vì"})
    # the words left out of the role must be in the other side's organisation
    assert not same_role(gold, {"role": "công nhân", "organization": "Công ty May Hà Phong"})
    assert not same_role({"role": "công nhân", "organization": None}, {"role": "công nhân Tổ may 3", "organization": "Công ty X"})
    assert not same_role({"role": "Phó Chủ tịch", "organization": "LĐLĐ quận"}, {"role": "Chủ tịch", "organization": "LĐLĐ quận"})
    assert not same_role({"role": "Phó Chủ tịch Thường trực", "organization": "LĐLĐ quận"}, {"role": "Phó Chủ tịch", "organization": "LĐLĐ quận"})
