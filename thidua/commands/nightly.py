"""`thidua nightly`."""
from __future__ import annotations

import click

from thidua.options import common_options


@click.command(name="nightly")
@common_options
def command(db_path: str) -> None:
    """(being built)"""
    raise click.ClickException("'nightly' is not available yet")
