"""Every sub-command's --help is readable: argparse formats help strings with %, so a bare
"%" in a help text (a unit such as 「%」) would crash ``--help`` instead of showing it."""

from __future__ import annotations

import argparse

from kankei_desktop.cli import build_parser


def _leaf_parsers(parser: argparse.ArgumentParser, prefix: str = ""):
    children = [action for action in parser._actions if isinstance(action, argparse._SubParsersAction)]
    if not children:
        yield prefix.strip(), parser
    for action in children:
        for name, child in action.choices.items():
            yield from _leaf_parsers(child, f"{prefix} {name}")


def test_every_command_formats_its_help():
    leaves = list(_leaf_parsers(build_parser()))
    assert len(leaves) > 40  # every group's commands, not only the top level
    for name, parser in leaves:
        text = parser.format_help()
        assert "usage:" in text, name
    units = dict(leaves)["indicators create"].format_help()
    assert "例: %、円、社" in units
