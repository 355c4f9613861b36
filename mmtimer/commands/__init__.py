"""The `mmtimer` subcommands, one module each (registered in mmtimer/cli.py)."""
