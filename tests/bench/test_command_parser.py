"""A command line imports only the module registering its command; the table saying which
module that is stays what the modules register."""

from __future__ import annotations

import argparse
import importlib

import pytest

from clerk.cli import main


def test_the_table_of_commands_is_what_the_modules_register() -> None:
    registered: dict[str, str] = {}
    for name in main.COMMAND_MODULES:
        parser = argparse.ArgumentParser()
        sub = parser.add_subparsers()
        importlib.import_module(name).register(sub)
        registered |= dict.fromkeys(sub.choices, name)
    assert registered == main.COMMANDS


@pytest.mark.parametrize(
    ("argv", "module"),
    [
        (["minutes", "1"], "clerk.cli.document_commands"),
        (["--db", "x.sqlite3", "minutes", "1", "-o", "out"], "clerk.cli.document_commands"),
        (["--db=x.sqlite3", "audit", "1"], "clerk.cli.signoff_commands"),
        (["--demo", "list"], "clerk.cli.core_commands"),
        (["--db", "minutes", "list"], "clerk.cli.core_commands"),  # "minutes" is the path
        (["--help"], None),
        (["-h", "minutes"], None),
        (["--d", "x", "minutes"], None),  # an abbreviated option: argparse decides
        (["minuets", "1"], None),  # mistyped: the full parser names the choices
        ([], None),
    ],
)
def test_the_command_module_is_found_only_when_plain(argv: list[str], module: str | None) -> None:
    assert main.command_module(argv) == module


def test_a_command_parses_as_with_every_module_loaded() -> None:
    argv = ["--db", "x.sqlite3", "minutes", "cyp/2021-08-18", "--format", "pdf", "-o", "out"]
    one = main.build_parser(argv=argv).parse_args(argv)
    every = main.build_parser().parse_args(argv)
    assert vars(one) == vars(every)
    with pytest.raises(SystemExit):
        main.build_parser(argv=["minuets"]).parse_args(["minuets"])
