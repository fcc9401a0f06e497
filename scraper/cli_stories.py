"""CLI commands for stories and follow-ups: stories, story, follow, unfollow."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click
from rich.table import Table

from .cli import _echo_json, _errors_to_exit, _load, cli, config_option, console, resolve_article
from .config import Config
from .errors import ScraperError
from .followups import FollowupTracker
from .store import Store


@cli.command()
@config_option
@click.option("--limit", default=30, show_default=True, help="How many stories.")
@click.option("--followed", is_flag=True, help="Only stories you follow.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@_errors_to_exit
def stories(config_file: Path | None, limit: int, followed: bool, as_json: bool) -> None:
    """List recent stories with their member counts, most recently active first.

    Example: scraper stories --limit 10
    """
    config = _load(config_file)
    with Store(config.database) as store:
        rows = store.stories(limit=limit, followed_only=followed)
    if as_json:
        _echo_json(rows)
        return
    table = Table(title="stories")
    for col in ("id", "articles", "last seen", "followed", "label"):
        table.add_column(col, overflow="fold")
    for r in rows:
        table.add_row(
            r["id"], str(r["members"]), r["last_seen"], "yes" if r["followed"] else "", r["label"]
        )
    console.print(table)


@cli.command()
@config_option
@click.argument("args", nargs=-1, required=True)
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@_errors_to_exit
def story(config_file: Path | None, args: tuple[str, ...], as_json: bool) -> None:
    """Show a story's timeline, or correct one: `story ID`, `story merge KEEP OTHER`,
    `story split ARTICLE_URL`. Corrections are stored and survive restarts.

    Example: scraper story 3f9a1c2b7d10
    """
    config = _load(config_file)
    if args[0] == "merge" and len(args) == 3:
        _merge(config, args[1], args[2])
    elif args[0] == "split" and len(args) == 2:
        _split(config, args[1])
    elif len(args) == 1:
        _show(config, args[0], as_json)
    else:
        raise ScraperError("usage: scraper story ID | story merge KEEP OTHER | story split URL")


def _show(config: Config, story_id: str, as_json: bool) -> None:
    with Store(config.database) as store:
        data: dict[str, Any] | None = store.story(story_id)
    if data is None:
        raise ScraperError(f"no story {story_id!r}; see `scraper stories`")
    if as_json:
        _echo_json(data)
        return
    followed = " (followed)" if data["followed"] else ""
    console.print(f"[bold]{data['label']}[/]{followed}", highlight=False)
    console.print(f"key terms: {', '.join(data['terms'][:10])}", highlight=False)
    table = Table(title=f"story {story_id}")
    for col in ("published", "source", "score", "title", "url"):
        table.add_column(col, overflow="fold")
    for m in data["members"]:
        score = f"{m['score']:.2f}" if m["score"] is not None else ""
        table.add_row(m["published"], m["source"] or "", score, m["title"] or "", m["url"])
    console.print(table)


def _merge(config: Config, keep: str, other: str) -> None:
    if keep == other:
        raise ScraperError("cannot merge a story into itself")
    with Store(config.database) as store:
        for story_id in (keep, other):
            if store.story(story_id) is None:
                raise ScraperError(f"no story {story_id!r}; see `scraper stories`")
        FollowupTracker(store, settings=config.stories).merge(keep, other)
    console.print(f"merged story {other} into {keep}")


def _split(config: Config, url: str) -> None:
    with Store(config.database) as store:
        key = resolve_article(store, url) or url
        before = store.story_of(key)
        new_id = FollowupTracker(store, settings=config.stories).split(key)
    if new_id is None:
        raise ScraperError(f"no stored article {url!r} in any story")
    if new_id == before:
        console.print(f"{url} is already alone in story {new_id}; nothing to split")
        return
    console.print(f"moved {url} to new story {new_id}")


def _set_followed(config_file: Path | None, story_id: str, followed: bool) -> None:
    config = _load(config_file)
    with Store(config.database) as store:
        was = store.is_followed(story_id)
        if not store.set_followed(story_id, followed):
            raise ScraperError(f"no story {story_id!r}; see `scraper stories`")
    if was == followed:
        console.print(f"story {story_id} was already {'' if followed else 'not '}followed")
    else:
        console.print(f"{'following' if followed else 'no longer following'} story {story_id}")


@cli.command()
@config_option
@click.argument("story_id")
@_errors_to_exit
def follow(config_file: Path | None, story_id: str) -> None:
    """Follow a story: its follow-ups alert when `followups = "followed"`.

    Example: scraper follow 3f9a1c2b7d10
    """
    _set_followed(config_file, story_id, True)


@cli.command()
@config_option
@click.argument("story_id")
@_errors_to_exit
def unfollow(config_file: Path | None, story_id: str) -> None:
    """Stop following a story.

    Example: scraper unfollow 3f9a1c2b7d10
    """
    _set_followed(config_file, story_id, False)
