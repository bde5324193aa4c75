"""pyproject.toml ships every package: the fixed top-level folders map onto `thidua.*`."""
from __future__ import annotations

import tomllib

from thidua.paths import REPO_ROOT


def test_every_package_folder_is_listed_in_pyproject():
    config = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]
    listed = set(config["packages"])
    for name, folder in config["package-dir"].items():
        for init in (REPO_ROOT / folder).rglob("__init__.py"):
            if "__pycache__" in init.parts:
                continue
            relative = init.parent.relative_to(REPO_ROOT / folder).parts
            package = ".".join((name, *relative))
            assert package in listed, f"{package} ({init.parent}) is missing from pyproject packages"


def test_every_dependency_is_pinned_in_constraints():
    project = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text())["project"]
    pinned = {line.split("==")[0].strip().lower().replace("_", "-")
              for line in (REPO_ROOT / "constraints.txt").read_text().splitlines() if "==" in line}
    wanted = project["dependencies"] + project["optional-dependencies"]["dev"]
    for requirement in wanted:
        name = requirement.split(">")[0].split("<")[0].split("=")[0].split("[")[0].strip().lower().replace("_", "-")
        assert name in pinned, f"{name} is not pinned in constraints.txt"
