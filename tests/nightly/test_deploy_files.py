"""The systemd units and the cron line shipped for the nightly run, checked for syntax,
and the README shows the same files."""
from __future__ import annotations

import re
import shutil
import subprocess
from configparser import ConfigParser

import pytest

from thidua.paths import REPO_ROOT

DEPLOY = REPO_ROOT / "crawler" / "deploy"
CRON_FIELD = r"(\*|\d+(-\d+)?(,\d+(-\d+)?)*)(/\d+)?"
CRON_LINE = re.compile(rf"^{CRON_FIELD}\s+{CRON_FIELD}\s+{CRON_FIELD}\s+{CRON_FIELD}\s+{CRON_FIELD}\s+(\w+)\s+(.+)$")


def unit(name: str) -> ConfigParser:
    parser = ConfigParser(strict=False, interpolation=None)
    parser.optionxform = str
    parser.read(DEPLOY / name, encoding="utf-8")
    return parser


def test_service_runs_thidua_nightly_once():
    service = unit("thidua-nightly.service")
    assert service["Service"]["Type"] == "oneshot"
    assert " nightly " in service["Service"]["ExecStart"] + " "
    assert "--log-file" in service["Service"]["ExecStart"]


def test_timer_fires_nightly_and_catches_up():
    timer = unit("thidua-nightly.timer")
    assert timer["Timer"]["Persistent"] == "true"
    assert timer["Install"]["WantedBy"] == "timers.target"


@pytest.mark.skipif(not shutil.which("systemd-analyze"), reason="systemd-analyze not installed")
def test_units_pass_systemd_analyze_verify(tmp_path):
    # verify insists that ExecStart exists: point it at a real binary for the check
    text = (DEPLOY / "thidua-nightly.service").read_text().replace("/srv/thidua/.venv/bin/thidua", shutil.which("true"))
    (tmp_path / "thidua-nightly.service").write_text(text)
    shutil.copy(DEPLOY / "thidua-nightly.timer", tmp_path)
    result = subprocess.run(["systemd-analyze", "verify", str(tmp_path / "thidua-nightly.timer"),
                             str(tmp_path / "thidua-nightly.service")], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    calendar = unit("thidua-nightly.timer")["Timer"]["OnCalendar"]
    assert subprocess.run(["systemd-analyze", "calendar", calendar], capture_output=True).returncode == 0


def test_cron_line_has_five_time_fields_a_user_and_the_command():
    lines = [line for line in (DEPLOY / "thidua.cron").read_text().splitlines()
             if line.strip() and not line.startswith("#") and "=" not in line.split()[0]]
    assert len(lines) == 1
    match = CRON_LINE.match(lines[0])
    assert match, lines[0]
    minute, hour = lines[0].split()[:2]
    assert 0 <= int(minute) <= 59 and 0 <= int(hour) <= 23
    assert "thidua nightly" in lines[0]


def test_cron_pattern_rejects_a_malformed_line():
    assert not CRON_LINE.match("30 2 * * thidua nightly")
    assert not CRON_LINE.match("ab 2 * * * thidua nightly")


def test_readme_shows_the_shipped_files():
    readme = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    for name in ("thidua-nightly.service", "thidua-nightly.timer", "thidua.cron"):
        body = (DEPLOY / name).read_text(encoding="utf-8")
        significant = [line for line in body.splitlines() if line and not line.startswith("#")]
        for line in significant:
            assert line in readme, f"README does not show {name}: {line}"
