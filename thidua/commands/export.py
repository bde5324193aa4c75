"""`thidua export --format csv|jsonl|parquet DIR`: the dataset for researchers."""
from __future__ import annotations

import click

from thidua.commands.search import store_options
from thidua.options import common_options, is_quiet


@click.command(name="export")
@click.argument("out_dir", type=click.Path(file_okay=False))
@click.option("--format", "fmt", type=click.Choice(["csv", "jsonl", "parquet"]), default="csv", show_default=True,
              help="File format, one file per table.")
@store_options
@common_options
def command(out_dir: str, fmt: str, timeout: float, aliases_path: str | None, db_path: str) -> None:
    """Write every table of the database to OUT_DIR, with DATA_DICTIONARY.md and data_dictionary.json.

    Ids are stable: exporting a database rebuilt from the same articles gives the same
    article, campaign, person and organisation ids.
    """
    from thidua.commands.search import open_store
    from thidua.schema.errors import StoreError
    from thidua.schema.export import export

    store = open_store(db_path, timeout, aliases_path)
    try:
        with store:
            written = export(store.db, out_dir, fmt)
    except StoreError as error:
        raise click.ClickException(str(error)) from None
    except OSError as error:
        raise click.ClickException(f"cannot write to {out_dir}: {error.strerror or error}") from None
    if not is_quiet():
        total = sum(written.values())
        click.echo(f"exported {len(written)} tables ({total} rows) as {fmt} to {out_dir}, "
                   f"with DATA_DICTIONARY.md", err=True)
