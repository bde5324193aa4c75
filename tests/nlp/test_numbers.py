"""Vietnamese number writing: thousands dots, decimal commas, scale words, qualifiers."""
import pytest
from thidua.extract.nlp.numbers import apply_scales, parse_number, qualifier_before


@pytest.mark.parametrize("written, value", [
    ("52.223", 52223),
    ("1.157,42", 1157.42),
    ("2,2", 2.2),
    ("258,7", 258.7),
    ("300", 300),
    ("1.000.000", 1000000),
    ("18.500", 18500),
    ("1,234,567", 1234567),
    ("1.5", 1.5),
    ("0,5", 0.5),
])
def test_parse_number(written, value):
    assert parse_number(written) == value


@pytest.mark.parametrize("written", ["", "abc", "1..2", "0243.825.1234", "12/6"])
def test_parse_number_rejects(written):
    assert parse_number(written) is None


@pytest.mark.parametrize("value, words, scaled", [
    (258.7, ["tỉ"], 258700000000),
    (2.2, ["triệu"], 2200000),
    (1157.42, ["tỷ"], 1157420000000),
    (3, ["nghìn", "tỷ"], 3000000000000),
    (5, ["ngàn"], 5000),
])
def test_apply_scales(value, words, scaled):
    assert apply_scales(value, words) == scaled
    assert isinstance(apply_scales(value, words), int)


@pytest.mark.parametrize("before, qualifier", [
    ("đã vận động hơn ", "hơn"),
    ("ít nhất ", "ít nhất"),
    ("với tổng kinh phí khoảng ", "khoảng"),
    ("giá trị làm lợi ước tính ", "ước tính"),
    ("tổ chức ", None),
    ("nhơn ", None),
])
def test_qualifier_before(before, qualifier):
    assert qualifier_before(before) == qualifier
