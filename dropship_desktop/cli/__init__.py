"""The command line: the parser and the headless sub-commands, a module per command group.

``main`` builds the parser from the groups listed in :data:`.main.GROUPS` and dispatches to them;
``common`` holds what the groups share (options, the data folder, opening the database);
``lock`` keeps two writing commands apart. ``import``/``export`` are one group (``transfer``)
that hands each kind of file to its module (``orders``, ``sourcing``, ``after_sales``,
``fulfilment``).
"""

from __future__ import annotations

from .common import data_dir_from_args
from .main import build_parser, parse, run_command

__all__ = ["build_parser", "data_dir_from_args", "parse", "run_command"]
