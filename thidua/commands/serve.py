"""`thidua serve`: datasette over the database, read-only, with a diacritics-insensitive search page."""
from __future__ import annotations

from pathlib import Path

import click

from thidua.commands.search import store_options
from thidua.options import common_options


def build_app(db_path: str):
    """The datasette instance: read-only database, data-dictionary metadata, thidua plugin."""
    from datasette.app import Datasette
    from datasette.plugins import pm

    from thidua.schema import web

    if not pm.is_registered(web):
        pm.register(web, name="thidua")
    name = Path(db_path).stem
    return Datasette(files=[db_path], metadata=web.metadata(name), template_dir=str(web.TEMPLATES),
                     settings={"default_page_size": 50, "sql_time_limit_ms": 3000, "allow_download": True,
                               "facet_time_limit_ms": 500})


@click.command(name="serve")
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to listen on.")
@click.option("--port", default=8001, show_default=True, type=click.IntRange(0, 65535), help="Port to listen on.")
@store_options
@common_options
def command(host: str, port: int, timeout: float, aliases_path: str | None, db_path: str) -> None:
    """Browse the database in a web browser (datasette, read-only): tables, facets, canned
    queries (campaign timeline, people by award, statistics by campaign) and /search.
    """
    import uvicorn

    from thidua.commands.search import open_store

    open_store(db_path, timeout, aliases_path).close()  # a clear error now for a missing, corrupt or foreign file
    app = build_app(db_path)
    click.echo(f"thidua: serving {db_path} read-only at http://{host}:{port}/ (search: /search)", err=True)
    uvicorn.run(app.app(), host=host, port=port, log_level="warning", lifespan="on")
