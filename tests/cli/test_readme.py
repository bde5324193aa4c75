"""The README is checked: its two commands, and every option its command table shows exists."""
from __future__ import annotations

import re

import pytest

from thidua.cli import cli, main
from thidua.paths import REPO_ROOT

README = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
TABLE_ROW = re.compile(r"^\| `thidua (\w+)([^`]*)` \|", re.M)


def test_install_and_test_commands_come_first():
    blocks = re.findall(r"```bash\n(.+?)\n```", README, re.S)
    assert "pip install -q -c constraints.txt -e '.[dev]'" in blocks[0] and "thidua demo" in blocks[0]
    assert "pytest" in blocks[1]
    ci = (REPO_ROOT / ".ci" / "run").read_text()
    assert "pip install -q -c constraints.txt -e '.[dev]'" in ci and "python -m pytest -q" in ci


def test_command_table_lists_every_subcommand():
    assert {name for name, _ in TABLE_ROW.findall(README)} == set(cli.commands)


@pytest.mark.parametrize("name, usage", TABLE_ROW.findall(README))
def test_every_option_in_the_table_exists(name, usage, capsys):
    assert main([name, "--help"]) == 0
    help_text = capsys.readouterr().out
    for option in re.findall(r"--[a-z][a-z-]*|(?<![\w-])-[a-z]\b", usage):
        assert option in help_text, f"README shows {option} for thidua {name}, its --help does not"
