"""`thidua search QUERY`: ranked articles from the store, diacritics optional."""
from __future__ import annotations

import json

import click

from thidua.options import common_options


def store_options(func):
    """--timeout and --aliases, for the commands that open an existing store."""
    func = click.option("--aliases", "aliases_path", type=click.Path(dir_okay=False), envvar="THIDUA_ALIASES",
                        help="Editors' aliases YAML (default: aliases.yaml beside the database; env THIDUA_ALIASES).")(func)
    return click.option("--timeout", default=30.0, show_default=True, type=float,
                        help="Seconds to wait for a database locked by another writer.")(func)


def open_store(db_path: str, timeout: float, aliases_path: str | None = None):
    """The store for a reading command: it must exist; problems become one-line CLI errors."""
    from thidua.schema.store import Store, StoreError

    try:
        return Store.open(db_path, timeout=timeout, create=False, aliases=aliases_path)
    except StoreError as error:
        raise click.ClickException(str(error)) from None


def styled(hit: dict):
    """The snippet with its matches highlighted (rich Text: no markup is read from the article)."""
    from rich.text import Text

    text = Text(hit["snippet"])
    for start, end in hit.get("highlights") or []:
        text.stylize("bold yellow", start, end)
    return text


def show(results: list[dict]) -> None:
    from rich.console import Console
    from rich.text import Text

    console = Console(highlight=False, soft_wrap=False)
    if not results:
        console.print("No matching articles.")
        return
    for rank, hit in enumerate(results, 1):
        console.print(Text(f"{rank:>2}. ", style="dim") + Text(hit["title"] or "(no title)", style="bold"))
        meta = " · ".join(str(v) for v in (hit["site"], hit["published"]) if v)
        if hit["score"] is not None:
            meta += f" · score {hit['score']:.2f}"
        console.print(Text("    " + meta, style="dim"))
        console.print(Text("    " + hit["url"], style="blue"))
        console.print(Text("    ") + styled(hit))
        console.print()


@click.command(name="search")
@click.argument("query", nargs=-1)
@click.option("--campaign", help="Only articles mentioning this campaign (name, diacritics optional).")
@click.option("--person", help="Only articles mentioning this person.")
@click.option("--site", help="Only articles from this site (host, or part of it).")
@click.option("--since", help="Published on or after (YYYY, YYYY-MM or YYYY-MM-DD).")
@click.option("--until", help="Published on or before (YYYY, YYYY-MM or YYYY-MM-DD).")
@click.option("--limit", default=20, show_default=True, type=click.IntRange(1, 1000), help="Most results shown.")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list (url, title, published, site, snippet, score).")
@store_options
@common_options
def command(query: tuple[str, ...], campaign, person, site, since, until, limit: int, as_json: bool,
            timeout: float, aliases_path: str | None, db_path: str) -> None:
    """Search stored articles: words, "phrases" and prefixes (lao*), OR between alternatives.

    Diacritics and case do not matter: "lao dong gioi" finds "Lao động giỏi".
    """
    from thidua.schema.errors import StoreError

    store = open_store(db_path, timeout, aliases_path)
    try:
        with store:
            results = store.search(" ".join(query), campaign=campaign, person=person, site=site,
                                   since=since, until=until, limit=limit)
    except StoreError as error:
        raise click.ClickException(str(error)) from None
    if as_json:
        click.echo(json.dumps(results, ensure_ascii=False, indent=2))
    else:
        show(results)
