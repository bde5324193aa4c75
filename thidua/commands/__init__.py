"""The subcommands of `thidua`, one module each."""
from . import crawl, demo, evals, export, extract, nightly, search, serve

COMMANDS = [demo.command, crawl.command, extract.command, search.command, export.command,
            evals.command, nightly.command, serve.command]
