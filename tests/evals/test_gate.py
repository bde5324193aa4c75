"""The quality gate: the full pipeline on corpus/labelled must stay above evals/floors.json."""
from __future__ import annotations

import json

import pytest

from thidua.cli import main
from thidua.evals.gold import load_labelled
from thidua.evals.report import below_floors, load_floors
from thidua.evals.score import score_set, scores_to_json
from thidua.paths import labelled_dir
from thidua.record import FACT_FIELDS


@pytest.fixture(scope="module")
def result():
    articles = load_labelled(labelled_dir())
    assert len(articles) >= 3
    return scores_to_json(score_set(articles))


def test_scores_stay_above_the_pinned_floors(result):
    failures = below_floors(result, load_floors())
    assert not failures, "quality dropped below evals/floors.json:\n" + "\n".join(failures)


def test_every_field_is_scored(result):
    assert set(result["fields"]) == set(FACT_FIELDS)
    for scores in result["fields"].values():
        assert {"p", "r", "f1"} <= set(scores)


def test_floors_cover_every_field():
    assert set(load_floors()["fields"]) == set(FACT_FIELDS)


def test_evals_command_json_and_report(tmp_path, capsys):
    report = tmp_path / "report.md"
    code = main(["evals", "--json", "--no-baselines", "--report", str(report)])
    assert code == 0
    payload = json.loads(capsys.readouterr().out)
    assert payload["docs"] == len(load_labelled(labelled_dir()))
    assert set(payload["fields"]) == set(FACT_FIELDS)
    text = report.read_text(encoding="utf-8")
    assert "| campaigns |" in text and "## Per article" in text


def test_evals_gate_fails_when_a_floor_is_not_met(tmp_path, capsys):
    floors = load_floors()
    floors["fields"]["campaigns"] = 1.01  # unreachable
    path = tmp_path / "floors.json"
    path.write_text(json.dumps(floors))
    code = main(["evals", "--no-baselines", "--report", "-", "--check-floors", "--floors", str(path)])
    assert code == 1
    assert "campaigns F1" in capsys.readouterr().err


def test_evals_run_on_any_directory_in_the_format(capsys):
    heldout = labelled_dir().parent / "heldout" / "labelled"
    code = main(["evals", "--labelled", str(heldout), "--json", "--no-baselines", "--report", "-"])
    assert code == 0
    payload = json.loads(capsys.readouterr().out)
    assert payload["docs"] == len(list(heldout.glob("*.json"))) >= 8
    assert all(0.0 <= payload["fields"][name]["f1"] <= 1.0 for name in FACT_FIELDS)


def test_the_unit_accuracy_is_gated(result):
    assert load_floors()["statistic_unit_accuracy"] > 0.9
    floors = {"statistic_unit_accuracy": 1.01}
    assert any(line.startswith("statistic_unit_accuracy") for line in below_floors(result, floors))


def test_an_article_that_crashes_the_pipeline_is_scored_as_an_error_not_fatal(monkeypatch):
    from thidua.evals import score

    articles = load_labelled(labelled_dir())[:3]
    real = score.extract_path

    def flaky(path, **kwargs):
        if path == articles[1].source:
            raise TypeError("boom")
        return real(path, **kwargs)

    monkeypatch.setattr(score, "extract_path", flaky)
    result = scores_to_json(score_set(articles))
    errors = {a["id"]: a.get("error") for a in result["articles"]}
    assert errors[articles[1].id] == "pipeline failed: TypeError: boom"
    assert errors[articles[0].id] is None and errors[articles[2].id] is None
    missed = sum(len(articles[1].items(name)) for name in FACT_FIELDS)
    assert sum(f["fn"] for f in result["fields"].values()) >= missed > 0
