"""`python -m mmtimer`: the same as the `mmtimer` command."""

from mmtimer.cli import main

raise SystemExit(main())
