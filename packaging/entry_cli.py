"""Frozen entry point of ``contrat-desktop-cli`` (the same as the ``scripts`` entry point)."""

from contrat_desktop.cli import main

raise SystemExit(main())
