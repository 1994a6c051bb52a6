"""The ``dyads`` command: a thin layer over the library. Each command lives in its own
module with ``register(subparsers)``; handlers take the parsed args and return an exit code."""
from __future__ import annotations

import importlib
import sys

from .. import __version__
from .args import OneLineParser

COMMAND_MODULES = ("dyads.cli.code", "dyads.cli.actors", "dyads.cli.store", "dyads.cli.serve",
                   "dyads.cli.demo", "dyads.cli.ingest", "dyads.cli.panel")


def build_parser() -> OneLineParser:
    parser = OneLineParser(
        prog="dyads", description="Political event data from news text: who did what to whom, when and where.")
    parser.add_argument("--version", action="version", version=f"dyads {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    parser.commands = sub.choices  # name -> the command's parser
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args, extra = parser.parse_known_args(argv)
    if extra:  # told by the command's own parser, so the error names its --help
        where = parser.commands.get(getattr(args, "command", None), parser)
        where.error(f"unrecognized arguments: {' '.join(extra)}")
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return int(args.func(args) or 0)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `dyads code ... | head` is fine
        sys.stderr.close()
        return 0


if __name__ == "__main__":
    sys.exit(main())
