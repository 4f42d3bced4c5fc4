"""`python -m game` is the same as the `cislunar` command."""

from game.cli.main import main

raise SystemExit(main())
