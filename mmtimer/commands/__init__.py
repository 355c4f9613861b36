"""The Qt-free subcommands of `mmtimer` (one module each; cli.py registers them)."""
