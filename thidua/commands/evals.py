"""`thidua evals`."""
from __future__ import annotations

import click

from thidua.options import common_options


@click.command(name="evals")
@common_options
def command(db_path: str) -> None:
    """(being built)"""
    raise click.ClickException("'evals' is not available yet")
