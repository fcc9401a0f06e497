"""Every CLI command is documented in README.md and has an example in its --help."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from scraper.cli import cli

README = (Path(__file__).parent.parent.parent / "README.md").read_text(encoding="utf-8")
COMMANDS = sorted(cli.commands)


def test_the_expected_commands_exist() -> None:
    for name in ("fetch", "check", "run", "history", "diff", "demo", "stories", "story"):
        assert name in COMMANDS


@pytest.mark.parametrize("name", COMMANDS)
def test_command_is_in_readme_and_help_has_an_example(name: str) -> None:
    assert f"`scraper {name}" in README
    result = CliRunner().invoke(cli, [name, "--help"])
    assert result.exit_code == 0
    assert f"Example: scraper {name}" in " ".join(result.output.split())


def test_readme_test_command_is_what_ci_runs() -> None:
    ci = (Path(__file__).parent.parent.parent / ".ci" / "run").read_text(encoding="utf-8")
    command = ci.strip().splitlines()[-1]
    assert f"```sh\n{command}\n```" in README
