"""`thidua serve`."""
from __future__ import annotations

import click

from thidua.options import common_options


@click.command(name="serve")
@common_options
def command(db_path: str) -> None:
    """(being built)"""
    raise click.ClickException("'serve' is not available yet")
