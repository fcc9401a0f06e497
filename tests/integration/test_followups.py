"""Follow-ups end to end: a new article continuing a stored story raises a signed
``story.followup`` webhook with that story's id; corrections survive restarts."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner
from localserver import LocalSite, Route
from newsroom import (
    ARTICLE_PATH,
    EARLIER,
    UNRELATED,
    feed_item,
    publish,
    render_feed,
    render_story,
    write_config,
)

from scraper.cli import cli


def _run(config: Path, *args: str) -> dict | list:
    result = CliRunner().invoke(cli, [*args, "--config", str(config), "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def _serve(site: LocalSite, *stories: dict[str, object], main: bool) -> None:
    """Serve ``stories`` and a feed listing them (and the main article when ``main``)."""
    base = site.url("")
    publish(site)
    for story in stories:
        site.routes[str(story["path"])] = Route(render_story(base, story))
    site.routes["/feed.xml"] = Route(
        render_feed(base, items="".join(feed_item(base, s) for s in stories), main=main),
        content_type="application/rss+xml",
    )


def _setup(tmp_path: Path, site: LocalSite, receiver: LocalSite) -> Path:
    receiver.routes["/hook"] = Route(b"ok")
    return write_config(
        tmp_path / "config.toml",
        f'[[sources]]\nname = "nile"\nurl = "{site.url("/feed.xml")}"\n\n'
        f'[[webhooks]]\nname = "desk"\nurl = "{receiver.url("/hook")}"\nsecret = "k"\n'
        'events = ["story.followup"]\n',
    )


def test_a_follow_up_alerts_with_the_earlier_story_id(
    tmp_path: Path, site: LocalSite, receiver: LocalSite
) -> None:
    config = _setup(tmp_path, site, receiver)
    _serve(site, EARLIER, main=False)
    _run(config, "check")  # baseline: the earlier article opens a story
    earlier_url = site.url(str(EARLIER["path"]))
    (story,) = _run(config, "stories")
    assert story["members"] == 1
    _serve(site, EARLIER, UNRELATED, main=True)
    summary = _run(config, "check")
    assert summary["sources"][0]["followups"] == 1  # the main article; not the football one
    (post,) = receiver.requests_to("/hook", "POST")
    payload = json.loads(post.body)
    assert payload["type"] == "story.followup"
    assert payload["story"]["id"] == story["id"]
    assert payload["article"]["url"] == site.url(ARTICLE_PATH)
    assert [p["url"] for p in payload["story"]["previous"]] == [earlier_url]
    timeline = _run(config, "story", story["id"])
    assert [m["url"] for m in timeline["members"]] == [earlier_url, site.url(ARTICLE_PATH)]
    assert len(_run(config, "stories")) == 2  # the football article is a story of its own


def test_split_and_merge_are_remembered_across_restarts(
    tmp_path: Path, site: LocalSite, receiver: LocalSite
) -> None:
    config = _setup(tmp_path, site, receiver)
    _serve(site, EARLIER, main=False)
    _run(config, "check")
    _serve(site, EARLIER, main=True)
    _run(config, "check")
    (story,) = _run(config, "stories")
    assert story["members"] == 2
    split = CliRunner().invoke(
        cli, ["story", "split", site.url(ARTICLE_PATH), "--config", str(config)]
    )
    assert split.exit_code == 0, split.output
    stories = {s["id"]: s["members"] for s in _run(config, "stories")}
    assert sorted(stories.values()) == [1, 1]
    other = next(sid for sid in stories if sid != story["id"])
    merge = CliRunner().invoke(cli, ["story", "merge", story["id"], other, "--config", str(config)])
    assert merge.exit_code == 0, merge.output
    (merged,) = _run(config, "stories")
    assert (merged["id"], merged["members"]) == (story["id"], 2)
    follow = CliRunner().invoke(cli, ["follow", story["id"], "--config", str(config)])
    assert follow.exit_code == 0
    # a later check (a fresh index rebuilt from the database) keeps the corrected story
    _run(config, "check")
    (again,) = _run(config, "stories", "--followed")
    assert (again["id"], again["members"]) == (story["id"], 2)


def test_merging_a_story_into_itself_is_refused(
    tmp_path: Path, site: LocalSite, receiver: LocalSite
) -> None:
    config = _setup(tmp_path, site, receiver)
    _serve(site, EARLIER, main=False)
    _run(config, "check")
    (story,) = _run(config, "stories")
    result = CliRunner().invoke(
        cli, ["story", "merge", story["id"], story["id"], "--config", str(config)]
    )
    assert result.exit_code == 1
    assert "into itself" in result.stderr
    assert _run(config, "story", story["id"])["id"] == story["id"]


def test_one_poll_listing_a_story_newest_first_alerts_only_the_later_article(
    tmp_path: Path, site: LocalSite, receiver: LocalSite
) -> None:
    receiver.routes["/hook"] = Route(b"ok")
    config = write_config(
        tmp_path / "config.toml",
        f'alert_on_first_poll = true\n\n[[sources]]\nname = "nile"\n'
        f'url = "{site.url("/feed.xml")}"\n\n'
        f'[[webhooks]]\nname = "desk"\nurl = "{receiver.url("/hook")}"\nsecret = "k"\n'
        'events = ["story.followup"]\n',
    )
    base = site.url("")
    publish(site)
    site.routes[str(EARLIER["path"])] = Route(render_story(base, EARLIER))
    dated = feed_item(base, EARLIER).replace(
        "</item>", "<pubDate>Mon, 02 Nov 2026 08:00:00 GMT</pubDate></item>"
    )
    # the feed lists the newest first: the main article, then the earlier one
    site.routes["/feed.xml"] = Route(
        render_feed(base, items=dated, main=True), content_type="application/rss+xml"
    )
    _run(config, "check")
    (post,) = receiver.requests_to("/hook", "POST")
    payload = json.loads(post.body)
    assert payload["article"]["url"] == site.url(ARTICLE_PATH)
    assert [p["url"] for p in payload["story"]["previous"]] == [site.url(str(EARLIER["path"]))]
