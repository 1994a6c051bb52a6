"""The ``dyads`` command: a thin layer over the library. Each command lives in its own
module with ``register(subparsers)``; handlers take the parsed args and return an exit code."""
from __future__ import annotations

import importlib
import sys

from .. import __version__
from .args import OneLineParser

COMMAND_MODULES = ("dyads.cli.code", "dyads.cli.actors", "dyads.cli.store", "dyads.cli.serve",
                   "dyads.cli.demo", "dyads.cli.ingest", "dyads.cli.panel")
# the commands each module registers (a test checks it), so that `dyads query --help`
# imports the store's module alone and not the coder's, the KB's or the server's
COMMANDS = {"code": "dyads.cli.code", "eval": "dyads.cli.code", "actors": "dyads.cli.actors",
            "kb": "dyads.cli.actors", "query": "dyads.cli.store", "export": "dyads.cli.store",
            "load": "dyads.cli.store", "stats": "dyads.cli.store", "serve": "dyads.cli.serve",
            "demo": "dyads.cli.demo", "ingest": "dyads.cli.ingest", "panel": "dyads.cli.panel"}


def build_parser(command: str | None = None) -> OneLineParser:
    """The whole command line, or with ``command`` only that command's module loaded."""
    parser = OneLineParser(
        prog="dyads", description="Political event data from news text: who did what to whom, when and where.")
    parser.add_argument("--version", action="version", version=f"dyads {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in (COMMANDS[command],) if command in COMMANDS else COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    parser.commands = sub.choices  # name -> the command's parser
    return parser


def _command_named(argv: list[str]) -> str | None:
    """The command the arguments name first, if they name one before any option."""
    first = argv[0] if argv else None
    return first if first in COMMANDS else None


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    parser = build_parser(_command_named(argv))
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
