"""`thidua`: one click group, one module per subcommand under thidua/commands/."""
from __future__ import annotations

import logging
import sys

import click

from . import __version__
from .commands import COMMANDS


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="thidua")
def cli() -> None:
    """thidua: Vietnamese trade-union news as a dataset of emulation movements.

    Crawl union news sites, clean and extract campaigns, phases, date ranges, awards, people
    and statistics, store them in SQLite, then search, serve and export the dataset.
    """


for command in COMMANDS:
    cli.add_command(command)


def main(argv: list[str] | None = None) -> int:
    """Entry point: errors end in one clear line on stderr and a non-zero exit, never a traceback."""
    try:
        result = cli.main(args=argv, prog_name="thidua", standalone_mode=False)
    except click.exceptions.Exit as done:
        return done.exit_code
    except click.ClickException as error:
        prefix = f"{error.ctx.command_path}: " if getattr(error, "ctx", None) else "thidua: "
        click.echo(f"{prefix}error: {error.format_message()}", err=True)
        return error.exit_code
    except click.Abort:
        click.echo("thidua: aborted", err=True)
        return 130
    except KeyboardInterrupt:
        click.echo("thidua: interrupted", err=True)
        return 130
    except Exception as error:  # the last line of defence: log the trace, say one line
        logging.getLogger("thidua").debug("unexpected error", exc_info=True)
        click.echo(f"thidua: error: {type(error).__name__}: {error} (run with -v for details)", err=True)
        return 1
    # non-standalone click returns the exit code of ctx.exit(N); commands otherwise return None
    return result if isinstance(result, int) else 0


if __name__ == "__main__":
    sys.exit(main())
