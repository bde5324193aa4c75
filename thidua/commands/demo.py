"""`thidua demo`: the main job on the bundled data."""
from __future__ import annotations

import click

from thidua.options import common_options


@click.command(name="demo")
@common_options
def command(db_path: str) -> None:
    """(being built)"""
    raise click.ClickException("'demo' is not available yet")
